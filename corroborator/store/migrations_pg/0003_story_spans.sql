-- The user's corrections of a story's date span, as in the SQLite store's migration 9: kept
-- by an anchor article (the story's first article by id when the correction was made) with
-- the story's articles then (`members`, a JSON array); every linking run applies it to the
-- story holding the anchor, or, when the anchor has gone, to the story holding most of them.
CREATE TABLE story_span_corrections (
    anchor      TEXT PRIMARY KEY,
    members     TEXT NOT NULL,
    start       TEXT NOT NULL,
    "end"       TEXT NOT NULL,
    author      TEXT NOT NULL,
    made_at     TEXT NOT NULL,
    CHECK (start <= "end" COLLATE "C")
);
