"""Storage on SQLite and PostgreSQL: every test runs against both.

PostgreSQL comes from REPORT_TEST_POSTGRES_URL (``.ci/run`` starts Debian's server and sets it); each
test gets a schema of its own. Without the variable the PostgreSQL cases skip locally and fail in CI.
"""

from __future__ import annotations

import threading
import time
from decimal import Decimal

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from sqlalchemy import event, text

from assistant.storage import (
    ChangeSet,
    FactChange,
    NarrativeDraft,
    StaleDraftError,
    StorageError,
    Store,
    make_engine,
)
from assistant.storage._store import MIGRATIONS, read_engine
from assistant.storage._tables import Base
from eval.synthetic import consistent_report
from schemas import Blank


def test_migrations_match_the_models(db):
    store = db()
    with store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []


def test_drafts_per_owner(db):
    store = db()
    a = store.create_draft("张三", "某某局", 2023)
    b = store.create_draft("张三", "某某局", 2024)
    store.create_draft("李四")
    assert {d.id for d in store.list_drafts("张三")} == {a.id, b.id}
    assert store.get_draft(a.id).report_year == 2023
    with pytest.raises(StorageError, match="找不到"):
        store.get_draft(99999)


def test_a_turn_keeps_its_words_and_its_facts(db):
    store = db()
    d = store.create_draft("张三")
    msg = "今年网站公开政务信息148条，自然人申请予以公开3件"
    res = store.record_turn(d.id, msg, author="张三", reply="已记录：网站信息148条；予以公开（自然人）3件。",
                            changes=[FactChange("website_items", 148, quote="网站公开政务信息148条"),
                                     FactChange("t3.granted.natural", 3, quote="自然人申请予以公开3件")])
    facts = store.facts(d.id)
    assert facts["website_items"].value == 148
    p = store.provenance(d.id, "t3.granted.natural")
    assert (p.source, p.quote, p.turn_text, p.author, p.turn_id) == ("chat", "自然人申请予以公开3件", msg, "张三",
                                                                       res.user_turn.id)
    assert [(t.role, t.text) for t in store.turns(d.id)] == [("user", msg), ("assistant", res.reply_turn.text)]


def test_corrections_undo_and_pending(db):
    store = db()
    d = store.create_draft("张三").id
    store.record_turn(d, "网站148条", author="张三", changes=[FactChange("website_items", 148, quote="148条")])
    store.record_turn(d, "不对，网站是150条", author="张三", changes=[FactChange("website_items", 150, quote="150条")])
    store.record_turn(d, "公众号不清楚", author="张三", changes=[FactChange("new_media_posts", state="pending",
                                                                          quote="不清楚")])
    assert store.facts(d)["new_media_posts"].state == "pending"
    assert [h.value for h in store.fact_history(d, "website_items")] == [148, 150]
    undone = store.undo_last(d, "张三")  # the pending mark goes
    assert [(u.field, u.state) for u in undone] == [("new_media_posts", "cleared")]
    assert "new_media_posts" not in store.facts(d)
    store.undo_last(d, "张三")  # the correction goes: back to 148
    assert store.facts(d)["website_items"].value == 148
    store.undo_last(d, "张三")
    assert store.facts(d) == {}
    assert store.undo_last(d, "张三") == [] and store.facts(d) == {}
    assert len(store.fact_history(d)) == 6  # undo adds changes; it never deletes history


def test_values_keep_their_type(db):
    store = db()
    d = store.create_draft("张三").id
    values = {"t3.granted.natural": 0, "t3.partial.natural": Blank(blank="/"), "t2.fees.amount": Decimal("12.35"),
              "fee_charged": False, "problems": "一是解读不够；二是“公开”不及时", "report_year": 2023}
    store.apply_changes(d, [FactChange(k, v, quote="导入") for k, v in values.items()], source="import",
                        author="张三", note="上年报告.docx")
    back = {k: f.value for k, f in db().facts(d).items()}
    assert back == values
    assert type(back["t2.fees.amount"]) is Decimal and back["t3.partial.natural"] != 0


def test_sources_of_non_chat_changes(db):
    store = db()
    d = store.create_draft("张三").id
    store.apply_changes(d, [FactChange("t3.carried_over.natural", 2, quote="上年报告：结转下年度继续办理（自然人）2件")],
                        source="import", author="张三")
    store.apply_changes(d, [FactChange("t3.total.natural", 9, quote="（一）至（六）之和")], source="derivation",
                        author="系统")
    store.apply_changes(d, [FactChange("t3.granted.natural", 4, quote="表格编辑")], source="manual", author="王编辑")
    f = store.facts(d)
    assert [(f[k].source, f[k].author) for k in ("t3.carried_over.natural", "t3.total.natural", "t3.granted.natural")] \
        == [("import", "张三"), ("derivation", "系统"), ("manual", "王编辑")]


def test_narrative_versions(db):
    store = db()
    d = store.create_draft("张三").id
    store.save_narrative(d, "p5", "初稿", source="template", author="系统")
    store.save_narrative(d, "p5", "修改稿", source="manual", author="王编辑", flags=["数字“7”没有依据"])
    store.save_narrative(d, "p1.active", "主动公开", source="llm", author="系统")
    newest = store.narrative(d)
    assert {k: (v.version, v.text) for k, v in newest.items()} == {"p5": (2, "修改稿"), "p1.active": (1, "主动公开")}
    assert newest["p5"].flags == ("数字“7”没有依据",)
    assert [v.text for v in store.narrative_history(d, "p5")] == ["初稿", "修改稿"]


def test_previous_report_round_trip(db):
    store = db()
    d = store.create_draft("张三").id
    prev = consistent_report(3, year=2022)
    store.set_previous_report(d, prev, "2022年报告.docx")
    assert db().previous_report(d) == prev


def test_everything_survives_a_restart(db):
    store = db()
    d = store.create_draft("张三", "某某局", 2023).id
    for i in range(5):
        store.record_turn(d, f"第{i}句", author="张三", changes=[FactChange("t4.review.upheld", i, quote=str(i))],
                          reply=f"已记录{i}")
    store.close()
    again = db()
    assert len(again.turns(d)) == 10 and again.facts(d)["t4.review.upheld"].value == 4


def test_a_failed_write_leaves_nothing_behind(db):
    store = db()
    d = store.create_draft("张三").id
    with pytest.raises(TypeError):
        store.record_turn(d, "这句话不应留下", author="张三",
                          changes=[FactChange("website_items", 1), FactChange("bad", object())])
    assert store.turns(d) == [] and store.facts(d) == {}


def test_concurrent_writers_to_one_draft_lose_nothing(db):
    store = db()
    d = store.create_draft("张三").id
    errors: list[BaseException] = []

    def worker(n: int) -> None:
        try:
            for i in range(8):
                store.record_turn(d, f"用户{n}-{i}", author=f"u{n}",
                                  changes=[FactChange("t3.granted.natural", n * 100 + i, quote=str(i))],
                                  reply=f"回复{n}-{i}")
        except BaseException as exc:  # surfaced below
            errors.append(exc)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    turns = store.turns(d)
    assert len(turns) == 6 * 8 * 2 and [t.seq for t in turns] == list(range(1, 97))
    assert len(store.fact_history(d, "t3.granted.natural")) == 48


def test_unreachable_database_is_a_clear_error():
    with pytest.raises(StorageError, match="无法打开数据库"):
        Store("postgresql+psycopg://nobody:wrong@127.0.0.1:9/none?connect_timeout=2")


# ---- turns that carry more than chat changes; undo of an action; optimistic writes ---------------
def test_undo_restores_a_value_with_its_own_provenance(db):
    store = db()
    d = store.create_draft("张三").id
    first = store.record_turn(d, "网站148条", author="张三", changes=[FactChange("website_items", 148, quote="148条")])
    store.record_turn(d, "不对，150条", author="李四", changes=[FactChange("website_items", 150, quote="150条")])
    preview = store.undo_preview(d)
    assert (preview.source, preview.turn_text) == ("chat", "不对，150条")
    assert preview.restores == (FactChange("website_items", 148, "set", "撤销上一步修改"),)
    store.undo_last(d, "张三")
    f = db().facts(d)["website_items"]
    assert (f.value, f.source, f.quote, f.author, f.turn_id) == (148, "chat", "148条", "张三", first.user_turn.id)
    assert [h.source for h in store.fact_history(d, "website_items")] == ["chat", "chat", "undo"]


def test_a_turn_with_derivations_is_undone_as_one_action(db):
    store = db()
    d = store.create_draft("张三").id
    store.record_turn(d, "自然人3件", author="张三", changes=[FactChange("t3.granted.natural", 3, quote="3件")],
                      extra=[ChangeSet("derivation", (FactChange("t3.granted.total", 3, quote="由本行六列相加"),))])
    res = store.record_turn(d, "自然人5件", author="张三", changes=[FactChange("t3.granted.natural", 5, quote="5件")],
                            extra=[ChangeSet("derivation", (FactChange("t3.granted.total", 5, quote="由本行六列相加"),))])
    assert [e.source for e in res.extra] == ["derivation"] and res.extra[0].turn_id == res.user_turn.id
    assert store.facts(d)["t3.granted.total"].source == "derivation"
    undo = store.record_turn(d, "撤销", author="张三", undo=True, reply="已撤销")
    assert {(e.field, e.value) for e in undo.undone} == {("t3.granted.natural", 3), ("t3.granted.total", 3)}
    f = store.facts(d)
    assert (f["t3.granted.natural"].value, f["t3.granted.total"].value, f["t3.granted.total"].source) == (
        3, 3, "derivation")
    store.undo_last(d, "张三")
    assert store.facts(d) == {} and store.undo_preview(d) is None


def test_everything_a_turn_carries_is_one_transaction(db):
    store = db()
    d = store.create_draft("张三").id
    prev = consistent_report(3, year=2022)
    res = store.record_turn(
        d, "导入上年报告：2022.json", author="张三", reply="已导入",
        extra=[ChangeSet("import", (FactChange("t3.carried_over.natural", 7, quote="上年报告"),), "2022.json"),
               ChangeSet("derivation", (FactChange("report_year", 2023, quote="上年为2022年度"),))],
        previous_report=(prev, "2022.json"),
        narratives=[NarrativeDraft("p5", "存在问题……", "template", ("数字“7”没有依据",))])
    assert res.revision == store.get_draft(d).revision and store.get_draft(d).report_year == 2023
    f = store.facts(d)
    assert (f["t3.carried_over.natural"].source, f["report_year"].source) == ("import", "derivation")
    assert store.previous_report_filename(d) == "2022.json" and store.narrative(d)["p5"].flags == ("数字“7”没有依据",)
    with pytest.raises(TypeError):
        store.record_turn(d, "不应留下", author="张三", previous_report=(consistent_report(4, year=2022), "x.json"),
                          narratives=[NarrativeDraft("p5", "新版", "manual")],
                          extra=[ChangeSet("import", (FactChange("website_items", object()),))])
    assert len(store.turns(d)) == 2 and store.previous_report(d) == prev
    assert [v.version for v in store.narrative_history(d, "p5")] == [1]


def test_a_write_computed_from_a_stale_read_is_refused(db):
    store = db()
    d = store.create_draft("张三").id
    seen = store.get_draft(d).revision
    store.record_turn(d, "另一个窗口", author="李四")
    with pytest.raises(StaleDraftError, match="请重试"):
        store.record_turn(d, "这个窗口", author="张三", expected_revision=seen)
    assert [t.text for t in store.turns(d)] == ["另一个窗口"]
    res = store.record_turn(d, "这个窗口", author="张三", expected_revision=store.get_draft(d).revision)
    assert res.revision == store.get_draft(d).revision


def test_an_existing_0001_database_is_upgraded_with_its_data(tmp_path):
    url = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    engine = make_engine(url)
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")
    with engine.begin() as conn:
        now = "2024-01-01 00:00:00"
        conn.execute(text("INSERT INTO drafts VALUES (1, '张三', '某某局', 2023, 'drafting', 1, :n, :n)"), {"n": now})
        conn.execute(text("INSERT INTO change_groups VALUES (1, 1, 1, 'manual', NULL, '张三', '', 0, NULL, :n)"),
                     {"n": now})
        conn.execute(text("INSERT INTO fact_changes VALUES (1, 1, 1, 'website_items', 'set', '148', NULL, NULL, "
                          "'148条', :n)"), {"n": now})
        conn.execute(text("INSERT INTO facts VALUES (1, 'website_items', 'set', '148', 1)"))
    engine.dispose()
    store = Store(url)
    assert store.facts(1)["website_items"].value == 148
    store.apply_changes(1, [FactChange("website_items", 150, quote="150条")], source="manual", author="张三")
    store.undo_last(1, "张三")
    assert store.facts(1)["website_items"].quote == "148条"  # provenance restored across the upgrade
    store.close()


def test_migrations_go_down_to_the_first_revision_and_back_up(db):
    store = db()
    d = store.create_draft("张三").id
    store.record_turn(d, "网站148条", author="张三", changes=[FactChange("website_items", 148, quote="148条")])
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    for step in (command.downgrade, command.upgrade):
        with store.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            step(cfg, "0001" if step is command.downgrade else "head")
    assert db().facts(d)["website_items"].value == 148


def test_a_connection_the_server_ended_is_replaced_before_use(db, monkeypatch):
    """What the pool's pre-ping did, without a query per use: a pooled connection whose backend is gone
    (a server restart, pg_terminate_backend) is dropped and a new one used, for reads and writes alike,
    whether it was used a moment ago (its socket tells) or long ago (a ping)."""
    import assistant.storage._store as store_module

    store = db()
    if store.engine.dialect.name != "postgresql":
        pytest.skip("SQLite has no server to end a connection")
    d = store.create_draft("张三").id
    other = make_engine(store.engine.url.render_as_string(hide_password=False))
    for ping_after in (3600.0, 0.0):  # the socket's word, then the ping
        monkeypatch.setattr(store_module, "PING_AFTER_S", ping_after)
        for _ in range(2):  # the pooled connections (writes', reads'), then a read and a write on new ones
            pids = []
            for engine in (store.engine, read_engine(store.engine)):
                with engine.connect() as c:
                    pids.append(c.exec_driver_sql("SELECT pg_backend_pid()").scalar_one())
            with other.connect() as c:
                for pid in pids:
                    assert c.exec_driver_sql(f"SELECT pg_terminate_backend({pid})").scalar_one()
            time.sleep(0.2)  # the server closes the sockets
            assert store.get_draft(d).id == d
            store.record_turn(d, "还在", author="张三")
    other.dispose()
    assert len(store.turns(d)) == 4


def test_reads_on_postgresql_open_no_transaction(db):
    """A read is its statements alone (at READ COMMITTED every statement reads its own snapshot anyway): no
    BEGIN and ROLLBACK around it; a write is still one transaction."""
    store = db()
    if store.engine.dialect.name != "postgresql":
        pytest.skip("PostgreSQL only")
    sent: list[str] = []

    def seen(conn, *_args) -> None:
        sent.append("autocommit" if conn.connection.driver_connection.autocommit else "transaction")

    event.listen(store.engine, "before_cursor_execute", seen)
    event.listen(read_engine(store.engine), "before_cursor_execute", seen)
    d = store.create_draft("张三").id
    sent.clear()
    store.get_draft(d), store.turns(d), store.facts(d), store.narrative(d)
    assert sent == ["autocommit"] * 4
    sent.clear()
    store.record_turn(d, "网站公开信息100条", author="张三", changes=[FactChange("website_items", 100)], reply="好")
    assert sent and set(sent) == {"transaction"}
    with store.engine.connect() as c:  # the pool's connections are back in transaction mode for others
        assert not c.connection.driver_connection.autocommit
