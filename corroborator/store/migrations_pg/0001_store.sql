-- The whole store as the SQLite migrations 0001-0008 leave it, in PostgreSQL's types: the same
-- tables, columns and keys, so that both backends hold the same rows. JSON stays in TEXT
-- columns (the store reads it back as the SQLite backend does); vectors are BYTEA.

CREATE TABLE articles (
    id                  TEXT PRIMARY KEY,          -- content hash, see model.Article.make_id
    text                TEXT NOT NULL,
    source_path         TEXT NOT NULL,
    url                 TEXT,
    title               TEXT,
    outlet              TEXT,
    published           TEXT,                      -- ISO date or NULL, never invented
    published_evidence  TEXT,
    language            TEXT,
    attributed_to       TEXT NOT NULL DEFAULT '[]', -- JSON list of agency names
    authors             TEXT NOT NULL DEFAULT '[]', -- JSON list
    dateline_place      TEXT,
    dateline_date       TEXT,
    source_format       TEXT NOT NULL,
    encoding            TEXT NOT NULL,
    word_count          INTEGER NOT NULL
);

CREATE TABLE files (
    path        TEXT PRIMARY KEY,
    size        BIGINT NOT NULL,
    sha256      TEXT NOT NULL,
    status      TEXT NOT NULL CHECK (status IN ('done', 'error')),
    error       TEXT
);

CREATE TABLE file_articles (
    path        TEXT NOT NULL REFERENCES files(path) ON DELETE CASCADE,
    ordinal     INTEGER NOT NULL,
    article_id  TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    PRIMARY KEY (path, ordinal)
);
CREATE INDEX file_articles_article ON file_articles(article_id);

CREATE TABLE analyses (
    article_id            TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    model                 TEXT NOT NULL,
    analyzer_version      TEXT NOT NULL,
    published             TEXT,
    published_confidence  DOUBLE PRECISION,
    published_evidence    TEXT
);

CREATE TABLE sentences (
    article_id  TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx         INTEGER NOT NULL,
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    PRIMARY KEY (article_id, idx)
);

CREATE TABLE mentions (
    id           TEXT PRIMARY KEY,
    article_id   TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start        INTEGER NOT NULL,
    "end"        INTEGER NOT NULL,
    label        TEXT NOT NULL,
    text         TEXT NOT NULL,
    canonical    TEXT,
    resolved_by  TEXT,
    members      TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX mentions_article ON mentions(article_id);

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
    status         TEXT NOT NULL
                   CHECK (status IN ('planned', 'reported', 'in_progress', 'cancelled')),
    date           TEXT,
    date_end       TEXT,
    place          TEXT,
    background     INTEGER NOT NULL DEFAULT 0,
    data           TEXT NOT NULL
);
CREATE INDEX event_mentions_article ON event_mentions(article_id);
CREATE INDEX event_mentions_type_date ON event_mentions(type, date);

CREATE TABLE claim_values (
    id          TEXT PRIMARY KEY,
    article_id  TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    subject     TEXT NOT NULL,
    period      TEXT,
    unit        TEXT,
    kind        TEXT NOT NULL CHECK (kind IN ('numeric', 'categorical')),
    measure     TEXT,
    qualifier   TEXT NOT NULL,
    said_by     TEXT,
    data        TEXT NOT NULL
);
CREATE INDEX claim_values_article ON claim_values(article_id);
CREATE INDEX claim_values_unit_period ON claim_values(unit, period);

CREATE TABLE article_vectors (
    article_id  TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    model       TEXT NOT NULL,
    vector      BYTEA NOT NULL,           -- float32, L2-normalised
    PRIMARY KEY (article_id, model)
);
CREATE INDEX article_vectors_model ON article_vectors (model);

CREATE TABLE story_constraints (
    kind        TEXT NOT NULL CHECK (kind IN ('must', 'cannot')),
    a           TEXT NOT NULL,
    b           TEXT NOT NULL,
    created     TEXT NOT NULL,
    PRIMARY KEY (kind, a, b)
);

CREATE TABLE stories (
    id                   TEXT PRIMARY KEY,
    title                TEXT NOT NULL,
    start                TEXT,
    "end"                TEXT,
    independent_sources  INTEGER NOT NULL,
    data                 TEXT NOT NULL     -- events and claims as JSON
);

CREATE TABLE story_articles (
    story_id    TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    article_id  TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    PRIMARY KEY (story_id, article_id)
);
CREATE INDEX story_articles_article ON story_articles(article_id);

CREATE TABLE article_links (
    article_id        TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    dependence_group  TEXT NOT NULL,
    derived_from      TEXT NOT NULL DEFAULT '[]',
    reasons           TEXT NOT NULL DEFAULT '[]'
);

-- Not a foreign key: a correction outlives a rebuild that removes and re-reads its article.
CREATE TABLE article_corrections (
    article_id  TEXT NOT NULL,
    field       TEXT NOT NULL CHECK (field IN ('published', 'outlet', 'title')),
    value       TEXT,
    author      TEXT NOT NULL,
    made_at     TEXT NOT NULL,
    PRIMARY KEY (article_id, field)
);

-- One row; every write transaction adds one, so a reader (the explorer's cache) knows when
-- anyone, in any process or on any machine, committed a change.
CREATE TABLE store_revision (
    only_row  BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (only_row),
    value     BIGINT NOT NULL
);
INSERT INTO store_revision (value) VALUES (0);
