"""DOCX → PDF through LibreOffice headless.

Each conversion runs with its own throw-away LibreOffice profile (-env:UserInstallation), so concurrent
conversions — several users of the UI, parallel tests — never share a profile lock. The whole process
group is killed on timeout: soffice starts soffice.bin as a child that would otherwise linger.

The conversion takes two passes, DOCX → FODT → PDF: LibreOffice ignores w:autoSpaceDE/w:autoSpaceDN
and would set "2024年" apart as "2024 年", so the spacing between Chinese and digits or Latin letters is
switched off in its own flat format in between, as Word and WPS do when they read the DOCX; so is the
punctuation it hangs into the margin (and its PDF then loses). The same
pass keeps each table on one page: Word keeps a table whole by the keep-with-next of its rows, which
LibreOffice does not read, so the tables get its own "do not split" property instead.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import tempfile
import time
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
    deadline = time.monotonic() + timeout
    with tempfile.TemporaryDirectory(prefix="ra-pdf-") as tmp:
        work = Path(tmp)
        src = work / "report.docx"
        src.write_bytes(docx)
        flat = _convert(exe, work, src, "fodt", deadline, timeout)
        flat.write_bytes(_unsplit_tables(_no_hanging(_no_autospace(flat.read_bytes()))))
        return _convert(exe, work, flat, "pdf", deadline, timeout).read_bytes()


_AUTOSPACE = re.compile(rb'style:text-autospace="[^"]*"')


def _no_autospace(fodt: bytes) -> bytes:
    return _AUTOSPACE.sub(b'style:text-autospace="none"', fodt)


_HANGING = re.compile(rb'style:punctuation-wrap="hanging"')


def _no_hanging(fodt: bytes) -> bytes:
    """No punctuation hung into the right margin: the PDF lost a "、" hung at a full line's end
    ("…行政复议1件" / "行政诉讼0件"). Only the PDF pass: the DOCX keeps what Word and WPS do with it."""
    return _HANGING.sub(b'style:punctuation-wrap="simple"', fodt)


# the properties of each table of the document (the default table style has no width)
_TABLE_PROPS = re.compile(rb'<style:table-properties (?=[^>]*style:width=)(?![^>]*style:may-break-between-rows)')


def _unsplit_tables(fodt: bytes) -> bytes:
    # A table longer than a page still breaks: LibreOffice splits it where it must.
    return _TABLE_PROPS.sub(b'<style:table-properties style:may-break-between-rows="false" ', fodt)


def _convert(exe: str, work: Path, src: Path, fmt: str, deadline: float, timeout: float) -> Path:
    """``src`` converted to ``fmt`` by one soffice run, in ``work/<fmt>/``."""
    out_dir = work / fmt
    cmd = [exe, f"-env:UserInstallation={(work / 'profile').as_uri()}", "--headless", "--norestore",
           "--nologo", "--nodefault", "--nolockcheck", "--convert-to", fmt, "--outdir", str(out_dir), str(src)]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    try:
        _, err = proc.communicate(timeout=max(deadline - time.monotonic(), 0.1))
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        raise PdfExportError(f"无法导出 PDF：LibreOffice 在 {timeout:.0f} 秒内未完成转换，已终止。请稍后重试。") from None
    out = out_dir / f"{src.stem}.{fmt}"
    if proc.returncode != 0 or not out.is_file() or out.stat().st_size == 0:
        detail = err.decode("utf-8", "replace").strip().splitlines()[-1:] or ["无输出"]
        raise PdfExportError(f"无法导出 PDF：LibreOffice 转换失败（退出码 {proc.returncode}，{detail[0]}）。")
    return out
