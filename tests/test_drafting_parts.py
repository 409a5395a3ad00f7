"""Drafting with a model, part by part, over HTTP to the fake server.

- a part whose call times out keeps its previous version and is named in the reply; the parts
  that were written are saved;
- a part staff gave no facts for gets the standard sentence without a model call;
- the parts are drafted a few at a time, and every call is logged against the draft.
"""

from __future__ import annotations

import os
import time

import pytest

from assistant.config import Settings
from assistant.dialogue import DialogueService
from assistant.drafting import PARTS, part_has_facts, part_title
from assistant.llm import call_context
from assistant.models import make_model
from assistant.storage import Store
from schemas.facts import Facts
from tests.fakellm import Recorded, Reply, fake_llm  # noqa: F401 - the fixture
from tests.fakellm.responders import install, task_of

AUTHOR = "张三"
FACTS_SAID = ["网站公开政务信息148条，新媒体发布信息59条。", "今年没有收到政府信息公开申请，也没有复议诉讼。",
              "存在的问题是栏目更新不及时，改进措施是建立更新台账。"]


@pytest.fixture(autouse=True)
def _no_report_env(monkeypatch):
    for var in list(os.environ):
        if var.startswith("REPORT_"):
            monkeypatch.delenv(var)


def _service(fake, tmp_path) -> tuple[DialogueService, Store, object]:
    settings = Settings(_env_file=None, llm_base_url=fake.base_url, llm_api_key="sk-test", llm_model="test-model",
                        llm_profile="vllm", llm_timeout_s=1.0, llm_max_retries=0, llm_max_reasks=0,
                        database_url=f"sqlite:///{tmp_path / 'd.sqlite3'}")
    store = Store(settings.database_url)
    model = make_model(settings, engine=store.engine)
    return DialogueService(store, model), store, model


class Writer:
    """Answers every drafting request with a sentence of its part, after ``wait`` seconds (the
    server keeps answering others meanwhile); ``slow`` parts take longer than the timeout."""

    def __init__(self, slow: set[str] = frozenset(), round_: str = "甲稿", wait: float = 0.3) -> None:
        self.slow, self.round, self.wait = set(slow), round_, wait
        self.arrivals: list[float] = []

    def __call__(self, request: Recorded) -> Reply:
        task = task_of(request)
        assert task.startswith("draft."), task  # the reader explains the facts: no extraction call
        part = task[len("draft."):]
        self.arrivals.append(time.monotonic())
        if part in self.slow:
            return Reply(content="迟到的内容", delay=3.0)
        return Reply(content=f"{self.round}：{part_title(part)}的内容。", delay=self.wait)

    @property
    def most_at_once(self) -> int:
        """Requests that arrived while an earlier one was still being answered, at most."""
        return max(sum(1 for b in self.arrivals if a <= b < a + self.wait) for a in self.arrivals)


def _said(service: DialogueService, d: int) -> Facts:
    for m in FACTS_SAID:
        service.handle(d, AUTHOR, m)
    return service.facts(d)


def test_a_part_that_times_out_keeps_its_version_and_is_named(fake_llm, tmp_path):
    service, store, _ = _service(fake_llm, tmp_path)
    try:
        d = service.start(AUTHOR, "某某镇人民政府", 2024).id
        install(fake_llm, lambda r: Reply(content="{}"))
        facts = _said(service, d)
        with_facts = [p for p in PARTS if part_has_facts(p, facts)]
        assert "p1.active" in with_facts and "p5" in with_facts and len(with_facts) < len(PARTS)

        install(fake_llm, Writer())
        service.draft_narrative(d, AUTHOR)
        first = {p: v.text for p, v in store.narrative(d).items()}
        assert set(first) == set(PARTS)

        install(fake_llm, Writer(slow={"p1.active"}, round_="乙稿"))
        before = len(fake_llm.requests)
        reply = service.draft_narrative(d, AUTHOR)
        now = {p: v.text for p, v in store.narrative(d).items()}
        # the failed part: its previous version stands, and the reply names it and says why
        assert now["p1.active"] == first["p1.active"]
        assert part_title("p1.active") in reply.text and "超时" in reply.text and "已有的版本保留不变" in reply.text
        assert "（还没有内容）" not in reply.text  # it had a version: it keeps it
        # the others were written and saved
        assert now["p5"].startswith("乙稿") and first["p5"].startswith("甲稿")
        assert f"已起草{len(PARTS) - 1}个部分" in reply.text
        # parts without facts: no request at all
        asked = {task_of(r)[len("draft."):] for r in fake_llm.requests[before:]}
        assert asked == set(with_facts)
    finally:
        store.close()


def test_parts_are_drafted_a_few_at_a_time_and_logged_against_the_draft(fake_llm, tmp_path):
    service, store, model = _service(fake_llm, tmp_path)
    try:
        d = service.start(AUTHOR, "某某镇人民政府", 2024).id
        install(fake_llm, lambda r: Reply(content="{}"))
        _said(service, d)
        writer = Writer()
        install(fake_llm, writer)
        with call_context(d, AUTHOR):
            service.draft_narrative(d, AUTHOR)
        assert 2 <= writer.most_at_once <= 3
        rows = [r for r in model.call_log.rows() if r["task"].startswith("draft.")]
        assert rows and all(r["draft_id"] == d and r["username"] == AUTHOR for r in rows)
    finally:
        store.close()


@pytest.fixture
def drafted(tmp_path):
    """A draft of 张三 (staff) with the facts said and every part drafted; 李四 is an editor."""
    from assistant.app import AppService

    app = AppService.from_settings(Settings(_env_file=None, database_url=f"sqlite:///{tmp_path / 'e.sqlite3'}"))
    try:
        app.add_user(None, "zhangsan", "edit-test-password", "staff", "张三")
        app.add_user(None, "lisi", "edit-test-password", "editor", "李四")
        d = app.new_draft("zhangsan").id
        for m in FACTS_SAID:
            app.send("zhangsan", d, m)
        app.draft_all("zhangsan", d)
        yield app, d
    finally:
        app.close()


def test_drafting_all_parts_never_replaces_what_a_person_wrote(drafted):
    """An editor rewrote 五 by hand; 起草全部正文 again leaves it as they wrote it, says so, and
    redrafts the rest. Once emptied by hand, the part is drafted again."""
    app, d = drafted
    versions = app.store.narrative(d)
    mine = "本局将逐步完善栏目更新机制。（编辑亲笔）"
    app.save_part("lisi", d, "p5", mine, versions["p5"].version)
    reply = app.draft_all("zhangsan", d)
    now = app.store.narrative(d)
    assert now["p5"].text == mine and now["p5"].source == "manual"
    assert "五、存在的主要问题及改进情况（李四改过）" in reply.text and "没有重新起草" in reply.text
    assert now["p1.active"].version > versions["p1.active"].version  # the others were drafted again
    app.save_part("lisi", d, "p5", "", now["p5"].version)
    app.draft_all("zhangsan", d)
    assert app.store.narrative(d)["p5"].source == "template"


def test_one_part_a_person_wrote_is_redrafted_only_when_asked_for_by_name(drafted):
    """起草全部正文 keeps 五 as the editor wrote it and says how to redraft it; asked for by name,
    that part alone is drafted again (the others stay as they are); a locked part never is, and
    staff, who have no editor, cannot ask."""
    from assistant.app import AppError
    from assistant.errors import ReportAssistantError

    app, d = drafted
    app.save_part("lisi", d, "p5", "本局将逐步完善栏目更新机制。（编辑亲笔）", app.store.narrative(d)["p5"].version)
    reply = app.draft_all("lisi", d)
    assert "按事实重新起草这一部分" in reply.text
    before = app.store.narrative(d)
    with pytest.raises(ReportAssistantError, match="无权"):
        app.redraft_part("zhangsan", d, "p5")
    app.redraft_part("lisi", d, "p5")
    after = app.store.narrative(d)
    assert after["p5"].source == "template" and after["p5"].version == before["p5"].version + 1
    assert "编辑亲笔" not in after["p5"].text
    assert {p: v.version for p, v in after.items() if p != "p5"} == {
        p: v.version for p, v in before.items() if p != "p5"}
    app.set_lock("lisi", d, "p5", True)
    with pytest.raises(AppError, match="锁定"):
        app.redraft_part("lisi", d, "p5")
