"""The app in a real browser (Debian's Chromium, driven by Playwright), end to end on the sample:
staff give the facts through the chat and see the preview fill in, open the provenance of a
number, break and fix a table cell, reload; a supervisor approves and downloads a DOCX that the
importer reads back with the sample's numbers. No request leaves the machine."""

from __future__ import annotations

import os
import re
import time

import pytest

from assistant.importing import load_report
from eval.harness import AppServer, add_users, edit_cell, find_chromium, launch_chromium, login, send_message
from tests.dialogue_support import SAMPLE_DIALOGUE, gold, tables_of

pytestmark = pytest.mark.timeout(400)

PASSWORD = "测试密码-2024"
USERS = [("zhangsan", PASSWORD, "staff", "张三"), ("lisi", PASSWORD, "editor", "李四"),
         ("wangwu", PASSWORD, "supervisor", "王五")]
TITLE = "烟台市机关事务管理局2023年政府信息公开工作年度报告"


def _require_browser() -> None:
    missing = None
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        missing = "没有安装 playwright（Python 包）"
    if missing is None and find_chromium() is None:
        missing = "没有 Chromium（Debian 软件包 chromium）"
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"CI 中必须能运行浏览器测试：{missing}（见 .ci/run）")
        pytest.skip(missing)


def served(tmp_path_factory, name: str, users: list[tuple[str, str, str, str]], **server):
    """The app on loopback with ``users``, for one module's browser tests: yields (base URL, its
    folder, where server.log is)."""
    _require_browser()
    work = tmp_path_factory.mktemp(name)
    url = f"sqlite:///{work / 'app.sqlite3'}"
    add_users(url, users)
    with AppServer(url, work, **server) as base:
        yield base, work


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    _require_browser()
    work = tmp_path_factory.mktemp("ui-browser")
    url = f"sqlite:///{work / 'app.sqlite3'}"
    add_users(url, USERS)
    with AppServer(url, work) as base:
        yield base


def test_staff_draft_the_sample_and_a_supervisor_exports_it(app, tmp_path):
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=30_000)  # generous: the machine may be busy
    started = time.monotonic()
    external: list[str] = []
    with sync_playwright() as p:
        browser = launch_chromium(p)
        try:
            ctx = browser.new_context(locale="zh-CN", viewport={"width": 1600, "height": 1000})
            ctx.set_default_timeout(30_000)
            ctx.on("request", lambda r: external.append(r.url)
                   if not r.url.startswith(("http://127.0.0.1", "data:", "blob:")) else None)
            page = ctx.new_page()
            login(page, app, "zhangsan", PASSWORD)
            chat, preview = page.locator("#chat"), page.locator("#preview")
            expect(chat).to_contain_text("您好！我来帮您收集")
            expect(page.get_by_role("tab", name="审核与导出")).to_have_count(0)  # not offered to staff

            # the sample's facts through the chat; the preview fills in as they arrive
            send_message(page, SAMPLE_DIALOGUE[0])
            expect(preview.locator("h1")).to_have_text(TITLE)
            for message in SAMPLE_DIALOGUE[1:]:
                send_message(page, message)
            expect(chat).to_contain_text("必填内容已经全部齐全")
            expect(preview.locator('td[data-address="t3.new_received.total"]')).to_have_text("0")
            send_message(page, "生成初稿")
            expect(chat).to_contain_text("已起草13个部分")
            expect(preview.locator('p[data-part="p1.active"]')).to_contain_text("148条")
            expect(preview.locator('p[data-part="p6.0"]')).to_contain_text("本年度未收取信息处理费")

            # where a number came from: the chat words that gave it
            preview.locator('.num[data-fact="website_items"]').first.click()
            provenance = page.locator("#provenance")
            expect(provenance).to_contain_text("不对，网站是148条")
            expect(provenance).to_contain_text("张三")

            # a wrong number in the table-三 grid is marked and reported; fixing it clears the error
            page.get_by_role("tab", name="数据表").click()
            edit_cell(page, "t3", 0, 1, "5")
            expect(page.locator("#grid-status")).to_contain_text("已保存")
            total = page.locator('#grid-t3 [data-testid="cell-0-7"]')  # the row's 总计, now wrong
            total.hover()
            expect(total).to_have_attribute("title", re.compile("错误：.*总计"))
            page.get_by_role("tab", name="校验").click()
            findings = page.locator("#findings")
            expect(findings).to_contain_text("表三「一、本年新收政府信息公开申请数量」行")
            expect(findings.locator("li.error")).not_to_have_count(0)
            # a finding, clicked, shows its cell in the preview, highlighted
            findings.locator('li.error[data-target="t3.new_received.total"]').first.click()
            cell = preview.locator('td[data-address="t3.new_received.total"]')
            expect(cell).to_have_class(re.compile("flash"))
            expect(cell).to_be_in_viewport()
            page.get_by_role("tab", name="数据表").click()
            edit_cell(page, "t3", 0, 1, "0")
            page.get_by_role("tab", name="校验").click()
            expect(findings).to_contain_text("未发现问题")

            # a reload brings back the same conversation and draft, from the database
            page.reload()
            page.wait_for_function("() => (document.querySelector('#user-badge') || {}).innerText?.includes('（')")
            expect(chat).to_contain_text("不对，网站是148条")
            expect(chat).to_contain_text("已起草13个部分")
            expect(preview.locator("h1")).to_have_text(TITLE)
            preview.locator('td[data-address="t3.new_received.natural"]').click()
            expect(provenance).to_contain_text("手工修改")
            # staff send it for review: the chat is then closed to them
            page.locator("#move-submit").click()
            # asked first; the cell typed in after drafting is named (the text may not say it yet)
            expect(page.locator("#review-confirm-text")).to_contain_text("起草正文之后，又补充或更正了 1 项")
            page.locator("#confirm-submit").click()
            expect(page.locator("#draft-status")).to_contain_text("待审核")
            # the chat is closed to staff now, and the page says why
            expect(page.locator("#send")).to_be_disabled()
            expect(page.locator("#write-note")).to_contain_text("报告已提交审核")
            page.locator("#logout").click()
            expect(page.get_by_label("密码")).to_be_visible()

            # the supervisor, in another browser session, approves and downloads the DOCX
            sup = browser.new_context(locale="zh-CN", viewport={"width": 1600, "height": 1000}, accept_downloads=True)
            sup.set_default_timeout(30_000)
            sup.on("request", lambda r: external.append(r.url)
                   if not r.url.startswith(("http://127.0.0.1", "data:", "blob:")) else None)
            page2 = sup.new_page()
            login(page2, app, "wangwu", PASSWORD)
            expect(page2.locator("#preview h1")).to_have_text(TITLE)
            expect(page2.locator("#chat")).to_contain_text("不对，网站是148条")  # the same draft, elsewhere
            expect(page2.locator("#send")).to_be_hidden()
            page2.get_by_role("tab", name="审核与导出").click()
            gate = page2.locator("#gate")
            expect(gate).to_contain_text("待审核")
            page2.locator("#move-approve").click()
            expect(page2.locator("#review-confirm-text")).to_contain_text("确定审核定稿吗")
            page2.locator("#confirm-approve").click()
            expect(gate).to_contain_text("由王五")
            expect(page2.locator("#draft-status")).to_contain_text("已定稿")
            page2.locator("#export").click()
            link = page2.locator("#export-file a[download]").first
            expect(link).to_be_visible(timeout=60_000)
            with page2.expect_download() as download:
                link.click()
            saved = tmp_path / "exported.docx"
            download.value.save_as(saved)
        finally:
            browser.close()

    exported = load_report(saved)
    assert exported.meta.agency_name == "烟台市机关事务管理局" and exported.meta.report_year == 2023
    assert tables_of(exported) == tables_of(gold())
    assert external == [], f"页面向外部地址发出了请求：{external}"
    assert time.monotonic() - started < 180
