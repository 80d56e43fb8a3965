-- The model's clean-up: articles lose `published_inferred`, and event mentions may be
-- `in_progress` (a status of the product contract).

-- Ingest never inferred a date (an inferred one is the analysis's, in `analyses.published`),
-- so the column only ever held 0; the dossier's `published_inferred` is computed by the report.
ALTER TABLE articles DROP COLUMN published_inferred;

-- SQLite cannot change a CHECK in place: the table is rebuilt with its rows and indexes.
CREATE TABLE event_mentions_new (
    id             TEXT PRIMARY KEY,
    article_id     TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start          INTEGER NOT NULL,
    "end"          INTEGER NOT NULL,
    type           TEXT NOT NULL,
    subtype        TEXT,
    status         TEXT NOT NULL
                   CHECK (status IN ('planned', 'reported', 'in_progress', 'cancelled')),
    date           TEXT,
    date_end       TEXT,
    place          TEXT,
    background     INTEGER NOT NULL DEFAULT 0,
    data           TEXT NOT NULL
);
INSERT INTO event_mentions_new
    (id, article_id, start, "end", type, subtype, status, date, date_end, place, background, data)
    SELECT id, article_id, start, "end", type, subtype, status, date, date_end, place,
           background, data
    FROM event_mentions;
DROP TABLE event_mentions;
ALTER TABLE event_mentions_new RENAME TO event_mentions;
CREATE INDEX event_mentions_article ON event_mentions(article_id);
CREATE INDEX event_mentions_type_date ON event_mentions(type, date);
