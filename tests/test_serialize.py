"""The model's one serialisation: round trips, data from older versions, and dossier entries
built from it that the schema documents field for field."""

from __future__ import annotations

import copy
import dataclasses
import json
from dataclasses import replace
from typing import Any

import jsonschema
import pytest

from corroborator.model import (
    Article,
    ArticleAnalysis,
    ArticleLinks,
    Claim,
    ClaimValue,
    Conflict,
    Event,
    EventMention,
    Mention,
    Sentence,
    Story,
    TimeExpression,
)
from corroborator.report.dossier import article_entry, story_entry
from corroborator.schema.docs import load_schema
from corroborator.serialize import from_dict, from_json, to_dict, to_json

TEXT = "Putin and Japarov held talks in Bishkek on Tuesday. Trade reached $4.1 billion."
A1, A2 = Article.make_id(TEXT, None, "TASS"), Article.make_id("Another.", None, None)
ARTICLE = Article(
    id=A1, text=TEXT, source_path="a.txt", outlet="TASS", language="en",
    attributed_to=("TASS",), dateline_place="BISHKEK",
    dateline_date="--11-25",
)  # fmt: skip
MENTION = EventMention(
    article_id=A1, start=0, end=51, quote=TEXT[:51], type="talks", subtype="restricted",
    status="reported", date="2025-11-25", place="Bishkek",
    participants=("Vladimir Putin", "Sadyr Japarov"), trigger="talks", trigger_start=23,
    trigger_end=28, actors=("Russia",), evidence=("date from 'Tuesday'", "status: past tense"),
    date_text="Tuesday", date_source="story_weekday", status_reason="past tense",
)  # fmt: skip
TOLL = EventMention(
    article_id=A2, start=0, end=38, quote="The toll rose to 2,950, up from 2,317.",
    type="casualties", subtype=None, status="reported", trigger="toll", trigger_start=4,
    trigger_end=8, counts=(2317, 2950),
)  # fmt: skip
VALUE = ClaimValue(
    article_id=A1, subject="trade", period="2024", unit="USD", kind="numeric",
    value=4.1e9, text="$4.1 billion", quote=TEXT[52:], start=65, end=77, low=4.1e9,
    high=4.1e9, measure="amount", quote_start=52, quote_end=len(TEXT),
)  # fmt: skip
STORY = Story(
    id="sty_1", title="Putin in Bishkek", article_ids=(A1, A2), start="2025-11-25",
    end="2025-11-27", independent_sources=2,
    events=(
        Event(
            story_id="sty_1", type="talks", subtype="restricted", status="reported",
            mentions=(MENTION,), date="2025-11-25", place="Bishkek",
            participants=("Sadyr Japarov", "Vladimir Putin"),
            conflicts=(Conflict("date", (("2025-11-25", (A1,)), ("2025-11-26", (A2,)))),),
        ),
    ),
    claims=(
        Claim(
            story_id="sty_1", subject="trade", period="2024", unit="USD", kind="numeric",
            verdict="single_source", independent_sources=1, values=(VALUE,),
        ),
    ),
)  # fmt: skip
TIMEX = TimeExpression(
    article_id=A1, start=43, end=50, text="Tuesday", type="DATE", value="XXXX-WXX-2",
    granularity="day", why="weekday, no anchor", tense="past",
)  # fmt: skip
ANALYSIS = ArticleAnalysis(
    article_id=A1, model="en_core_web_sm@3", analyzer_version="10",
    sentences=(Sentence(0, 0, 51), Sentence(1, 52, len(TEXT))),
    mentions=(Mention(A1, 0, 5, "PERSON", "Putin", "Vladimir Putin", "surname"),),
    timexes=(TIMEX,), event_mentions=(MENTION,), claim_values=(VALUE,),
)  # fmt: skip


@pytest.mark.parametrize("obj", [ARTICLE, MENTION, TOLL, VALUE, STORY, TIMEX, ANALYSIS])
def test_round_trip(obj: Any) -> None:
    again = from_json(type(obj), to_json(obj))
    assert again == obj
    assert from_dict(type(obj), json.loads(json.dumps(to_dict(obj)))) == obj


def test_to_dict_is_plain_json_in_field_order() -> None:
    d = to_dict(STORY)
    assert list(d) == [f.name for f in dataclasses.fields(Story)]
    assert d["article_ids"] == [A1, A2]
    assert d["events"][0]["conflicts"][0]["values"][1] == ["2025-11-26", [A2]]
    assert "text" not in to_dict(ARTICLE, omit=("text",))
    with pytest.raises(TypeError):
        to_dict(Story)  # a class, not an instance
    with pytest.raises(TypeError):
        to_dict({"id": "x"})
    with pytest.raises(ValueError, match="no field article"):
        to_dict(MENTION, omit=("article",))


def test_data_from_an_older_version_loads() -> None:
    """A row written before the typed fields existed (and with a key since removed) loads with
    the defaults: nothing to migrate in the JSON columns."""
    old = to_dict(STORY)
    for key in ("date_text", "date_source", "status_reason"):
        del old["events"][0]["mentions"][0][key]
    # a toll stored before its counts were kept reads as giving none (joined by no figure)
    toll = to_dict(TOLL)
    del toll["counts"]
    assert from_dict(EventMention, toll) == replace(TOLL, counts=())
    old["events"][0]["mentions"][0]["no_longer_a_field"] = 1
    story = from_json(Story, json.dumps(old))
    mention = story.events[0].mentions[0]
    assert (mention.date_text, mention.date_source, mention.status_reason) == (None, None, None)
    assert mention.evidence == MENTION.evidence
    assert story.events[0].conflicts == STORY.events[0].conflicts
    assert from_dict(Article, {**to_dict(ARTICLE), "published_inferred": 0}) == ARTICLE


def _closed(node: Any) -> Any:
    """The schema with no field left undocumented: every object refuses unknown keys."""
    if isinstance(node, dict):
        out = {k: _closed(v) for k, v in node.items()}
        if "properties" in node:
            out["additionalProperties"] = False
        return out
    if isinstance(node, list):
        return [_closed(v) for v in node]
    return node


def test_every_dossier_field_is_in_the_schema() -> None:
    """Entries are built from the model's serialisation, so a field added to the model reaches
    the dossier by itself: the schema must document it."""
    link = ArticleLinks(A1, "sty_1", "src_1", (A2,), ("same wire: tass",))
    dossier = {
        "dossier_version": "1",
        "generator": "test",
        "articles": [article_entry(ARTICLE, ANALYSIS, link)],
        "stories": [story_entry(STORY)],
    }
    jsonschema.validate(dossier, _closed(copy.deepcopy(load_schema())))
    mention = dossier["stories"][0]["events"][0]["mentions"][0]
    assert mention["article"] == A1 and "article_id" not in mention
    # the counts are a key for linking; the dossier gives their figures as claims
    assert "counts" not in mention
    assert (mention["date_text"], mention["date_source"]) == ("Tuesday", "story_weekday")
    assert dossier["articles"][0]["dateline"] == {"place": "BISHKEK", "date": "--11-25"}
