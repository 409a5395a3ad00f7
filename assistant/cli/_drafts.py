"""``report-assistant draft …`` and ``report-assistant user …``: stored drafts and users from the
command line, through the application service (the same rules as the web app)."""

from __future__ import annotations

import argparse
import getpass
import json
import shutil
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path
from typing import Any, TextIO

from assistant.app import EXPORT_CHOICES, AppService
from assistant.auth import ROLE_LABELS, ROLES
from assistant.export import RECORD_SUFFIX
from assistant.workflow import MOVES, STATE_LABELS

__all__ = ["add_commands", "draft_document"]

EXIT_OK, EXIT_FAILED = 0, 1


@contextmanager
def _app() -> Iterator[AppService]:
    app = AppService.from_settings(local_user=True)
    try:
        yield app
    finally:
        app.close()


def _who(args: argparse.Namespace, app: AppService | None = None) -> str:
    """The acting user: --user, else the system user. On a machine with no user at all (one person
    using the command line), a draft named without --user is opened as its own owner."""
    if args.user:
        return str(args.user)
    draft = getattr(args, "draft", None)
    if app is not None and draft is not None and not app.users():
        try:
            return app.store.get_draft(int(draft)).owner
        except Exception:  # an unknown draft: the service says so in Chinese
            pass
    return getpass.getuser()


def _plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if hasattr(value, "blank"):
        return value.blank
    return value


def draft_document(app: AppService, username: str, draft_id: int) -> dict[str, Any]:
    """What ``draft show --json`` prints: the facts, the report (as ``export --to json``), the findings."""
    from assistant.cli import finding_to_json

    snap = app.snapshot(username, draft_id)
    facts = snap.facts
    texts = facts.texts()
    named = {k: _plain(v) for k, v in facts.model_dump(exclude={"cells", "pending", "quotes"}).items()
             if v is not None and k not in texts}
    return {
        "draft": {"id": snap.draft.id, "owner": snap.draft.owner, "status": snap.draft.status,
                  "revision": snap.draft.revision},
        "facts": {"cells": {a: _plain(v) for a, v in sorted(facts.cells.items())}, "named": named, "texts": texts},
        "report": json.loads(snap.assembled.report.model_dump_json()),
        "findings": [finding_to_json(f) for f in snap.findings],
    }


def cmd_draft_list(args: argparse.Namespace) -> int:
    with _app() as app:
        who = _who(args, app)
        drafts = app.drafts(who)
        # (without --user, the system user's drafts: say whose there are, when they are someone else's)
        owners = sorted({d.owner for d in app.store.list_drafts()} - {who}) if not drafts and not args.user else []
        others = (bool(app.users()) or bool(owners)) and not args.user
    if not drafts:
        # (a draft belongs to whoever drafted it: without --user the system user's are listed)
        print(f"用户“{who}”名下还没有报告草稿。草稿属于起草它的用户，可以用 --user 用户名 查看该用户的草稿"
              + (f"（有草稿的用户：{'、'.join(owners[:5])}）。" if owners else "。")
              if others else "还没有报告草稿。")
    for d in drafts:
        what = f"{d.agency_name or '（未填机关名称）'}{d.report_year or ''}"
        print(f"{d.id}\t{STATE_LABELS.get(d.status, d.status)}\t{d.owner}\t{what}")
    return EXIT_OK


def cmd_draft_show(args: argparse.Namespace, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    with _app() as app:
        if args.json:
            json.dump(draft_document(app, _who(args, app), args.draft), out, ensure_ascii=False, indent=2)
            out.write("\n")
            return EXIT_OK
        from assistant.export import render_markdown

        snap = app.snapshot(_who(args, app), args.draft)
        out.write(render_markdown(snap.assembled.report))
        errors = sum(f.severity == "error" for f in snap.findings)
        out.write(f"\n（草稿 {snap.draft.id}，{STATE_LABELS.get(snap.draft.status, snap.draft.status)}；"
                  f"{errors} 个错误、{len(snap.findings) - errors} 个警告）\n")
    return EXIT_OK


def _delivered(path: Path, output: str | None) -> Path:
    """The file exported, copied where ``-o`` asks (the data directory keeps its own copy), with its export
    record beside it as beside the data directory's copy."""
    if not output:
        return path
    target = Path(output)
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(path, target)
    record = path.with_name(path.name + RECORD_SUFFIX)
    if record.exists():
        shutil.copyfile(record, target.with_name(target.name + RECORD_SUFFIX))
    return target


def cmd_draft_export(args: argparse.Namespace) -> int:
    with _app() as app:
        path = app.export(_who(args, app), args.draft, args.to)
    print(f"已导出：{_delivered(path, args.output)}")
    return EXIT_OK


def cmd_draft_copy(args: argparse.Namespace) -> int:
    with _app() as app:
        path = app.export_draft(_who(args, app), args.draft, args.to)
    print(f"已生成草稿副本（每页标有“草稿”，不是定稿）：{_delivered(path, args.output)}")
    return EXIT_OK


def cmd_draft_import(args: argparse.Namespace) -> int:
    with _app() as app:
        reply = app.import_previous(_who(args, app), args.draft, Path(args.file))
    print(reply.text)
    return EXIT_OK


def cmd_draft_move(args: argparse.Namespace) -> int:
    with _app() as app:
        t = app.move(_who(args, app), args.draft, args.move, args.reason or "")
        errors = sum(f.severity == "error" for f in app.snapshot(_who(args, app), args.draft).findings) if (
            args.move == "submit") else 0
    print(f"报告 {args.draft}：{STATE_LABELS.get(t.from_status, t.from_status)} → "
          f"{STATE_LABELS.get(t.to_status, t.to_status)}。")
    if errors:  # (as the web page says before submitting: the reviewer cannot approve it until they are fixed)
        print(f"注意：报告还有 {errors} 个错误（report-assistant draft show {args.draft} 查看），改正前审核人员无法审核通过。")
    return EXIT_OK


def _read_password(args: argparse.Namespace, stdin: TextIO) -> str:
    if args.password_stdin:
        return stdin.readline().rstrip("\r\n")
    first = getpass.getpass("密码：")
    if first != getpass.getpass("再输入一次："):
        raise ValueError("两次输入的密码不一致。")
    return first


def cmd_user_add(args: argparse.Namespace, stdin: TextIO | None = None) -> int:
    try:
        password = _read_password(args, stdin or sys.stdin)
    except ValueError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_FAILED
    with _app() as app:
        user = app.add_user(None, args.username, password, args.role, args.name or "")
    print(f"已创建用户 {user.username}（{ROLE_LABELS[user.role]}）。")
    return EXIT_OK


def cmd_user_list(args: argparse.Namespace) -> int:
    with _app() as app:
        users = app.users()
    if not users:
        print("还没有任何用户。")
    for u in users:
        state = "" if u.active else "\t（已停用）"
        print(f"{u.username}\t{u.role}\t{u.role_label}\t{u.display_name}{state}")
    return EXIT_OK


def add_commands(sub: Any) -> None:
    """Add ``draft`` and ``user`` to the subparsers of the main command line."""
    d = sub.add_parser("draft", help="查看、导出已保存的报告草稿，导入上年报告，提交审核等（与网页版同样的权限）")
    dsub = d.add_subparsers(dest="draft_command", required=True, metavar="操作")

    def with_user(p: argparse.ArgumentParser) -> argparse.ArgumentParser:
        p.add_argument("--user", help="以哪个用户的身份操作（默认为当前系统用户）")
        return p

    with_user(dsub.add_parser("list", help="列出可以查看的报告草稿")).set_defaults(func=cmd_draft_list)
    show = with_user(dsub.add_parser("show", help="显示一份草稿（报告全文、校验结果）"))
    show.add_argument("draft", type=int, help="草稿编号")
    show.add_argument("--json", action="store_true", help="以 JSON 输出事实、报告和校验结果")
    show.set_defaults(func=cmd_draft_show)
    ex = with_user(dsub.add_parser("export", help="导出已定稿的草稿（审核人员）"))
    ex.add_argument("draft", type=int, help="草稿编号")
    ex.add_argument("--to", required=True, choices=list(EXPORT_CHOICES), help="导出格式")
    ex.add_argument("-o", "--output", help="输出文件路径（默认保存在数据目录的 exports 下）")
    ex.set_defaults(func=cmd_draft_export)
    cp = with_user(dsub.add_parser("copy", help="下载草稿副本（Word 或 PDF，每页标有“草稿”；任何状态都可以，给自己或领导看）"))
    cp.add_argument("draft", type=int, help="草稿编号")
    cp.add_argument("--to", default="docx", choices=["docx", "pdf"], help="格式（默认 docx）")
    cp.add_argument("-o", "--output", help="输出文件路径（默认保存在数据目录的 exports 下）")
    cp.set_defaults(func=cmd_draft_copy)
    im = with_user(dsub.add_parser("import", help="导入上年报告（预填上年结转，启用跨年度校验）"))
    im.add_argument("draft", type=int, help="草稿编号")
    im.add_argument("file", help="上年报告文件（DOCX、HTML、TXT、PDF 或 JSON）")
    im.set_defaults(func=cmd_draft_import)
    for move in MOVES.values():
        mv = with_user(dsub.add_parser(move.action, help=move.label))
        mv.add_argument("draft", type=int, help="草稿编号")
        mv.add_argument("--reason", help="理由（退回修改、重新打开时必填）")
        mv.set_defaults(func=cmd_draft_move, move=move.action)

    u = sub.add_parser("user", help="管理网页版的用户")
    usub = u.add_subparsers(dest="user_command", required=True, metavar="操作")
    add = usub.add_parser("add", help="新建用户（密码在提示时输入，或用 --password-stdin 从标准输入读取一行）")
    add.add_argument("username", help="登录用户名")
    add.add_argument("--role", required=True, choices=ROLES,
                     help="角色：staff 起草人员，editor 编辑，supervisor 审核人员")
    add.add_argument("--name", help="显示的姓名（默认同用户名）")
    add.add_argument("--password-stdin", action="store_true", help="从标准输入读取密码（一行）")
    add.set_defaults(func=cmd_user_add)
    usub.add_parser("list", help="列出全部用户").set_defaults(func=cmd_user_list)
