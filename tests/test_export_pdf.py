"""PDF through LibreOffice: rendered once per module, read back with poppler (text and PNG pages).

Without soffice or poppler-utils these tests skip on a developer machine, and fail when CI is set.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal
from pathlib import Path

import pytest

from assistant.export import PdfExportError, _pdf, acknowledge_all, build_docx, docx_to_pdf, export_report
from eval.synthetic import consistent_report
from schemas import labels as L
from schemas.layout import T3_ROWS
from tests.export_support import sample_report
from tests.pdf_preview import normalise, page_of, pdf_page_png, pdf_page_texts, sample_table3_png

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def require(*tools: str) -> None:
    missing = [t for t in tools if shutil.which(t) is None]
    if missing:
        msg = f"missing {', '.join(missing)} (Debian: libreoffice-writer, poppler-utils)"
        if os.environ.get("CI"):
            pytest.fail(msg + " — required when CI is set")
        pytest.skip(msg)


@pytest.fixture(scope="module")
def sample_pdf(tmp_path_factory) -> Path:
    require("soffice", "pdftotext", "pdftoppm", "pdfinfo", "pdffonts")
    path = tmp_path_factory.mktemp("pdf") / "sample.pdf"
    path.write_bytes(docx_to_pdf(build_docx(sample_report())))
    return path


def test_page_count_is_sensible(sample_pdf):
    assert sample_pdf.read_bytes().startswith(b"%PDF-")
    assert 3 <= len(pdf_page_texts(sample_pdf)) <= 8


def test_text_holds_the_title_every_heading_and_every_table3_label(sample_pdf):
    text = normalise("".join(pdf_page_texts(sample_pdf)))
    assert normalise(sample_report().meta.title) in text
    for part, title in L.PART_TITLES.items():
        assert normalise(f"{L.PART_NUMERALS[part]}、{title}") in text
    for label in [L.T3_HEADER_NOTE, L.T3_APPLICANT_HEADER, L.T3_LEGAL_PERSON_HEADER, L.T3_RESULTS_HEADER,
                  *L.T3_COLUMN_LABELS.values(), *(r.label for r in T3_ROWS), *L.T3_GROUP_LABELS.values()]:
        assert normalise(label) in text, label


def test_table3_sits_on_one_page_with_page_numbers(sample_pdf):
    pages = pdf_page_texts(sample_pdf)
    first = page_of(sample_pdf, L.T3_HEADER_NOTE)
    page = normalise(pages[first - 1])
    assert normalise(L.T3_ROW_LABELS["new_received"]) in page and normalise(L.T3_ROW_LABELS["carried_forward"]) in page
    for i, text in enumerate(pages, start=1):
        assert f"—{i}—" in normalise(text), f"page {i} has no page number"


def test_pages_render_to_png(sample_pdf, tmp_path):
    for page in (1, page_of(sample_pdf, L.T3_HEADER_NOTE)):
        png = pdf_page_png(sample_pdf, page, tmp_path / f"p{page}.png", dpi=50)
        data = png.read_bytes()
        assert data.startswith(PNG_MAGIC)
        width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
        assert abs(width / height - 210 / 297) < 0.01  # A4 portrait


def test_pdf_embeds_a_cjk_font(sample_pdf):
    fonts = subprocess.run(["pdffonts", str(sample_pdf)], capture_output=True, text=True, check=True).stdout
    rows = fonts.splitlines()[2:]
    assert any("CJK" in r or "Song" in r or "Fang" in r or "Kai" in r or "Hei" in r for r in rows), fonts
    assert all(r.split()[-5] == "yes" for r in rows if len(r.split()) >= 5), "a font is not embedded"


def test_export_report_pdf_records_the_acknowledgement(tmp_path, sample_pdf):
    report = consistent_report(6)
    report.table2.fees.amount = Decimal("251000")  # looks like 元 (C2): a warning to acknowledge
    ack = acknowledge_all(report, "测试员")
    assert ack.warnings
    out = tmp_path / "报告.pdf"
    result = export_report(report, "pdf", out, acknowledgement=ack)
    assert out.read_bytes().startswith(b"%PDF-") and result.record_path.is_file()
    record = json.loads(result.record_path.read_text(encoding="utf-8"))
    assert record["format"] == "pdf" and record["fonts"]["used"]["body"]
    assert record["acknowledgement"]["who"] == "测试员" and record["acknowledgement"]["warnings"] == ack.warnings
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True).stdout
    assert "测试员" in info  # the PDF's own document information names who acknowledged


def test_concurrent_conversions_do_not_clash(sample_pdf):
    docs = [build_docx(consistent_report(seed)) for seed in (1, 2)]
    with ThreadPoolExecutor(max_workers=2) as pool:
        pdfs = list(pool.map(docx_to_pdf, docs))
    assert all(p.startswith(b"%PDF-") for p in pdfs) and pdfs[0] != pdfs[1]


def test_sample_image_script(tmp_path, sample_pdf):
    out = sample_table3_png(sample_report(), tmp_path / "t3.png", dpi=100)
    data = out.read_bytes()
    assert data.startswith(PNG_MAGIC) and len(data) < 300_000


def test_missing_libreoffice_names_the_debian_package(monkeypatch):
    monkeypatch.setattr(_pdf.shutil, "which", lambda name: None)
    with pytest.raises(PdfExportError) as exc:
        docx_to_pdf(b"")
    assert "libreoffice-writer" in str(exc.value) and "LibreOffice" in str(exc.value)


def test_conversion_timeout_is_reported(monkeypatch, tmp_path):
    fake = tmp_path / "soffice"
    fake.write_text(f"#!{sys.executable}\nimport time\ntime.sleep(30)\n")
    fake.chmod(0o755)
    monkeypatch.setattr(_pdf, "find_soffice", lambda: str(fake))
    with pytest.raises(PdfExportError) as exc:
        docx_to_pdf(b"PK", timeout=0.5)
    assert "秒内未完成" in str(exc.value)
