"""The ledger in the application service: read (nothing written), accept (one 'ledger' action,
quotes naming the rows, undo reverts it whole, the history shows it), the agency's column choice
remembered in the database, access rules as for hand edits, refusals as Chinese messages."""

from __future__ import annotations

import pytest

from assistant.app import AppError, AppService
from assistant.auth import AuthStore, PermissionDenied
from assistant.ledger import ColumnsMissing, LedgerError
from assistant.offline import OfflineModel
from assistant.storage import FactChange, Store
from tests.ledger_support import expected_cells, mixed_records, sheet_rows, write_xlsx
from tests.test_ledger import REVIEW_ROWS, balanced


@pytest.fixture
def app(tmp_path):
    store = Store(f"sqlite:///{tmp_path / 'db.sqlite3'}")
    service = AppService(store, AuthStore(store.engine), OfflineModel(), export_dir=tmp_path / "exports")
    service.add_user(None, "zhang", "password-123", "staff", "张三")
    service.add_user(None, "wang", "password-123", "supervisor", "王五")
    yield service
    service.close()


def _draft(app: AppService, agency: str = "某县自然资源局") -> int:
    d = app.new_draft("zhang")
    app.store.apply_changes(d.id, [FactChange("agency_name", agency), FactChange("report_year", 2025)],
                            source="manual", author="zhang")
    return d.id


def test_read_writes_nothing_and_accept_sets_every_cell_with_its_rows(app, tmp_path):
    d = _draft(app)
    recs = mixed_records()
    apps = write_xlsx(tmp_path / "申请台账.xlsx", sheet_rows(recs, 2025))
    revs = write_xlsx(tmp_path / "复议.xlsx", REVIEW_ROWS, merge_title=False)
    before = app.store.facts(d)
    result = app.read_ledger("zhang", d, apps, "申请台账.xlsx", reviews=revs, reviews_filename="复议.xlsx")
    assert app.store.facts(d) == before
    assert len(result.issues) == 2  # two review rows
    result, lines = app.apply_ledger("zhang", d, apps, "申请台账.xlsx", reviews=revs, reviews_filename="复议.xlsx")
    assert "填入190格" in lines[0] and "2行无法归类" in lines[1]
    stored = app.store.facts(d)
    cells = {a: f.value for a, f in stored.items() if a.startswith("t3.")}
    assert cells == expected_cells(recs)
    balanced(cells)
    assert stored["t4.review.total"].value == 3
    fact = stored["t3.granted.natural"]
    assert fact.source == "ledger" and fact.quote.startswith("申请台账《申请台账.xlsx》第")
    snap = app.snapshot("zhang", d)
    assert not [f for f in snap.findings if f.rule in ("A1", "A2", "A3", "B1")]
    text = app.provenance("zhang", d, "t3.granted.natural")
    assert "申请台账" in text and "第" in text and "行" in text and "张三" in text
    assert any(row[2] == "导入申请台账" for row in app.history("zhang", d))
    # accepting the same ledger again changes nothing
    _, again = app.apply_ledger("zhang", d, apps, "申请台账.xlsx", reviews=revs, reviews_filename="复议.xlsx")
    assert "没有修改" in again[0]


def test_undo_reverts_the_whole_ledger(app, tmp_path):
    d = _draft(app)
    app.send("zhang", d, "予以公开18件，都是自然人")
    before = app.store.facts(d)["t3.granted.natural"]
    apps = write_xlsx(tmp_path / "a.xlsx", sheet_rows(mixed_records(), 2025))
    app.apply_ledger("zhang", d, apps)
    assert app.store.facts(d)["t3.granted.natural"].source == "ledger"
    reply = app.send("zhang", d, "撤销")
    assert "已撤销上一步（导入申请台账）" in reply.text
    after = app.store.facts(d)
    assert after["t3.granted.natural"].value == before.value and after["t3.granted.natural"].source == before.source
    assert "t3.withheld.inquiry.other" not in after or after["t3.withheld.inquiry.other"].source != "ledger"


def test_the_agencys_column_choice_is_remembered(app, tmp_path):
    d = _draft(app)
    rows = [["序号", "来件时间点", "申请人", "申请人类型", "办理结果"], ["1", "2025-03-01", "张三", "自然人", "予以公开"]]
    path = write_xlsx(tmp_path / "m.xlsx", rows)
    with pytest.raises(ColumnsMissing) as exc:
        app.read_ledger("zhang", d, path)
    assert exc.value.missing == ("received",) and "来件时间点" in exc.value.headers
    app.read_ledger("zhang", d, path, columns={"received": "来件时间点"})
    assert app.store.ledger_columns("某县自然资源局", "applications") == {"received": "来件时间点"}
    other = _draft(app)  # the same agency, another draft: no choosing this time
    result = app.read_ledger("zhang", other, path)
    assert result.cells["t3.granted.natural"] == 1
    third = _draft(app, "另一个机关")
    with pytest.raises(ColumnsMissing):
        app.read_ledger("zhang", third, path)
    # a ledger of another layout: what was remembered does not get in the way
    good = write_xlsx(tmp_path / "g.xlsx", sheet_rows(mixed_records(), 2025))
    assert app.read_ledger("zhang", other, good).issues == []


def test_refusals_are_messages_and_nothing_is_written(app, tmp_path):
    d = _draft(app)
    before = app.store.facts(d)
    bad = tmp_path / "a.docx"
    bad.write_bytes(b"x")
    with pytest.raises(AppError, match="不支持"):
        app.apply_ledger("zhang", d, bad)
    empty = tmp_path / "e.xlsx"
    empty.write_bytes(b"")
    with pytest.raises(AppError, match="是空的"):
        app.apply_ledger("zhang", d, empty)
    junk = tmp_path / "j.xlsx"
    junk.write_bytes(b"this is no workbook")
    with pytest.raises(LedgerError, match="不是 Excel"):
        app.apply_ledger("zhang", d, junk)
    with pytest.raises(AppError, match="请先选择"):
        app.apply_ledger("zhang", d, None)
    assert app.store.facts(d) == before


def test_access_rules_as_for_hand_edits(app, tmp_path):
    d = _draft(app)
    path = write_xlsx(tmp_path / "a.xlsx", sheet_rows(mixed_records(), 2025))
    with pytest.raises(PermissionDenied):
        app.apply_ledger("wang", d, path)  # a supervisor does not edit cells
    app.move("zhang", d, "submit")
    with pytest.raises(PermissionDenied):
        app.apply_ledger("zhang", d, path)  # submitted: the clerk no longer edits


def test_the_template_is_titled_with_the_agency(app):
    d = _draft(app)
    path = app.ledger_template("zhang", d)
    from openpyxl import load_workbook

    assert path.suffix == ".xlsx" and path.exists()
    assert "某县自然资源局2025年" in load_workbook(path)["申请台账"]["A1"].value
