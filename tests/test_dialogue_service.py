"""The service around the answers: concurrent writers, a failing model, drafting, the terminal."""

from __future__ import annotations

import io

from assistant.app import AppService
from assistant.auth import AuthStore
from assistant.cli._chat import run_chat
from assistant.dialogue import DialogueService
from assistant.drafting import PARTS
from assistant.llm import LLMUnavailableError
from schemas.patches import Patch, PatchOp
from tests.dialogue_support import SAMPLE_DIALOGUE, offline_service, talk


def test_an_answer_computed_from_a_stale_read_is_computed_again(db, fake_model):
    store = db()
    d = store.create_draft("张三").id
    # a message the reader cannot place, so the model is asked
    patch = Patch(ops=[PatchOp(field="website_items", value=148, quote="那个数是148")])

    def interrupted(request):  # while the model answers, another writer records a turn on the draft
        store.record_turn(d, "另一个窗口：微信公众号发布59条", author="李四")
        return patch

    fake_model.enqueue(interrupted, patch)
    reply = DialogueService(store, fake_model).handle(d, "张三", "那个数是148")
    assert len(fake_model.requests) == 2  # read again after the other write, then committed
    assert [t.text for t in store.turns(d)] == ["另一个窗口：微信公众号发布59条", "那个数是148", reply.text]
    assert store.facts(d)["website_items"].value == 148


def test_a_failing_model_keeps_the_words_and_changes_nothing(db, fake_model):
    store = db()
    d = store.create_draft("张三").id
    fake_model.enqueue(LLMUnavailableError("模型服务暂时无法连接，请稍后重试。"))
    reply = DialogueService(store, fake_model).handle(d, "张三", "那个数是148")
    assert reply.refused and "您的话已保存" in reply.text and "模型服务暂时无法连接" in reply.text
    assert next(t.text for t in store.turns(d)) == "那个数是148" and store.facts(d) == {}


def test_an_empty_message_records_nothing(db):
    store = db()
    service = offline_service(store)
    d = service.start("张三").id
    reply = service.handle(d, "张三", "  \n ")
    assert reply.turn_id is None and store.turns(d) == [] and reply.questions[0].key == "agency_name"


def test_drafting_saves_a_version_of_every_part_in_the_same_turn(db):
    store = db()
    service = offline_service(store)
    d = service.start("张三").id
    talk(service, d, SAMPLE_DIALOGUE)
    reply = service.handle(d, "张三", "生成初稿")
    versions = store.narrative(d)
    assert set(versions) == set(PARTS) and {v.version for v in versions.values()} == {1}
    assert versions["p1.active"].text.startswith("2023年，") and "148条" in versions["p1.active"].text
    assert all(v.flags == () for v in versions.values())
    assert reply.text.startswith(f"已起草{len(PARTS)}个部分")
    report = service.report(d).report
    assert report.part1.platform.startswith("聚焦法定公开内容") and report.meta.title.startswith("烟台市机关事务管理局")
    service.draft_narrative(d, "张三", parts=["p5"])
    assert [v.version for v in store.narrative_history(d, "p5")] == [1, 2]


def test_the_terminal_dialogue_reads_lines_and_blocks(db):
    store = db()
    app = AppService(store, AuthStore(store.engine), offline_service(store).model, local_user=True)
    table = SAMPLE_DIALOGUE[2]
    stdin = io.StringIO("\n".join([SAMPLE_DIALOGUE[0], "", '"""', table, '"""', "撤销", "退出", "这行不会读到"]) + "\n")
    out = io.StringIO()
    assert run_chat(app, user="张三", stdin=stdin, stdout=out) == 0
    replies = out.getvalue().split("\n\n")
    assert replies[0].startswith("已新建报告草稿，编号 1。") and "机关名称（全称）是什么？" in replies[1]
    assert "机关名称：烟台市机关事务管理局" in replies[2]
    assert "表二全部10格、表三全部175格、表四全部15格：均为0" in replies[3]
    assert replies[4].startswith("已撤销上一步") and replies[5].startswith("已保存")
    assert [t.text for t in store.turns(1) if t.role == "user"] == [SAMPLE_DIALOGUE[0], table, "撤销"]


def test_the_terminal_reports_an_unknown_draft(db, capsys):
    store = db()
    app = AppService(store, AuthStore(store.engine), offline_service(store).model, local_user=True)
    assert run_chat(app, user="张三", draft_id=999, stdin=io.StringIO(""), stdout=io.StringIO()) == 2
    assert "找不到编号为 999 的报告草稿" in capsys.readouterr().err


def test_the_terminal_takes_a_list_typed_a_line_each_as_one_message(db):
    store = db()
    app = AppService(store, AuthStore(store.engine), offline_service(store).model, local_user=True)
    lines = ["白沙镇人民政府 乡镇 2024年", "依申请今年2件：", "1.一个村民要低保名单 涉及隐私没给", "2.一家公司要规划图 给了",
             "网站发了63条", "退出"]
    out = io.StringIO()
    assert run_chat(app, user="张三", stdin=io.StringIO("\n".join(lines) + "\n"), stdout=out) == 0
    said = [t.text for t in store.turns(1) if t.role == "user"]
    assert said == [lines[0], "\n".join(lines[1:4]), lines[4]]
    facts = store.facts(1)
    assert facts["t3.withheld.third_party.natural"].value == 1 and facts["t3.granted.commercial"].value == 1


def test_an_application_not_given_is_no_none():
    from assistant.reading import read_message
    ops = read_message("一个村民要低保名单，涉及隐私没给").ops
    assert not any(op.value in (0, "0") for op in ops)
