-- Full-text search over article titles and texts: a contentless FTS5 index (no second copy of
-- the texts) with the trigram tokenizer, so that any substring of three or more characters
-- matches in every script, over the text case-folded by the store's `casefold` function (the
-- full Unicode folding the scan it replaces used: "ß" finds "ss") — in milliseconds instead
-- of a pass over every text.
CREATE VIRTUAL TABLE articles_fts USING fts5(hay, content = '', tokenize = 'trigram');

INSERT INTO articles_fts (rowid, hay)
SELECT rowid, casefold(COALESCE(title, '') || ' ' || text) FROM articles;

CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, hay)
    VALUES (new.rowid, casefold(COALESCE(new.title, '') || ' ' || new.text));
END;

CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, hay)
    VALUES ('delete', old.rowid, casefold(COALESCE(old.title, '') || ' ' || old.text));
END;

CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, hay)
    VALUES ('delete', old.rowid, casefold(COALESCE(old.title, '') || ' ' || old.text));
    INSERT INTO articles_fts (rowid, hay)
    VALUES (new.rowid, casefold(COALESCE(new.title, '') || ' ' || new.text));
END;

-- The same for entity mentions (their text and canonical name), which the explorer's search
-- also looks through.
CREATE VIRTUAL TABLE mentions_fts USING fts5(hay, content = '', tokenize = 'trigram');

INSERT INTO mentions_fts (rowid, hay)
SELECT rowid, casefold(text || ' ' || COALESCE(canonical, '')) FROM mentions;

CREATE TRIGGER mentions_fts_insert AFTER INSERT ON mentions BEGIN
    INSERT INTO mentions_fts (rowid, hay)
    VALUES (new.rowid, casefold(new.text || ' ' || COALESCE(new.canonical, '')));
END;

CREATE TRIGGER mentions_fts_delete AFTER DELETE ON mentions BEGIN
    INSERT INTO mentions_fts (mentions_fts, rowid, hay)
    VALUES ('delete', old.rowid, casefold(old.text || ' ' || COALESCE(old.canonical, '')));
END;
