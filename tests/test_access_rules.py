"""The same rules on who may change what, whichever door a user comes in by: the terminal chat, the
command line (``draft import|submit|approve|export``) and the web app's API, for every review state ×
every role. One table of expectations (``EXPECTED``) is written here by hand from the README's rules,
not computed from the code under test:

- staff change their draft only while it is 起草中; editors also while it is 待审核; nobody while 已定稿;
- nobody changes a locked part (here part 五, locked by the editor before the draft moved on);
- only supervisors approve (待审核 → 已定稿) and only a finalised draft is exported, by a supervisor.
"""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest

from assistant.app import AppService
from assistant.auth import AuthStore
from assistant.cli import main as cli_main
from assistant.cli._chat import run_chat
from assistant.offline import OfflineModel
from assistant.storage import Store
from tests.conftest import SAMPLE_TXT
from tests.dialogue_support import SAMPLE_DIALOGUE

USERS = {"staff": "zhang", "editor": "li", "supervisor": "wang"}
STATES = ("drafting", "review", "final")
LOCKED = "p5"

# (action, role, state) → allowed. Written out in full on purpose.
EXPECTED: dict[tuple[str, str, str], bool] = {}
for _state in STATES:
    for _role in USERS:
        EXPECTED[("chat", _role, _state)] = _role == "staff" and _state == "drafting"
        EXPECTED[("import_previous", _role, _state)] = (_role, _state) in {
            ("staff", "drafting"), ("editor", "drafting"), ("editor", "review")}
        EXPECTED[("submit", _role, _state)] = _role in ("staff", "editor") and _state == "drafting"
        EXPECTED[("approve", _role, _state)] = _role == "supervisor" and _state == "review"
        EXPECTED[("export", _role, _state)] = _role == "supervisor" and _state == "final"
        # a locked part: nobody, ever
        EXPECTED[("edit_locked_part", _role, _state)] = False

STATE_LABELS = {"drafting": "起草中", "review": "待审核", "final": "已定稿"}


def _service(url: str) -> AppService:
    store = Store(url)
    return AppService(store, AuthStore(store.engine), OfflineModel(), settings=None)


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    """One database with the three users and three complete drafts of 张三's, part 五 locked by the
    editor, one draft per review state (ids 1, 2, 3 for 起草中, 待审核, 已定稿)."""
    path = tmp_path_factory.mktemp("rules") / "template.sqlite3"
    app = _service(f"sqlite:///{path}")
    try:
        for role, name in USERS.items():
            app.auth.add_user(name, "rules-password-1", role, name)
        for state in STATES:
            d = app.new_draft(USERS["staff"]).id
            for m in SAMPLE_DIALOGUE:
                app.send(USERS["staff"], d, m)
            app.draft_all(USERS["staff"], d)
            app.set_lock(USERS["editor"], d, LOCKED, True)
            if state != "drafting":
                app.move(USERS["staff"], d, "submit")
            if state == "final":
                app.move(USERS["supervisor"], d, "approve")
    finally:
        app.close()
    return path


@pytest.fixture
def db(template, tmp_path, monkeypatch) -> str:
    """A copy of the template for one test; the command line is pointed at it."""
    path = tmp_path / "db.sqlite3"
    shutil.copyfile(template, path)
    url = f"sqlite:///{path}"
    monkeypatch.setenv("REPORT_DATABASE_URL", url)
    monkeypatch.setenv("REPORT_DATA_DIR", str(tmp_path / "data"))
    for key in ("REPORT_LLM_MODEL", "REPORT_LLM_BASE_URL"):
        monkeypatch.delenv(key, raising=False)
    return url


def _draft_of(state: str) -> int:
    return STATES.index(state) + 1


def _look(url: str, d: int) -> tuple[str, int, int, int]:
    """(state, revision, versions of the locked part, number of user turns) of draft ``d``."""
    store = Store(url)
    try:
        info = store.get_draft(d)
        return (info.status, info.revision, len(store.narrative_history(d, LOCKED)),
                sum(t.role == "user" for t in store.turns(d)))
    finally:
        store.close()


# ---- the terminal chat ---------------------------------------------------------------------------
@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("role", USERS)
def test_terminal_chat(db, role, state):
    d = _draft_of(state)
    before = _look(db, d)
    app = _service(db)
    app.local_user = True  # as `report-assistant chat` builds it
    out = io.StringIO()
    try:
        code = run_chat(app, user=USERS[role], draft_id=d,
                        stdin=io.StringIO("微信公众号发布60条\n生成初稿\n退出\n"), stdout=out)
    finally:
        app.close()
    assert code == 0
    text = out.getvalue()
    after = _look(db, d)
    assert after[0] == before[0], "a chat never moves the review state"
    assert after[2] == before[2], "the locked part 五 was changed through the terminal"
    assert "Traceback" not in text
    if EXPECTED[("chat", role, state)]:
        assert "政务新媒体发布信息：59条 → 60条" in text and after[3] == before[3] + 2
        assert "已锁定或有人改过，没有重新起草" in text
    else:
        assert after[1] == before[1] and after[3] == before[3], "a refused chat changed the draft"
        assert any(w in text for w in ("无权", "已提交审核", "已定稿")), text


def test_the_reported_case_staff_drafting_a_draft_under_review_with_a_locked_part(db):
    """The issue's reproduction: `printf '生成初稿\\n' | report-assistant chat --draft N --user <staff>`."""
    d = _draft_of("review")
    before = _look(db, d)
    out = io.StringIO()
    code = _cli_chat(d, "zhang", "生成初稿\n", out)
    after = _look(db, d)
    assert code == 0 and after == before
    assert "报告已提交审核，暂不能" in out.getvalue()


def _cli_chat(d: int, user: str, stdin: str, out: io.StringIO) -> int:
    import sys

    old_in, old_out = sys.stdin, sys.stdout
    sys.stdin, sys.stdout = io.StringIO(stdin), out
    try:
        return cli_main(["chat", "--draft", str(d), "--user", user])
    finally:
        sys.stdin, sys.stdout = old_in, old_out


# ---- the command line ----------------------------------------------------------------------------
def _cli(args: list[str], capsys) -> tuple[int, str]:
    code = cli_main(args)
    captured = capsys.readouterr()
    return code, captured.out + captured.err


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("role", USERS)
@pytest.mark.parametrize("action", ["import_previous", "submit", "approve", "export"])
def test_command_line(db, tmp_path, capsys, action, role, state):
    d = _draft_of(state)
    before = _look(db, d)
    user = ["--user", USERS[role]]
    if action == "import_previous":
        code, text = _cli(["draft", "import", str(d), str(SAMPLE_TXT), *user], capsys)
    elif action == "export":
        code, text = _cli(["draft", "export", str(d), "--to", "json", "-o", str(tmp_path / "out.json"), *user], capsys)
    else:
        code, text = _cli(["draft", action, str(d), *user], capsys)
    after = _look(db, d)
    assert "Traceback" not in text
    assert after[2] == before[2], "the locked part changed"
    if EXPECTED[(action, role, state)]:
        assert code == 0, text
        if action == "submit":
            assert after[0] == "review"
        elif action == "approve":
            assert after[0] == "final"
        elif action == "export":  # (with its export record beside the copy, as README says)
            assert (tmp_path / "out.json").exists() and (tmp_path / "out.json.export.json").exists()
        else:
            assert after[1] > before[1]
    else:
        assert code != 0, text
        assert after[:2] == before[:2], "a refused command changed the draft"
        assert any(w in text for w in ("无权", "已提交审核", "已定稿", "只有", "尚未定稿", "不能")), text
        assert not (tmp_path / "out.json").exists()


# ---- the core: the service and the store refuse a locked part whatever the caller -----------------
@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("role", USERS)
def test_a_locked_part_is_refused_to_everyone(db, role, state):
    from assistant.errors import ReportAssistantError

    d = _draft_of(state)
    before = _look(db, d)
    app = _service(db)
    try:
        with pytest.raises(ReportAssistantError) as refused:
            app.save_part(USERS[role], d, LOCKED, "改写的第五部分。", base_version=before[2])
        assert any(w in str(refused.value) for w in ("锁定", "无权", "已定稿", "已提交审核"))
        # below the service: the store itself refuses a new version of a locked part
        if state != "final":
            from assistant.storage import PartLockedError

            with pytest.raises(PartLockedError, match="锁定"):
                app.store.save_narrative(d, LOCKED, "绕过服务写入。", source="manual", author=USERS[role])
    finally:
        app.close()
    assert _look(db, d)[2] == before[2]
    assert not EXPECTED[("edit_locked_part", role, state)]


# ---- the web app's API (gradio_client, each role logged in) ---------------------------------------
WEB_ACTIONS = ("chat", "import_previous", "submit", "approve", "export", "edit_locked_part")


@pytest.fixture(scope="module")
def web(template, tmp_path_factory):
    """The app serving a copy of the template plus three more drafts for the moves that succeed
    (submit by staff, submit by an editor: 起草中; approve: 待审核), so every case starts from the
    state it names."""
    from gradio_client import Client

    from eval.harness import AppServer

    work = tmp_path_factory.mktemp("rules-web")
    path = work / "app.sqlite3"
    shutil.copyfile(template, path)
    url = f"sqlite:///{path}"
    app = _service(url)
    fresh = {}
    try:
        for key, state in (("submit-staff", "drafting"), ("submit-editor", "drafting"), ("approve-supervisor", "review")):
            d = app.new_draft(USERS["staff"]).id
            for m in SAMPLE_DIALOGUE:
                app.send(USERS["staff"], d, m)
            app.draft_all(USERS["staff"], d)
            app.set_lock(USERS["editor"], d, LOCKED, True)
            if state == "review":
                app.move(USERS["staff"], d, "submit")
            fresh[key] = d
    finally:
        app.close()
    with AppServer(url, work) as base:
        clients = {role: Client(base, auth=(name, "rules-password-1"), verbose=False) for role, name in USERS.items()}
        yield clients, url, fresh


def _web_call(client, action: str, d: int, url: str):
    p = "p1.active"
    if action == "chat":
        return client.predict("微信公众号发布61条", d, [], p, api_name="/send")
    if action == "import_previous":
        from gradio_client import handle_file

        return client.predict(d, handle_file(str(SAMPLE_TXT)), p, api_name="/import_previous")
    if action == "submit":
        return client.predict(d, p, "", api_name="/move_submit")
    if action == "approve":
        return client.predict(d, p, api_name="/approve")
    if action == "export":
        return client.predict(d, "json", api_name="/export")
    versions = _look(url, d)[2]
    return client.predict(d, LOCKED, "网页上改写的第五部分。", versions, api_name="/save_part")


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("role", USERS)
@pytest.mark.parametrize("action", WEB_ACTIONS)
def test_web_api(web, action, role, state):
    from gradio_client.exceptions import AppError

    clients, url, fresh = web
    allowed = EXPECTED[(action, role, state)]
    d = fresh.get(f"{action}-{role}") if allowed and action in ("submit", "approve") else _draft_of(state)
    assert d is not None
    before = _look(url, d)
    if allowed:
        _web_call(clients[role], action, d, url)
        after = _look(url, d)
        assert after[2] == before[2], "the locked part changed"
        if action == "submit":
            assert after[0] == "review"
        elif action == "approve":
            assert after[0] == "final"
        elif action in ("chat", "import_previous"):
            assert after[1] > before[1]
    else:
        with pytest.raises(AppError) as refused:
            _web_call(clients[role], action, d, url)
        assert any(w in str(refused.value) for w in ("无权", "已提交审核", "已定稿", "只有", "尚未定稿", "锁定", "不能")), \
            str(refused.value)
        assert _look(url, d)[:3] == before[:3], "a refused call changed the draft"


def test_a_returned_draft_opens_with_why_it_was_returned(db):
    # (a clerk's trial: reopening the chat after 退回修改 said nothing of the reason)
    app = _service(db)
    try:
        d = _draft_of("review")
        app.move(USERS["supervisor"], d, "return", "第五部分改进措施写得太笼统")
        said = app.opening(USERS["staff"], d)
        assert said.startswith("这份报告已被") and "第五部分改进措施写得太笼统" in said
        assert "退回" not in app.opening(USERS["staff"], _draft_of("drafting")).splitlines()[0]
    finally:
        app.close()
