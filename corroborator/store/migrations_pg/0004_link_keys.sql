-- Keys that let linking place one new article without a pass over the store, as in the
-- SQLite store's migration 10: MinHash band keys, outlet and wire keys, and blocking keys
-- (people, places, dated happenings, with their month). Derived: written by every full
-- linking run, extended as articles are placed. Not a foreign key: a key of a deleted article
-- is skipped when read, and the next full run drops it.
CREATE TABLE link_keys (
    key         TEXT NOT NULL,
    article_id  TEXT NOT NULL,
    PRIMARY KEY (key, article_id)
);
