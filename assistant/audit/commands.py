"""``report-assistant audit`` and ``report-assistant aggregate``.

``add_commands(subparsers)`` adds them to the main parser (``assistant.cli.build_parser``).
Exit status, as ``check``: 0 no report has an error, 1 some report has errors or a file could not be
read (audit) / some report was left out (aggregate), 2 no file could be read / nothing to add up.
"""

from __future__ import annotations

import argparse
import os
import sys

from assistant.errors import ReportAssistantError

__all__ = ["add_commands", "cmd_aggregate", "cmd_audit"]

EXIT_OK, EXIT_ERRORS, EXIT_UNREADABLE = 0, 1, 2

_AUDIT_EPILOG = """\
每个文件在一行中列出：机关、层级、年度、格式版本、各类规则的错误和警告数、状态；
无法读取的文件也占一行并写明原因。同一机关相邻两年的报告自动配对，进行跨年度校验（C3、D1–D3）。
机关层级按机关名称推断（乡、镇、街道→乡镇/街道；县、区、旗、县级市→县级；市、州、盟→市级；
省、自治区、直辖市→省级；国务院部门按名称），无法推断时留空。

退出码：0 所有报告均无错误；1 有报告存在错误，或有文件无法读取；2 没有任何文件可以读取。"""

_AGGREGATE_EPILOG = """\
先逐份校验；无法读取、有错误、不是2021年格式、年度与其他报告不同或机关重复的报告不计入，
并列出原因。其余报告的表二、表三、表四逐格相加，汇总结果再校验一遍。

退出码：0 全部报告均已计入；1 有报告未计入；2 没有可汇总的报告（不生成输出文件）。"""


def _jobs(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError("进程数须为正整数") from None
    if n < 1:
        raise argparse.ArgumentTypeError("进程数须为正整数")
    return n


def cmd_audit(args) -> int:
    from assistant.audit import audit_paths, write_audit_html, write_workbook

    outputs = [args.output] + ([args.html] if args.html else [])
    result = audit_paths(args.paths, exclude=outputs, jobs=args.jobs, show_progress=not args.quiet)
    if not result.rows:
        print("指定的路径下没有找到任何文件。", file=sys.stderr)
        return EXIT_UNREADABLE
    try:
        write_workbook(result, args.output)
        if args.html:
            write_audit_html(result, args.html)
    except OSError as exc:
        raise ReportAssistantError(f"无法写入输出文件：{exc.strerror or exc}。") from None
    rows = result.rows
    unreadable = sum(not r.readable for r in rows)
    with_errors = sum(r.status == "errors" for r in rows)
    warnings_only = sum(r.status == "warnings" for r in rows)
    clean = sum(r.status == "ok" for r in rows)
    rate = len(rows) / result.seconds if result.seconds else 0.0
    print(f"共审核{len(rows)}个文件：有错误{with_errors}份，仅有警告{warnings_only}份，通过{clean}份，"
          f"无法读取{unreadable}个；跨年度比对{result.pairs}对。用时{result.seconds:.1f}秒"
          f"（{rate:.1f}份/秒，{result.jobs}个进程）。")
    print(f"已写入：{args.output}" + (f"、{args.html}" if args.html else ""))
    if unreadable == len(rows):
        return EXIT_UNREADABLE
    return EXIT_ERRORS if with_errors or unreadable else EXIT_OK


def cmd_aggregate(args) -> int:
    from assistant.audit import aggregate, write_aggregate

    result = aggregate(args.paths, agency=args.agency or "", year=args.year, jobs=args.jobs,
                       show_progress=not args.quiet, exclude=[args.output])
    for e in result.excluded:
        print(f"未计入：{e.file}（{e.agency or '机关不明'}）：{e.reason}")
    if result.report is None:
        print("没有可汇总的报告，未生成输出文件。", file=sys.stderr)
        return EXIT_UNREADABLE
    try:
        write_aggregate(result, args.output)
    except OSError as exc:
        raise ReportAssistantError(f"无法写入输出文件：{exc.strerror or exc}。") from None
    errors = sum(f.severity == "error" for f in result.findings)
    print(f"已汇总{len(result.included)}份报告（{result.report.meta.report_year}年），未计入{len(result.excluded)}份；"
          f"汇总结果校验：{errors}个错误、{len(result.findings) - errors}个警告。已写入：{args.output}")
    return EXIT_ERRORS if result.excluded or errors else EXIT_OK


def add_commands(sub) -> None:
    cores = os.cpu_count() or 1
    a = sub.add_parser("audit", help="批量审核一批报告（文本、DOCX、HTML、PDF），输出Excel工作簿和网页汇总",
                       description="批量审核文件夹中的年度报告，按报告和规则汇总问题。", epilog=_AUDIT_EPILOG,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    a.add_argument("paths", nargs="+", metavar="路径", help="报告文件或文件夹（递归查找其中所有文件）")
    a.add_argument("-o", "--output", required=True, help="输出的Excel工作簿（.xlsx）")
    a.add_argument("--html", help="另存一份网页汇总（含最常见问题的图表）")
    a.add_argument("--jobs", type=_jobs, default=cores, help=f"并行进程数（默认为CPU核数，本机{cores}）")
    a.add_argument("--quiet", action="store_true", help="不显示进度条")
    a.set_defaults(func=cmd_audit)

    g = sub.add_parser("aggregate", help="把一批报告（如同一政府的各部门）的统计表相加为汇总表",
                       description="校验并汇总多份年度报告的表二、表三、表四。", epilog=_AGGREGATE_EPILOG,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    g.add_argument("paths", nargs="+", metavar="路径", help="报告文件或文件夹")
    g.add_argument("-o", "--output", required=True, help="输出文件：.json（汇总表与未计入清单）或 .docx（汇总报告）")
    g.add_argument("--agency", help="汇总报告的机关名称（如“某某市人民政府”）")
    g.add_argument("--year", type=int, help="汇总年度（默认取多数报告的年度）")
    g.add_argument("--jobs", type=_jobs, default=cores, help="并行进程数（默认为CPU核数）")
    g.add_argument("--quiet", action="store_true", help="不显示进度条")
    g.set_defaults(func=cmd_aggregate)
