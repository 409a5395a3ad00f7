"""Last year's report: prefill of what carries over, the 现行有效 base, the cross-year rules, the
narrative as drafting context, and D3 when this year's words copy last year's."""

from __future__ import annotations

from assistant.validation import validate
from eval.synthetic import consistent_report, previous_year_of
from schemas import labels as L
from schemas.layout import T3_COLUMNS, get_cell
from tests.dialogue_support import offline_service, talk, tsv_table3

COPIED = ("本机关建立健全政府信息公开属性源头认定机制，严格执行信息发布前保密审查制度，定期清理更新政府信息公开目录，"
          "动态调整政务公开事项清单，确保公开内容准确规范。")


def same_report(a, b) -> bool:
    return a.model_dump(exclude={"source"}) == b.model_dump(exclude={"source"})  # the importer notes the path


def last_year(tmp_path, *, tweak=None):
    this = consistent_report(11)
    prev = previous_year_of(this)
    prev.part1.management = COPIED
    if tweak:
        tweak(prev)
    path = tmp_path / "2022年报告.json"
    path.write_text(prev.model_dump_json(), encoding="utf-8")
    return this, prev, path


def test_import_prefills_what_carries_over(db, tmp_path):
    _this, prev, path = last_year(tmp_path)
    store = db()
    service = offline_service(store)
    d = service.start("张三").id
    reply = service.import_previous(d, "张三", path)
    assert not reply.refused
    facts = store.facts(d)
    for c in T3_COLUMNS:
        f = facts[f"t3.carried_over.{c}"]
        assert f.value == get_cell(prev, f"t3.carried_forward.{c}") and f.source == "import"
        assert f.quote == (f"上年报告《2022年报告.json》「{L.T3_ROW_LABELS['carried_forward']}」行"
                           f"「{L.T3_COLUMN_LABELS[c]}」列：{f.value}")
    assert (facts["agency_name"].value, facts["agency_name"].source) == (prev.meta.agency_name, "import")
    assert facts["agency_level"].value == prev.meta.agency_level
    assert (facts["report_year"].value, facts["report_year"].source) == (2023, "derivation")
    assert same_report(store.previous_report(d), prev)
    assert f"上年现行有效：规章{prev.table2.regulations.in_force}件" in reply.text
    assert "已导入上年报告《2022年报告.json》" in reply.text and "（来自上年报告）" in reply.text
    assert reply.questions[0].key == "website_items"  # identity came with the import
    assert [t.text for t in store.turns(d) if t.role == "user"] == ["导入上年报告：2022年报告.json"]


def test_the_previous_in_force_count_is_the_base_of_this_years(db, tmp_path):
    _this, prev, path = last_year(tmp_path)
    store = db()
    service = offline_service(store)
    d = service.start("张三").id
    service.import_previous(d, "张三", path)
    reply = service.handle(d, "张三", "制发规章3件，废止规章1件")
    base = prev.table2.regulations.in_force
    f = store.facts(d)["t2.regulations.in_force"]
    assert (f.value, f.source) == (base + 2, "derivation") and f.quote.startswith(f"上年现行有效{base}件＋本年制发3件－本年废止1件")
    assert f"现行有效件数{base + 2}" in reply.text
    service.handle(d, "张三", f"现行有效规章{base - 5}件")  # a 清理: the stated count wins, D2 warns
    assert store.facts(d)["t2.regulations.in_force"].source == "chat"
    assert any(x.rule == "D2" for x in service.findings(d))


def test_cross_year_rules_run_on_the_draft(db, tmp_path):
    this, _prev, path = last_year(tmp_path, tweak=lambda p: setattr(p.table3.carried_forward, "natural",
                                                                      p.table3.carried_forward.natural + 1))
    store = db()
    service = offline_service(store)
    d = service.start("张三").id
    talk(service, d, ["我们是示例市交通运输局，市级单位，要写2023年度的年报。", "表三：\n" + tsv_table3(this)])
    reply = service.import_previous(d, "张三", path)
    # what the staff said is kept; last year's different figure becomes a D1 note
    assert store.facts(d)["t3.carried_over.natural"].value == this.table3.carried_over.natural
    assert "应等于上年（2022年）报告表三「四、结转下年度继续办理」行「自然人」列" in reply.text and "（D1）" in reply.text
    assert any(f.rule == "D1" for f in validate(service.report(d).report, store.previous_report(d)))


def test_copy_from_last_year_is_flagged_when_pasted_and_when_drafted(db, tmp_path):
    _this, prev, path = last_year(tmp_path)
    store = db()
    service = offline_service(store)
    d = service.start("张三").id
    service.import_previous(d, "张三", path)
    assert service.previous_narrative(d)["p1.management"] == COPIED
    assert service.previous_narrative(d)["p5"] == prev.part5

    reply = service.handle(d, "张三", f"信息管理：{COPIED}")
    assert not reply.refused and store.facts(d)["management"].value == COPIED  # a warning, not a refusal
    assert "D3 内容雷同" in reply.text and "高度相似" in reply.text

    reply = service.draft_narrative(d, "张三")
    versions = store.narrative(d)
    assert versions["p1.management"].text == COPIED and versions["p1.management"].source == "template"
    assert any("内容雷同" in flag for flag in versions["p1.management"].flags)
    assert not any("内容雷同" in flag for flag in versions["p1.platform"].flags)
    assert "需要核实的地方" in reply.text and "（三）政府信息管理情况" in reply.text
    assert service.report(d).report.part1.management == COPIED


def test_import_by_message_and_a_file_that_cannot_be_read(db, tmp_path):
    _this, prev, path = last_year(tmp_path)
    store = db()
    service = offline_service(store)
    d = service.start("张三").id
    missing = tmp_path / "没有这个文件.docx"
    reply = service.handle(d, "张三", f"导入上年报告 {missing}")
    assert reply.refused and "没能导入上年报告" in reply.text and "找不到文件" in reply.text
    assert store.facts(d) == {} and store.previous_report(d) is None
    reply = service.handle(d, "张三", f"导入上年报告：{path}")
    assert not reply.refused and same_report(store.previous_report(d), prev)
    assert store.facts(d)["t3.carried_over.natural"].turn_text == f"导入上年报告：{path}"
    service.handle(d, "张三", "撤销")  # the import is one action: its values go, the derived year too
    assert store.facts(d) == {}


def test_last_years_report_as_published_on_the_web(db):
    """The sample (2023, copied from its web page) as last year's report of a 2024 draft."""
    from tests.dialogue_support import FIXTURES, sample_facts

    store = db()
    service = offline_service(store)
    d = service.start("张三").id
    reply = service.import_previous(d, "张三", FIXTURES / "yantai-jgswj-2023.txt")
    facts = service.facts(d)
    assert (facts.agency_name, facts.agency_level, facts.report_year) == ("烟台市机关事务管理局", "municipal", 2024)
    assert all(facts.cells[f"t3.carried_over.{c}"] == 0 for c in T3_COLUMNS)
    assert "上年现行有效：规章0件、行政规范性文件0件" in reply.text
    assert service.previous_narrative(d)["p1.oversight"].startswith("高度重视政务公开工作")
    # "今年没有收到申请" now completes table 三 with last year's zero carry-over
    reply = service.handle(d, "张三", "今年没有收到申请")
    assert not any(a.startswith("t3.") for a in service.plan(d).missing)
    reply = service.handle(d, "张三", f"监督保障：{sample_facts().oversight}")
    assert "D3 内容雷同" in reply.text
