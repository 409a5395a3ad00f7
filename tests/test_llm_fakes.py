"""The test doubles at the model seam: the queue-fed ``FakeModel`` (tests/conftest.py), and the fake
OpenAI-compatible server's responders, which route on the task the client names in its
``X-Report-Task`` header and read their data by the prompt's own template, so rewording a prompt
cannot silently change what the fake answers."""

from __future__ import annotations

import dataclasses
import json
import urllib.error
import urllib.request

import pytest
from fakellm import fake_llm  # noqa: F401  (fixture)

from assistant.config import Settings
from assistant.drafting import draft_part, extract
from assistant.llm import LLMTimeoutError, prompts
from assistant.models import make_model
from eval._baseline import run_baseline
from schemas.facts import Facts
from schemas.patches import Patch, PatchOp
from tests.fakellm.responders import PlausibleModel, install, prompt_values

MESSAGE = "网站公开政务信息148条，微信公众号发布59条。"
FACTS = Facts(agency_name="示例市某某局", report_year=2023, website_items=148, new_media_posts=59)
GOOD_OPS = {"ops": [{"field": "website_items", "value": 148, "quote": "网站公开政务信息148条", "op": "set"}]}


# ---- FakeModel ------------------------------------------------------------------------------------
def test_the_fake_model_answers_from_its_queue_and_keeps_the_requests(fake_model):
    patch = Patch(ops=[PatchOp(field="new_media_posts", value=59, quote="微信公众号发布59条")])
    fake_model.enqueue(json.dumps(GOOD_OPS), patch, "2023年，本机关主动公开政务信息148条。",
                       lambda request: LLMTimeoutError(f"{request.task} 超时"))
    assert extract(MESSAGE, Facts(), fake_model).facts.website_items == 148  # JSON text, validated
    assert extract(MESSAGE, Facts(), fake_model).facts.new_media_posts == 59  # a pydantic object
    pieces: list[str] = []
    assert draft_part("p1.active", FACTS, fake_model, on_token=pieces.append).text == "".join(pieces)
    with pytest.raises(LLMTimeoutError, match="extract 超时"):  # computed from the request, then raised
        extract(MESSAGE, Facts(), fake_model)
    assert [r.task for r in fake_model.requests] == ["extract", "extract", "draft.p1.active", "extract"]
    assert fake_model.pending == 0 and fake_model.engine == "fake"


def test_a_call_nobody_queued_fails_the_test_clearly(fake_model):
    with pytest.raises(AssertionError, match=r"no answer queued .*'extract'"):
        extract(MESSAGE, Facts(), fake_model)


# ---- the fake server routes on the task -----------------------------------------------------------
REWORDING = {
    "资料整理助手": "资料录入员", "审校人": "校对人员", "一次写出整份报告": "一口气写完整份报告",
    "现在起草的是": "本次要写的是", "本条消息": "这条留言", "当前正在询问的项目": "正在问的事项",
    "除此之外一无所知": "仅限于此", "草稿：": "待修改的文字：", "找不到依据的数字：": "没有依据的数字：",
    "请据此起草": "请按这些事实写",
}


def _reworded(monkeypatch) -> None:
    """Every prompt file reworded, and its user message wrapped in new text (what an editor of
    prompts/ might do); the drafting code and the fake both load the prompts the same way."""
    original = prompts._load

    def load(directory, name):
        p = original(directory, name)
        sections = {}
        for key, text in p.sections.items():
            for old, new in REWORDING.items():
                text = text.replace(old, new)
            sections[key] = f"【请仔细阅读】\n{text}\n（以上）" if key == "user" else text
        return dataclasses.replace(p, sections=sections)

    monkeypatch.setattr(prompts, "_load", load)


def _session(server, tmp_path) -> tuple[dict, list[str]]:
    """Extraction, a draft with an invented number and its repair, and the eval's baseline, through
    the real client against the plausible fake; what came back, and the user prompts sent."""
    responder = PlausibleModel(invent_every=1)  # every draft invents a number: the repair always runs
    install(server, responder)
    model = make_model(Settings(_env_file=None, llm_base_url=server.base_url, llm_model="fake", llm_profile="vllm",
                                llm_max_retries=0, database_url=f"sqlite:///{tmp_path / 'calls.sqlite3'}"))
    start = len(server.requests)
    facts = extract(MESSAGE, Facts(report_year=2023), model).facts
    part = draft_part("p1.active", FACTS, model)
    score = run_baseline(FACTS, model)
    sent = [next(m["content"] for m in r.body["messages"] if m["role"] == "user") for r in server.requests[start:]]
    outcome = {"facts": facts.model_dump(mode="json"), "draft": part.text, "repaired": part.repaired,
               "baseline": (score.failed, score.cells_correct, score.cells_total), "counts": responder.counts,
               "tasks": [r.headers["x-report-task"] for r in server.requests[start:]]}
    return outcome, sent


def test_rewording_the_prompts_does_not_change_what_the_fake_answers(fake_llm, tmp_path, monkeypatch):
    plain, sent_plain = _session(fake_llm, tmp_path)
    assert plain["tasks"] == ["extract", "draft.p1.active", "repair.p1.active", "eval.baseline"]
    assert plain["counts"].get("unknown", 0) == 0 and plain["repaired"] and plain["counts"]["invented_number"] == 1
    assert plain["facts"]["website_items"] == 148 and plain["baseline"][0] is None

    _reworded(monkeypatch)
    again, sent_again = _session(fake_llm, tmp_path / "again")
    assert "本条消息" in sent_plain[0] and "本条消息" not in sent_again[0] and "这条留言" in sent_again[0]
    assert all(a != b for a, b in zip(sent_plain, sent_again))  # every prompt went out reworded
    assert again == plain


def test_the_data_is_read_by_the_prompts_own_template():
    rendered = prompts.load_prompt("repair").render("user", facts="门户网站主动公开政务信息：148条",
                                                    text="全年公开148条。召开发布会6场。",
                                                    violations="- “6场”（第11字起）")
    values = prompt_values("repair", "上年原文……\n\n" + rendered)
    assert values == {"facts": "门户网站主动公开政务信息：148条", "text": "全年公开148条。召开发布会6场。",
                      "violations": "- “6场”（第11字起）"}
    with pytest.raises(ValueError, match="repair"):
        prompt_values("repair", "别的什么文字")


@pytest.mark.parametrize("headers", [{}, {"X-Report-Task": "summarise"}, {"X-Report-Task": "extract"}])
def test_an_unrouted_request_is_an_error_not_a_guess(fake_llm, headers):
    responder = PlausibleModel()
    install(fake_llm, responder)
    # the old markers of the extraction prompt are there, but no known task (or not its prompt)
    body = {"model": "m", "messages": [{"role": "system", "content": "你是年度报告的资料整理助手。"},
                                       {"role": "user", "content": "本条消息：\n网站公开政务信息148条"}]}
    request = urllib.request.Request(f"{fake_llm.base_url}/chat/completions", data=json.dumps(body).encode(),
                                     headers={"Content-Type": "application/json", **headers})
    with pytest.raises(urllib.error.HTTPError) as err:
        urllib.request.urlopen(request, timeout=5)
    assert err.value.code == 400 and responder.counts == {"unknown": 1}
