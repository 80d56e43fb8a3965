"""Russian reported speech that is an announcement: an official body or its voice telling what
is still to come ("МИД сообщил, что министр посетит …", "Переговоры состоятся в среду, уточнили
в Кремле", "Саммит пройдёт в Лиме, сообщил представитель министерства"), as English
:mod:`.speech` reads "her office said the premier will travel …". The media that relay the
words ("телеканал сообщил", "агентство передаёт") announce nothing; nor does a speaker the text
does not name ("сообщается, что …")."""

from __future__ import annotations

from typing import Any

from corroborator.analyze.events.russian_pack import SUBJECTS_RU, RussianPack, lemma
from corroborator.analyze.events.view import ArticleView, Trigger

# clauses a speech verb reports: its complement ("сообщил, что …") or, for a parenthetical
# "…, сообщил МИД", the clause it hangs from
_REPORTED = frozenset({"ccomp", "parataxis"})
# "уточнили в Кремле", "сообщили в министерстве": the body as a place the words come from
_FROM_BODY = frozenset({"в", "во"})


def announcement(view: ArticleView, pack: RussianPack, tok: Any) -> Trigger | None:
    """The announcement a Russian speech verb makes, if any."""
    if tok.pos_ != "VERB" or lemma(tok) not in pack.speech_verbs:
        return None
    if tok.dep_ in {"acl", "amod", "acl:relcl"}:
        return None  # "сообщённые данные" describes a thing
    voices = [c for c in tok.children if c.dep_ in SUBJECTS_RU]
    # impersonal plural "уточнили в Кремле": the body is where the words come from
    voices += [
        c
        for c in tok.children
        if c.dep_ == "obl" and {lemma(g) for g in c.children if g.dep_ == "case"} & _FROM_BODY
    ]
    if not any(_official(view, pack, v) for v in voices):
        return None
    clauses = [c for c in tok.children if c.dep_ in _REPORTED]
    if tok.dep_ in _REPORTED and tok.head.i != tok.i:
        clauses.append(tok.head)
    clauses += [c for cl in clauses for c in cl.children if c.dep_ == "conj"]
    if any(_still_to_come(pack, v) for v in clauses if v.i != tok.i):
        return Trigger(tok, "announcement", [tok])
    return None


def _official(view: ArticleView, pack: RussianPack, tok: Any) -> bool:
    """The phrase names an official body or its voice ("МИД КНР", "пресс-секретарь Кремля",
    "власти Таиланда", a country), not the media relaying it."""
    words = {lemma(t) for t in tok.subtree}
    if words & pack.media_words:
        return False
    if words & pack.announcing_speakers:
        return True
    # a seat of power named for its government («Белый дом уточнил», as «Кремль»), whatever
    # label the model gives it: a name the gazetteer gives a country
    seat = any(
        m.start <= tok.idx < m.end and m.label != "PERSON" and m.canonical in view.gaz.countries
        for m in view.mentions_in(tok)
    )
    return seat or view.label_at(tok) == "GPE"


def _still_to_come(pack: RussianPack, verb: Any) -> bool:
    """The reported clause tells the future: a future verb ("посетит", "состоятся", "будет
    подписан") or a planning word ("планирует", "намерен", "ожидается")."""
    if verb.pos_ not in {"VERB", "AUX", "ADJ", "NOUN"}:
        return False
    chain = [verb, *(c for c in verb.children if c.dep_ in {"aux", "aux:pass", "cop", "xcomp"})]
    for word in chain:
        if lemma(word) in pack.planned_verbs:
            return True
        tense = word.morph.get("Tense")
        if tense and tense[0] == "Fut":
            return True
        if lemma(word) == "быть" and tense and tense[0] == "Pres" and word.lower_ != "есть":
            return True  # "будет подписан": быть's non-past is the future
    return False
