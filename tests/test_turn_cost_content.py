"""After a chat turn of this process, the draft's content (what every view shows: the report, facts
with their provenance, narrative, findings) is built from the content before the turn and the facts
the turn changed, as its write read them, without reading the draft again; it is what a fresh read of
the database gives, turn after turn (corrections, undo, tables, a turn that changes no fact), and a
write of another process, a narrative or last year's report is read."""

from __future__ import annotations

import pytest

from assistant.app import AppService
from assistant.auth import AuthStore
from assistant.offline import OfflineModel

PW = "password-123"

TURNS = [
    "我们是示例市某某局，市级单位，要写2023年度的年报。网站公开政务信息900条。",
    "还缺什么",
    "微信公众号发布2000条，独立用户访问总量30000个。",
    "不对，网站是1000条",
    "没有上年结转的申请，本年新收政府信息公开申请45件，予以公开30件，部分公开10件，办结申请40件。",
    "撤销",
    "本年新收政府信息公开申请41件，予以公开31件，部分公开10件",
    "信息管理：全年清理规范性文件200件，动态更新政策文件库。",
    "没有收取信息处理费。今年共承办人大代表建议5件和政协提案3件。",
    "本年制发行政规范性文件3件，现行有效规范性文件60件，行政许可决定500件，行政处罚决定20件。",
    "跳过",
]


@pytest.fixture
def two(db, tmp_path):
    first = db()
    AuthStore(first.engine).add_user("zhang", PW, "staff", "张三")
    second = db()
    return [AppService(s, AuthStore(s.engine), OfflineModel(), export_dir=tmp_path / f"e{i}")
            for i, s in enumerate((first, second))]


def _fresh(ws: AppService, draft: int):
    """The content read whole from the database, as by another process."""
    other = AppService(ws.store, ws.auth, OfflineModel(), export_dir=ws.export_dir)
    return other._content(other.store.get_draft(draft))


def test_the_content_after_each_turn_is_what_the_database_holds(two, monkeypatch):
    a, b = two
    draft = a.default_draft("zhang").id
    a.snapshot("zhang", draft)
    built = 0
    original = a._after_write

    def counted(d):
        nonlocal built
        out = original(d)
        built += out is not None
        return out

    monkeypatch.setattr(a, "_after_write", counted)
    for i, message in enumerate(TURNS):
        a.send("zhang", draft, message)
        if i == 6:
            b.send("zhang", draft, "行政复议纠正0件")  # another process: read again
            a.snapshot("zhang", draft)
            a.send("zhang", draft, "上年结转2件")
        content = a.snapshot("zhang", draft)
        fresh = _fresh(a, draft)
        assert (content.assembled, content.facts, content.stored, content.narrative, content.findings,
                content.flags) == fresh, message
        assert list(content.stored) == list(fresh[2])  # in the same order
    assert built == len(TURNS)  # every turn of this process, none read again
    assert a.snapshot("zhang", draft).facts.website_items == 1000


def test_a_narrative_or_another_write_is_read(two, monkeypatch):
    a, _ = two
    draft = a.default_draft("zhang").id
    a.send("zhang", draft, "网站公开政务信息900条")
    a.snapshot("zhang", draft)
    a.send("zhang", draft, "生成初稿")  # narrative versions: read
    assert a.store.written(draft, a.store.get_draft(draft).revision).narrative
    reads: list[int] = []
    original = a.service.read

    def read(d):
        reads.append(d)
        return original(d)

    monkeypatch.setattr(a.service, "read", read)
    snap = a.snapshot("zhang", draft)
    assert reads == [draft] and snap.narrative and snap.narrative == _fresh(a, draft)[3]
    a.set_cells("zhang", draft, [("t4.review.upheld", "3")])  # facts changed, not in a turn: built too
    assert a.snapshot("zhang", draft).stored == _fresh(a, draft)[2]
