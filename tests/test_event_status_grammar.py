"""Statuses told by English grammar: a phrasal cancel verb ("was called off"), the tense shift
of reported speech ("were still continuing, officials said"), and the passive infinitive ("the
agreements to be signed"). Texts are our own."""

from __future__ import annotations

from typing import Any

import pytest

from corroborator.analyze.nlp import load_model
from corroborator.config import Settings
from corroborator.model import EventMention
from tests.event_text import events_in


@pytest.fixture(scope="module")
def nlp() -> Any:
    return load_model(Settings().spacy_model)


def _only(nlp: Any, text: str, kind: str) -> EventMention:
    [mention] = [m for m in events_in(nlp, text, "2031-04-15") if m.type == kind]
    return mention


def test_a_phrasal_cancel_verb_cancels(nlp: Any) -> None:
    text = "A planned visit to the flooded north was called off, the ministry said."
    assert _only(nlp, text, "visit").status == "cancelled"


def test_reported_speech_in_the_past_tells_what_was_going_on(nlp: Any) -> None:
    text = "Rescue operations near Bergen were still continuing, police said."
    mention = _only(nlp, text, "rescue")
    assert (mention.status, mention.status_reason) == ("in_progress", "under way when reported")


def test_the_backshift_does_not_reach_an_event_in_a_phrase(nlp: Any) -> None:
    # the landslide is what the operations came after, not what is still under way
    text = "Rescue operations after the landslide near Bergen were still under way, police said."
    assert _only(nlp, text, "disaster").status == "reported"
    assert _only(nlp, text, "rescue").status == "in_progress"


def test_a_past_perfect_is_not_shifted(nlp: Any) -> None:
    text = "Rescue operations near Bergen had still been continuing, police said."
    assert _only(nlp, text, "rescue").status != "in_progress"


def test_a_passive_infinitive_is_still_to_come(nlp: Any) -> None:
    text = "The set of accords to be signed covers about 20 papers on fisheries."
    assert _only(nlp, text, "signing").status == "planned"


def test_a_participle_describing_a_thing_stays_done(nlp: Any) -> None:
    text = "The treaty, signed in March, includes some 20 articles on trade."
    assert _only(nlp, text, "signing").status == "reported"


@pytest.mark.parametrize(
    "text",
    [
        "The summit in Oslo, first set for May, has been pushed back to September.",
        "The Oslo summit was put off until the autumn.",
    ],
)
def test_a_postponed_event_is_called_off(nlp: Any, text: str) -> None:
    assert _only(nlp, text, "summit").status == "cancelled"


def test_a_negated_future_calls_the_event_off(nlp: Any) -> None:
    text = "The meeting planned for Tuesday in Oslo will not take place, officials said."
    mention = _only(nlp, text, "meeting")
    assert (mention.status, mention.status_reason) == ("cancelled", "negated future")
    assert _only(nlp, "The Chilean president won't attend the summit.", "summit").status == (
        "cancelled"
    )


def test_a_negation_that_leaves_the_event_open(nlp: Any) -> None:
    for text in (
        "The minister did not rule out a visit to Oslo.",
        "The minister would not rule out a visit to Oslo.",
    ):
        assert _only(nlp, text, "visit").status == "planned"


def test_a_base_form_conjunct_shares_the_first_verbs_future(nlp: Any) -> None:
    # the middle conjunct is misparsed as a past "signed"; the last one still shares "will"
    text = (
        "After lunch, the two premiers will hold talks, exchange signed memoranda and come up "
        "with statements to the press."
    )
    assert _only(nlp, text, "press_statements").status == "planned"
    assert _only(nlp, text, "talks").status == "planned"


def test_a_base_form_conjunct_of_a_misparsed_past_root_shares_the_modal(nlp: Any) -> None:
    # parsed with "inked" as the past-tense root and the "will" clause hung under it: a base
    # form is never coordinated with a past, so "come up with" shares the earlier "will"
    text = (
        "Next, the two nations' premiers will hold talks, exchange inked texts and come up "
        "with statements to the press."
    )
    assert _only(nlp, text, "press_statements").status == "planned"
    assert _only(nlp, text, "talks").status == "planned"


def test_past_conjuncts_keep_their_own_tense(nlp: Any) -> None:
    text = "The premiers will meet again in May; in Oslo they held talks and signed a memorandum."
    assert _only(nlp, text, "signing").status == "reported"
