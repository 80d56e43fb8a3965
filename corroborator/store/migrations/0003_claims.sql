-- Claim values: each figure or categorical statement an article makes.

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
