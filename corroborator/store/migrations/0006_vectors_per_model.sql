-- Article vectors are made at analysis time, one per sentence encoder: the key becomes
-- (article, model). Under the old key a multilingual vector replaced the article's MiniLM one
-- (and the next linking run embedded it again).

CREATE TABLE article_vectors_new (
    article_id  TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    model       TEXT NOT NULL,
    vector      BLOB NOT NULL,           -- float32, L2-normalised
    PRIMARY KEY (article_id, model)
);

INSERT INTO article_vectors_new (article_id, model, vector)
SELECT article_id, model, vector FROM article_vectors;

DROP TABLE article_vectors;

ALTER TABLE article_vectors_new RENAME TO article_vectors;

CREATE INDEX article_vectors_model ON article_vectors (model);
