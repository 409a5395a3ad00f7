"""A restart of the server logs nobody out (sessions are in the database): a clerk logged in in a
real browser (Debian's Chromium) is still logged in after the server process stops and a new one
starts on the same database, with the same cookie; a logout then still ends the session."""

from __future__ import annotations

import pytest

from eval.harness import AppServer, add_users, launch_chromium, login
from tests.test_ui_browser import PASSWORD, _require_browser
from ui._gradio_auth import COOKIE

pytestmark = pytest.mark.timeout(400)

BADGE = "() => (document.querySelector('#user-badge') || {}).innerText?.includes('张三')"


def test_a_logged_in_browser_stays_logged_in_across_a_restart(tmp_path):
    from playwright.sync_api import sync_playwright

    _require_browser()
    url = f"sqlite:///{tmp_path / 'app.sqlite3'}"
    add_users(url, [("zhangsan", PASSWORD, "staff", "张三")])
    server = AppServer(url, tmp_path)
    with sync_playwright() as p:
        browser = launch_chromium(p)
        try:
            context = browser.new_context(locale="zh-CN")
            context.set_default_timeout(30_000)
            page = context.new_page()
            with server as base:
                login(page, base, "zhangsan", PASSWORD)
                page.wait_for_function(BADGE)
                cookie = next(c["value"] for c in context.cookies() if c["name"] == COOKIE)
            # the server is down; a new process on the same port and database
            with server:
                page.reload()
                page.wait_for_function(BADGE)  # the app, not the login page
                assert page.locator("#product-name").count() == 0
                assert next(c["value"] for c in context.cookies() if c["name"] == COOKIE) == cookie
                page.goto(base + "logout")
                assert page.locator("#product-name").count() == 1  # the login page again
                page.goto(base)
                assert page.locator("#product-name").count() == 1
        finally:
            browser.close()
