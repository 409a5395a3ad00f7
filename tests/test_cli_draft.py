"""``report-assistant draft show N [--json]``: a stored draft printed from the command line."""

from __future__ import annotations

import json

from assistant.app import AppService
from assistant.auth import AuthStore
from assistant.cli import main
from assistant.offline import OfflineModel
from assistant.storage import Store
from tests.dialogue_support import SAMPLE_DIALOGUE


def _sample_draft(tmp_path, monkeypatch) -> tuple[Store, AppService, int]:
    """A draft of zhang's with the sample dialogue's first three messages, in a database the CLI will open."""
    url = f"sqlite:///{tmp_path / 'd.sqlite3'}"
    monkeypatch.setenv("REPORT_DATABASE_URL", url)
    monkeypatch.setenv("REPORT_DATA_DIR", str(tmp_path / "data"))
    store = Store(url)
    app = AppService(store, AuthStore(store.engine), OfflineModel(), local_user=True)
    d = app.new_draft("zhang").id
    for m in SAMPLE_DIALOGUE[:3]:
        app.send("zhang", d, m)
    return store, app, d


def test_draft_show_prints_facts_report_and_findings(tmp_path, monkeypatch, capsys):
    store, _app, d = _sample_draft(tmp_path, monkeypatch)
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


def test_the_readme_one_person_walk_creates_every_user_it_names(tmp_path, monkeypatch, capsys):
    # the README's block "一个人在终端里从起草到导出": each --user it names is created before it is used
    import io
    import re
    import shlex
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    block = readme.split("一个人在终端里从起草到导出", 1)[1].split("```bash", 1)[1].split("```", 1)[0]
    commands = [shlex.split(line.split("#", 1)[0]) for line in block.strip().splitlines()]
    monkeypatch.setenv("REPORT_DATABASE_URL", f"sqlite:///{tmp_path / 'd.sqlite3'}")
    monkeypatch.setenv("REPORT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setattr("getpass.getpass", lambda *a, **k: "Readme-pass-2025")  # each account's password, typed
    created: set[str] = set()
    for argv in commands:
        assert argv[0] == "report-assistant"
        if argv[1:3] == ["user", "add"]:
            assert main(argv[1:]) == 0
            created.add(argv[3])
        elif "--user" in argv:
            assert argv[argv.index("--user") + 1] in created, argv
    # and the chat starts for the drafting user (it used to say the user did not exist)
    user = next(a[a.index("--user") + 1] for a in commands if a[1] == "chat")
    monkeypatch.setattr("sys.stdin", io.StringIO("退出\n"))
    assert main(["chat", "--user", user]) == 0
    assert not re.search(r"不存在或已停用", capsys.readouterr().out)


def test_submitting_a_draft_with_errors_says_so(tmp_path, monkeypatch, capsys):
    store, app, d = _sample_draft(tmp_path, monkeypatch)
    errors = sum(f.severity == "error" for f in app.snapshot("zhang", d).findings)
    store.close()
    assert main(["draft", "submit", str(d), "--user", "zhang"]) == 0
    out = capsys.readouterr().out
    assert "待审核" in out
    assert (f"还有 {errors} 个错误" in out) if errors else ("错误" not in out)


def test_a_clerk_gets_a_word_copy_of_the_draft_from_the_command_line(tmp_path, monkeypatch, capsys):
    from docx import Document

    store, _app, d = _sample_draft(tmp_path, monkeypatch)
    store.close()
    target = tmp_path / "out" / "年报草稿.docx"
    assert main(["draft", "copy", str(d), "--user", "zhang", "-o", str(target)]) == 0
    assert "草稿副本" in capsys.readouterr().out and target.exists()
    assert "烟台市机关事务管理局" in "\n".join(p.text for p in Document(str(target)).paragraphs)
    assert main(["draft", "copy", str(d), "--user", "lisi"]) != 0  # (not someone else's draft)


def test_draft_list_without_user_and_without_accounts_names_whose_drafts_there_are(tmp_path, monkeypatch, capsys):
    # (a clerk's trial: chatting with --user 刘文 and no account made, "draft list" said there was no draft at all)
    url = f"sqlite:///{tmp_path / 'd.sqlite3'}"
    monkeypatch.setenv("REPORT_DATABASE_URL", url)
    monkeypatch.setenv("REPORT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setattr("getpass.getuser", lambda: "root")
    store = Store(url)
    store.create_draft("刘文")
    store.close()
    assert main(["draft", "list"]) == 0
    out = capsys.readouterr().out
    assert "刘文" in out and "--user" in out
