"""DOCX → PDF through LibreOffice headless.

Each conversion runs with its own throw-away LibreOffice profile (-env:UserInstallation), so concurrent
conversions — several users of the UI, parallel tests — never share a profile lock. The whole process
group is killed on timeout: soffice starts soffice.bin as a child that would otherwise linger.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from assistant.errors import ReportAssistantError

__all__ = ["PDF_TIMEOUT_S", "PdfExportError", "docx_to_pdf", "find_soffice"]

PDF_TIMEOUT_S = 180.0
DEBIAN_PACKAGE = "libreoffice-writer"


class PdfExportError(ReportAssistantError):
    """LibreOffice is missing or failed to convert the document."""


def find_soffice() -> str | None:
    for name in ("soffice", "libreoffice"):
        exe = shutil.which(name)
        if exe:
            return exe
    return None


def docx_to_pdf(docx: bytes, *, timeout: float = PDF_TIMEOUT_S) -> bytes:
    """The PDF of a DOCX document, rendered by LibreOffice."""
    exe = find_soffice()
    if exe is None:
        raise PdfExportError(
            f"无法导出 PDF：本机未安装 LibreOffice（未找到 soffice 命令）。"
            f"请安装 Debian 软件包 {DEBIAN_PACKAGE}（sudo apt-get install {DEBIAN_PACKAGE}）后重试，"
            f"或先导出 Word 文档再另存为 PDF。")
    with tempfile.TemporaryDirectory(prefix="ra-pdf-") as tmp:
        work = Path(tmp)
        src = work / "report.docx"
        src.write_bytes(docx)
        out_dir = work / "out"
        cmd = [exe, f"-env:UserInstallation={(work / 'profile').as_uri()}", "--headless", "--norestore",
               "--nologo", "--nodefault", "--nolockcheck", "--convert-to", "pdf", "--outdir", str(out_dir), str(src)]
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
        try:
            _, err = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
            raise PdfExportError(f"无法导出 PDF：LibreOffice 在 {timeout:.0f} 秒内未完成转换，已终止。请稍后重试。") from None
        pdf = out_dir / "report.pdf"
        if proc.returncode != 0 or not pdf.is_file() or pdf.stat().st_size == 0:
            detail = err.decode("utf-8", "replace").strip().splitlines()[-1:] or ["无输出"]
            raise PdfExportError(f"无法导出 PDF：LibreOffice 转换失败（退出码 {proc.returncode}，{detail[0]}）。")
        return pdf.read_bytes()
