"""The Russian trigger pack (data/events_ru.yaml) as lookup tables beside the English ontology:
the types are the ontology's, the words are Russian lemmas (ё written е)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Any

from corroborator import lexicon
from corroborator.analyze.ontology import load_ontology
from corroborator.errors import ConfigError


def norm(word: str) -> str:
    """A lemma as the pack writes it: lower case, ё as е."""
    return word.lower().replace("ё", "е")


def lemma(tok: Any) -> str:
    """The token's lemma as the pack writes it."""
    return norm(tok.lemma_)


# The subjects of a Russian clause in the UD parse.
SUBJECTS_RU = frozenset({"nsubj", "nsubj:pass"})


@dataclass(frozen=True)
class RussianPack:
    """Russian trigger indexes and status words over the ontology's types."""

    # any word of a noun phrase → [(all the phrase's lemmas, type)], longest phrases first
    nouns: dict[str, list[tuple[frozenset[str], str]]]
    verbs: dict[str, str]
    verb_objects: dict[tuple[str, str], str]
    nouns_of_org: dict[str, str]
    plural_only: frozenset[str]
    exclude_objects: dict[str, frozenset[str]]  # type → object lemmas that stop its verbs
    arg_lemmas: dict[str, frozenset[str]]  # type → argument lemmas its verbs need
    place_verbs: dict[str, str]  # verb → type, when its object is a place
    place_nouns: frozenset[str]  # common nouns that are places ("город", "аэропорт")
    subtypes: dict[str, dict[str, frozenset[str]]]  # type → subtype → cue lemmas
    by_disaster: dict[str, str]
    place_kind_words: dict[str, dict[str, str]]  # word → place noun → type
    planned_verbs: frozenset[str]
    planned_adjectives: frozenset[str]
    cancelled_verbs: frozenset[str]
    cancelled_adjectives: frozenset[str]
    in_progress_words: frozenset[str]
    programme_nouns: frozenset[str]
    planned_preps: tuple[tuple[str, ...], ...]
    negating_preps: frozenset[str]
    frame_preps: tuple[tuple[str, ...], ...]
    blocking_heads: frozenset[str]
    # people by their group, counterparts of a meeting ("встретился со студентами")
    counterpart_groups: frozenset[str]
    # official bodies and their voices, speakers of statements though unnamed ("власти")
    announcing_speakers: frozenset[str]
    # the media that relay official words ("агентство", "телеканал"): no announcers themselves
    media_words: frozenset[str]
    vague_modifiers: frozenset[str]
    generic_determiners: frozenset[str]
    definite_determiners: frozenset[str]
    background_cues: frozenset[str]
    ago_words: frozenset[str]
    speech_verbs: frozenset[str]
    sequence_cues: frozenset[str]
    place_preps: frozenset[str]
    place_object_verbs: frozenset[str]
    here_words: frozenset[str]
    purpose_nouns: frozenset[str]  # «с целью X»: X is what the verb is done for
    capital_words: frozenset[str]  # a country's capital named by it («столица КНДР»)
    # openers of a sentence that reports the one before it ("Об этом сообщает ТАСС")
    report_back_openers: tuple[tuple[str, ...], ...] = ()
    nouns_with: dict[str, str] = field(default_factory=dict)  # "беседа" with someone → type
    destination_verbs: dict[str, str] = field(default_factory=dict)  # "направится в X" → type
    # verbs that are this type only with a guest as object: a person named or by office, a
    # delegation ("принял премьер-министра Индии"; not "принял закон") → type
    guest_verbs: dict[str, str] = field(default_factory=dict)
    travellers: frozenset[str] = frozenset()  # who goes though unnamed ("президент")


def _words(items: list[str] | None) -> frozenset[str]:
    return frozenset(norm(str(i)) for i in items or [])


def _place_kinds(rows: list[list[str]]) -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for word, place, type_name in rows:
        out.setdefault(norm(str(word)), {})[norm(str(place))] = str(type_name)
    return out


@cache
def load_russian_pack() -> RussianPack:
    """The merged Russian pack, built once per process; every type must be the ontology's."""
    data = lexicon.load("events_ru.yaml")
    known = load_ontology().types
    nouns: dict[str, list[tuple[frozenset[str], str]]] = {}
    verbs: dict[str, str] = {}
    verb_objects: dict[tuple[str, str], str] = {}
    nouns_of_org: dict[str, str] = {}
    plural_only: set[str] = set()
    exclude: dict[str, frozenset[str]] = {}
    args: dict[str, frozenset[str]] = {}
    place_verbs: dict[str, str] = {}
    nouns_with: dict[str, str] = {}
    destination_verbs: dict[str, str] = {}
    guest_verbs: dict[str, str] = {}
    subtypes: dict[str, dict[str, frozenset[str]]] = {}
    for name, spec in (data.get("types") or {}).items():
        if name not in known:
            raise ConfigError(f"events_ru.yaml: type {name!r} is not in events.yaml")
        for phrase in spec.get("nouns") or []:
            words = frozenset(norm(str(phrase)).split())
            for w in words:
                nouns.setdefault(w, []).append((words, name))
        for verb in spec.get("verbs") or []:
            verbs[norm(str(verb))] = name
        for verb in spec.get("place_verbs") or []:
            place_verbs[norm(str(verb))] = name
        for noun in spec.get("nouns_with") or []:
            nouns_with[norm(str(noun))] = name
        for verb in spec.get("destination_verbs") or []:
            destination_verbs[norm(str(verb))] = name
        for verb in spec.get("guest_verbs") or []:
            guest_verbs[norm(str(verb))] = name
        for verb, obj in spec.get("verb_objects") or []:
            verb_objects[(norm(str(verb)), norm(str(obj)))] = name
        for noun in spec.get("nouns_of_org") or []:
            nouns_of_org[norm(str(noun))] = name
        plural_only |= _words(spec.get("plural_only"))
        exclude[name] = _words(spec.get("exclude_objects"))
        args[name] = _words(spec.get("arg_lemmas"))
        subtypes[name] = {k: _words(v) for k, v in (spec.get("subtypes") or {}).items()}
    for options in nouns.values():  # most specific (most words) first
        options.sort(key=lambda o: -len(o[0]))
    status = data.get("status") or {}
    return RussianPack(
        nouns=nouns,
        verbs=verbs,
        verb_objects=verb_objects,
        nouns_of_org=nouns_of_org,
        plural_only=frozenset(plural_only),
        exclude_objects=exclude,
        arg_lemmas=args,
        place_verbs=place_verbs,
        place_nouns=_words(data.get("place_nouns")),
        subtypes=subtypes,
        by_disaster={norm(str(k)): str(v) for k, v in (data.get("by_disaster") or {}).items()},
        place_kind_words=_place_kinds(data.get("place_kind_words") or []),
        planned_verbs=_words(status.get("planned_verbs")),
        planned_adjectives=_words(status.get("planned_adjectives")),
        cancelled_verbs=_words(status.get("cancelled_verbs")),
        cancelled_adjectives=_words(status.get("cancelled_adjectives")),
        in_progress_words=_words(status.get("in_progress_words")),
        programme_nouns=_words(data.get("programme_nouns")),
        planned_preps=tuple(tuple(norm(str(p)).split()) for p in data.get("planned_preps") or []),
        negating_preps=_words(data.get("negating_preps")),
        frame_preps=tuple(tuple(norm(str(p)).split()) for p in data.get("frame_preps") or []),
        blocking_heads=_words(data.get("blocking_heads")),
        counterpart_groups=_words(data.get("counterpart_groups")),
        announcing_speakers=_words(data.get("announcing_speakers")),
        media_words=_words(data.get("media_words")),
        vague_modifiers=_words(data.get("vague_modifiers")),
        generic_determiners=_words(data.get("generic_determiners")),
        definite_determiners=_words(data.get("definite_determiners")),
        background_cues=_words(data.get("background_cues")),
        ago_words=_words(data.get("ago_words")),
        speech_verbs=_words(data.get("speech_verbs")),
        sequence_cues=_words(data.get("sequence_cues")),
        place_preps=_words(data.get("place_preps")),
        place_object_verbs=_words(data.get("place_object_verbs")),
        here_words=_words(data.get("here_words")),
        purpose_nouns=_words(data.get("purpose_nouns")),
        capital_words=_words(data.get("capital_words")),
        nouns_with=nouns_with,
        destination_verbs=destination_verbs,
        guest_verbs=guest_verbs,
        travellers=_words(data.get("travellers")),
        report_back_openers=tuple(
            tuple(norm(str(p)).split()) for p in data.get("report_back_openers") or []
        ),
    )
