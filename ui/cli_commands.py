"""``report-assistant serve`` and ``report-assistant user add|list``: the web app's commands.

``add_commands(subparsers)`` adds them to the main parser (``assistant.cli.build_parser``).
"""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import Sequence, TextIO

__all__ = ["add_commands", "cmd_serve", "cmd_user_add", "cmd_user_list", "main"]

EXIT_OK, EXIT_FAILED = 0, 1


def _auth_store():
    from assistant.auth import AuthStore
    from assistant.config import Settings
    from assistant.storage import Store

    store = Store(Settings().database_url)
    return store, AuthStore(store.engine)


def cmd_serve(args) -> int:
    from assistant.errors import ReportAssistantError
    from ui.app import launch, make_workspace

    try:
        ws = make_workspace()
    except ReportAssistantError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_FAILED
    if not ws.auth.list_users():
        print("还没有任何用户，请先创建：report-assistant user add 用户名 --role staff", file=sys.stderr)
    host, port = args.host or ws.settings.host, args.port or ws.settings.port
    if host not in ("127.0.0.1", "localhost", "::1"):
        print(f"注意：监听 {host}，其他电脑也能访问本服务；请确认这是您要的（默认只允许本机访问）。", file=sys.stderr)
    print(f"报告助手已启动：http://{host}:{port}/（Ctrl+C 停止）", flush=True)
    launch(ws, host=host, port=port, concurrency=args.concurrency)
    return EXIT_OK


def _read_password(args, stdin: TextIO) -> str:
    if args.password_stdin:
        return stdin.readline().rstrip("\r\n")
    first = getpass.getpass("密码：")
    if first != getpass.getpass("再输入一次："):
        raise ValueError("两次输入的密码不一致。")
    return first


def cmd_user_add(args, stdin: TextIO | None = None) -> int:
    from assistant.auth import ROLE_LABELS, UserError
    from assistant.errors import ReportAssistantError

    try:
        password = _read_password(args, stdin or sys.stdin)
        store, auth = _auth_store()
        try:
            user = auth.add_user(args.username, password, args.role, args.name or "")
        finally:
            store.close()
    except (UserError, ReportAssistantError, ValueError) as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_FAILED
    print(f"已创建用户 {user.username}（{ROLE_LABELS[user.role]}）。")
    return EXIT_OK


def cmd_user_list(args) -> int:
    from assistant.errors import ReportAssistantError

    try:
        store, auth = _auth_store()
    except ReportAssistantError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_FAILED
    try:
        users = auth.list_users()
    finally:
        store.close()
    if not users:
        print("还没有任何用户。")
    for u in users:
        state = "" if u.active else "\t（已停用）"
        print(f"{u.username}\t{u.role}\t{u.role_label}\t{u.display_name}{state}")
    return EXIT_OK


def add_commands(sub) -> None:
    """Add ``serve`` and ``user`` to the subparsers of the main command line."""
    from assistant.auth import ROLES

    s = sub.add_parser("serve", help="启动网页版报告助手（默认只在本机 127.0.0.1:7860 访问）")
    s.add_argument("--host", default=None, help="监听地址（默认 REPORT_HOST 或 127.0.0.1，只允许本机访问）")
    s.add_argument("--port", type=int, default=None, help="端口（默认 REPORT_PORT 或 7860）")
    s.add_argument("--concurrency", type=int, default=16, help="同时处理的请求数（默认 16）")
    s.set_defaults(func=cmd_serve)

    u = sub.add_parser("user", help="管理网页版的用户")
    usub = u.add_subparsers(dest="user_command", required=True, metavar="操作")
    add = usub.add_parser("add", help="新建用户（密码在提示时输入，或用 --password-stdin 从标准输入读取一行）")
    add.add_argument("username", help="登录用户名")
    add.add_argument("--role", required=True, choices=ROLES,
                     help="角色：staff 起草人员，editor 编辑，supervisor 审核人员")
    add.add_argument("--name", help="显示的姓名（默认同用户名）")
    add.add_argument("--password-stdin", action="store_true", help="从标准输入读取密码（一行）")
    add.set_defaults(func=cmd_user_add)
    ls = usub.add_parser("list", help="列出全部用户")
    ls.set_defaults(func=cmd_user_list)


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m ui``: the same commands without the rest of the command line."""
    p = argparse.ArgumentParser(prog="python -m ui", description="政府信息公开工作年度报告起草助手（网页版）")
    add_commands(p.add_subparsers(dest="command", required=True, metavar="命令"))
    args = p.parse_args(argv)
    return args.func(args)
