"""Who an event's arguments name: people, countries and organisations, people by their group,
and the speaker of a speech verb."""

from __future__ import annotations

from typing import Any

from corroborator.analyze.events.view import SUBJECTS, ArticleView

# Pronouns of one person, named before them in the article
_PERSONAL = frozenset({"he", "she"})


def has_named_speaker(view: ArticleView, tok: Any) -> bool:
    """The verb's subject names a person, body or country ("Kyiv warned …", "NATO's chief
    and U.S. officials have warned …") or an official voice ("the junta's spokesman"); a
    participle ("…, warning that …") and a conjoined verb take the subject of the verb they
    hang from."""
    return any(
        people_or_actors(view, s)
        or official_voice(view, s)
        # "he", "she": a person the article has named, as news names someone before its
        # pronoun stands for them ("…, who said he had ordered the tests"); "they" may be
        # anyone ("they warn that …")
        or s.lower_ in _PERSONAL
        or any(people_or_actors(view, c) for c in s.conjuncts)
        for s in speakers(tok)
    )


def official_voice(view: ArticleView, tok: Any) -> bool:
    """The phrase names an official body or its voice by what it is ("the junta's
    spokesman", "the military government", "the emergency ministry"), not the media."""
    phrase = [tok]
    for child in tok.children:
        if child.dep_ not in {"relcl", "acl", "prep"}:
            phrase += list(child.subtree)
    lemmas = {t.lemma_.lower() for t in phrase}
    return bool(lemmas & view.ont.announcing_speakers) and not lemmas & view.ont.media_words


def speakers(tok: Any) -> list[Any]:
    """The subjects of a verb, or of the verb a participle or a conjoined verb hangs from."""
    subjects = [c for c in tok.children if c.dep_ in SUBJECTS]
    if not subjects and tok.dep_ in {"advcl", "conj", "xcomp"}:
        subjects = [c for c in tok.head.children if c.dep_ in SUBJECTS]
    return subjects


def in_group(view: ArticleView, tok: Any) -> bool:
    """The phrase names people by their group ("students", "members of the community")."""
    head = tok
    if tok.dep_ == "prep":
        head = next((c for c in tok.children if c.dep_ == "pobj"), tok)
    heads = [head, *head.conjuncts]
    heads += [o for h in heads for c in h.children if c.lower_ == "of" for o in c.children]
    return any(h.lemma_.lower() in view.ont.counterpart_groups for h in heads)


def people_or_actors(view: ArticleView, tok: Any) -> bool:
    """The phrase headed by ``tok`` names people, a country or an organisation."""
    head = tok
    if tok.dep_ == "prep":
        objects = [c for c in tok.children if c.dep_ == "pobj"]
        if not objects:
            return False
        head = objects[0]
    names = {"PERSON", "ORG", "GPE", "NORP"}
    # the whole phrase, not only its head: "his Vietnamese counterpart To Lam" names a person
    # in an apposition and a nationality in a modifier of "counterpart"
    # (without its clauses and prepositional phrases: "a delegation from the ministry" is not
    # a counterpart named by the ministry)
    phrase = [head]
    for child in head.children:
        if child.dep_ not in {"relcl", "acl", "prep"}:
            phrase += list(child.subtree)
    start = min(t.idx for t in phrase)
    end = max(t.idx + len(t.text) for t in phrase)
    return any(m.label in names for m in view.entities.at(start, end))
