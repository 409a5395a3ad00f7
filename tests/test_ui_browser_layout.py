"""The page at the size of an office PC (1366×768), in a real browser: the message box and 发送 are in
view without scrolling, and the whole report can be read in the preview, down to part 六."""

from __future__ import annotations

import pytest

from eval.harness import logged_in_page, open_new_draft, send_message
from tests.dialogue_support import SAMPLE_DIALOGUE
from tests.test_ui_browser import PASSWORD, served

pytestmark = pytest.mark.timeout(400)


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    yield from served(tmp_path_factory, "ui-layout", [("zhangsan", PASSWORD, "staff", "张三")])


def test_at_1366x768_the_input_is_in_view_and_the_report_reads_to_the_end(app):
    from playwright.sync_api import expect

    base, work = app
    expect.set_options(timeout=30_000)
    with logged_in_page(base, "zhangsan", PASSWORD) as page:
        page.screenshot(path=str(work / "login-1366x768.png"))
        for sel in ("#chat-input textarea", "#send"):
            box = page.locator(sel).bounding_box()
            assert box is not None and box["y"] + box["height"] <= 768, (sel, box)
        for message in SAMPLE_DIALOGUE:
            send_message(page, message)
        send_message(page, "生成初稿")
        preview = page.locator("#preview")
        # the preview scrolls inside itself: the report is longer than the window
        assert preview.evaluate("el => el.scrollHeight > el.clientHeight + 500")
        assert preview.evaluate("el => getComputedStyle(el).overflowY") == "auto"
        preview.hover()
        for _ in range(30):
            page.mouse.wheel(0, 800)
        # the last item of part 六 is on screen, and the heading of 六 above it can be reached
        expect(preview.locator('p[data-part="p6.6"]')).to_be_in_viewport()
        preview.get_by_text("六、其他需要报告的事项").scroll_into_view_if_needed()
        expect(preview.get_by_text("六、其他需要报告的事项")).to_be_in_viewport()
        page.screenshot(path=str(work / "preview-end-1366x768.png"))


def test_a_refused_action_is_told_in_chinese_and_leaves_the_page_as_it_was(app):
    """A page left open while the draft was submitted elsewhere (another tab) still offers 发送; the
    message sent there is refused: a Chinese line next to 发送, no toast, the chat, the selector and
    the preview keep their content, the message stays in the box, and the server logs no traceback."""
    from playwright.sync_api import expect

    base, work = app
    expect.set_options(timeout=30_000)
    with logged_in_page(base, "zhangsan", PASSWORD) as page:
        open_new_draft(page)
        chat = page.locator("#chat")
        send_message(page, "我们是城关镇人民政府，乡镇，写2024年的")
        expect(chat).to_contain_text("城关镇人民政府")
        other = page.context.new_page()  # the same clerk's second tab submits the draft
        other.goto(base)
        other.wait_for_function("() => (document.querySelector('#user-badge') || {}).innerText?.includes('（')")
        other.locator("#move-submit").click()
        other.locator("#confirm-submit").click()
        expect(other.locator("#draft-status")).to_contain_text("待审核")
        expect(other.locator("#send")).to_be_disabled()
        other.close()
        page.locator("#chat-input textarea").fill("网站发了148条信息")
        page.locator("#send").click()
        refusal = page.locator("#chat-notice")
        expect(refusal).to_contain_text("报告已提交审核，暂不能通过对话填写报告")
        assert page.locator(".toast-body").count() == 0
        page.screenshot(path=str(work / "refused-1366x768.png"))
        # no component was blanked: the chat, the selector and the preview keep their content
        expect(page.get_by_text("错误", exact=True)).to_have_count(0)
        expect(chat).to_contain_text("城关镇人民政府")
        assert page.locator("#draft-select input").input_value()
        expect(page.locator("#preview")).to_contain_text("城关镇人民政府2024年政府信息公开工作年度报告")
        # and the message typed is still in the box, to send again later
        assert page.locator("#chat-input textarea").input_value() == "网站发了148条信息"
    log = (work / "server.log").read_text(encoding="utf-8", errors="replace")
    assert "Traceback" not in log, log[-3000:]
