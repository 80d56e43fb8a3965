"""Russian event mentions from written sentences: type, subtype, status, place, participants,
through the real Russian adapter (natasha parse, pymorphy3 lemmas, Russian mentions)."""

from __future__ import annotations

from corroborator.analyze import ADAPTERS
from corroborator.analyze.languages import entities_of
from corroborator.analyze.timex.analysis import DateAnalysis
from corroborator.model import Article, EventMention

RU = ADAPTERS["ru"]


def events(
    text: str, published: str | None = "2025-03-10", place: str | None = None
) -> list[EventMention]:
    article = Article(
        id="art_ru",
        text=text,
        source_path="t.txt",
        published=published,
        language="ru",
        dateline_place=place,
    )
    doc = RU.parse(text)
    entities = entities_of(RU.mentions(doc, article.id))
    dates = RU.dates(doc, article) if RU.dates else DateAnalysis(())
    assert RU.events is not None
    return RU.events(doc, article, entities, dates.timexes, published or dates.published)


def one(found: list[EventMention], type_: str) -> EventMention:
    hits = [e for e in found if e.type == type_]
    assert len(hits) == 1, [(e.type, e.trigger) for e in found]
    return hits[0]


def test_future_talks_are_planned_with_place_and_people() -> None:
    found = events("Владимир Путин проведёт переговоры с Ким Чен Ыном в Пхеньяне.")
    talks = one(found, "talks")
    assert talks.status == "planned"
    assert talks.place == "Pyongyang"
    assert {"Vladimir Putin", "Kim Jong Un"} <= set(talks.participants)


def test_planning_words_make_planned() -> None:
    for text in (
        "Ожидается, что стороны подпишут соглашение о сотрудничестве.",
        "В Москве планируется встреча министров иностранных дел.",
        "Президенту предстоит визит в Казахстан.",
        "Лидеры намерены провести переговоры в Астане.",
    ):
        found = events(text)
        assert found and all(e.status == "planned" for e in found), (text, found)


def test_past_is_reported_and_arrival_has_destination() -> None:
    found = events("Премьер-министр Индии прилетел в Москву, где состоялись переговоры.")
    arrival = one(found, "arrival")
    assert arrival.status == "reported"
    assert arrival.place == "Moscow"
    assert one(found, "talks").status == "reported"


def test_passive_signing_is_reported() -> None:
    found = events("По итогам встречи были подписаны несколько документов.")
    signing = one(found, "signing")
    assert signing.status == "reported"
    assert signing.trigger == "подписаны"


def test_present_imperfective_is_in_progress() -> None:
    found = events("В Женеве идут переговоры делегаций двух стран.")
    talks = one(found, "talks")
    assert talks.status == "in_progress"
    assert talks.place == "Geneva"


def test_cancelled_and_postponed() -> None:
    assert one(events("Визит президента в Японию отменён."), "visit").status == "cancelled"
    assert one(events("Саммит в Будапеште отложен."), "summit").status == "cancelled"
    assert one(events("Встреча министров не состоится."), "meeting").status == "cancelled"


def test_subtypes_from_modifiers() -> None:
    visit = one(events("Президент Египта посетит Россию с официальным визитом."), "visit")
    assert visit.subtype == "official"
    talks = one(events("Лидеры провели переговоры в расширенном формате."), "talks")
    assert talks.subtype == "expanded"


def test_noun_phrases_and_verb_noun_pairs() -> None:
    found = events(
        "В аэропорту прошла церемония встречи. Затем гость возложил венок к памятнику "
        "и выступил с речью."
    )
    types = {e.type for e in found}
    assert {"welcome_ceremony", "wreath_laying", "speech"} <= types
    assert "meeting" not in types  # встреча inside "церемония встречи" is the ceremony's


def test_disaster_casualties_and_generic() -> None:
    found = events("В результате наводнения в Бразилии погибли 40 человек.")
    assert one(found, "casualties").status == "reported"
    assert one(found, "disaster").subtype == "flood"
    assert not events("Такие визиты бывают редко.")


def test_meeting_verb_needs_someone_to_meet() -> None:
    found = events("Министр встретится с главой МИД Турции в Анкаре.")
    assert one(found, "meeting").status == "planned"
    assert not [e for e in events("Мы встретились взглядом.") if e.type == "meeting"]


def test_here_is_the_dateline_place() -> None:
    found = events("Президент прибыл сюда с государственным визитом.", place="ХАНОЙ")
    arrival = [e for e in found if e.type in {"arrival", "visit"}]
    assert arrival and all(e.place == "Hanoi" for e in arrival)


def test_the_date_the_event_verb_governs() -> None:
    found = events("Вчера МИД сообщил, что министр посетит Анкару 12 марта.")
    visit = one(found, "visit")
    assert (visit.date, visit.status, visit.place) == ("2025-03-12", "planned", "Ankara")


def test_an_event_named_inside_another_takes_no_date_from_it() -> None:
    found = events("Власти сообщили в среду, что число жертв землетрясения достигло 300.")
    assert one(found, "casualties").date == "2025-03-05"
    assert one(found, "disaster").date is None


def test_a_frame_keeps_no_tense_of_its_own() -> None:
    found = events("Во время визита в Китай министры подписали меморандум.")
    visit = one(found, "visit")
    assert (visit.status, visit.status_reason) == ("reported", "default")
    assert one(found, "signing").status_reason == "past tense"


def test_welcomed_at_the_airport_is_an_arrival() -> None:
    found = events("Гостя встретили в аэропорту премьер-министр и министр иностранных дел.")
    assert one(found, "arrival").status == "reported"


def test_fighters_escorting_a_plane_are_an_air_escort() -> None:
    found = events("Над границей два истребителя сопроводили самолёт премьер-министра до столицы.")
    assert one(found, "air_escort").status == "reported"
    found = events("Почётное сопровождение борта гостя продолжалось до самой посадки.")
    assert [e.type for e in found if e.type == "air_escort"] == ["air_escort"]


def test_escorting_a_person_is_no_air_escort() -> None:
    found = events("Министра сопровождали советники и переводчик.")
    assert not [e for e in found if e.type == "air_escort"]


def test_a_date_after_until_is_the_end_of_the_event() -> None:
    found = events("Стороны договорились о перемирии до 20 марта.", published="2025-03-10")
    truce = one(found, "ceasefire")
    assert (truce.date, truce.date_end) == (None, "2025-03-20")


def test_a_where_clause_happens_on_its_antecedents_day() -> None:
    found = events(
        "Последним пунктом турне станет поездка в Чили 14 апреля, где министр встретится "
        "с коллегой из Аргентины.",
        published="2025-04-01",
    )
    assert one(found, "meeting").date == "2025-04-14"


def test_a_negation_does_not_cancel_the_frame_of_its_clause() -> None:
    found = events("По итогам переговоров министры не подписали никакого меморандума.")
    assert one(found, "talks").status == "reported"
    assert one(found, "signing").status == "cancelled"


def test_leaving_a_place_is_a_departure_leaving_a_post_is_not() -> None:
    found = events("Вечером премьер-министр покинул Ташкент и направился в Алматы.")
    assert one(found, "departure").status == "reported"
    resigned = events("Министр покинул пост в прошлом месяце.")
    assert not [e for e in resigned if e.type == "departure"]


def test_an_aides_briefing_is_an_announcement() -> None:
    text = "Как сообщил на брифинге советник премьера Олег Сидоров, министры встретятся в пятницу."
    assert "announcement" in [e.type for e in events(text, "2026-03-05")]
    assert "press_statements" not in [e.type for e in events(text, "2026-03-05")]


def test_visit_protocol_and_disaster_types() -> None:
    cases = {
        "Президенты обменялись подарками после обеда.": "gift_exchange",
        "Путин встретился со студентами университета.": "meeting",
        "Лидеры обошли строй почётного караула.": "welcome_ceremony",
        "Власти объявили режим чрезвычайной ситуации в трёх провинциях.": "announcement",
        "В Мандалае рухнуло здание гостиницы.": "building_collapse",
        "Жителей прибрежных посёлков эвакуировали в субботу.": "evacuation",
        "Президент побывал на выставке в Бишкеке.": "visit",
    }
    for text, expected in cases.items():
        assert expected in {m.type for m in events(text)}, text


def test_announced_ceasefire_is_an_announcement_and_a_ceasefire() -> None:
    found = {m.type for m in events("Правительство объявило перемирие на две недели.")}
    assert {"announcement", "ceasefire"} <= found


def test_the_venue_of_an_event_noun_and_no_place_from_a_title_or_a_clause() -> None:
    # our own sentences: a place phrase under the genitive that names the event with its
    # trigger, a venue by its place noun, and neither a title's country nor a clause's place
    found = events("Торжественная церемония встречи в Мраморном зале прошла без задержек.")
    assert one(found, "welcome_ceremony").place == "Мраморный зал"
    found = events(
        "У отеля, в котором жил президент Чили, с утра собрались журналисты в ожидании его приезда."
    )
    assert one(found, "arrival").place != "Chile"


def test_arriving_with_a_visit_of_given_length_spans_it() -> None:
    # 10 March 2025 is a Monday; "с трёхдневным визитом" on the arrival's day runs three days
    found = events("Министр Ирина Сольская прибыла в Осло в понедельник с трёхдневным визитом.")
    visit = one(found, "visit")
    assert (visit.date, visit.date_end) == ("2025-03-10", "2025-03-12")


def test_the_second_day_of_a_visit_is_dated_from_its_start() -> None:
    found = events(
        "Министр Ирина Сольская прибыла в Осло в понедельник с трёхдневным визитом. "
        "Во второй день визита Сольская встретилась с премьер-министром Олафом Бреккой."
    )
    meeting = one(found, "meeting")
    assert (meeting.date, meeting.day_of_span) == ("2025-03-11", 2)
    # "визита" there frames the day, it is no visit of its own
    assert len([e for e in found if e.type == "visit"]) == 1


def test_a_visit_with_a_year_of_its_own_is_history() -> None:
    found = events("Сольская прибыла в Осло во вторник. Её визит 2019 года длился два дня.")
    past = [e for e in found if e.type == "visit" and e.date == "2019"]
    assert past and past[0].background


def test_a_meeting_in_the_course_of_a_past_visit_is_of_that_visit() -> None:
    found = events("В ходе визита 2019 года Сольская встретилась с премьер-министром Норвегии.")
    meeting = one(found, "meeting")
    assert (meeting.date, meeting.background) == ("2019", True)
    found = events("Сольская встретилась с премьер-министром Норвегии на полях саммита 2019 года.")
    meeting = one(found, "meeting")
    assert (meeting.date, meeting.background) == ("2019", True)


def test_the_end_of_a_visit_told_before_bounds_it() -> None:
    found = events(
        "Министр Ирина Сольская прибыла в Осло в понедельник с трёхдневным визитом. "
        "Визит завершится в среду."
    )
    visits = [e for e in found if e.type == "visit"]
    assert visits and all((v.date, v.date_end) == ("2025-03-10", "2025-03-12") for v in visits)
