"""Claims: whose share a percentage is, when a whole is divided among holders.

"Kosta took 46.2% of the vote", "Varga, who won 38.5% of the vote", "won the runoff with 53.1%
of the vote against 46.9% for Varga": each figure is one holder's share of the vote, and two
holders' shares are two facts. The subject names the whole and its holder ("vote share of
Adrian Kosta"), so that alignment keeps holders apart (link.claim_agreement.different_holders)
and one holder's share told by two reports aligns. The wholes (``divided_wholes``) and the
verbs whose subject holds the share (``share_verbs``) are data in claims.yaml.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from corroborator import lexicon

# the subject a held share gets: link.claim_agreement reads it back
SHARE_OF = " share of "


@cache
def _words(pack: str) -> tuple[frozenset[str], frozenset[str]]:
    data = lexicon.load(pack)
    wholes = frozenset(str(w) for w in data.get("divided_wholes", []))
    verbs = frozenset(str(w) for w in data.get("share_verbs", []))
    return wholes, verbs


def _named(reader: Any, tok: Any) -> str | None:
    """A named person or organisation, or a body's noun phrase ("the ruling party")."""
    if tok.lower_ in {"who", "that", "which"} and tok.head.dep_ == "relcl":
        tok = tok.head.head  # "Varga, who won 38.5%": the noun the clause hangs from
    if tok.pos_ == "PRON":
        return None
    name = reader._person(tok) or reader._body(tok)
    return str(name) if name else None


def _holder(reader: Any, root: Any, verbs: frozenset[str]) -> str | None:
    # "46.9% for Varga": "for" right after the figure, wherever the parser hangs it
    after = root.doc[root.i + 1] if root.i + 1 < len(root.doc) else None
    for_ = after if after is not None and after.lower_ == "for" else None
    named = next((c for c in for_.children if c.dep_ == "pobj"), None) if for_ else None
    if named is not None:
        return _named(reader, named)
    node = root
    if node.dep_ == "pobj" and node.head.lower_ == "with":  # "won with 53.1%"
        node = node.head.head
    elif node.dep_ in {"dobj", "obj"}:  # "took 46.2%"
        node = node.head
    else:
        return None
    if node.pos_ not in {"VERB", "AUX"} or node.lemma_.lower() not in verbs:
        return None
    # a dateline parsed as a second subject ("MARENSK, April 14 - President X took …"): the
    # first subject that names someone
    subjects = [c for c in node.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if not subjects and reader._subject_of(node) is not None:
        subjects = [reader._subject_of(node)]
    return next((n for n in (_named(reader, s) for s in subjects) if n), None)


def held_share(reader: Any, root: Any, whole: Any) -> str | None:
    """ "vote share of <holder>" for a percentage ``root`` of a divided whole (``whole``, the
    noun of its "of", or else one the sentence names) that a named holder holds; else None."""
    wholes, verbs = _words(reader.pack)
    if whole is None:
        whole = next((t for t in root.sent if t.lemma_.lower() in wholes), None)
    if whole is None or whole.lemma_.lower() not in wholes:
        return None
    holder = _holder(reader, root, verbs)
    if not holder:
        return None
    return f"{whole.lemma_.lower()}{SHARE_OF}{holder}"
