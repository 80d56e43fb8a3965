"""Claims, part nine: whether a topic was discussed at a meeting ("sanctions were not
discussed", "the fisheries dispute was never brought up", "the leaders discussed Valdoria and
trade", «тема санкций не затрагивалась», «обсудили торговлю»), as a yes/no categorical claim.

A discussion verb in a past form (``discussion_verbs`` of data/categories.yaml: "discussed", "did
not discuss", "came up", «обсуждали», «не затрагивалась») with its topic gives "yes", or "no"
when a negation stands right before the verb. The topic is a named place, body or event (its
canonical English name) or a word of ``discussion_topics`` (written in English whatever the
report's language), said before a passive or intransitive verb ("sanctions were not discussed") or
after an active one ("discussed Valdoria"). A verb that only some words make a discussion verb
("raised", «поднимался») counts in the passive or beside "issue", "question", "topic"
(``discussion_nouns``): "raised tariffs" raises them. Plans ("will discuss", "are expected to
discuss", «будут обсуждать») are no claim: they are told in the future or after a planning
word (``plan_words``). The subject is "whether <topic> was discussed": an English and a
Russian report of one meeting compare, and "yes" against "no" conflicts. The visit the article
tells of before the verb (:func:`~corroborator.analyze.claims_parties.meeting_parties`) is added
("… at the visit of X to Y"): two guests' talks with one host are two claims.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from corroborator import lexicon
from corroborator.analyze.claims_offices import country_of
from corroborator.analyze.claims_parties import at_visit, meeting_parties
from corroborator.analyze.claims_signed import INFINITIVE, plan_pattern
from corroborator.analyze.claims_text import CYRILLIC, sentence_bounds, word_value
from corroborator.analyze.entities import ArticleEntities
from corroborator.analyze.russian import transliterate
from corroborator.model import ClaimValue, EventMention, Mention

DISCUSSED_MEASURE = "discussed"
_TOPIC_LABELS = frozenset({"GPE", "LOC", "ORG", "EVENT", "LAW", "NORP"})
# Clause boundaries: the topic of a verb is looked for in its own clause.
_BOUNDARY = re.compile(r"[.;:!?\n()—–]|,\s|\s(?:and|but|while|whereas|а|но)\s")
# After an active verb, "and" joins its objects ("discussed Valdoria and trade"): only a comma
# before a conjunction, or a stop, ends the clause.
_BOUNDARY_AFTER = re.compile(r"[.;:!?\n()—–]|,\s+(?:and|but|while|а|но)\s|\s(?:but|но)\s")
# A negation this close before the verb (its auxiliary between): "was not discussed", "did
# not discuss", "never came up", «не обсуждался», «не был затронут».
_NEGATION = re.compile(
    r"(?:\bnot|n[’']t|\bnever|(?<![\w-])не|(?<![\w-])ни)(?:\s+(?:been|be|был\w*|even))?\s*$",
    re.IGNORECASE,
)
# Russian past forms and short participles («обсуждали», «затрагивалась», «обсуждены»); the
# present and future («обсуждают», «обсудят») are not a report of what was said.
_RU_PAST = re.compile(r"(?:л|ла|ло|ли|лся|лась|лось|лись|н|на|но|ны|т|та|ты)$", re.IGNORECASE)


@cache
def _tables() -> tuple[
    re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str], dict[str, str]
]:
    """The discussion verbs, the verbs that need a discussion noun, the plan words, and the
    topic words (a word → its English key)."""
    data = lexicon.load("categories.yaml")

    def alternation(words: list[object]) -> str:
        return "|".join(
            re.escape(str(w)) + (r"\w*" if CYRILLIC.match(str(w)) else "")
            for w in sorted(words, key=lambda w: -len(str(w)))
        )

    verbs = re.compile(
        rf"(?<![\w-])(?:{alternation(data.get('discussion_verbs', []))})(?![\w-])", re.I
    )
    needy = re.compile(
        rf"(?<![\w-])(?:{alternation(data.get('discussion_verbs_with_noun', []))})(?![\w-])",
        re.I,
    )
    nouns = alternation(data.get("discussion_nouns", []))
    plans = plan_pattern()
    topics = {
        str(w).lower(): str(key)
        for key, words in (data.get("discussion_topics") or {}).items()
        for w in words
    }
    return verbs, needy, re.compile(rf"(?<![\w-])(?:{nouns})(?![\w-])", re.I), plans, topics


def _topic_words(text: str, topics: dict[str, str]) -> list[tuple[int, int, str]]:
    out = []
    for m in re.finditer(r"[\w’'-]+", text):
        low = m.group(0).lower()
        for form, key in topics.items():
            if low == form or (CYRILLIC.match(form) and low.startswith(form)):
                out.append((m.start(), m.end(), key))
                break
    return out


def _name(m: Mention) -> str:
    named = country_of(m) if m.label in {"GPE", "LOC", "NORP"} else None
    name = named or m.canonical or m.text
    return transliterate(name) if CYRILLIC.search(name) else name


def discussed_claims(
    entities: ArticleEntities,
    text: str,
    article_id: str,
    events: Sequence[EventMention] = (),
    offices: Sequence[ClaimValue] = (),
) -> list[ClaimValue]:
    """Whether each topic the article says was (or was not) discussed was (module docstring);
    one value per topic and visit, the first."""
    verbs, needy, nouns, plans, topics = _tables()
    found: dict[str, ClaimValue] = {}
    for m in [*verbs.finditer(text), *needy.finditer(text)]:
        word = m.group(0)
        if CYRILLIC.match(word) and not _RU_PAST.search(word.split()[0]):
            continue
        q_start, q_end = sentence_bounds(text, m.start(), m.end())
        cuts = [b.end() for b in _BOUNDARY.finditer(text, q_start, m.start())]
        c_start = max([q_start, *cuts])
        after = _BOUNDARY_AFTER.search(text, m.end(), q_end)
        c_end = after.start() if after else q_end
        before = text[c_start : m.start()]
        if (
            plans.search(before)
            # 12 characters after the verb hold "may"/"will" of a tag ("discussed, may be")
            or plans.search(text[m.end() : c_end][:12])
            or INFINITIVE.search(before)
        ):
            continue  # "are expected to discuss", "will be raised", «будут обсуждаться»
        if (
            not CYRILLIC.match(word)
            and not _past_form(word)
            and not re.search(
                r"\b(?:did|does|do|never|had|has|have)(?:\s+not|n[’']t)?\s+$", before, re.I
            )
        ):
            continue  # "to discuss", "they discuss": not a report of what was said
        passive = bool(re.search(r"\b(?:was|were|been|is|are)\s+(?:not\s+|never\s+)?$", before))
        passive = passive or bool(CYRILLIC.match(word))  # a topic before a Russian verb too
        english_passive = passive and not CYRILLIC.match(word)
        if (
            needy.fullmatch(word)
            and not english_passive
            and not _noun_beside(nouns, text[c_start : m.start()], text[m.end() : c_end])
        ):
            continue  # "raised tariffs", «поднялись в воздух»: not a discussion
        value = "no" if _NEGATION.search(before) else "yes"
        # the topic: before a passive or intransitive verb, else after it
        lo, hi = (c_start, m.start()) if passive or _intransitive(word) else (m.end(), c_end)
        if CYRILLIC.match(word):
            lo, hi = c_start, c_end  # Russian word order is free: the whole clause
        names = [
            (x.start, _name(x))
            for x in entities.at(lo, hi)
            if x.label in _TOPIC_LABELS
            and lo <= x.start
            and x.end <= hi
            and not (x.label in {"GPE", "LOC"} and _AT_PLACE.search(text, lo, x.start))
        ]
        names += [(lo + s, key) for s, _, key in _topic_words(text[lo:hi], topics)]
        guest, host = meeting_parties(events, offices, m.start())
        for _, topic in sorted(names):
            subject = at_visit(f"whether {topic} was discussed", guest, host)
            if subject in found or not topic:
                continue
            found[subject] = word_value(
                text,
                article_id,
                subject,
                "outcome",
                value,
                (m.start(), m.end()),
                (q_start, q_end),
                DISCUSSED_MEASURE,
            )
    return list(found.values())


# A place after "in" or "at" is where the meeting was ("discussed trade in Valdoria"), no topic.
_AT_PLACE = re.compile(r"\b(?:in|at)\s+(?:the\s+)?$", re.IGNORECASE)
# A discussion noun makes "raised" («поднимался») a discussion only as its object, within two
# words after it ("raised the issue", "raised a further question"), or as its passive subject,
# within three words before it (the auxiliaries: "the question has not been raised"); farther
# off it belongs to something else ("raised rates on trade credit, a matter of concern").
_AFTER_WORDS = 3
_BEFORE_WORDS = 4


def _noun_beside(nouns: re.Pattern[str], before: str, after: str) -> bool:
    words_after = re.findall(r"[\w’'-]+", after)[:_AFTER_WORDS]
    words_before = re.findall(r"[\w’'-]+", before)[-_BEFORE_WORDS:]
    return any(nouns.fullmatch(w) for w in [*words_before, *words_after])


def _intransitive(word: str) -> bool:
    """ "came up", "come up": the topic is said before the verb."""
    return word.lower().split()[0] in {"came", "come", "comes", "coming"}


def _past_form(word: str) -> bool:
    """ "discussed", "came up", "brought up", "touched on": an English past form."""
    first = word.lower().split()[0]
    return first.endswith("ed") or first in {"came", "brought", "touched"}
