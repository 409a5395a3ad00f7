"""In a real browser: a chat turn no longer re-sends the grids and the change record, yet a tab
selected after turns shows them as they are now, and the grids shown while chatting follow each turn."""

from __future__ import annotations

import pytest

from eval.harness import logged_in_page, send_message
from tests.test_ui_browser import PASSWORD, served

pytestmark = pytest.mark.timeout(400)

TOTAL = '#grid-t3 [data-testid="cell-0-7"]'  # table 三, 本年新收 row, 总计


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    yield from served(tmp_path_factory, "ui-turns", [("zhangsan", PASSWORD, "staff", "张三")])


def test_tabs_selected_after_turns_show_current_values(app):
    from playwright.sync_api import expect

    base, _ = app
    expect.set_options(timeout=30_000)
    with logged_in_page(base, "zhangsan", PASSWORD) as page:
        expect(page.locator("#chat")).to_contain_text("您好！我来帮您收集")
        # on the preview: the turns fill it in; the grids, out of sight, are not sent
        send_message(page, "本年新收政府信息公开申请40件，予以公开30件。")
        send_message(page, "网站公开政务信息148条")
        expect(page.locator('#preview td[data-address="t3.new_received.total"]')).to_have_text("40")
        page.get_by_role("tab", name="数据表").click()
        expect(page.locator(TOTAL)).to_have_text("40")
        # shown while chatting: the grid follows the turn
        send_message(page, "不对，新收申请是45件")
        expect(page.locator(TOTAL)).to_have_text("45")
        page.get_by_role("tab", name="历史").click()
        expect(page.locator("#history")).to_contain_text("45")
        # away again: a turn changes the table; coming back shows it, and the record too
        page.get_by_role("tab", name="报告预览").click()
        send_message(page, "不对，新收申请是46件")
        expect(page.locator('#preview td[data-address="t3.new_received.total"]')).to_have_text("46")
        page.get_by_role("tab", name="数据表").click()
        expect(page.locator(TOTAL)).to_have_text("46")
        page.get_by_role("tab", name="历史").click()
        expect(page.locator("#history")).to_contain_text("新收申请是46件")
