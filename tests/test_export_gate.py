"""The export gate: errors refuse, warnings refuse until acknowledged, an allowed export records who/when/which."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import os
import re
import zipfile
from decimal import Decimal

import pytest
from lxml import etree
from pydantic import ValidationError

from assistant.errors import ReportAssistantError
from assistant.export import (
    META_PREFIX,
    PROPERTY_LABELS,
    Acknowledgement,
    ExportRefused,
    acknowledge_all,
    check_gate,
    docx_properties,
    export_report,
    record_path_for,
    warning_key,
)
from eval.synthetic import consistent_report, previous_year_of
from schemas import Finding, Location, Report
from schemas.layout import cell_label, get_cell, set_cell

AT = dt.datetime(2024, 1, 25, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=8)))


def warn(rule: str, address: str, span=None) -> Finding:
    return Finding(rule=rule, severity="warning", location=Location(address=address, span=span), message=f"{rule}提示")


def error(rule: str, address: str, message: str = "应为 1，实为 2") -> Finding:
    return Finding(rule=rule, severity="error", location=Location(address=address), message=message)


def files_in(directory) -> set[str]:
    return {p.name for p in directory.iterdir()}


# ---- the gate on given findings ------------------------------------------------------------------
def test_warning_keys_are_rule_address_and_span():
    assert warning_key(warn("D3", "p5")) == "D3@p5"
    assert warning_key(warn("F5", "p1.on_request", (3, 8))) == "F5@p1.on_request:3-8"
    assert warning_key(warn("C2", "t2.fees.amount")) == "C2@t2.fees.amount"


def test_any_error_refuses_and_the_message_names_the_cell():
    report = consistent_report(1)
    decision = check_gate(report, findings=[error("A3", "t3.granted.total"), warn("D3", "p5")],
                          acknowledgement=Acknowledgement(who="甲", at=AT, warnings=["D3@p5"]))
    assert not decision.allowed and len(decision.errors) == 1 and not decision.unacknowledged
    msg = decision.refusal_message()
    assert "[A3]" in msg and cell_label("t3.granted.total") in msg and "t3.granted.total" in msg
    assert "应为 1，实为 2" in msg and "D3@p5" not in msg  # acknowledged warnings are not listed


def test_warnings_refuse_until_every_one_is_acknowledged():
    report = consistent_report(1)
    findings = [warn("D3", "p5"), warn("F5", "p1.active", (0, 5))]
    assert not check_gate(report, findings=findings).allowed
    partial = check_gate(report, findings=findings, acknowledgement=Acknowledgement(who="甲", at=AT, warnings=["D3@p5"]))
    assert not partial.allowed
    assert [w.key for w in partial.unacknowledged] == ["F5@p1.active:0-5"]
    assert "F5@p1.active:0-5" in partial.refusal_message() and "[D3@p5]" not in partial.refusal_message()
    # an acknowledgement of another span (the text changed since) does not count
    moved = Acknowledgement(who="甲", at=AT, warnings=["D3@p5", "F5@p1.active:0-6"])
    assert not check_gate(report, findings=findings, acknowledgement=moved).allowed
    full = check_gate(report, findings=findings,
                      acknowledgement=Acknowledgement(who="甲", at=AT, warnings=["D3@p5", "F5@p1.active:0-5", "X@y"]))
    assert full.allowed and full.acknowledged_keys == ["D3@p5", "F5@p1.active:0-5"]
    assert check_gate(report, findings=[]).allowed


def test_acknowledgement_needs_a_name():
    with pytest.raises(ValidationError):
        Acknowledgement(who="  ", at=AT, warnings=[])


# ---- export_report with the real validator -------------------------------------------------------
@pytest.fixture
def wrong_total() -> tuple[Report, str]:
    report = consistent_report(4)
    address = "t3.total.natural"
    set_cell(report, address, get_cell(report, address) + 1)
    return report, address


@pytest.mark.parametrize("fmt", ["docx", "html", "md", "json"])
def test_one_wrong_total_refuses_and_writes_nothing(tmp_path, wrong_total, fmt):
    report, address = wrong_total
    out = tmp_path / f"out.{fmt}"
    with pytest.raises(ExportRefused) as exc:
        export_report(report, fmt, out, acknowledgement=acknowledge_all(report, "甲"))
    msg = str(exc.value)
    assert isinstance(exc.value, ReportAssistantError)
    assert msg.startswith("导出被拒绝") and address in msg and cell_label(address) in msg
    assert exc.value.decision.errors
    assert files_in(tmp_path) == set()  # no output, no record, no temporary file


def test_refusal_leaves_an_existing_file_alone(tmp_path, wrong_total):
    report, _ = wrong_total
    out = tmp_path / "out.html"
    out.write_text("旧文件", encoding="utf-8")
    with pytest.raises(ExportRefused):
        export_report(report, "html", out)
    assert out.read_text(encoding="utf-8") == "旧文件" and files_in(tmp_path) == {"out.html"}


def test_a_draft_is_exported_despite_errors_marked_and_recorded_as_a_draft(tmp_path, wrong_total):
    """Staff download the current draft to read it or send it to the leader (issue 16, item 9): the
    gate's findings are recorded, not enforced; the final export of the same report stays refused."""
    report, address = wrong_total
    result = export_report(report, "docx", tmp_path / "草稿.docx", draft=True)
    assert result.decision.errors and not result.decision.allowed
    record = json.loads(result.record_path.read_text(encoding="utf-8"))
    assert record["draft"] is True and record["findings"]["errors"] == len(result.decision.errors)
    assert address in json.dumps(record["findings"], ensure_ascii=False)
    with zipfile.ZipFile(result.path) as z:
        headers = ["".join(etree.fromstring(z.read(n)).itertext()) for n in z.namelist() if n.startswith("word/header")]
    assert headers and all(h == "草稿" for h in headers)
    assert docx_properties(result.path.read_bytes())[PROPERTY_LABELS["status"]].startswith("草稿")
    with pytest.raises(ExportRefused):
        export_report(report, "docx", tmp_path / "final.docx")
    for fmt in ("html", "md", "json"):  # only Word and PDF carry the mark
        with pytest.raises(ReportAssistantError, match="草稿只能导出为 Word 或 PDF"):
            export_report(report, fmt, tmp_path / f"草稿.{fmt}", draft=True)
    assert files_in(tmp_path) == {"草稿.docx", "草稿.docx.export.json"}


@pytest.fixture
def warned() -> Report:
    """A consistent report whose fee looks like 元, not 万元 (rule C2, a warning)."""
    report = consistent_report(6)
    report.table2.fees.amount = Decimal("251000")
    return report


def test_warnings_refuse_until_acknowledged_then_export_records_them(tmp_path, warned):
    decision = check_gate(warned)
    assert not decision.errors, decision.refusal_message()
    keys = [w.key for w in decision.warnings]
    assert any(k.startswith("C2@") for k in keys)
    out = tmp_path / "r.docx"
    with pytest.raises(ExportRefused) as exc:
        export_report(warned, "docx", out)
    assert all(k in str(exc.value) for k in keys) and files_in(tmp_path) == set()
    if len(keys) > 1:  # acknowledging some is not enough
        with pytest.raises(ExportRefused):
            export_report(warned, "docx", out, acknowledgement=Acknowledgement(who="甲", at=AT, warnings=keys[:1]))

    ack = Acknowledgement(who="李四", at=AT, warnings=keys)
    result = export_report(warned, "docx", out, acknowledgement=ack)
    data = out.read_bytes()
    assert result.path == out and files_in(tmp_path) == {"r.docx", "r.docx.export.json"}
    props = docx_properties(data)
    assert props[PROPERTY_LABELS["acknowledged_by"]] == "李四"
    assert props[PROPERTY_LABELS["acknowledged_at"]] == AT.isoformat()
    assert props[PROPERTY_LABELS["acknowledged_warnings"]].split("; ") == list(dict.fromkeys(keys))
    core = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("docProps/core.xml"))
    assert "李四" in "".join(core.itertext())

    record = json.loads(record_path_for(out).read_text(encoding="utf-8"))
    assert record["format"] == "docx" and record["file"] == "r.docx"
    assert record["sha256"] == hashlib.sha256(data).hexdigest() == result.sha256
    assert record["acknowledgement"]["who"] == "李四"
    assert dt.datetime.fromisoformat(record["acknowledgement"]["at"]) == AT
    assert record["acknowledgement"]["warnings"] == list(dict.fromkeys(keys))
    assert record["findings"]["errors"] == 0 and record["findings"]["warnings"] == len(keys)
    assert all(item["acknowledged"] for item in record["findings"]["items"])
    assert dt.datetime.fromisoformat(record["exported_at"]).tzinfo is not None


def test_acknowledgement_is_recorded_in_html_and_markdown(tmp_path, warned):
    ack = acknowledge_all(warned, "赵六", at=AT)
    html = export_report(warned, "html", tmp_path / "r.html", acknowledgement=ack).path.read_text(encoding="utf-8")
    metas = dict(re.findall(r'<meta name="' + re.escape(META_PREFIX) + r'(\w+)" content="([^"]*)">', html))
    assert metas["acknowledged_by"] == "赵六" and metas["acknowledged_at"] == AT.isoformat()
    assert metas["acknowledged_warnings"].split("; ") == ack.warnings
    md = export_report(warned, "md", tmp_path / "r.md", acknowledgement=ack).path.read_text(encoding="utf-8")
    head = md.split("\n---\n", 1)[0]
    assert md.startswith("---\n") and '"赵六"' in head and all(k in head for k in ack.warnings)
    for name in ("r.html", "r.md"):
        record = json.loads((tmp_path / (name + ".export.json")).read_text(encoding="utf-8"))
        assert record["acknowledgement"]["who"] == "赵六"


def test_json_export_round_trips_and_is_recorded(tmp_path, warned):
    out = tmp_path / "r.json"
    export_report(warned, "json", out, acknowledgement=acknowledge_all(warned, "钱七", at=AT))
    assert Report.model_validate_json(out.read_text(encoding="utf-8")) == warned
    record = json.loads(record_path_for(out).read_text(encoding="utf-8"))
    assert record["acknowledgement"]["who"] == "钱七"
    assert record["sha256"] == hashlib.sha256(out.read_bytes()).hexdigest()


def test_a_clean_report_exports_without_acknowledgement(tmp_path):
    this = consistent_report(8)
    prev = previous_year_of(this)
    result = export_report(this, "md", tmp_path / "clean.md", previous=prev)
    record = json.loads(result.record_path.read_text(encoding="utf-8"))
    assert record["acknowledgement"] is None and record["findings"] == {"errors": 0, "warnings": 0,
                                                                       "acknowledged": 0, "items": []}


def test_cross_year_error_needs_the_previous_report(tmp_path):
    this = consistent_report(9)
    prev = previous_year_of(this)
    prev.table3.carried_forward.natural += 1  # D1: last year's 结转 no longer matches this year's 上年结转
    with pytest.raises(ExportRefused) as exc:
        export_report(this, "html", tmp_path / "r.html", previous=prev)
    assert "D1" in str(exc.value)


def test_failed_write_leaves_nothing_behind(tmp_path, monkeypatch):
    report = consistent_report(8)
    real_replace = os.replace

    def fail_on_record(src, dst):
        if str(dst).endswith(".export.json"):
            raise OSError(28, "No space left on device")
        return real_replace(src, dst)

    monkeypatch.setattr(os, "replace", fail_on_record)
    with pytest.raises(ReportAssistantError) as exc:
        export_report(report, "html", tmp_path / "r.html")
    assert "无法写入" in str(exc.value)
    assert files_in(tmp_path) == set()


def test_failed_rendering_leaves_nothing_behind(tmp_path, monkeypatch):
    from assistant.export import _export

    def broken(*args, **kwargs):
        raise ReportAssistantError("无法导出 PDF：测试中模拟的失败。")

    monkeypatch.setattr(_export, "docx_to_pdf", broken)
    with pytest.raises(ReportAssistantError):
        export_report(consistent_report(8), "pdf", tmp_path / "r.pdf")
    assert files_in(tmp_path) == set()


def test_unknown_format_is_a_chinese_error(tmp_path):
    with pytest.raises(ReportAssistantError) as exc:
        export_report(consistent_report(8), "odt", tmp_path / "r.odt")  # type: ignore[arg-type]
    assert "不支持的导出格式" in str(exc.value)


def test_the_gate_does_not_depend_on_any_export_format():
    import ast
    import inspect

    from assistant.export import gate

    tree = ast.parse(inspect.getsource(gate))
    imported = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
    imported |= {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    assert not {m for m in imported if m and (m.startswith("assistant.export") or m.split(".")[0] in
                                              ("docx", "lxml"))}, imported
