"""Publication dates and outlets from what a page prints: date markers, stamps, URL paths,
datelines; a dateline city never becomes the outlet (issue 12)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from corroborator.config import Settings
from corroborator.ingest import read_articles
from corroborator.ingest.dates import url_date
from corroborator.ingest.metadata import read_metadata
from corroborator.model import Article

BODY = (
    "The finance ministers of the two countries opened a round of talks on customs rules, "
    "officials said, and a protocol on rail freight is ready for signature."
)


def only(path: Path) -> Article:
    items = list(read_articles(path, Settings()))
    assert len(items) == 1 and isinstance(items[0], Article), items
    return items[0]


@pytest.mark.parametrize(
    ("url", "value"),
    [
        ("https://example.org/world/2025/11/24/talks-open", "2025-11-24"),
        ("https://example.org/asia/2025-05/08/c_123456.htm", "2025-05-08"),
        ("https://example.org/article/05/07/2025/leaders-meet", "2025-05-07"),
        ("https://example.org/article/25/07/2025/leaders-meet", "2025-07-25"),
        ("https://example.org/n/t20250511_889.html", "2025-05-11"),
        ("https://example.org/a/202505/09/WS1234.html", "2025-05-09"),
        ("https://example.org/20240620/summit-takeaways-1119.html", "2024-06-20"),
        ("https://example.org/news/2014/9/3/27904.html", "2014-09-03"),
        ("https://example.org/politics/1953857", None),  # an article number is no date
        ("https://example.org/2025/04/ceasefire-declared", None),  # a month only
        ("https://example.org/2025/13/40/x", None),
    ],
)
def test_url_date_paths(url: str, value: str | None) -> None:
    found = url_date(url)
    assert (found[0] if found else None) == value


def test_url_date_is_used_when_the_text_shows_none(tmp_path: Path) -> None:
    f = tmp_path / "a.json"
    record = {"url": "https://example.org/economy/2025/11/24/rail-freight", "maintext": BODY}
    f.write_text(json.dumps(record), encoding="utf-8")
    art = only(f)
    assert art.published == "2025-11-24"
    assert "url date path" in (art.published_evidence or "")


def test_metadata_outranks_the_url(tmp_path: Path) -> None:
    f = tmp_path / "a.json"
    record = {
        "url": "https://example.org/2025/11/24/rail-freight",
        "date_publish": "2025-11-25 08:00:00",
        "maintext": BODY,
    }
    f.write_text(json.dumps(record), encoding="utf-8")
    assert only(f).published == "2025-11-25"


def test_leading_date_marker_sharing_its_line_with_the_dateline() -> None:
    meta = read_metadata(f"date 2025-05-07 ALMATY, May 7. /Kazinform/. {BODY}")
    assert meta.published == "2025-05-07"
    assert "page date marker" in (meta.published_evidence or "")
    # the dateline behind the marker is still read
    assert meta.dateline_place == "ALMATY"
    assert meta.dateline_date == "--05-07"
    assert meta.attributed_to == ("Kazinform",)


@pytest.mark.parametrize(
    ("head", "value"),
    [
        ("Steppe Courier Published 12 March, 2025 04:10pm", "2025-03-12"),
        ("By Aigul Sadykova, Steppe Courier March 12, 2025 at 9:05 AM", "2025-03-12"),
        ("12.03.2025 15:19", "2025-03-12"),
        ("12 марта 2025 в 15:19", "2025-03-12"),
        ("Published on 03/14/25", "2025-03-14"),
    ],
)
def test_time_stamps_near_the_top(head: str, value: str) -> None:
    meta = read_metadata(f"Ministers open customs talks in the capital\n{head}\n{BODY}")
    assert meta.published == value, meta.published_evidence


def test_a_historical_date_in_the_lead_is_not_a_stamp() -> None:
    text = f"The customs union treaty of June 16, 1994 was reviewed by the ministers. {BODY}"
    assert read_metadata(text).published is None


def test_dateline_in_parentheses_after_a_colon() -> None:
    meta = read_metadata(f"ASTANA: (March 12) {BODY}")
    assert meta.dateline_place == "ASTANA"
    assert meta.dateline_date == "--03-12"
    assert meta.outlet is None


def test_dateline_city_is_never_the_outlet() -> None:
    # the city in a byline's organisation slot, in brackets, or alone on the last line
    byline = read_metadata(f"By Aigul Sadykova, Nairobi\nNAIROBI, March 10 - {BODY}")
    assert byline.outlet is None and byline.authors == ("Aigul Sadykova",)
    assert read_metadata(f"NAIROBI (Nairobi) - {BODY}").outlet is None
    assert read_metadata(f"NAIROBI, March 10 - {BODY}\n\nNairobi").outlet is None


def test_bracketed_outlet_after_the_dateline() -> None:
    meta = read_metadata(f"NEW DELHI [Lotus Wire Service]: {BODY}")
    assert meta.dateline_place == "NEW DELHI"
    assert meta.outlet == "Lotus Wire Service"


def test_outlet_line_under_the_headline() -> None:
    headline = "Ministers open customs talks in the capital"
    assert read_metadata(f"{headline}\nThe Steppe Herald\n{BODY}").outlet == "The Steppe Herald"
    assert read_metadata(f"{headline}\n- Steppe Radio\n{BODY}").outlet == "Steppe Radio"
    agency = read_metadata(f"{headline}\nReuters\n{BODY}")
    assert agency.outlet is None and agency.attributed_to == ("Reuters",)
    # a section label is not an outlet
    assert read_metadata(f"{headline}\nWorld News\n{BODY}").outlet is None


def test_a_cut_sentence_at_the_end_is_not_a_sign_off() -> None:
    text = f"{BODY}\nThe ministers were joined by deputies from both"
    assert read_metadata(text).outlet is None
