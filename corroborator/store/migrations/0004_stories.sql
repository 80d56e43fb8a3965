-- Linking results: article vectors, stories with their events and claims, source dependence,
-- and the user's corrections to story clustering (which survive every later build).

CREATE TABLE article_vectors (
    article_id  TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    model       TEXT NOT NULL,
    vector      BLOB NOT NULL            -- float32, L2-normalised
);

CREATE TABLE story_constraints (
    kind        TEXT NOT NULL CHECK (kind IN ('must', 'cannot')),
    a           TEXT NOT NULL,
    b           TEXT NOT NULL,
    created     TEXT NOT NULL,
    PRIMARY KEY (kind, a, b)
);

-- Derived: replaced as a whole by every linking run.
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
