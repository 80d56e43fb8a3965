"""Link: what articles share — stories and the events within them.

- :mod:`corroborator.link.stories` groups articles that report the same real-world happening
  (:func:`~corroborator.link.stories.cluster_stories`,
  :func:`~corroborator.link.stories.recluster`).
- :mod:`corroborator.link.coref` merges the event mentions of one story that refer to the same
  happening (:func:`~corroborator.link.coref.cluster_mentions`).

Both take small frozen feature records (:class:`~corroborator.link.stories.StoryDoc`,
:class:`~corroborator.link.coref.CorefMention`) built from the per-article analysis, so they
never look at text or spaCy documents, and both are deterministic and independent of the order
of their input.
"""

from __future__ import annotations

from corroborator.link.coref import CorefMention, cluster_mentions, mention_similarity
from corroborator.link.stories import StoryDoc, cluster_stories, explain_pair, recluster

__all__ = [
    "CorefMention",
    "StoryDoc",
    "cluster_mentions",
    "cluster_stories",
    "explain_pair",
    "mention_similarity",
    "recluster",
]
