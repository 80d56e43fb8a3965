"""Whether an event happened, is still to come or was called off, and whether it is history
the article recalls rather than part of its story."""

from __future__ import annotations

from typing import Any

from corroborator.analyze.events.cancelling import called_off_en, is_format_en, replaced_en
from corroborator.analyze.events.dates import (
    BACKGROUND_DAYS,
    date_bounds,
    days_between,
    timex_dates,
)
from corroborator.analyze.events.view import FUTURE_MODALS, SUBJECTS, ArticleView, Trigger
from corroborator.analyze.ontology import Ontology
from corroborator.model import Status, StatusReason


def _joined(tokens: list[Any]) -> str:
    return " ".join(t.lower_ for t in sorted(tokens, key=lambda t: t.i))


def verb_chain(tok: Any, ont: Ontology | None = None) -> list[Any]:
    """The trigger and the words above it up to the first finite verb of its clause; a
    participle or infinitive ("featuring", "to sign") takes its tense from above. An event
    noun reaches an infinitive as its object ("to hold talks": the infinitive's own event, still
    to come) or through a preposition, where it is the circumstance of the infinitive, not
    what it brings about ("dispatched crews to work on rescue operations", "to speed up recovery in
    the wake of the quake"): then the chain goes on to the clause above, unless the infinitive
    is one of taking part ("to take part in the parade"). An infinitive after an implicative
    verb ("managed to sign", "went on to hold talks") happened when its verb did."""
    chain = [tok]
    current = tok
    if is_infinitive(tok) and tok.dep_ in {"acl", "relcl"}:
        # "the agreements to be signed", "documents to sign": what the thing is for, told in
        # the infinitive's own time whatever the tense of the clause around it
        return chain
    if tok.tag_ == "VBN" and tok.dep_ == "acl":
        # a participle that describes a thing by what was done to it ("the agreement, signed
        # after the talks, will help …"): done, whatever the tense of the clause around it
        return chain
    via_prep = False
    for _ in range(10):
        if current.head.i == current.i:
            break
        if current.dep_ in {"ccomp", "parataxis"} and current.i != tok.i:
            break
        # a phrase of the verb (not of its object: "to confirm the dates of the visit")
        via_prep = via_prep or (
            current.dep_ == "pobj"
            and current.head.dep_ == "prep"
            and current.head.head.pos_ in {"VERB", "AUX"}
        )
        if _bare_conjunct(current):
            # "will hold talks, sign documents and make statements": a base-form verb
            # coordinated with others shares the auxiliary of the first conjunct, which
            # carries the tense of them all; the conjuncts between may be misparsed ("exchange
            # signed documents" read as a past "signed"), so the first one is reached at once
            while current.dep_ == "conj" and current.head.i != current.i:
                current = current.head
            if current.tag_ == "VBD":
                # a base form is not coordinated with a past ("will hold talks, exchange inked
                # texts and come up with remarks", parsed with "inked" as the root): the
                # auxiliary it shares is the modal of a verb before it in the sentence
                current = _modal_before(current) or current
        else:
            current = current.head
        chain.append(current)
        finite = current.tag_ in {"VBD", "VBZ", "VBP", "MD"} or any(
            c.dep_ in {"aux", "auxpass"} for c in current.children
        )
        if current.pos_ in {"VERB", "AUX"} and finite:
            if ont is not None and is_infinitive(current) and current.i != tok.i:
                if via_prep and not _taking_part(current, ont):
                    via_prep = False
                    continue
                implicative = ont.implicative_verbs | ont.negative_implicative_verbs
                if current.dep_ == "xcomp" and _lemma(current.head) in implicative:
                    continue
                if current.dep_ == "advcl" and current.lemma_.lower() in BEGINNING:
                    continue  # "has arrived to begin a visit": begun when it arrived
            break
    return chain


def _modal_before(verb: Any) -> Any | None:
    """The nearest verb before ``verb`` in its sentence that has a modal of its own ("will
    hold …, exchange …"), if any."""
    for t in reversed(list(verb.sent[: verb.i - verb.sent.start])):
        if t.pos_ in {"VERB", "AUX"} and any(
            c.dep_ == "aux" and c.tag_ == "MD" for c in t.children
        ):
            return t
    return None


def _bare_conjunct(tok: Any) -> bool:
    """``tok`` is a verb in its base form coordinated after another, with no auxiliary, "to"
    or subject of its own ("… will meet and sign", "to arrive and hold talks"): not finite,
    it takes its tense from the first verb of the coordination."""
    return (
        tok.dep_ == "conj"
        and tok.tag_ == "VB"
        and not any(c.dep_ in {"aux", "auxpass", "nsubj", "nsubjpass"} for c in tok.children)
    )


def own_clause_negated(verbs: list[Any]) -> bool:
    """The negation is on the clause the modal is in, not on a clause below it ("will say it
    did not…") or above it: the verb carrying "not" also carries the modal."""
    for v in verbs:
        kids = {c.lower_ for c in v.children if c.dep_ in {"aux", "neg"}}
        if kids & FUTURE_MODALS and any(c.dep_ == "neg" for c in v.children):
            return True
    return False


def is_infinitive(tok: Any) -> bool:
    """``tok`` is a to-infinitive ("to sign"), active or passive ("the agreements to be
    signed": the participle after "to be" is no past form)."""
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        return False
    if tok.tag_ == "VB":
        return True
    return tok.tag_ == "VBN" and any(c.dep_ == "auxpass" and c.lower_ == "be" for c in tok.children)


def _lemma(tok: Any) -> str:
    """The verb's lemma with its particle ("go on"), as the lexicon writes phrasal verbs."""
    particle = next((c.lower_ for c in tok.children if c.dep_ == "prt"), None)
    return f"{tok.lemma_.lower()} {particle}" if particle else str(tok.lemma_.lower())


def _taking_part(verb: Any, ont: Ontology) -> bool:
    """A verb of taking part, whose prepositional object is the event itself ("participate in
    the forum", "take part in the parade")."""
    if _lemma(verb) in ont.participation_verbs:
        return True
    return any(
        f"{verb.lemma_.lower()} {c.lemma_.lower()}" in ont.participation_verbs
        for c in verb.children
        if c.dep_ in {"dobj", "obj"}
    )


# Verbs of beginning: a trip "to begin a visit" begins it on arrival ("has arrived in Tokyo to
# begin a four-day visit": the visit is under way, not still to come, as with "arrived to sign").
BEGINNING = frozenset({"begin", "start", "commence"})

# Modals of possibility: what they govern has not happened yet.
_POSSIBILITY = frozenset({"could", "might", "may"})


def status_of(view: ArticleView, trig: Trigger, date: str | None) -> tuple[Status, StatusReason]:
    """The mention's status and what decided it, from the words governing the trigger."""
    ont = view.ont
    tok = trig.token
    if tok.lower_ == "according":
        # "…, according to the ministry": words already said, whatever they say is to come
        return "reported", "words reported"
    chain = verb_chain(tok, ont)
    words: list[Any] = []
    for t in chain:
        words.append(t)
        words.extend(
            c for c in t.children if c.dep_ in {"aux", "auxpass", "neg", "amod", "advmod", "acomp"}
        )
    lemmas = {w.lemma_.lower() for w in words}
    texts = {w.lower_ for w in words}
    # the trigger's own verb is the event, not a word cancelling it ("flights were suspended"
    # is a suspension that happened); phrasal verbs count with their particle ("the visit was
    # called off", "was pushed back")
    own_words = {t.i for t in trig.tokens}
    others = [w for w in words if w.i not in own_words]
    cancelling = {w.lemma_.lower() for w in others}
    phrasal = {_lemma(w) for w in others if w.pos_ == "VERB"} | {
        f"{w.lemma_.lower()} {c.lower_}"
        for w in others
        if w.pos_ == "VERB"
        for c in w.children
        if c.dep_ == "advmod" and c.lower_ in {"back", "off"}
    }
    # a circumstance of the cancelling verb is not what it calls off ("flights were suspended
    # after the quake", "the visit was scrapped after the earthquake")
    circumstance = tok.dep_ == "pobj" and tok.head.head.pos_ in {"VERB", "AUX"}
    cancel = (cancelling | phrasal) & ont.cancelled_verbs or cancelling & ont.cancelled_adjectives
    if cancel and not circumstance:
        return "cancelled", "cancel word"
    if called_off_en(tok):
        return "cancelled", "cancel word"  # "the cancellation of the summit"
    if replaced_en(tok):
        return "cancelled", "replaced by another"  # "instead of a trip to the coast"
    verbs = [t for t in chain if t.pos_ in {"VERB", "AUX"}]
    negated = any(c.dep_ == "neg" for v in verbs for c in v.children)
    own = chain[0] if chain[0].pos_ == "VERB" else None
    if own is None and len(chain) > 1 and chain[0].dep_ in {"dobj", "obj", "nsubjpass"}:
        own = chain[1]  # "failed to hold talks": the object is the infinitive's own event
    if (
        own is not None
        and own.dep_ == "xcomp"
        and _lemma(own.head) in ont.negative_implicative_verbs
        and own.head.tag_ in {"VBD", "VBN"}
    ):
        # "failed to arrest him", "refused to sign": it did not happen, as with "did not"
        return "cancelled", "negated past"
    if negated and (phrasal | lemmas) & ont.negation_keeps:
        # "did not rule out a visit": a negation that leaves the event open, still to come
        return "planned", "planning word"
    if texts & FUTURE_MODALS:
        if negated and tok.dep_ != "pobj" and own_clause_negated(verbs):
            # "the talks will not take place", "Xi won't attend": called off, as a negated
            # past is
            return "cancelled", "negated future"
        return "planned", "future modal"
    if texts & _POSSIBILITY and not texts & {"have", "has", "'ve"}:
        # "the summit could be held on the sidelines of …", "Xi may visit": a possibility is
        # still to come ("could have met" looks back)
        return "planned", "future modal"
    # (the forms too: the lemmatiser takes "hoped" for a form of "hop")
    forms = {b for w in words if w.pos_ == "VERB" for b in _bases(w)}
    planning = (lemmas | forms) & ont.planned_verbs
    if planning - {"set", "agree", "invite"} or "set to" in _joined(words):
        return "planned", "planning verb"
    if lemmas & ont.planned_adjectives:
        return "planned", "planning word"
    for v in verbs:
        if any(c.dep_ in SUBJECTS and c.lemma_.lower() in ont.programme_nouns for c in v.children):
            return "planned", "part of a programme"
    for head in chain[1:3]:
        phrase = tuple(x.lower_ for x in head.doc[max(head.i - 2, 0) : head.i + 1])
        if any(phrase[-len(p) :] == p for p in ont.planned_preps) and not _narrated(chain, head):
            return "planned", "preposition of things to come"
    infinitive = _own_infinitive(chain)
    if (
        infinitive is not None
        and infinitive.dep_ == "advcl"
        and not _dated_done(view, infinitive)
        and infinitive.lemma_.lower() not in BEGINNING
    ):
        # "flew to Lisbon to sign a pact", "arrived to attend the summit": what the trip is
        # for is still to come when the trip is told, whatever its tense
        return "planned", "purpose infinitive"
    if infinitive is not None and not any(v.tag_ in {"VBD", "VBZ", "VBP"} for v in verbs):
        return "planned", "infinitive (headline style)"
    # "is to hold", "are to sign"
    if any(v.lemma_ == "be" and v.tag_ in {"VBZ", "VBP"} for v in verbs) and any(
        c.lower_ == "to" for v in verbs for c in v.children
    ):
        return "planned", "be + to"
    # a participle in the present progressive passive ("teams are being dispatched") is not
    # a past form: the action is under way
    past = any(v.tag_ in {"VBD", "VBN"} and not _progressive_passive(v) for v in verbs)
    # "did not arrest": the past is on the auxiliary
    did = any(c.dep_ == "aux" and c.tag_ == "VBD" for v in verbs for c in v.children)
    # a negation bears on the event only when the trigger is the verb or its argument, not the
    # frame of a prepositional phrase ("during the ceasefire, groups were not allowed to …")
    if negated and (past or did) and tok.dep_ != "pobj":
        if any(c.lower_ == "since" for v in verbs for c in v.children):
            if is_format_en(tok, ont.types[trig.type].plural_ok):
                # "the annual summit has not been held since 2021": the format was dropped
                return "cancelled", "format dropped"
            # "has not visited Pyongyang since July 2000" tells the last visit, in July 2000
            return "reported", "not since"
        return "cancelled", "negated past"
    if (
        date
        and view.anchor_end
        and date > view.anchor_end
        and not any(v.tag_ == "VBD" for v in verbs)
    ):
        return "planned", "date after the article"
    if _lasting(verbs):
        return "in_progress", "state lasting since"
    if _backshifted_under_way(view, chain, verbs, lemmas | texts):
        return "in_progress", "under way when reported"
    if past:
        return "reported", "past tense"
    if verbs and _present(verbs) and _under_way(view, chain, verbs, lemmas | texts):
        return "in_progress", "under way at writing"
    if date and view.anchor_end and date <= view.anchor_end:
        return "reported", "date not after the article"
    if not verbs or all(v.tag_ in {"VBZ", "VBP"} for v in verbs):
        return (
            ("planned", "present tense, article a preview")
            if is_preview(view)
            else ("reported", "present tense")
        )
    return "reported", "default"


def _own_infinitive(chain: list[Any]) -> Any | None:
    """The infinitive whose clause the trigger is in: the trigger or the verb the chain
    stopped at, with no finite verb (a relative clause's "that killed") below it."""
    for t in chain:
        if t.pos_ in {"VERB", "AUX"} and is_infinitive(t):
            return t if t is chain[-1] or t is chain[0] else None
        if t.tag_ in {"VBD", "VBZ", "VBP", "MD"}:
            return None
    return None


def _dated_done(view: ArticleView, infinitive: Any) -> bool:
    """The infinitive's own clause gives a day that is not after the article ("worked to
    free two miners on Saturday", told on Sunday): the report dates the
    act, so it tells it as done."""
    start = infinitive.left_edge.idx
    end = infinitive.right_edge.idx + len(infinitive.right_edge.text)
    for t in view.timexes:
        if start <= t.start and t.end <= end:
            date, _ = timex_dates(t)
            if date and view.anchor_end and date <= view.anchor_end:
                return True
    return False


def _bases(verb: Any) -> set[str]:
    """The base forms a regular verb form may have ("hoped" → "hope", "plans" → "plan",
    "aiming" → "aim"), where the lemmatiser takes a form for another verb's ("hoped": "hop")."""
    word = str(verb.lower_)
    if word.endswith("ed"):
        return {word[:-1], word[:-2]}
    if word.endswith("ing"):
        return {word[:-3], word[:-3] + "e"}
    if word.endswith("s"):
        return {word[:-1]}
    return {word}


def _narrated(chain: list[Any], prep: Any) -> bool:
    """A gerund after "before"/"after" in a clause told in the past ("Before leaving Brasilia,
    she told reporters …"): the subject's own acts in sequence, all of them done."""
    gerund = any(t.head.i == prep.i and t.dep_ == "pcomp" and t.tag_ == "VBG" for t in chain)
    above = chain[chain.index(prep) + 1 :]
    past = any(
        t.tag_ == "VBD" or any(c.dep_ in {"aux", "auxpass"} and c.tag_ == "VBD" for c in t.children)
        for t in above
    )
    return gerund and past


def _lasting(verbs: list[Any]) -> bool:
    """A state that began in the past and holds at writing: the present perfect of "be" with
    "since" or "for" ("has been mired in a civil war since the coup", "have been at war for a
    decade"). English tells a state still holding this way; a finished event takes the simple
    past ("fought a war from 2021 to 2023"). Only the verb of the trigger's own clause counts
    (not one it is conjoined to)."""
    if not verbs:
        return False
    v = verbs[0]
    aux = [c for c in v.children if c.dep_ in {"aux", "auxpass"}]
    perfect = any(a.lemma_ == "have" and a.tag_ in {"VBZ", "VBP"} for a in aux)
    if not perfect or (not any(a.lower_ == "been" for a in aux) and v.lower_ != "been"):
        return False
    for c in v.children:
        if c.dep_ == "prep" and c.lower_ == "since":
            return True
        if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "since" for m in c.children):
            return True  # "since the military seized power"
        # "for" only with a stretch of time ("for a decade"), not a reason ("praised for")
        if c.dep_ == "prep" and c.lower_ == "for" and any(_stretch(o) for o in c.children):
            return True
    return False


_TIME_UNITS = frozenset({"year", "decade", "month", "week", "day", "hour", "century", "while"})


def _stretch(tok: Any) -> bool:
    return tok.dep_ == "pobj" and (tok.ent_type_ == "DATE" or tok.lemma_.lower() in _TIME_UNITS)


def _present(verbs: list[Any]) -> bool:
    """The finite verb of the clause is in the present tense (no past form anywhere)."""
    finite = [v for v in verbs if v.tag_ in {"VBZ", "VBP", "VBD", "MD"}]
    # the participles of auxiliaries ("being", "been") carry no tense
    finite += [
        c
        for v in verbs
        for c in v.children
        if c.dep_ in {"aux", "auxpass"} and c.tag_ not in {"VBG", "VBN"}
    ]
    tags = {t.tag_ for t in finite}
    return bool(tags) and tags <= {"VBZ", "VBP"}


def _under_way(view: ArticleView, chain: list[Any], verbs: list[Any], words: set[str]) -> bool:
    """In progress when the article was written: the present progressive ("is holding talks",
    "are visiting"), or a present-tense "continue", "ongoing", "under way" ("rescue operations
    are ongoing", "the search continues"). A progressive with a date after the article is a
    future arrangement and was judged planned before this point."""
    if words & view.ont.in_progress_words:
        return True
    if any(
        c.lower_ == "under" and any(g.lower_ == "way" for g in c.children)
        for v in verbs
        for c in v.children
    ):
        return True
    if (
        len(chain) > 2
        and chain[1].lower_ == "on"
        and chain[0].dep_ == "pobj"
        and chain[2].lemma_ == "be"
        and chain[0].pos_ == "NOUN"
    ):
        return True  # "is on a three-day visit", "are on a tour of the region"
    # the progressive: a present form of "be" with a gerund of the event's own verb (or the
    # light verb that carries a noun trigger: "is holding talks"), active or passive ("teams
    # are being dispatched for rescue operations")
    return any(
        (
            v.tag_ == "VBG"
            and any(
                c.dep_ == "aux" and c.lemma_ == "be" and c.tag_ in {"VBZ", "VBP"}
                for c in v.children
            )
        )
        or _progressive_passive(v)
        for v in verbs
    ) and chain[0].pos_ in {"VERB", "NOUN", "PROPN"}


def _backshifted_under_way(
    view: ArticleView, chain: list[Any], verbs: list[Any], words: set[str]
) -> bool:
    """Reported speech shifts the present back a tense ("rescue operations were still going on,
    officials said" tells what the officials said is going on): a past clause that a speech verb
    in the past reports (the clause is its complement) and that says its event is going on
    ("still", "ongoing", "continuing", "under way") was under way when it was reported.
    Only the trigger's own clause, with the trigger its verb, subject or object (not "the
    landslide" in "operations after the landslide were still under way"), and not a perfect
    ("had been", which looks further back)."""
    if not verbs:
        return False
    clause = verbs[0]
    tok = chain[0]
    if tok.i != clause.i and not (
        tok.head.i == clause.i and tok.dep_ in {"nsubj", "nsubjpass", "dobj", "attr"}
    ):
        return False
    if clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in view.ont.speech_verbs:
        return False
    if clause.head.tag_ not in {"VBD", "VBN"}:
        return False
    aux = [c for c in clause.children if c.dep_ in {"aux", "auxpass"}]
    if any(a.lemma_ == "have" for a in aux):
        return False
    if clause.tag_ != "VBD" and not any(a.tag_ == "VBD" for a in aux):
        return False  # not a past clause ("are still continuing" is judged as the present)
    progressive = clause.tag_ == "VBG" and any(
        c.dep_ == "aux" and c.lemma_ == "be" for c in clause.children
    )
    cue = words & view.ont.in_progress_words or any(
        c.lower_ == "under" and any(g.lower_ == "way" for g in c.children) for c in clause.children
    )
    return bool(cue) or progressive


def _progressive_passive(v: Any) -> bool:
    """``v`` is a participle after "is being" / "are being"."""
    aux = [c for c in v.children if c.dep_ in {"aux", "auxpass"}]
    return (
        v.tag_ == "VBN"
        and any(a.lower_ == "being" for a in aux)
        and any(a.lemma_ == "be" and a.tag_ in {"VBZ", "VBP"} for a in aux)
    )


def is_preview(view: ArticleView) -> bool:
    """True when most finite verbs of the article are future modals (a programme preview)."""
    if view.is_preview is None:
        modals = sum(1 for t in view.doc if t.lower_ in {"will", "shall"})
        past = sum(1 for t in view.doc if t.tag_ == "VBD")
        # A preview states its programme in the future; 2:1 over past forms separates the
        # seeds' previews (000, 001) from their reports (003, 004).
        view.is_preview = modals >= 2 * max(past, 1)
    return view.is_preview


def _since_clause(tok: Any) -> bool:
    """The event is told in a "since"-clause, the point a stretch up to now is counted from:
    history by its grammar ("their first meeting since Trump was sworn in again")."""
    verb = tok if tok.pos_ in {"VERB", "AUX"} else tok.head
    return verb.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ == "since" for c in verb.children
    )


def counted_since(tok: Any) -> bool:
    """The event is counted over a stretch up to now ("their first summit in a decade", "her
    first trip there since 2009"): English tells the event of the story this way, a "first" that is
    no history. (Not a phrase in apposition, which sums up another place or leg: "after
    touring the north, her first such trip in years".)"""
    if tok.dep_ == "appos" or any(c.lower_ == "such" for c in tok.children):
        return False
    holders = [tok, tok.head] if tok.dep_ in {"attr", "dobj", "nsubj"} else [tok]
    for holder in holders:
        for c in holder.children:
            if c.dep_ != "prep":
                continue
            if c.lower_ == "since":
                return True
            if c.lower_ == "in" and any(
                o.dep_ == "pobj"
                and o.lemma_.lower() in _TIME_UNITS
                and (o.tag_ == "NNS" or any(d.lower_ in {"a", "an"} for d in o.children))
                for o in c.children
            ):
                return True
    return False


def is_background(
    view: ArticleView,
    trig: Trigger,
    date: str | None,
    date_end: str | None,
    relative_day: bool = False,
) -> bool:
    """History the article recalls: cued ("previous", "ago") or dated well before the article.
    ``relative_day``: the date is told from the passage's day ("earlier in the day"), so an
    "earlier" there is not a cue of history."""
    cues = {c.lower_ for c in trig.token.children if c.dep_ in {"amod", "advmod", "det"}}
    if relative_day:
        cues -= {"earlier", "later"}
    if counted_since(trig.token):
        cues -= {"first"}
    if cues & view.ont.background_cues and trig.type != "talks":
        return True
    if any(t.lower_ == "ago" for t in view.sentences.of(trig.token.i)):
        return True
    if _since_clause(trig.token):
        return True
    end = date_end or date
    bounds = date_bounds(end) if end else None
    return bool(bounds and view.anchor and days_between(bounds[1], view.anchor) >= BACKGROUND_DAYS)
