"""The Russian parse: natasha's analysis as a spaCy Doc the extractors can read."""

from __future__ import annotations

from corroborator.analyze.russian_doc import parse_russian

TEXT = (
    "ОМСК, 3 марта. /Вестник/.\n\nМэры двух городов  подпишут соглашение в Омске.\n"
    "Оборот порта вырос на 12% и составил 3,4 млрд рублей."
)


def test_text_and_offsets_are_the_articles() -> None:
    doc = parse_russian(TEXT)
    assert doc.text == TEXT
    for tok in doc:
        assert TEXT[tok.idx : tok.idx + len(tok.text)] == tok.text


def test_sentences_tags_lemmas_and_dependencies() -> None:
    doc = parse_russian(TEXT)
    sents = [s.text.strip() for s in doc.sents]
    assert any(s.startswith("Мэры двух городов") for s in sents)
    sign = next(t for t in doc if t.text == "подпишут")
    assert sign.lemma_ == "подписать"
    assert sign.morph.get("Tense") == ["Fut"] and sign.morph.get("Aspect") == ["Perf"]
    assert {c.dep_ for c in sign.children} >= {"nsubj", "obj"}
    city = next(t for t in doc if t.text == "Омске")
    assert city.lemma_ == "омск" and city.morph.get("Case") == ["Loc"]
    assert [c.text for c in city.children if c.dep_ == "case"] == ["в"]


def test_names_are_entities() -> None:
    doc = parse_russian(TEXT)
    assert "Омске" in {e.text for e in doc.ents if e.label_ == "LOC"}


def test_a_full_stop_glued_to_the_next_sentence_ends_it() -> None:
    """Scraped pages lose the space after a stop ("закрыли метро.Власти объявили …"): still two
    sentences, the text kept as it is; abbreviations ("г.Тверь") stay inside theirs."""
    text = "Жители г.Тверь ждали поезда.Власти закрыли вокзал.Поезда ушли."
    doc = parse_russian(text)
    assert doc.text == text
    assert [s.text for s in doc.sents] == [
        "Жители г.Тверь ждали поезда.",
        "Власти закрыли вокзал.",
        "Поезда ушли.",
    ]
