"""When an event happens: the date in its own clause, or one the passage gives it (the date
ruling the sentence or section, "the second day" of the visit, the article's one-day visit)."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date as _date
from datetime import timedelta
from typing import Any

from corroborator.analyze.events.dates import (
    BACKGROUND_DAYS,
    DAY_RE,
    date_bounds,
    days_between,
    timex_dates,
)
from corroborator.analyze.events.dates import rank as precision
from corroborator.analyze.events.spans import length_in_days
from corroborator.analyze.events.status import BEGINNING, is_infinitive
from corroborator.analyze.events.view import (
    SUBJECTS,
    WEEKDAY_ONLY_RE,
    YEARLESS_DAY_RE,
    ArticleView,
    Trigger,
    governor,
    in_dateline,
)
from corroborator.analyze.timex.words import words
from corroborator.model import EventMention, TimeExpression

# Verbs of relative clauses that locate and date the event they follow.
HAPPENING = frozenset(
    {"take", "hold", "convene", "happen", "occur", "begin", "start", "run", "meet"}
)


# Participles that order an event before or after the clause rather than tell its result
# ("arrived in Hanoi on Wednesday, following a visit to Pyongyang": the visit came before).
ORDERING_PARTICIPLES = frozenset({"follow", "precede", "succeed"})


# Events made of words (a speech verb as trigger) and the clauses such a verb reports (English
# and Russian UD labels alike).
SPOKEN = frozenset({"announcement", "statement"})
_REPORTED_CLAUSES = frozenset({"ccomp", "parataxis"})


def ordered_apart(tok: Any) -> bool:
    """The trigger hangs on a participle of order ("…, following a visit to Lima")."""
    gov = governor(tok)
    return gov.i != tok.i and gov.dep_ == "prep" and gov.lemma_.lower() in ORDERING_PARTICIPLES


def clause_tokens(tok: Any) -> set[int]:
    """Token indices of the trigger's clause, without subordinate clauses of other events."""
    gov = governor(tok)
    if ordered_apart(tok):
        # "…, following a visit to Lima": the visit is dated by its own phrase only
        return {t.i for t in gov.subtree}
    # a participle used as a preposition heads no clause of its own ("will take part in
    # celebrations, including the parade, on Friday"): the event's clause is the verb above
    while gov.dep_ == "prep" and gov.i != tok.i and gov.head.i != gov.i:
        gov = governor(gov.head)
    ids = {t.i for t in gov.subtree}
    # leave out subordinate clauses that carry their own verb (other events' dates), relative
    # clauses and participles included: "to deepen the partnership that the two countries
    # signed in 2022" dates the old signing, not the one to come; one that hangs on the
    # trigger itself describes it ("the visit he paid in May") and stays
    for t in gov.subtree:
        if (
            t.i != gov.i
            and t.pos_ in {"VERB", "AUX"}
            and t.dep_ in {"ccomp", "advcl", "relcl", "acl"}
            and tok not in t.subtree
            and (t.head.i != tok.i or _reported(t))
        ):
            ids -= {s.i for s in t.subtree}
    return ids


def _reported(clause: Any) -> bool:
    """``clause`` is what a verb of saying reports ("said the two would sign on Tuesday",
    "said the visit had been a success"): its dates are of what is said, not the saying."""
    return clause.dep_ == "ccomp" and clause.head.lemma_.lower() in words().reporting_verbs


def happening_clauses(trig: Trigger, sent: Any, others: list[Trigger]) -> list[Any]:
    """Relative clauses of happening ("…, which will take place in Bishkek on November 27")
    that belong to this trigger: the nearest event named before them. The parser often
    hangs them on the last noun instead."""
    out = []
    for tok in sent:
        if tok.dep_ != "relcl" or tok.lemma_.lower() not in HAPPENING:
            continue
        before = [o for o in others if o.token.i < tok.i]
        if before and max(before, key=lambda o: o.token.i) is trig:
            out.append(tok)
    return out


def date_of(
    view: ArticleView, trig: Trigger, sent: Any, others: list[Trigger]
) -> tuple[str | None, str | None, str | None]:
    """``(date, date_end, date_text)`` from the nearest date expression in the trigger's clause."""
    clause = clause_tokens(trig.token)
    for rel in happening_clauses(trig, sent, others):
        clause |= {t.i for t in rel.subtree}
    if trig.type in SPOKEN and trig.token.pos_ == "VERB":
        # "the ministry said that the president will arrive on Friday": the reported clause's
        # dates are the reported event's; the words were spoken when the verb's own date says
        for child in trig.token.children:
            if child.dep_ in _REPORTED_CLAUSES:
                clause -= {t.i for t in child.subtree}
    # dates inside another trigger's own phrase belong to that event ("previous visits …
    # in 2000" does not date "this will mark his third visit")
    for other in others:
        if (
            other is not trig
            and other.token.pos_ != "VERB"
            and trig.token not in other.token.subtree
        ):
            clause -= {t.i for t in other.token.subtree}
    if not _negated(trig):
        # "her first trip there in two decades, since a visit in May 2003": the phrase opens
        # the span the event is counted in, and its dates are another event's ("has not
        # visited since July 2000" tells the last visit, then)
        for t in list(view.doc[min(clause) : max(clause) + 1]) if clause else []:
            if t.i in clause and t.dep_ == "prep" and t.lower_ == "since":
                clause -= {x.i for x in t.subtree}
    counted = _counted_from(view, trig, sent)
    if counted is not None:
        return counted  # "a day after holding talks": the clause's day is not the talks'
    best: tuple[tuple[bool, bool, int, int], TimeExpression] | None = None
    starts = {t.start for t in view.timexes}
    for t in view.timexes:
        if not (sent.start_char <= t.start < sent.end_char) or _quoted_apart(view, trig, t):
            continue
        if view.text[t.end : t.end + 4] == " of " and t.end + 4 in starts:
            continue  # "the evening of February 11": the day is the expression after "of"
        if _SINCE.search(view.text[max(t.start - 8, 0) : t.start]) and not _negated(trig):
            # "his first visit since 2000": the visit is not in 2000 ("has not visited since
            # July 2000" tells the last one, then)
            continue
        toks = [tk.i for tk in view.doc.char_span(t.start, t.end, alignment_mode="expand") or []]
        if not toks or not any(i in clause for i in toks):
            continue
        date, _ = timex_dates(t)
        # a date that modifies the trigger itself names its event ("his 2019 visit", "Tuesday's
        # talks") and outranks the clause's; else prefer days over months over years
        # ("drills named … 2031, planned for May 4-8"), then the nearest; the
        # dateline's day ("MOSCOW, Oct 7 (Wire) - … arrived late on Monday") is the report's,
        # an event's only when its clause gives no other
        dateline = in_dateline(view.text, t, view.article.dateline_place)
        named = not (date and _modifies(view, t, trig.token))
        rank = (named, dateline, precision(t), min(abs(i - trig.token.i) for i in toks))
        if best is None or rank < best[0]:
            best = (rank, t)
    if best is None:
        return _conjunct_date(view, trig, sent) or _while_date(view, trig, sent)
    date, date_end = timex_dates(best[1])
    ending = trig.token.pos_ == "VERB" and trig.token.lemma_.lower() in view.ont.until_verbs
    if (
        date_end is None
        and not ending  # "stay until Wednesday": the departure is on Wednesday
        and _UNTIL.search(view.text[max(best[1].start - 8, 0) : best[1].start])
    ):
        # "a ceasefire until April 30": the day it ends, not the day it happens
        return None, date, best[1].text
    return date, date_end, best[1].text


# Dependencies of a date that modifies a noun before it ("his 2019 visit", "Tuesday's talks",
# "the May 9 parade"): the parser hangs such a date on the noun as a number, a compound, a
# possessive or an adjective.
_NOUN_MODIFIERS = frozenset({"nummod", "compound", "poss", "amod", "nmod", "npadvmod"})


def _modifies(view: ArticleView, t: TimeExpression, tok: Any) -> bool:
    """The expression ``t`` modifies the trigger noun ``tok`` itself, before it."""
    span = view.doc.char_span(t.start, t.end, alignment_mode="expand")
    if span is None or tok.pos_ not in {"NOUN", "PROPN"} or span.end > tok.i:
        return False
    root = span.root
    return root.head.i == tok.i and root.dep_ in _NOUN_MODIFIERS


def _conjunct_date(
    view: ArticleView, trig: Trigger, sent: Any
) -> tuple[str | None, str | None, str | None] | None:
    """An undated verb coordinated with a dated one shares its time ("will meet the premier on
    Wednesday and sign a trade deal": the signing is on Wednesday too), as coordinated verb
    phrases share their subject and auxiliary; another conjunct's own date is not taken ("met
    him on Monday and will sign on Friday")."""
    # a noun trigger's verb ("… on Monday, and the two oversaw the signing of accords")
    return _conjunct_date_of(view, governor(trig.token), sent)


def _conjunct_date_of(
    view: ArticleView, tok: Any, sent: Any
) -> tuple[str | None, str | None, str | None] | None:
    """The date of the verb ``tok`` is coordinated with, if it is an undated conjunct."""
    for _ in range(4):  # a list of verbs is flat in the parse: the first verb heads them all
        if tok.dep_ != "conj" or tok.pos_ != "VERB" or tok.head.pos_ not in {"VERB", "AUX"}:
            return None
        if any(c.dep_ == "prep" and c.lower_ in _ORDERING for c in tok.children):
            # "arrived on Monday night and left after the talks": a conjunct placed after (or
            # before) another event has that order for its time, not the first verb's day
            return None
        head = tok.head
        ids = clause_tokens(head)
        for c in head.children:
            if c.dep_ == "conj":
                ids -= {t.i for t in c.subtree}
        found = _dated_in(view, ids, sent)
        if found is not None:
            date, date_end = timex_dates(found)
            return date, date_end, found.text
        tok = head
    return None


# Prepositions that place an event after or before another one rather than at a time.
_ORDERING = frozenset({"after", "before", "following", "ahead"})


_DAYS_BEFORE_AFTER = re.compile(r"^P(\d+)([DW])$")


def _counted_from(
    view: ArticleView, trig: Trigger, sent: Any
) -> tuple[str | None, str | None, str | None] | None:
    """An event in a phrase "a day after …", "two days before …" hung on a dated clause: that
    clause's day less (or plus) the distance ("arrived in Vienna on Tuesday, a day after
    holding talks in Oslo": the talks were on Monday)."""
    cur = trig.token
    prep = None
    for _ in range(3):  # the event noun or verb, its verb or preposition, the preposition
        if cur.dep_ == "prep" and cur.lower_ in {"after", "before"}:
            prep = cur
            break
        if cur.head.i == cur.i:
            return None
        cur = cur.head
    if prep is None or prep.head.i == prep.i:
        return None
    distance = next(
        (
            d
            for d in view.durations
            if d.end <= prep.idx and not view.text[d.end : prep.idx].strip()
        ),
        None,
    )
    found = _DAYS_BEFORE_AFTER.match(distance.value or "") if distance is not None else None
    if found is None:
        return None
    days = int(found.group(1)) * (7 if found.group(2) == "W" else 1)
    main = prep.head
    if main.dep_ == "npadvmod" and main.head.i != main.i:
        main = main.head  # "arrived on Tuesday, a day after …": "after" hangs on "day"
    ids = {t.i for t in main.subtree} - {t.i for t in prep.subtree}
    if main.pos_ in {"VERB", "AUX"}:
        ids |= clause_tokens(main) - {t.i for t in prep.subtree}
    dated = _dated_in(view, ids, sent)
    date = timex_dates(dated)[0] if dated is not None else None
    if not date or not DAY_RE.match(date):
        return None
    day = _date.fromisoformat(date) + timedelta(days=-days if prep.lower_ == "after" else days)
    assert distance is not None
    return day.isoformat(), None, f"{distance.text} {prep.lower_}"


def _negated(trig: Trigger) -> bool:
    gov = governor(trig.token)
    return any(c.dep_ == "neg" for c in gov.children)


def _quoted_apart(view: ArticleView, trig: Trigger, t: TimeExpression) -> bool:
    """A date inside a quotation that the trigger is outside of: it dates what the speaker
    says ("'I'll be going to China in April,' Trump told reporters"), not the telling."""
    at = trig.token.idx
    return any(s <= t.start < e and not s <= at < e for s, e in view.quotes)


# Words before a date that make it the end of a span ("a truce until April 22", "will last
# till Friday", "through May 10"); "to" is left out, as "came to Hanoi on June 19" is common.
_UNTIL = re.compile(r"\b(?:until|till|through)\s*$", re.IGNORECASE)
# A date after "since" opens the span an event is counted in ("the first meeting since 2019"),
# it is not the event's date.
_SINCE = re.compile(r"\bsince\s*$", re.IGNORECASE)


# Conjunctions of a clause that happens at the time of the clause it hangs on ("… rescued six
# survivors on Monday, as the first aid arrived", "met in 2019 when the leader visited …",
# "the city of Vladivostok, where he arrived by train").
SIMULTANEOUS = frozenset({"as", "when", "while", "where"})


def _time_clause(tok: Any) -> bool:
    """``tok`` heads a clause told at the time of what it hangs on ("when he visited …"), or a
    participial clause with no conjunction ("arrived on Sunday, beginning a four-day visit"),
    which English uses for what goes with the main clause (not one of order: "following")."""
    if tok.dep_ == "advcl" and tok.tag_ == "VBG" and tok.lemma_.lower() not in ORDERING_PARTICIPLES:
        return not any(c.dep_ == "mark" for c in tok.children)
    if tok.dep_ == "advcl" and tok.lemma_.lower() in BEGINNING and is_infinitive(tok):
        return True  # "arrived on Sunday to begin a visit": it begins with the arrival
    return tok.dep_ in {"advcl", "relcl"} and any(
        c.dep_ in {"mark", "advmod"} and c.lower_ in SIMULTANEOUS for c in tok.children
    )


def _while_date(
    view: ArticleView, trig: Trigger, sent: Any
) -> tuple[str | None, str | None, str | None]:
    """An undated event in a temporal clause ("as the first aid arrived", "when the leader
    visited Vladivostok") takes the date of the clause it is attached to, climbing through
    such clauses ("met in 2019 when he visited the city of Vladivostok, where he arrived by
    train": the arrival is in 2019): English "as"/"when"/"while"/"where" clauses share their
    main clause's time. Days are preferred, then the nearest expression."""
    cur = governor(trig.token)
    for _ in range(4):  # a clause in a clause in a clause is as deep as news sentences go
        if not _time_clause(cur):
            return None, None, None
        main = cur.head
        toks = {t.i for t in main.subtree} - {t.i for t in cur.subtree}
        for c in main.children:
            if _reported(c):  # "Speaking to reporters, he said he would go next year"
                toks -= {t.i for t in c.subtree}
        found = _dated_in(view, toks, sent)
        if found is not None:
            date, date_end = timex_dates(found)
            return date, date_end, found.text
        # "… on Wednesday and the two signed an accord, while their ministers met …": the
        # clause hangs on an undated conjunct, which shares the date of its first verb
        shared = _conjunct_date_of(view, main, sent)
        if shared is not None:
            return shared
        cur = governor(main)
        if cur.i == main.i and not _time_clause(cur):
            return None, None, None
    return None, None, None


def _dated_in(view: ArticleView, toks: set[int], sent: Any) -> TimeExpression | None:
    """The expression of the sentence whose words all lie in ``toks``, days first."""
    best: tuple[int, TimeExpression] | None = None
    for t in view.timexes:
        if not (sent.start_char <= t.start < sent.end_char):
            continue
        date, _ = timex_dates(t)
        span = view.doc.char_span(t.start, t.end, alignment_mode="expand")
        if not date or span is None or not all(tk.i in toks for tk in span):
            continue
        if _SINCE.search(view.text[max(t.start - 8, 0) : t.start]):
            continue
        if best is None or precision(t) < best[0]:
            best = (precision(t), t)
    return best[1] if best else None


def _day_in(view: ArticleView, toks: set[int], sent: Any) -> TimeExpression | None:
    """The first expression of the sentence dated to a day whose words all lie in ``toks``: a
    day, or in an article that cannot date it a bare weekday or a day without a year, which
    the story dates ("reported on Saturday" in an undated text)."""
    for t in view.timexes:
        if not (sent.start_char <= t.start < sent.end_char):
            continue
        date, _ = timex_dates(t)
        if not (date and DAY_RE.match(date)) and not _undated_day(t):
            continue
        span = view.doc.char_span(t.start, t.end, alignment_mode="expand")
        if span is not None and all(tk.i in toks for tk in span):
            return t
    return None


def _undated_day(t: TimeExpression) -> bool:
    """A weekday or a day and month that the article, having no date, cannot place."""
    value = t.value or ""
    return bool(WEEKDAY_ONLY_RE.match(value) or YEARLESS_DAY_RE.match(value))


def reporting_date(
    view: ArticleView, trig: Trigger, sent: Any, reporting: frozenset[str] | None = None
) -> tuple[str | None, str | None, str | None]:
    """The day of the report that states a recurring event's figure: "Regime media reported on
    Saturday that the death toll … is at least 808", "the toll stood at 2,056 as of Monday".

    A death toll, a count of the rescued or an aid delivery is a state of the count at some
    time, and news gives that time on the verb that reports it, not on the count: the day of
    the reporting verb (the speech verb of the clause the trigger is in, days only) dates the
    mention. Without one the mention stays undated (the timeline keeps it apart).
    ``reporting`` are the lemmas of reporting verbs (by default the English ones)."""
    gov = governor(trig.token)
    reporting = words().reporting_verbs if reporting is None else reporting
    cur = gov
    for _ in range(6):
        if cur.dep_ in {"ccomp", "parataxis"} and cur.head.lemma_.lower() in reporting:
            verb = cur.head
            # the reporting verb's own words, without the clause it reports
            toks = {t.i for t in verb.subtree} - {t.i for t in cur.subtree}
            found = _day_in(view, toks, sent)
            if found is not None:
                date, date_end = timex_dates(found)
                return date, date_end, found.text
            return None, None, None
        if cur.head.i == cur.i:
            break
        cur = cur.head
    return None, None, None


def reported_by(
    view: ArticleView, sent: Any, reporting: frozenset[str], verb: Any = None
) -> tuple[str | None, str | None, str | None]:
    """The day a reporting verb of ``sent`` (one of the lemmas ``reporting``, or ``verb``) is
    dated by, in its own words: "Об этом в субботу сообщает агентство" → Saturday."""
    for tok in [verb] if verb is not None else sent:
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in reporting:
            continue
        toks = {t.i for t in tok.subtree}
        found = _day_in(view, toks, sent)
        if found is not None:
            date, date_end = timex_dates(found)
            return date, date_end, found.text
    return None, None, None


def ruling_day_of_span(view: ArticleView, sent: Any) -> int | None:
    """ "The second day (of the visit) will …" as the sentence's subject, undated."""
    for t in view.day_spans:
        if sent.start_char <= t.start < sent.end_char:
            span = view.doc.char_span(t.start, t.end, alignment_mode="expand")
            if span is not None and (span.root.dep_ in SUBJECTS or t.start - sent.start_char <= 3):
                return t.day_of_span or None
    return None


def ruling_date(view: ArticleView, sent: Any) -> tuple[str | None, str | None]:
    """A date that rules the sentence: its subject ("November 26 will …", "The first day …")
    or an opening adverbial ("On November 27, Putin will …"). A date line is not one."""
    if not any(t.pos_ in {"VERB", "AUX"} for t in sent):
        return None, None
    for t in view.timexes:
        if not (sent.start_char <= t.start < sent.end_char):
            continue
        span = view.doc.char_span(t.start, t.end, alignment_mode="expand")
        if span is None:
            continue
        root = span.root
        # a sentence-initial adverbial clause sets the time of the sentence ("Speaking at a
        # meeting … on Wednesday, Putin said …")
        opener = next(
            (a for a in root.ancestors if a.head.i == sent.root.i and a.dep_ in {"advcl", "prep"}),
            None,
        )
        first = next((tk.i for tk in sent if not tk.is_space and not tk.is_punct), sent.start)
        fronted = opener is not None and opener.left_edge.i <= first and opener.i < sent.root.i
        if _DATELINE_AFTER.match(view.text, t.end) and t.start - sent.start_char <= 3:
            continue  # "18th June 2024 – (Pyongyang) …": the report's date line, not the events'
        if root.dep_ in SUBJECTS or (t.start - sent.start_char <= 3) or fronted:
            date, date_end = timex_dates(t)
            bounds = date_bounds(date) if date else None
            if bounds and view.anchor and days_between(bounds[1], view.anchor) >= BACKGROUND_DAYS:
                continue  # a date of the past rules only its own sentence
            return date, date_end
    return None, None


# What follows a date that opens a report as its date line: a dash or a colon ("18th June
# 2024 – (Pyongyang) Kim greeted …", "June 18: …"), where a ruling date runs into its clause.
_DATELINE_AFTER = re.compile(r"\s*[–—:-]")


def frame_date(so_far: list[EventMention], view: ArticleView) -> str | None:
    """The day of the article's own one-day visit, if it names one: its undated events
    happen that day. A visit given a span ("from May 7 to 10", "a four-day visit"), or dates
    that disagree, give no such default."""
    days = set()
    for m in so_far:
        if m.type != "visit" or m.background:
            continue
        trigger = view.doc.char_span(m.trigger_start, m.trigger_end, alignment_mode="expand")
        # a length counts for the visit as it happened, not the trip as first planned ("was
        # scheduled … for a two-day visit", then "shortened to a one-day visit")
        length = length_in_days(view, trigger.root) if trigger is not None else None
        if m.date_end or (m.status not in {"planned", "cancelled"} and (length or 1) > 1):
            return None
        if m.date and m.date_source == "expression" and DAY_RE.match(m.date):
            days.add(m.date)
    return days.pop() if len(days) == 1 else None


def fill_frame(
    mentions: list[EventMention], frame: str | None, view: ArticleView
) -> list[EventMention]:
    """Undated events of an article about a one-day visit happen on that day (not recurring
    ones, such as death tolls and rescues, which are not part of a visit's programme)."""
    if frame is None:
        return mentions
    return [
        replace(
            m,
            date=frame,
            date_source="one_day_visit",
            evidence=(*m.evidence, "the day of the one-day visit the article reports"),
        )
        if m.date is None
        and not m.background
        and not m.day_of_span
        and not (m.type in view.ont.types and view.ont.types[m.type].recurring)
        # a day after the article's frames only what is still to come ("has arrived in
        # Rome …; the next day she will fly to Milan": the arrival is not on that day)
        and (m.status == "planned" or not view.anchor_end or frame <= view.anchor_end)
        else m
        for m in mentions
    ]


# Prepositions that put an event inside another one ("signed during the visit", "met on the
# sidelines of the summit", "spoke at the ceremony"): it happens on the host event's day.
HOSTING = frozenset({"during", "at", "amid"})
HOSTING_NOUNS = frozenset({"sidelines", "margins", "margin", "course"})


def host_tokens(trig: Trigger) -> list[Any]:
    """The nouns of ``trig``'s clause that may name an event hosting it through a preposition
    ("During her visit to Jakarta, Holt signed …": "visit"; "on the sidelines of the summit":
    "summit")."""
    gov = governor(trig.token)
    out = []
    for prep in gov.children:
        if prep.dep_ != "prep" or prep.lower_ not in HOSTING | {"on", "in"}:
            continue
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            if obj.lower_ in HOSTING_NOUNS:
                # "on the sidelines of the summit": the host is the object of "of"
                of = [g for o in obj.children if o.lower_ == "of" for g in o.children]
                obj = next((g for g in of if g.dep_ == "pobj"), obj)
            elif prep.lower_ not in HOSTING:
                continue
            out.append(obj)
    return out


def host_event(hosts: list[Any], told: list[EventMention]) -> EventMention | None:
    """The event of the same sentence named by one of ``hosts`` (:func:`host_tokens`), if it is
    told with a date. A host of the past hosts too: "During his 2019 trip, he met …" is a
    meeting of 2019, history as its host is."""
    for obj in hosts:
        for m in told:
            if m.trigger_start <= obj.idx < m.trigger_end and m.date:
                return m
    return None


def _cancelling(view: ArticleView, tok: Any) -> bool:
    return tok.pos_ == "VERB" and tok.lemma_.lower() in view.ont.cancelled_verbs


def _present_perfect(verb: Any) -> bool:
    """``verb`` is in the present perfect ("has cancelled", "have called off")."""
    return verb.tag_ == "VBN" and any(
        c.dep_ == "aux" and c.lemma_ == "have" and c.tag_ in {"VBZ", "VBP"} for c in verb.children
    )


# verbs of speaking that carry words said at an occasion ("speaking at a news conference")
_SPEAKING = frozenset({"speak", "talk"})


def told_today(view: ArticleView, trig: Trigger, status: str, reason: str) -> str | None:
    """Whether the event is news of the report's own day by how English news tells it, when
    no day is written: ``"now"`` for what is under way at writing ("is holding talks"),
    ``"said"`` for words said in the past ("…, the ministry announced", "told reporters"),
    which are of the day the report tells (news writes a day only when it is not the
    report's own: a wire's "said" is today's, a next-day report's that of its lead). The
    present perfect ("has arrived") is left to the story: a traveller's arrival told from
    his capital may fall on the next local day, and "have warned" may span weeks."""
    if status == "in_progress" and reason == "under way at writing":
        # a stay under way ("is on a trip to Chile", "a four-day visit") is a span around the
        # day, not the day: it began before
        stay = trig.token.dep_ == "pobj" and trig.token.head.lower_ == "on"
        return "now" if (length_in_days(view, trig.token) or 1) < 2 and not stay else None
    gov = governor(trig.token)
    if status == "cancelled" and reason == "cancel word":
        # "has cancelled his trip to Phuket", "has postponed the summit": calling it off is
        # the news, in the present perfect of the report's own day
        verb = next((v for v in (trig.token, gov, gov.head) if _cancelling(view, v)), None)
        return "now" if verb is not None and _present_perfect(verb) else None
    if status != "reported":
        return None
    if any(s <= gov.idx < e for s, e in view.quotes):
        return None  # the speaker's words, not the report's
    if reason in {"past tense", "words reported"} and view.ont.types[trig.type].said_on_report_day:
        if trig.token.lower_ == "according":
            return "said"
        # "Speaking to reporters, she said …", "She, speaking at a news conference, said …":
        # the time of the clause it opens or the subject it describes
        said = gov.head if gov.tag_ == "VBG" and gov.dep_ in {"advcl", "acl"} else gov
        if said.pos_ in {"NOUN", "PROPN"} and said.dep_ in SUBJECTS:
            said = said.head
        # the verb of saying itself, finite ("warned", "told a news conference"), not a verb
        # that has the words as its subject or object ("the announcement … drew a rebuke")
        saying = trig.token.i == gov.i or gov.lemma_.lower() in view.ont.speech_verbs | _SPEAKING
        return "said" if saying and said.tag_ in {"VBD", "VBZ", "VBP"} else None
    return None


# Types that may name the same happening, for anaphora ("held talks … The meeting took place").
_FAMILIES = {"meeting": "talks"}


def family(type_name: str) -> str:
    return _FAMILIES.get(type_name, type_name)
