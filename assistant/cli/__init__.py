"""Command line: ``report-assistant check|export|rules|chat|draft|user|llm|ledger|serve|audit|aggregate|eval``.

Exit status: 0 no error, 1 errors found (check) or export refused, 2 a file could not be read.
Every command that changes a stored draft goes through ``assistant.app.AppService``. ``serve``,
``audit``/``aggregate`` and ``eval`` are registered by name and imported only when run, so the
command line starts without Gradio and works where ``eval`` (a checkout-only package) is absent.
"""

from __future__ import annotations

import argparse
import getpass
import importlib
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from assistant.errors import ReportAssistantError, ReportReadError
from schemas import Finding, Report
from schemas import labels as L
from schemas.layout import location_label

__all__ = [
    "CHECK_JSON_SCHEMA_VERSION", "EXIT_ERRORS", "EXIT_OK", "EXIT_UNREADABLE", "LAZY_COMMANDS", "build_parser",
    "check_document", "cmd_chat", "cmd_check", "cmd_export", "cmd_rules", "finding_to_json", "main",
]

EXIT_OK, EXIT_ERRORS, EXIT_UNREADABLE = 0, 1, 2
CHECK_JSON_SCHEMA_VERSION = 1


def _load(path: str) -> Report:
    from assistant.importing import load_report

    try:
        return load_report(Path(path))
    except ReportReadError:
        raise
    except (OSError, UnicodeError, ValueError) as exc:  # the importer should say it; never a traceback
        raise ReportReadError(f"无法读取文件“{path}”：{exc}") from exc


def finding_to_json(f: Finding) -> dict:
    loc = f.location
    return {
        "rule": f.rule,
        "severity": f.severity,
        "location": {
            "address": loc.address,
            "label": location_label(loc),
            "span": list(loc.span) if loc.span else None,
            "related": list(loc.related),
        },
        "message": f.message,
    }


def check_document(path: str, report: Report, findings: list[Finding]) -> dict:
    """The stable JSON of ``check --json`` (documented in README)."""
    errors = sum(f.severity == "error" for f in findings)
    src = report.source
    return {
        "schema_version": CHECK_JSON_SCHEMA_VERSION,
        "file": path,
        "report": {
            "agency_name": report.meta.agency_name,
            "agency_level": report.meta.agency_level,
            "report_year": report.meta.report_year,
            "format_version": src.format_version if src else "2021",
        },
        "summary": {"errors": errors, "warnings": len(findings) - errors},
        "findings": [finding_to_json(f) for f in findings],
    }


def _print_findings(path: str, report: Report, findings: list[Finding], out) -> None:
    m = report.meta
    head = m.title or f"{m.agency_name}{m.report_year or ''}年{L.REPORT_TITLE_SUFFIX}"
    print(f"{path}：{head}", file=out)
    if not findings:
        print("未发现问题。", file=out)
        return
    from assistant.validation import blank_summary

    folded = {f: t for t in blank_summary(report, findings) if len(t.rows) >= 3 for f in t.findings}
    said = set()
    for f in findings:
        tag = "错误" if f.severity == "error" else "警告"
        if f in folded:  # 表三有23行空白: one line for the table, its rows named
            if folded[f] not in said:
                said.add(folded[f])
                print(f"[{tag}] A4 {folded[f].sentence()}。应填写数字（没有发生的填0）；校验勾稽关系时暂按0计算",
                      file=out)
            continue
        print(f"[{tag}] {f.rule} {_located(f)}", file=out)
    shown = [f for f in findings if f not in folded] + [next(iter(t.findings)) for t in said]
    errors = sum(f.severity == "error" for f in shown)
    note = f"（空白单元格按表合并为一行；逐行共 {len(findings)} 处，见 --json）" if said else ""
    print(f"共 {errors} 个错误、{len(shown) - errors} 个警告。{note}", file=out)


def _located(f: Finding) -> str:
    """Where and what, without saying the place twice when the message opens with it."""
    label = location_label(f.location)
    bare = location_label(f.location.model_copy(update={"span": None}))
    if f.message.startswith(bare) and not f.message.startswith(bare + "：") and len(f.message) > len(bare):
        return label + f.message[len(bare):]
    return f"{label}：{f.message}"


def cmd_check(args) -> int:
    from assistant.validation import has_errors, validate

    report = _load(args.file)
    previous = _load(args.previous) if args.previous else None
    findings = validate(report, previous)
    if args.json:
        json.dump(check_document(args.file, report, findings), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        _print_findings(args.file, report, findings, sys.stdout)
    return EXIT_ERRORS if has_errors(findings) else EXIT_OK


def cmd_export(args) -> int:
    from assistant.export import ExportRefused, acknowledge_all, export_report

    report = _load(args.file)
    previous = _load(args.previous) if args.previous else None
    ack = acknowledge_all(report, args.who or getpass.getuser(), previous=previous) if args.acknowledge_warnings else None
    try:
        result = export_report(report, args.to, Path(args.output), previous=previous, acknowledgement=ack)
    except ExportRefused as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_ERRORS
    print(f"已导出：{result.path}", file=sys.stdout)
    return EXIT_OK


def cmd_rules(args) -> int:
    from assistant.validation import RULES

    for rule, text in RULES.items():
        print(f"{rule}\t{text}")
    return EXIT_OK


def cmd_chat(args) -> int:
    from assistant.app import AppService
    from assistant.cli._chat import run_chat

    app = AppService.from_settings(local_user=True)
    try:
        return run_chat(app, user=args.user or getpass.getuser(), draft_id=args.draft, previous=args.previous)
    finally:
        app.close()


# commands that live in other packages: (module, help); the module's ``add_commands(subparsers)``
# defines them when one of them is run
LAZY_COMMANDS: dict[str, tuple[str, str]] = {
    "serve": ("ui.cli_commands", "启动网页版报告助手（默认只在本机 127.0.0.1:7860 访问）"),
    "audit": ("assistant.audit.commands", "批量校验一个文件夹中的报告，输出 Excel 汇总表和网页"),
    "aggregate": ("assistant.audit.commands", "汇总多份报告的统计数字"),
    "eval": ("eval.commands", "评测（需在源码目录中运行）：事实抽取、起草忠实度、校验器检出率和导入准确率"),
}


def _run_lazy(name: str, rest: Sequence[str]) -> int:
    module_name = LAZY_COMMANDS[name][0]
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if not (exc.name and module_name.startswith(exc.name)):
            raise
        if name == "eval":
            print("评测数据集不随安装包发布：请在源码目录中运行 python3 scripts/run.py eval"
                  "（或在源码目录中执行 python -m eval）。", file=sys.stderr)
        else:
            print(f"这个安装包中没有“{name}”命令所需的模块 {module_name}。", file=sys.stderr)
        return EXIT_UNREADABLE
    parser = argparse.ArgumentParser(prog="report-assistant")
    module.add_commands(parser.add_subparsers(dest="command", required=True, metavar="命令"))
    args = parser.parse_args([name, *rest])
    return args.func(args)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="report-assistant", description="政府信息公开工作年度报告起草与校验助手")
    sub = p.add_subparsers(dest="command", required=True, metavar="命令")

    c = sub.add_parser("check", help="校验一份年度报告（文本、DOCX、HTML 或 JSON）")
    c.add_argument("file", help="报告文件")
    c.add_argument("--previous", help="同一机关上一年度的报告，用于跨年度校验")
    c.add_argument("--json", action="store_true", help="以 JSON 输出校验结果")
    c.set_defaults(func=cmd_check)

    e = sub.add_parser("export", help="校验通过后导出为 Word、PDF、HTML、Markdown 或 JSON")
    e.add_argument("file", help="报告文件（导入器能读取的任何格式）")
    e.add_argument("--to", required=True, choices=["docx", "pdf", "html", "md", "json"], help="导出格式")
    e.add_argument("-o", "--output", required=True, help="输出文件路径")
    e.add_argument("--previous", help="上一年度报告，用于跨年度校验")
    e.add_argument("--acknowledge-warnings", action="store_true", help="确认全部警告后导出（记录确认人和时间）")
    e.add_argument("--who", help="确认人姓名（默认为当前系统用户）")
    e.set_defaults(func=cmd_export)

    r = sub.add_parser("rules", help="列出全部校验规则")
    r.set_defaults(func=cmd_rules)

    ch = sub.add_parser("chat", help="在终端通过对话收集报告所需的事实（每行一条消息，粘贴多行表格时前后各用一行 \"\"\"）")
    ch.add_argument("--draft", type=int, help="继续编号为 ID 的草稿（默认新建）")
    ch.add_argument("--user", help="用户名（默认为当前系统用户）")
    ch.add_argument("--previous", help="上一年度报告（导入器能读取的任何格式），用于预填上年结转和跨年度校验")
    ch.set_defaults(func=cmd_chat)
    from assistant.cli._drafts import add_commands

    add_commands(sub)  # draft …, user …
    from assistant.cli._llm import add_commands as add_llm_commands

    add_llm_commands(sub)  # llm check
    from assistant.cli._ledger import add_commands as add_ledger_commands

    add_ledger_commands(sub)  # ledger
    for name, (_, help_text) in LAZY_COMMANDS.items():
        sub.add_parser(name, help=help_text, add_help=False)  # listed in --help; run by main()
    return p


def main(argv: Sequence[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")  # Chinese output on consoles that default to cp936/ascii
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv and argv[0] in LAZY_COMMANDS:
            return _run_lazy(argv[0], argv[1:])
        args = build_parser().parse_args(argv)
        return args.func(args)
    except BrokenPipeError:  # `… | head`: the reader is gone, nothing more to say
        return EXIT_OK
    except ReportReadError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_UNREADABLE
    except ReportAssistantError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_ERRORS

