-- Search: the counterpart of SQLite's FTS5 trigram indexes (migration 0007 there). PostgreSQL
-- before 18 has no full Unicode case folding in SQL, so the store writes each searchable text
-- case-folded by Python's str.casefold (the folding the SQLite backend uses: "ß" finds "ss")
-- into `hay` columns, and pg_trgm's GIN indexes answer `LIKE '%needle%'` over them. Unlike
-- SQLite's contentless index this keeps a second, folded copy of each text.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE article_search (
    article_id  TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    hay         TEXT NOT NULL              -- casefold(title + ' ' + text)
);

ALTER TABLE mentions ADD COLUMN text_hay TEXT;
ALTER TABLE mentions ADD COLUMN canonical_hay TEXT;

-- Rows written before this migration are folded by the store right after it (Python's
-- casefold is not available in SQL); see PostgresStore._fill_search.
CREATE INDEX article_search_hay ON article_search USING gin (hay gin_trgm_ops);
CREATE INDEX mentions_text_hay ON mentions USING gin (text_hay gin_trgm_ops);
CREATE INDEX mentions_canonical_hay ON mentions USING gin (canonical_hay gin_trgm_ops);
