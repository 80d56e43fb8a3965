"""Merge and split from the explorer (writable server only): the same corrections as
`corroborator stories merge` and `split`, kept in the store and applied by later builds."""

from __future__ import annotations

import shutil
from pathlib import Path

from fastapi.testclient import TestClient

from corroborator.config import Settings
from corroborator.engine.link import link
from corroborator.store import SQLiteStore
from corroborator.web import create_app

from .test_web import HOST


def test_the_explorer_merges_and_splits_stories(example_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "w.db"
    shutil.copy(example_db, db)
    with TestClient(create_app(Settings(db=str(db)), allowed_hosts=HOST)) as client:
        sid = client.get("/api/stories").json()[0]["id"]
        assert client.post(f"/stories/{sid}/merge", data={"other": sid}).status_code == 403
        assert "Merge or split" not in client.get(f"/stories/{sid}").text
    app = create_app(
        Settings(db=str(db)), allow_upload=True, upload_dir=str(tmp_path / "up"), allowed_hosts=HOST
    )
    with TestClient(app) as client:
        listed = sorted(client.get("/api/stories").json(), key=lambda s: -s["articles"])
        big, small = listed[0]["id"], listed[-1]["id"]
        total = sum(s["articles"] for s in listed)
        page = client.get(f"/stories/{big}").text
        assert f'action="/stories/{big}/merge"' in page and f'value="{small}"' in page
        assert client.post(f"/stories/{big}/merge", data={"other": big}).status_code == 422
        merged = client.post(f"/stories/{big}/merge", data={"other": small}, follow_redirects=False)
        assert merged.status_code == 303, merged.text
        (one,) = client.get("/api/stories").json()
        assert one["articles"] == total and merged.headers["location"] == f"/stories/{one['id']}"

        members = client.get(f"/api/stories/{one['id']}").json()["articles"]
        split = f"/stories/{one['id']}/split"
        assert client.post(split, data={"article": members}).status_code == 422  # every one
        assert client.post(split, data={"article": ["art_0"]}).status_code == 422  # a stranger
        out = client.post(f"/api/stories/{one['id']}/split", data={"article": [members[-1]]})
        assert out.status_code == 200, out.text
        after = {s["id"]: s["articles"] for s in client.get("/api/stories").json()}
        assert sorted(after.values()) == [1, total - 1]
        assert client.get(f"/api/stories/{out.json()['story']}").json()["articles"] == [members[-1]]
    # kept as corrections: a full relinking gives the same stories
    store = SQLiteStore(str(db))
    try:
        assert link(store).stories == 2
        assert sorted(len(s.article_ids) for s in store.iter_stories()) == [1, total - 1]
    finally:
        store.close()
