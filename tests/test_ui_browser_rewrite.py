"""Rewriting a part offline, in a real browser (issue 16, item 5): the editor offers no 更简洁/更具体
but says what the offline engine can do; a refused rewrite is told in Chinese and leaves the text
typed in the editor as it was; 补充：… adds the sentence with the editor's number."""

from __future__ import annotations

import pytest

from eval.harness import AppServer, add_users, logged_in_page
from tests.test_ui_browser import PASSWORD, _require_browser

pytestmark = pytest.mark.timeout(400)


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    _require_browser()
    from assistant.app import AppService
    from assistant.config import Settings

    work = tmp_path_factory.mktemp("ui-rewrite")
    url = f"sqlite:///{work / 'app.sqlite3'}"
    add_users(url, [("zhangsan", PASSWORD, "staff", "张三"), ("lisi", PASSWORD, "editor", "李四")])
    ws = AppService.from_settings(Settings(database_url=url))
    try:
        draft = ws.default_draft("zhangsan")
        ws.send("zhangsan", draft.id, "网站公开政务信息148条")
        ws.draft_all("zhangsan", draft.id)
    finally:
        ws.store.close()
    with AppServer(url, work) as base:
        yield base, work


def test_offline_rewrite_offers_what_works_and_a_refusal_keeps_the_editors_text(app):
    from playwright.sync_api import expect

    base, work = app
    expect.set_options(timeout=30_000)
    with logged_in_page(base, "lisi", PASSWORD) as page:
        page.get_by_role("tab", name="正文编辑").click()
        text = page.locator("#part-text textarea")
        page.wait_for_function("() => (document.querySelector('#part-text textarea')?.value || '').includes('148条')")
        saved = text.input_value()
        expect(page.locator("#revise-hint")).to_contain_text("离线模式可以")
        expect(page.locator("#revise-hint")).to_contain_text("配置大模型后")
        expect(page.locator("#revise-concise")).to_have_count(0)
        expect(page.locator("#revise-specific")).to_have_count(0)
        page.screenshot(path=str(work / "rewrite-offline-1366x768.png"))

        # a free instruction the offline engine cannot follow: told why, the typed text stays
        typed = saved + "这是尚未保存的一句。"
        text.fill(typed)
        page.locator("#revise-instruction textarea").fill("语气正式一点")
        page.locator("#part-revise").click()
        told = page.locator("#editor-notice")
        expect(told).to_contain_text("还没有保存")
        assert text.input_value() == typed
        text.fill(saved)
        page.locator("#part-revise").click()
        expect(told).to_contain_text("离线模式不能按“语气正式一点”改写")
        assert text.input_value() == saved
        assert page.locator(".toast-body").count() == 0  # said next to the action, not in a toast

        # 补充：… goes through, with the editor's number
        page.locator("#revise-instruction textarea").fill("补充：全年开展培训2次")
        page.locator("#part-revise").click()
        page.wait_for_function("() => document.querySelector('#part-text textarea').value.endsWith('全年开展培训2次。')")
        expect(told).to_contain_text("保存为第2版")
        page.screenshot(path=str(work / "rewrite-done-1366x768.png"))
    log = (work / "server.log").read_text(encoding="utf-8", errors="replace")
    assert "Traceback" not in log, log[-3000:]
