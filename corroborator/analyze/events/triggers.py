"""Which words are event triggers, of which type and subtype, and which are only generic talk
about such events ("Such visits are rare"): nouns, verbs and verb-object pairs from the
ontology (data/events.yaml), checked against the parse."""

from __future__ import annotations

import re
from typing import Any

from corroborator.analyze.events.arguments import has_named_speaker, in_group, people_or_actors
from corroborator.analyze.events.cancelling import replaced_en
from corroborator.analyze.events.places import place_of
from corroborator.analyze.events.speech import speech_event
from corroborator.analyze.events.view import (
    FUTURE_MODALS,
    SUBJECTS,
    ArticleView,
    Trigger,
    governor,
)


def noun_trigger(view: ArticleView, tok: Any) -> Trigger | None:
    """The nominal trigger headed by ``tok`` ("talks", "welcome ceremony"), if any."""
    ont = view.ont
    lemma = _plain(tok.lemma_)
    if tok.dep_ == "compound" or tok.pos_ not in {"NOUN", "PROPN"}:
        return None
    if (
        lemma not in ont.nouns
        and lemma not in ont.nouns_of
        and lemma not in ont.nouns_of_org
        and lemma not in ont.nouns_with
    ):
        return None  # a noun of no event type: every check below could only say None
    if (
        tok.dep_ == "pobj"
        and tok.head.lower_ == "for"
        and tok.head.head.lemma_.lower() in ont.blocking_heads
    ):
        return None  # "a warrant for his arrest"
    if (
        tok.dep_ in {"dobj", "obj"}
        and tok.head.lemma_.lower() in ont.blocking_heads
        # a particle makes it another verb: "called off the summit" names the summit
        and not any(
            c.dep_ == "prt" and c.lower_ in ont.meaning_particles for c in tok.head.children
        )
    ):
        return None  # "requested assistance", "demanded talks": asked for, not done
    nxt = tok.nbor() if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and nxt.pos_ == "NOUN" and tok.tag_ == "NN" and nxt.dep_ != "conj":
        return None  # a modifier of the next noun ("arrest warrant", "summit venue")
    if lemma in ont.nouns_of_org and _has_org(view, tok):
        return Trigger(tok, ont.nouns_of_org[lemma], [tok])
    if lemma in ont.nouns_with and _with_counterpart(view, tok):
        return Trigger(tok, ont.nouns_with[lemma], [tok])
    options = ont.nouns.get(lemma, [])
    mods = [c for c in tok.children if c.dep_ in {"compound", "amod", "nmod"} and c.i < tok.i]
    mod_lemmas = [w for c in mods for w in _modifier_words(c)]
    # hyphenated compounds ("wreath-laying") arrive as several tokens before the head
    left = [_plain(t.lemma_) for t in tok.doc[max(tok.i - 3, 0) : tok.i] if t.text != "-"]
    for required, prep, of_lemma, type_name in ont.nouns_of.get(lemma, []):
        # "a guard of honour", "the collapse of a 30-storey tower", "the search for survivors"
        of_objects = [
            o
            for c in tok.children
            if c.dep_ == "prep" and c.lower_ == prep
            for o in c.children
            if o.dep_ == "pobj" and o.lemma_.lower() == of_lemma
        ]
        if of_objects and all(r in mod_lemmas or r in left for r in required):
            return Trigger(tok, type_name, [tok, *of_objects])
    for required, type_name in options:
        if not required or all(r in mod_lemmas or r in left for r in required):
            spec = ont.types[type_name]
            if lemma in spec.plural_only and tok.tag_ != "NNS":
                continue
            if (
                type_name == "visit"
                and tok.dep_ == "pobj"
                and tok.head.lower_ == "of"
                and not replaced_en(tok)  # "instead of a trip to the coast" names a trip
            ):
                return None  # "the core of the visit", "the second day of the visit": a frame
            return Trigger(
                tok,
                type_name,
                [*[c for c in mods if set(_modifier_words(c)) & set(required)], tok],
            )
    return None


def _modifier_words(mod: Any) -> list[str]:
    """A modifier's lemma and, for a past participle, its form too: the lexicon names "a
    written speech", "a signed article" by the participle, which lemmatises to its verb."""
    words = [_plain(mod.lemma_)]
    return [*words, _plain(mod.text)] if mod.tag_ == "VBN" else words


def _plain(word: str) -> str:
    """A lemma in lower case with the typographic apostrophe written plain: news sets "coup
    d’état" and "coup d'état" alike, the lexicon spells it one way."""
    return word.lower().replace("\u2019", "'")


def _has_org(view: ArticleView, tok: Any) -> bool:
    """The noun names a body's gathering: "meeting of the CSTO …", "the CSTO's … session"."""
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for t in child.subtree:
                if view.label_at(t) == "ORG":
                    return True
        if child.dep_ in {"compound", "poss"} and any(
            view.label_at(t) == "ORG" for t in child.subtree
        ):
            return True
    return False


def verb_trigger(view: ArticleView, tok: Any) -> Trigger | None:
    """The verbal trigger headed by ``tok`` ("arrive", "lay a wreath"), if any."""
    ont = view.ont
    if tok.pos_ != "VERB":
        return None
    lemma = tok.lemma_.lower()
    # a phrasal verb is its lemma and particle ("see off", "step down")
    particle = next((c.lower_ for c in tok.children if c.dep_ == "prt"), None)
    phrasal = f"{lemma} {particle}" if particle else None
    if phrasal and phrasal in ont.verbs | ont.place_verbs | ont.verbs_with.keys():
        lemma = phrasal
    objects = [c for c in tok.children if c.dep_ in {"dobj", "obj"}]
    # a pair's noun may be the object, the subject of the passive ("a wreath was laid",
    # "documents were exchanged") or a prepositional complement ("spoke to reporters")
    complements = [c for c in tok.children if c.dep_ == "nsubjpass"]
    if lemma in ont.ergative_verbs and not objects:
        complements += [c for c in tok.children if c.dep_ == "nsubj"]  # "flights halted"
    complements += [
        o for c in tok.children if c.dep_ == "prep" for o in c.children if o.dep_ == "pobj"
    ]
    # or an adverb of direction the parser hangs on it ("headed home", "flew home")
    complements += [c for c in tok.children if c.dep_ in {"advmod", "npadvmod"}]
    # or the "of"/"from"/"with" complement of the object: what a measure or a group holds ("a
    # team of rescuers", "tons of supplies"), where it was taken from ("pulled a boy from the
    # rubble"), how it was done ("welcomed his guest with full honours")
    complements += [
        o
        for obj in objects
        for c in obj.children
        if c.dep_ == "prep" and c.lower_ in {"of", "from", "with"}
        for o in c.children
        if o.dep_ == "pobj"
    ]
    for obj in objects + complements:
        pair = (lemma, obj.lemma_.lower())
        if pair in ont.verb_objects:
            own = noun_trigger(view, obj) if obj.dep_ in {"dobj", "obj"} else None
            if own is not None and len(own.tokens) > 1 and own.type != ont.verb_objects[pair]:
                continue  # "made a joint press statement": the noun phrase says the kind
            return Trigger(tok, ont.verb_objects[pair], [tok, obj])
        if pair in ont.venue_pairs and _at_venue(tok, ont.venue_pairs[pair][1]):
            return Trigger(tok, ont.venue_pairs[pair][0], [tok, obj])
    # "signed up customers", "called off the strike": another verb than the one listed
    other_verb = bool(phrasal and lemma != phrasal and particle in ont.meaning_particles)
    if lemma in ont.verbs_with and not other_verb and _with_counterpart(view, tok):
        return Trigger(tok, ont.verbs_with[lemma], [tok])
    if (
        lemma in ont.by_disaster
        and _caused_by_disaster(view, tok)
        and _has_predicate(tok, objects, ont.by_disaster_predicates.get(lemma))
    ):
        return Trigger(tok, ont.by_disaster[lemma], [tok])
    if lemma in ont.place_kind_verbs:
        kind, type_name = ont.place_kind_verbs[lemma]
        place = place_of(view, tok)
        if (place and _place_kind(view, place) == kind) or _at_kind(tok, kind):
            return Trigger(tok, type_name, [tok])
    if lemma in ont.place_verbs and _place_object(view, tok) and _someone_moves(view, tok):
        return Trigger(tok, ont.place_verbs[lemma], [tok])
    if lemma in ont.destination_verbs and _goes_to_place(view, tok):
        return Trigger(tok, ont.destination_verbs[lemma], [tok])
    if lemma in ont.until_verbs and _until_time(tok) and _someone_stays(view, tok):
        return Trigger(tok, ont.until_verbs[lemma], [tok])  # "stay until Wednesday"
    verb_type = None if other_verb else ont.verbs.get(lemma)
    if verb_type is None:
        return speech_event(view, tok)
    if tok.dep_ == "acl" and noun_trigger(view, tok.head) is not None:
        return None  # "a dinner hosted by the president": the dinner is the event
    spec = ont.types[verb_type]
    if any(o.lemma_.lower() in spec.exclude_objects for o in objects):
        return None
    if lemma in spec.objectless_verbs and objects:
        return None  # "the plane landed", not "landed a contract"
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and nxt.lower_ in spec.not_followed_by:
        return None  # "called on the minister", "called for calm": not a call
    if spec.yields_to_object_event and (tok.dep_ in {"acl", "amod"} or not objects):
        # "the figure announced hours earlier" describes a thing; "announced that …", "…, X
        # announced" reports words, an announcement only as speech_event judges it
        return None if tok.dep_ in {"acl", "amod"} else speech_event(view, tok)
    if spec.arg_lemmas and lemma not in spec.free_verbs:
        args = [c for c in tok.children if c.dep_ in {"dobj", "nsubj", "nsubjpass"}]
        if tok.dep_ in {"xcomp", "conj"}:
            args += [c for c in tok.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if not any(a.lemma_.lower() in spec.arg_lemmas for a in args):
            return None
    if spec.needs_counterpart and not _has_counterpart(view, tok):
        return None
    if lemma in spec.named_counterpart_verbs and not _has_counterpart(view, tok, named=True):
        return None  # "the shelter received 200 survivors": no meeting
    if spec.needs_counterpart and any(c.dep_ == "oprd" for c in tok.children):
        return None  # naming, not meeting or calling: "called the plan a mistake"
    if spec.needs_named_speaker and not has_named_speaker(view, tok):
        return None
    return Trigger(tok, verb_type, [tok])


def misread_verb(view: ArticleView, tok: Any) -> Trigger | None:
    """A place verb that the tagger took for a plural noun: headlines put a bare name before a
    verb of the present ("Trump leaves for Washington"), and the model reads "Trump" as the
    verb and "leaves" as the noun. A third-person "-s" form whose stem is one of
    ``place_verbs``, with a "for"-complement naming a place, is that verb: no plural noun
    takes a "for" of destination."""
    if tok.tag_ != "NNS" or not tok.lower_.endswith("s"):
        return None
    ont = view.ont
    stem = next((w for w in (tok.lower_[:-1], tok.lower_[:-2]) if w in ont.place_verbs), None)
    if stem is None:
        return None
    destination = _names_place(view, tok, "for")
    return Trigger(tok, ont.place_verbs[stem], [tok]) if destination else None


def _names_place(view: ArticleView, tok: Any, preposition: str) -> bool:
    """``tok`` has a ``preposition`` complement whose object is a country, city or region."""
    return any(
        view.label_at(o) in {"GPE", "LOC"}
        for c in tok.children
        if c.dep_ == "prep" and c.lower_ == preposition
        for o in c.children
        if o.dep_ == "pobj"
    )


def _goes_to_place(view: ArticleView, tok: Any) -> bool:
    """Someone goes to a named place: a "to"-complement naming a country, city or region, and
    a subject that is a named actor or a personal pronoun ("he would head to China"), not a
    thing ("exports went to China")."""
    if not _names_place(view, tok, "to"):
        return False
    # (not the leg before, told in passing: "arrived in Vietnam after travelling to North
    # Korea" is the arrival's context, and its place would pass to the events after it)
    subjects = [c for c in tok.children if c.dep_ == "nsubj"]
    if not subjects and tok.dep_ in {"conj", "xcomp"}:
        # the subject of the verb above, active or passive ("he is scheduled to travel")
        subjects = [c for c in tok.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
    return any(
        (s.tag_ == "PRP" and s.lower_ not in {"it", "this", "that"})
        or view.label_at(s) in {"PERSON", "ORG", "GPE", "NORP"}
        # a person by office the article names ("the president will travel to …")
        or bool(view.people(s))
        for s in subjects
    )


def _at_venue(tok: Any, venues: frozenset[str]) -> bool:
    """The verb happens at a venue of one of these kinds: an "at", "to", "before" or "in"
    complement whose noun (or a word of its name) is one ("paid tribute at the memorial",
    "greeted at the airport", "at the Tomb of the Unknown Soldier")."""
    return any(
        t.lemma_.lower() in venues or t.lower_ in venues
        for c in tok.children
        if c.dep_ == "prep" and c.lower_ in {"at", "to", "before", "in"}
        for o in c.children
        if o.dep_ == "pobj"
        for t in [o, *(x for x in o.children if x.dep_ == "compound")]
    )


def _at_kind(tok: Any, kind: str) -> bool:
    """An "at"/"on"/"in" complement names a venue of this kind, named or not ("greeted at the
    airport", "welcomed on the tarmac")."""
    name = _KIND_BY_NAME.get(kind)
    return any(
        o.lemma_.lower() == kind or (name is not None and name.search(o.text))
        for c in tok.children
        if c.dep_ == "prep" and c.lower_ in {"at", "on", "in"}
        for o in c.children
        if o.dep_ == "pobj"
    )


def _with_counterpart(view: ArticleView, tok: Any) -> bool:
    """A "with"-complement names people, a country, a body or people by their group ("conferred
    with the premier's envoys", "sat down with the delegation")."""
    return any(
        c.dep_ == "prep" and c.lower_ == "with" and (people_or_actors(view, c) or in_group(view, c))
        for c in tok.children
    )


def _someone_moves(view: ArticleView, tok: Any) -> bool:
    """The one who leaves or reaches the place is someone, or what carries them: a named
    actor, a pronoun, people by their group or a word of travel (``travellers``), or no
    subject at all ("before leaving Hanoi"); not a storm or a figure ("the typhoon reached the
    coast", "trade reached Hanoi's markets")."""
    subjects = [c for c in tok.children if c.dep_ == "nsubj"]
    return not subjects or any(
        (s.tag_ == "PRP" and s.lower_ not in {"it", "this", "that"})
        or view.label_at(s) in {"PERSON", "ORG", "GPE", "NORP"}
        or bool(view.people(s))
        or in_group(view, s)
        or s.lemma_.lower() in view.ont.travellers
        for s in subjects
    )


def _until_time(tok: Any) -> bool:
    """The verb lasts "until" (or "till") a time the entity model tags ("until Wednesday
    afternoon", "till noon")."""
    return any(
        c.dep_ == "prep"
        and c.lower_ in {"until", "till"}
        and any(t.ent_type_ in {"DATE", "TIME"} for t in c.subtree)
        for c in tok.children
    )


def _someone_stays(view: ArticleView, tok: Any) -> bool:
    """The one staying is someone (as :func:`_someone_moves` judges it): the verb's own
    subject or, for an infinitive or a conjunct without one, the subject of the verb above it
    ("was due to land on Friday night and stay until …")."""
    current = tok
    for _ in range(4):
        subjects = [c for c in current.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if subjects:
            return any(
                (s.tag_ == "PRP" and s.lower_ not in {"it", "this", "that"})
                or view.label_at(s) == "PERSON"
                or bool(view.people(s))
                or s.lemma_.lower() in view.ont.travellers
                for s in subjects
            )
        if current.dep_ not in {"xcomp", "conj", "advcl"} or current.head.i == current.i:
            return False
        current = current.head
    return False


def _place_object(view: ArticleView, tok: Any) -> bool:
    """The verb's object, or its "for"-complement, is a place ("left Pyongyang", "leaves for
    Washington"), named or a common noun of place ("left the venue")."""
    places = [c for c in tok.children if c.dep_ in {"dobj", "obj"}]
    places += [
        o
        for c in tok.children
        if c.dep_ == "prep" and c.lower_ == "for"
        for o in c.children
        if o.dep_ == "pobj"
    ]
    return any(
        view.label_at(p) in {"GPE", "LOC", "FAC"} or p.lemma_.lower() in view.ont.place_nouns
        for p in places
    )


# Venue kinds a place's own name tells when the gazetteer does not know it: "Sunan
# International Airport", "Gimhae Air Base" are airports whatever city they serve.
# (the tarmac and the runway are the airport's: "greeted on the tarmac")
_KIND_BY_NAME = {
    "airport": re.compile(r"\b(?:airport|air base|airbase|airfield|tarmac|runway)\b", re.I)
}


def _place_kind(view: ArticleView, place: str) -> str | None:
    entry = view.gaz.places.get(place)
    if entry is not None and entry.place_kind:
        return str(entry.place_kind)
    return next((k for k, name in _KIND_BY_NAME.items() if name.search(place)), None)


def _is_disaster(view: ArticleView, tok: Any) -> bool:
    return any(t == "disaster" for _, t in view.ont.nouns.get(tok.lemma_.lower(), []))


def _has_predicate(tok: Any, objects: list[Any], predicates: frozenset[str] | None) -> bool:
    """The verb says what its object was left as, when it must ("left 300 people dead",
    "left 40 injured"); ``None``: it need not."""
    if predicates is None:
        return True
    said = [c for c in tok.children if c.dep_ in {"oprd", "xcomp", "ccomp", "acomp", "advcl"}]
    said += [g for o in objects for g in o.children if g.dep_ == "amod"]
    return any(c.lemma_.lower() in predicates or c.lower_ in predicates for c in said)


def _caused_by_disaster(view: ArticleView, tok: Any) -> bool:
    """The verb's cause is a natural disaster: its subject or agent ("the quake killed …",
    "killed by the flood"), an "in"/"from" complement ("died in the earthquake"), or the noun
    a relative clause hangs from ("the earthquake that killed …")."""
    causes = []
    for child in tok.children:
        if child.dep_ == "nsubj":
            causes.append(child)
        if child.dep_ in {"agent", "prep"} and child.lower_ in {"by", "in", "from", "during"}:
            causes += [c for c in child.children if c.dep_ == "pobj"]
    if tok.dep_ in {"relcl", "acl"}:
        causes.append(tok.head)
    if tok.dep_ == "advcl" and tok.tag_ == "VBG":
        # "an earthquake struck the north, killing 300 people": the participle's cause is the
        # subject of the verb it hangs from
        causes += [c for c in tok.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if tok.dep_ == "conj" and tok.head.pos_ == "VERB" and _caused_by_disaster(view, tok.head):
        # "were killed and 14 injured in the earthquake": coordinated participles share the
        # complement the parser hangs on one of them
        return True
    for conj in (c for c in tok.children if c.dep_ == "conj" and c.pos_ == "VERB"):
        causes += [
            o
            for p in conj.children
            if p.dep_ in {"agent", "prep"} and p.lower_ in {"by", "in", "from", "during"}
            for o in p.children
            if o.dep_ == "pobj"
        ]
    return any(_is_disaster(view, c) for c in causes)


def _has_counterpart(view: ArticleView, tok: Any, *, named: bool = False) -> bool:
    """Someone to do it with: a person, country or body (or, unless ``named``, people by
    their group) as object, "with"-complement, agent or passive subject; or people as plural
    subject ("the leaders met")."""

    def someone(t: Any) -> bool:
        return people_or_actors(view, t) or (not named and in_group(view, t))

    for child in tok.children:
        if child.dep_ in {"dobj", "obj"} and someone(child):
            return True
        if child.dep_ == "prep" and child.lower_ in {"with", "between"} and someone(child):
            return True
        if child.dep_ in SUBJECTS and (
            len(view.people(child)) >= 2 or any(c.dep_ == "conj" for c in child.children)
        ):
            return True
        # the passive names the guest or the host: "was received by the king", "the envoy
        # was hosted at the palace"
        if child.dep_ == "agent" and any(someone(o) for o in child.children if o.dep_ == "pobj"):
            return True
        if child.dep_ == "nsubjpass" and someone(child):
            return True
    return False


def subtype_of(view: ArticleView, trig: Trigger) -> str | None:
    """The subtype whose cue words stand among the trigger's modifiers, when exactly one does."""
    spec = view.ont.types[trig.type]
    if not spec.subtypes:
        return None
    tok = trig.token
    left = tok.doc[max(tok.left_edge.i, tok.i - 6)].idx
    right = (
        max(t.idx + len(t.text) for t in tok.subtree)
        if tok.pos_ != "VERB"
        else tok.idx + len(tok.text)
    )
    window = view.text[left:right].lower()
    found = [
        name
        for name, cues in spec.subtypes.items()
        if any(re.search(rf"(?<![\w-]){re.escape(c)}(?![\w-])", window) for c in cues)
    ]
    # "talks in both restricted and expanded formats" names no one subtype
    return found[0] if len(found) == 1 else None


def is_generic(view: ArticleView, trig: Trigger) -> bool:
    """A statement about such events in general, not about one ("Such visits are rare")."""
    tok = trig.token
    if tok.pos_ == "VERB" or misread_verb(view, tok) is not None:
        return False  # (a verb the tagger took for a plural noun is no bare plural)
    dets = {c.lower_ for c in tok.children if c.dep_ in {"det", "predet"}}
    if dets & {"such", "any", "every", "each", "no", "these", "those"}:
        return True
    gov = governor(tok)
    present = gov.tag_ in {"VBZ", "VBP"} and not any(
        c.lower_ in FUTURE_MODALS for c in gov.children
    )
    # (not one under way: "while a rescue operation continues" tells one occasion; "a state
    # visit continues to be an honour" is a habit again)
    ongoing = gov.lemma_.lower() in view.ont.in_progress_words and not any(
        c.dep_ == "xcomp" for c in gov.children
    )
    if dets & {"a", "an"} and present and tok.dep_ in SUBJECTS and not ongoing:
        return True
    mods = {c.lower_ for c in tok.children if c.dep_ in {"amod", "det", "advmod"}}
    if tok.tag_ == "NNS" and mods & view.ont.vague_modifiers:
        return True
    plural_bare = (
        tok.tag_ == "NNS"
        and not dets
        and not any(c.dep_ in {"poss", "nummod"} for c in tok.children)
    )
    # a bare plural told in the simple past is existential, not generic: "drone strikes forced
    # airport closures on Wednesday" tells particular strikes ("strikes are common" does not)
    return plural_bare and not view.ont.types[trig.type].plural_ok and not _episodic(gov)


def _episodic(gov: Any) -> bool:
    """The governing verb tells one occasion: a simple past ("forced", "were launched")."""
    return gov.tag_ == "VBD" or any(
        c.dep_ in {"aux", "auxpass"} and c.tag_ == "VBD" for c in gov.children
    )


def is_generic_sentence(view: ArticleView, sent: Any) -> bool:
    """A statement about events in general: a generic subject ("A state visit …", "Such
    visits …", bare plurals) with a present-tense main verb and no date."""
    root = sent.root
    present_aux = any(
        c.dep_ in {"aux", "auxpass"} and c.tag_ in {"VBZ", "VBP"} for c in root.children
    )
    if root.tag_ not in {"VBZ", "VBP"} and not present_aux:
        return False
    if any(c.lower_ in FUTURE_MODALS for c in root.children):
        return False
    # a plan is about one occasion, even with a bare plural subject ("Officials are set to
    # sign agreements during the visit", "ministers are expected to attend")
    if root.lemma_.lower() in view.ont.planned_verbs or any(
        c.dep_ == "acomp" and c.lemma_.lower() in view.ont.planned_verbs for c in root.children
    ):
        return False
    if any(sent.start_char <= t.start < sent.end_char for t in view.timexes):
        return False
    # what is under way now is one occasion, not a habit ("rescue efforts are ongoing",
    # "search operations continue", "talks are under way"): a bare plural subject of it is
    # the operations at hand
    said = {root.lemma_.lower()}
    said |= {c.lower_ for c in root.children if c.dep_ in {"acomp", "advmod"}}
    said |= {
        f"{c.lower_} {o.lower_}"
        for c in root.children
        if c.dep_ == "prep"
        for o in c.children
        if o.dep_ == "pobj"
    }
    if said & view.ont.in_progress_words:
        return False
    for subj in (c for c in root.children if c.dep_ in SUBJECTS):
        dets = {c.lower_ for c in subj.children if c.dep_ in {"det", "predet", "amod"}}
        if dets & {"a", "an", "such", "any", "every", "each"}:
            return True
        if subj.tag_ == "NNS" and not dets and not any(c.dep_ == "poss" for c in subj.children):
            return True
    return False


# Modals and words of obligation: what "should", "must" or "is obliged to" happen is a norm,
# not an event that happened or is planned ("members are obliged to arrest him", "Peru
# should have arrested him").
_DEONTIC = frozenset({"should", "must", "ought"})
# Permission is a norm too ("armed groups are not allowed to attack"): what is allowed or
# forbidden is not told as happening.
_OBLIGING = frozenset(
    {
        "oblige",
        "obliged",
        "obligate",
        "obligated",
        "require",
        "required",
        "supposed",
        "allow",
        "allowed",
        "permit",
        "permitted",
    }
)


# Verbs of asking: the act they ask for is not an occurrence ("urged Peru to arrest him",
# "called on the authorities to evacuate", "asked them to sign"); as blocking_heads for nouns.
_REQUESTING = frozenset({"urge", "call", "ask", "demand", "request", "press", "appeal"})


def is_hypothetical(trig: Trigger) -> bool:
    """The trigger is a norm or a condition, not an occurrence: under "should"/"must"/
    "ought", the complement of "obliged/required/supposed to", or inside an "if"/"unless"
    clause ("if he travels there, he must be arrested")."""
    current = trig.token
    for _ in range(6):
        if any(c.dep_ == "aux" and c.lower_ in _DEONTIC for c in current.children):
            return True
        if any(c.dep_ == "mark" and c.lower_ in {"if", "unless"} for c in current.children):
            return True
        if current.dep_ == "xcomp" and (
            current.head.lemma_.lower() in _OBLIGING or current.head.lower_ in _OBLIGING
        ):
            return True
        if (
            current.i == trig.token.i
            and current.pos_ == "VERB"
            and current.dep_ in {"xcomp", "advcl", "ccomp"}
            and current.head.lemma_.lower() in _REQUESTING
        ):
            return True  # "urged Peru to arrest him": asked for, not done
        # a clause of its own ("when he arrived", "that he will visit") is not under the
        # modal of the clause it hangs from
        if current.head.i == current.i or current.dep_ in {"ccomp", "parataxis", "relcl", "advcl"}:
            return False
        current = current.head
    return False
