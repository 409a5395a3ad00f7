"""What a clerk trying the page at 1366×768 first met: a supervisor logging in found no message box and
no 新建报告 with no word why. Screenshots: ``role-note.png`` in the test's folder."""

from __future__ import annotations

import pytest

from eval.harness import logged_in_page
from tests.test_ui_browser import PASSWORD, served

pytestmark = pytest.mark.timeout(400)

WIDTH, HEIGHT = 1366, 768


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    users = [("zhaoliu", PASSWORD, "staff", "赵六"), ("wangwu", PASSWORD, "supervisor", "王五")]
    yield from served(tmp_path_factory, "ui-fit", users)


def _in_view(page, selector: str) -> None:
    box = page.locator(selector).bounding_box()
    assert box is not None, selector
    assert box["y"] >= 0 and box["y"] + box["height"] <= HEIGHT, (selector, box)
    assert box["x"] >= 0 and box["x"] + box["width"] <= WIDTH, (selector, box)


def test_a_supervisor_is_told_where_the_chat_would_be_why_there_is_none(app):
    from playwright.sync_api import expect

    base, work = app
    expect.set_options(timeout=30_000)
    with logged_in_page(base, "wangwu", PASSWORD) as page:
        note = page.locator("#role-note")
        expect(note).to_contain_text("审核人员负责审核、退回和导出")
        expect(note).to_contain_text("起草报告请用起草人员账号登录")
        expect(note).to_contain_text("用户管理")
        expect(page.locator("#chat-input")).to_be_hidden()
        expect(page.locator("#new-draft")).to_be_hidden()
        _in_view(page, "#role-note")
        page.screenshot(path=str(work / "role-note.png"))
    with logged_in_page(base, "zhaoliu", PASSWORD) as page:  # a clerk has the chat, and no such note
        expect(page.locator("#chat-input")).to_be_visible()
        expect(page.locator("#role-note")).to_be_hidden()
