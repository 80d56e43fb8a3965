"""How news tells the events of visits, summits, diplomacy, disasters and aid beyond the words
the development texts happen to use: synonyms, light verbs, passives and nominalisations, each
with the sense check that keeps the same words from being events where they are not. Leaders,
cities and figures are invented; sentences are our own wording."""

from __future__ import annotations

from typing import Any

import pytest

from corroborator.analyze.nlp import load_model
from corroborator.config import Settings
from corroborator.model import EventMention
from tests.event_text import events_in

DAY = "2031-03-10"  # a Monday


@pytest.fixture(scope="module")
def nlp() -> Any:
    return load_model(Settings().spacy_model)


def _types(nlp: Any, text: str) -> set[str]:
    return {m.type for m in events_in(nlp, text, DAY, ident="art_news")}


def _one(nlp: Any, text: str, kind: str) -> EventMention:
    hits = [m for m in events_in(nlp, text, DAY, ident="art_news") if m.type == kind]
    assert len(hits) == 1, [(m.type, m.trigger) for m in hits]
    return hits[0]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # arrivals: a phrasal verb, a place reached by someone, greeted at the airport
        ("Helen Marsh touched down at Santiago airport late on Tuesday.", "arrival"),
        ("Peter Holm reached Hanoi late on Monday.", "arrival"),
        ("Helen Marsh was greeted at the airport by Foreign Minister Ana Ortiz.", "arrival"),
        ("Helen Marsh was greeted on the tarmac by Foreign Minister Ana Ortiz.", "arrival"),
        # the protocol welcome told by what it holds
        ("Helen Marsh was given a 21-gun salute at the palace on Wednesday.", "welcome_ceremony"),
        (
            "President Carlos Ruiz welcomed Helen Marsh with full military honours on Wednesday.",
            "welcome_ceremony",
        ),
        # homage at a memorial is the wreath-laying of protocol
        (
            "Helen Marsh paid tribute to the fallen soldiers at a memorial on Wednesday.",
            "wreath_laying",
        ),
        ("Helen Marsh paid her respects at the national mausoleum on Wednesday.", "wreath_laying"),
        # talks and meetings told by other verbs
        ("Helen Marsh conferred with Carlos Ruiz at the palace on Wednesday.", "talks"),
        ("The two presidents sat down with their delegations on Wednesday.", "talks"),
        ("The two leaders held a tete-a-tete on Wednesday.", "talks"),
        ("Carlos Ruiz received Helen Marsh at the palace on Wednesday.", "meeting"),
        ("Helen Marsh was received by King Harald at the royal palace on Wednesday.", "meeting"),
        ("Carlos Ruiz hosted Helen Marsh at his residence on Wednesday.", "meeting"),
        ("Helen Marsh hugged Carlos Ruiz at the airport on Tuesday.", "meeting"),
        ("Helen Marsh strolled with Carlos Ruiz through the palace gardens.", "meeting"),
        ("Helen Marsh planted a tree in the embassy garden on Tuesday.", "ceremony"),
        ("Helen Marsh unveiled a plaque at the new cultural centre on Tuesday.", "ceremony"),
        # agreements
        ("Negotiators initialled the agreement on Wednesday.", "signing"),
        ("The two countries struck a deal on lithium on Wednesday.", "signing"),
        # the press, speeches, meals, calls
        ("The leaders gave a joint press availability on Wednesday.", "press_statements"),
        ("Helen Marsh addressed the Senate on Thursday.", "speech"),
        ("Helen Marsh spoke at the university on Thursday.", "speech"),
        ("Helen Marsh spoke at the opening of the trade fair on Thursday.", "speech"),
        ("After the talks Helen Marsh headed home on Thursday.", "departure"),
        ("The two leaders dined together on Wednesday.", "reception"),
        ("Helen Marsh and Carlos Ruiz spoke by phone on Monday.", "phone_call"),
        ("Helen Marsh called Carlos Ruiz on Monday to congratulate him.", "phone_call"),
        ("Helen Marsh held a call with Carlos Ruiz on Monday.", "phone_call"),
        ("The two leaders held a video call on Monday.", "phone_call"),
        ("Helen Marsh took part in a summit meeting in Quito on Monday.", "summit"),
        ("Helen Marsh was decorated with the country's highest honour.", "award"),
        ("Carlos Ruiz was sworn in for a second term on Monday.", "ceremony"),
        ("Helen Marsh cut the ribbon at a new hospital on Thursday.", "opening"),
        ("The king made a stopover in Dakar on his way to Brazil on Monday.", "visit"),
        # protocol items of their own
        (
            "Fighter jets escorted the president's plane after it entered the country's airspace.",
            "air_escort",
        ),
        ("Carlos Ruiz and Helen Marsh rode together in the presidential limousine.", "car_ride"),
        ("Helen Marsh penned an op-ed for a Chilean daily ahead of the visit.", "op_ed"),
    ],
)
def test_diplomatic_events_told_many_ways(nlp: Any, text: str, kind: str) -> None:
    assert kind in _types(nlp, text)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("A strong aftershock shook the coast on Saturday.", "disaster"),
        ("Torrential rains triggered mudslides in the hills on Friday.", "disaster"),
        ("A strong earthquake struck northern Peru on Friday, killing 300 people.", "casualties"),
        ("The quake claimed at least 300 lives on Friday.", "casualties"),
        ("The quake left at least 300 people dead on Friday.", "casualties"),
        ("The search for survivors entered its third day on Sunday.", "rescue"),
        ("Rescue teams searched the rubble for survivors on Sunday.", "rescue"),
        ("Rescuers pulled two children from the rubble of a school on Sunday.", "rescue"),
        ("Chile dispatched a team of 90 rescuers to Peru on Saturday.", "aid"),
        ("Brazil airlifted 40 tonnes of medical supplies on Saturday.", "aid"),
        ("Japan donated $3 million to the relief effort on Saturday.", "aid"),
        ("The government appealed for international help on Saturday.", "announcement"),
        ("Thousands fled their homes on Friday.", "evacuation"),
        ("Flights were halted across the country on Friday.", "transport_suspension"),
        ("Drone strikes forced airport closures on Wednesday.", "transport_suspension"),
    ],
)
def test_disaster_and_aid_events_told_many_ways(nlp: Any, text: str, kind: str) -> None:
    assert kind in _types(nlp, text)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # "receive" and "host" meet people, not things or events
        ("The hospital received hundreds of injured people on Friday.", "meeting"),
        ("The government received a loan from the bank on Friday.", "meeting"),
        ("Vietnam hosted the summit in 2017.", "meeting"),
        ("The shelter received 200 survivors on Friday.", "meeting"),
        ("The camp hosted families from the flooded villages.", "meeting"),
        # the event a participle describes is its noun's: "a dinner hosted by the president"
        ("Helen Marsh spoke at a dinner hosted by Carlos Ruiz on Tuesday.", "meeting"),
        # calling names, calling for, calling on, calling off
        ("Critics called the deal a betrayal.", "phone_call"),
        ("He called for calm on Monday.", "phone_call"),
        ("The minister issued a call for calm on Monday.", "phone_call"),
        ("The union called off the strike on Monday.", "phone_call"),
        # landing and reaching with no traveller or no place
        ("The team landed a big contract.", "arrival"),
        ("Trade reached $5 billion last year.", "arrival"),
        ("The typhoon reached the coast of Luzon on Friday.", "arrival"),
        # a phrasal verb is another verb
        ("The firm signed up new customers.", "signing"),
        ("Helen Marsh signed the book of honour at the palace on Tuesday.", "signing"),
        ("The party embraced the new policy on Tuesday.", "meeting"),
        ("The government unveiled a plan to rebuild the city on Tuesday.", "ceremony"),
        # tribute in words, salutes at a parade, a tone struck
        ("Helen Marsh paid tribute to her predecessor in a speech.", "wreath_laying"),
        ("Gun salutes echoed across the square as the parade began.", "welcome_ceremony"),
        ("He struck a conciliatory tone on Monday.", "signing"),
        ("The team sat down to lunch on Monday.", "talks"),
        ("The police escorted the suspect to the court on Monday.", "air_escort"),
        ("This article was originally published by a radio station.", "op_ed"),
        ("The shop closed its doors on Monday.", "transport_suspension"),
        ("The price of oil was reduced to $60 on Friday.", "building_collapse"),
        ("The earthquake left thousands homeless.", "casualties"),
        ("The storm left the city on Friday.", "departure"),
    ],
)
def test_the_same_words_where_they_are_no_such_event(nlp: Any, text: str, kind: str) -> None:
    assert kind not in _types(nlp, text)


def test_a_suspension_that_happened_is_reported_not_cancelled(nlp: Any) -> None:
    suspension = _one(nlp, "Flights to Lima were suspended on Friday.", "transport_suspension")
    assert (suspension.status, suspension.date) == ("reported", "2031-03-07")
    # talks suspended are still talks called off
    assert _one(nlp, "The talks were suspended on Friday.", "talks").status == "cancelled"


def test_an_inauguration_by_swearing_in_is_typed_and_dated(nlp: Any) -> None:
    sworn = _one(nlp, "Carlos Ruiz was sworn in for a second term on Monday.", "ceremony")
    assert (sworn.subtype, sworn.date) == ("inauguration", DAY)


def test_what_follows_a_going_keeps_its_place_to_itself(nlp: Any) -> None:
    found = events_in(
        nlp,
        "Arjun Rao was awarded a medal in Vienna on Tuesday. Rao, who held talks on Tuesday, "
        "then flew to Prague, where he was received by the Czech president.",
        DAY,
        ident="art_news",
    )
    meeting = next(m for m in found if m.type == "meeting")
    talks = next(m for m in found if m.type == "talks")
    assert meeting.place == "Prague"
    assert talks.place != "Prague"


def test_an_event_in_a_since_clause_is_history(nlp: Any) -> None:
    found = events_in(
        nlp,
        "QUITO - The two presidents shook hands here on Monday for their first meeting since "
        "Carlos Ruiz was sworn in as president again earlier this year.",
        DAY,
        ident="art_news",
        dateline="Quito",
    )
    sworn = next(m for m in found if m.type == "ceremony")
    assert sworn.background
    assert not next(m for m in found if m.type == "meeting").background
