"""Bags of words for lexical similarity: tokenising, TF-IDF over a set of texts, cosine.

Used by story clustering beside the embeddings: rare shared words (a surname, a ship's name,
"Q10", "4.6") say which happening an article reports where the embedding mostly says what
kind of happening it is. No model is needed, so the linking stage can run from stored text.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence

# English function words: they carry no topic. A deliberately small list (content words such as
# "fire" or "found", which the usual long lists drop, name events in the news).
STOPWORDS = frozenset(
    {
        "a",
        "about",
        "above",
        "after",
        "again",
        "against",
        "all",
        "am",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "because",
        "been",
        "before",
        "being",
        "below",
        "between",
        "both",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "doing",
        "down",
        "during",
        "each",
        "few",
        "for",
        "from",
        "further",
        "had",
        "has",
        "have",
        "having",
        "he",
        "her",
        "here",
        "hers",
        "herself",
        "him",
        "himself",
        "his",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "itself",
        "just",
        "me",
        "more",
        "most",
        "my",
        "myself",
        "no",
        "nor",
        "not",
        "now",
        "of",
        "off",
        "on",
        "once",
        "only",
        "or",
        "other",
        "our",
        "ours",
        "ourselves",
        "out",
        "over",
        "own",
        "same",
        "she",
        "should",
        "so",
        "some",
        "such",
        "than",
        "that",
        "the",
        "their",
        "theirs",
        "them",
        "themselves",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "to",
        "too",
        "under",
        "until",
        "up",
        "very",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "whom",
        "why",
        "will",
        "with",
        "would",
        "you",
        "your",
        "yours",
        "yourself",
        "yourselves",
        "also",
        "said",
        "says",
        "say",
        "s",
        "t",
        "n't",
        "'s",
        "mr",
        "mrs",
        "ms",
    }
)

_WORD = re.compile(r"[^\W_](?:[\w'’.-]*[^\W_])?")

SparseVector = dict[str, float]


def content_terms(text: str) -> tuple[str, ...]:
    """The lower-cased words of ``text`` without function words, in order, repeats kept.

    >>> content_terms("The U.S. Navy seized 26 pirates on Thursday.")
    ('u.s', 'navy', 'seized', '26', 'pirates', 'thursday')
    """
    words = (m.group(0).lower() for m in _WORD.finditer(text))
    return tuple(w for w in words if w not in STOPWORDS)


def tfidf(bags: Sequence[Iterable[str]]) -> list[SparseVector]:
    """L2-normalised TF-IDF vectors of ``bags`` with IDF computed over ``bags`` themselves.

    Sublinear term frequency (1 + log tf) and smoothed IDF (log((1 + n) / (1 + df)) + 1), the
    scikit-learn conventions, so the numbers match a ``TfidfVectorizer(sublinear_tf=True)``.
    """
    counts = [Counter(bag) for bag in bags]
    n = len(counts)
    df: Counter[str] = Counter()
    for c in counts:
        df.update(c.keys())
    out: list[SparseVector] = []
    for c in counts:
        vec = {
            t: (1.0 + math.log(k)) * (math.log((1 + n) / (1 + df[t])) + 1.0)
            for t, k in sorted(c.items())
        }
        norm = math.sqrt(sum(x * x for x in vec.values())) or 1.0
        out.append({t: x / norm for t, x in vec.items()})
    return out


def cosine(a: SparseVector, b: SparseVector) -> float:
    """Dot product of two normalised sparse vectors (summed in term order: symmetric)."""
    return sum(a[t] * b[t] for t in sorted(a.keys() & b.keys()))
