"""Russian welcome ceremonies, air escorts, seats of power and capitals as places, and the
narrative present of a day already told: written sentences through the real Russian adapter."""

from __future__ import annotations

from tests.test_russian_events import events, one


def test_guard_of_honour_review_is_the_welcome_not_a_parade() -> None:
    found = events("Премьер-министр Японии принял парад почётного караула у резиденции.")
    assert not [e for e in found if e.type == "parade"], found
    assert one(found, "welcome_ceremony").status == "reported"
    # a parade of troops is still a parade
    parade = one(events("На главной площади столицы прошёл военный парад."), "parade")
    assert parade.subtype == "military"


def test_fighters_taking_off_to_escort_are_an_air_escort() -> None:
    found = events("Перехватчики ВВС поднялись в воздух для сопровождения самолёта гостя.")
    assert one(found, "air_escort").status == "reported"
    assert one(events("Истребители взлетели для сопровождения."), "air_escort")
    # flying out for a purpose is not a departure
    found = events("Самолёты ВВС вылетели с целью сопровождения борта премьера.")
    assert one(found, "air_escort")
    assert not [e for e in found if e.type == "departure"], found
    # escorting people on the ground is no air escort
    found = events("Полицейские сопровождали колонну автобусов до границы.")
    assert not [e for e in found if e.type == "air_escort"], found


def test_seat_of_power_after_a_locative_is_the_place() -> None:
    talks = one(events("Переговоры двух президентов прошли в Кремле."), "talks")
    assert talks.place == "Kremlin"
    # a country taken for an organisation stays the country
    meeting = one(events("Встреча министров прошла в России."), "meeting")
    assert meeting.place == "Russia"


def test_announcement_placed_at_the_seat_that_speaks() -> None:
    found = events("Кремль объявил режим прекращения огня на три дня.")
    assert one(found, "announcement").place == "Moscow"
    found = events("МИД КНР сообщил, что министр посетит Россию.")
    assert one(found, "announcement").place == "Beijing"
    found = events("Президент посетит Китай в мае, уточнили в Кремле.")
    assert one(found, "announcement").place == "Kremlin"


def test_capital_named_by_its_country() -> None:
    talks = one(events("Лидеры провели переговоры в столице КНДР."), "talks")
    assert talks.place == "Pyongyang"
    meeting = one(events("Министры встретились в столице Вьетнама."), "meeting")
    assert meeting.place == "Hanoi"


_TOLD = (
    "Канцлер прилетел в Анкару в среду, 5 марта. Канцлер с президентом проходят по красной "
    "дорожке, звучат гимны, начинаются переговоры."
)


def test_narrative_present_takes_the_day_told_in_a_later_report() -> None:
    talks = one(events(_TOLD, published="2025-03-07"), "talks")
    assert talks.date == "2025-03-05"
    assert talks.status == "reported"
    assert "date of the day the report is telling" in talks.evidence


def test_present_on_the_reports_own_day_stays_under_way() -> None:
    talks = one(events(_TOLD, published="2025-03-05"), "talks")
    assert talks.status == "in_progress"


def test_a_moscow_airport_named_alone_is_the_airport_in_moscow() -> None:
    found = events(
        "Самолёт премьер-министра Индии приземлился во Внуково-2 в пятницу вечером. Затем в "
        "аэропорту состоялась церемония встречи."
    )
    assert one(found, "arrival").place == "Vnukovo International Airport"
    assert one(found, "welcome_ceremony").place == "Vnukovo International Airport"
    found = events("По прибытии в аэропорт Шереметьево гостя встретил министр иностранных дел.")
    assert one(found, "arrival").place == "Sheremetyevo International Airport"
