"""Link: what articles share — stories and the events within them.

- :mod:`corroborator.link.stories` groups articles that report the same real-world happening
  (:func:`~corroborator.link.stories.cluster_stories`,
  :func:`~corroborator.link.stories.recluster`) from small frozen feature records
  (:class:`~corroborator.link.stories.StoryDoc`) built from the per-article analysis.
- :mod:`corroborator.link.timeline` merges the event mentions of one story that refer to the
  same happening into events (:func:`~corroborator.link.timeline.build_events`), keeping the
  sources' disagreements.
- :mod:`corroborator.link.claims` aligns figures across a story's articles;
  :mod:`corroborator.link.dependence` finds which sources are not independent.

Each is deterministic and independent of the order of its input.
"""

from __future__ import annotations

from corroborator.link.stories import StoryDoc, cluster_stories, explain_pair, recluster

__all__ = ["StoryDoc", "cluster_stories", "explain_pair", "recluster"]
