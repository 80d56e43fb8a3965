-- The user's corrections of what an article says about itself (`corroborator correct`): one row
-- per article and field, applied wherever the article is read. Not a foreign key: a correction
-- outlives a rebuild that removes and re-reads its article's file.
CREATE TABLE article_corrections (
    article_id  TEXT NOT NULL,
    field       TEXT NOT NULL CHECK (field IN ('published', 'outlet', 'title')),
    value       TEXT,
    author      TEXT NOT NULL,
    made_at     TEXT NOT NULL,
    PRIMARY KEY (article_id, field)
);
