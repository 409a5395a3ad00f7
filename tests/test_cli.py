"""The CLI as a user runs it: a real subprocess, real exit codes, no tracebacks."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from eval.synthetic import consistent_report, previous_year_of
from schemas.layout import set_cell

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "assistant.cli", *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True, encoding="utf-8", timeout=240)


def write_json(report, path: Path) -> Path:
    path.write_text(report.model_dump_json(), encoding="utf-8")
    return path


def test_check_sample_has_no_error(sample_path):
    p = run("check", sample_path)
    assert p.returncode == 0, p.stdout + p.stderr
    assert "[错误]" not in p.stdout


def test_check_json_document_is_stable(sample_path):
    p = run("check", sample_path, "--json")
    assert p.returncode == 0, p.stderr
    doc = json.loads(p.stdout)
    assert doc["schema_version"] == 1
    assert doc["report"] == {"agency_name": "烟台市机关事务管理局", "agency_level": "municipal",
                             "report_year": 2023, "format_version": "2021"}
    assert doc["summary"]["errors"] == 0
    assert isinstance(doc["findings"], list)


def test_check_reports_a_wrong_cell_and_exits_1(tmp_path, sample_gold):
    set_cell(sample_gold, "t3.granted.natural", 1)
    p = run("check", write_json(sample_gold, tmp_path / "r.json"), "--json")
    assert p.returncode == 1, p.stderr
    findings = json.loads(p.stdout)["findings"]
    assert findings and all(set(f) == {"rule", "severity", "location", "message"} for f in findings)
    named = [f for f in findings if f["severity"] == "error" and (
        f["location"]["address"] == "t3.granted.natural" or "t3.granted.natural" in f["location"]["related"])]
    assert named, findings
    human = run("check", tmp_path / "r.json")
    assert human.returncode == 1 and "[错误]" in human.stdout and "个错误" in human.stdout


def test_check_tells_a_table_left_blank_in_one_line_and_a_blank_row_once(tmp_path, sample_gold):
    """A published table with many blank rows: one line for the table (its rows named), one finding
    per row in --json (not one per cell), and the count says the lines shown."""
    from schemas.layout import T3_COLUMNS, T3_ROWS
    from schemas.report import Blank
    for row in T3_ROWS[4:9]:
        for col in T3_COLUMNS:
            set_cell(sample_gold, f"{row.address}.{col}", Blank(blank="/"))
    set_cell(sample_gold, "t4.review.upheld", Blank(blank=""))
    path = write_json(sample_gold, tmp_path / "r.json")
    human = run("check", path).stdout
    assert human.count("表三有5行空白（共35格）：（三）不予公开1.属于国家秘密、") == 1
    assert "表四「行政复议·结果维持」" in human and "保护第三方合法权益」行" not in human
    assert "表四「行政复议·结果维持」为空白" in human  # the place said once, not "…：表四「…」为空白"
    assert "共 35 处" not in human and "见 --json" in human
    doc = json.loads(run("check", path, "--json").stdout)
    a4 = [f for f in doc["findings"] if f["rule"] == "A4"]
    assert [len(f["location"]["related"]) for f in a4] == [7, 7, 7, 7, 7, 0]
    shown = sum(line.startswith("[") for line in human.splitlines())
    assert f"共 {shown - doc['summary']['warnings']} 个错误" in human


def test_previous_year_enables_cross_year_rules(tmp_path):
    this = consistent_report(5)
    prev = previous_year_of(this)
    this_path, prev_path = write_json(this, tmp_path / "this.json"), write_json(prev, tmp_path / "prev.json")
    assert run("check", this_path, "--previous", prev_path).returncode == 0
    prev.table3.carried_forward.natural += 1  # last year's 结转 no longer matches this year's 上年结转
    write_json(prev, prev_path)
    p = run("check", this_path, "--previous", prev_path, "--json")
    assert p.returncode == 1
    assert any(f["rule"] == "D1" for f in json.loads(p.stdout)["findings"])


@pytest.mark.parametrize("content", [None, b"", b"\x00\x01\x02\xff\xfe" * 100, b"PK\x03\x04garbage"])
def test_unreadable_files_exit_2_with_a_chinese_message(tmp_path, content):
    path = tmp_path / ("missing.txt" if content is None else "bad.docx" if content.startswith(b"PK") else "bad.txt")
    if content is not None:
        path.write_bytes(content)
    p = run("check", path)
    assert p.returncode == 2, p.stdout + p.stderr
    assert "Traceback" not in p.stderr and p.stderr.strip()
    assert any("\u4e00" <= ch <= "\u9fff" for ch in p.stderr)


def test_export_is_refused_on_error_and_writes_nothing(tmp_path, sample_gold):
    set_cell(sample_gold, "t3.total.total", 3)
    out = tmp_path / "out.docx"
    p = run("export", write_json(sample_gold, tmp_path / "r.json"), "--to", "docx", "-o", out)
    assert p.returncode == 1
    assert "t3.total.total" in p.stderr or "（七）总计" in p.stderr
    assert not out.exists()


def test_export_writes_a_document(tmp_path, sample_path):
    out = tmp_path / "out.md"
    p = run("export", sample_path, "--to", "md", "-o", out, "--acknowledge-warnings")
    assert p.returncode == 0, p.stderr
    assert "收到和处理政府信息公开申请情况" in out.read_text(encoding="utf-8")


def test_rules_lists_every_family():
    p = run("rules")
    assert p.returncode == 0
    families = {line.split("\t")[0][0] for line in p.stdout.splitlines() if line.strip()}
    assert families >= set("ABCDEF")
