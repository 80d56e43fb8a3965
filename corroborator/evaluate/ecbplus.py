"""ECB+ 1.0 reader (../shared/datasets/ecbplus): documents, action mentions, coreference chains.

Only the sentences listed in ``ECBplus_coreference_sentences.csv`` are fully annotated; the
usual practice, followed here, is to evaluate on those alone. Document text is rebuilt from
the tokens (joined by spaces, sentences by newlines) with each token's character offsets.
"""

from __future__ import annotations

import csv
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

# Cybulska & Vossen (2015): the test topics.
TEST_TOPICS = tuple(range(36, 46))


@dataclass(frozen=True)
class EcbMention:
    """An annotated mention: its markable type, tokens, text and coreference chain."""

    doc: str
    m_id: str
    kind: str  # ACTION_OCCURRENCE, ACTION_REPORTING, …, HUMAN_PART_PER, LOC_GEO, TIME_DATE, …
    sentence: int
    start: int  # character offsets into EcbDoc.text
    end: int
    text: str
    chain: str  # cross-document instance id, a within-document chain id, or a singleton id

    @property
    def is_action(self) -> bool:
        """An event mention (ACTION_* or NEG_ACTION_*)."""
        return "ACTION" in self.kind


@dataclass
class EcbDoc:
    """One ECB+ document restricted to its annotated sentences."""

    name: str  # e.g. "36_1ecb"
    topic: int
    subtopic: str  # "36_ecb" or "36_ecbplus": the two real events of a topic
    text: str = ""
    sentences: list[tuple[int, int, int]] = field(default_factory=list)  # (number, start, end)
    mentions: list[EcbMention] = field(default_factory=list)


def _annotated(root: Path) -> dict[str, set[int]]:
    out: dict[str, set[int]] = {}
    with (root / "ECBplus_coreference_sentences.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            out.setdefault(f"{row['Topic']}_{row['File']}", set()).add(int(row["Sentence Number"]))
    return out


def load_ecbplus(root: Path, topics: tuple[int, ...] = TEST_TOPICS) -> list[EcbDoc]:
    """The documents of ``topics``, annotated sentences only, sorted by name."""
    annotated = _annotated(root)
    docs: list[EcbDoc] = []
    for topic in topics:
        folder = root / "docs" / str(topic)
        for path in sorted(folder.glob("*.xml")):
            name = path.stem
            keep = annotated.get(name)
            if not keep:
                continue
            docs.append(_read(path, name, topic, keep))
    return docs


def _read(path: Path, name: str, topic: int, keep: set[int]) -> EcbDoc:
    tree = ET.parse(path)
    doc = EcbDoc(
        name=name, topic=topic, subtopic=f"{topic}_{'ecbplus' if name.endswith('plus') else 'ecb'}"
    )
    offsets: dict[str, tuple[int, int, int]] = {}
    parts: list[str] = []
    pos = 0
    current: int | None = None
    sent_start = 0
    for tok in tree.getroot().iter("token"):
        sentence = int(tok.get("sentence", "0"))
        if sentence not in keep:
            continue
        if current is not None and sentence != current:
            doc.sentences.append((current, sent_start, pos - 1))
            parts[-1] = "\n"
            sent_start = pos
        current = sentence
        word = tok.text or ""
        offsets[tok.get("t_id", "")] = (sentence, pos, pos + len(word))
        parts += [word, " "]
        pos += len(word) + 1
    if current is not None:
        doc.sentences.append((current, sent_start, pos - 1))
    doc.text = "".join(parts).rstrip(" ")

    chains: dict[str, str] = {}
    instance: dict[str, str] = {}
    markables = tree.getroot().find("Markables")
    for el in markables if markables is not None else []:
        if el.get("instance_id"):
            instance[el.get("m_id", "")] = el.get("instance_id", "")
    relations = tree.getroot().find("Relations")
    for rel in relations if relations is not None else []:
        if rel.tag == "INTRA_DOC_COREF":
            # a chain inside this document only (no instance id): its own chain id, unless a
            # cross-document relation names the mention too
            for src in rel.findall("source"):
                chains.setdefault(src.get("m_id", ""), f"{name}:intra:{rel.get('r_id', '')}")
            continue
        if rel.tag != "CROSS_DOC_COREF":
            continue
        target = rel.find("target")
        chain = rel.get("note") or (
            instance.get(target.get("m_id", ""), "") if target is not None else ""
        )
        for src in rel.findall("source"):
            chains[src.get("m_id", "")] = chain
    for el in markables if markables is not None else []:
        anchors = [a.get("t_id", "") for a in el.findall("token_anchor")]
        spans = [offsets[a] for a in anchors if a in offsets]
        if not spans:
            continue
        m_id = el.get("m_id", "")
        start, end = min(s[1] for s in spans), max(s[2] for s in spans)
        doc.mentions.append(EcbMention(
            doc=name, m_id=m_id, kind=el.tag, sentence=spans[0][0], start=start, end=end,
            text=doc.text[start:end], chain=chains.get(m_id, f"{name}:{m_id}"),
        ))  # fmt: skip
    return doc
