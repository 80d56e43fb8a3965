"""Event mentions from written sentences: type, status, date, place, participants, speaker."""

from __future__ import annotations

from typing import Any

import pytest

from corroborator.analyze.entities import resolve_entities
from corroborator.analyze.events import extract_events
from corroborator.analyze.nlp import load_model
from corroborator.analyze.timex import analyze_dates
from corroborator.config import Settings
from corroborator.model import Article, EventMention


@pytest.fixture(scope="module")
def nlp() -> Any:
    return load_model(Settings().spacy_model)


def events(nlp: Any, text: str, published: str | None = "2025-11-26") -> list[EventMention]:
    article = Article(id="art_test", text=text, source_path="t.txt", published=published)
    doc = nlp(text)
    dates = analyze_dates(doc, article)
    when = published or dates.published
    return extract_events(
        doc, article, resolve_entities(doc, when, article.id), dates.timexes, when
    )


def one(found: list[EventMention], type_: str) -> EventMention:
    hits = [e for e in found if e.type == type_]
    assert len(hits) == 1, [(e.type, e.trigger) for e in found]
    return hits[0]


def test_preview_is_planned_with_dates_places_and_people(nlp: Any) -> None:
    text = (
        "Vladimir Putin will arrive in Bishkek on Tuesday for a state visit hosted by "
        "Sadyr Japarov. "
        "On Wednesday the two presidents will hold talks at the Palace of Unity."
    )
    found = events(nlp, text, "2025-11-24")
    arrival = one(found, "arrival")
    assert (arrival.status, arrival.date, arrival.place) == ("planned", "2025-11-25", "Bishkek")
    assert arrival.participants == ("Vladimir Putin",)
    talks = one(found, "talks")
    assert (talks.status, talks.date, talks.place) == ("planned", "2025-11-26", "Yntymak Ordo")
    assert set(talks.participants) == {"Vladimir Putin", "Sadyr Japarov"}


def test_report_is_reported_and_roles_become_people(nlp: Any) -> None:
    text = (
        "The Russian leader and the Kyrgyz president held talks at the Yntymak Ordo residence "
        "on Wednesday."
    )
    talks = one(events(nlp, text), "talks")
    assert (talks.status, talks.date, talks.place) == ("reported", "2025-11-26", "Yntymak Ordo")
    assert set(talks.participants) == {"Vladimir Putin", "Sadyr Japarov"}
    assert all(p in {"Vladimir Putin", "Sadyr Japarov"} for p in talks.participants)


def test_cancelled_and_background(nlp: Any) -> None:
    found = events(nlp, "The signing ceremony planned for Thursday was cancelled.")
    assert one(found, "signing").status == "cancelled"
    found = events(nlp, "Vladimir Putin and Sadyr Japarov last met in July 2023 in Moscow.")
    meeting = one(found, "meeting")
    assert meeting.background and meeting.date == "2023-07" and meeting.status == "reported"


def test_generic_statements_are_not_events(nlp: Any) -> None:
    text = (
        "A state visit is the highest form of diplomatic contact. "
        "Such visits usually include several meetings and receptions."
    )
    assert events(nlp, text) == []


def test_quoted_plan_is_said_by_the_speaker(nlp: Any) -> None:
    text = '"The presidents will sign a joint statement on Wednesday," Yuri Ushakov told reporters.'
    signing = one(events(nlp, text, "2025-11-24"), "signing")
    assert (signing.status, signing.date, signing.said_by) == (
        "planned",
        "2025-11-26",
        "Yuri Ushakov",
    )


def test_a_dated_sentence_rules_the_events_that_follow(nlp: Any) -> None:
    text = (
        "November 26 will be the busiest day of the trip, opening with an official welcome "
        "ceremony at the Palace of Unity. This will be followed by talks and a reception."
    )
    found = events(nlp, text, "2025-11-24")
    for type_ in ("welcome_ceremony", "talks", "reception"):
        e = one(found, type_)
        assert (e.status, e.date, e.place) == ("planned", "2025-11-26", "Yntymak Ordo"), type_


def test_every_mention_cites_its_sentence(nlp: Any) -> None:
    text = "Putin arrived in Bishkek on Tuesday. He laid a wreath at the Eternal Flame."
    for e in events(nlp, text):
        assert text[e.start : e.end] == e.quote
        assert text[e.trigger_start : e.trigger_end] == e.trigger
        assert e.start <= e.trigger_start < e.trigger_end <= e.end


def test_actors_are_countries_and_organisations(nlp: Any) -> None:
    text = (
        "Russian and Kyrgyz troops held an exercise with the Collective Security Treaty "
        "Organization in Bishkek on Wednesday."
    )
    exercise = one(events(nlp, text), "military_exercise")
    # nationality adjectives become their countries; the city is the place, not an actor
    assert set(exercise.actors) == {
        "Russia",
        "Kyrgyzstan",
        "Collective Security Treaty Organization",
    }, exercise.actors


def test_date_and_status_are_recorded_in_typed_fields(nlp: Any) -> None:
    """What decided the date and the status travels as fields, not as evidence text."""
    text = (
        "Vladimir Putin will arrive in Bishkek on November 25. "
        "On Tuesday the two presidents held talks."
    )
    found = events(nlp, text, "2025-11-24")
    arrival = one(found, "arrival")
    assert (arrival.date, arrival.date_source, arrival.date_text) == (
        "2025-11-25",
        "expression",
        "November 25",
    )
    assert arrival.status_reason == "future modal"
    assert one(found, "talks").status_reason == "past tense"
    # an article with no date of its own: the weekday waits for the story
    talks = one(events(nlp, text, None), "talks")
    assert (talks.date, talks.date_source, talks.date_text) == (
        None,
        "weekday_for_story",
        "Tuesday",
    )


def test_under_way_at_writing_is_in_progress(nlp: Any) -> None:
    # the present progressive and "ongoing"/"continue" in the present: under way at writing
    found = events(nlp, "Vladimir Putin is holding talks with Sadyr Japarov in Bishkek.")
    talks = one(found, "talks")
    assert (talks.status, talks.status_reason) == ("in_progress", "under way at writing")
    found = events(nlp, "The negotiations between the delegations are still ongoing in Bishkek.")
    assert one(found, "talks").status == "in_progress"


def test_progressive_with_a_later_date_is_planned_and_past_stays_reported(nlp: Any) -> None:
    # a progressive with a date after the article is a future arrangement
    found = events(nlp, "Vladimir Putin is visiting Bishkek on December 5.", "2025-11-26")
    assert one(found, "visit").status == "planned"
    found = events(nlp, "The talks continued in Bishkek until late in the evening.")
    assert one(found, "talks").status == "reported"


def test_negation_in_a_frame_phrase_does_not_cancel_the_event(nlp: Any) -> None:
    # "not" bears on what was not allowed, not on the talks that frame it
    found = events(nlp, "During the talks in Bishkek, journalists were not allowed into the hall.")
    assert one(found, "talks").status != "cancelled"


def test_a_toll_is_dated_by_the_report_that_gives_it(nlp: Any) -> None:
    text = (
        "State radio reported on Sunday that the death toll from the floods that hit the "
        "valley on March 3 had climbed to 412."
    )
    toll = one(events(nlp, text, "2026-03-10"), "casualties")
    assert (toll.date, toll.date_text, toll.date_source) == ("2026-03-08", "Sunday", "expression")


def test_an_undated_toll_is_the_count_as_of_the_article(nlp: Any) -> None:
    # not Monday's (the visit's): the count as the report gives it, on the report's own day
    text = "Officials visited the valley on Monday. The death toll climbed to 412."
    toll = one(events(nlp, text, "2026-03-10"), "casualties")
    assert (toll.date, toll.date_source) == ("2026-03-10", "article_date")
    # an article without a date gives no day
    toll = one(events(nlp, "The death toll from the floods climbed to 412.", None), "casualties")
    assert toll.date is None


def test_an_as_clause_shares_the_time_of_its_main_clause(nlp: Any) -> None:
    text = (
        "Volunteers had cleared the main road by noon on Monday, as the first convoy of "
        "humanitarian aid reached the valley."
    )
    aid = one(events(nlp, text, "2026-03-10"), "aid")
    assert aid.date == "2026-03-09"


def test_a_multi_day_visit_is_a_span_and_gives_no_one_day_frame(nlp: Any) -> None:
    # "arrived on Monday for a three-day visit": Monday to Wednesday; the undated talks of a
    # later sentence do not default to the arrival day
    text = (
        "Jakarta, Wednesday. The Kenyan president arrived in Jakarta on Monday for a three-day "
        "state visit and will open a trade fair on Wednesday. "
        "After long talks, the two presidents signed a trade accord."
    )
    found = events(nlp, text, "2025-11-26")
    visit = one(found, "visit")
    assert (visit.date, visit.date_end) == ("2025-11-24", "2025-11-26")
    assert one(found, "signing").date_source != "one_day_visit"


def test_a_one_day_visit_still_frames_its_undated_events(nlp: Any) -> None:
    text = (
        "The Kenyan president paid a one-day visit to Jakarta on Monday. "
        "The two presidents signed a trade accord."
    )
    assert one(events(nlp, text, "2025-11-26"), "signing").date == "2025-11-24"


def test_an_event_included_in_a_dated_programme_takes_its_day(nlp: Any) -> None:
    text = (
        "The prime minister will take part in the celebrations, including a military parade "
        "in the capital, on Friday."
    )
    assert one(events(nlp, text, "2025-11-26"), "parade").date == "2025-11-28"


def test_a_past_event_does_not_follow_the_date_of_a_planned_one(nlp: Any) -> None:
    text = (
        "The president will attend a military parade on Friday. "
        "After five hours of talks, the two presidents signed a trade accord."
    )
    found = events(nlp, text, "2025-11-26")
    assert one(found, "parade").date == "2025-11-28"
    assert one(found, "signing").date != "2025-11-28"


def test_a_counterpart_named_in_an_apposition_makes_a_meeting(nlp: Any) -> None:
    text = "On May 4 the chancellor met with her Chilean counterpart Gabriel Boric."
    assert one(events(nlp, text, "2026-05-05"), "meeting").date == "2026-05-04"


def test_further_talks_still_to_come_are_one_event(nlp: Any) -> None:
    text = "The foreign minister is expected to hold further talks with the Omani sultan."
    assert one(events(nlp, text), "talks").status == "planned"


def test_a_plan_with_a_bare_plural_subject_is_not_generic(nlp: Any) -> None:
    text = "Delegates are set to sign a fisheries accord during the visit."
    assert one(events(nlp, text), "signing").status == "planned"


def test_earlier_in_the_day_is_the_day_being_told(nlp: Any) -> None:
    # printed a week later: "earlier in the day" is the talks' day, not the article's
    text = (
        "The two presidents held talks in Lima on March 3. They spoke for two hours. "
        "Reporters waited outside. Lula had landed at the airport earlier in the day."
    )
    arrival = one(events(nlp, text, "2026-03-10"), "arrival")
    assert (arrival.date, arrival.background) == ("2026-03-03", False)


def test_a_toll_and_a_ceasefire_are_placed_in_their_country(nlp: Any) -> None:
    text = (
        "The earthquake struck near Mandalay on Friday. The death toll rose to 1,700 on "
        "Monday. The military announced a ceasefire across the country on Tuesday."
    )
    found = events(nlp, text, "2025-04-01")
    assert one(found, "casualties").place == "Myanmar"
    assert one(found, "ceasefire").place == "Myanmar"


def test_until_ends_a_span_in_force_at_writing(nlp: Any) -> None:
    text = "The truce would last until April 22, the rebels said."
    truce = one(events(nlp, text, "2025-04-02"), "ceasefire")
    assert (truce.date, truce.date_end, truce.status) == (None, "2025-04-22", "in_progress")
    # told as done, it is reported
    text = "On Tuesday the rebels announced a ceasefire until April 30."
    truce = one(events(nlp, text, "2025-04-02"), "ceasefire")
    assert (truce.date_end, truce.status) == ("2025-04-30", "reported")


def test_a_date_line_rules_no_event(nlp: Any) -> None:
    text = "3rd May 2026 – (Accra) The two presidents held talks, as state radio reported."
    talks = one(events(nlp, text, "2026-05-05"), "talks")
    assert talks.date is None  # the date line says when it was filed, not when they talked


def test_an_airport_named_as_such_makes_a_greeting_an_arrival(nlp: Any) -> None:
    text = "The president greeted the premier at Kotoka International Airport on Monday."
    arrival = one(events(nlp, text, "2026-05-05"), "arrival")
    assert arrival.date == "2026-05-04"


def test_a_signed_document_is_a_done_signing(nlp: Any) -> None:
    text = "The trade pact, signed after the talks, will lift exports next year."
    assert one(events(nlp, text, "2026-01-15"), "signing").status == "reported"


def test_remarks_to_reporters_are_a_statement(nlp: Any) -> None:
    text = "The chancellor told reporters in Berlin on Friday that the deal was close."
    statement = one(events(nlp, text, "2026-06-13"), "statement")
    assert (statement.date, statement.place) == ("2026-06-12", "Berlin")


def test_a_named_warning_is_a_statement_and_an_unnamed_one_is_not(nlp: Any) -> None:
    named = "Norway rejected the offer on Tuesday, warning that its ships would stay in port."
    assert [e.type for e in events(nlp, named, "2026-03-05")].count("statement") == 1
    unnamed = "Many economists warn that prices will keep rising."
    assert [e.type for e in events(nlp, unnamed, "2026-03-05")] == []


def test_updates_from_a_minister_are_a_statement(nlp: Any) -> None:
    text = "The health minister gave updates from the flooded district on Sunday."
    statement = one(events(nlp, text, "2026-04-13"), "statement")
    assert statement.date == "2026-04-12"


def test_an_appeal_for_help_is_an_announcement(nlp: Any) -> None:
    made = "The island's governor made an urgent appeal for foreign assistance after the storm."
    assert "announcement" in [e.type for e in events(nlp, made, "2026-02-02")]
    asked = "The government requested international aid on Monday."
    assert "announcement" in [e.type for e in events(nlp, asked, "2026-02-02")]
