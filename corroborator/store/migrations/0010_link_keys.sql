-- Keys that let linking place one new article without a pass over the store (issue 15): the
-- MinHash band keys of each text (source dependence: texts sharing a band key are compared),
-- its outlet and wire keys, and its blocking keys (people, places and dated happenings, each
-- with the month it is dated in). Derived: written by every full linking run, extended as
-- articles are placed one at a time. Not a foreign key: a key of a deleted article is skipped
-- when read, and the next full run drops it.
CREATE TABLE link_keys (
    key         TEXT NOT NULL,
    article_id  TEXT NOT NULL,
    PRIMARY KEY (key, article_id)
) WITHOUT ROWID;  -- SQLite: the primary key is the table (the rows are keys and nothing else)
