"""The importers on hostile files: every one ends in a Chinese ReportReadError, quickly, without
inflating a bomb. The hostile files are built here; the bombs are never inflated by the test either."""

from __future__ import annotations

import io
import re
import zipfile
import zlib

import pytest
from import_helpers import render_html, render_text

from assistant.errors import ReportReadError
from assistant.export import build_docx
from assistant.importing import MAX_REPORT_BYTES, load_report, parse_docx, parse_html, parse_pdf, parse_text
from assistant.importing._safety import MAX_DOCX_ENTRIES
from eval.synthetic import consistent_report

pytestmark = pytest.mark.timeout(60)

CJK = re.compile(r"[\u4e00-\u9fff]")


def chinese_error(exc_info, *words: str) -> str:
    msg = str(exc_info.value)
    assert CJK.search(msg), msg
    assert "Traceback" not in msg and "Error" not in msg, msg
    for w in words:
        assert w in msg, (w, msg)
    return msg


def load_error(tmp_path, name: str, data: bytes, *words: str) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(ReportReadError) as exc:
        load_report(path)
    return chinese_error(exc, *words)


# ---- size ----------------------------------------------------------------------------------------------
def test_size_limit_is_exported_and_enforced_before_reading(tmp_path):
    assert MAX_REPORT_BYTES == 20 * 1024 * 1024
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:  # sparse: nothing is written, the size is what counts
        fh.truncate(MAX_REPORT_BYTES + 1)
    with pytest.raises(ReportReadError) as exc:
        load_report(path)
    chinese_error(exc, "超过", "20 MB")
    with pytest.raises(ReportReadError):
        parse_docx(b"PK" + bytes(MAX_REPORT_BYTES))
    with pytest.raises(ReportReadError):
        parse_text("字" * (MAX_REPORT_BYTES + 1))


# ---- DOCX ------------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def gigabyte_docx() -> bytes:
    """A DOCX whose document.xml inflates to 1 GiB (about 1 MB on disk), written in streaming mode."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        with zf.open("word/document.xml", "w", force_zip64=True) as fh:
            chunk = bytes(1 << 20)
            for _ in range(1024):
                fh.write(chunk)
    data = buf.getvalue()
    assert len(data) < 5 * 1024 * 1024
    return data


def test_docx_zip_bomb_refused_from_the_directory(tmp_path, gigabyte_docx, monkeypatch):
    # Nothing may be inflated: opening any entry of the archive fails the test.
    def no_open(*args, **kwargs):
        raise AssertionError("a zip entry was opened")

    monkeypatch.setattr(zipfile.ZipFile, "open", no_open)
    msg = load_error(tmp_path, "bomb.docx", gigabyte_docx, "压缩")
    assert "炸弹" in msg
    with pytest.raises(ReportReadError):
        parse_docx(gigabyte_docx)


def test_docx_with_too_many_entries(tmp_path):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for i in range(MAX_DOCX_ENTRIES + 1):
            zf.writestr(f"word/media/{i}.xml", "")
        zf.writestr("word/document.xml", "<w:document/>")
    load_error(tmp_path, "many.docx", buf.getvalue(), "部件")


def test_docx_part_with_bomb_ratio(tmp_path):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/document.xml", b"<w:document/>")
        zf.writestr("word/media/zeros.bin", bytes(8 * 1024 * 1024))  # 8 MB → ~8 KB
    load_error(tmp_path, "ratio.docx", buf.getvalue(), "压缩比")


def test_malformed_docx(tmp_path):
    good = build_docx(consistent_report(2))
    load_error(tmp_path, "not-zip.docx", "这不是压缩包".encode() * 10, "DOCX")
    load_error(tmp_path, "cut.docx", good[: len(good) // 3], "DOCX")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("readme.txt", "hello")
    load_error(tmp_path, "no-body.docx", buf.getvalue(), "word/document.xml")
    # broken XML inside a well-formed package
    src = zipfile.ZipFile(io.BytesIO(good))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "word/document.xml":
                data = data[: len(data) // 2] + b"<<<&&&"
            zf.writestr(info.filename, data)
    load_error(tmp_path, "broken-xml.docx", out.getvalue(), "DOCX")


def test_docx_with_entity_expansion_is_not_expanded(tmp_path):
    good = build_docx(consistent_report(2))
    src = zipfile.ZipFile(io.BytesIO(good))
    lol = (b'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "' + b"x" * 100 + b'">'
           + b"".join(b'<!ENTITY %s "%s">' % (f"b{i}".encode(), (b"&a;" if i == 0 else f"&b{i - 1};".encode()) * 10)
                      for i in range(9)) + b"]>")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "word/document.xml":
                data = lol + data.split(b"?>", 1)[1].replace(b"<w:body>", b"<w:body><w:p><w:r><w:t>&b8;</w:t></w:r></w:p>", 1)
            zf.writestr(info.filename, data)
    path = tmp_path / "lol.docx"
    path.write_bytes(out.getvalue())
    try:
        report = load_report(path)
    except ReportReadError as exc:
        assert CJK.search(str(exc))
    else:  # read without expanding the entities: no text of a billion x
        assert "x" * 1000 not in report.preamble


# ---- HTML ------------------------------------------------------------------------------------------------
def test_deeply_nested_html(tmp_path):
    n = 100_000
    page = "<html><body>" + "<div>" * n + "政府信息公开" + "</div>" * n + "</body></html>"
    load_error(tmp_path, "deep.html", page.encode(), "嵌套")
    with pytest.raises(ReportReadError):
        parse_html(page)


def test_html_table_with_huge_spans(tmp_path):
    cells = "".join('<td rowspan="200" colspan="200">1</td>' for _ in range(50))
    page = "<html><body><table>" + f"<tr>{cells}</tr>" * 200 + "</table></body></html>"
    load_error(tmp_path, "spans.html", page.encode(), "表格")


def test_binary_garbage_named_html(tmp_path):
    garbage = bytes(range(256)) * 64
    load_error(tmp_path, "garbage.html", garbage)
    load_error(tmp_path, "garbage.htm", b"<html>" + garbage)


def test_control_characters_are_removed():
    report = consistent_report(4)
    text = render_text(report).replace("本报告根据", "本报\x1b告根\u202e据\x07", 1)
    got = parse_text(text)
    assert "本报告根据" in got.preamble
    page = render_html(report).replace("本报告根据", "本报&#x1b;告根\u202e据", 1)
    got = parse_html(page)
    assert "本报告根据" in got.preamble
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f\u202a-\u202e]", got.preamble)


# ---- PDF ------------------------------------------------------------------------------------------------
def pdf_file(objects: list[bytes], *, trailer_extra: bytes = b"") -> bytes:
    """A PDF with a correct cross-reference table; objects are numbered from 1, 1 is the catalog."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, trailer_extra, xref)
    return bytes(out)


def stream(dict_body: bytes, data: bytes) -> bytes:
    return b"<< " + dict_body + b" /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"


def one_page_pdf(content: bytes, resources: bytes = b"<< >>", extra: list[bytes] = (), **kw) -> bytes:
    return pdf_file([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources " + resources + b" >>",
        stream(b"", content),
        *extra,
    ], **kw)


def test_pdf_bomb_refused_without_inflating(tmp_path):
    bomb = zlib.compress(bytes(200 * 1024 * 1024), 9)  # 200 MB of zeros → ~200 KB
    assert len(bomb) < 1024 * 1024
    data = pdf_file([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        stream(b"/Filter /FlateDecode", bomb),
    ])
    load_error(tmp_path, "bomb.pdf", data, "压缩炸弹")
    with pytest.raises(ReportReadError):
        parse_pdf(data)


def test_corrupt_and_truncated_pdf(tmp_path):
    page = one_page_pdf(b"BT /F1 12 Tf 72 700 Td (hello) Tj ET")
    load_error(tmp_path, "cut.pdf", page[:60], "PDF")
    load_error(tmp_path, "junk.pdf", b"%PDF-1.7\n" + bytes(range(256)) * 40, "PDF")
    load_error(tmp_path, "fake.pdf", "这是一个文本文件".encode(), "PDF")


def test_password_protected_pdf(tmp_path):
    encrypt = b"<< /Filter /Standard /V 1 /R 2 /O <" + b"11" * 32 + b"> /U <" + b"22" * 32 + b"> /P -4 >>"
    data = one_page_pdf(b"BT ET", extra=[encrypt],
                        trailer_extra=b"/Encrypt 5 0 R /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>] ")
    load_error(tmp_path, "locked.pdf", data, "加密")


def test_pdf_with_too_many_pages(tmp_path):
    n = 250
    kids = b" ".join(b"%d 0 R" % (3 + i) for i in range(n))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % n]
    objects += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"] * n
    load_error(tmp_path, "long.pdf", pdf_file(objects), "页")


def test_scanned_pdf_is_reported_as_such(tmp_path):
    image = stream(b"/Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8",
                   b"\x00\xff\xff\x00")
    data = one_page_pdf(b"q 400 0 0 600 80 100 cm /Im1 Do Q", b"<< /XObject << /Im1 5 0 R >> >>", [image])
    load_error(tmp_path, "scan.pdf", data, "扫描件")
