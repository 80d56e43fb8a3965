"""How English clauses around a trigger decide its status, date and place: purpose
infinitives, implicative verbs, "before"/"after" with a gerund, coordinated verbs sharing
their time, and the story moving on after a departure. Texts are our own."""

from __future__ import annotations

from typing import Any

import pytest

from corroborator.analyze.nlp import load_model
from corroborator.config import Settings
from corroborator.model import EventMention
from tests.event_text import events_in, one_event

DAY = "2030-04-14"  # a Sunday


@pytest.fixture(scope="module")
def nlp() -> Any:
    return load_model(Settings().spacy_model)


def _events(nlp: Any, text: str) -> list[EventMention]:
    return events_in(nlp, text, DAY, ident="art_clauses")


def _one(nlp: Any, text: str, kind: str) -> EventMention:
    return one_event(nlp, text, kind, DAY)


def test_a_purpose_infinitive_is_still_to_come(nlp: Any) -> None:
    text = "President Marta Olvera flew to Lisbon on Monday to sign a defence pact with Portugal."
    found = _events(nlp, text)
    signing = next(m for m in found if m.type == "signing")
    assert (signing.status, signing.status_reason) == ("planned", "purpose infinitive")
    assert next(m for m in found if m.type == "visit").status == "reported"


def test_the_object_of_a_purpose_infinitive_is_still_to_come(nlp: Any) -> None:
    text = "The prime minister arrived in Madrid to attend a summit of Atlantic leaders."
    summit = _one(nlp, text, "summit")
    assert (summit.status, summit.status_reason) == ("planned", "purpose infinitive")


def test_an_event_in_a_preposition_under_an_infinitive_is_a_circumstance(nlp: Any) -> None:
    text = "The ministry dispatched three crews to work on rescue operations in the flooded valley."
    assert _one(nlp, text, "rescue").status == "reported"


def test_a_purpose_infinitive_dated_before_the_article_was_done(nlp: Any) -> None:
    text = "Volunteers worked through the night to rescue two miners in Quetta on Saturday."
    assert _one(nlp, text, "rescue").status == "reported"


def test_an_implicative_verb_tells_its_infinitive_as_done(nlp: Any) -> None:
    text = "The envoy managed to hold talks with the rebel commanders on Friday."
    assert _one(nlp, text, "talks").status == "reported"


def test_an_intention_in_an_inflected_form_is_planned(nlp: Any) -> None:
    text = "Speaking aboard her plane, the president said she hoped to open an embassy in Lima."
    assert _one(nlp, text, "opening").status == "planned"


def test_a_gerund_after_before_in_a_past_clause_is_done(nlp: Any) -> None:
    text = "Before leaving Brasilia, the president told journalists she wanted a trade deal."
    departure = _one(nlp, text, "departure")
    assert departure.status == "reported"


def test_the_story_is_not_where_its_subject_left(nlp: Any) -> None:
    text = (
        "The Brazilian president arrived in Ottawa on Thursday for a two-day visit. "
        "Before leaving Brasilia, she told journalists she wanted a trade deal. "
        "After arriving at the airport, she was greeted by the foreign minister. "
        "She held talks with the prime minister on Thursday, after which they signed four "
        "agreements."
    )
    found = _events(nlp, text)
    assert next(m for m in found if m.type == "talks").place == "Ottawa"
    assert next(m for m in found if m.type == "signing").place == "Ottawa"


def test_coordinated_verbs_share_their_time_and_modal(nlp: Any) -> None:
    text = "She will meet Premier Joao Ferraz on Wednesday and sign a trade deal and visit a port."
    found = {m.type: m for m in _events(nlp, text)}
    assert found["meeting"].date == "2030-04-17"
    assert found["signing"].date == "2030-04-17"
    assert found["signing"].status == "planned"
    assert found["visit"].date == "2030-04-17"


def test_a_conjunct_with_a_date_of_its_own_keeps_it(nlp: Any) -> None:
    text = "The two leaders met in Rome on Friday and will sign the accord on Wednesday."
    found = {m.type: m for m in _events(nlp, text)}
    assert found["signing"].date == "2030-04-17"
    assert found["signing"].status == "planned"


def test_a_first_event_in_years_is_the_one_of_the_story(nlp: Any) -> None:
    text = "The two premiers held their first meeting in a decade on Friday."
    assert not _one(nlp, text, "meeting").background
    text = "The chancellor is now on her first trip to Chile since 2009."
    visit = _one(nlp, text, "visit")
    assert not visit.background
    assert visit.date is None  # 2009 opens the span it is counted in


def test_a_first_event_dated_long_ago_is_history(nlp: Any) -> None:
    text = "The chancellor made her first visit to Lima in 2009."
    assert _one(nlp, text, "visit").background


def test_failing_to_act_is_cancelled(nlp: Any) -> None:
    text = "Critics said the authorities had failed to arrest the general."
    arrest = _one(nlp, text, "arrest")
    assert (arrest.status, arrest.status_reason) == ("cancelled", "negated past")


def test_what_is_not_allowed_is_no_event(nlp: Any) -> None:
    text = "Under the truce, the militias are not allowed to attack government posts."
    assert not [m for m in _events(nlp, text) if m.type == "attack"]


def test_a_where_clause_happens_at_the_place_before_it(nlp: Any) -> None:
    text = (
        "President Ivan Petrov arrived in Hanoi late on Tuesday after a day in Pyongyang, "
        "where he signed a defence treaty with the North Korean leader. "
        "He is expected to hold talks with President Lam on Wednesday."
    )
    found = _events(nlp, text)
    assert next(m for m in found if m.type == "signing").place == "Pyongyang"
    # told aside, the clause does not move the story
    assert next(m for m in found if m.type == "talks").place == "Hanoi"


def test_the_noun_of_a_verb_object_trigger_names_the_destination(nlp: Any) -> None:
    text = "Prime Minister Ravi Kumar will pay an official visit to Oslo next week."
    assert _one(nlp, text, "visit").place == "Oslo"


def test_speaking_on_television_is_a_statement(nlp: Any) -> None:
    text = "Speaking on national television after the meeting, President Rudi Santoso said "
    text += "trust had been restored."
    assert _one(nlp, text, "statement").status == "reported"


def test_a_plan_told_now_takes_no_past_day_from_the_passage(nlp: Any) -> None:
    text = (
        "When President Rudi Santoso landed in Canberra on Tuesday, he came to mend ties. "
        "He is scheduled to travel to Sydney on Wednesday to open a consulate."
    )
    found = _events(nlp, text)
    visit = next(m for m in found if m.type == "visit")
    assert (visit.place, visit.status) == ("Sydney", "planned")
    assert visit.date == "2030-04-17"
    assert next(m for m in found if m.type == "opening").date != "2030-04-09"


def test_a_part_of_the_day_of_a_date_is_that_date(nlp: Any) -> None:
    text = "The two leaders will have an informal dinner on the evening of April 18."
    assert _one(nlp, text, "reception").date == "2030-04-18"


def test_refusing_to_hold_talks_is_cancelled(nlp: Any) -> None:
    text = "The envoy refused to hold talks with the rebel commanders."
    assert _one(nlp, text, "talks").status == "cancelled"


def test_a_going_passes_its_destination_only_to_what_follows(nlp: Any) -> None:
    text = (
        "Arjun Rao held talks with Chancellor Klara Weiss in Vienna on Tuesday. "
        "Rao, who was awarded the country's highest honour on Tuesday, then flew to Prague, "
        "where he was received by the Czech president."
    )
    found = _events(nlp, text)
    assert next(m for m in found if m.type == "award").place != "Prague"
    assert next(m for m in found if m.type == "visit").place == "Prague"
