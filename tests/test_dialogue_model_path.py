"""The chat with a model configured, over real HTTP to the fake OpenAI-compatible server.

The reader runs first; the model is asked only about what the reader left unexplained:
- at most one model call per message, and none for a message the reader explains;
- a pasted table is read by code and never sent to the model;
- a model answer with a number that is not in the message is refused, and nothing of it recorded.

Run over the staff corpus's tune dialogues, as clerks typed them.
"""

from __future__ import annotations

import json

import pytest

from assistant.config import Settings
from assistant.dialogue import DialogueService
from assistant.models import make_model
from assistant.reading import read_message
from assistant.storage import Store
from eval.staff import load
from tests.fakellm import Recorded, Reply, fake_llm, reply_structured  # noqa: F401 - the fixture
from tests.fakellm.responders import install, task_of

AUTHOR = "张三"


@pytest.fixture(autouse=True)
def _no_report_env(monkeypatch):
    import os

    for var in list(os.environ):
        if var.startswith("REPORT_"):
            monkeypatch.delenv(var)


def _service(fake, tmp_path) -> tuple[DialogueService, Store]:
    settings = Settings(_env_file=None, llm_base_url=fake.base_url, llm_api_key="sk-test", llm_model="test-model",
                        llm_profile="openai", llm_timeout_s=5.0, llm_max_retries=0, llm_max_reasks=0,
                        database_url=f"sqlite:///{tmp_path / 'chat.sqlite3'}")
    store = Store(settings.database_url)
    return DialogueService(store, make_model(settings)), store


def _silent(request: Recorded) -> Reply:
    """A model that finds nothing more: the reader's reading stands alone."""
    assert task_of(request) == "extract", task_of(request)
    return reply_structured({"ops": []})


def _user_text(request: Recorded) -> str:
    return "\n".join(m["content"] for m in request.body["messages"] if m["role"] == "user")


TUNE = [d for d in load(held_out=False)]


@pytest.mark.parametrize("dialogue", TUNE[::4], ids=lambda d: d["id"])
def test_one_call_at_most_none_when_the_reader_explains_and_never_a_table(fake_llm, tmp_path, dialogue):
    install(fake_llm, _silent)
    service, store = _service(fake_llm, tmp_path)
    try:
        d = service.start(AUTHOR).id
        for turn in dialogue["turns"]:
            facts = store.facts(d)
            topic = service.plan(d).topic
            known = [f for f, v in facts.items() if v.value is not None]
            reading = read_message(turn, topic=topic, known=known)
            # (read against what is recorded too, as the service reads it: a story of one may point back at
            # a case told before, which the reader then leaves unexplained)
            in_context = read_message(turn, topic=topic, known=known, earlier=service.facts(d).cells)
            before = len(fake_llm.requests)
            service.handle(d, AUTHOR, turn)
            sent = fake_llm.requests[before:]
            assert len(sent) <= 1, turn
            if reading.explained and (reading.ops or reading.questions) and in_context.explained:
                assert sent == [], f"the reader explained this message, yet the model was asked: {turn}"
            for request in sent:
                text = _user_text(request)
                lines = {x.strip() for x in text.splitlines()}
                # (a line of one short number, "2", is found as a line, not inside "25个数")
                leaked = [line for line in reading.table_lines if line.strip() and (
                    line.strip() in lines if len(line.strip()) <= 4 else line.strip() in text)]
                assert not leaked, f"table lines sent to the model: {leaked[:2]}"
    finally:
        store.close()


def test_a_message_the_reader_cannot_place_makes_one_call_without_its_table(fake_llm, tmp_path):
    install(fake_llm, _silent)
    service, store = _service(fake_llm, tmp_path)
    try:
        d = service.start(AUTHOR).id
        table = "| （一）予以公开 | 3 | 1 | 0 | 0 | 0 | 0 | 4 |"
        before = len(fake_llm.requests)
        reply = service.handle(d, AUTHOR, f"{table}\n另外居务公开栏更新了24期")
        sent = fake_llm.requests[before:]
        assert len(sent) == 1 and task_of(sent[0]) == "extract"
        assert "居务公开栏更新了24期" in _user_text(sent[0]) and "予以公开 | 3" not in _user_text(sent[0])
        assert store.facts(d)["t3.granted.total"].value == 4 and "24期" in reply.text
    finally:
        store.close()


def test_a_model_answer_with_a_number_not_in_the_message_is_refused(fake_llm, tmp_path):
    def inventive(request: Recorded) -> Reply:
        # the number 36 is nowhere in the message
        return reply_structured({"ops": [{"field": "press_conferences", "value": "36", "quote": "开了几场发布会"}]})

    install(fake_llm, inventive)
    service, store = _service(fake_llm, tmp_path)
    try:
        d = service.start(AUTHOR).id
        reply = service.handle(d, AUTHOR, "今年也开了几场发布会，具体场次我再查查")
        assert len(fake_llm.requests) == 1
        assert store.facts(d).get("press_conferences") is None or store.facts(d)["press_conferences"].value is None
        assert "未采用" in reply.text and "36" in reply.text
        body = json.dumps(fake_llm.requests[0].body, ensure_ascii=False)
        assert "开了几场发布会" in body
    finally:
        store.close()


@pytest.mark.parametrize("shape", ["excel", "markdown", "web"])
def test_pasting_table_three_makes_no_model_call(fake_llm, tmp_path, shape):
    """The whole table 三 pasted (from Excel, as Markdown, copied from a web page): read by code,
    every one of its cells recorded, and not one request to the model."""
    from assistant.export import render_html
    from eval._tables import t3_excel, t3_markdown, web_copy_text
    from eval.synthetic import consistent_report
    from schemas.layout import ALL_CELL_ADDRESSES, get_cell

    report = consistent_report(seed=7)
    if shape == "excel":
        paste = t3_excel(report)
    elif shape == "markdown":
        paste = t3_markdown(report)
    else:
        text = web_copy_text(render_html(report))
        paste = text[text.index("三、收到和处理政府信息公开申请情况"):text.index("四、政府信息公开行政复议")]
    install(fake_llm, _silent)
    service, store = _service(fake_llm, tmp_path)
    try:
        d = service.start(AUTHOR).id
        service.handle(d, AUTHOR, f'"""\n{paste}\n"""' if shape != "web" else paste)
        assert fake_llm.requests == []
        facts = store.facts(d)
        t3 = [a for a in ALL_CELL_ADDRESSES if a.startswith("t3.")]
        assert len(t3) == 175
        wrong = [a for a in t3 if a not in facts or facts[a].value != get_cell(report, a)]
        assert not wrong, wrong[:5]
    finally:
        store.close()
