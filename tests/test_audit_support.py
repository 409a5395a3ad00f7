"""Helpers for the PDF-import, audit and aggregation tests: reports written as files in the four
published formats with the exporters, PDFs made in one LibreOffice run per batch (a conversion costs
seconds, a batch of dozens only a few more), and names of agencies that differ by two characters."""

from __future__ import annotations

import os
import signal
import subprocess
import tempfile
from pathlib import Path

import pytest

from assistant.export import build_docx, find_soffice, render_html, render_markdown
from schemas.report import Report

__all__ = ["FORMATS", "agency_name", "convert_to_pdf", "needs_soffice", "write_report"]

FORMATS = ("md", "html", "docx", "pdf")
_CITY = "安平宁和泰兴永昌丰华吉祥瑞康乐新"

needs_soffice = pytest.mark.skipif(find_soffice() is None, reason="需要 LibreOffice（soffice）生成PDF")


def agency_name(i: int, unit: str = "市", dept: str = "交通运输局") -> str:
    """A distinct agency per i (up to 256), without digits (they would be read as numbers)."""
    return f"{_CITY[i // 16 % 16]}{_CITY[i % 16]}{unit}{dept}"


def write_report(report: Report, folder: Path, stem: str, fmt: str) -> Path:
    """The report as a published file; ``pdf`` writes the DOCX to convert (see ``convert_to_pdf``)."""
    folder.mkdir(parents=True, exist_ok=True)
    if fmt == "md":
        path = folder / f"{stem}.md"
        path.write_text(render_markdown(report), encoding="utf-8")
    elif fmt == "html":
        path = folder / f"{stem}.html"
        path.write_text(render_html(report), encoding="utf-8")
    elif fmt in ("docx", "pdf"):
        path = folder / f"{stem}.docx"
        path.write_bytes(build_docx(report))
    else:
        raise ValueError(fmt)
    return path


def convert_to_pdf(docx_files: list[Path], outdir: Path, *, remove_docx: bool = True, timeout: float = 600) -> list[Path]:
    """PDFs of the DOCX files, in one LibreOffice process; the PDF keeps the stem, in ``outdir``."""
    if not docx_files:
        return []
    exe = find_soffice()
    assert exe, "LibreOffice is required"
    outdir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="ra-test-pdf-") as tmp:
        cmd = [exe, f"-env:UserInstallation={(Path(tmp) / 'profile').as_uri()}", "--headless", "--norestore",
               "--nologo", "--nodefault", "--nolockcheck", "--convert-to", "pdf", "--outdir", str(outdir),
               *map(str, docx_files)]
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
        try:
            proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
            raise
    out = []
    for docx in docx_files:
        pdf = outdir / f"{docx.stem}.pdf"
        assert pdf.is_file(), f"LibreOffice did not convert {docx.name}"
        if remove_docx:
            docx.unlink()
        out.append(pdf)
    return out
