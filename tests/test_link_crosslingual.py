"""Stories across languages: Russian and English reports of one happening share a story, with
the real embedders (MiniLM for English pairs, USE multilingual for pairs with a Russian text).
The reports are written for these tests."""

from __future__ import annotations

import numpy as np

from corroborator.analyze.embeddings import embed, embed_multilingual
from corroborator.link.lexical import content_terms
from corroborator.link.stories import StoryDoc, cluster_stories, explain_pair

# id, language, published, text
REPORTS = [
    (
        "visit-en-1",
        "en",
        "2025-11-25",
        "Russian President Vladimir Putin arrived in Bishkek on Tuesday for a state visit to "
        "Kyrgyzstan. Talks with President Sadyr Japarov are planned for Wednesday, when the two "
        "leaders are expected to sign agreements on energy and education.",
    ),
    (
        "visit-en-2",
        "en",
        "2025-11-26",
        "Putin and Japarov held talks in Bishkek on Wednesday and signed a package of "
        "agreements, including a deal on a new Russian-language school, during the Russian "
        "leader's state visit to Kyrgyzstan.",
    ),
    (
        "visit-ru-1",
        "ru",
        "2025-11-25",
        "Президент России Владимир Путин прибыл в Бишкек с государственным визитом в Киргизию. "
        "В среду он проведёт переговоры с президентом Садыром Жапаровым, стороны подпишут "
        "соглашения об энергетике и образовании.",
    ),
    (
        "quake-en-1",
        "en",
        "2025-11-25",
        "A magnitude 6.4 earthquake struck off the northern coast of Japan on Tuesday, shaking "
        "buildings in several prefectures; authorities issued a tsunami advisory and reported "
        "minor injuries.",
    ),
    (
        "quake-ru-1",
        "ru",
        "2025-11-25",
        "Землетрясение магнитудой 6,4 произошло во вторник у северного побережья Японии. "
        "Власти объявили угрозу цунами, сообщается о нескольких пострадавших.",
    ),
]


def _docs(multilingual: bool = True) -> list[StoryDoc]:
    texts = [text for _, _, _, text in REPORTS]
    main = embed(texts)
    multi = embed_multilingual(texts)
    return [
        StoryDoc(
            id=rid,
            embedding=main[k],
            terms=content_terms(text),
            published=published,
            language=language,
            multilingual=multi[k] if multilingual else None,
        )
        for k, (rid, language, published, text) in enumerate(REPORTS)
    ]


def test_multilingual_vectors_are_normalised_and_close_across_languages() -> None:
    vectors = embed_multilingual([REPORTS[0][3], REPORTS[2][3], REPORTS[4][3]])
    assert vectors.shape == (3, 512) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    same, other = float(vectors[0] @ vectors[1]), float(vectors[0] @ vectors[2])
    assert same > 0.6 > other  # one visit in two languages; a visit and a quake
    assert embed_multilingual([]).shape == (0, 512)


def test_reports_in_two_languages_share_a_story() -> None:
    stories = cluster_stories(_docs())
    assert sorted(stories) == [
        ("quake-en-1", "quake-ru-1"),
        ("visit-en-1", "visit-en-2", "visit-ru-1"),
    ]


def test_without_multilingual_vectors_the_languages_stay_apart() -> None:
    """What happened before: MiniLM reads the Russian texts as noise, so nothing joins them."""
    stories = cluster_stories(_docs(multilingual=False))
    assert ("visit-en-1", "visit-en-2", "visit-ru-1") not in stories


def test_english_pairs_keep_the_english_embedder() -> None:
    docs = _docs()
    with_multi = explain_pair(docs, "visit-en-1", "visit-en-2")
    without = explain_pair(_docs(multilingual=False), "visit-en-1", "visit-en-2")
    assert with_multi["cos"] == without["cos"]
    assert with_multi["cos"] == float(
        np.asarray(docs[0].embedding, dtype=np.float64)
        @ np.asarray(docs[1].embedding, dtype=np.float64)
    )


def _named(doc: StoryDoc, people: set[str], places: set[str]) -> StoryDoc:
    return StoryDoc(
        id=doc.id,
        embedding=doc.embedding,
        terms=doc.terms,
        published=doc.published,
        language=doc.language,
        multilingual=doc.multilingual,
        people=frozenset(people),
        places=frozenset(places),
    )


def test_names_canonical_across_scripts_count_for_a_bilingual_pair() -> None:
    """A Russian and an English report naming the same people and places (canonical names,
    as the Russian adapter gives them) score higher than the same pair naming other places;
    their content words, which cannot overlap, are estimated rather than taken as zero."""
    docs = _docs()
    visit = ({"Vladimir Putin", "Sadyr Japarov"}, {"Bishkek", "Kyrgyzstan"})
    same = [*docs]
    same[0], same[2] = _named(docs[0], *visit), _named(docs[2], *visit)
    other = [*same]
    other[2] = _named(docs[2], {"Vladimir Putin", "Kim Jong Un"}, {"Pyongyang", "North Korea"})
    shared = explain_pair(same, "visit-en-1", "visit-ru-1")
    apart = explain_pair(other, "visit-en-1", "visit-ru-1")
    assert shared["people"] == 1.0 and shared["places"] == 1.0
    assert apart["places"] == 0.0 and apart["people"] < 1.0
    assert shared["p"] > apart["p"]


def test_a_bilingual_pair_is_put_on_the_english_scale() -> None:
    """One visit told in two languages scores, after calibration, about as two English reports
    of it do; a visit and a quake stay far below."""
    docs = _docs()
    bilingual = explain_pair(docs, "visit-en-1", "visit-ru-1")["cos"]
    english = explain_pair(docs, "visit-en-1", "visit-en-2")["cos"]
    unrelated = explain_pair(docs, "visit-en-1", "quake-ru-1")["cos"]
    assert abs(bilingual - english) < 0.2
    assert unrelated < bilingual - 0.3
