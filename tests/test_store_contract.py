"""The store contract: every method of the Store protocol, run against every backend (an SQLite
file and a PostgreSQL database on the test server). What only one backend does is tested in
test_store.py (SQLite) and test_store_postgres.py."""

from __future__ import annotations

import multiprocessing
import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from corroborator.errors import StoreError
from corroborator.model import (
    Article,
    ArticleAnalysis,
    ArticleLinks,
    ArticleVector,
    ClaimValue,
    EventMention,
    Mention,
    Sentence,
    Story,
    TimeExpression,
)
from corroborator.store import Store, is_server, open_store
from corroborator.store.base import FileRecord
from corroborator.store.sqlite import TABLES


def article(text: str = "Some text about talks.", path: str = "a.txt", **kw: object) -> Article:
    return Article(id=Article.make_id(text, None, None), text=text, source_path=path,
                   attributed_to=("TASS",), published="2025-11-26", **kw)  # type: ignore[arg-type]  # fmt: skip


def latest_version(location: str) -> int:
    if is_server(location):
        from corroborator.store.postgres import migrations
    else:
        from corroborator.store.sqlite import migrations
    return migrations()[-1][0]


def raw_execute(location: str, sql: str) -> None:
    """Run ``sql`` on the backend directly, as another program (or an old version) would."""
    if is_server(location):
        import psycopg

        with psycopg.connect(location, autocommit=True) as db:
            db.execute(sql)  # type: ignore[arg-type]
    else:
        db = sqlite3.connect(location)
        db.execute(sql)
        db.commit()
        db.close()


@pytest.fixture(params=["sqlite", "postgres"])
def location(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Where a new store goes: a file, or an empty PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path / "s.db")
    return str(request.getfixturevalue("pg_url"))


@pytest.fixture
def store(location: str) -> Iterator[Store]:
    s = open_store(location)
    yield s
    s.close()


def full_analysis(a: Article) -> ArticleAnalysis:
    """An analysis with one of everything an analysis holds."""
    return ArticleAnalysis(
        a.id, "m@1", "1",
        sentences=(Sentence(0, 0, 22),),
        mentions=(Mention(a.id, 0, 4, "ORG", "Some", "Some Org", "alias", ("Some",)),),
        timexes=(TimeExpression(a.id, 5, 9, "text", "DATE", "2025-11-26"),),
        event_mentions=(EventMention(
            article_id=a.id, start=0, end=22, quote=a.text, type="talks", subtype=None,
            status="planned", date="2025-11-26", trigger="talks", trigger_start=16,
            trigger_end=21, date_text="November 26", date_source="expression",
            status_reason="future modal", counts=(4_100_000_000,),
        ),),
        claim_values=(ClaimValue(
            a.id, "trade", "2024", "USD", "numeric", 4.1e9, "$4.1 billion", a.text, 0, 22,
            said_by="minister", measure="amount",
        ),),
        published="2025-11-25", published_confidence=0.75, published_evidence="dateline",
        vectors=(ArticleVector("enc-a", bytes(range(16))), ArticleVector("enc-b", b"\x01" * 8)),
    )  # fmt: skip


# -- opening, versions, transactions ---------------------------------------------------------


def test_migrations_from_empty_then_reopen_applies_nothing_twice(location: str) -> None:
    store = open_store(location)
    assert store.schema_version() == latest_version(location)
    store.put_article(article())
    store.close()
    again = open_store(location)
    assert again.schema_version() == latest_version(location)
    assert again.counts()["articles"] == 1
    again.close()


def test_a_newer_schema_is_refused_and_left_alone(location: str) -> None:
    open_store(location).close()
    raw_execute(
        location, "INSERT INTO schema_migrations VALUES (9999, 'future', '2030-01-01T00:00:00')"
    )
    for read_only in (False, True):
        with pytest.raises(StoreError, match="written by a newer corroborator"):
            open_store(location, read_only=read_only)


def test_existing_refuses_what_is_not_a_store(location: str) -> None:
    """A missing file or an empty database is not turned into a store by a reader."""
    with pytest.raises(StoreError, match=r"no such store|not a corroborator store"):
        open_store(location, existing=True)
    with pytest.raises(StoreError):
        open_store(location, read_only=True)


def test_transaction_rolls_back_on_error_and_nested_joins_outer(store: Store) -> None:
    with pytest.raises(RuntimeError), store.transaction():
        store.put_article(article("One."))
        with store.transaction():  # nested: part of the outer one
            store.put_article(article("Two."))
        raise RuntimeError("boom")
    assert store.counts()["articles"] == 0
    with store.transaction():
        store.put_article(article("One."))
        store.put_article(article("Two."))
    assert store.counts()["articles"] == 2


def test_commits_are_seen_by_another_connection_and_move_the_revision(location: str) -> None:
    writer, reader = open_store(location), open_store(location, read_only=True)
    seen = reader.revision()
    assert reader.revision() == seen  # reading moves nothing
    reader.counts()
    assert reader.revision() == seen
    with writer.transaction():
        writer.put_article(article())
        writer.put_article(article("Other text."))
    after_one = reader.revision()
    assert after_one != seen and reader.counts()["articles"] == 2
    before = writer.revision()
    writer.put_constraints("must", [("a", "b")])
    assert writer.revision() != before and reader.revision() != after_one
    writer.close()
    reader.close()


def test_a_read_only_store_reads_and_cannot_write(location: str) -> None:
    s = open_store(location)
    s.put_article(article())
    s.close()
    reader = open_store(location, existing=True, read_only=True)
    assert [a.id for a in reader.iter_articles()] == [article().id]
    with pytest.raises(Exception):  # noqa: B017  (each backend's own read-only error)
        reader.put_article(article("New text."))
    assert reader.counts()["articles"] == 1
    reader.close()


def test_counts_name_every_table(store: Store) -> None:
    assert store.counts() == {t: 0 for t in TABLES}


# -- files and articles ----------------------------------------------------------------------


def test_article_round_trip_idempotent_insert_and_order(store: Store) -> None:
    a = article("Some text about talks.", "b.txt", title="Talks", outlet="Desk", url="https://x",
                authors=("A. Writer",), dateline_place="Bishkek", language="en")  # fmt: skip
    b, c = article("Another text.", "B.txt"), article("A third text.", "a.txt")
    assert store.put_article(a) is True
    assert store.put_article(a) is False
    store.put_article(b)
    store.put_article(c)
    assert store.get_article(a.id) == a
    assert store.get_article("art_missing") is None
    # by source path then id, compared byte-wise ("B" before "a"), as SQLite does
    assert [x.id for x in store.iter_articles()] == [b.id, c.id, a.id]


def test_file_records_and_orphans(store: Store) -> None:
    a, b = article("First text."), article("Second text.")
    store.put_article(a)
    store.put_article(b)
    assert store.get_file("f.txt") is None
    store.put_file(FileRecord("f.txt", 10, "h1", "done", None, (a.id, b.id)))
    assert store.get_file("f.txt") == FileRecord("f.txt", 10, "h1", "done", None, (a.id, b.id))
    # An error record keeps what was stored from the file.
    store.put_file(FileRecord("f.txt", 3, "h2", "error", "binary", ()))
    rec = store.get_file("f.txt")
    assert rec == FileRecord("f.txt", 3, "h2", "error", "binary", (a.id, b.id))
    assert store.delete_orphans([a.id, b.id]) == 0
    # A done record replaces the links; the unlinked article can then go, with its analysis.
    store.put_analysis(ArticleAnalysis(a.id, "m", "1", sentences=(Sentence(0, 0, 5),)))
    store.put_file(FileRecord("f.txt", 5, "h3", "done", None, (b.id,)))
    assert store.delete_orphans([a.id, a.id, "art_missing"]) == 1
    assert store.delete_orphans([]) == 0
    assert store.get_article(a.id) is None and store.get_article(b.id) is not None
    assert store.get_analysis(a.id) is None and store.counts()["sentences"] == 0


def test_corrections_apply_wherever_an_article_is_read(store: Store) -> None:
    a = article(title="Old title")
    store.put_article(a)
    store.put_correction(a.id, "outlet", "Wrong Desk", "ed")
    store.put_correction(a.id, "outlet", "Right Desk", "ed")  # replaces the earlier one
    store.put_correction(a.id, "published", None, "ed")
    fixed = store.get_article(a.id)
    assert fixed is not None
    assert (fixed.outlet, fixed.published, fixed.title) == ("Right Desk", None, "Old title")
    assert [x.outlet for x in store.iter_articles()] == ["Right Desk"]
    assert store.corrected(a) == fixed
    assert store.corrected(article("Not stored.")) == article("Not stored.")
    assert store.counts()["article_corrections"] == 2
    with pytest.raises(StoreError, match="cannot be corrected"):
        store.put_correction(a.id, "text", "x", "ed")
    # a correction outlives its article (a rebuild may remove and re-read the file)
    store.put_file(FileRecord("f.txt", 1, "h", "done", None, ()))
    store.delete_orphans([a.id])
    store.put_article(a)
    again = store.get_article(a.id)
    assert again is not None and again.outlet == "Right Desk"


def test_story_span_corrections_are_kept_by_their_anchor(store: Store) -> None:
    store.put_span_correction(["art_b", "art_a"], "2025-05-07", "2025-05-09", "ed")
    [(fix, members)] = store.span_corrections()
    assert (fix.start, fix.end, fix.author, fix.anchor) == (
        "2025-05-07",
        "2025-05-09",
        "ed",
        "art_a",
    )
    assert members == ("art_a", "art_b") and fix.made_at
    # a later correction of a story holding its anchor replaces it; None clears it
    store.put_span_correction(["art_c", "art_a"], "2025-05-08", "2025-05-08", "desk")
    assert [(f.anchor, m, f.author) for f, m in store.span_corrections()] == [
        ("art_a", ("art_a", "art_c"), "desk")
    ]
    store.put_span_correction(["art_c", "art_a"], None, None, "desk")
    assert store.span_corrections() == []
    with pytest.raises(StoreError):
        store.put_span_correction(["art_a"], "2025-05-09", "2025-05-07", "ed")
    with pytest.raises(StoreError):
        store.put_span_correction([], "2025-05-09", "2025-05-09", "ed")


# -- analyses --------------------------------------------------------------------------------


def test_analysis_round_trip_replaces(store: Store) -> None:
    a = article()
    store.put_article(a)
    analysis = full_analysis(a)
    store.put_analysis(analysis)
    store.put_analysis(analysis)
    assert store.get_analysis(a.id) == analysis
    assert store.get_analysis("art_missing") is None
    assert store.analysed_ids([a.id, a.id, "art_x"], "1") == {a.id}
    assert store.analysed_ids([a.id], "2") == set()
    assert store.analysed_ids([], "1") == set()
    counts = store.counts()
    assert (counts["mentions"], counts["timexes"], counts["event_mentions"]) == (1, 1, 1)
    assert (counts["claim_values"], counts["article_vectors"]) == (1, 2)
    # a smaller analysis replaces every part; stored vectors stay when it has none
    smaller = ArticleAnalysis(a.id, "m@2", "2", sentences=(Sentence(0, 0, 4),))
    store.put_analysis(smaller)
    assert store.get_analysis(a.id) == replace(smaller, vectors=analysis.vectors)
    assert store.counts()["mentions"] == 0


def test_an_analysis_of_a_missing_article_is_refused_whole(store: Store) -> None:
    with pytest.raises(Exception):  # noqa: B017  (each backend's integrity error)
        store.put_analysis(full_analysis(article("Never stored.")))
    assert store.counts() == {t: 0 for t in TABLES}


def test_publication_estimates(store: Store) -> None:
    a, b = article(), article("Second.")
    store.put_article(a)
    store.put_article(b)
    store.put_analysis(full_analysis(a))
    store.put_analysis(ArticleAnalysis(b.id, "m", "1"))
    assert store.publication_estimates() == {
        a.id: ("2025-11-25", 0.75, "dateline"),
        b.id: (None, None, None),
    }


# -- linking ---------------------------------------------------------------------------------


def test_vectors_per_model_replace_those_of_the_same_articles(store: Store) -> None:
    a, b = article(), article("Second.")
    store.put_article(a)
    store.put_article(b)
    assert store.get_vectors("enc") == {}
    store.put_vectors("enc", {a.id: b"\x00" * 8, b.id: b"\x01" * 8})
    store.put_vectors("enc", {a.id: b"\x02" * 8})
    store.put_vectors("other", {a.id: b"\x03" * 4})
    assert store.get_vectors("enc") == {a.id: b"\x02" * 8, b.id: b"\x01" * 8}
    assert store.get_vectors("other") == {a.id: b"\x03" * 4}
    analysis = store.get_analysis(a.id)
    assert analysis is None  # vectors alone are not an analysis


def test_constraints_are_pairs_and_a_pair_has_one_kind(store: Store) -> None:
    assert store.constraints() == []
    store.put_constraints("must", [("b", "a"), ("c", "d")])
    store.put_constraints("must", [("a", "b")])  # already there
    assert store.constraints() == [("must", "a", "b"), ("must", "c", "d")]
    store.put_constraints("cannot", [("a", "b")])  # replaces its opposite
    assert store.constraints() == [("cannot", "a", "b"), ("must", "c", "d")]


def test_replace_links_replaces_every_story_and_link(store: Store) -> None:
    a, b, c = article("One."), article("Two."), article("Three.")
    for x in (a, b, c):
        store.put_article(x)
    assert store.iter_stories() == [] and store.article_links() == {}
    late = Story("sto_b", "Late", (a.id,), "2025-11-27", "2025-11-28", 1)
    early = Story("sto_c", "Early", (b.id, c.id), "2025-11-01", None, 2)
    undated = Story("sto_a", "Undated", ())
    links = [
        ArticleLinks(a.id, "sto_b", "grp1"),
        ArticleLinks(b.id, "sto_c", "grp2", (c.id,), ("shared quote", "ещё")),
        ArticleLinks(c.id, "sto_c", "grp2"),
    ]
    store.replace_links([undated, late, early], links)
    # by start date (undated last), then id
    assert store.iter_stories() == [early, late, undated]
    assert store.story_assignments() == {a.id: "sto_b", b.id: "sto_c", c.id: "sto_c"}
    assert store.article_links() == {link.article_id: link for link in links}
    store.replace_links([Story("sto_x", "All", (a.id, b.id, c.id))], [])
    assert [s.id for s in store.iter_stories()] == ["sto_x"]
    assert store.article_links() == {}
    assert set(store.story_assignments().values()) == {"sto_x"}


def test_streamed_reads_keep_the_order_while_other_reads_run(store: Store) -> None:
    """``iter_articles`` and ``stream_stories`` give what the whole reads give, in the same
    order, while the caller reads other things between rows (what the JSON report does), past
    one page of a PostgreSQL server cursor."""
    arts = [article(f"Text number {i}.", f"{i % 7}/{i:03d}.txt") for i in range(230)]
    stories = [
        Story(
            f"sto_{i:03d}",
            f"Story {i}",
            (a.id,),
            None if i % 5 == 0 else f"2025-{i % 12 + 1:02d}-01",
        )
        for i, a in enumerate(arts)
    ]
    with store.transaction():
        for a in arts:
            store.put_article(a)
            store.put_analysis(full_analysis(a))
    store.replace_links(
        stories,
        [ArticleLinks(a.id, s.id, f"grp_{s.id}") for a, s in zip(arts, stories, strict=True)],
    )
    streamed = []
    for a in store.iter_articles():
        assert store.get_analysis(a.id) == full_analysis(a)
        streamed.append(a.id)
    paths = {a.id: a.source_path for a in arts}
    assert streamed == sorted(paths, key=lambda x: (paths[x], x))
    seen = []
    for s in store.stream_stories():
        assert store.article_links([s.article_ids[0]])[s.article_ids[0]].story_id == s.id
        seen.append(s)
    assert seen == store.iter_stories() and len(seen) == 230
    assert seen[-1].start is None  # undated last


def test_update_links_filters_and_the_linking_index(store: Store) -> None:
    a, b, c = article("One."), article("Two."), article("Three.")
    for x in (a, b, c):
        store.put_article(x)
    first = Story("sto_a", "First", (a.id,), "2025-11-01")
    second = Story("sto_b", "Second", (b.id, c.id), "2025-11-02")
    store.replace_links(
        [first, second],
        [ArticleLinks(a.id, "sto_a", "g1"), ArticleLinks(b.id, "sto_b", "g2")],
    )
    # one story rebuilt and one removed; the other story and links stay
    moved = Story("sto_b", "Second, again", (b.id,), "2025-11-02")
    store.update_links([moved], [ArticleLinks(c.id, "sto_c", "g2")], removed=["sto_a"])
    assert [s.title for s in store.iter_stories()] == ["Second, again"]
    assert store.iter_stories(["sto_b", "sto_missing"]) == [moved]
    assert set(store.article_links()) == {a.id, b.id, c.id}
    assert set(store.article_links([a.id])) == {a.id}
    assert set(store.article_links(groups=["g2"])) == {b.id, c.id}
    # vectors of some articles only; counts of some tables only
    store.put_vectors("m", {a.id: b"\x01", b.id: b"\x02"})
    assert store.get_vectors("m", [b.id, c.id]) == {b.id: b"\x02"}
    assert store.counts(["stories", "articles"]) == {"articles": 3, "stories": 1}
    # the linking index: rows kept once, looked up by key, dropped whole on replace
    store.put_link_keys([("k1", a.id), ("k1", b.id), ("k2", a.id), ("k1", a.id)])
    assert store.articles_with_keys(["k1", "k2", "k3"]) == {
        "k1": sorted([a.id, b.id]),
        "k2": [a.id],
    }
    store.put_link_keys([("k3", c.id)], replace=True)
    assert store.articles_with_keys(["k1", "k3"]) == {"k3": [c.id]}


def test_a_failed_replace_links_keeps_the_old_links(store: Store) -> None:
    a = article()
    store.put_article(a)
    store.replace_links([Story("sto_1", "One", (a.id,))], [ArticleLinks(a.id, "sto_1", "g")])
    with pytest.raises(Exception):  # noqa: B017  (a story of an article not stored)
        store.replace_links([Story("sto_2", "Two", ("art_missing",))], [])
    assert [s.id for s in store.iter_stories()] == ["sto_1"]
    assert list(store.article_links()) == [a.id]


# -- search ----------------------------------------------------------------------------------


def test_search_articles_folds_case_beyond_ascii(store: Store) -> None:
    a = article("Встреча: ДЖАПАРОВ и Путин обсудили Straße-Projekt. Джапаров сказал.")
    b = article("Unrelated text about weather, 50% rain_fall.", title="Weather")
    store.put_article(a)
    store.put_article(b)
    assert store.search_articles("джапаров", 10) == [a.id]
    assert store.search_articles("STRASSE", 10) == [a.id]  # ß folds to ss
    assert store.search_articles("  weather ", 10) == [b.id]
    assert store.search_articles("", 10) == []
    assert store.search_articles("   ", 10) == []
    assert store.search_articles("'; DROP TABLE articles; --", 10) == []
    assert store.counts()["articles"] == 2
    # the query's characters are literal, never patterns
    assert store.search_articles("0% r", 10) == [b.id]
    assert store.search_articles("n_f", 10) == [b.id]
    assert store.search_articles("a%b", 10) == [] and store.search_articles("t_x", 10) == []
    # shorter than a trigram: found by a scan, by id
    assert store.search_articles("ß", 10) == [a.id] and store.search_articles("Ж", 10) == [a.id]
    assert sorted(store.search_articles("e", 10)) == sorted([a.id, b.id])


def test_search_articles_ranks_and_limits(store: Store) -> None:
    once = article("The port of Varna reopened on Monday after a storm closed it for days.")
    thrice = article("Varna, Varna, Varna: the port reopened on Monday after the storm.")
    title = article("The storm is over and ships sail again.", title="Varna port")
    for x in (once, thrice, title):
        store.put_article(x)
    found = store.search_articles("varna", 10)
    assert set(found) == {once.id, thrice.id, title.id}
    assert found[0] == thrice.id  # the one that says it most often first
    assert len(store.search_articles("varna", 2)) == 2
    assert store.search_articles("varna port", 10) == [title.id]


def test_search_mentions(store: Store) -> None:
    a, b = article("Talks in Bishkek."), article("Ещё одна встреча.")
    store.put_article(a)
    store.put_article(b)
    store.put_analysis(ArticleAnalysis(a.id, "m", "1", mentions=(
        Mention(a.id, 9, 16, "GPE", "Bishkek", "Bishkek"),
        Mention(a.id, 0, 5, "ORG", "Talks"),
    )))  # fmt: skip
    store.put_analysis(ArticleAnalysis(b.id, "m", "1", mentions=(
        Mention(b.id, 0, 8, "PERSON", "ДЖАПАРОВ", "Садыр Жапаров"),
    )))  # fmt: skip
    assert store.search_mentions("садыр", 10) == [(b.id, "PERSON", "ДЖАПАРОВ", "Садыр Жапаров")]
    assert store.search_mentions("джапаров", 10) == [(b.id, "PERSON", "ДЖАПАРОВ", "Садыр Жапаров")]
    assert store.search_mentions("BISH", 10) == [(a.id, "GPE", "Bishkek", "Bishkek")]
    # by article then position
    both = store.search_mentions("s", 10)
    expected = sorted([(a.id, 0, "ORG", "Talks", None), (a.id, 9, "GPE", "Bishkek", "Bishkek")])
    assert both == [(x[0], x[2], x[3], x[4]) for x in expected]
    assert len(store.search_mentions("s", 1)) == 1
    # text and canonical name are searched one by one, never across the two
    assert store.search_mentions("ов сад", 10) == []
    assert store.search_mentions("", 10) == []


# -- several processes -----------------------------------------------------------------------


def _write_many(location: str, prefix: str, n: int) -> None:
    store = open_store(location)
    for i in range(n):
        a = article(f"{prefix} article number {i} about the same meeting.")
        with store.transaction():
            store.put_article(a)
            store.put_analysis(ArticleAnalysis(a.id, "m", "1", sentences=(Sentence(0, 0, 5),)))
            store.put_constraints("must", [(a.id, "shared")])
        store.put_file(FileRecord(f"{prefix}.txt", i, f"h{i}", "done", None, (a.id,)))
    store.close()


def test_two_processes_writing_at_once_lose_nothing(location: str) -> None:
    open_store(location).close()
    ctx = multiprocessing.get_context("spawn")
    workers = [ctx.Process(target=_write_many, args=(location, p, 25)) for p in ("left", "right")]
    for w in workers:
        w.start()
    for w in workers:
        w.join(120)
        assert w.exitcode == 0
    store = open_store(location, read_only=True)
    counts = store.counts()
    assert (counts["articles"], counts["analyses"], counts["story_constraints"]) == (50, 50, 50)
    assert counts["files"] == 2 and counts["file_articles"] == 2
    store.close()
