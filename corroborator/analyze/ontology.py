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


@dataclass(frozen=True)
class Ontology:
    """Trigger indexes over all event types."""

    types: dict[str, EventType]
    nouns: dict[str, list[tuple[tuple[str, ...], str]]]  # head lemma → [(modifier lemmas, type)]
    # "guard of honour", "collapse of a building": head lemma → [(modifier lemmas, lemma of the
    # "of" complement, type)]
    nouns_of: dict[str, list[tuple[tuple[str, ...], str, str]]]
    verbs: dict[str, str]
    verb_objects: dict[tuple[str, str], str]
    nouns_of_org: dict[str, str]
    place_kind_verbs: dict[str, tuple[str, str]]  # verb → (place kind, type)
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


def _words(items: list[str] | None) -> frozenset[str]:
    return frozenset(str(i).lower() for i in items or [])


@cache
def load_ontology() -> Ontology:
    """The merged ontology, built once per process."""
    data = lexicon.load("events.yaml")
    types: dict[str, EventType] = {}
    nouns: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    nouns_of: dict[str, list[tuple[tuple[str, ...], str, str]]] = {}
    place_verbs: dict[str, str] = {}
    destination_verbs: dict[str, str] = {}
    verbs: dict[str, str] = {}
    verb_objects: dict[tuple[str, str], str] = {}
    nouns_of_org: dict[str, str] = {}
    place_kind_verbs: dict[str, tuple[str, str]] = {}
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
        )
        for phrase in spec.get("nouns") or []:
            words = str(phrase).lower().replace("-", " - ").split()
            words = [w for w in words if w != "-"]
            if "of" in words[1:-1]:
                cut = words.index("of")
                head, of_obj = words[cut - 1], words[-1]
                nouns_of.setdefault(head, []).append((tuple(words[: cut - 1]), of_obj, name))
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
        for verb, kind in (spec.get("place_kind_verbs") or {}).items():
            place_kind_verbs[str(verb).lower()] = (str(kind), name)
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
        counterpart_groups=_words(data.get("counterpart_groups")),
        announcing_speakers=_words(data.get("announcing_speakers")),
        media_words=_words(data.get("media_words")),
        object_speech_verbs=_words(data.get("object_speech_verbs")),
        statement_frames={
            str(k).lower(): str(v) for k, v in (data.get("statement_frames") or {}).items()
        },
    )
