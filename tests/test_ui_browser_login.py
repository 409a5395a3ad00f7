"""The login page and user management in a real browser (Debian's Chromium) set to American English:
the page names the product (in the page and the browser's title) and speaks Chinese only, with no
command-line hint; a wrong or throttled login shows the server's Chinese reason; after the login
Gradio's own words (upload box, grid menu, toasts) are Chinese too. A supervisor adds a clerk who
logs in, then deactivates them: their open page is logged out and their login refused; staff do not
see the tab."""

from __future__ import annotations

import re

import pytest

from eval.harness import launch_chromium, logged_in_page, login, open_new_draft
from tests.test_ui_browser import PASSWORD, served
from ui._page import APP_TITLE

pytestmark = pytest.mark.timeout(400)

ENGLISH = re.compile(r"\b(Log ?in|Username|Password|Incorrect|Credentials|Drop File|Click to Upload|Filter|Error|"
                     r"Warning|Info|Loading)\b", re.I)
MAX_FAILURES = 3


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    users = [("zhangsan", PASSWORD, "staff", "张三"), ("wangwu", PASSWORD, "supervisor", "王五"),
             ("guess", PASSWORD, "staff", "被猜的人")]
    yield from served(tmp_path_factory, "ui-login", users, env={"REPORT_LOGIN_MAX_FAILURES": str(MAX_FAILURES)})


def _english_page(p, width: int = 1366, height: int = 768):
    browser = launch_chromium(p)
    context = browser.new_context(locale="en-US", viewport={"width": width, "height": height})
    context.set_default_timeout(30_000)
    return browser, context


def _try_login(page, username: str, password: str) -> str:
    """Submit the login form and return the message it shows."""
    page.locator("#login-message").evaluate("el => el.textContent = ''")
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(password)
    page.get_by_role("button", name="登录").click()
    page.wait_for_function("() => document.querySelector('#login-message').textContent.length > 0")
    return page.locator("#login-message").inner_text()


def test_the_login_page_names_the_product_in_chinese_and_shows_the_servers_reason(app):
    from playwright.sync_api import expect, sync_playwright

    base, work = app
    with sync_playwright() as p:
        browser, context = _english_page(p)
        try:
            page = context.new_page()
            page.goto(base)
            expect(page.locator("#product-name")).to_have_text(APP_TITLE)
            assert APP_TITLE in page.title()
            assert page.evaluate("navigator.language") == "en-US"  # the browser is English indeed
            shown = page.inner_text("body")
            assert "用户名" in shown and "密码" in shown and "登录" in shown
            assert not ENGLISH.search(shown) and not re.search(r"[A-Za-z]{3,}", shown), shown
            assert "report-assistant" not in page.content()
            page.screenshot(path=str(work / "login-en-US-1366x768.png"))

            assert _try_login(page, "zhangsan", "wrong-password") == "用户名或密码不正确。"
            for _ in range(MAX_FAILURES - 1):
                _try_login(page, "guess", "wrong-password")
            # the failures for this name are used up: even the right password is refused, with the reason
            assert "用户名或密码不正确" in _try_login(page, "guess", "wrong-password")
            reason = _try_login(page, "guess", PASSWORD)
            assert "登录失败次数过多" in reason and "分钟后再试" in reason
            expect(page.locator("#product-name")).to_be_visible()  # still the login page
            page.screenshot(path=str(work / "login-throttled.png"))
            with pytest.raises(RuntimeError, match="用户名或密码不正确"):  # the harness says why, at once
                login(page, base, "zhangsan", "wrong-password")
        finally:
            browser.close()


def test_after_the_login_gradios_own_words_are_chinese_under_an_english_browser(app):
    from playwright.sync_api import expect

    base, work = app
    expect.set_options(timeout=30_000)
    with logged_in_page(base, "zhangsan", PASSWORD, locale="en-US") as page:
        assert APP_TITLE in page.title()
        assert page.evaluate("document.documentElement.lang") == "zh-CN"
        open_new_draft(page)
        upload = page.locator("#import-box")
        upload.click()  # the accordion with the upload box
        expect(upload).to_contain_text("点击上传")
        assert "拖放" in upload.inner_text() and not ENGLISH.search(upload.inner_text())
        # a data grid's column menu
        page.get_by_role("tab", name="数据表").click()
        page.locator("#grid-t2 th").nth(1).hover()
        page.locator("#grid-t2 th .cell-menu-button").nth(1).click(force=True)
        menu = page.locator(".cell-menu")
        expect(menu).to_contain_text("升序排序")
        expect(menu).to_contain_text("筛选")
        assert not ENGLISH.search(menu.inner_text()), menu.inner_text()
        page.keyboard.press("Escape")
        page.screenshot(path=str(work / "app-en-US.png"))
        assert not ENGLISH.search(page.inner_text("body")), page.inner_text("body")
        assert page.get_by_role("tab", name="用户管理").count() == 0  # staff: no user management
        # logging out brings the login page back
        page.locator("#logout").click()
        expect(page.locator("#product-name")).to_have_text(APP_TITLE)


def test_a_supervisor_adds_a_clerk_then_deactivates_them(app):
    from playwright.sync_api import expect, sync_playwright

    base, work = app
    expect.set_options(timeout=30_000)
    with sync_playwright() as p:
        browser, context = _english_page(p)
        try:
            boss = context.new_page()
            login(boss, base, "wangwu", PASSWORD)
            boss.get_by_role("tab", name="用户管理").click()
            table = boss.locator("#users-table")
            expect(table).to_contain_text("zhangsan")
            boss.locator("#new-username input, #new-username textarea").fill("zhaoliu")
            boss.locator("#new-display-name input, #new-display-name textarea").fill("赵六")
            boss.locator("#new-password input").fill("赵六的密码-2024")
            boss.locator("#add-user-go").click()
            notice = boss.locator("#users-notice")  # said next to the buttons, not in a toast
            expect(notice).to_contain_text("已添加起草人员“赵六”")
            expect(table).to_contain_text("zhaoliu")
            assert boss.locator(".toast-body").count() == 0
            boss.screenshot(path=str(work / "users-added.png"))

            # the new clerk logs in, in a browser of their own
            other = browser.new_context(locale="en-US", viewport={"width": 1366, "height": 768})
            clerk = other.new_page()
            login(clerk, base, "zhaoliu", "赵六的密码-2024")
            expect(clerk.locator("#user-badge")).to_contain_text("赵六")

            # deactivated: the open page is logged out, the login refused with the reason
            boss.locator("#user-pick input").click()
            boss.get_by_role("option", name=re.compile("zhaoliu")).click()
            boss.locator("#deactivate-user").click()
            expect(notice).to_contain_text("已停用“赵六”的账号")
            expect(table).to_contain_text("已停用")
            clerk.reload()
            expect(clerk.locator("#product-name")).to_have_text(APP_TITLE)
            assert "已停用" in _try_login(clerk, "zhaoliu", "赵六的密码-2024")
            # a supervisor cannot deactivate themselves: refused in Chinese, nothing changes
            boss.locator("#user-pick input").click()
            boss.get_by_role("option", name=re.compile("wangwu")).click()
            boss.locator("#deactivate-user").click()
            expect(notice).to_contain_text("不能停用自己的账号")
            expect(notice.locator(".notice.refused")).to_be_visible()
            assert boss.locator(".toast-body").count() == 0
            boss.screenshot(path=str(work / "users-refused.png"))
        finally:
            browser.close()
    log = (work / "server.log").read_text(encoding="utf-8", errors="replace")
    assert "Traceback" not in log, log[-3000:]
