"""Benchmark of the batch audit: 1,000 generated reports audited on all cores.

    python -m eval.bench_audit [--reports 1000] [--jobs N] [--dir 文件夹]

The reports are ``consistent_report`` with one defect planted in every third (``eval.mutations``),
of 1,000 distinct agencies, one in five also with last year's report (so pairing and the cross-year
rules run). Formats: 30 % Markdown text, 30 % HTML, 30 % DOCX, 10 % PDF (made from the DOCX by
LibreOffice in one batch; without LibreOffice those become DOCX). Generation is not timed. Prints
the audit rate (reports per second, and per core), then single-core import-only and validate-only
rates per format, to show where the time goes.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import shutil
import subprocess
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from assistant.audit import audit_paths
from assistant.export import build_docx, find_soffice, render_html, render_markdown
from assistant.importing import load_report
from assistant.validation import RULES, clear_cache, validate
from eval.mutations import plant
from eval.synthetic import consistent_report, previous_year_of

_CITY = "安平宁和泰兴永昌丰华吉祥瑞康乐新"
_DEPT = ("交通运输局", "教育局", "民政局", "财政局")
_PLANTABLE = [r for r in RULES if r not in {"C3", "D1", "D2", "D3"}]


def _agency(i: int) -> str:
    return f"{_CITY[i // 64 % 16]}{_CITY[i // 4 % 16]}市{_DEPT[i % 4]}"


def _format(i: int) -> str:
    k = i % 10
    return "md" if k < 3 else "html" if k < 6 else "docx" if k < 9 else "pdf"


def generate(folder: Path, n: int) -> dict[str, int]:
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(2024)
    counts: dict[str, int] = defaultdict(int)
    to_pdf: list[Path] = []
    made = 0
    i = 0
    while made < n:
        report = consistent_report(i, agency=_agency(i))
        if i % 3 == 0:
            report = plant(report, rng.choice(_PLANTABLE), rng).report
        items = [(report, f"{i:04d}-2023")]
        if i % 5 == 0 and made + 1 < n:
            items.append((previous_year_of(report, i), f"{i:04d}-2022"))
        for r, stem in items:
            fmt = _format(made)
            if fmt == "md":
                (folder / f"{stem}.md").write_text(render_markdown(r), encoding="utf-8")
            elif fmt == "html":
                (folder / f"{stem}.html").write_text(render_html(r), encoding="utf-8")
            else:
                path = folder / f"{stem}.docx"
                path.write_bytes(build_docx(r))
                if fmt == "pdf":
                    to_pdf.append(path)
            counts[fmt] += 1
            made += 1
        i += 1
    exe = find_soffice()
    if to_pdf and exe:
        with tempfile.TemporaryDirectory(prefix="ra-bench-") as tmp:
            subprocess.run([exe, f"-env:UserInstallation={(Path(tmp) / 'profile').as_uri()}", "--headless",
                            "--norestore", "--convert-to", "pdf", "--outdir", str(folder), *map(str, to_pdf)],
                           check=True, capture_output=True, timeout=3600)
        for path in to_pdf:
            if path.with_suffix(".pdf").is_file():
                path.unlink()
    elif to_pdf:
        counts["docx"] += counts.pop("pdf")
    return dict(counts)


def _by_format(folder: Path, per_format: int) -> dict[str, list[Path]]:
    out: dict[str, list[Path]] = defaultdict(list)
    for p in sorted(folder.iterdir()):
        ext = p.suffix.lstrip(".")
        if len(out[ext]) < per_format:
            out[ext].append(p)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--reports", type=int, default=1000, help="生成的报告份数")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="审核的并行进程数（默认为CPU核数）")
    ap.add_argument("--dir", help="生成报告的文件夹（默认临时文件夹，结束后删除；已有报告则直接使用）")
    ap.add_argument("--sample", type=int, default=40, help="单核导入、校验测量时每种格式的份数")
    args = ap.parse_args()

    tmp = None
    folder = Path(args.dir) if args.dir else Path(tmp := tempfile.mkdtemp(prefix="ra-bench-audit-"))
    try:
        start = time.perf_counter()
        existing = [p for p in folder.glob("*") if p.is_file()] if folder.is_dir() else []
        if len(existing) >= args.reports:
            counts = defaultdict(int)
            for p in existing:
                counts[p.suffix.lstrip(".")] += 1
            print(f"# using {len(existing)} existing files in {folder}")
        else:
            counts = generate(folder, args.reports)
            print(f"# generated {sum(counts.values())} reports in {time.perf_counter() - start:.1f} s (not timed)")
        cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
        print(f"# report-assistant audit benchmark — Python {platform.python_version()}, {platform.machine()}, "
              f"{cores} cores available, --jobs {args.jobs}")
        print("# formats: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))

        result = audit_paths([folder], jobs=args.jobs, show_progress=False)
        n = len(result.rows)
        rate = n / result.seconds
        bad = sum(not r.readable for r in result.rows)
        print(f"audit, {args.jobs} processes: {n} reports in {result.seconds:.2f} s = {rate:.1f} reports/s, "
              f"{rate / args.jobs:.1f} reports/s per core ({result.pairs} cross-year pairs, {bad} unreadable, "
              f"{sum(r.status == 'errors' for r in result.rows)} with errors)")

        reports = {}
        for fmt, paths in sorted(_by_format(folder, args.sample).items()):
            t = time.perf_counter()
            loaded = [load_report(p) for p in paths]
            dt = time.perf_counter() - t
            reports[fmt] = loaded
            print(f"import only, 1 core, {fmt}: {len(paths) / dt:.1f} reports/s ({1000 * dt / len(paths):.1f} ms each)")
        every = [r for rs in reports.values() for r in rs]
        clear_cache()
        t = time.perf_counter()
        for r in every:
            validate(r)
        dt = time.perf_counter() - t
        print(f"validate only (cold cache), 1 core: {len(every) / dt:.1f} reports/s ({1000 * dt / len(every):.1f} ms each)")
    finally:
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
