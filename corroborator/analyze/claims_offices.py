"""Claims, part six: who holds an office, as a categorical claim ("Chilean President X",
"President X of Chile", "the president of Chile, X", «президент Чили X», «чилийский
президент X», and in apposition after the name: "X, Chile's president,", «X, президент Чили,»).

A named person with a role title and a country gives the value ``X`` (the person's canonical
name, in Latin letters) for the subject "<role> of <country>" (the role's English name and the
country's: ``office_roles`` and ``demonyms`` of data/categories.yaml, the gazetteer's countries,
the world tables), so that reports in any language compare: two reports naming different people
for one office of one country disagree, while different roles, or one role of two countries,
are different claims. A title after "former", "vice", "his predecessor," or the like
(``office_not_now``) is not the office's current holder and gives nothing; a role with no
country named gives nothing.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from functools import cache

from corroborator import lexicon
from corroborator.analyze.claims_text import sentence_bounds, word_value
from corroborator.analyze.entities import ArticleEntities
from corroborator.analyze.gazetteer import load_gazetteer
from corroborator.analyze.russian import transliterate
from corroborator.analyze.world import load_world
from corroborator.model import ClaimValue, Mention

OFFICE_MEASURE = "office"
# The role of a "counterpart" (``office_counterparts``): the office of the title before it.
COUNTERPART = "counterpart"
# Two name words at or above this similarity (difflib ratio) are one word spelled two ways.
# Calibrated on transliteration pairs of post-Soviet and other leaders' names as English and
# Russian-derived spellings give them ("Zhaparov"/"Japarov" 0.80, "Peskov"/"Peskoff" 0.77,
# "Shoigu"/"Shoygu" 0.83, "Tokayev"/"Tokaev" 0.92, "Lukashenko"/"Lukashenka" 0.90) against
# surnames of different holders of one office ("Nazarbayev"/"Tokayev" 0.47,
# "Jeenbekov"/"Japarov" 0.38, "Medvedev"/"Mishustin" 0.12); the closest different pair found,
# "Thuong"/"Vuong" (0.73), stays below.
NAME_WORD_SIMILARITY = 0.75
# Name words shorter than this say nothing alone (initials, "Jr", "bin"); words shorter than
# _MIN_FUZZY_WORD must match exactly ("Moon"/"Yoon" 0.75 are two presidents, "Lee"/"Li" two
# families): short words leave a letter or two no room to be a spelling variant.
_MIN_NAME_WORD = 3
_MIN_FUZZY_WORD = 5
# Words of four letters may still be one name spelled two ways when they sound alike to the
# consonant ("Luiz"/"Luis", "Jose"/"Joze"), :func:`_skeleton`; "Moon"/"Yoon" ("mn"/"yn") and
# "Kim"/"Kin" (three letters) stay apart.
_MIN_SKELETON_WORD = 4
_COUNTRY_LABELS = frozenset({"GPE", "NORP", "LOC"})
_CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)
# Characters a title, its country and the name may have between them: a space, "'s ", ", the
# president of Chile, " — a clause boundary other than the comma ends a title.
_GAP = 3


@cache
def _roles() -> tuple[re.Pattern[str], dict[str, str], re.Pattern[str], re.Pattern[str]]:
    """The role pattern (a title word at the end of a stretch of text), role word → role, the
    pattern of roles that count only before a country, and the not-now words."""
    data = lexicon.load("categories.yaml")

    def alternatives(table: dict[str, list[str]]) -> tuple[str, dict[str, str]]:
        words = {str(w).lower(): str(role) for role, ws in table.items() for w in ws}
        alt = "|".join(
            re.escape(w) + (r"\w*" if _CYRILLIC.match(w) else "")
            for w in sorted(words, key=len, reverse=True)
        )
        return alt, words

    roles = dict(data.get("office_roles") or {})
    roles[COUNTERPART] = list(data.get("office_counterparts") or [])
    alt, words = alternatives(roles)
    after_alt, after_words = alternatives(data.get("office_roles_country_after") or {})
    words.update(after_words)
    not_now = "|".join(
        re.escape(str(w)) + (r"\w*" if _CYRILLIC.match(str(w)) else r"\b")
        for w in data.get("office_not_now", [])
    )
    # a comma may follow the word: "his predecessor, Chilean President X" (an apposition)
    return (
        re.compile(rf"(?<![\w-])(?P<role>{alt})$", re.IGNORECASE),
        words,
        re.compile(rf"(?<![\w-])(?P<role>{after_alt})$", re.IGNORECASE),
        re.compile(rf"(?<![\w-])(?:{not_now})[\s,-]*$", re.IGNORECASE),
    )


@cache
def _now_words() -> re.Pattern[str]:
    """Words between a country and its role that keep the holder current (``office_now``),
    with the space after them, at the end of a stretch of text."""
    words = lexicon.load("categories.yaml").get("office_now") or []
    alt = "|".join(
        re.escape(str(w)) + (r"\w*" if _CYRILLIC.match(str(w)) else r"\b")
        for w in sorted(words, key=len, reverse=True)
    )
    return re.compile(rf"(?<![\w-])(?:{alt})\s+$", re.IGNORECASE)


def _role_of(word: str) -> str | None:
    """The role a title word (in any case form) names."""
    _, words, _, _ = _roles()
    low = word.lower()
    for form, role in sorted(words.items(), key=lambda x: -len(x[0])):
        if low == form or (_CYRILLIC.match(form) and low.startswith(form)):
            return role
    return None


@cache
def _demonyms() -> dict[str, str]:
    data = lexicon.load("categories.yaml").get("demonyms") or {}
    return {str(k).lower(): str(v) for k, v in data.items()}


def country_of(m: Mention) -> str | None:
    """The country a place or nationality mention names, by its English name."""
    gaz = load_gazetteer()
    for name in (m.canonical, m.text):
        if not name:
            continue
        code = gaz.countries.get(name) or gaz.countries.get(name.strip())
        if code is not None:
            return gaz.country_names.get(code, name)
        entry = gaz.lookup(name)
        if entry is not None and entry.kind == "place" and entry.place_kind == "country":
            return entry.name
        found = load_world().lookup(name)
        if found is not None and found.kind == "country":
            return found.name
        low = name.lower()
        for word, country in _demonyms().items():
            if low == word or (_CYRILLIC.match(word) and low.startswith(word)):
                return country
    return None


def adjective_country(text: str) -> str | None:
    """The country an adjective the models did not tag names («монгольский»: the Russian model
    tags no adjective)."""
    gaz = load_gazetteer()
    code = gaz.countries.get(text)
    if code is not None:
        return gaz.country_names.get(code)
    low = text.lower()
    for word, country in _demonyms().items():
        if low == word or (_CYRILLIC.match(word) and low.startswith(word)):
            return country
    return None


def _country_named(text: str, at: int) -> str | None:
    """The country whose name (one to three capitalised words) starts at ``at``, where the
    entity model tagged none ("President To Lam of Vietnam in Da Nang")."""
    words = re.match(r"[A-Z][\w-]+(?:\s+[A-Z][\w-]+){0,2}", text[at : at + 60])
    if words is None:
        return None
    parts = words.group(0).split()
    for n in range(len(parts), 0, -1):
        name = " ".join(parts[:n])
        found = country_of(Mention("", at, at + len(name), "GPE", name, name))
        if found is not None:
            return found
    return None


def names_agree(a: str, b: str) -> bool:
    """Two spellings of one person: every word of the shorter name is a word of the other,
    allowing for transliteration in words of :data:`_MIN_FUZZY_WORD` letters or more
    (:data:`NAME_WORD_SIMILARITY`). A shared family name alone does not make two people one
    ("Kim Jong Un" and "Kim Il Sung", "Lee Jae-myung" and "Lee Myung-bak"); a surname alone
    is the full name that has it ("Japarov", "Sadyr Zhaparov")."""
    wa = [w for w in re.findall(r"[^\W\d_]+", a.lower()) if len(w) >= _MIN_NAME_WORD]
    wb = [w for w in re.findall(r"[^\W\d_]+", b.lower()) if len(w) >= _MIN_NAME_WORD]
    if not wa or not wb:
        return a.strip().lower() == b.strip().lower()
    short, long = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    return all(any(_same_word(x, y) for y in long) for x in short)


def _last_role(before: str, role_words: dict[str, str]) -> str | None:
    """The role of the last title word in ``before`` (not a counterpart's)."""
    low = before.lower()
    best: tuple[int, str] | None = None
    for word, role in role_words.items():
        if role == COUNTERPART:
            continue
        pattern = re.escape(word) + (r"\w*" if _CYRILLIC.match(word) else r"\b")
        for m in re.finditer(r"(?<!\w)" + pattern, low):
            if best is None or m.start() > best[0]:
                best = (m.start(), role)
    return best[1] if best else None


def _same_word(x: str, y: str) -> bool:
    """One name word spelled two ways: equal, or (both long enough) close in letters or with
    the same consonants as they sound (:func:`_skeleton`)."""
    if x == y:
        return True
    if min(len(x), len(y)) < _MIN_SKELETON_WORD:
        return False
    if min(len(x), len(y)) >= _MIN_FUZZY_WORD and (
        SequenceMatcher(None, x, y).ratio() >= NAME_WORD_SIMILARITY
    ):
        return True
    return _skeleton(x) == _skeleton(y)


# Spellings of one sound in romanised names, and the letters that only mark a consonant's
# sound (kh, zh, sh, th): a name romanised through Russian keeps its consonants but not its
# vowels or Latin letters ("Cuong" → «Кыонг» → "Kyong").
_SOUNDS = str.maketrans({"c": "k", "q": "k", "w": "v", "j": "z", "x": "s"})
_VOWELS = re.compile(r"[aeiouy]+")


def _skeleton(word: str) -> str:
    """The word's first letter and its consonants as they sound: "kyong" and "cuong" are both
    "kng"; a "c" before "e" or "i", a "z", "tz" or "ts" sound as "s" does, as Romance and
    German names spell it and Russian writes it back («Инасиу», «Луис», «Мерц», «Шольц»: "Inacio",
    "Luiz", "Merz", "Scholz": German "sch" is "sh"). Words of different people of
    one office rarely share one ("Thuong" "tng", "Vuong" "vng")."""
    w = word.replace("sch", "sh").replace("zh", "j")  # "zh" and "j" stay one sound
    w = re.sub(r"c(?=[ei])", "s", w).replace("tz", "s").replace("ts", "s").replace("z", "s")
    w = w.translate(_SOUNDS).replace("ph", "f")
    w = re.sub(r"(?<=[bcdfgkpstvz])h", "", w)
    return w[:1] + _VOWELS.sub("", w[1:])


def _latin(name: str) -> str:
    return transliterate(name) if _CYRILLIC.search(name) else name


def office_claims(entities: ArticleEntities, text: str, article_id: str) -> list[ClaimValue]:
    """Who holds which office, one value per office an article names (the first naming). A
    "counterpart" holds the office of the title before it in its sentence ("the Chilean
    president and her Peruvian counterpart"). An article that names two people for
    one office speaks of two moments (a caption of an earlier meeting beside today's report) and
    gives no value for that office."""
    role_at_end, role_words, after_only, not_now = _roles()
    places = [m for m in entities.mentions if m.label in _COUNTRY_LABELS]
    found: dict[str, ClaimValue] = {}
    mixed: set[str] = set()  # offices the article gives two people for
    last: tuple[int, str] | None = None  # the sentence and role of the last title
    people = [
        m
        for m in entities.mentions
        if m.label == "PERSON" and m.resolved_by != "role" and m.canonical
    ]
    for person in sorted([*people, *_untagged(entities, text, article_id)], key=lambda m: m.start):
        # a title with its country before a name ("Kazakh President", "the president of the
        # Kyrgyz Republic, ") fits in 80 characters; _title_before stops at a clause boundary
        before = text[max(0, person.start - 80) : person.start]
        office = _title_before(before, person.start, places, role_at_end, after_only, text)
        if office is None:
            office = _title_around(person, places, text, role_at_end)
        if office is None:
            office = _title_after(person, places, text)
        if office is None:
            office = _title_then_comma(person, places, text)
        if office is None:
            continue
        role, country, start = office
        if not_now.search(text[max(0, start - 20) : start]):
            continue
        q_start = max(text.rfind(c, 0, start) for c in ".!?\n") + 1
        if role == COUNTERPART:
            # the office of the nearest title before it in the sentence, whether or not that
            # title named a country ("Foreign Minister Wang briefed his counterpart …")
            nearest = _last_role(text[q_start:start], role_words)
            if nearest is None or last is None or last[0] != q_start:
                continue
            role = nearest
        last = (q_start, role)
        subject = f"{role} of {country}"
        value = _latin(person.canonical or person.text)
        if subject in found:
            if not names_agree(str(found[subject].value), value):
                mixed.add(subject)
            continue
        q_end = sentence_bounds(text, person.end, person.end)[1]
        found[subject] = word_value(
            text,
            article_id,
            subject,
            "person",
            value,
            # the name alone: the title is in the quote, and a title's words may be another
            # value's ("Kyrgyz counterpart" beside a rank or a category)
            (person.start, person.end),
            (q_start, q_end),
            OFFICE_MEASURE,
        )
    return [v for subject, v in found.items() if subject not in mixed]


# A name after a title: one to four capitalised words ("President To Lam of Vietnam").
_NAME_AFTER = re.compile(r"\s(?P<name>[A-ZА-ЯЁ][\w’'-]+(?:\s+[A-ZА-ЯЁ][\w’'-]+){0,3})")


def _untagged(entities: ArticleEntities, text: str, article_id: str) -> list[Mention]:
    """Names right after a title that the entity models did not tag ("President To Lam"): the
    capitalised words after a role word, up to the first word another mention covers (through
    it, as that person, when it is a person's)."""
    _, words, _, _ = _roles()
    alt = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    out = []
    for m in re.finditer(rf"(?<![\w-])(?:{alt})\w*", text, re.IGNORECASE):
        name = _NAME_AFTER.match(text, m.end())
        if name is None or entities.at(name.start("name"), name.start("name") + 1):
            continue
        start = end = name.start("name")
        canonical = None
        for w in re.finditer(r"[\w’'-]+", name.group("name")):
            covered = entities.at(start + w.start(), start + w.end())
            person = next((c for c in covered if c.label == "PERSON" and c.canonical), None)
            if person is not None:
                # the rest of the name is a known person's ("Kassym-Jomart" + "Tokayev")
                end, canonical = person.end, person.canonical
            if covered:
                break
            end = start + w.end()
        value = re.sub(r"[’']s$", "", text[start:end])
        if value:
            end, canonical = start + len(value), canonical or value
            out.append(Mention(article_id, start, end, "PERSON", value, canonical, "title"))
    return out


def _title_before(
    before: str,
    at: int,
    places: list[Mention],
    role_at_end: re.Pattern[str],
    after_only: re.Pattern[str],
    text: str,
) -> tuple[str, str, int] | None:
    """``(role, country, start)`` of a title standing right before a name: "[country]['s]
    [role] X", «[role] [country's genitive] X», «[adjective] [role] X», "the [role] of
    [country], X"."""
    offset = at - len(before)
    stripped = before.rstrip()
    if len(before) - len(stripped) > 1 or not stripped:
        return None
    # «президент Монголии X»: the country's mention right before the name, a role before it
    country = next((p for p in places if 0 <= at - p.end <= _GAP and p.end <= at), None)
    if country is not None:
        head = text[max(0, country.start - 40) : country.start].rstrip()
        head = re.sub(r"\s+of(?:\s+the)?$", "", head)  # "the president of Chile, X"
        m = role_at_end.search(head) or after_only.search(head)
        named = country_of(country)
        if m and named and text[country.end : at].strip(" ,") == "":
            role = _role_of(m.group("role"))
            start = max(0, country.start - 40) + m.start()
            return (role, named, start) if role else None
    # "Chilean President X", "Chile's President X", «чилийский президент X»
    m = role_at_end.search(stripped)
    if m is None:
        return None
    role = _role_of(m.group("role"))
    lead_end = offset + m.start()
    now = _now_words().search(text[max(0, lead_end - 40) : lead_end])
    if now is not None:
        lead_end -= len(now.group(0))  # "Japan's new prime minister": the country before "new"
    lead = text[max(0, lead_end - 40) : lead_end]
    if role is None or not re.search(r"(?:['’]s)?\s$", lead):
        return None
    owner = next(
        (p for p in places if 0 <= lead_end - p.end <= _GAP and p.end <= lead_end),
        None,
    )
    if owner is not None and text[owner.end : lead_end].strip() in {"", "'s", "’s"}:
        named = country_of(owner)
        return (role, named, owner.start) if named else None
    word = re.search(r"(\w+)\s+$", lead)
    if word is not None:
        named = adjective_country(word.group(1))
        if named:
            return role, named, lead_end - len(word.group(0))
    return None


def _title_around(
    person: Mention, places: list[Mention], text: str, role_at_end: re.Pattern[str]
) -> tuple[str, str, int] | None:
    """ "President X of Chile": a role right before the name, the country after "of"."""
    before = text[max(0, person.start - 40) : person.start]
    m = role_at_end.search(before.rstrip())
    if m is None or len(before) - len(before.rstrip()) != 1:
        return None
    of = re.match(r"\s+of\s+(?:the\s+)?", text[person.end : person.end + 12])
    if of is None:
        return None
    country = next((p for p in places if p.start == person.end + of.end()), None)
    role = _role_of(m.group("role"))
    named = (
        country_of(country) if country is not None else _country_named(text, person.end + of.end())
    )
    if role is None or named is None:
        return None
    return role, named, person.start - len(before) + m.start()


# A title in apposition after a name: ", the president of Chile," ", Chile's prime minister."
# «, президент Чили,»: a comma, the title, and a clause boundary right after it (a comma, a
# full stop, a dash or a closing bracket), so that "X, the president of Chile's adviser" or
# "X, the president who …" is no apposition. Up to 60 characters: the longest title of these
# forms ("the former prime minister of the Kyrgyz Republic") with room to spare.
_APPOSITION = re.compile(
    r",\s+(?:the\s+)?(?P<title>[^,.;:!?()—–\n]{3,60}?)\s*(?:[,.;:!?)—–]|\s-\s|$)"
)


def _title_after(person: Mention, places: list[Mention], text: str) -> tuple[str, str, int] | None:
    """``(role, country, start)`` of a title in apposition after the name: "X, the president
    of Chile,", "X, Chile's prime minister,", "X, the Chilean president,", «X, президент
    Чили,», «X, чилийский президент,». Words before the role other than not-now ones ("the
    former president of Chile") make it no title ("an adviser to the president of Chile")."""
    role_at_end, _, after_only, not_now = _roles()
    m = _APPOSITION.match(text, person.end)
    if m is None:
        return None
    t_start, t_end = m.start("title"), m.end("title")
    # the role ends the title, the country or its adjective before it ("Chile's president",
    # «чилийский президент»): read as a title before a name would be
    end_role = role_at_end.search(text[t_start:t_end])
    if end_role is not None and end_role.start() > 0:
        role_end = t_start + end_role.end()
        found = _title_before(
            text[t_start:role_end] + " ", role_end + 1, places, role_at_end, after_only, text
        )
        if found is not None and found[2] >= t_start:
            return found
    # the role first, the country last ("president of Chile", «президент Чили»)
    country = next((p for p in places if p.end == t_end and p.start > t_start), None)
    if country is None:
        return None
    head = re.sub(r"\s+of(?:\s+the)?$", "", text[t_start : country.start].rstrip())
    role_m = role_at_end.search(head) or after_only.search(head)
    if role_m is None:
        return None
    lead = head[: role_m.start()]
    if lead.strip() and not not_now.fullmatch(lead):
        return None
    role = _role_of(role_m.group("role"))
    named = country_of(country)
    if role is None or named is None:
        return None
    return role, named, t_start + role_m.start()


# "the Japanese prime minister, X," — a title, a comma, then the name closed by a clause
# boundary (a name followed by "and" is an item of a list: "the Chilean president, X and Y").
# Up to 60 characters of title, as for _APPOSITION; _title_before reads only its end.
_TITLE_COMMA = re.compile(r"(?P<title>[^,.;:!?()—–\n]{3,60}),\s$")
_CLOSED = re.compile(r"\s*(?:[,.;:!?)—–]|$)")


def _title_then_comma(
    person: Mention, places: list[Mention], text: str
) -> tuple[str, str, int] | None:
    """``(role, country, start)`` of "the Japanese prime minister, X," or "Japan's prime
    minister, X,": read as the title right before the name would be, without the comma."""
    role_at_end, _, after_only, _ = _roles()
    m = _TITLE_COMMA.search(text, max(0, person.start - 70), person.start)
    if m is None or m.end() != person.start or not _CLOSED.match(text, person.end):
        return None
    comma = m.end("title")
    found = _title_before(
        text[m.start("title") : comma] + " ", comma + 1, places, role_at_end, after_only, text
    )
    return found if found is not None and found[2] >= m.start() else None
