"""The review workflow through the app's API (gradio_client with each user's login): every move
by every role, allowed and refused; what each state lets each role change; two editors saving the
same part from the same version; the change record, version compare and restore; the model calls
a supervisor sees."""

from __future__ import annotations

import pytest

from eval.harness import AppServer, add_users
from tests.dialogue_support import SAMPLE_DIALOGUE

pytestmark = pytest.mark.timeout(600)

PASSWORD = "review-password-1"
USERS = {"staff": "zhangsan", "editor": "lisi", "editor2": "zhaosi", "supervisor": "wangwu"}
P = "p1.active"


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    work = tmp_path_factory.mktemp("review-api")
    url = f"sqlite:///{work / 'app.sqlite3'}"
    add_users(url, [("zhangsan", PASSWORD, "staff", "张三"), ("lisi", PASSWORD, "editor", "李四"),
                    ("zhaosi", PASSWORD, "editor", "赵四"), ("wangwu", PASSWORD, "supervisor", "王五")])
    with AppServer(url, work) as base:  # its model logs its calls into the app's database
        yield base, url


@pytest.fixture(scope="module")
def clients(app):
    from gradio_client import Client

    base, url = app
    out = {role: Client(base, auth=(name, PASSWORD), verbose=False) for role, name in USERS.items()}
    out["url"] = url
    return out


def _prepared(clients, messages, draft: bool = True) -> int:
    """A draft of 张三's filled in-process on the app's database (the same offline dialogue the
    server runs, without streaming every turn through the API): the moves under test go through
    the API."""
    from assistant.dialogue import DialogueService
    from assistant.offline import OfflineModel
    from assistant.storage import Store

    store = Store(clients["url"])
    try:
        service = DialogueService(store, OfflineModel())
        d = service.start("zhangsan").id
        for m in messages:
            service.handle(d, "zhangsan", m)
        if draft:
            service.draft_narrative(d, "zhangsan")
        return d
    finally:
        store.close()


def _draft_id(result) -> int:
    selector = result[-1]
    return int(selector["value"] if isinstance(selector, dict) else selector)


def _new(clients, messages=()) -> int:
    d = _draft_id(clients["staff"].predict(P, api_name="/new_draft"))
    for m in messages:
        clients["staff"].predict(m, d, [], P, api_name="/send")
    return d


def _move(clients, role, d, action, reason=""):
    if action == "approve":
        return clients[role].predict(d, P, api_name="/approve")
    return clients[role].predict(d, P, reason, api_name=f"/move_{action}")


def _status(clients, d) -> str:
    out = clients["supervisor"].predict(d, P, api_name="/open_draft")
    return next(x for x in out if isinstance(x, str) and x.startswith("报告状态"))


@pytest.fixture
def complete(clients):
    """A draft with the sample's complete facts and narrative: it has no error, so it can be approved."""
    return _prepared(clients, SAMPLE_DIALOGUE)


def _in_state(clients, state: str, d: int) -> int:
    if state in ("review", "final"):
        _move(clients, "staff", d, "submit")
    if state == "final":
        _move(clients, "supervisor", d, "approve")
    return d


ALLOWED = {  # (move, role) → allowed; the draft is in the move's source state
    ("submit", "staff"): True, ("submit", "editor"): True, ("submit", "supervisor"): False,
    ("return", "staff"): False, ("return", "editor"): False, ("return", "supervisor"): True,
    ("approve", "staff"): False, ("approve", "editor"): False, ("approve", "supervisor"): True,
    ("reopen", "staff"): False, ("reopen", "editor"): False, ("reopen", "supervisor"): True,
}
SOURCE = {"submit": "drafting", "return": "review", "approve": "review", "reopen": "final"}
TARGET = {"submit": "待审核", "return": "起草中", "approve": "已定稿", "reopen": "起草中"}


@pytest.mark.parametrize("move, role", sorted(ALLOWED))
def test_each_move_by_each_role(clients, move, role):
    from gradio_client.exceptions import AppError

    # approval needs a report without errors: a complete one, reopened at the end of each case
    d = _in_state(clients, SOURCE[move], _prepared(clients, SAMPLE_DIALOGUE))
    reason = "数字需要核对" if move in ("return", "reopen") else ""
    if ALLOWED[(move, role)]:
        _move(clients, role, d, move, reason)
        assert TARGET[move] in _status(clients, d)
    else:
        with pytest.raises(AppError, match="无权"):
            _move(clients, role, d, move, reason)
        assert {"drafting": "起草中", "review": "待审核", "final": "已定稿"}[SOURCE[move]] in _status(clients, d)


def test_moves_from_the_wrong_state_or_without_a_reason_are_refused(clients, complete):
    from gradio_client.exceptions import AppError

    d = complete
    with pytest.raises(AppError, match="只有提交审核"):
        _move(clients, "supervisor", d, "approve")
    with pytest.raises(AppError, match="只有“待审核”的报告才能退回修改"):
        _move(clients, "supervisor", d, "return", "理由")
    _move(clients, "staff", d, "submit")
    with pytest.raises(AppError, match="只有“起草中”的报告才能提交审核"):
        _move(clients, "editor", d, "submit")
    with pytest.raises(AppError, match="退回修改需要写明理由"):
        _move(clients, "supervisor", d, "return")
    _move(clients, "supervisor", d, "approve")
    with pytest.raises(AppError, match="重新打开需要写明理由"):
        _move(clients, "supervisor", d, "reopen", "   ")
    _move(clients, "supervisor", d, "reopen", "表二数字有误")
    status = _status(clients, d)
    assert "起草中" in status and "重新打开：表二数字有误" in status
    history = clients["supervisor"].predict(d, P, api_name="/open_draft")[2 + 6]
    states = [row for row in history["data"] if row[3] == "报告状态"]
    assert [(r[1], r[4], r[5], r[6]) for r in states] == [
        ("王五", "已定稿", "起草中", "表二数字有误"), ("王五", "待审核", "已定稿", ""), ("张三", "起草中", "待审核", "")]


def test_what_each_state_lets_each_role_change(clients, complete):
    from gradio_client.exceptions import AppError

    d = complete
    _move(clients, "staff", d, "submit")
    # under review: staff wait, an editor may still refine the text, nobody exports
    with pytest.raises(AppError, match="已提交审核"):
        clients["staff"].predict("网站公开政务信息150条", d, [], P, api_name="/send")
    out = clients["editor"].predict(d, "p5", api_name="/open_draft")
    base = out[2 + 12]
    clients["editor"].predict(d, "p5", "审核中由编辑修改的文字。", base, api_name="/save_part")
    with pytest.raises(AppError, match="尚未定稿"):
        clients["supervisor"].predict(d, "json", api_name="/export")
    _move(clients, "supervisor", d, "approve")
    # final: read-only for everyone; export allowed
    with pytest.raises(AppError, match="已定稿"):
        clients["staff"].predict("网站公开政务信息150条", d, [], P, api_name="/send")
    with pytest.raises(AppError, match="已定稿"):
        clients["editor"].predict(d, "p5", "定稿后的修改。", base + 1, api_name="/save_part")
    with pytest.raises(AppError, match="已定稿"):
        clients["editor"].predict(d, "p5", "", api_name="/lock_part")
    assert clients["supervisor"].predict(d, "json", api_name="/export")[0].endswith(".json")  # (file, notice)


def test_two_editors_save_the_same_part_from_the_same_version(clients):
    d = _prepared(clients, SAMPLE_DIALOGUE[:3])
    first = clients["editor"].predict(d, "p5", api_name="/open_draft")
    second = clients["editor2"].predict(d, "p5", api_name="/open_draft")
    base = first[2 + 12]
    assert base == second[2 + 12] >= 1
    mine, theirs = "李四改写的第五部分。", "赵四同时改写的第五部分。"
    out1 = clients["editor"].predict(d, "p5", mine, base, api_name="/save_part")
    assert out1[-1] == ""  # saved, no conflict shown
    out2 = clients["editor2"].predict(d, "p5", theirs, base, api_name="/save_part")
    conflict = out2[-1]
    assert "保存被拒绝" in conflict and "李四" in conflict and mine in conflict and theirs in conflict
    # the first edit is what is stored; the second was not written over it
    now = clients["supervisor"].predict(d, "p5", api_name="/open_draft")
    assert now[2 + 8] == mine and now[2 + 12] == base + 1
    # the second editor, having seen both, saves on top of the new version: nothing was lost
    merged = mine + theirs
    clients["editor2"].predict(d, "p5", merged, base + 1, api_name="/save_part")
    history = clients["supervisor"].predict(d, "p5", api_name="/open_draft")[2 + 6]["data"]
    texts = [row[5] for row in history if row[3].startswith("五、")]
    assert texts[:2] == [merged, mine]


def test_compare_and_restore_versions(clients):
    d = _prepared(clients, SAMPLE_DIALOGUE[:3])
    base = clients["editor"].predict(d, "p5", api_name="/open_draft")[2 + 12]
    original = clients["editor"].predict(d, "p5", api_name="/open_draft")[2 + 8]
    clients["editor"].predict(d, "p5", "本年度存在的问题是公开不够及时。", base, api_name="/save_part")
    diff = clients["editor"].predict(d, "p5", base, base + 1, api_name="/compare_versions")[0]  # (diff, notice)
    assert "<del>" in diff and "<ins>" in diff and "公开不够及时" in diff
    clients["editor"].predict(d, "p5", base, api_name="/restore_version")
    out = clients["editor"].predict(d, "p5", api_name="/open_draft")
    assert out[2 + 8] == original and out[2 + 12] == base + 2
    history = out[2 + 6]["data"]
    assert history[0][2] == "恢复旧版" and history[0][5].startswith(original[:20])


def test_supervisors_see_the_model_calls_of_each_draft(clients):
    d = _new(clients, SAMPLE_DIALOGUE[:2])  # through the server, whose model logs its calls
    out = clients["supervisor"].predict(d, P, api_name="/open_draft")
    summary = next(x for x in out if isinstance(x, str) and x.startswith("没有配置大模型"))
    assert "离线引擎（规则和模板）处理，共 **2** 步" in summary
    staff_view = clients["staff"].predict(d, P, api_name="/open_draft")
    assert not any(isinstance(x, str) and x.startswith("没有配置大模型") for x in staff_view)
