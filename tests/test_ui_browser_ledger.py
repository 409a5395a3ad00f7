"""Issue 18 in a real browser at 1366×768: a clerk uploads the application ledger in the 数据表
tab, sees table 三 derived from it and the rows that could not be placed, accepts; the grid is
filled, and the provenance of one cell in the preview names its ledger rows. Screenshot: ``ledger.png`` in the test's folder."""

from __future__ import annotations

import pytest

from eval.harness import logged_in_page, send_message, shown_revision, wait_for_new_revision
from tests.ledger_support import mixed_records, sheet_rows, write_xlsx
from tests.test_ui_browser import PASSWORD, served

pytestmark = pytest.mark.timeout(400)


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    yield from served(tmp_path_factory, "ui-ledger", [("liuli", PASSWORD, "staff", "刘丽")])


def test_upload_accept_and_see_a_cells_rows(app, tmp_path):
    from playwright.sync_api import expect

    base, work = app
    expect.set_options(timeout=60_000)
    rows = sheet_rows(mixed_records(), 2024)
    rows.append(["X-1", "2024-05-01", "孙八", "自然人", "x", "2024-05-09", "不予公开", "", "否"])  # no reason
    ledger = write_xlsx(tmp_path / "2024年申请台账.xlsx", rows)
    with logged_in_page(base, "liuli", PASSWORD) as page:
        send_message(page, "我们是东湖街道办事处，街道，写2024年的年报")
        page.get_by_role("tab", name="数据表").click()
        page.locator("#ledger-box").get_by_text("由申请台账生成表三、表四").click()
        page.locator("#ledger-upload input[type=file]").set_input_files(str(ledger))
        expect(page.locator("#ledger-upload")).to_contain_text("KB")
        page.locator("#ledger-read").click()
        view = page.locator("#ledger-view")
        expect(view).to_contain_text("计入")
        expect(view).to_contain_text("无法归类")
        expect(view).to_contain_text("只写了（三）不予公开，没有写明理由")
        expect(view.locator("table.ledger-table")).to_have_count(1)
        view.scroll_into_view_if_needed()
        page.screenshot(path=str(work / "ledger.png"))
        before = shown_revision(page)
        page.locator("#ledger-apply").click()
        wait_for_new_revision(page, before)
        expect(page.locator("#ledger-notice")).to_contain_text("已按申请台账")
        # the grid shows the derived numbers: （一）予以公开 row, 自然人 column
        grid = page.locator("#grid-t3")
        expect(grid).to_contain_text("（一）予以公开")
        page.screenshot(path=str(work / "ledger-applied.png"))

        # the provenance of one cell names its rows
        page.get_by_role("tab", name="报告预览").click()
        cell = page.locator('#preview td[data-address="t3.new_received.total"]')
        cell.scroll_into_view_if_needed()
        cell.click()
        card = page.locator("#provenance-pop")
        expect(card).to_contain_text("申请台账《2024年申请台账.xlsx》第")
        expect(card).to_contain_text("刘丽")
        page.screenshot(path=str(work / "ledger-provenance.png"))


_OVERLAPS = """el => { const label = el.querySelector('[data-testid="block-label"]');
    const icon = el.querySelector('[data-testid="upload-icon"]');
    if (!label || !icon) return 'no label or icon';
    const a = label.getBoundingClientRect(), b = icon.getBoundingClientRect();
    return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom; }"""
_TEXT_OUTSIDE = """el => { const box = el.getBoundingClientRect(), out = [];
    const walk = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let t = walk.nextNode(); t; t = walk.nextNode()) {
      if (!t.textContent.trim()) continue;
      const range = document.createRange(); range.selectNodeContents(t);
      const r = range.getBoundingClientRect();
      if (r.height && (r.top < box.top - 1 || r.bottom > box.bottom + 1)) out.push(t.textContent.trim());
    }
    return out; }"""


def test_the_upload_boxes_and_buttons_fit_and_the_derived_table_comes_into_view(app, tmp_path):
    """A clerk's first look: the label 申请台账（.xlsx…） covered the upload icon and 点击上传 was cut off,
    采用，填入表三、表四 wrapped to two lines, and after 读取台账 the derived table lay below the screen."""
    from playwright.sync_api import expect

    base, work = app
    expect.set_options(timeout=60_000)
    ledger = write_xlsx(tmp_path / "台账.xlsx", sheet_rows(mixed_records(), 2024))
    with logged_in_page(base, "liuli", PASSWORD) as page:
        send_message(page, "我们是西湖街道办事处，街道，写2024年的年报")
        page.locator("#import-box").click()
        page.get_by_role("tab", name="数据表").click()
        page.locator("#ledger-box").get_by_text("由申请台账生成表三、表四").click()
        for sel in ("#ledger-upload", "#ledger-reviews", "#previous-upload"):
            box = page.locator(sel)
            expect(box).to_contain_text("点击上传")
            assert box.evaluate(_OVERLAPS) is False, sel
            assert box.evaluate(_TEXT_OUTSIDE) == [], sel
        page.screenshot(path=str(work / "ledger-box.png"))
        one_line = page.locator("#ledger-read").bounding_box()
        for sel in ("#ledger-apply", "#ledger-template-make"):
            box = page.locator(sel).bounding_box()
            assert box is not None and one_line is not None and abs(box["height"] - one_line["height"]) < 2, (sel, box)
        page.locator("#ledger-upload input[type=file]").set_input_files(str(ledger))
        expect(page.locator("#ledger-upload")).to_contain_text("KB")
        page.locator("#ledger-read").click()
        table = page.locator("#ledger-view table.ledger-table")
        expect(table).to_have_count(1)
        expect(table).to_be_in_viewport()  # brought there by the page, not by the test
        expect(page.locator("#ledger-view .ledger-summary").first).to_be_in_viewport()
        page.screenshot(path=str(work / "ledger-read.png"))
