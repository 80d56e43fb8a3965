"""Event dates in kinds of reports the development clusters lack (issue 12), on reports of our
own wording with invented people: a multi-day visit told day by day, a preview whose visit
starts on a weekday, a live blog's "the night before", a next-day roundup's weekend, a
headline that restates its lead, a photo caption in the present tense, and a conjunct placed
after another event."""

from __future__ import annotations

from typing import Any

import pytest

from corroborator.analyze.nlp import load_model
from corroborator.analyze.timex import tag_text
from corroborator.config import Settings
from corroborator.ingest.metadata import read_metadata
from corroborator.model import EventMention
from tests.event_text import dated_events_in, of_type


@pytest.fixture(scope="module")
def nlp() -> Any:
    return load_model(Settings().spacy_model)


def events(nlp: Any, text: str, published: str) -> list[EventMention]:
    return dated_events_in(nlp, text, published, "art_dates_kinds")


def dates(found: list[EventMention]) -> list[tuple[str, str, str | None, str | None]]:
    return [(e.trigger, e.type, e.date, e.date_source) for e in found]


def test_the_second_day_of_a_visit_the_article_spans_is_dated_in_the_article(nlp: Any) -> None:
    # Tuesday 14 May 2024: arrived Sunday 12 for three days, so the second day is Monday 13;
    # "earlier in the day" follows that day, not the arrival's
    text = (
        "NAIROBI - President Aldo Veran of Chile arrived in Nairobi on Sunday for a three-day "
        "state visit, his first to Kenya.\n"
        "On the second day of his visit, Veran met Kenya's president and the two sides signed "
        "six cooperation agreements.\n"
        "Earlier in the day, Veran laid a wreath at the Founders' Monument."
    )
    found = events(nlp, text, "2024-05-14")
    meeting = of_type(found, "meeting")
    assert meeting and meeting[0].date == "2024-05-13", dates(found)
    assert meeting[0].date_source == "day_of_span"
    wreath = of_type(found, "wreath_laying")
    assert wreath and wreath[0].date == "2024-05-13", dates(found)


def test_a_visit_starting_on_a_weekday_in_a_preview_looks_forward(nlp: Any) -> None:
    # Thursday 3 July 2025: "starting Monday" under "will hold" is Monday 7 July
    text = (
        "Ahead of her visit starting Monday, the Brazilian foreign minister will hold talks "
        "in Addis Ababa."
    )
    monday = [t for t in tag_text(text, anchor="2025-07-03").timexes if t.text == "Monday"]
    assert monday and monday[0].value == "2025-07-07", monday


def test_the_night_before_is_the_day_before_the_passages_day(nlp: Any) -> None:
    # a live blog of Wednesday 3 September 2025
    text = (
        "11:15 - Prime Minister Omar Selim arrived in Jakarta this morning, the ministry said.\n"
        "Selim met Indonesia's president the night before, officials said."
    )
    meeting = of_type(events(nlp, text, "2025-09-03"), "meeting")
    assert meeting and meeting[0].date == "2025-09-02", dates(meeting)
    # "the day before the summit" counts from the summit, which is no date
    found = tag_text("They met the day before the summit.", anchor="2025-09-03").timexes
    assert not any(t.text.startswith("the day before") for t in found), found


def test_over_the_weekend_is_its_saturday_and_sunday(nlp: Any) -> None:
    # a Tuesday paper, 4 February 2025
    text = "Over the weekend, the government declared a state of emergency in the capital."
    found = [e for e in events(nlp, text, "2025-02-04") if e.date]
    assert found and (found[0].date, found[0].date_end) == ("2025-02-01", "2025-02-02"), dates(
        found
    )


def test_a_headline_event_takes_the_day_its_lead_gives(nlp: Any) -> None:
    # Tuesday 17 March 2026; the informal talks of the Monday dinner are another event
    text = (
        "PM Karan holds talks with Egyptian president, signs five pacts\n"
        "Cairo, March 17 (PTI) Prime Minister Devesh Karan, who is on a two-day visit to "
        "Egypt, held wide-ranging talks with President Sami Adel on Tuesday.\n"
        "Adel hosted a private dinner for Karan at his residence on Monday, where the two "
        "leaders held informal talks."
    )
    talks = of_type(events(nlp, text, "2026-03-17"), "talks")
    headline = [t for t in talks if t.start == 0]
    assert headline and headline[0].date == "2026-03-17", dates(talks)
    assert headline[0].date_source == "headline"


def test_a_photo_captions_present_tense_looks_back(nlp: Any) -> None:
    # Saturday 12 July 2025: the picture was taken on Wednesday 9 July
    text = (
        "NAIROBI - The two presidents signed a trade agreement in Nairobi on Friday.\n"
        "Photo: Lomba arrives at Jomo Kenyatta airport on Wednesday. (Reuters)\n"
        "Lomba arrives at the port on Wednesday."
    )
    found = tag_text(text, anchor="2025-07-12").timexes
    wednesdays = [t.value for t in found if t.text == "Wednesday"]
    # the caption's is past; the body's present tense is still a schedule
    assert wednesdays == ["2025-07-09", "2025-07-16"], found


def test_a_conjunct_after_another_event_keeps_off_the_first_verbs_day(nlp: Any) -> None:
    # Tuesday 8 September 2026: he arrived on Monday night, left after Tuesday's talks
    text = (
        "ULAANBAATAR, Sept 8 - President Oleg Varin held talks with the Mongolian president in "
        "Ulaanbaatar on Tuesday.\n"
        "He arrived on Monday night and left the country after the talks."
    )
    found = events(nlp, text, "2026-09-08")
    arrival = of_type(found, "arrival")
    assert arrival and arrival[0].date == "2026-09-07", dates(found)
    departure = of_type(found, "departure")
    assert departure, dates(found)
    # it follows the talks it names, not the arrival told before it
    assert departure[0].date == "2026-09-08", dates(found)


def test_a_utc_stamp_is_read_on_the_clock_of_the_dateline(nlp: Any) -> None:
    # 22:40 UTC on Monday 10 March 2025 is Tuesday morning in Tokyo, where the report was
    # filed: its "on Tuesday" is that day, not the Tuesday before
    text = "TOKYO (Wire) - Prime Minister Lena Harrow held talks in Tokyo on Tuesday."
    meta = read_metadata(text, meta_published="2025-03-10T22:40:00Z")
    assert meta.published == "2025-03-11", meta
    talks = of_type(events(nlp, text, meta.published), "talks")
    assert talks and talks[0].date == "2025-03-11", dates(talks)
    # 05:30 UTC on 19 November is the evening before in Los Angeles
    late = read_metadata("LOS ANGELES - She spoke tonight.", meta_published="2025-11-19T05:30Z")
    assert late.published == "2025-11-18", late
    # a stamp with its own offset in the dateline's zone, or a date alone, stays as written
    own = read_metadata("TOKYO - x.", meta_published="2025-03-11T09:15:00+09:00")
    assert own.published == "2025-03-11"
    assert read_metadata("TOKYO - x.", meta_published="2025-03-11").published == "2025-03-11"


def test_a_dateline_a_day_from_the_feeds_date_gives_the_writers_day() -> None:
    text = "TOKYO, March 11 (Wire) - The prime minister held talks on Tuesday."
    assert read_metadata(text, meta_published="2025-03-10").published == "2025-03-11"
    across = "TOKYO, Jan 1 (Wire) - The prime minister spoke."
    assert read_metadata(across, meta_published="2024-12-31").published == "2025-01-01"
    # four days apart: the dateline is left from another version, the feed's date stays
    far = "TOKYO, March 14 (Wire) - The prime minister spoke."
    assert read_metadata(far, meta_published="2025-03-10").published == "2025-03-10"


def test_a_day_after_counts_back_from_the_clauses_day(nlp: Any) -> None:
    # Friday 19 June 2026 roundup: arrived Tuesday 16, a day after the talks (Monday 15)
    text = (
        "Prime Minister Devesh Karan arrived in Vienna on Tuesday, a day after holding talks "
        "with the Norwegian prime minister in Oslo.\n"
        "The leaders met on Friday, a week after the summit."
    )
    found = events(nlp, text, "2026-06-19")
    talks = of_type(found, "talks")
    assert talks and talks[0].date == "2026-06-15", dates(found)
    summit = of_type(found, "summit")
    assert summit and summit[0].date == "2026-06-12", dates(found)


def test_a_sentence_opening_on_last_week_leaves_the_passages_day(nlp: Any) -> None:
    text = (
        "Over the weekend, the government declared a state of emergency in the capital.\n"
        "Last week, the president visited the area."
    )
    visit = of_type(events(nlp, text, "2025-02-04"), "visit")
    assert visit and visit[0].date is None, dates(visit)


def test_a_credit_marks_only_its_own_sentence_as_a_caption(nlp: Any) -> None:
    # Tuesday 3 March 2026: a one-line article ending on a credit keeps its schedule; only
    # the sentence the credit closes looks back
    text = (
        "The regional forum opens in Velmora on Monday, its hosts said. Delegates pose outside "
        "the hall on Monday. (AP Photo/Ina Roskova)"
    )
    mondays = [t.value for t in tag_text(text, anchor="2026-03-03").timexes if t.text == "Monday"]
    assert mondays == ["2026-03-09", "2026-03-02"], mondays


def test_prose_opening_on_a_label_word_is_no_caption(nlp: Any) -> None:
    # Tuesday 3 March 2026: "Image-" and "Picture-" open words of prose, not labels
    for opening in ("Image-conscious", "Picture-perfect"):
        text = f"{opening} ministers of Corvia open the trade fair on Monday."
        mondays = [t.value for t in tag_text(text, anchor="2026-03-03").timexes]
        assert mondays == ["2026-03-09"], (opening, mondays)
    # nor is a long line that opens on a label with a colon
    long_line = (
        "Photo: Ministers of Corvia met at the hall and talked at length about the fair, the "
        "weather, the roads, the ports and the prices of grain, and they open the fair in the "
        "city on Monday."
    )
    found = [t.value for t in tag_text(long_line, anchor="2026-03-03").timexes]
    assert found == ["2026-03-09"], found


def test_a_city_name_shared_across_zones_does_not_move_the_day() -> None:
    # 23:30 UTC on 10 March 2025 is the 11th in Spain's Valencia but the 10th in Venezuela's,
    # and the 10th in California's San Jose but the 11th in the Philippines': no day follows
    for place in ("VALENCIA", "SAN JOSE"):
        meta = read_metadata(
            f"{place} (Wire) - The fair opened.", meta_published="2025-03-10T23:30:00Z"
        )
        assert meta.published == "2025-03-10", (place, meta)
    # a city of one clock still moves it
    cairo = read_metadata("CAIRO (Wire) - The fair opened.", meta_published="2025-03-10T23:30:00Z")
    assert cairo.published == "2025-03-11", cairo


def test_a_day_moved_by_the_writers_clock_is_not_moved_again_by_the_dateline() -> None:
    # 22:40 UTC on 10 March is the 11th in Tokyo; the dateline's "March 12" is a day after the
    # moved day but two after the metadata's, so it tells something else and the 11th stays
    meta = read_metadata(
        "TOKYO, March 12 (Wire) - The fair opened.", meta_published="2025-03-10T22:40:00Z"
    )
    assert meta.published == "2025-03-11", meta
