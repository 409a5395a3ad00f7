"""Regenerate the README's screenshots: ``python -m tests.screenshots [--out docs]``.

They are the pictures of the acceptance walk (``tests.test_ui_browser_walk.walk``), taken while it
runs and checks every step: the login page under an English browser, the 校验 tab halfway through
(what is still to fill), the chat with the preview, a number's source next to it, and a
supervisor's to-do list. Starts the app on a loopback port with a temporary database; needs
Debian's chromium.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

from eval.harness import AppServer, add_users

__all__ = ["main", "take_screenshots"]

# the walk's picture → the README's file name
NAMES = {"login": "screenshot-login.png", "validation": "screenshot-validation.png",
         "chat-preview": "screenshot-chat.png", "provenance": "screenshot-provenance.png",
         "todo": "screenshot-todo.png"}


def take_screenshots(out_dir: Path) -> list[Path]:
    from tests.test_ui_browser_walk import USERS, walk

    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="report-assistant-shots-") as tmp:
        work = Path(tmp)
        url = f"sqlite:///{work / 'app.sqlite3'}"
        add_users(url, USERS)
        with AppServer(url, work) as base:
            taken = walk(base, work / "shots")
        out = []
        for shot in taken:
            target = out_dir / NAMES[shot.stem]
            shutil.copyfile(shot, target)
            out.append(target)
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m tests.screenshots", description="重新生成 README 中的截图")
    p.add_argument("--out", default="docs", help="输出目录（默认 docs）")
    args = p.parse_args(argv)
    for path in take_screenshots(Path(args.out)):
        print(f"已生成：{path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
