"""Russian claims, part one: where the figures of a sentence are and how they are qualified.

The same :class:`~corroborator.analyze.claims_figures._Figure` as English, found in the forms
Russian writes: decimal commas and space-grouped thousands ("2,5 тысячи", "2 110"), scale and
currency words in every case ("245 млрд рублей", "4,1 млрд долларов"), number words counting a
noun ("двух собак", "четверкой министров", "трех десятков встреч"), vague plurals ("сотни
людей" → at least 100), durations ("около двух часов", "1 час 40 минут") and number-unit
adjectives ("двухчасовой", "стопроцентных", "25-этажный"). Qualifiers are the English kinds
(``data/claims_ru.yaml``); "до" is "up to" unless a verb of change makes it the level reached.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from corroborator import lexicon
from corroborator.analyze.claims import _Claims
from corroborator.analyze.claims_figures import (
    _Figure,
    figure_matches,
    rounding_step,
    scale_and_unit,
)
from corroborator.analyze.claims_periods import first_months
from corroborator.analyze.russian_doc import morph_analyzer

_MONTHS = (
    "января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря"
    "|янв|фев|февр|мар|апр|июн|июл|авг|сен|сент|окт|ноя|нояб|дек"
)
# a page, paragraph or figure reference, or a label ("см. стр. 2", "№ 5", "рейс номер 5")
_REFERENCE_BEFORE = re.compile(
    r"(?<!\w)(?:стр|№|п|ст|гл|рис|табл|номер|рейс|борт)\.?\s*$", re.IGNORECASE
)
# "в 16 часов", "семь часов по Москве", "в 10 утра": a time of day, not a duration
_CLOCK = re.compile(
    r"(?:(?<!\w)в\s+(?:\w+\s+)?(?P<a>\d{1,2}|[а-яё]+)\s+час(?:а|ов)?(?!\w)"
    r"|(?<!\w)(?P<b>\d{1,2}|[а-яё]+)\s+час(?:а|ов)?\s+(?:по\s+(?:москве|\w+\s+времени)"
    r"|утра|вечера|дня|ночи))",
    re.IGNORECASE,
)
# «первые шесть месяцев», «последние две недели»: a part of a stretch of time, not how long
# something lasts («на ближайшие три года» is: a term, kept)
_PERIOD_WORDS = frozenset({"первый", "последний"})
# an ordinal written with digits: a count only of a visit or a meeting ("12-й саммит")
_DIGIT_ORDINAL = re.compile(r"(\d{1,3})-(?:й|го|м|му|ом|я|ая|ой|е|ое)", re.IGNORECASE)
# an ordinal written with digits ("7-й", "2-го"), an age ("70-летний") or a date ("19 июня")
# (also "8 и 9 июля", "с 8 по 10 июля"), or an age rating ("18+")
_NOT_A_FIGURE_AFTER = re.compile(
    rf"-(?:[йяеюмх]|го|му|ми|ой|ый|ая|ое|ые|ых|ому|ого|лет\w*)(?!\w)"
    rf"|(?:\s+(?:и|или|по|-|–|—)\s+\d{{1,2}})?\s+(?:{_MONTHS})(?!\w)|\+",
    re.IGNORECASE,
)
# "от 6,1 до 6,4 балла": a range is given by its first bound, not as two figures
_RANGE_END = re.compile(r"(?<!\w)от\s+\d[\d\s,]*(?:\s*\S+)?\s+до\s*$", re.IGNORECASE)
# "с 35% до 20%": the second figure is the level reached
_FROM_TO = re.compile(r"(?<!\w)с\s+\d[\d\s,]*\S*\s+до\s*$", re.IGNORECASE)
# «первый за 17 лет», «первый визит с 2019 года», «первый после долгого перерыва»: says nothing
# came between (as English "the first visit in 24 years"), not how many came before
_FIRST_IN_SPAN = re.compile(
    r"(?<!\w)(?:за|с|со|после)\s+(?:[\w-]+\s+){0,3}?(?:\d|лет|год|десятилет|век|перерыв)",
    re.IGNORECASE,
)
# "в 7-й раз", "в 5-й раз": the Nth time is a count of times
_NTH_TIME = re.compile(r"-(?:й|ый|ой)\s+раз(?!\w)", re.IGNORECASE)
# "в 1,8 раза", "в два раза больше": a factor
_TIMES_AFTER = re.compile(r"\s+раза?(?!\w)", re.IGNORECASE)
_TIMES_BEFORE = re.compile(r"(?<!\w)в\s+(?:(?:почти|более\s+чем|более|около|примерно)\s+)?$")
# "1 час 40 минут": hours and minutes together, read as minutes
_HOURS_MINUTES = re.compile(
    r"(?<!\w)(?P<h>\d{1,2}|[а-яё]+)\s+час(?:а|ов)?\s+(?:и\s+)?(?P<m>\d{1,2})\s+минут\w*",
    re.IGNORECASE,
)


def _norm(word: str) -> str:
    return word.lower().replace("ё", "е")


def _substantive(tok: Any) -> bool:
    """A participle or adjective standing for a noun after a number ("42 выживших", "214
    погибших", "двое раненых"): in the plural (or after "один"), no noun after it to agree with."""
    if tok.pos_ not in {"ADJ", "VERB"} or (
        tok.pos_ == "VERB" and "Part" not in tok.morph.get("VerbForm")
    ):
        return False
    if "Plur" not in tok.morph.get("Number") or "Cmp" in tok.morph.get("Degree"):
        return False
    after = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return after is None or after.pos_ not in {"NOUN", "PROPN", "ADJ"}


def counted_lemma(tok: Any) -> str:
    """The lemma a counted word is known by: a noun's own; a substantivised participle or
    adjective in the masculine nominative singular ("выживших" → "выживший", where its
    lemma is the verb "выжить")."""
    if tok.pos_ in {"NOUN", "PROPN"}:
        return _norm(tok.lemma_)
    for parse in morph_analyzer().parse(tok.text):
        if parse.tag.POS in {"ADJF", "PRTF"}:
            form = parse.inflect({"masc", "sing", "nomn"})
            if form is not None:
                return _norm(form.word)
    return _norm(tok.lemma_)


@cache
def ru_pack() -> dict[str, Any]:
    """The Russian-only parts of ``claims_ru.yaml``, prepared once."""
    data = lexicon.load("claims_ru.yaml")
    nums = {str(k): float(v) for k, v in data["compound_numbers"].items()}
    units = {str(k): str(v) for k, v in data["compound_units"].items()}

    def alt(items: Any) -> str:
        return "|".join(re.escape(i) for i in sorted(items, key=len, reverse=True))

    return {
        "up_to": tuple(str(w) for w in data.get("up_to", [])),
        "level_verbs": frozenset(str(w) for w in data.get("level_verbs", [])),
        "vague": {str(k): float(v) for k, v in data["vague_numbers"].items()},
        "durations": {str(k): str(v) for k, v in data["duration_units"].items()},
        "measure_units": {str(k): str(v) for k, v in data["measure_units"].items()},
        "counted_units": {str(k): str(v) for k, v in data["counted_units"].items()},
        "growth_nouns": frozenset(str(w) for w in data.get("growth_nouns", [])),
        "worth_nouns": frozenset(str(w) for w in data.get("worth_nouns", [])),
        "decline_nouns": frozenset(str(w) for w in data.get("decline_nouns", [])),
        "speech_verbs": frozenset(str(w) for w in data["speech_verbs"]),
        "bodies": frozenset(str(w) for w in data.get("speaking_bodies", [])),
        "attribution": tuple(
            sorted((str(p) for p in data["attribution_phrases"]), key=len, reverse=True)
        ),
        "casualties": {str(w): str(kind) for kind, ws in data["casualties"].items() for w in ws},
        "ordinals": {str(k): float(v) for k, v in data.get("ordinals", {}).items()},
        "ordinal_nouns": frozenset(str(w) for w in data.get("ordinal_nouns", [])),
        "compound_numbers": nums,
        "factor_adverbs": {str(k): float(v) for k, v in data.get("factor_adverbs", {}).items()},
        "compound_units": units,
        "compound": re.compile(
            rf"(?<![\w-])(?:(?P<digits>\d+(?:,\d+)?)-|(?P<word>{alt(nums)}))"
            rf"(?P<unit>{alt(units)})[а-яё]*",
            re.IGNORECASE,
        ),
    }


class _RussianFigures(_Claims):
    """The English pass over one article, finding figures as Russian writes them."""

    pack = "claims_ru.yaml"

    def _first_months(self, sent: Any) -> list[tuple[int, int, str]]:
        """The first-months periods of ``sent`` («за первые шесть месяцев»), as
        :func:`~corroborator.analyze.claims_periods.first_months` reads them."""
        return first_months(
            self.text, sent.start_char, sent.end_char, self.article.published, "ru", sent.start_char
        )

    def __init__(self, *args: Any) -> None:
        self.ru = ru_pack()
        super().__init__(*args)

    # -- figures --------------------------------------------------------------------------------

    def _figures(self, sent: Any) -> list[_Figure]:
        clock = [m.span() for m in _CLOCK.finditer(self.text, sent.start_char, sent.end_char)]
        out = [f for f in self._digit_figures(sent) if not any(a <= f.start < b for a, b in clock)]
        found = out + self._compounds(sent) + self._durations_ru(sent, clock)
        # a duration or compound written with a digit replaces the bare number inside it
        longer = [f for f in found if f not in out]
        out = [f for f in out if not any(d.start <= f.start and f.end <= d.end for d in longer)]
        words = [
            f
            for f in self._word_figures(sent)
            if not any(o.start < f.end and f.start < o.end for o in out + longer)
        ]
        return sorted(out + longer + words, key=lambda f: f.start)

    def _digit_figures(self, sent: Any) -> list[_Figure]:
        text = self.text
        out: list[_Figure] = []
        for m in figure_matches(self.lex, text, sent.start_char, sent.end_char):
            num = m.group("num")
            start, end = m.start(), m.end()
            while end > start and text[end - 1].isspace():
                end -= 1
            if start > 0 and (text[start - 1].isalnum() or text[start - 1] in "-–/.:"):
                continue  # part of a word, a code, a range or a time ("Ил-96-300", "10:30")
            if end < len(text) and (
                text[end].isalnum() or (text[end] in "-–.:" and text[end + 1 : end + 2].isdigit())
            ):
                continue
            after = text[end : end + 20]
            nth = _NTH_TIME.match(after)
            if nth is None and _NOT_A_FIGURE_AFTER.match(after):
                continue
            written = self.lex.number(num)
            scale, unit = scale_and_unit(self.lex, m)
            value = float(written.replace(",", "")) * scale
            bare = unit is None and scale == 1.0
            if bare and "." not in written and "," not in written and 1900 <= value <= 2100:
                continue  # a year
            if self._in_timex(start, end) or self._in_name(start, end):
                continue
            if _REFERENCE_BEFORE.search(text[max(0, start - 8) : start]):
                continue
            line_start = text.rfind("\n", 0, start) + 1
            line_end = text.find("\n", end)
            if (
                not text[line_start:start].strip()
                and not text[end : line_end if line_end >= 0 else None].strip()
            ):
                continue  # a number alone on its line: a page's counter, not a figure of the news
            if _RANGE_END.search(text[max(0, start - 40) : start]):
                # "от 6,1 до 6,4 балла": one figure, its first bound the value (qualifier
                # ``range``, as in English), the interval up to the second
                if out and out[-1].qualifier == "exact" and start - out[-1].end < 40:
                    low = out[-1]
                    low.qualifier, low.high, low.end = "range", value, end
                    low.text, low.unit = text[low.start : end], low.unit or unit
                continue
            fig = _Figure(start, end, text[start:end], value, rounding_step(written, scale), unit)
            times = _TIMES_AFTER.match(after)
            if (
                times is not None
                and unit is None
                and _TIMES_BEFORE.search(text[max(0, start - 20) : start].lower())
            ):
                fig.unit = "times"
                fig.end = end + len(times.group(0))
                fig.text = text[start : fig.end]
            if nth is not None:
                fig.unit = "occurrence"
                fig.end = end + len(nth.group(0))
                fig.text = text[start : fig.end]
            out.append(fig)
        return out

    def _word_figures(self, sent: Any) -> list[_Figure]:
        """Number words counting a noun, vague plurals ("сотни людей"), and "четырех
        десятков" (a number word times a counting noun)."""
        out: list[_Figure] = []
        words = self.lex.number_words
        toks = list(sent)
        skip: set[int] = set()
        for n, tok in enumerate(toks):
            if tok.i in skip:
                continue
            lemma = _norm(tok.lemma_)
            nxt = toks[n + 1] if n + 1 < len(toks) else None
            if (
                lemma in self.ru["vague"]
                and tok.pos_ == "NOUN"
                and "Plur" in tok.morph.get("Number")
            ):
                prev = toks[n - 1] if n > 0 else None
                if prev is not None and (
                    prev.like_num or _norm(prev.lemma_) in words or prev.pos_ == "NUM"
                ):
                    continue
                value, end_tok = self.ru["vague"][lemma], tok
                if nxt is not None and _norm(nxt.lemma_) in self.ru["vague"]:
                    value *= self.ru["vague"][_norm(nxt.lemma_)]  # "десятки тысяч"
                    end_tok = nxt
                    skip.add(nxt.i)
                end = end_tok.idx + len(end_tok.text)
                fig = _Figure(tok.idx, end, self.text[tok.idx : end], value, 1.0, None)
                fig.qualifier = "at_least"
                out.append(fig)
                continue
            digits = _DIGIT_ORDINAL.fullmatch(tok.text)
            nth = float(digits.group(1)) if digits else self.ru["ordinals"].get(lemma)
            rest = self.text[tok.idx : min(sent.end_char, tok.idx + 60)]
            if nth == 1.0 and _FIRST_IN_SPAN.search(rest):
                continue  # «первый за 17 лет визит»: none came between, not how many before
            if nth is not None and self._of_visit(tok):  # «второй визит», «12-й саммит»
                end = tok.idx + len(tok.text)
                out.append(_Figure(tok.idx, end, tok.text, nth, 1.0, "occurrence"))
                continue
            factor = self.ru["factor_adverbs"].get(_norm(tok.text))
            if factor is not None:  # "вырос впятеро": a factor, as "в пять раз"
                end = tok.idx + len(tok.text)
                out.append(_Figure(tok.idx, end, tok.text, factor, 1.0, "times"))
                continue
            if lemma not in words or not tok.text.isalpha():
                continue
            if tok.pos_ not in {"NUM", "NOUN"} or self._in_timex(tok.idx, tok.idx + len(tok.text)):
                continue
            value = words[lemma]
            end_tok = tok
            if nxt is not None and _norm(nxt.lemma_) in self.ru["vague"] and tok.pos_ == "NUM":
                value *= self.ru["vague"][_norm(nxt.lemma_)]  # "трех десятков", "двух тысяч"
                end_tok = nxt
                skip.add(nxt.i)
            counted = self._counted_after(end_tok)
            if (
                counted is not None
                and _norm(counted.lemma_) == "раз"
                and _TIMES_BEFORE.search(self.text[max(0, tok.idx - 20) : tok.idx].lower())
            ):
                end = counted.idx + len(counted.text)  # "в два раза": a factor
                fig = _Figure(tok.idx, end, self.text[tok.idx : end], value, 1.0, "times")
                out.append(fig)
                continue
            if counted is None or _norm(counted.lemma_) in self.lex.not_counted:
                continue
            if _norm(counted.lemma_) in self.ru["durations"]:
                continue  # a duration: read by _durations_ru
            if lemma == "один" and (nxt is None or _norm(nxt.lemma_) in {"из", "раз"}):
                continue  # "один из": one of, not a count; «один раз»: once
            end = end_tok.idx + len(end_tok.text)
            out.append(_Figure(tok.idx, end, self.text[tok.idx : end], value, 1.0, None))
        return out

    def _of_visit(self, tok: Any) -> bool:
        """Whether an ordinal numbers a visit or a time: it modifies such a noun ("второй
        визит") or is said of one ("этот визит уже третий")."""
        nouns = self.ru["ordinal_nouns"]
        if _norm(tok.head.lemma_) in nouns:
            return True
        return any(
            c.dep_ in {"nsubj", "nsubj:pass"} and _norm(c.lemma_) in nouns for c in tok.children
        )

    def _counted_after(self, tok: Any) -> Any:
        """The noun a number counts: the next noun after it, past adjectives ("двух охотничьих
        собак"), or the noun it is a modifier of."""
        doc = self.doc
        i = tok.i + 1
        while i < len(doc) and doc[i].pos_ in {"ADJ", "DET"} and i - tok.i <= 3:
            i += 1
        if i < len(doc) and doc[i].pos_ in {"NOUN", "PROPN"}:
            return doc[i]
        if tok.dep_.startswith("nummod") and tok.head.pos_ in {"NOUN", "PROPN"}:
            return tok.head
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if nxt is not None and _substantive(nxt):
            return nxt  # "42 выживших", "трое раненых": a participle or adjective as the noun
        return None

    def _durations_ru(self, sent: Any, clock: list[tuple[int, int]]) -> list[_Figure]:
        """A number (digits or a word) of time units: "около двух часов", "за шесть лет",
        "1 час 40 минут" (100 minutes), "полтора часа"."""
        out: list[_Figure] = []
        taken: list[tuple[int, int]] = []
        words = self.lex.number_words
        for m in _HOURS_MINUTES.finditer(self.text, sent.start_char, sent.end_char):
            h = m.group("h")
            hours = float(h) if h.isdigit() else words.get(_norm(h))
            if hours is None:
                continue
            fig = _Figure(
                m.start(), m.end(), m.group(0), hours * 60 + int(m.group("m")), 1.0, "minute"
            )
            fig.measure = "duration"
            out.append(fig)
            taken.append((m.start(), m.end()))
        toks = list(sent)
        periods = self._first_months(sent)
        for n, tok in enumerate(toks[:-1]):
            if any(a <= tok.idx < b for a, b, _ in periods):
                continue  # «за девять месяцев»: when (a period of the year), not how long
            unit_tok = toks[n + 1]
            unit = self.ru["durations"].get(_norm(unit_tok.lemma_))
            # «два с половиной часа», «три с половиной года»: a whole number and a half
            half = (
                unit is None
                and n + 3 < len(toks)
                and toks[n + 1].lower_ == "с"
                and toks[n + 2].lower_.startswith("половин")
            )
            if half:
                unit_tok = toks[n + 3]
                unit = self.ru["durations"].get(_norm(unit_tok.lemma_))
            if unit is None or any(a <= tok.idx < b for a, b in taken):
                continue
            if tok.like_num and re.fullmatch(r"\d+(?:,\d+)?", tok.text):
                written = self.lex.number(tok.text)
                value, step = float(written), rounding_step(written)
            elif _norm(tok.lemma_) in words and tok.text.isalpha():
                value, step = words[_norm(tok.lemma_)], 1.0
            else:
                continue
            if unit == "year" and value >= 1900:
                continue  # "в 2024 году": a date
            if unit == "year" and re.search(
                r"возраст\w*\s+$", self.text[max(0, tok.idx - 12) : tok.idx]
            ):
                continue  # "в возрасте 71 года": an age
            if any(a <= tok.idx < b for a, b in clock):
                continue  # "в девять часов": a time of day
            later = self.text[unit_tok.idx + len(unit_tok.text) :][:12]
            if re.match(r"\s*назад(?!\w)", later):
                continue  # "десять лет назад": a date
            if n > 0 and _norm(toks[n - 1].lemma_) in _PERIOD_WORDS:
                continue  # «за первые шесть месяцев»: when, not how long
            if half:
                value, step = value + 0.5, 0.5
            end = unit_tok.idx + len(unit_tok.text)
            fig = _Figure(tok.idx, end, self.text[tok.idx : end], value, step, unit)
            fig.measure = "duration"
            out.append(fig)
            taken.append((tok.idx, end))
        out += self._one_unit(toks, taken)
        return out

    def _one_unit(self, toks: list[Any], taken: list[tuple[int, int]]) -> list[_Figure]:
        """One time unit measured by a qualifier with no number: «около часа», «больше
        часа», «почти час», «менее суток» (as English "about an hour"; a bare «час» or «год»
        is no figure, and «более года назад» is a date)."""
        out: list[_Figure] = []
        phrases = [phrase for phrase, _ in self.lex.qualifiers]
        for tok in toks:
            unit = self.ru["durations"].get(_norm(tok.lemma_))
            if unit is None or any(a <= tok.idx < b for a, b in taken):
                continue
            before = self.text[max(0, tok.idx - 24) : tok.idx].lower()
            if not any(re.search(rf"(?<![\w-]){re.escape(p)}\s+$", before) for p in phrases):
                continue
            end = tok.idx + len(tok.text)
            if re.match(r"\s*назад(?!\w)", self.text[end : end + 12]):
                continue
            fig = _Figure(tok.idx, end, tok.text, 1.0, 1.0, unit)
            fig.measure = "duration"
            out.append(fig)
        return out

    def _compounds(self, sent: Any) -> list[_Figure]:
        """Adjectives of a number and a unit: "двухчасовой" (2 hours), "стопроцентных"
        (100%), "35-градусную" (35 degrees), "25-этажный" (25 storeys)."""
        out: list[_Figure] = []
        for m in self.ru["compound"].finditer(self.text, sent.start_char, sent.end_char):
            if m.group("digits"):
                written = self.lex.number(m.group("digits"))
                value, step = float(written), rounding_step(written)
            else:
                value, step = self.ru["compound_numbers"][_norm(m.group("word"))], 1.0
            unit = self.ru["compound_units"][_norm(m.group("unit"))]
            if unit == "times" and value == 1.0:
                continue  # "однократный": once, no factor
            fig = _Figure(m.start(), m.end(), m.group(0), value, step, unit)
            if unit in set(self.ru["durations"].values()):
                fig.measure = "duration"
            out.append(fig)
        return out

    # -- qualifiers -----------------------------------------------------------------------------

    def _qualify(self, fig: _Figure) -> None:
        if fig.qualifier != "exact":
            return  # a vague plural is already "at least"
        before = self.text[max(0, fig.start - 30) : fig.start].lower()
        for phrase, kind in [*self.lex.qualifiers, *((p, "at_most") for p in self.ru["up_to"])]:
            m = re.search(rf"(?<![\w-]){re.escape(phrase)}\s*(?:(?:на|в|до|чем)\s+)?$", before)
            if m is None:
                continue
            if kind == "at_most" and phrase in self.ru["up_to"] and self._reaches(fig):
                kind = "exact"  # "вырос до 7 млрд": the level reached
            fig.qualifier = kind
            fig.text = self.text[fig.start - len(before) + m.start() : fig.end]
            fig.start = fig.end - len(fig.text)
            return

    def _reaches(self, fig: _Figure) -> bool:
        """Whether "до" before the figure follows a verb or noun of change in its sentence, or
        closes "с X до Y" (from X to Y: the level reached)."""
        if _FROM_TO.search(self.text[max(0, fig.start - 40) : fig.start]):
            return True
        sent = self.sentences.of(self._token_at(fig.start).i)
        return any(
            _norm(t.lemma_) in self.ru["level_verbs"]
            or _norm(t.lemma_) in self.lex.growth_verbs
            or _norm(t.lemma_) in self.lex.decline_verbs
            or _norm(t.lemma_) in self.ru["growth_nouns"]
            or _norm(t.lemma_) in self.ru["decline_nouns"]
            for t in sent
            if t.idx < fig.start
        )

    def _token_at(self, char: int) -> Any:
        span = self.doc.char_span(char, char + 1, alignment_mode="expand")
        return span[0] if span is not None and len(span) else self.doc[0]
