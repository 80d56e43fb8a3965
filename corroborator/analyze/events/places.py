"""Where an event happens: the most specific place in the prepositions around its trigger, or
one shared from a sibling event, the event it follows, or the last place the story was at."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from corroborator import lexicon
from corroborator.analyze.events.seats import seat_place
from corroborator.analyze.events.view import ArticleView, governor
from corroborator.analyze.gazetteer import Gazetteer
from corroborator.analyze.world import load_world

_PLACE_PREPS = frozenset({"at", "in", "on", "to", "near", "inside", "aboard"})
# Prepositions that go on locating inside a place phrase ("at the lounge of the airport in
# Busan", "near the capital"); any other ("a war with Ukraine", "pressure from the United
# States", "a partnership between Moscow and Hanoi") leads away from where the event is.
_NESTED_LOCATIVE = frozenset({"at", "in", "near", "inside", "of", "outside"})
# Place names as the model may tag them; a name tagged as an organisation is a place when
# the gazetteer lists it as one or its last word is a venue noun ("Gimhae International
# Airport", "the Kremlin").
_PLACE_LABELS = frozenset({"FAC", "GPE", "LOC"})
# Prepositions of a verb's object that locate the act on it ("addressed the parliament in
# Ottawa").
_OBJECT_LOCATIVE = frozenset({"at", "in", "near", "inside"})
# Types whose verb-object trigger goes or sends somewhere ("paid a visit to", "sent aid to").
_SENT_TO = frozenset({"visit", "aid"})
# Types that bring someone to a place on their day: what is told on an earlier day happened
# before they got there.
ARRIVING = frozenset({"visit", "arrival"})


@cache
def _place_object_verbs() -> frozenset[str]:
    """Verbs whose direct object is the event's place (data/events.yaml)."""
    return frozenset(
        str(v).lower() for v in lexicon.load("events.yaml").get("place_object_verbs", [])
    )


@cache
def _venue_nouns() -> frozenset[str]:
    """Last words that make a name a venue whatever its entity label (data/events.yaml)."""
    return frozenset(str(v).lower() for v in lexicon.load("events.yaml").get("venue_nouns", []))


@cache
def _striking_verbs() -> frozenset[str]:
    """Verbs whose object is where their subject event happened (data/events.yaml)."""
    return frozenset(str(v).lower() for v in lexicon.load("events.yaml").get("striking_verbs", []))


@cache
def _country_nouns() -> frozenset[str]:
    """Nouns that name again the last country named, after "the" (data/events.yaml)."""
    return frozenset(str(v).lower() for v in lexicon.load("events.yaml").get("country_nouns", []))


def country_again(view: ArticleView, obj: Any) -> str | None:
    """The country "the Southeast Asian country" or "the nation" names again: the last country
    named before it. Only a singular with "the" (not "his country", its owner's, "a country"
    or "the two countries")."""
    if obj.lemma_.lower() not in _country_nouns() or obj.tag_ != "NN":
        return None  # (not "the two countries", which names no one country)
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in obj.children):
        return None
    if any(c.dep_ == "poss" for c in obj.children):
        return None
    for m in sorted(view.entities.at(0, obj.idx), key=lambda m: m.start, reverse=True):
        if not m.canonical or m.label not in {"GPE", "LOC", "ORG"}:
            continue
        span = view.doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None and span.root.head.lower_ == "from":
            # where something comes from is not where it goes ("relief from Norway reached the
            # island nation")
            continue
        found = load_world().lookup(m.canonical)
        if found is not None and found.kind == "country":
            return found.name
        if m.canonical in view.gaz.country_names.values():
            return str(m.canonical)
    return None


@cache
def _host_nouns() -> frozenset[str]:
    """Nouns that make the place set beside them the venue of an event (data/events.yaml)."""
    return frozenset(str(v).lower() for v in lexicon.load("events.yaml").get("host_nouns", []))


def hosting_place(view: ArticleView, tok: Any) -> list[str]:
    """The place an event noun is "the venue of" by apposition: "Gyeongju, the main venue for
    the summit" or "the host city of the summit, Gyeongju" holds the summit in Gyeongju."""
    if tok.dep_ != "pobj" or tok.head.lower_ not in {"of", "for"}:
        return []
    noun = tok.head.head
    compounds = (c.lemma_.lower() for c in noun.children if c.dep_ == "compound")
    hosts = {noun.lemma_.lower(), *compounds}
    if not hosts & _host_nouns():
        return []
    beside = [c for c in noun.children if c.dep_ == "appos"]
    if noun.dep_ == "appos":
        beside.append(noun.head)
    return [
        m.canonical
        for b in beside
        for m in view.mentions_in(b)
        if m.canonical and m.start <= b.idx < m.end and is_place_name(view, m)
    ]


def trip_named_by_place(view: ArticleView, tok: Any) -> list[str]:
    """A trip named by where it goes ("his Asia tour", "the president's Vietnam visit"): the
    place names compounded with a noun of going."""
    if tok.pos_ != "NOUN" or not any(
        kind in _SENT_TO for _, kind in view.ont.nouns.get(tok.lemma_.lower(), [])
    ):
        return []
    return [
        m.canonical
        for c in tok.children
        if c.dep_ == "compound"
        for m in view.mentions_in(c)
        if m.canonical and is_place_name(view, m)
    ]


def _city_named_before(view: ArticleView, tok: Any) -> list[str]:
    """An event noun named by its city ("the Geneva talks", "the Oslo summit"); only a city,
    as a country before it names a party ("the US-China talks"), not the venue."""
    if tok.pos_ != "NOUN":
        return []
    world = load_world()
    found = []
    for c in tok.children:
        if c.dep_ != "compound":
            continue
        for m in view.mentions_in(c):
            named = m.canonical and m.label in {"GPE", "ORG", "LOC"}
            place = world.lookup(m.canonical) if named else None
            if place is not None and place.kind == "city":
                found.append(place.name)
    return found


def is_place_name(view: ArticleView, mention: Any, prep: str | None = None) -> bool:
    """A named place: a place label, or an organisation's name that the gazetteer or the world
    tables list as a place or that ends in a venue noun; after "aboard", any name (only a
    craft is boarded)."""
    if not mention.canonical:
        return False
    if mention.label in _PLACE_LABELS:
        return True
    if mention.label not in {"ORG", "PRODUCT"}:
        return False
    if prep == "aboard" or mention.canonical in view.gaz.places:
        return True
    if mention.label != "ORG":
        return False
    words = mention.canonical.lower().split()
    if words and words[-1] in _venue_nouns():
        return True
    # a city or country the model took for an organisation ("arrived in the capital,
    # Naypyidaw"); "talks in Washington" are in the city, whatever else the name stands for
    found = load_world().lookup(mention.canonical)
    return found is not None and found.kind in {"city", "country"}


def _located_object(view: ArticleView, obj: Any) -> bool:
    """An object the act is done to where it is: people, a group of them, a body or a venue
    ("addressed the parliament in Ottawa", "met students at the university"), not a topic
    ("discussed the war in Ukraine", "the situation in the region")."""
    if view.label_at(obj) in {"PERSON", "ORG", "FAC", "NORP"}:
        return True
    word = obj.lemma_.lower()
    return word in view.ont.counterpart_groups or word in _venue_nouns() or word in _BODIES


# Bodies addressed or visited where they sit ("addressed the parliament in Ottawa").
_BODIES = frozenset(
    {"parliament", "assembly", "congress", "senate", "council", "audience", "crowd", "rally"}
)


def phrase_places(view: ArticleView, prep: Any, boarded: bool = False) -> list[str]:
    """The places a prepositional phrase locates its event at: the names in its object and in
    the locative phrases nested in it, not those of a phrase that leads elsewhere ("at a key
    moment in the war with Ukraine" names no place) or of a clause inside it. ``boarded``:
    the phrase tells where words were said ("told reporters on Air Force One"), so any name
    in it is a place, as after "aboard"."""
    away: set[int] = set()
    for t in prep.subtree:
        if t.i == prep.i or t.i in away:
            continue
        if (t.dep_ == "prep" and t.lower_ not in _NESTED_LOCATIVE) or t.dep_ in {
            "relcl",
            "acl",
            "advcl",
        }:
            away.update(x.i for x in t.subtree)
    allowed = {t.idx for t in prep.subtree if t.i not in away}
    found = [
        m.canonical
        for m in view.mentions_in(prep)
        if m.start in allowed and is_place_name(view, m, "aboard" if boarded else prep.lower_)
    ]
    if prep.lower_ in {"at", "in", "inside"}:
        # a seat of power named as an organisation is a place to be in ("talks in the Kremlin")
        found += [
            seat
            for m in view.mentions_in(prep)
            if m.start in allowed
            for seat in [seat_place(view, m)]
            if seat and seat not in found
        ]
    return found + [
        name
        for obj in prep.children
        if obj.dep_ == "pobj"
        for name in [_unnamed_place(view, obj) or country_again(view, obj)]
        if name
    ]


def _unnamed_place(view: ArticleView, obj: Any) -> str | None:
    """A proper name the entity model left untagged that is a venue all the same, by its last
    word ("the Ho Chi Minh Mausoleum", "Red Square")."""
    if view.entities.at(obj.idx, obj.idx + len(obj.text)):
        return None  # tagged: judged by is_place_name
    words = [t for t in obj.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"]
    words = [*words, obj]
    if not all(w.text[:1].isupper() for w in words) or obj.pos_ not in {"PROPN", "NOUN"}:
        return None
    name = " ".join(w.text for w in words)
    # (not a bare capitalised word the world tables happen to list: "the evening of March
    # 28" names a month, not the town of March)
    return name if obj.lower_ in _venue_nouns() and len(words) > 1 else None


def place_of(view: ArticleView, tok: Any, extra: list[Any] | None = None) -> str | None:
    """The most specific place in the prepositions of the trigger and its governing verb."""
    hosting = hosting_place(view, tok)
    if hosting:
        return hosting[0]  # named as the venue of the event: no other phrase overrides that
    holders = [tok, *(extra or [])]
    gov = governor(tok)
    if gov.i != tok.i:
        holders.append(gov)
    if tok.dep_ == "acl":  # "an event in Kant commemorating …"
        holders.append(tok.head)
    # "exercises scheduled for … in Kyrgyzstan", "the summit, which will take place in Bishkek"
    holders += [c for c in tok.children if c.dep_ in {"acl", "relcl"}]
    found: list[str] = []
    found += trip_named_by_place(view, tok) or _city_named_before(view, tok)
    placing: list[Any] = []
    if tok.pos_ == "VERB" and tok.lemma_.lower() in _place_object_verbs():
        placing.append(tok)
    if tok.dep_ == "nsubj" and tok.head.lemma_.lower() in _striking_verbs():
        placing.append(tok.head)  # "a storm struck the coast": the storm was on the coast
    placing += [  # "the quake that struck the coast"
        c for c in tok.children if c.dep_ == "relcl" and c.lemma_.lower() in _striking_verbs()
    ]
    for verb in placing:
        for child in verb.children:
            if child.dep_ == "dobj":
                found += [
                    m.canonical
                    for m in view.mentions_in(child)
                    if m.label in {"FAC", "GPE", "LOC"} and m.canonical
                ]
                again = country_again(view, child)
                found += [again] if again else []
    if tok.pos_ == "VERB":
        # the noun of a verb-object trigger of going or sending names the destination ("paid a
        # visit to Oslo", "sent aid to the stricken region"); only its "to" phrase, as the
        # noun's other phrases tell a topic ("exchanged views on the war in …"), and not for
        # what is done at a place ("laid wreaths to the memorial" is placed by its own words)
        for obj in tok.children:
            pair = (tok.lemma_.lower(), obj.lemma_.lower())
            if obj.dep_ == "dobj" and view.ont.verb_objects.get(pair) in _SENT_TO:
                for p in obj.children:
                    if p.dep_ == "prep" and p.lower_ == "to":
                        found += phrase_places(view, p)
    if tok.pos_ == "VERB":
        # the object's own locative phrase ("addressed the parliament in Ottawa", "met
        # students at the university in Hue"): where the act on it happens (not "on", "to",
        # which tell a topic or an addressee: "a pact on workers")
        # the counterpart met "with" is placed the same way ("met with the king in Oslo": the
        # parser hangs the place on the king)
        counterparts = [
            o
            for w in tok.children
            if w.dep_ == "prep" and w.lower_ == "with"
            for o in w.children
            if o.dep_ == "pobj"
        ]
        objects = [o for o in tok.children if o.dep_ in {"dobj", "obj"}]
        for obj in objects + counterparts:
            if _located_object(view, obj):
                for p in obj.children:
                    if p.dep_ == "prep" and p.lower_ in _OBJECT_LOCATIVE:
                        found += phrase_places(view, p)
    # words said "on" a craft or a broadcast are said there ("told reporters on Air Force One"),
    # and a speaker "aboard" one says them there ("Trump, aboard Air Force One, told …")
    saying = gov.pos_ == "VERB" and gov.lemma_.lower() in view.ont.speech_verbs
    if saying:
        for subject in (c for c in gov.children if c.dep_ in {"nsubj", "nsubjpass"}):
            for p in subject.children:
                if p.dep_ == "prep" and p.lower_ == "aboard":
                    found += phrase_places(view, p)
    here = dateline_place(view)
    leaving = _leaving(view, tok)
    if leaving:
        # the noun of a pair of leaving may carry where it leaves from ("flew home from Lisbon")
        found += [
            place
            for noun in tok.children
            if (tok.lemma_.lower(), noun.lemma_.lower()) in view.ont.verb_objects
            for p in noun.children
            if p.dep_ == "prep" and p.lower_ in _LEAVING_PREPS
            for place in phrase_places(view, p)
        ]
    for holder in holders:
        for child in holder.children:
            if here and child.dep_ == "advmod" and child.lower_ == "here":
                found.append(here)  # "arrived here": where the dateline says the report is
            if leaving and holder.i == tok.i and child.dep_ == "prep":
                # a departure is where it leaves from ("departed for Hanoi from Pyongyang"),
                # not where it goes ("to Hanoi")
                if child.lower_ in _LEAVING_PREPS:
                    found += phrase_places(view, child)
                continue
            if child.dep_ == "prep" and child.lower_ in _PLACE_PREPS:
                found += phrase_places(view, child, saying and child.lower_ == "on")
            elif child.dep_ == "prep" and _as_part(child):
                # "talks held as part of the forum at a hotel in the capital": the event is
                # held where the larger one it is part of is
                found += phrase_places(view, child)
            if child.dep_ in {"npadvmod", "pobj"}:
                for m in view.mentions_in(child):
                    if m.label == "FAC" and m.canonical:
                        found.append(m.canonical)
                    elif m.canonical and _named_after_comma(child) and is_place_name(view, m):
                        # "arrived in the capital, Naypyidaw": the parser hangs the name that
                        # says which capital on the verb
                        found.append(m.canonical)
    if _there(tok, holders):
        found += _there_antecedent(view, tok)  # "There, they signed …"
    if not found and tok.dep_ in {"advcl", "xcomp"}:
        # "planned to attend a formal event in Kant …, commemorating …": the place of the
        # clause the trigger hangs from
        # not a phrase inside a relative clause on one of its nouns ("the minister, whose
        # party is in a long dispute with Lisbon, will sign …" locates no signing)
        aside = {
            x.i
            for t in tok.head.subtree
            if t.dep_ in {"relcl", "appos"} and tok not in t.subtree
            for x in t.subtree
        }
        # nor a phrase of the trigger's own clause, whose direct phrases were read above: what
        # lies deeper is its content ("…, warning that no one is safe in the capital")
        aside |= {x.i for x in tok.subtree}
        for t in tok.head.subtree:
            if (
                t.dep_ == "prep"
                and t.lower_ in {"at", "in"}
                and tok not in t.subtree
                and t.i not in aside
            ):
                found += phrase_places(view, t)
    found += _where_antecedent(view, tok)
    return with_city(view.gaz, most_specific(view.gaz, found), found)


def with_city(gaz: Gazetteer, best: str | None, found: list[str]) -> str | None:
    """A venue the gazetteers cannot place, named with the city the same words give ("landed
    at Sunan Airport in Pyongyang"): "Sunan Airport, Pyongyang", so that what shares or
    inherits its place knows the city (see :func:`_city`); any other place as it is."""
    if best is None or not is_venue(best) or city_of_place(gaz, best):
        return best
    cities = [p for p in found if p != best and _world_kind(gaz, p) == "city"]
    return f"{best}, {cities[0]}" if cities else best


def _world_kind(gaz: Gazetteer, place: str) -> str | None:
    """What the gazetteer or the world tables take ``place`` for: "city", "country", or None."""
    entry = gaz.places.get(place)
    if entry is not None:
        return str(entry.place_kind)
    found = load_world().lookup(place)
    return found.kind if found is not None else None


def _as_part(prep: Any) -> bool:
    """``prep`` brings in the larger event the trigger's is part of ("as part of the forum")."""
    return prep.lower_ == "as" and any(
        c.dep_ == "pobj" and c.lemma_.lower() == "part" for c in prep.children
    )


# Prepositions of where a departure leaves from ("departed from Pyongyang", "flew out of
# Busan"; "at the airport", "in Pyongyang" too).
_LEAVING_PREPS = frozenset({"from", "of", "at", "in"})


def _leaving(view: ArticleView, tok: Any) -> bool:
    """``tok`` is a verb of leaving a place ("depart", "leave", "flew home": a type with
    leaves_place)."""
    if tok.pos_ != "VERB":
        return False
    word = tok.lemma_.lower()
    kinds = [view.ont.verbs.get(word), view.ont.place_verbs.get(word)]
    kinds += [view.ont.verb_objects.get((word, c.lemma_.lower())) for c in tok.children]
    return any(k and view.ont.types[k].leaves_place for k in kinds)


def where_of(tok: Any) -> Any | None:
    """The "where" that brings in the clause ``tok`` is in, if it is in one."""
    current = tok
    for _ in range(5):
        if current.dep_ in {"relcl", "advcl"}:
            return next((c for c in current.children if c.lower_ == "where"), None)
        if current.head.i == current.i:
            return None
        current = current.head
    return None


def _where_antecedent(view: ArticleView, tok: Any) -> list[str]:
    """A clause brought in by "where" happens at the place named before it ("after a day in
    Pyongyang, where he signed a treaty", "flew on to Stockholm, where he is due to meet the
    king"): the place name just before "where" (the parser often hangs the clause on another
    noun); "during the talks, where …" names no place."""
    where = where_of(tok)
    if where is None:
        return []
    before = [
        m
        for m in view.entities.at(where.sent.start_char, where.idx)
        if is_place_name(view, m) and not view.text[m.end : where.idx].strip(" ,")
    ]
    return [before[-1].canonical] if before and before[-1].canonical else []


def _named_after_comma(tok: Any) -> bool:
    """``tok`` follows a comma after the object of a locative phrase ("in the capital, X")."""
    if tok.i < 2 or tok.doc[tok.i - 1].text != ",":
        return False
    before = tok.doc[tok.i - 2]
    return before.dep_ == "pobj" and before.head.lower_ in _NESTED_LOCATIVE


def _there(tok: Any, holders: list[Any]) -> bool:
    """A locative "there" on the trigger's clause: on a holder, or on the verb an infinitive or
    a conjoined verb hangs from ("There, the two are expected to sign …")."""
    verbs = list(holders)
    current = governor(tok)
    for _ in range(4):
        if current.dep_ not in {"xcomp", "conj"} or current.head.i == current.i:
            break
        current = current.head
        verbs.append(current)
    return any(c.dep_ == "advmod" and c.lower_ == "there" for v in verbs for c in v.children)


def _there_antecedent(view: ArticleView, tok: Any) -> list[str]:
    """ "There" points back to the last place the text named before its sentence ("… talks at
    the Marrow Palace. There, the leaders signed …"), a venue as much as a city; not a place
    named later in its own sentence, which "there" cannot point back to."""
    start = tok.sent.start_char
    before = sorted(
        (m for m in view.entities.at(0, start) if is_place_name(view, m)), key=lambda m: m.start
    )
    return [before[-1].canonical] if before and before[-1].canonical else []


def dateline_place(view: ArticleView) -> str | None:
    """The dateline's place ("MOSCOW:" → Moscow), canonical when the gazetteer or the world
    tables know it; in news writing, "here" in the body means that place."""
    raw = view.article.dateline_place
    if not raw:
        return None
    name = raw.strip(" .:,").title()
    entry = view.gaz.lookup(name)
    if entry is not None:
        return entry.name
    found = load_world().lookup(name)
    return found.name if found is not None and found.kind != "region" else None


def most_specific(gaz: Gazetteer, places: list[str]) -> str | None:
    """The place contained in all the others (the first when none is)."""
    best = None
    for p in places:
        if best is None or (gaz.within(p, best) and p != best):
            best = p
    return best


def city_of_place(gaz: Gazetteer, place: str) -> str | None:
    """The city (or country) a place is in, as the gazetteers or the name itself say: a venue
    named with its city ("Busan's Gimhae International Airport", "Noi Bai Airport, Hanoi")
    is in that city."""
    found = gaz.city_of(place) or world_city(place)
    if found:
        return found
    owner = re.match(r"^(.+?)[’']s\s+\S", place)  # "Busan's Gimhae …", not a bare "Korea's"
    parts = [owner.group(1)] if owner else place.split(",")[1:]
    for part in parts:
        city = world_city(part.strip())
        if city:
            return city
    return None


def is_venue(place: str) -> bool:
    """A venue by its name's last word ("Fjord Congress Hall", "Sunan Airport")."""
    words = place.lower().split()
    return bool(words) and words[-1] in _venue_nouns()


def world_city(place: str) -> str | None:
    """``place`` itself when the world tables know it as a city or a country; ``None`` for a
    venue they cannot place (a square, a palace): a venue is not passed on to other events."""
    found = load_world().lookup(place)
    return place if found is not None and found.kind in {"city", "country"} else None
