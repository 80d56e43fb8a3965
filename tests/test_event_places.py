"""Where events happen: "here" is the dateline's place, and a venue the gazetteers cannot
place in a city is not passed on to the events that follow. Texts are our own."""

from __future__ import annotations

from typing import Any

import pytest

from corroborator.analyze.nlp import load_model
from corroborator.config import Settings
from corroborator.model import EventMention
from tests.event_text import events_in


@pytest.fixture(scope="module")
def nlp() -> Any:
    return load_model(Settings().spacy_model)


def _events(nlp: Any, text: str, dateline: str | None) -> list[EventMention]:
    return events_in(nlp, text, "2031-05-08", dateline=dateline, ident="art_places")


TEXT = (
    "HANOI: The Chilean president arrived here on Wednesday for a three-day state visit and "
    "will watch a naval parade at Ba Dinh Square on Friday.\n"
    "After long talks, the two presidents signed a trade agreement."
)


def test_here_is_the_dateline_place(nlp: Any) -> None:
    [arrival] = [m for m in _events(nlp, TEXT, "HANOI") if m.type == "arrival"]
    assert arrival.place == "Hanoi"


def test_a_venue_is_not_passed_on_to_later_events(nlp: Any) -> None:
    found = _events(nlp, TEXT, "HANOI")
    later = [m for m in found if m.type in {"talks", "signing"}]
    assert later and all(m.place != "Ba Dinh Square" for m in later)


def test_without_a_dateline_here_places_nothing(nlp: Any) -> None:
    [arrival] = [m for m in _events(nlp, TEXT.replace("HANOI: ", ""), None) if m.type == "arrival"]
    assert arrival.place != "Hanoi"  # the text names Hanoi nowhere else


def _place_of(nlp: Any, text: str, kind: str, dateline: str | None = None) -> str | None:
    [mention] = [m for m in _events(nlp, text, dateline) if m.type == kind and not m.background]
    return mention.place


def test_a_phrase_that_leads_away_names_no_place(nlp: Any) -> None:
    # "in the dispute with Peru" is not where the ceremony is
    text = "The ceremony is taking place at a delicate moment in the dispute with Peru."
    assert _place_of(nlp, text, "ceremony") is None


def test_a_relative_clause_on_the_subject_places_nothing(nlp: Any) -> None:
    text = (
        "Lopez, whose government is caught in a quarrel with Canada, is expected to sign "
        "several accords."
    )
    assert _place_of(nlp, text, "signing") != "Canada"


def test_an_airport_tagged_as_an_organisation_is_a_venue(nlp: Any) -> None:
    text = "The two presidents held talks at Jorge Chavez International Airport on Tuesday."
    place = _place_of(nlp, text, "talks")
    assert place is not None and place.endswith("Airport")


def test_a_planned_trip_does_not_place_what_was_done(nlp: Any) -> None:
    text = (
        "He plans to visit Brazil in May. "
        "The summit opened at the Hilton hotel in Santiago and lasted two hours. "
        "After the summit, Lopez said the talks had gone well."
    )
    found = [m for m in _events(nlp, text, None) if m.status == "reported"]
    assert found and all(m.place != "Brazil" for m in found)


def test_an_announcement_is_placed_where_the_body_sits(nlp: Any) -> None:
    text = (
        "Chile will lift its duties on copper wire, according to the Chinese trade ministry.\n"
        "The Peruvian president will visit Oslo next month, the Kremlin said."
    )
    found = [m for m in _events(nlp, text, None) if m.type == "announcement"]
    assert [m.place for m in found] == ["Beijing", "Moscow"], [(m.trigger, m.place) for m in found]


def test_the_seat_is_not_passed_to_what_it_tells(nlp: Any) -> None:
    text = "The two presidents will hold talks in the spring, the Kremlin said."
    [talks] = [m for m in _events(nlp, text, None) if m.type == "talks"]
    assert talks.place != "Moscow"


def test_the_objects_locative_phrase_places_the_act(nlp: Any) -> None:
    text = "On Tuesday, the Chilean president addressed the parliament in Oslo."
    [speech] = [m for m in _events(nlp, text, None) if m.type == "speech"]
    assert speech.place == "Oslo"


def test_words_said_on_a_craft_are_said_there(nlp: Any) -> None:
    text = "The president told journalists on Air Force One that tariffs would fall soon."
    [said] = [m for m in _events(nlp, text, None) if m.type == "statement"]
    assert said.place == "Air Force One"


def test_there_points_back_to_the_last_place_named(nlp: Any) -> None:
    text = (
        "The two presidents held talks at the Fjord Congress Hall on Tuesday.\n"
        "There, the two leaders are expected to sign a gas agreement."
    )
    [signing] = [m for m in _events(nlp, text, None) if m.type == "signing"]
    assert signing.place == "Fjord Congress Hall"


def test_a_venue_the_tables_cannot_place_keeps_the_story_in_its_city(nlp: Any) -> None:
    text = (
        "The leaders of twelve countries will meet in Oslo next week for a summit.\n"
        "The summit will be held at the Fjord Congress Hall.\n"
        "Prime Minister Aron Vell is due to arrive on Monday and hold talks with his Danish "
        "counterpart."
    )
    found = _events(nlp, text, None)
    assert {m.place for m in found if m.type in {"arrival", "talks"}} == {"Oslo"}


def test_the_place_of_the_counterpart_met_with(nlp: Any) -> None:
    # the parser hangs "in Nairobi" on the president met, not on "met"
    text = "Before flying home, the minister met with Kenyan President William Otieno in Nairobi."
    assert _place_of(nlp, text, "meeting") == "Nairobi"
    text = "The prime minister met with Norwegian leader Jonas Berg in Oslo on Monday."
    assert _place_of(nlp, text, "meeting") == "Oslo"


def test_a_place_named_as_the_venue_of_the_event(nlp: Any) -> None:
    text = (
        "The two presidents met for ninety minutes in Osaka, a port city some 40 kilometres "
        "from Kyoto, the main venue of the regional summit."
    )
    found = _events(nlp, text, None)
    assert [m.place for m in found if m.type == "summit"] == ["Kyoto"]
    # the venue is the summit's alone, not passed on to the meeting
    assert all(m.place != "Kyoto" for m in found if m.type == "meeting")


def test_the_country_named_again(nlp: Any) -> None:
    text = (
        "The earthquake, which struck Peru on Friday, killed 40 people.\n"
        "A powerful storm struck the Andean country on Saturday, officials said.\n"
        "Doctors from Chile arrived in the South American nation on Sunday."
    )
    found = _events(nlp, text, None)
    assert [m.place for m in found if m.type == "disaster"] == ["Peru", "Peru"]
    assert [m.place for m in found if m.type == "arrival"] == ["Peru"]


def test_the_capital_named_after_a_comma(nlp: Any) -> None:
    # the parser hangs the name on the verb, the model tags it an organisation
    text = "A cargo plane with tents, blankets and medicine arrived in the capital, Naypyidaw."
    assert _place_of(nlp, text, "arrival") == "Naypyidaw"


def test_aid_concerns_the_stricken_country(nlp: Any) -> None:
    text = "After the floods, a plane with aid from Japan landed in Lima on Sunday."
    [aid] = [m for m in _events(nlp, text, None) if m.type == "aid"]
    assert aid.place == "Peru"


def test_a_trip_named_by_where_it_goes(nlp: Any) -> None:
    text = "The summit ended the Chilean president's week-long Asia tour."
    found = _events(nlp, text, None)
    assert [m.place for m in found if m.type == "visit"] == ["Asia"]
    # the tour's region is not where the summit was
    assert all(m.place != "Asia" for m in found if m.type == "summit")


def test_an_event_before_the_arrival_is_not_at_its_place(nlp: Any) -> None:
    text = (
        "The Chilean president arrived in Lima on Thursday for a state visit.\n"
        "On Wednesday she and the Bolivian leader signed a border treaty."
    )
    found = events_in(nlp, text, "2031-04-18", ident="art_places")
    [signing] = [m for m in found if m.type == "signing"]
    assert signing.date == "2031-04-16" and signing.place != "Lima"


def test_an_event_named_by_its_city(nlp: Any) -> None:
    assert _place_of(nlp, "The Oslo summit was put off until the autumn.", "summit") == "Oslo"
    # a country before talks names a party, not where they are held
    text = "The Chile-Peru talks ended on Monday."
    assert _place_of(nlp, text, "talks") is None


def test_an_event_that_times_the_clause_does_not_move_the_story(nlp: Any) -> None:
    text = (
        "A hotel collapsed in Lima following an earthquake in Arequipa.\n"
        "Rescue operations went on through the night."
    )
    found = _events(nlp, text, None)
    assert [m.place for m in found if m.type == "rescue"] == ["Lima"]


def test_the_two_countries_name_no_one_country(nlp: Any) -> None:
    text = (
        "Chile and Peru signed a fishing pact last year.\n"
        "A strong storm struck the two countries on Monday."
    )
    found = _events(nlp, text, None)
    assert [m.place for m in found if m.type == "disaster"] == [None]


def test_a_capital_that_takes_a_position_speaks_from_its_seat(nlp: Any) -> None:
    found = _events(nlp, "Canberra has warned that the deal could hurt regional stability.", None)
    [statement] = [m for m in found if m.type == "statement"]
    assert statement.place == "Canberra"


def test_a_participle_clause_speaks_with_its_heads_subject(nlp: Any) -> None:
    text = "Quito rejected the plan, urging both sides to lay down their arms."
    [statement] = [m for m in _events(nlp, text, None) if m.type == "statement"]
    assert statement.place == "Quito"


def test_a_place_inside_what_is_said_does_not_place_the_saying(nlp: Any) -> None:
    # the content of the warning is about the capital; the warning is made in Lima
    text = "Lima dismissed the offer, warning that no foreign guest would be safe in Santiago."
    [statement] = [m for m in _events(nlp, text, None) if m.type == "statement"]
    assert statement.place == "Lima"


VISIT_THEN_CITY = (
    "The Chilean president began his state visit to Norway on Monday. While in Oslo, he will "
    "hold talks with the Norwegian prime minister. The two leaders signed a fisheries "
    "agreement and made statements for the press."
)


def test_a_city_to_come_inside_the_country_places_what_is_done(nlp: Any) -> None:
    found = _events(nlp, VISIT_THEN_CITY, None)
    done = [m for m in found if m.type in {"signing", "press_statements"}]
    assert done and all(m.place == "Oslo" for m in done), done


def test_a_trip_to_come_elsewhere_does_not_place_what_is_done(nlp: Any) -> None:
    text = (
        "The Chilean president began his state visit to Norway on Monday. On Friday he will fly "
        "to Sweden for talks in Stockholm. The two leaders signed a fisheries agreement on Monday."
    )
    [signing] = [m for m in _events(nlp, text, None) if m.type == "signing"]
    assert signing.place == "Norway"
