"""The event ontology (data/events.yaml) as lookup tables for the extractor and the exports."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from corroborator import lexicon


@dataclass(frozen=True)
class EventType:
    """One event type with its codes and trigger words."""

    name: str
    cameo: str | None
    plover: str | None
    subtypes: dict[str, tuple[str, ...]]
    plural_ok: bool
    plural_only: frozenset[str]
    exclude_objects: frozenset[str]
    arg_lemmas: frozenset[str]
    needs_counterpart: bool
    # the verb's speaker must be named (a person, body or country): "Kyiv warned …", not
    # "experts warn …"
    needs_named_speaker: bool = False
    yields_to_object_event: bool = False
    recurring: bool = False
    # "country": the event concerns a whole country (a national death toll, a ceasefire), so
    # its place is the country of the place named near it, not a city
    place_scope: str | None = None
    # the event ends the subject's stay at its place ("left Brasilia"): the story is no longer
    # there after it
    leaves_place: bool = False
    # words said: told in the past without a day of their own, they were said on the day of
    # the report ("…, the ministry said", "told reporters")
    said_on_report_day: bool = False
    # made public by an official body: placed where the body sits ("the Kremlin said")
    at_speakers_seat: bool = False
    # verbs that are this type only without a direct object ("the plane landed", not "landed
    # a contract")
    objectless_verbs: frozenset[str] = frozenset()
    # verbs that need none of arg_lemmas ("was sworn in": an inauguration whatever its subject)
    free_verbs: frozenset[str] = frozenset()
    # words right after a plain verb that make it another verb of this type's words ("called
    # on the minister", "called for talks": no phone call)
    not_followed_by: frozenset[str] = frozenset()
    # verbs whose counterpart must be named, not a group ("received the king's envoy", not
    # "the shelter received 200 survivors")
    named_counterpart_verbs: frozenset[str] = frozenset()
    # subtypes that name rounds of one event, not different events ("expanded" and
    # "one-on-one" talks of one day are one summit's talks)
    rounds: frozenset[str] = frozenset()
    # the type whose event brings this one about, and so gives its day when it has none of its
    # own ("the collapse of the mosque" in a report of the earthquake)
    caused_by: str | None = None


@dataclass(frozen=True)
class Ontology:
    """Trigger indexes over all event types."""

    types: dict[str, EventType]
    nouns: dict[str, list[tuple[tuple[str, ...], str]]]  # head lemma → [(modifier lemmas, type)]
    # "guard of honour", "collapse of a building", "search for survivors": head lemma →
    # [(modifier lemmas, preposition, lemma of its complement, type)]
    nouns_of: dict[str, list[tuple[tuple[str, ...], str, str, str]]]
    verbs: dict[str, str]
    verb_objects: dict[tuple[str, str], str]
    nouns_of_org: dict[str, str]
    place_kind_verbs: dict[str, tuple[str, str]]  # verb → (place kind, type)
    # verbs that are this type with a "with"-complement naming people or actors ("conferred
    # with", "sat down with") → type
    verbs_with: dict[str, str]
    # nouns that are this type with a "with"-complement naming people or actors ("a call with
    # the premier") → type
    nouns_with: dict[str, str]
    # [verb, object] pairs that are this type only at a venue of the given kinds ("paid tribute
    # … at a memorial") → (type, venue lemmas)
    venue_pairs: dict[tuple[str, str], tuple[str, frozenset[str]]]
    # particles that make a plain verb another verb ("signed up", "called off"): such a verb
    # is a trigger only when the phrasal verb itself is listed
    meaning_particles: frozenset[str]
    # what carries travellers, a subject that leaves or reaches a place for them ("the
    # presidential plane reached Hanoi")
    travellers: frozenset[str]
    # verbs whose subject is what they happen to when they have no object ("flights halted")
    ergative_verbs: frozenset[str]
    planned_verbs: frozenset[str]
    planned_adjectives: frozenset[str]
    planned_preps: tuple[tuple[str, ...], ...]
    # verbs whose to-infinitive happened when they did ("managed to sign", "went on to meet")
    implicative_verbs: frozenset[str]
    # verbs whose to-infinitive did not happen ("failed to arrest", "refused to sign")
    negative_implicative_verbs: frozenset[str]
    # verbs whose prepositional object is the event taken part in ("take part in the parade")
    participation_verbs: frozenset[str]
    cancelled_verbs: frozenset[str]
    # verbs whose negation leaves the event possible ("did not rule out a visit")
    negation_keeps: frozenset[str]
    cancelled_adjectives: frozenset[str]
    in_progress_words: frozenset[str]
    by_disaster: dict[str, str]  # verb → type when its cause is a disaster ("the quake killed")
    # verb → the predicates it needs to report casualties ("left 300 people dead")
    by_disaster_predicates: dict[str, frozenset[str]]
    speech_verbs: frozenset[str]
    background_cues: frozenset[str]
    vague_modifiers: frozenset[str]
    programme_nouns: frozenset[str]
    sequence_cues: frozenset[str]
    blocking_heads: frozenset[str]
    # verbs that are an event only with a place as object or "for"-complement ("left Hanoi",
    # "leaves for Washington") → type
    place_verbs: dict[str, str]
    place_nouns: frozenset[str]
    # verbs of going that are this type with a "to"-complement naming a place ("traveled to
    # Russia")
    destination_verbs: dict[str, str]
    # verbs of staying that are this type with an "until"-complement naming a time ("stay
    # until Wednesday afternoon": the stay ends, the guest leaves then)
    until_verbs: dict[str, str]
    # nouns of people in groups, counterparts of a meeting though no name is given ("met
    # students", "a meeting with members of the diaspora")
    counterpart_groups: frozenset[str]
    # speakers whose words on what will happen are an announcement ("the Kremlin said on
    # Monday", "according to the ministry"), and words that make a speaker the media
    announcing_speakers: frozenset[str]
    media_words: frozenset[str]
    # nouns after "in" that make a speech verb a statement event ("said in a statement")
    statement_frames: dict[str, str]
    # speech verbs whose noun object is what is made public ("Bessent confirmed further
    # elements of the deal", "the ministry denied the reports")
    object_speech_verbs: frozenset[str]

    def codes(self, type_name: str) -> tuple[str | None, str | None]:
        """``(cameo, plover)`` of a type (``(None, None)`` for an unknown one)."""
        t = self.types.get(type_name)
        return (t.cameo, t.plover) if t else (None, None)


# Prepositions of a noun phrase trigger "X of Y" or "X for Y" ("guard of honour", "search for
# survivors"): the head noun with that complement
_NOUN_PREPS = ("of", "for")


def _words(items: list[str] | None) -> frozenset[str]:
    return frozenset(str(i).lower() for i in items or [])


@cache
def load_ontology() -> Ontology:
    """The merged ontology, built once per process."""
    data = lexicon.load("events.yaml")
    types: dict[str, EventType] = {}
    nouns: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    nouns_of: dict[str, list[tuple[tuple[str, ...], str, str, str]]] = {}
    place_verbs: dict[str, str] = {}
    destination_verbs: dict[str, str] = {}
    until_verbs: dict[str, str] = {}
    verbs: dict[str, str] = {}
    verb_objects: dict[tuple[str, str], str] = {}
    nouns_of_org: dict[str, str] = {}
    place_kind_verbs: dict[str, tuple[str, str]] = {}
    verbs_with: dict[str, str] = {}
    nouns_with: dict[str, str] = {}
    venue_pairs: dict[tuple[str, str], tuple[str, frozenset[str]]] = {}
    for name, spec in data["types"].items():
        types[name] = EventType(
            name=name,
            cameo=spec.get("cameo"),
            plover=spec.get("plover"),
            subtypes={
                k: tuple(str(c).lower() for c in v) for k, v in (spec.get("subtypes") or {}).items()
            },
            plural_ok=bool(spec.get("plural_ok")),
            plural_only=_words(spec.get("plural_only")),
            exclude_objects=_words(spec.get("exclude_objects")),
            arg_lemmas=_words(spec.get("arg_lemmas")),
            needs_counterpart=bool(spec.get("needs_counterpart")),
            needs_named_speaker=bool(spec.get("needs_named_speaker")),
            yields_to_object_event=bool(spec.get("yields_to_object_event")),
            recurring=bool(spec.get("recurring")),
            place_scope=spec.get("place_scope"),
            leaves_place=bool(spec.get("leaves_place")),
            said_on_report_day=bool(spec.get("said_on_report_day")),
            at_speakers_seat=bool(spec.get("at_speakers_seat")),
            objectless_verbs=_words(spec.get("objectless_verbs")),
            free_verbs=_words(spec.get("free_verbs")),
            rounds=_words(spec.get("rounds")),
            caused_by=spec.get("caused_by"),
            not_followed_by=_words(spec.get("not_followed_by")),
            named_counterpart_verbs=_words(spec.get("named_counterpart_verbs")),
        )
        for phrase in spec.get("nouns") or []:
            words = str(phrase).lower().replace("-", " - ").split()
            words = [w for w in words if w != "-"]
            prep = next((w for w in words[1:-1] if w in _NOUN_PREPS), None)
            if prep is not None:
                cut = words.index(prep)
                head, of_obj = words[cut - 1], words[-1]
                nouns_of.setdefault(head, []).append((tuple(words[: cut - 1]), prep, of_obj, name))
                continue
            nouns.setdefault(words[-1], []).append((tuple(words[:-1]), name))
        for verb in spec.get("verbs") or []:
            verbs[str(verb).lower()] = name
        for verb, obj in spec.get("verb_objects") or []:
            verb_objects[(str(verb).lower(), str(obj).lower())] = name
        for noun in spec.get("nouns_of_org") or []:
            nouns_of_org[str(noun).lower()] = name
        for verb in spec.get("place_verbs") or []:
            place_verbs[str(verb).lower()] = name
        for verb in spec.get("destination_verbs") or []:
            destination_verbs[str(verb).lower()] = name
        for verb in spec.get("until_verbs") or []:
            until_verbs[str(verb).lower()] = name
        for verb, kind in (spec.get("place_kind_verbs") or {}).items():
            place_kind_verbs[str(verb).lower()] = (str(kind), name)
        for verb in spec.get("verbs_with") or []:
            verbs_with[str(verb).lower()] = name
        for noun in spec.get("nouns_with") or []:
            nouns_with[str(noun).lower()] = name
        at_venue = spec.get("at_venue") or {}
        venues = _words(at_venue.get("venues"))
        for verb, obj in at_venue.get("verb_objects") or []:
            venue_pairs[(str(verb).lower(), str(obj).lower())] = (name, venues)
    for options in nouns.values():  # most specific (most modifiers) first
        options.sort(key=lambda o: -len(o[0]))
    status = data.get("status", {})
    return Ontology(
        types=types,
        nouns=nouns,
        verbs=verbs,
        verb_objects=verb_objects,
        nouns_of_org=nouns_of_org,
        place_kind_verbs=place_kind_verbs,
        verbs_with=verbs_with,
        nouns_with=nouns_with,
        venue_pairs=venue_pairs,
        meaning_particles=_words(data.get("meaning_particles")),
        travellers=_words(data.get("travellers")),
        ergative_verbs=_words(data.get("ergative_verbs")),
        planned_verbs=_words(status.get("planned_verbs")),
        planned_adjectives=_words(status.get("planned_adjectives")),
        planned_preps=tuple(tuple(p.lower().split()) for p in data.get("planned_preps") or []),
        implicative_verbs=_words(status.get("implicative_verbs")),
        negative_implicative_verbs=_words(status.get("negative_implicative_verbs")),
        participation_verbs=_words(status.get("participation_verbs")),
        cancelled_verbs=_words(status.get("cancelled_verbs")),
        negation_keeps=_words(status.get("negation_keeps")),
        cancelled_adjectives=_words(status.get("cancelled_adjectives")),
        in_progress_words=_words(status.get("in_progress_words")),
        by_disaster={str(k).lower(): str(v) for k, v in (data.get("by_disaster") or {}).items()},
        by_disaster_predicates={
            str(k).lower(): _words(v) for k, v in (data.get("by_disaster_predicates") or {}).items()
        },
        speech_verbs=_words(data.get("speech_verbs")),
        background_cues=_words(data.get("background_cues")),
        vague_modifiers=_words(data.get("vague_modifiers")),
        programme_nouns=_words(data.get("programme_nouns")),
        sequence_cues=_words(data.get("sequence_cues")),
        blocking_heads=_words(data.get("blocking_heads")),
        nouns_of=nouns_of,
        place_verbs=place_verbs,
        place_nouns=_words(data.get("place_nouns")),
        destination_verbs=destination_verbs,
        until_verbs=until_verbs,
        counterpart_groups=_words(data.get("counterpart_groups")),
        announcing_speakers=_words(data.get("announcing_speakers")),
        media_words=_words(data.get("media_words")),
        object_speech_verbs=_words(data.get("object_speech_verbs")),
        statement_frames={
            str(k).lower(): str(v) for k, v in (data.get("statement_frames") or {}).items()
        },
    )
