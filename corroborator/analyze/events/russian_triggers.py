"""Which Russian words are event triggers, of which type and subtype: nouns and noun phrases,
verbs and verb-noun pairs from the Russian pack (data/events_ru.yaml), checked against the UD
parse of :mod:`corroborator.analyze.russian_doc`."""

from __future__ import annotations

from typing import Any

from corroborator.analyze.events.russian_pack import (
    SUBJECTS_RU,
    RussianPack,
    lemma,
    load_russian_pack,
)
from corroborator.analyze.events.russian_speech import announcement
from corroborator.analyze.events.view import ArticleView, Trigger

# Dependents that carry a noun of a verb-noun trigger: the object ("возложил венки"), a
# complement with a preposition ("выступил с речью") or the subject of a passive ("был заключён
# договор").
_VERB_NOUNS = frozenset({"obj", "iobj", "obl", "nsubj:pass"})
_NOMINAL = frozenset({"NOUN", "PROPN", "ADJ", "X"})
# the preposition of what is announced or told ("объявили о перемирии", "об отставке")
_ABOUT = frozenset({"о", "об", "обо"})


def plural(tok: Any) -> bool:
    return "Plur" in tok.morph.get("Number")


def prepositions(tok: Any) -> set[tuple[str, ...]]:
    """The prepositions of a nominal with their fixed parts ("во время" of "во время визита",
    which the parser writes as a preposition with a fixed noun)."""
    return {
        (lemma(c), *(lemma(f) for f in c.children if f.dep_ == "fixed"))
        for c in tok.children
        if c.dep_ == "case"
    }


def case_words(tok: Any) -> set[str]:
    """The prepositions of a nominal ("в" of "в Пхеньяне")."""
    return {lemma(c) for c in tok.children if c.dep_ == "case"}


def _by_place(pack: RussianPack, tok: Any) -> Trigger | None:
    """A word that is an event of another type at a kind of place: "встретили в аэропорту",
    "встреча в аэропорту" is the guest's arrival (as "welcomed at the airport" in English)."""
    kinds = pack.place_kind_words.get(lemma(tok))
    if not kinds:
        return None
    for child in tok.children:
        if child.dep_ in {"obl", "nmod"} and case_words(child) & pack.place_preps:
            found = kinds.get(lemma(child))
            if found:
                return Trigger(tok, found, [tok])
    return None


def noun_trigger(view: ArticleView, pack: RussianPack, tok: Any) -> Trigger | None:
    """The nominal trigger headed by ``tok`` ("переговоры", "церемония встречи"), if any."""
    if tok.pos_ not in _NOMINAL:
        return None
    word = lemma(tok)
    by_place = _by_place(pack, tok)
    if by_place is not None:
        return by_place
    if tok.dep_ in {"obj", "nmod", "obl"} and lemma(tok.head) in pack.blocking_heads:
        return None  # "ордер на арест", "призыв к переговорам": asked for, not done
    if word in pack.nouns_of_org and any(
        view.label_at(t) == "ORG" for c in tok.children if c.dep_ == "nmod" for t in c.subtree
    ):
        return Trigger(tok, pack.nouns_of_org[word], [tok])  # "заседание Совета ОДКБ"
    if tok.dep_ == "nmod" and _in_day_of_span(view, tok.head):
        return None  # "во второй день визита": a frame, as "the second day of the visit"
    children = {lemma(c): c for c in tok.children}
    for words, type_name in pack.nouns.get(word, []):
        others = words - {word}
        if not others <= children.keys():
            continue
        if word in pack.plural_only and not others and not plural(tok):
            continue
        return Trigger(tok, type_name, [tok, *(children[w] for w in others)])
    if word in pack.nouns_with and _noun_with_someone(view, pack, tok):
        return Trigger(tok, pack.nouns_with[word], [tok])  # "беседа с премьером"
    return None


def _in_day_of_span(view: ArticleView, tok: Any) -> bool:
    """``tok`` is the noun of a day of the span ("второй день")."""
    return any(t.start <= tok.idx < t.end for t in view.day_spans)


def _noun_with_someone(view: ArticleView, pack: RussianPack, tok: Any) -> bool:
    """The noun's event is with someone: a "с"/"между" complement naming people, a country,
    a body or a group ("беседа с премьером", "беседа между лидерами"), or the object of a
    verb whose subject is several ("лидеры провели беседу", "Путин и Ким провели беседу")."""
    for child in tok.children:
        if (
            child.dep_ in {"nmod", "obl"}
            and case_words(child) & {"с", "со", "между"}
            and (_names_someone(view, child) or _group(pack, child))
        ):
            return True
    return tok.dep_ == "obj" and _has_counterpart(view, tok.head)


def _to_place(view: ArticleView, pack: RussianPack, tok: Any) -> bool:
    """The verb goes to a place: a "в"/"на" complement in the accusative naming one ("в
    Японию", "во Вьетнам", "в столицу"; not "в Японии", where it is)."""
    return any(
        c.dep_ == "obl"
        and case_words(c) & {"в", "во", "на"}
        and "Acc" in c.morph.get("Case")
        and (view.label_at(c) in {"GPE", "LOC", "FAC"} or lemma(c) in pack.place_nouns)
        for c in tok.children
    )


def _traveller(view: ArticleView, pack: RussianPack, tok: Any) -> bool:
    """Someone goes: the subject (or, for an infinitive, a conjunct or a clause that drops
    it, its head's: "президент заявил, что отправится в Китай") is a named person, a pronoun
    or one of the pack's travellers ("президент", "делегация")."""
    subjects = [c for c in tok.children if c.dep_ in SUBJECTS_RU]
    if not subjects and tok.dep_ in {"xcomp", "conj", "ccomp"}:
        subjects = [c for c in tok.head.children if c.dep_ in SUBJECTS_RU]
    return any(
        s.pos_ == "PRON"
        or lemma(s) in pack.travellers
        or any(m.label == "PERSON" for m in view.mentions_in(s))
        for s in subjects
    )


def _guest(view: ArticleView, pack: RussianPack, tok: Any) -> bool:
    """The object is a guest: a person, country or body by its name, or a leader or a
    delegation by office ("премьер-министра Индии", "делегацию"); not a thing that a name
    qualifies ("принял предложение Китая")."""
    return view.label_at(tok) in {"PERSON", "ORG", "GPE"} or lemma(tok) in pack.travellers


def _is_disaster(pack: RussianPack, tok: Any) -> bool:
    return any(t == "disaster" for _, t in pack.nouns.get(lemma(tok), []))


def _caused_by_disaster(pack: RussianPack, tok: Any) -> bool:
    """The verb's cause is a natural disaster: its subject, a complement ("при землетрясении",
    "из-за наводнения") or the noun such a complement governs ("в результате землетрясения"),
    or the noun a participle hangs from ("землетрясения, унесшего жизни …")."""
    causes = [c for c in tok.children if c.dep_ in {"nsubj", "obl", "nmod"}]
    causes += [g for c in list(causes) for g in c.children if g.dep_ == "nmod"]
    if tok.dep_ in {"acl", "acl:relcl"}:
        causes.append(tok.head)
    return any(_is_disaster(pack, c) for c in causes)


def _names_someone(view: ArticleView, tok: Any) -> bool:
    """The phrase headed by ``tok`` names people, a country or an organisation."""
    names = {"PERSON", "ORG", "GPE", "NORP"}
    return any(m.label in names for m in view.mentions_in(tok))


def _group(pack: RussianPack, tok: Any) -> bool:
    """The phrase names people by their group ("студентами", "представителями диаспоры")."""
    heads = [tok, *(c for c in tok.children if c.dep_ in {"nmod", "conj"})]
    return any(lemma(h) in pack.counterpart_groups for h in heads)


def _has_counterpart(view: ArticleView, tok: Any) -> bool:
    """Someone the verb's event is with: an object naming someone, a "с"/"между" complement
    naming someone or a group of people ("со студентами"), or a plural noun or coordinated
    subject ("лидеры встретились")."""
    pack = load_russian_pack()
    for child in tok.children:
        if child.dep_ in {"obj", "iobj"} and _names_someone(view, child):
            return True
        if (
            child.dep_ == "obl"
            and case_words(child) & {"с", "со", "между"}
            and (_names_someone(view, child) or _group(pack, child))
        ):
            return True
        if child.dep_ in SUBJECTS_RU and (
            (plural(child) and child.pos_ == "NOUN")  # "лидеры встретились", not "мы"
            or any(c.dep_ == "conj" for c in child.children)
        ):
            return True
    return False


def verb_trigger(view: ArticleView, pack: RussianPack, tok: Any) -> Trigger | None:
    """The verbal trigger headed by ``tok`` ("прибыл", "возложил венки"), if any."""
    if tok.pos_ != "VERB":
        return None
    word = lemma(tok)
    by_place = _by_place(pack, tok)
    if by_place is not None:
        return by_place
    nouns = [c for c in tok.children if c.dep_ in _VERB_NOUNS]
    # "вылетели с целью сопровождения": the genitive of a purpose noun is what it is done for
    nouns += [
        g for c in nouns if lemma(c) in pack.purpose_nouns for g in c.children if g.dep_ == "nmod"
    ]
    for noun in nouns:
        pair = (word, lemma(noun))
        if pair in pack.verb_objects:
            own = noun_trigger(view, pack, noun)
            if own is not None and len(own.tokens) > 1 and own.type != pack.verb_objects[pair]:
                continue  # "сделали совместное заявление для прессы": the phrase says the kind
            return Trigger(tok, pack.verb_objects[pair], [tok, noun])
    place_type = pack.place_verbs.get(word)
    if place_type and any(
        c.dep_ == "obj"
        and (lemma(c) in pack.place_nouns or view.label_at(c) in {"GPE", "LOC", "FAC"})
        for c in tok.children
    ):
        return Trigger(tok, place_type, [tok])  # "покинул Пхеньян", not "покинул пост"
    going = pack.destination_verbs.get(word)
    if going and _to_place(view, pack, tok) and _traveller(view, pack, tok):
        return Trigger(tok, going, [tok])  # "Трамп направится в Японию"
    guest_type = pack.guest_verbs.get(word)
    if guest_type and any(c.dep_ == "obj" and _guest(view, pack, c) for c in tok.children):
        return Trigger(tok, guest_type, [tok])  # "Путин принял премьера", not "принял закон"
    if word in pack.by_disaster and _caused_by_disaster(pack, tok):
        return Trigger(tok, pack.by_disaster[word], [tok])
    verb_type = pack.verbs.get(word)
    if verb_type is None:
        return None
    spec = view.ont.types[verb_type]
    objects = [c for c in tok.children if c.dep_ in {"obj", "nsubj:pass"}]
    if spec.yields_to_object_event:
        # "объявили о прекращении огня": what is announced, with "о", is its object too
        objects += [c for c in tok.children if c.dep_ == "obl" and case_words(c) & _ABOUT]
    if any(lemma(o) in pack.exclude_objects.get(verb_type, ()) for o in objects):
        return None
    if spec.yields_to_object_event and (tok.dep_ in {"acl", "amod"} or not objects):
        # attribution ("объявили, что …"); with an event as object ("объявили перемирие") the
        # announcement is a mention and the event announced another, as in English
        return None
    if spec.needs_named_speaker and not any(
        _names_someone(view, c) or {lemma(t) for t in c.subtree} & pack.announcing_speakers
        for c in tok.children
        if c.dep_ in SUBJECTS_RU
    ):
        return None  # "Кремль предупредил", not "эксперты предупреждают"
    needs = pack.arg_lemmas.get(verb_type)
    if needs:
        args = [c for c in tok.children if c.dep_ in {"obj", "nsubj", "nsubj:pass", "obl"}]
        if tok.dep_ in {"xcomp", "conj"}:
            args += [c for c in tok.head.children if c.dep_ in SUBJECTS_RU]
        if not any(lemma(t) in needs for a in args for t in a.subtree):
            return None
    if spec.needs_counterpart and not _has_counterpart(view, tok):
        return None
    return Trigger(tok, verb_type, [tok])


def is_generic(pack: RussianPack, trig: Trigger) -> bool:
    """A statement about such events in general ("такие визиты", "несколько встреч")."""
    tok = trig.token
    if tok.pos_ == "VERB":
        return False
    mods = {lemma(c) for c in tok.children if c.dep_ in {"det", "amod", "nummod", "advmod"}}
    if mods & pack.generic_determiners:
        return True
    # "несколько встреч", "ряд визитов": the quantifier governs the noun
    head_quantifies = tok.dep_ == "nmod" and lemma(tok.head) in pack.vague_modifiers
    return plural(tok) and (bool(mods & pack.vague_modifiers) or head_quantifies)


def triggers(view: ArticleView, sent: Any) -> list[Trigger]:
    """The event triggers of one sentence, each word in one trigger at most."""
    pack = load_russian_pack()
    found: list[Trigger] = []
    seen: set[int] = set()
    for tok in sent:
        if tok.i in seen:
            continue
        trig = (
            verb_trigger(view, pack, tok)
            or noun_trigger(view, pack, tok)
            or announcement(view, pack, tok)
        )
        if trig is None or any(t.i in seen for t in trig.tokens) or is_generic(pack, trig):
            continue
        seen.update(t.i for t in trig.tokens)
        found.append(trig)
    return found


def subtype_of(view: ArticleView, trig: Trigger) -> str | None:
    """The subtype whose cue lemmas stand in the trigger or among its modifiers (a verb's
    nominal complements count: "посетит с государственным визитом"), when exactly one does."""
    cues_by_subtype = load_russian_pack().subtypes.get(trig.type) or {}
    if not cues_by_subtype:
        return None
    tok = trig.token
    words = {lemma(t) for t in trig.tokens}
    for child in tok.children:
        if tok.pos_ == "VERB" and child.dep_ not in {"obl", "obj"}:
            continue
        words |= {lemma(t) for t in child.subtree} if tok.pos_ == "VERB" else {lemma(child)}
        if tok.pos_ != "VERB":
            words |= {lemma(g) for g in child.children if g.dep_ in {"amod", "nmod"}}
    found = [name for name, cues in cues_by_subtype.items() if cues & words]
    return found[0] if len(found) == 1 else None
