-- The user's corrections of a story's date span (`corroborator stories span`, the explorer's
-- story page). A story's id can change between linking runs (a story that splits, or two that
-- merge), so a correction is kept by an anchor article — the story's first article, by id, when
-- the correction was made — and the story's articles then (`members`, a JSON array). Every
-- linking run applies it to the story holding the anchor, or, when the anchor has gone, to the
-- story holding most of those articles. Not a foreign key: it outlives rebuilds that remove and
-- re-read its articles.
CREATE TABLE story_span_corrections (
    anchor      TEXT PRIMARY KEY,
    members     TEXT NOT NULL,
    start       TEXT NOT NULL,
    "end"       TEXT NOT NULL,
    author      TEXT NOT NULL,
    made_at     TEXT NOT NULL,
    CHECK (start <= "end")
);
