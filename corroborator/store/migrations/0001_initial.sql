-- Articles, the files they came from, and the per-article analysis (sentences, entity mentions).

CREATE TABLE articles (
    id                  TEXT PRIMARY KEY,          -- content hash, see model.Article.make_id
    text                TEXT NOT NULL,
    source_path         TEXT NOT NULL,
    url                 TEXT,
    title               TEXT,
    outlet              TEXT,
    published           TEXT,                      -- ISO date or NULL, never invented
    published_inferred  INTEGER NOT NULL DEFAULT 0,
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

-- One row per input file that was read; `sha256` decides whether a re-run must read it again.
CREATE TABLE files (
    path        TEXT PRIMARY KEY,
    size        INTEGER NOT NULL,
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

-- Present when the article has been analysed by `analyzer_version` with `model`.
CREATE TABLE analyses (
    article_id        TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    model             TEXT NOT NULL,
    analyzer_version  TEXT NOT NULL
);

CREATE TABLE sentences (
    article_id  TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx         INTEGER NOT NULL,
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    PRIMARY KEY (article_id, idx)
);

CREATE TABLE mentions (
    id          TEXT PRIMARY KEY,
    article_id  TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    label       TEXT NOT NULL,
    text        TEXT NOT NULL,
    canonical   TEXT
);
CREATE INDEX mentions_article ON mentions(article_id);
