"""The app's API, called as a program would (gradio_client) with a user's login: permissions hold
in the server whatever the page offers. A member of staff is refused an export; a supervisor gets
the file; without a login nothing is served."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from eval.harness import AppServer, add_users

pytestmark = pytest.mark.timeout(300)

PASSWORD = "api-password-1"


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    work = tmp_path_factory.mktemp("ui-api")
    url = f"sqlite:///{work / 'app.sqlite3'}"
    add_users(url, [("zhangsan", PASSWORD, "staff", "张三"), ("zhaoliu", PASSWORD, "staff", "赵六"),
                    ("wangwu", PASSWORD, "supervisor", "王五")])
    with AppServer(url, work) as base:
        yield base


def _client(base: str, username: str):
    from gradio_client import Client

    return Client(base, auth=(username, PASSWORD), verbose=False)


def _draft_id(result) -> int:
    """The draft id from the outputs of /new_draft (the last output updates the draft selector)."""
    selector = result[-1]
    return int(selector["value"] if isinstance(selector, dict) else selector)


def test_staff_are_refused_an_export_through_the_api(app):
    from gradio_client.exceptions import AppError

    staff = _client(app, "zhangsan")
    draft = _draft_id(staff.predict("p1.active", api_name="/new_draft"))
    chat = staff.predict("我们是示例市统计局，市级单位，要写2023年度的年报。", draft, [], "p1.active", api_name="/send")
    assert "示例市统计局" in str(chat[0])
    with pytest.raises(AppError, match="起草人员无权导出报告"):
        staff.predict(draft, "docx", api_name="/export")
    with pytest.raises(AppError, match="起草人员无权审核报告"):
        staff.predict(draft, "p1.active", api_name="/approve")
    # another member of staff may not even read it
    with pytest.raises(AppError, match="其他起草人员"):
        _client(app, "zhaoliu").predict("website_items", draft, api_name="/provenance")


def test_a_supervisor_gets_the_file_once_the_report_is_approved(app):
    from gradio_client.exceptions import AppError

    from assistant.importing import load_report
    from tests.dialogue_support import SAMPLE_DIALOGUE, gold, tables_of

    staff = _client(app, "zhangsan")
    draft = _draft_id(staff.predict("p1.active", api_name="/new_draft"))
    sup = _client(app, "wangwu")
    with pytest.raises(AppError, match="只有提交审核"):  # still being drafted
        sup.predict(draft, "p1.active", api_name="/approve")
    with pytest.raises(AppError, match="审核人员无权通过对话填写报告"):
        sup.predict("网站公开政务信息148条", draft, [], "p1.active", api_name="/send")
    for message in SAMPLE_DIALOGUE:
        staff.predict(message, draft, [], "p1.active", api_name="/send")
    chat = staff.predict(draft, "p1.active", api_name="/draft_all")[0]  # with progress, as the button does
    assert "已起草13个部分" in str(chat)
    with pytest.raises(AppError, match="尚未定稿"):
        sup.predict(draft, "json", api_name="/export")
    with pytest.raises(AppError, match="只有提交审核"):
        sup.predict(draft, "p1.active", api_name="/approve")
    staff.predict(draft, "p1.active", "", api_name="/move_submit")
    sup.predict(draft, "p1.active", api_name="/approve")
    path = Path(sup.predict(draft, "json", api_name="/export")[0])  # (file, notice)
    assert path.name.endswith("年度报告.json")
    assert tables_of(load_report(path)) == tables_of(gold())


def test_nothing_is_served_without_a_login(app):
    from gradio_client import Client

    with pytest.raises(ValueError):
        Client(app, auth=("zhangsan", "wrong-password"), verbose=False)
    r = httpx.get(app + "config", timeout=10)
    assert r.status_code in (401, 403) or "login" in r.text.lower()
    assert not Path(app).exists()  # the base is a URL, not a path (sanity for the fixture)
