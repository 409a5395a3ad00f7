"""The batch audit on a generated folder: every planted defect (eval.mutations) in one of the four
published formats, last year's report beside those that need it, clean reports and a clean two-year
pair, and three files that cannot be read. One audit run (two processes) serves every test here."""

from __future__ import annotations

import io

import openpyxl
import pytest
from test_audit_support import FORMATS, agency_name, convert_to_pdf, needs_soffice, write_report

from assistant.audit import SHEETS, audit_paths, write_audit_html, write_workbook
from eval.mutations import defects
from eval.synthetic import consistent_report, previous_year_of
from schemas.report import Report

pytestmark = [needs_soffice, pytest.mark.timeout(600)]

SEED = 5


def header_index(ws) -> dict[str, int]:
    return {c.value: i for i, c in enumerate(next(ws.iter_rows(max_row=1)))}


@pytest.fixture(scope="module")
def planted(tmp_path_factory):
    """(folder, planted {file: defect}, clean files, unreadable files, workbook path, html path, result)."""
    root = tmp_path_factory.mktemp("audit")
    folder = root / "reports"
    planted, clean, docx = {}, [], []
    i = 0
    for d in defects(SEED):
        if d.in_source_only:  # lives in report.source, which no renderer writes
            continue
        old = d.report.meta.agency_name  # 示例市…, or 示例县…/示例镇… for C4: keep the level word
        unit = next((u for u in ("镇", "县") if u in old), "市")
        new = agency_name(i, unit)
        report, previous = (None if r is None else Report.model_validate_json(r.model_dump_json().replace(old, new))
                            for r in (d.report, d.previous))
        fmt = FORMATS[i % 4]
        sub = folder / d.family
        path = write_report(report, sub, f"{d.rule}-{d.name}", fmt)
        shown = str(path.with_suffix(".pdf") if fmt == "pdf" else path)
        planted[shown] = (d, "")
        if fmt == "pdf":
            docx.append(path)
        if previous is not None:
            pfmt = FORMATS[(i + 1) % 4]
            ppath = write_report(previous, sub, f"{d.rule}-{d.name}-上年", pfmt)
            pshown = str(ppath.with_suffix(".pdf") if pfmt == "pdf" else ppath)
            planted[shown] = (d, pshown)  # not a clean report: some defects change last year's too
            if pfmt == "pdf":
                docx.append(ppath)
        i += 1
    for j, fmt in enumerate(FORMATS):  # clean reports, one per format, and a clean pair
        report = consistent_report(100 + j, agency=agency_name(200 + j))
        path = write_report(report, folder / "clean", f"clean-{fmt}", fmt)
        clean.append(str(path.with_suffix(".pdf") if fmt == "pdf" else path))
        if fmt == "pdf":
            docx.append(path)
    this = consistent_report(120, agency=agency_name(230))
    for r, fmt, stem in ((this, "docx", "pair-2023"), (previous_year_of(this, 3), "pdf", "pair-2022")):
        path = write_report(r, folder / "clean", stem, fmt)
        clean.append(str(path.with_suffix(".pdf") if fmt == "pdf" else path))
        if fmt == "pdf":
            docx.append(path)
    staging = root / "staging"  # one LibreOffice run for all: its start-up costs seconds
    staging.mkdir()
    moved = [path.rename(staging / f"{path.parent.name}~{path.name}") for path in docx]
    for pdf in convert_to_pdf(moved, staging):
        parent, name = pdf.name.split("~", 1)
        pdf.rename(folder / parent / name)
    bad = folder / "bad"
    bad.mkdir()
    good_pdf = next(p for p in folder.rglob("*.pdf"))
    (bad / "corrupt.pdf").write_bytes(good_pdf.read_bytes()[:3000])
    (bad / "empty.docx").write_bytes(b"")
    (bad / "random.bin").write_bytes(bytes((i * 7919) % 256 for i in range(5000)))
    unreadable = [str(bad / n) for n in ("corrupt.pdf", "empty.docx", "random.bin")]
    xlsx, html = root / "out" / "audit.xlsx", root / "out" / "audit.html"
    progress = io.StringIO()
    result = audit_paths([folder], jobs=2, progress=progress)
    write_workbook(result, xlsx)
    write_audit_html(result, html)
    return folder, planted, clean, unreadable, xlsx, html, result, progress.getvalue()


def test_every_planted_error_is_in_the_workbook_at_its_report_and_location(planted):
    _, planted_files, _, _, xlsx, _, _, _ = planted
    ws = openpyxl.load_workbook(xlsx, read_only=True)[SHEETS[1]]
    h = header_index(ws)
    found = {(r[h["文件"]], r[h["规则"]], r[h["位置代码"]]) for r in ws.iter_rows(min_row=2, values_only=True)}
    missing = [f"{file}: {d.rule} @ {d.address} ({d.description})" for file, (d, _) in planted_files.items()
               if (file, d.rule, d.address) not in found]
    assert not missing, "\n".join(missing)
    assert {d.family for d, _ in planted_files.values()} == set("ABCDEF")
    assert {file.rsplit(".", 1)[1] for file in planted_files} == {"md", "html", "docx", "pdf"}


def test_clean_reports_have_no_error(planted):
    _, _, clean, _, xlsx, _, _, _ = planted
    ws = openpyxl.load_workbook(xlsx, read_only=True)[SHEETS[0]]
    h = header_index(ws)
    rows = {r[h["文件"]]: r for r in ws.iter_rows(min_row=2, values_only=True)}
    for file in clean:
        row = rows[file]
        assert row[h["错误数"]] == 0, (file, row)
        assert row[h["状态"]] in ("通过", "仅有警告"), (file, row)


def test_cross_year_pairs(planted):
    _, planted_files, _, _, _, _, result, _ = planted
    by_file = {r.file: r for r in result.rows}
    for file, (_d, previous) in planted_files.items():
        assert by_file[file].previous == previous, file
    pair = by_file[next(f for f in by_file if f.endswith("pair-2023.docx"))]
    assert pair.previous.endswith("pair-2022.pdf")
    assert result.pairs == sum(bool(p) for _, p in planted_files.values()) + 1


def test_unreadable_files_are_rows_with_their_reason(planted):
    _, _, _, unreadable, xlsx, _, _result, _ = planted
    ws = openpyxl.load_workbook(xlsx, read_only=True)[SHEETS[0]]
    h = header_index(ws)
    rows = {r[h["文件"]]: r for r in ws.iter_rows(min_row=2, values_only=True)}
    for file in unreadable:
        assert rows[file][h["状态"]] == "无法读取"
    assert "PDF" in rows[unreadable[0]][h["无法读取的原因"]]
    assert "空文件" in rows[unreadable[1]][h["无法读取的原因"]]
    assert "二进制" in rows[unreadable[2]][h["无法读取的原因"]]


def test_summary_and_rule_counts_agree_with_findings(planted):
    _, _, _, _, xlsx, _, _result, _ = planted
    wb = openpyxl.load_workbook(xlsx, read_only=True)
    summary, findings, rules = (wb[s] for s in SHEETS)
    hs, hf, hr = header_index(summary), header_index(findings), header_index(rules)
    per_rule: dict[str, int] = {}
    per_file: dict[str, int] = {}
    for r in findings.iter_rows(min_row=2, values_only=True):
        if r[hf["严重程度"]] == "错误":
            per_rule[r[hf["规则"]]] = per_rule.get(r[hf["规则"]], 0) + 1
            per_file[r[hf["文件"]]] = per_file.get(r[hf["文件"]], 0) + 1
    for r in rules.iter_rows(min_row=2, values_only=True):
        assert r[hr["错误数"]] == per_rule.get(r[hr["规则"]], 0)
    for r in summary.iter_rows(min_row=2, values_only=True):
        if r[hs["状态"]] != "无法读取":
            assert r[hs["错误数"]] == per_file.get(r[hs["文件"]], 0)
            assert r[hs["错误数"]] == sum(r[hs[f"{fam}"]] for fam in hs if fam.endswith("·错误"))


def test_html_summary_and_progress(planted):
    _, _, _, _, _, html, result, progress = planted
    page = html.read_text(encoding="utf-8")
    assert page.count("<svg") == 2
    assert "最常见的问题" in page and "无法读取" in page
    assert f"共审核文件{len(result.rows)}份" in page
    assert progress.strip().splitlines()[-1].startswith("跨年度比对") or "审核进度" in progress
    assert f"{len(result.rows)}/{len(result.rows)}" in progress
