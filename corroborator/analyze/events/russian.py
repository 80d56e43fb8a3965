"""Russian event mentions: the shared pass over the article (:func:`.extract.run`: dates from
the passage, anaphora, places shared and inherited, one-day visits) with the Russian decisions —
triggers (:mod:`.russian_triggers`), status (:mod:`.russian_status`), and here the places and
participants read off the UD parse: a place is a named place in a "в"/"на"/"у" complement of
the trigger or its verb (its ``canonical`` already English: Пхеньяне → Pyongyang), or the
dateline's place for "здесь"; participants are the people and the countries or organisations
among the subjects, objects, genitives and "с"/"между" complements."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from corroborator.analyze.entities import ArticleEntities
from corroborator.analyze.events.extract import Grammar, run
from corroborator.analyze.events.places import dateline_place, is_place_name, most_specific
from corroborator.analyze.events.russian_dating import date_of_ru, hosts_ru, reported_after
from corroborator.analyze.events.russian_pack import SUBJECTS_RU, lemma, load_russian_pack, norm
from corroborator.analyze.events.russian_status import is_background, status_of
from corroborator.analyze.events.russian_triggers import case_words, subtype_of, triggers
from corroborator.analyze.events.seats import seat_of_voices, seat_place
from corroborator.analyze.events.view import ArticleView, Trigger, governor
from corroborator.analyze.world import load_world
from corroborator.model import Article, EventMention, TimeExpression

_PLACE_LABELS = frozenset({"FAC", "GPE", "LOC"})
_WITH = frozenset({"с", "со", "между"})


# Dependents of a place phrase that lead away from where the event is: clauses inside it
# ("у гостиницы, где остановился председатель КНР") tell of something else.
_CLAUSES = frozenset({"acl", "acl:relcl", "advcl", "ccomp", "parataxis"})


def _places_in(view: ArticleView, tok: Any) -> list[str]:
    """The named places of the phrase headed by ``tok``: place names, and names of
    organisations that are venues by a place noun among their words («Георгиевский зал»,
    «Дворец съездов»); not those in a clause inside the phrase, nor the country of a person's
    title («председатель КНР» is no place)."""
    skip: set[int] = set()
    for t in tok.subtree:
        if t.i != tok.i and t.dep_ in _CLAUSES:
            skip |= {x.i for x in t.subtree}
        if t.dep_ == "nmod" and not case_words(t) and "Anim" in t.head.morph.get("Animacy"):
            skip |= {x.i for x in t.subtree}  # the genitive of a title: «президента США»
    words = [t for t in tok.subtree if t.i not in skip]
    if not words:
        return []
    start, end = words[0].idx, words[-1].idx + len(words[-1].text)
    kept = {t.idx for t in words}
    found = []
    for m in view.mentions_in(tok):
        if not m.canonical or not (start <= m.start < end) or m.start not in kept:
            continue
        if m.label in _PLACE_LABELS or (
            m.label == "ORG" and (_venue(m.canonical) or is_place_name(view, m))
        ):
            found.append(_capital(view, tok, m.canonical) or m.canonical)
        elif seat := seat_place(view, m):
            found.append(seat)  # «в Кремле»: the seat of power
    return found


def _capital(view: ArticleView, tok: Any, name: str) -> str | None:
    """The capital a phrase names by its country («в столице КНДР»: Pyongyang), or None when
    the phrase's head is no word for a capital or ``name`` no country."""
    if lemma(tok) not in load_russian_pack().capital_words:
        return None
    code = view.gaz.country_code(name)
    found = load_world().lookup(name)
    if code is None or found is None or found.kind != "country":
        return None
    return load_world().capitals.get(code)


def _venue(name: str) -> bool:
    """An organisation's name that is a venue by one of its words («Георгиевский зал»)."""
    nouns = load_russian_pack().place_nouns
    return any(norm(w) in nouns for w in name.split())


def place_of(view: ArticleView, tok: Any, extra: list[Any] | None = None) -> str | None:
    """The most specific place in the place complements of the trigger and its governing verb
    ("переговоры в Пхеньяне", "прибыл в Москву", "встреча на саммите в Пусане")."""
    pack = load_russian_pack()
    holders = [tok, *(extra or [])]
    gov = governor(tok)
    if gov.i != tok.i:
        holders.append(gov)
    if tok.dep_ == "acl":  # "Си Цзиньпина, прилетевшего в Москву"
        holders.append(tok.head)
    # a common noun in the genitive names the event with it ("церемония встречи в
    # Георгиевском зале", "начало переговоров в Пекине"): its place phrases are the event's
    holders += [
        c for c in tok.children if c.dep_ == "nmod" and c.pos_ == "NOUN" and not case_words(c)
    ]
    found: list[str] = []
    if tok.pos_ == "VERB" and lemma(tok) in pack.place_object_verbs:
        for child in tok.children:
            if child.dep_ == "obj":
                found += _places_in(view, child)
    here = dateline_place(view)
    leaving = _leaving(view, tok)
    for holder in holders:
        for child in holder.children:
            if here and lemma(child) in pack.here_words:
                found.append(here)  # "здесь": where the dateline says the report is
            if leaving and holder.i == tok.i and child.dep_ in {"obl", "nmod"}:
                # a departure is where it leaves from ("вылетел из Пхеньяна в Ханой"), not
                # where it goes ("в Ханой", the accusative of direction)
                if case_words(child) & _FROM or (
                    _is_place_phrase(child) and "Acc" not in child.morph.get("Case")
                ):
                    found += _places_in(view, child)
                continue
            if _is_place_phrase(child):
                found += _places_in(view, child)
            elif child.dep_ in _ARGUMENTS and view.label_at(child) in {"PERSON", "ORG"}:
                # the parser often hangs the place on the name before it ("переговоры с Ким Чен
                # Ыном в Пхеньяне"): one level down, under a named participant only (not "перед
                # возвращением в Вашингтон")
                for grandchild in child.children:
                    if _is_place_phrase(grandchild):
                        found += _places_in(view, grandchild)
    return most_specific(view.gaz, found)


# Prepositions of where a departure leaves from ("из Пхеньяна", "с аэродрома").
_FROM = frozenset({"из", "с", "со"})


def _leaving(view: ArticleView, tok: Any) -> bool:
    """``tok`` is a word of leaving a place ("вылетел", "покинул", "отъезд": a type with
    leaves_place)."""
    pack = load_russian_pack()
    word = lemma(tok)
    kinds = [pack.verbs.get(word), pack.place_verbs.get(word)]
    kinds += [t for words, t in pack.nouns.get(word, []) if words == {word}]
    return any(k and view.ont.types[k].leaves_place for k in kinds)


# Nominal dependents under which a place phrase still belongs to the clause.
_ARGUMENTS = frozenset({"obj", "obl", "nmod", "nsubj", "nsubj:pass", "iobj"})


def _is_place_phrase(tok: Any) -> bool:
    """A nominal with a place preposition ("в Пхеньяне", "на саммите", "у дворца")."""
    return tok.dep_ in {"obl", "nmod"} and bool(case_words(tok) & load_russian_pack().place_preps)


def seat_of(view: ArticleView, tok: Any) -> str | None:
    """Where the official body that makes an announcement sits: its subject ("Кремль объявил",
    "МИД КНР сообщил") or, as Russian says it, the body the words come from with "в" («уточнили
    в Кремле», «заявили в Минобороны»); placed as in English (:func:`.places.seat_of_voices`)."""
    gov = governor(tok)
    voices = [c for c in gov.children if c.dep_ in SUBJECTS_RU]
    voices += [c for c in gov.children if c.dep_ == "obl" and case_words(c) & {"в", "во"}]
    return seat_of_voices(view, voices)


def participants_of(view: ArticleView, trig: Trigger) -> tuple[list[str], list[str]]:
    """``(people, actors)``: subjects, objects, genitives ("встреча Трампа и Си Цзиньпина"),
    "с"/"между" complements, and the subject of the verb the trigger hangs from."""
    tok = trig.token
    sources: list[Any] = []
    for child in tok.children:
        if child.dep_ in {"nmod", "amod", *SUBJECTS_RU, "obj", "iobj"} or (
            child.dep_ == "obl" and case_words(child) & _WITH
        ):
            sources.append(child)
    gov = governor(tok)
    top = gov if gov.i != tok.i else tok
    if gov.i != tok.i:
        sources += [
            c
            for c in gov.children
            if c.dep_ in SUBJECTS_RU or (c.dep_ == "obl" and case_words(c) & _WITH)
        ]
    # "намерены провести переговоры": the subject of the verb above an infinitive
    if not any(c.dep_ in SUBJECTS_RU for c in top.children) and top.dep_ in {
        "xcomp",
        "conj",
        "advcl",
        "acl",
    }:
        sources += [c for c in top.head.children if c.dep_ in SUBJECTS_RU]
    people: list[str] = []
    actors: list[str] = []
    for src in sources:
        people += [p for p in view.people(src) if p not in people]
        actors += [a for a in view.actors(src) if a not in actors]
    return people, actors


def said_by(view: ArticleView, trig: Trigger, sent: Any) -> str | None:
    """The speaker of a speech verb governing the trigger, or of the quotation it stands in."""
    speech = load_russian_pack().speech_verbs
    in_quote = any(s <= trig.token.idx < e for s, e in view.quotes)
    for tok in sent:
        if tok.i == trig.token.i or tok.pos_ != "VERB" or lemma(tok) not in speech:
            continue
        if trig.token in tok.subtree or in_quote:
            for child in tok.children:
                if child.dep_ in SUBJECTS_RU and view.people(child):
                    return view.people(child)[0]
    return None


def _sequenced(view: ArticleView, sent: Any) -> bool:
    """The sentence chains its events to the previous ones ("Затем лидеры …", "После этого")."""
    cues = load_russian_pack().sequence_cues
    return any(lemma(t) in cues for t in sent)


def _definite(trig: Trigger) -> bool:
    """ "эти переговоры", "данный визит": the mention may refer to one named before."""
    dets = load_russian_pack().definite_determiners
    return any(lemma(c) in dets for c in trig.token.children if c.dep_ in {"det", "amod"})


def _no_generic_sentences(view: ArticleView, sent: Any) -> bool:
    """Russian has no articles to mark a generic subject; generic nouns are judged one by one
    (:func:`.russian_triggers.is_generic`)."""
    return False


RUSSIAN = Grammar(
    triggers=triggers,
    date=date_of_ru,
    status=status_of,
    place=place_of,
    participants=participants_of,
    said_by=said_by,
    background=is_background,
    subtype=subtype_of,
    generic_sentence=_no_generic_sentences,
    sequenced=_sequenced,
    definite=_definite,
    reporting_verbs=lambda: load_russian_pack().speech_verbs,
    reported_after=reported_after,
    seat=seat_of,
    historical_present=True,
    hosts=hosts_ru,
)


def extract_russian_events(
    doc: Any,
    article: Article,
    entities: ArticleEntities,
    timexes: Sequence[TimeExpression],
    anchor: str | None,
) -> list[EventMention]:
    """Event mentions of one Russian article (parsed by :func:`.russian_doc.parse_russian`);
    ``anchor`` is the article's date (published or inferred)."""
    return run(ArticleView(doc, article, entities, timexes, anchor), RUSSIAN)
