"""What a township clerk met at 1366×768 (screenshots in the test's folder): a supervisor with no
report yet saw "正在加载对话……" forever and 下载草稿 buttons with nothing to download; the chat was ~250
px tall; 数据表 showed 三, 二, 四, table 三 in a box of its own that stopped at (五)4, under a blank gap;
a PDF said only Gradio's English "processing | 3.1/8.5s"."""

from __future__ import annotations

import pytest

from eval.harness import logged_in_page, send_message
from tests.test_ui_browser import PASSWORD, served

pytestmark = pytest.mark.timeout(400)

WIDTH, HEIGHT = 1366, 768


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    users = [("sunqi", PASSWORD, "staff", "孙七"), ("zhouba", PASSWORD, "supervisor", "周八")]
    yield from served(tmp_path_factory, "ui-clerk", users)


def test_a_supervisor_with_no_report_is_told_what_comes_next(app):
    from playwright.sync_api import expect

    base, work = app
    expect.set_options(timeout=30_000)
    with logged_in_page(base, "zhouba", PASSWORD) as page:  # first: nobody has made a report yet
        chat = page.locator("#chat")
        expect(chat).to_contain_text("现在还没有报告可以审阅")
        expect(chat).to_contain_text("待办")
        expect(chat).not_to_contain_text("正在加载对话")
        for button in ("#draft-copy-docx", "#draft-copy-pdf"):
            expect(page.locator(button)).to_be_hidden()
        page.screenshot(path=str(work / "supervisor-no-report.png"))


def test_the_chat_has_the_height_the_screen_allows(app):
    from playwright.sync_api import expect

    base, work = app
    expect.set_options(timeout=30_000)
    with logged_in_page(base, "sunqi", PASSWORD) as page:
        send_message(page, "我们是柳河镇人民政府，乡镇，写2025年的")
        expect(page.locator("#move-submit")).to_be_visible()  # the status bar at its tallest
        expect(page.locator("#draft-copy-pdf")).to_be_visible()
        chat = page.locator("#chat").bounding_box()
        assert chat is not None and chat["height"] >= 400, chat  # was 308 (and ~250 on her screen)
        for sel in ("#chat-input textarea", "#send"):
            box = page.locator(sel).bounding_box()
            assert box is not None and box["y"] + box["height"] <= HEIGHT, (sel, box)
        page.screenshot(path=str(work / "chat-height.png"))


def test_the_tables_in_the_reports_order_every_row_of_three_in_reach(app):
    from playwright.sync_api import expect

    base, work = app
    expect.set_options(timeout=30_000)
    with logged_in_page(base, "sunqi", PASSWORD) as page:
        page.get_by_role("tab", name="数据表").click()
        grids = [page.locator(f"#grid-{k}") for k in ("t2", "t3", "t4")]
        for g in grids:
            expect(g).to_be_visible()
        tops = [g.bounding_box()["y"] for g in grids]
        assert tops == sorted(tops), tops  # 二, 三, 四
        # no blank gap between the ledger box and table 二
        ledger = page.locator("#ledger-box").bounding_box()
        assert tops[0] - (ledger["y"] + ledger["height"]) < 40, (ledger, tops)
        # table 三 has no scroll box of its own: its last row is in the page, reached by the page's scroll
        last = grids[1].get_by_text("四、结转下年度继续办理")
        last.scroll_into_view_if_needed()
        expect(last).to_be_in_viewport()
        inner = grids[1].evaluate("""el => [...el.querySelectorAll('*')].filter(e => e.scrollHeight > e.clientHeight + 4
            && ['auto', 'scroll'].includes(getComputedStyle(e).overflowY)).length""")
        assert inner == 0
        page.screenshot(path=str(work / "tables.png"), full_page=True)


def test_a_pdf_copy_says_in_chinese_that_it_is_being_made(app):
    from playwright.sync_api import expect

    base, work = app
    expect.set_options(timeout=90_000)
    with logged_in_page(base, "sunqi", PASSWORD) as page:
        page.locator("#draft-copy-pdf").click()
        notice = page.locator("#draft-copy-notice")
        expect(notice).to_contain_text("正在生成 PDF")
        page.screenshot(path=str(work / "pdf-in-progress.png"))
        assert "processing" not in page.locator("body").inner_text()
        expect(page.locator("#draft-copy")).to_be_visible()
        expect(notice).to_be_hidden()
