"""The Russian adapter: named entities of a Russian text under the canonical names English
articles use (Путин → Vladimir Putin, Пхеньяне → Pyongyang, Ким Чен Ыном → Kim Jong Un).

natasha's NewsNERTagger finds the names (PER, LOC, ORG); pymorphy3 gives each word its normal
form (Пхеньяне → Пхеньян, Жапарову → Жапаров). Each name is then mapped, first hit wins:

1. the gazetteer's aliases (data/gazetteer.yaml holds Cyrillic spellings), on the text as
   written, then on its normal form, then on word stems (names pymorphy does not know:
   Ыном → Ын);
2. places: the world tables (Cyrillic spellings of large cities), then data/names_ru.yaml
   (Russian names of countries the gazetteer does not list), then every country's Russian
   name from Unicode CLDR (the ``babel`` package);
3. people: a BGN/PCGN-style transliteration, matched against the Latin aliases of the
   gazetteer's people (Жапаров → Zhaparov → Sadyr Japarov), else kept as the transliteration;
4. within the article, a bare surname joins the full name mentioned elsewhere.

The parse comes from :mod:`.russian_doc` (models loaded lazily, once per process). Only
:class:`~corroborator.model.Mention` objects leave this module.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from corroborator import lexicon
from corroborator.analyze.gazetteer import Entry, Gazetteer, load_gazetteer
from corroborator.analyze.russian_doc import morph_analyzer, parse_russian
from corroborator.analyze.world import load_world
from corroborator.model import Mention

LANGUAGE = "ru"
_LABELS = {"PER": "PERSON", "ORG": "ORG", "LOC": "LOC"}
_PLACE_LABEL = {"country": "GPE", "city": "GPE", "region": "GPE"}
# pymorphy tags that mark a parse as a name of the kind natasha found: the first parse of a
# surname is often a common noun (Песков → песок), the tagged one is right (Песков).
# natasha's case names → pymorphy's (OpenCorpora) grammemes
_CASES = {"Nom": "nomn", "Gen": "gent", "Dat": "datv", "Acc": "accs", "Ins": "ablt", "Loc": "loct"}
_NAME_TAGS = {"PER": ("Surn", "Name", "Patr"), "LOC": ("Geox",), "ORG": ("Orgn",)}
# pymorphy parts of speech that agree with a noun like an adjective (full adjectives and
# participles: Государственная дума, Объединённые Арабские Эмираты)
_ADJECTIVAL = {"ADJF", "PRTF"}
# Case endings stripped to compare names pymorphy does not know (Ыном / Ын, Жапарову /
# Жапаров); longest first. The same stripping applies to aliases, so it only has to be
# consistent, not linguistically exact.
_ENDINGS = (
    "ами", "ями", "ого", "его", "ому", "ему", "ыми", "ими", "ой", "ей", "ом", "ем", "ым", "им",
    "ую", "юю", "ая", "яя", "ое", "ее", "ых", "их", "а", "я", "у", "ю", "е", "ы", "и", "о",
)  # fmt: skip
# A stem keeps at least this many letters ("Ын" is a whole name).
_MIN_STEM = 2
_CYRILLIC = re.compile(r"[Ѐ-ӿ]")

# BGN/PCGN romanisation of Russian, simplified (no diacritics), as English news spells names.
_TRANSLIT = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh",
    "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p",
    "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch",
    "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
}  # fmt: skip


def transliterate(text: str) -> str:
    """Latin spelling of a Cyrillic name (BGN/PCGN without diacritics): Жапаров → Zhaparov."""
    out = []
    for i, ch in enumerate(text):
        low = ch.lower()
        latin = _TRANSLIT.get(low)
        if latin is None:
            out.append(ch)
            continue
        # е at the start of a word or after a vowel is "ye" (Ереван → Yerevan)
        if low == "е" and (
            i == 0 or not text[i - 1].isalpha() or text[i - 1].lower() in "аеёиоуыэюяъь"
        ):
            latin = "ye"
        out.append(latin.capitalize() if ch.isupper() else latin)
    return "".join(out)


def _stem(word: str) -> str:
    low = word.lower().replace("ё", "е")
    for end in _ENDINGS:
        if low.endswith(end) and len(low) - len(end) >= _MIN_STEM:
            return low[: -len(end)]
    return low


def _stems(phrase: str) -> tuple[str, ...]:
    return tuple(_stem(w) for w in phrase.split())


@dataclass(frozen=True)
class _Tables:
    by_stem: dict[tuple[str, ...], Entry]  # stems of each Cyrillic alias → entry
    countries: dict[str, str]  # Russian country name (nominative) → English name
    country_stems: dict[tuple[str, ...], str]
    latin_people: dict[str, str]  # Latin spelling (full name or surname), lower → canonical


@cache
def _tables() -> _Tables:
    gaz = load_gazetteer()
    by_stem: dict[tuple[str, ...], Entry] = {}
    latin: dict[str, str] = {}
    for alias, entry in gaz.aliases.items():
        if _CYRILLIC.search(alias):
            by_stem.setdefault(_stems(alias), entry)
        elif entry.kind == "person":
            latin.setdefault(alias.lower(), entry.name)
            latin.setdefault(alias.split()[-1].lower(), entry.name)
    countries = _cldr_countries()
    countries.update(
        (str(k), str(v))
        for k, v in (lexicon.load("names_ru.yaml") or {}).get("countries", {}).items()
    )
    return _Tables(by_stem, countries, {_stems(k): v for k, v in countries.items()}, latin)


def _cldr_countries() -> dict[str, str]:
    """Every country's Russian name (Unicode CLDR, as the ``babel`` package ships it: Мьянма,
    Сербия, Филиппины) → the English name the world tables give it. A name with a second one
    in brackets gives both ("Мьянма (Бирма)")."""
    try:
        from babel import Locale
    except ImportError:  # the curated names_ru.yaml still answers
        return {}
    english = load_world().country_names
    out: dict[str, str] = {}
    for code, name in Locale("ru").territories.items():
        if len(code) != 2 or not code.isalpha() or code not in english:
            continue
        for part in re.split(r"\s*[()]\s*", str(name)):
            if part:
                out.setdefault(part, english[code])
    return out


def _gender(words: list[str], morph: Any) -> str | None:
    """The gender of a person's first name (Анна: femn), which settles whether "Кузнецова" is
    a woman's surname or a man's in the genitive."""
    for p in morph.parse(words[0]) if len(words) > 1 else []:
        if "Name" in p.tag:
            return str(p.tag.gender) if p.tag.gender else None
    return None


def _feminine_surname(word: str) -> str | None:
    """The nominative of a woman's surname in -ова/-ина/-ская read in an oblique case, where
    it declines as an adjective: Листовой/Листовую → Листова, Белицкой → Белицкая."""
    low = word.lower()
    for ending in ("ой", "ую"):
        stem = low[: -len(ending)]
        if low.endswith(ending) and len(stem) > _MIN_STEM:
            normal = stem + ("ая" if stem.endswith(("ск", "цк")) else "а")
            return normal.upper() if word.isupper() else normal.capitalize()
    return None


def _lemma(
    word: str, kind: str, morph: Any, gender: str | None = None, case: str | None = None
) -> str:
    """The normal form of one word of a name. ``case`` is the case the parse read in context:
    a person's name read as nominative is its own normal form (президент То Лам: not the
    genitive plural of «лама»), and a word of a name pymorphy does not know only loses an
    ending, never gains one (Нгуен stays Нгуен, Зунгом → Зунг)."""
    if kind == "PER" and case == "Nom" and word[:1].isupper():
        return word
    parses = morph.parse(word)
    if not parses:
        return word
    tags = _NAME_TAGS.get(kind, ())
    named = [p for p in parses if any(t in p.tag for t in tags)]
    if kind == "PER" and not named and not morph.word_is_known(word):
        low = word.lower()
        # an ending lost, or a soft sign / й of the stem lost with it (Брелем → Брель,
        # Николаем → Николай), or the -а/-я of a name of the first declension replaced by the
        # case's ending (Лулой → Лула, Силвы → Силва, read in an oblique case), never a stem
        # that the word does not begin with
        oblique = case not in (None, "Nom")
        trimmed = [
            p
            for p in parses
            if len(p.normal_form) > 1
            and (
                low.startswith(p.normal_form.removesuffix("ь").removesuffix("й"))
                or (
                    oblique
                    and p.normal_form[-1:] in ("а", "я")
                    and len(p.normal_form) > _MIN_STEM + 1
                    and low.startswith(p.normal_form[:-1])
                    and low != p.normal_form
                )
            )
        ]
        in_case = [p for p in trimmed if _CASES.get(case or "") in p.tag]
        if not in_case and oblique:
            # a consonant stem pymorphy guesses wrong (Мерцем: "мерец", a fleeting vowel the
            # name does not have): the case's masculine ending taken off (Мерцем → Мерц)
            stem = _masculine_stem(word, case)
            if stem is not None:
                return stem
        if not trimmed:
            return word
        parses = in_case or trimmed
    if kind == "PER" and not named and gender == "femn" and case not in (None, "Nom"):
        # a woman's surname in -ова/-ина/-ская declines as an adjective (Веры Листовой,
        # Анной Смирновой, Ольги Белицкой), which pymorphy may read as a common adjective
        # ("листовой"): the oblique -ой/-ую ending back to the surname's nominative
        feminine = _feminine_surname(word)
        if feminine is not None:
            return feminine
    chosen = next((p for p in named if gender is None or gender in p.tag), None)
    chosen = chosen or (named[0] if named else parses[0])
    normal: str = chosen.normal_form
    if "Surn" in chosen.tag and "femn" in chosen.tag:  # Иванову → Иванова, not Иванов
        nominative = chosen.inflect({"nomn", "sing"})
        normal = nominative.word if nominative is not None else normal
    if word.isupper() and len(word) > 1:
        return normal.upper()
    if word[:1].isupper():
        return "-".join(part.capitalize() for part in normal.split("-"))
    return normal


# The endings of a masculine name of the second declension (a consonant stem) in each
# oblique case the parse reads (Мерц: Мерца, Мерцу, Мерцем, Мерце), longest first.
_MASCULINE_ENDINGS = {
    "Gen": ("а",), "Acc": ("а",), "Dat": ("у",), "Ins": ("ом", "ем", "ём"), "Loc": ("е",),
}  # fmt: skip


def _masculine_stem(word: str, case: str | None) -> str | None:
    """``word`` without the masculine ending of ``case``, when it has it after a consonant
    and keeps a stem of :data:`_MIN_STEM` letters or more."""
    for ending in _MASCULINE_ENDINGS.get(case or "", ()):
        stem = word[: -len(ending)]
        if (
            word.lower().endswith(ending)
            and len(stem) >= _MIN_STEM
            and stem[-1:].lower() not in "аеёиоуыэюяьй"
        ):
            return stem
    return None


def _phrase_lemma(words: list[str], morph: Any, case: str | None) -> str | None:
    """The nominative of a name of several words that is an adjective phrase around a noun:
    the head noun and the adjectives before it go to the nominative, agreeing with the head
    in number and gender, and what follows the head (its genitive or prepositional
    complement) is kept as written, as Russian names it (Министерства иностранных дел →
    Министерство иностранных дел, Объединённых Арабских Эмиратов → Объединённые Арабские
    Эмираты, Государственной думе → Государственная дума). ``None`` when the words are not
    of that shape (a word before the head that is no adjective), and the caller normalises
    word by word."""
    want = _CASES.get(case or "")
    parses = [morph.parse(w) for w in words]
    head = next((i for i, ps in enumerate(parses) if ps and ps[0].tag.POS == "NOUN"), None)
    if head is None or not all(any(p.tag.POS in _ADJECTIVAL for p in ps) for ps in parses[:head]):
        return None
    nouns = [p for p in parses[head] if p.tag.POS == "NOUN"]
    noun = next((p for p in nouns if want and want in p.tag), nouns[0])
    head_nom = noun.inflect({"nomn"})
    if head_nom is None:
        return None
    agree = {"nomn", str(noun.tag.number or "sing")}
    if noun.tag.number != "plur" and noun.tag.gender:
        agree.add(str(noun.tag.gender))
    out: list[str] = []
    for word, ps in zip(words[:head], parses[:head], strict=True):
        adjectives = [p for p in ps if p.tag.POS in _ADJECTIVAL]
        adj = next((p for p in adjectives if noun.tag.case in p.tag), adjectives[0])
        form = adj.inflect(agree)
        if form is None:
            return None
        out.append(_cased(form.word, word))
    out.append(_cased(head_nom.word, words[head]))
    return " ".join(out + words[head + 1 :])


def _cased(form: str, like: str) -> str:
    """``form`` written with the capitals of ``like`` (all capitals, or the first letter)."""
    if like.isupper() and len(like) > 1:
        return form.upper()
    if not like[:1].isupper():
        return form
    # each part of a hyphenated name keeps its capital (Нью-Йорке → Нью-Йорк)
    parts, shapes = form.split("-"), like.split("-")
    return "-".join(
        p[:1].upper() + p[1:] if i >= len(shapes) or shapes[i][:1].isupper() else p
        for i, p in enumerate(parts)
    )


def _span_case(span: Any) -> str | None:
    """The case of a name in its sentence: nominative only when the parse reads every word of
    it so (its tags for foreign names are unsure: «Чан Тхань Маном» has one word read as
    instrumental and two as nominative), else the first other case it reads."""
    cases = [str(c) for tok in span for c in tok.morph.get("Case")[:1]]
    oblique = [c for c in cases if c != "Nom"]
    if oblique:
        return oblique[0]
    return "Nom" if cases else None


def _resolve(
    surface: str, lemma: str, kind: str, gaz: Gazetteer, tables: _Tables
) -> tuple[str, str, str]:
    """``(label, canonical, how)`` for one name natasha found."""
    entry = gaz.lookup(surface) or gaz.lookup(lemma) or tables.by_stem.get(_stems(surface))
    if entry is not None:
        if entry.kind == "person":
            return "PERSON", entry.name, "gazetteer"
        if entry.kind == "org":
            return "ORG", entry.name, "gazetteer"
        return _PLACE_LABEL.get(entry.place_kind or "", "FAC"), entry.name, "gazetteer"
    if kind in {"LOC", "ORG"}:
        country = tables.countries.get(lemma) or tables.country_stems.get(_stems(surface))
        if country is not None:
            return "GPE", country, "gazetteer"
        place = load_world().lookup(lemma) or load_world().lookup(surface)
        if place is not None and place.kind != "region":
            return "GPE", place.name, "world"
        if kind == "LOC":
            return "LOC", lemma, "model"
        return "ORG", lemma, "model"
    latin = transliterate(lemma)
    known = tables.latin_people.get(latin.lower()) or tables.latin_people.get(
        latin.split()[-1].lower() if latin.split() else ""
    )
    if known is not None:
        return "PERSON", known, "transliteration"
    return "PERSON", latin, "model"


def russian_mentions(text: str, article_id: str = "") -> list[Mention]:
    """The named people, organisations and places of a Russian ``text``, canonical across
    scripts, in text order."""
    return mentions_from_doc(parse_russian(text), article_id)


def mentions_from_doc(doc: Any, article_id: str = "") -> list[Mention]:
    """The named entities of a parsed Russian ``doc`` (:func:`parse_russian`) as mentions."""
    morph = morph_analyzer()
    gaz, tables = load_gazetteer(), _tables()
    out: list[Mention] = []
    for span in doc.ents:
        if span.label_ not in _LABELS or "\n" in span.text:
            continue
        words = [tok.text for tok in span]
        gender = _gender(words, morph) if span.label_ == "PER" else None
        case = _span_case(span)
        phrase = _phrase_lemma(words, morph, case) if span.label_ in {"ORG", "LOC"} else None
        lemma = phrase or " ".join(_lemma(w, span.label_, morph, gender, case) for w in words)
        label, canonical, how = _resolve(span.text, lemma, span.label_, gaz, tables)
        out.append(
            Mention(
                article_id,
                span.start_char,
                span.end_char,
                label,
                span.text,
                canonical,
                resolved_by=how,
            )
        )
    # a bare surname stands for the full name the article gives elsewhere (Ушаков → Yuri Ushakov)
    full = {
        m.canonical.split()[-1]: m.canonical
        for m in out
        if m.label == "PERSON" and m.canonical and len(m.canonical.split()) > 1
    }
    women = {  # a woman's surname alone in an oblique case (с Листовой): her full name
        m.canonical: full[key]
        for m in out
        if m.label == "PERSON" and m.canonical and m.canonical not in full and " " not in m.text
        for key in [transliterate(_feminine_surname(m.text) or "")]
        if key in full
    }
    full |= women
    return [
        Mention(m.article_id, m.start, m.end, m.label, m.text, full[m.canonical], "surname")
        if m.label == "PERSON" and m.resolved_by == "model" and m.canonical in full
        else m
        for m in out
    ]
