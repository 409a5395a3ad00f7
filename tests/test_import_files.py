"""load_report on files that cannot be reports: a Chinese sentence for the user, never a traceback."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from import_helpers import assert_same_report, render_docx, render_html, render_text

from assistant.errors import ReportReadError
from assistant.importing import load_report, parse_docx
from eval.synthetic import consistent_report

CJK = re.compile(r"[\u4e00-\u9fff]")


def assert_user_message(exc: ReportReadError, *words: str) -> None:
    msg = str(exc)
    assert CJK.search(msg), msg
    assert msg.endswith("。"), msg
    assert "Traceback" not in msg and "Error" not in msg, msg
    for w in words:
        assert w in msg, msg


def read_error(path: Path) -> ReportReadError:
    with pytest.raises(ReportReadError) as info:
        load_report(path)
    return info.value


def test_missing_file(tmp_path):
    assert_user_message(read_error(tmp_path / "没有这个文件.txt"), "找不到文件")


def test_a_folder(tmp_path):
    assert_user_message(read_error(tmp_path), "文件夹")


@pytest.mark.parametrize("content", [b"", b"  \n\r\n\t ", b"\xef\xbb\xbf"])
@pytest.mark.parametrize("name", ["empty.txt", "empty.docx", "empty.html", "empty"])
def test_empty_file(tmp_path, name, content):
    path = tmp_path / name
    path.write_bytes(content)
    assert_user_message(read_error(path))


@pytest.mark.parametrize("name", ["binary.txt", "binary.md", "binary.html", "binary.bin", "binary"])
def test_binary_file(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(bytes(range(256)) * 8 + b"\x00\x01\x02\xff\xfe")
    assert_user_message(read_error(path), "文本")


def test_corrupt_docx(tmp_path):
    good = render_docx(consistent_report(1))
    cases = {
        "garbage.docx": "this is not a zip file at all, 这不是Word文档".encode(),
        "truncated.docx": good[: len(good) // 2],
    }
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("hello.txt", "不是Word")
    cases["other-zip.docx"] = buf.getvalue()
    cases["other-zip.zip"] = buf.getvalue()
    for name, data in cases.items():
        path = tmp_path / name
        path.write_bytes(data)
        assert_user_message(read_error(path), "DOCX")
    with pytest.raises(ReportReadError):
        parse_docx(b"PK\x03\x04 broken")


@pytest.mark.parametrize("name,data,word", [
    ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, ".doc"),
    ("old.wps", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "WPS"),
    ("renamed.txt", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, ".doc"),
    ("report.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "PDF"),
    ("report-as.txt", b"%PDF-1.4\n1 0 obj\n", "PDF"),
])
def test_unsupported_formats(tmp_path, name, data, word):
    path = tmp_path / name
    path.write_bytes(data)
    assert_user_message(read_error(path), word)


@pytest.mark.parametrize("name,text", [
    ("note.txt", "你好，这是一份会议通知。请各科室准时参加。"),
    ("page.html", "<html><body><p>欢迎访问本网站。</p><table><tr><td>姓名</td><td>电话</td></tr></table></body></html>"),
    ("data.json", '{"name": "不是报告"}'),
    ("broken.json", "{not json"),
])
def test_files_without_report_content(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    assert_user_message(read_error(path))


def test_gb18030_text_file(tmp_path, sample_text, sample_gold):
    path = tmp_path / "gb.txt"
    path.write_bytes(sample_text.encode("gb18030"))
    assert_same_report(load_report(path), sample_gold)


def test_gbk_html_without_a_declared_charset(tmp_path):
    report = consistent_report(8)
    page = render_html(report).replace('<meta charset="utf-8">', "")
    path = tmp_path / "page.htm"
    path.write_bytes(page.encode("gbk", errors="strict"))
    assert_same_report(load_report(path), report)


def test_utf16_text_file_with_bom(tmp_path):
    report = consistent_report(10)
    path = tmp_path / "utf16.txt"
    path.write_bytes(render_text(report).encode("utf-16"))
    assert_same_report(load_report(path), report)
