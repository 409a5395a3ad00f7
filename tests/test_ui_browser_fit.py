"""What a clerk trying the page at 1366×768 first met: a supervisor logging in found no message box and
no 新建报告 with no word why; the 确定起草 confirmation opened below the screen (only its blue edge
showed); the supervisor's review bar squeezed the draft's state into a narrow column. Screenshots:
``role-note.png``, ``confirm-draft.png``, ``review-bar.png`` in the test's folder."""

from __future__ import annotations

import pytest

from eval.harness import logged_in_page, open_new_draft, send_message
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


def test_the_drafting_confirmation_opens_in_view(app):
    from playwright.sync_api import expect

    base, work = app
    expect.set_options(timeout=30_000)
    with logged_in_page(base, "zhaoliu", PASSWORD) as page:
        open_new_draft(page)
        send_message(page, "我们是城关镇人民政府，乡镇，写2024年的")
        page.locator("#draft-all").click()
        expect(page.locator("#draft-confirm-text")).to_contain_text("确定现在起草吗")
        expect(page.locator("#confirm-draft_all")).to_be_visible()
        page.wait_for_timeout(800)  # what the page does once the box is filled
        for sel in ("#draft-confirm-text", "#confirm-draft_all", "#draft-cancel"):
            _in_view(page, sel)
        page.screenshot(path=str(work / "confirm-draft.png"))
        page.locator("#draft-cancel").click()
        expect(page.locator("#confirm-draft_all")).to_be_hidden()


_LINES = """el => { const range = document.createRange(); range.selectNodeContents(el);
    const tops = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
    return tops.size; }"""


def test_the_supervisors_review_bar_gives_the_drafts_state_room(app):
    """With 理由, 退回修改 and 审核定稿 beside it, the draft's state was squeezed into a narrow column
    (“提交审 / 核）” broke over lines)."""
    from playwright.sync_api import expect

    base, work = app
    expect.set_options(timeout=30_000)
    with logged_in_page(base, "zhaoliu", PASSWORD) as page:
        open_new_draft(page)
        send_message(page, "我们是河东镇人民政府，乡镇，写2024年的")
        page.locator("#move-submit").click()
        page.locator("#confirm-submit").click()
        expect(page.locator("#draft-status")).to_contain_text("待审核")
    with logged_in_page(base, "wangwu", PASSWORD) as page:
        page.locator("#todo [data-draft]").first.click()
        status = page.locator("#draft-status")
        expect(status).to_contain_text("待审核")
        expect(page.locator("#move-approve")).to_be_visible()
        expect(page.locator("#move-reason")).to_be_visible()
        page.screenshot(path=str(work / "review-bar.png"))
        box = status.bounding_box()
        assert box is not None and box["width"] >= WIDTH * 0.4, box
        assert status.locator("p").first.evaluate(_LINES) <= 2
