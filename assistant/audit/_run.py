"""Import and validate many reports in parallel, then pair consecutive years of each agency.

Pass 1 (workers): each file is imported and validated alone; a file that cannot be read becomes a
row with its reason. Pass 2 (workers): every report whose agency also published the year before is
validated again with that report as ``previous`` (``validate`` with a previous report is the single
validation plus the cross-year rules C3, D1–D3), and its findings are replaced. Files go to the
workers in chunks, since one import takes only milliseconds.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from pathlib import Path
from typing import TextIO

from assistant.audit._collect import collect_files
from assistant.audit._model import AuditResult, AuditRow, agency_key, describe_blanks, describe_unread
from assistant.errors import ReportAssistantError
from schemas.report import Report

__all__ = ["FILE_TIMEOUT_S", "Progress", "audit_files", "audit_paths", "read_one"]

FILE_TIMEOUT_S = 120.0  # one file; the importers have their own limits, this is the last resort


class _Timeout(BaseException):
    """Raised by the alarm; a BaseException so that no importer's ``except Exception`` swallows it."""


def _on_alarm(signum, frame):  # pragma: no cover - runs on a timer
    raise _Timeout()


class _Deadline:
    """SIGALRM after ``seconds`` on the main thread of a process (workers are); a no-op elsewhere."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.active = seconds > 0 and hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()

    def __enter__(self):
        if self.active:
            self.old = signal.signal(signal.SIGALRM, _on_alarm)
            signal.setitimer(signal.ITIMER_REAL, self.seconds)
        return self

    def __exit__(self, *exc) -> None:
        if self.active:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, self.old)


def read_one(shown: str, path: str, timeout: float = FILE_TIMEOUT_S) -> AuditRow:
    """Import and validate one file; never raises for a bad file."""
    from assistant.importing import load_report
    from assistant.validation import validate

    row = AuditRow(file=shown, path=path)
    start = time.perf_counter()
    try:
        with _Deadline(timeout):
            report = load_report(path)
            findings = validate(report)
    except _Timeout:
        row.reason = f"处理超过{timeout:.0f}秒仍未完成，已跳过（文件可能异常复杂或被恶意构造）。"
    except ReportAssistantError as exc:
        row.reason = str(exc)
    except RecursionError:
        row.reason = "文件结构嵌套过深，无法读取。"
    except MemoryError:
        row.reason = "文件过大，读取时内存不足。"
    except Exception as exc:  # an importer bug must cost one row, not the run
        row.reason = f"读取时发生意外错误（{type(exc).__name__}），未能导入。"
    else:
        src = report.source
        row.report = report
        row.findings = findings
        row.kind = src.kind if src else ""
        row.agency = report.meta.agency_name
        row.level = report.meta.agency_level
        row.year = report.meta.report_year
        row.format_version = src.format_version if src else "2021"
        row.unread = describe_unread(report)
        row.blanks = describe_blanks(report, findings)
    row.seconds = time.perf_counter() - start
    return row


def _read_chunk(items: list[tuple[str, str]], timeout: float) -> list[AuditRow]:
    return [read_one(shown, path, timeout) for shown, path in items]


def _revalidate_chunk(items: list[tuple[int, Report, Report]]) -> list[tuple[int, list]]:
    from assistant.validation import validate

    return [(i, validate(report, previous)) for i, report, previous in items]


class Progress:
    """A progress bar on a terminal (redrawn in place), or a line every 10 % elsewhere."""

    def __init__(self, total: int, label: str = "审核进度", stream: TextIO | None = None) -> None:
        self.total, self.label = total, label
        self.stream = stream if stream is not None else sys.stderr
        self.done = 0
        self.start = time.perf_counter()
        self.tty = bool(getattr(self.stream, "isatty", lambda: False)())
        self._last_decile = -1

    def update(self, n: int = 1) -> None:
        self.done += n
        elapsed = max(time.perf_counter() - self.start, 1e-9)
        pct = self.done * 100 // max(self.total, 1)
        line = f"{self.label} {self.done}/{self.total}（{pct}%，{self.done / elapsed:.1f}份/秒）"
        if self.tty:
            width = 30
            filled = width * self.done // max(self.total, 1)
            self.stream.write(f"\r{self.label} [{'#' * filled}{'.' * (width - filled)}] {line[len(self.label) + 1:]}")
            if self.done >= self.total:
                self.stream.write("\n")
        elif pct // 10 != self._last_decile or self.done >= self.total:
            self._last_decile = pct // 10
            self.stream.write(line + "\n")
        self.stream.flush()


def _chunks(items: list, jobs: int) -> list[list]:
    size = max(1, min(32, len(items) // (jobs * 4) or 1))
    return [items[i:i + size] for i in range(0, len(items), size)]


def _run_pool(pool: ProcessPoolExecutor | None, fn: Callable, chunks: list[list], extra: tuple,
              progress: Progress | None) -> list:
    """Results of ``fn(chunk, *extra)`` for every chunk, in chunk order."""
    results: list = [None] * len(chunks)
    if pool is None:
        for i, chunk in enumerate(chunks):
            results[i] = fn(chunk, *extra)
            if progress:
                progress.update(len(chunk))
        return results
    pending = {pool.submit(fn, chunk, *extra): i for i, chunk in enumerate(chunks)}
    while pending:
        done, _ = wait(pending, return_when=FIRST_COMPLETED)
        for fut in done:
            i = pending.pop(fut)
            results[i] = fut.result()
            if progress:
                progress.update(len(chunks[i]))
    return results


def _pair(rows: list[AuditRow]) -> list[tuple[int, int]]:
    """(index of a report, index of last year's report of the same agency)."""
    by_key: dict[tuple[str, int], list[int]] = {}
    for i, row in enumerate(rows):
        if row.readable and row.agency and row.year:
            by_key.setdefault((agency_key(row.agency), row.year), []).append(i)
    for idx in by_key.values():
        if len(idx) > 1:
            files = "、".join(rows[i].file for i in idx)
            for i in idx:
                rows[i].notes.append(f"同一机关同一年度有{len(idx)}份报告（{files}），未做跨年度比对。")
    pairs = []
    for (agency, year), idx in by_key.items():
        prev = by_key.get((agency, year - 1))
        if len(idx) == 1 and prev is not None and len(prev) == 1:
            pairs.append((idx[0], prev[0]))
    return pairs


def audit_files(files: Sequence[tuple[str, Path]], *, jobs: int | None = None, progress: TextIO | None = None,
                show_progress: bool = True, timeout: float = FILE_TIMEOUT_S, keep_reports: bool = False) -> AuditResult:
    """Audit the given (name shown, path) files; see ``audit_paths``."""
    start = time.perf_counter()
    jobs = max(1, jobs or os.cpu_count() or 1)
    items = [(shown, str(path)) for shown, path in files]
    jobs = min(jobs, max(1, len(items)))
    pool = ProcessPoolExecutor(max_workers=jobs) if jobs > 1 else None
    try:
        bar = Progress(len(items), stream=progress) if show_progress else None
        rows = [row for chunk in _run_pool(pool, _read_chunk, _chunks(items, jobs), (timeout,), bar) for row in chunk]
        pairs = _pair(rows)
        work = [(i, rows[i].report, rows[p].report) for i, p in pairs]
        if work:
            bar = Progress(len(work), label="跨年度比对", stream=progress) if show_progress else None
            for chunk in _run_pool(pool, _revalidate_chunk, _chunks(work, jobs), (), bar):
                for i, findings in chunk:
                    rows[i].findings = findings
        for i, p in pairs:
            rows[i].previous = rows[p].file
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
    if not keep_reports:
        for row in rows:
            row.report = None
    return AuditResult(rows=rows, seconds=time.perf_counter() - start, jobs=jobs, pairs=len(pairs))


def audit_paths(paths: Sequence[str | os.PathLike], *, exclude: Sequence[str | os.PathLike] = (),
                jobs: int | None = None, progress: TextIO | None = None, show_progress: bool = True,
                timeout: float = FILE_TIMEOUT_S, keep_reports: bool = False) -> AuditResult:
    """Import and validate every file under ``paths`` on ``jobs`` processes (default: all cores),
    pairing consecutive years of each agency for the cross-year rules. Never raises for a bad file."""
    return audit_files(collect_files(paths, exclude), jobs=jobs, progress=progress, show_progress=show_progress,
                       timeout=timeout, keep_reports=keep_reports)
