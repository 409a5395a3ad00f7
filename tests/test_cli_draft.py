"""``report-assistant draft show N [--json]``: a stored draft printed from the command line."""

from __future__ import annotations

import json

from assistant.app import AppService
from assistant.auth import AuthStore
from assistant.cli import main
from assistant.offline import OfflineModel
from assistant.storage import Store
from tests.dialogue_support import SAMPLE_DIALOGUE


def test_draft_show_prints_facts_report_and_findings(tmp_path, monkeypatch, capsys):
    url = f"sqlite:///{tmp_path / 'd.sqlite3'}"
    monkeypatch.setenv("REPORT_DATABASE_URL", url)
    monkeypatch.setenv("REPORT_DATA_DIR", str(tmp_path / "data"))
    store = Store(url)
    app = AppService(store, AuthStore(store.engine), OfflineModel(), local_user=True)
    d = app.new_draft("zhang").id
    for m in SAMPLE_DIALOGUE[:3]:
        app.send("zhang", d, m)
    store.close()

    assert main(["draft", "show", str(d), "--json", "--user", "zhang"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert set(doc) == {"draft", "facts", "report", "findings"}
    assert set(doc["facts"]) == {"cells", "named", "texts"}
    assert doc["facts"]["named"]["website_items"] == 148
    assert doc["facts"]["named"]["agency_name"] == "烟台市机关事务管理局"
    assert doc["facts"]["cells"]["t3.new_received.total"] == 0
    assert doc["report"]["meta"]["agency_name"] == "烟台市机关事务管理局"  # the document of export --to json
    assert all({"rule", "severity", "location", "message"} <= set(f) for f in doc["findings"])

    assert main(["draft", "show", str(d), "--user", "zhang"]) == 0
    text = capsys.readouterr().out
    assert "烟台市机关事务管理局" in text and "个错误" in text

    # someone else's draft is not shown to a staff member
    assert main(["draft", "show", str(d), "--user", "lisi"]) != 0


def test_draft_list_without_user_says_whose_drafts_it_looked_for(tmp_path, monkeypatch, capsys):
    url = f"sqlite:///{tmp_path / 'd.sqlite3'}"
    monkeypatch.setenv("REPORT_DATABASE_URL", url)
    monkeypatch.setenv("REPORT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setattr("getpass.getuser", lambda: "root")
    store = Store(url)
    AuthStore(store.engine).add_user("xiaozhang", "secret-pass-1", "staff")
    AuthStore(store.engine).add_user("root", "secret-pass-2", "staff")  # the system user, with no draft
    app = AppService(store, AuthStore(store.engine), OfflineModel(), local_user=True)
    app.new_draft("xiaozhang")
    store.close()

    assert main(["draft", "list"]) == 0
    out = capsys.readouterr().out
    assert "“root”名下还没有报告草稿" in out and "--user" in out
    assert main(["draft", "list", "--user", "xiaozhang"]) == 0
    assert "xiaozhang" in capsys.readouterr().out
