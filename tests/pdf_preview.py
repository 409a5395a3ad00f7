"""PDF pages as text and PNG images (poppler-utils), for previews, tests and the documentation image.

    python -m tests.pdf_preview [--out docs/sample-table3.png] [--dpi 100]

regenerates the documentation image: the page of the sample report that holds table 三.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from assistant.errors import ReportAssistantError
from assistant.export._pdf import docx_to_pdf
from assistant.export._word import build_docx
from schemas import labels as L
from schemas.report import Report

__all__ = ["normalise", "page_of", "pdf_page_png", "pdf_page_texts", "sample_table3_png"]

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_GOLD = ROOT / "tests" / "fixtures" / "yantai-jgswj-2023.gold.json"
DEFAULT_OUT = ROOT / "docs" / "sample-table3.png"


def _tool(name: str) -> str:
    exe = shutil.which(name)
    if exe is None:
        raise ReportAssistantError(f"未找到 {name} 命令：请安装 Debian 软件包 poppler-utils 后重试。")
    return exe


def normalise(text: str) -> str:
    """Text without any whitespace: PDF text extraction breaks lines and cells anywhere."""
    return re.sub(r"\s+", "", text)


def pdf_page_texts(pdf: Path) -> list[str]:
    """The text of every page in content order (pdftotext -raw: a table cell stays together)."""
    out = subprocess.run([_tool("pdftotext"), "-raw", "-enc", "UTF-8", str(pdf), "-"], capture_output=True,
                         timeout=120, check=True).stdout.decode("utf-8")
    pages = out.split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


def page_of(pdf: Path, needle: str) -> int:
    """1-based number of the first page whose text holds ``needle`` (whitespace ignored)."""
    want = normalise(needle)
    for i, text in enumerate(pdf_page_texts(pdf), start=1):
        if want in normalise(text):
            return i
    raise ReportAssistantError(f"PDF 中找不到“{needle}”。")


def pdf_page_png(pdf: Path, page: int, out_png: Path, *, dpi: int = 100) -> Path:
    """One page as a PNG file."""
    with tempfile.TemporaryDirectory(prefix="ra-png-") as tmp:
        root = Path(tmp) / "page"
        subprocess.run([_tool("pdftoppm"), "-png", "-r", str(dpi), "-f", str(page), "-l", str(page),
                        "-singlefile", str(pdf), str(root)], capture_output=True, timeout=120, check=True)
        out_png.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(str(root.with_suffix(".png")), out_png)
    return out_png


def sample_table3_png(report: Report, out_png: Path, *, dpi: int = 100) -> Path:
    """Render ``report`` to PDF and save the page holding table 三 as a PNG."""
    with tempfile.TemporaryDirectory(prefix="ra-sample-") as tmp:
        pdf = Path(tmp) / "report.pdf"
        pdf.write_bytes(docx_to_pdf(build_docx(report)))
        return pdf_page_png(pdf, page_of(pdf, L.T3_HEADER_NOTE), out_png, dpi=dpi)


def main() -> None:
    ap = argparse.ArgumentParser(description="生成文档配图：示例报告表三所在页的 PNG 图片")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="输出 PNG 路径")
    ap.add_argument("--dpi", type=int, default=100, help="分辨率")
    args = ap.parse_args()
    report = Report.model_validate_json(SAMPLE_GOLD.read_text(encoding="utf-8"))
    out = sample_table3_png(report, args.out, dpi=args.dpi)
    print(f"已生成：{out}（{out.stat().st_size // 1024} KB）")


if __name__ == "__main__":
    main()
