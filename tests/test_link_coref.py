"""Event coreference on small mentions written for these tests, with the real MiniLM vectors."""

from __future__ import annotations

import random
from dataclasses import replace

import pytest

from corroborator.analyze.embeddings import embed, embed_spans
from corroborator.link.coref import CorefMention, cluster_mentions, mention_similarity

# id, doc, story, sentence, trigger word, lemma, type, subtype, date, place, participants
ROWS = [
    ("m1", "a1", "s1", "Putin and Japarov held restricted talks at the Yntymak Ordo on Wednesday.",
     "talks", "talk", "talks", "restricted", "2025-11-26", "Yntymak Ordo", {"putin", "japarov"}),
    ("m2", "a2", "s1", "The two presidents began with talks in a restricted format at the Palace.",
     "talks", "talk", "talks", "restricted", "2025-11-26", "Yntymak Ordo", {"putin", "japarov"}),
    ("m3", "a2", "s1", "Talks in an expanded format with the delegations followed.",
     "Talks", "talk", "talks", "expanded", "2025-11-26", "Yntymak Ordo", {"putin", "japarov"}),
    ("m4", "a3", "s1", "On Tuesday Putin and Japarov held restricted talks at the Yntymak Ordo.",
     "talks", "talk", "talks", "restricted", "2025-11-25", "Yntymak Ordo", {"putin", "japarov"}),
    ("m5", "a1", "s1", "Putin arrived in Bishkek on Tuesday evening.",
     "arrived", "arrive", "arrival", None, "2025-11-25", "Bishkek", {"putin"}),
    ("m6", "a3", "s1", "The Russian president arrived in the Kyrgyz capital late on Tuesday.",
     "arrived", "arrive", "arrival", None, "2025-11-25", "Bishkek", {"putin"}),
    ("m7", "b1", "s2", "Putin held talks with Japarov at the Yntymak Ordo in October 2023.",
     "talks", "talk", "talks", "restricted", "2023-10-12", "Yntymak Ordo", {"putin", "japarov"}),
    # untyped mentions, as in ECB+: synonyms merge, different happenings do not
    ("q1", "c1", "s3", "A magnitude 4.6 earthquake struck Sonoma County early Thursday.",
     "earthquake", "earthquake", None, None, None, None, set()),
    ("q2", "c2", "s3", "The 4.6 quake rattled Sonoma and Lake counties early Thursday.",
     "quake", "quake", None, None, None, None, set()),
    ("q3", "c2", "s3", "Residents said the shaking woke them up but no injuries were reported.",
     "reported", "report", None, None, None, None, set()),
]  # fmt: skip


def _build() -> list[CorefMention]:
    sentences = [r[3] for r in ROWS]
    spans = [
        [(s.index(r[4]), s.index(r[4]) + len(r[4]))] for s, r in zip(sentences, ROWS, strict=True)
    ]
    contexts = embed(sentences)
    triggers = embed_spans(sentences, spans)
    return [
        CorefMention(
            id=mid,
            doc=doc,
            story=story,
            lemma=lemma,
            type=typ,
            subtype=sub,
            trigger=trig[0],
            context=ctx,
            sentence=0,
            date=date,
            place=place,
            participants=frozenset(people),
        )
        for (mid, doc, story, _, _, lemma, typ, sub, date, place, people), ctx, trig in zip(
            ROWS, contexts, triggers, strict=True
        )
    ]


@pytest.fixture(scope="module")
def mentions() -> list[CorefMention]:
    return _build()


def _event_of(clusters: list[tuple[str, ...]], mention: str) -> tuple[str, ...]:
    return next(c for c in clusters if mention in c)


def test_restricted_talks_merge_across_reports(mentions: list[CorefMention]) -> None:
    clusters = cluster_mentions(mentions)
    assert {"m1", "m2"} <= set(_event_of(clusters, "m1"))


def test_subtypes_stay_apart(mentions: list[CorefMention]) -> None:
    clusters = cluster_mentions(mentions)
    assert _event_of(clusters, "m3") == ("m3",)
    by_id = {m.id: m for m in mentions}
    assert mention_similarity(by_id["m2"], by_id["m3"]) == 0.0


def test_date_conflict_lowers_but_does_not_forbid(mentions: list[CorefMention]) -> None:
    clusters = cluster_mentions(mentions)
    # m4 puts the restricted talks on Tuesday, the others on Wednesday: still one event
    assert _event_of(clusters, "m4") == ("m1", "m2", "m4")
    by_id = {m.id: m for m in mentions}
    agreeing = replace(by_id["m4"], date="2025-11-26")
    assert mention_similarity(by_id["m1"], by_id["m4"]) < mention_similarity(by_id["m1"], agreeing)


def test_different_types_stay_apart(mentions: list[CorefMention]) -> None:
    clusters = cluster_mentions(mentions)
    assert _event_of(clusters, "m5") == ("m5", "m6")


def test_other_stories_never_merge(mentions: list[CorefMention]) -> None:
    clusters = cluster_mentions(mentions)
    assert _event_of(clusters, "m7") == ("m7",)
    by_id = {m.id: m for m in mentions}
    assert mention_similarity(by_id["m1"], by_id["m7"]) == 0.0


def test_untyped_synonyms_merge_and_other_events_do_not(mentions: list[CorefMention]) -> None:
    clusters = cluster_mentions(mentions)
    assert _event_of(clusters, "q1") == ("q1", "q2")
    assert _event_of(clusters, "q3") == ("q3",)


def test_order_does_not_matter(mentions: list[CorefMention]) -> None:
    expected = cluster_mentions(mentions)
    rng = random.Random(3)
    for _ in range(5):
        shuffled = list(mentions)
        rng.shuffle(shuffled)
        assert cluster_mentions(shuffled) == expected


def test_missing_vectors_fall_back_to_lemmas(mentions: list[CorefMention]) -> None:
    bare = [replace(m, trigger=None, context=None) for m in mentions]
    clusters = cluster_mentions(bare)
    assert _event_of(clusters, "m3") == ("m3",)
    assert sorted(d for c in clusters for d in c) == sorted(m.id for m in mentions)


def test_duplicate_ids_are_an_error(mentions: list[CorefMention]) -> None:
    with pytest.raises(ValueError, match="duplicate"):
        cluster_mentions([*mentions, mentions[0]])
    assert cluster_mentions([]) == []
