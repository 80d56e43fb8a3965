"""Quotations: double quotes of every style, and single quotes told apart from apostrophes."""

from __future__ import annotations

import pytest

from corroborator.analyze.quotes import inside, quote_spans


def quoted(text: str) -> list[str]:
    return [text[s:e] for s, e in quote_spans(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "‘We will meet on Tuesday,’ he said. Russia’s trade grew.",
            ["‘We will meet on Tuesday,’"],
        ),
        ("He said 'we'll go on Friday' and left.", ["'we'll go on Friday'"]),
        ("The leaders' summit opened on the 1990s' model.", []),
        ("Rock 'n' roll and don't stop.", []),
        (
            '"Straight" and “curly” and «guillemets» here.',
            ['"Straight"', "“curly”", "«guillemets»"],
        ),
        ("It was 'a new page' in ties.", ["'a new page'"]),
        ("'No' he said.", []),  # too short to hold a date or a figure
    ],
)
def test_quotations(text: str, expected: list[str]) -> None:
    assert quoted(text) == expected


def test_nested_quotation_is_the_innermost() -> None:
    text = "“He told us ‘the talks are on Tuesday’ and left,” the aide said."
    spans = quote_spans(text)
    assert len(spans) == 2
    s, e = inside(spans, text.index("Tuesday"))  # type: ignore[misc]
    assert text[s:e] == "‘the talks are on Tuesday’"
    assert inside(spans, text.index("aide")) is None


def test_straight_double_quotes_pair_within_a_paragraph() -> None:
    assert quoted('He said "one\n\ntwo" then') == []
