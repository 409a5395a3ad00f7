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


def test_the_chat_shows_the_newest_exchange_after_long_replies(app):
    """A clerk's trial: once the clerk had scrolled up to read a long reply, each later reply stayed below
    it, under the chat's ↓ button (Gradio follows only a chat that is at its bottom)."""
    from playwright.sync_api import expect

    base, work = app
    expect.set_options(timeout=30_000)
    memo = ("年报数据\n✓ 县政府网站 本镇专栏 发了 73条\n依申请 共5（个4 企1）\n - 公开 2（个2）\n - 不掌握 1（企）\n"
            " - 信访 1 （个）\n - 转明年 1 个\n去年结转 无\n许可 x   处罚 13  强制 x\n收费 /\n复议 无 诉讼 1？ 要问一下")
    with logged_in_page(base, "zhaoliu", PASSWORD) as page:
        open_new_draft(page)
        rows = page.locator("#chat .message-row")
        for text in (memo, "柳河镇人民政府 乡镇的 2025年", "许可没有 打x的就是没有",
                     "诉讼那个我还要问下司法所。对了 12345工单要不要写进去啊 我们今年接了不少",
                     "问了司法所了 那个诉讼是土地纠纷的案子 我们镇是第三人 跟信息公开没关系 所以诉讼是0",
                     "问题就是人手少，公开栏更新不及时。措施 明年每个村配一个信息员，公开栏每月更新",
                     "处理费从来没收过。人大建议政协提案也没有"):
            before = rows.count()
            page.locator("#chat-input textarea").fill(text)
            page.locator("#send").click()
            expect(rows).to_have_count(before + 2)
            page.wait_for_timeout(1500)  # (the reply streams in; the page's own scroll follows by 300 ms)
            if text == memo:  # the clerk scrolls up to read the long reply from its start
                page.locator("#chat .bubble-wrap").evaluate("el => { el.scrollTop = 0; }")
                page.wait_for_timeout(300)
        wrap = page.locator("#chat .bubble-wrap").bounding_box()
        mine = page.locator("#chat .message-row.user-row").last.bounding_box()
        assert wrap is not None and mine is not None
        # the clerk's last message is in the chat's view, near its top, and the reply starts below it
        assert wrap["y"] - 2 <= mine["y"] <= wrap["y"] + wrap["height"] / 2, (wrap, mine)
        page.screenshot(path=str(work / "chat-follows.png"))
