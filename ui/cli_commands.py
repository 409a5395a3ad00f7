"""``report-assistant serve``: the web app's command, imported only when it is run
(``assistant.cli`` registers it by name)."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import Any

__all__ = ["add_commands", "cmd_serve", "main"]

EXIT_OK, EXIT_FAILED = 0, 1


def cmd_serve(args: argparse.Namespace) -> int:
    from assistant.app import AppService
    from assistant.errors import ReportAssistantError

    try:
        app = AppService.from_settings()
    except ReportAssistantError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_FAILED
    # Gradio keeps a copy of each file it serves (the export downloads) in its own folder, chosen when
    # it is imported: inside the data directory, like everything else the app writes
    os.environ.setdefault("GRADIO_TEMP_DIR", str(app.settings.data_dir / "gradio"))
    from ui.app import launch
    if not app.users():
        print("还没有任何用户，请先创建：report-assistant user add 用户名 --role staff", file=sys.stderr)
    host, port = args.host or app.settings.host, args.port or app.settings.port
    if host not in ("127.0.0.1", "localhost", "::1"):
        print(f"注意：监听 {host}，其他电脑也能访问本服务；请确认这是您要的（默认只允许本机访问）。", file=sys.stderr)
    print(f"报告助手已启动：http://{host}:{port}/（Ctrl+C 停止）", flush=True)
    launch(app, host=host, port=port, concurrency=args.concurrency)
    return EXIT_OK


def add_commands(sub: Any) -> None:
    """Add ``serve`` to the subparsers of a command line."""
    s = sub.add_parser("serve", help="启动网页版报告助手（默认只在本机 127.0.0.1:7860 访问）")
    s.add_argument("--host", default=None, help="监听地址（默认 REPORT_HOST 或 127.0.0.1，只允许本机访问）")
    s.add_argument("--port", type=int, default=None, help="端口（默认 REPORT_PORT 或 7860）")
    s.add_argument("--concurrency", type=int, default=16, help="同时处理的请求数（默认 16）")
    s.set_defaults(func=cmd_serve)


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m ui``: the whole command line (``python -m ui serve`` starts the web app)."""
    from assistant.cli import main as cli_main

    return cli_main(argv)
