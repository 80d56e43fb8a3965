"""The date grammar skips a rule whose needed words are not in the text: same matches."""

from __future__ import annotations

import re

import pytest

from corroborator import regex_needs
from corroborator.analyze.timex import grammar

TEXTS = [
    "The council met on Tuesday, March 4, 2025, and again three weeks later.",
    "Sales in the second quarter of fiscal 2024 rose; FY2023 was flat. Next spring, maybe.",
    "Two years ago, at 9:30 a.m. local time, the bridge closed for the weekend.",
    "Between May 2 and 9 the talks ran daily; by the end of the year, every other month.",
    "Nothing here names a time at all, only people and places.",
    "Early in the 1990s, during the nineteen-eighties revival, the twenty-first century began.",
    # case folding as re.IGNORECASE does it: dotless/dotted i, long s, Kelvin sign
    "FİRST QUARTER, the ſecond day, Thanksgıving, three YEARS ago, WEE\u212a.",
    "Last Chriſtmas and the following Monday; 3 decades earlier.",
]


def _all(text: str, skip: bool, monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, grammar.Match]]:
    if not skip:
        monkeypatch.setattr(regex_needs, "can_match", lambda *_: True)
    found = grammar._all_matches(text)
    monkeypatch.undo()
    return found


@pytest.mark.parametrize("text", TEXTS)
def test_skipping_rules_keeps_every_match(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    assert _all(text, True, monkeypatch) == _all(text, False, monkeypatch)


def test_a_text_without_a_rule_s_words_skips_it() -> None:
    rules = grammar._compiled()
    text = "Nothing here names a time at all"
    folded, digit = regex_needs.fold(text), regex_needs.has_digit(text)
    ran = [n for (n, _), need in zip(rules.rules, rules.needs, strict=True)
           if regex_needs.can_match(need, folded, digit)]  # fmt: skip
    assert "fiscal_year" not in ran and "century" not in ran and "mdy" not in ran
    assert len(ran) < len(rules.rules) / 2


def test_every_rule_s_needs_hold_for_its_matches() -> None:
    rules = grammar._compiled()
    for text in TEXTS:
        for order, m in grammar._all_matches(text):
            # the match with a few characters around it (a lookaround's words lie outside)
            span = text[max(0, m.start - 10) : m.end + 10]
            need = rules.needs[order]
            assert regex_needs.can_match(need, regex_needs.fold(span), regex_needs.has_digit(span))


def test_fold_matches_ignorecase() -> None:
    for word, variant in [("first", "FİRST"), ("second", "ſECOND"), ("week", "WEE\u212a")]:
        assert re.fullmatch(word, variant, re.IGNORECASE)
        assert word in regex_needs.fold(variant)


def test_needs_of_plain_patterns() -> None:
    fiscal = regex_needs.needs(re.compile(r"(?:the\s+)?fiscal\s+(?:year|quarter)", re.I))
    assert fiscal == ({"fiscal"}, {"quarter", "year"})
    assert regex_needs.needs(re.compile(r"(?:a|b)?\d+", re.I)) == ({regex_needs.DIGIT},)
    assert regex_needs.needs(re.compile(r"(?:foo|\w+)", re.I)) == ()
    digit_first = regex_needs.needs(re.compile(r"(?:May|June)\s+\d+", re.I))
    assert digit_first == ({regex_needs.DIGIT}, {"may", "june"})
