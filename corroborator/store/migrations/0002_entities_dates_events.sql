-- Resolved entities, temporal expressions, event mentions, and the inferred publication date.

ALTER TABLE mentions ADD COLUMN resolved_by TEXT;
ALTER TABLE mentions ADD COLUMN members TEXT NOT NULL DEFAULT '[]';

ALTER TABLE analyses ADD COLUMN published TEXT;
ALTER TABLE analyses ADD COLUMN published_confidence REAL;
ALTER TABLE analyses ADD COLUMN published_evidence TEXT;

-- The searchable columns, plus the whole object as JSON in `data`.
CREATE TABLE timexes (
    id          TEXT PRIMARY KEY,
    article_id  TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    type        TEXT NOT NULL,
    value       TEXT,
    data        TEXT NOT NULL
);
CREATE INDEX timexes_article ON timexes(article_id);

CREATE TABLE event_mentions (
    id             TEXT PRIMARY KEY,
    article_id     TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start          INTEGER NOT NULL,
    "end"          INTEGER NOT NULL,
    type           TEXT NOT NULL,
    subtype        TEXT,
    status         TEXT NOT NULL CHECK (status IN ('planned', 'reported', 'cancelled')),
    date           TEXT,
    date_end       TEXT,
    place          TEXT,
    background     INTEGER NOT NULL DEFAULT 0,
    data           TEXT NOT NULL
);
CREATE INDEX event_mentions_article ON event_mentions(article_id);
CREATE INDEX event_mentions_type_date ON event_mentions(type, date);
