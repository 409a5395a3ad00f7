"""Regenerate the README's screenshots: ``python -m tests.screenshots [--out docs]``.

Starts the app on a loopback port with a temporary database, gives the sample's facts through the
chat as a member of staff, drafts the narrative, and photographs the chat with the preview; then
enters a wrong number in table 三 and photographs the validation tab. Needs Debian's chromium.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from eval.harness import AppServer, add_users, edit_cell, launch_chromium, login, send_message

__all__ = ["main", "take_screenshots"]

_USER = ("zhangsan", "screenshot-password", "staff", "张三")
_VIEWPORT = {"width": 1500, "height": 1000}


def take_screenshots(out_dir: Path) -> list[Path]:
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=30_000)
    from tests.dialogue_support import SAMPLE_DIALOGUE

    out_dir.mkdir(parents=True, exist_ok=True)
    chat_png, validation_png = out_dir / "screenshot-chat.png", out_dir / "screenshot-validation.png"
    with tempfile.TemporaryDirectory(prefix="report-assistant-shots-") as tmp:
        work = Path(tmp)
        url = f"sqlite:///{work / 'app.sqlite3'}"
        add_users(url, [_USER])
        with AppServer(url, work) as base, sync_playwright() as p:
            browser = launch_chromium(p)
            try:
                page = browser.new_context(locale="zh-CN", viewport=_VIEWPORT, device_scale_factor=1).new_page()
                page.set_default_timeout(30_000)
                login(page, base, _USER[0], _USER[1])
                for message in SAMPLE_DIALOGUE[:-1]:
                    send_message(page, message)
                send_message(page, "生成初稿")
                preview = page.locator("#preview")
                preview.locator('.num[data-fact="website_items"]').first.click()
                expect(page.locator("#provenance")).to_contain_text("不对，网站是148条")
                page.evaluate("() => { window.scrollTo(0, 0); document.querySelector('#preview').scrollTop = 0; }")
                page.screenshot(path=str(chat_png))

                page.get_by_role("tab", name="数据表").click()
                edit_cell(page, "t3", 0, 1, "5")
                page.get_by_role("tab", name="校验").click()
                expect(page.locator("#findings li.error").first).to_be_visible()
                page.evaluate("() => window.scrollTo(0, 0)")
                page.screenshot(path=str(validation_png))
            finally:
                browser.close()
    return [chat_png, validation_png]


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m tests.screenshots", description="重新生成 README 中的截图")
    p.add_argument("--out", default="docs", help="输出目录（默认 docs）")
    args = p.parse_args(argv)
    for path in take_screenshots(Path(args.out)):
        print(f"已生成：{path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
