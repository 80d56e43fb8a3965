"""Event mentions from the dependency parse: who met whom, where, when — planned or done.

Per sentence, triggers are found from the ontology (data/events.yaml): nouns ("talks",
"welcome ceremony"), verbs ("arrive", "sign"), verb-object pairs ("lay a wreath"). For each:

* **status** — cancelled if a cancelling word governs it; planned if the chain of governing
  verbs carries a modal of the future, a planning verb ("expected", "set to", "is to"), a
  planning adjective ("upcoming", "ready for"), a preposition of things to come ("ahead of",
  "on the eve of"), or if the date lies after the article's date; otherwise reported;
* **participants** — canonical people only (never "the Russian leader"): subjects, objects,
  "with"/"between" complements, possessors; group mentions ("the two presidents") expand;
* **place** — the most specific place in the trigger's or its verb's prepositions;
* **date** — the date expression nearest the trigger in its clause, else inherited from the
  discourse: an anaphoric "the talks" takes its antecedent's date and place, and a sentence
  ruled by a date ("Day two, November 26, brings …", "The first day will …") dates the
  undated events that follow it;
* **said_by** — the speaker of a speech verb or of the quotation the trigger stands in;
* **background** — history the article recalls (dated well before the article, or marked
  "previous", "last", …), kept with its own date so it stays out of the story's timeline.

The package, by concern: ``view`` (what the extractors read of an article), ``triggers``
(which words are events, of which type and subtype), ``dating`` and ``dates`` (when),
``status`` (planned, reported, in progress or cancelled; background), ``participants`` (who,
said by whom), ``places`` (where, read around the trigger), ``place_sharing`` (places passed
between mentions), ``seats`` (where an announcing body sits), and ``extract`` (the pass over
the article that ties them
together with what the passage before each mention says).
"""

from __future__ import annotations

from corroborator.analyze.events.extract import extract_events

__all__ = ["extract_events"]
