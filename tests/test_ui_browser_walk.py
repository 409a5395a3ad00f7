"""Issue 16's walk: a 街道 clerk gives a whole report in her own words (a dialogue of the staff
corpus, typed as she typed it) on an office PC's screen, 1366×768, drafts it, reads it to part 六,
and submits it; a supervisor finds it in the to-do list and approves it. Along the way the page
never shows an error badge, a toast or an English word outside the allow-list, and the server
logs no traceback. The screenshots it takes are the README's (``docs/``, see ``tests.screenshots``)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from eval.harness import (
    launch_chromium,
    login,
    send_message,
    shown_revision,
    wait_for_new_revision,
)
from tests.test_ui_browser import PASSWORD, served

pytestmark = pytest.mark.timeout(600)

DIALOGUE = json.loads((Path(__file__).parents[1] / "eval/datasets/staff/tune-27.json").read_text(encoding="utf-8"))
# Latin words a Chinese office page may show: file formats and products staff know by these names
USERS = [("liuli", PASSWORD, "staff", "刘丽"), ("wangwu", PASSWORD, "supervisor", "王五")]  # the walk's clerk and supervisor
ALLOWED_LATIN = {"Word", "PDF", "Excel", "WPS", "Markdown", "DOCX"}


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    yield from served(tmp_path_factory, "ui-walk", USERS)


def english_words(page) -> set[str]:
    """Every Latin word the page shows: its text, placeholders and hover titles, and the window title
    (screen-reader labels are not shown; Gradio writes some of its own in English)."""
    text = page.evaluate("""() => {
        const seen = [document.body.innerText, document.title];
        for (const el of document.querySelectorAll('[placeholder], [title]')) {
            if (el.offsetParent === null) continue;
            seen.push(el.getAttribute('placeholder') || '', el.getAttribute('title') || '');
        }
        return seen.join('\\n');
    }""")
    return {w for w in re.findall(r"[A-Za-z]{2,}", text) if w not in ALLOWED_LATIN}


def page_is_clean(page) -> None:
    assert page.locator(".toast-body").count() == 0, "a toast appeared"
    assert page.get_by_text("Error", exact=True).count() == 0
    assert page.get_by_text("错误", exact=True).count() == 0, "an error badge blanked a component"


def test_a_street_office_clerk_walks_through_a_whole_report(app):
    base, work = app
    walk(base, work / "shots")
    log = (work / "server.log").read_text(encoding="utf-8", errors="replace")
    assert "Traceback" not in log, log[-3000:]


def walk(base: str, shots: Path) -> list[Path]:
    """The walk on the app at ``base``, photographing it into ``shots`` (the README's pictures):
    login.png, validation.png, chat-preview.png, provenance.png, todo.png."""
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=30_000)
    shots.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = launch_chromium(p)
        try:
            # an office PC set to English: the page is Chinese all the same
            context = browser.new_context(locale="en-US", viewport={"width": 1366, "height": 768})
            page = context.new_page()
            page.goto(base)
            expect(page.get_by_role("button", name="登录")).to_be_visible()
            page.screenshot(path=str(shots / "login.png"))
            assert english_words(page) == set(), english_words(page)
            login(page, base, "liuli", PASSWORD)
            _clerk(page, shots)
            context.close()
            context = browser.new_context(locale="zh-CN", viewport={"width": 1366, "height": 768})
            page = context.new_page()
            login(page, base, "wangwu", PASSWORD)
            _supervisor(page, shots)
        finally:
            browser.close()
    return [shots / f"{n}.png" for n in ("login", "validation", "chat-preview", "provenance", "todo")]


def _clerk(page, shots: Path) -> None:
    from playwright.sync_api import expect

    # a new report: what is still to fill, per table and part; no wall of errors
    page.get_by_role("tab", name="校验").click()
    findings = page.locator("#findings")
    expect(findings).to_contain_text("还要填写：表二 10 格、表三 175 格、表四 15 格")
    assert findings.locator("li.error").count() == 0
    assert english_words(page) == set(), english_words(page)

    for i, turn in enumerate(DIALOGUE["turns"]):
        send_message(page, turn)
        page_is_clean(page)
        if i == 1:  # halfway: the tables still to fill, as counts
            expect(findings).to_contain_text("还要填写：表二 7 格")
            page.screenshot(path=str(shots / "validation.png"))
    chat = page.locator("#chat")
    expect(chat).to_contain_text("必填内容已经全部齐全")
    expect(findings).not_to_contain_text("还要填写")

    # drafting asks first, then writes every part
    page.locator("#draft-all").click()
    expect(page.locator("#draft-confirm-text")).to_contain_text("确定现在起草吗")
    before = shown_revision(page)
    page.locator("#confirm-draft_all").click()
    wait_for_new_revision(page, before, 120_000)
    expect(chat).to_contain_text("已起草")
    expect(chat).to_contain_text("下一步")
    page_is_clean(page)

    # the clerk reads the report to the end of part 六
    page.get_by_role("tab", name="报告预览").click()
    preview = page.locator("#preview")
    expect(preview.locator("h1")).to_have_text("东湖街道办事处2024年政府信息公开工作年度报告")
    page.evaluate("() => window.scrollTo(0, 0)")
    page.screenshot(path=str(shots / "chat-preview.png"))
    preview.hover()
    for _ in range(30):
        page.mouse.wheel(0, 800)
    expect(preview.locator('p[data-part="p6.6"]')).to_be_in_viewport()
    expect(preview).to_contain_text("176条")
    assert english_words(page) == set(), english_words(page)

    # a number's source opens next to the number that was clicked
    number = preview.locator('.num[data-fact="website_items"]').first
    number.scroll_into_view_if_needed()
    number.click()
    card = page.locator("#provenance-pop")
    expect(card).to_contain_text("176")
    expect(card).to_contain_text("刘丽")  # who said it, in which message
    expect(card).to_be_in_viewport()
    box, at = card.bounding_box(), number.bounding_box()
    assert box and at and abs(box["y"] - (at["y"] + at["height"])) < 260, (box, at)  # next to it
    page.screenshot(path=str(shots / "provenance.png"))
    card.get_by_role("button", name="关闭").click()
    expect(card).to_be_hidden()

    # submitting asks first; then the chat is closed to the clerk, and the page says why
    page.locator("#move-submit").click()
    expect(page.locator("#review-confirm-text")).to_contain_text("确定提交审核吗")
    page.locator("#confirm-submit").click()
    expect(page.locator("#draft-status")).to_contain_text("待审核")
    expect(page.locator("#send")).to_be_disabled()
    expect(page.locator("#draft-all")).to_be_disabled()
    expect(page.locator("#write-note")).to_contain_text("报告已提交审核")
    page_is_clean(page)
    assert english_words(page) == set(), english_words(page)


def _supervisor(page, shots: Path) -> None:
    from playwright.sync_api import expect

    todo = page.locator("#todo")
    expect(todo).to_contain_text("等我审核定稿的 1 份")
    expect(todo).to_contain_text("东湖街道办事处 2024年度")
    page.screenshot(path=str(shots / "todo.png"))
    expect(page.locator("#preview h1")).to_have_text("东湖街道办事处2024年政府信息公开工作年度报告")
    page.locator("#move-approve").click()
    expect(page.locator("#review-confirm-text")).to_contain_text("审核定稿后报告只读")
    page.locator("#confirm-approve").click()
    expect(page.locator("#draft-status")).to_contain_text("已定稿")
    expect(page.locator("#review-notice")).to_contain_text("已审核定稿")
    expect(todo).not_to_contain_text("等我审核定稿")
    page_is_clean(page)
    assert english_words(page) == set(), english_words(page)
