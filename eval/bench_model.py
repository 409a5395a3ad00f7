"""What a report costs with a model configured: ``python -m eval.bench_model [--limit N]``.

Starts the local OpenAI-compatible test server with a scripted, plausible but imperfect model
(``tests/fakellm/responders.py``: it invents facts and numbers now and then, which the guards must
refuse or repair) on the DeepSeek profile, and counts every token with DeepSeek's own tokenizer
from what was actually sent and answered (never the server's scripted figures). Then:

1. the eval dialogues, end to end (facts, drafting of the parts, repair rounds): model calls,
   prompt and output tokens per complete report, and the cost at deepseek-chat's listed price;
2. every message of the staff corpus (clerks' own wording, pasted tables included) through the
   model path: model calls per message, at most and on average.

Figures go to stdout; nothing is timed against a limit here.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from assistant.config import Settings
from assistant.dialogue import DialogueService
from assistant.llm.openai_compat import TASK_HEADER
from assistant.llm.prices import cost_of, listed_price
from assistant.models import make_model
from assistant.storage import Store
from eval._tokens import count_tokens, request_tokens
from eval.runner import run_eval
from eval.staff import load as load_staff
from tests.fakellm import FakeLLMServer
from tests.fakellm.responders import PlausibleModel, install

PRICE_MODEL = "deepseek-chat"


def _settings(url: str, db: Path) -> Settings:
    return Settings(_env_file=None, llm_base_url=url, llm_api_key="sk-bench", llm_model=PRICE_MODEL,
                    llm_profile="deepseek", llm_max_retries=0, database_url=f"sqlite:///{db}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m eval.bench_model")
    ap.add_argument("--limit", type=int, help="只跑前 N 个评测对话")
    args = ap.parse_args(argv)
    for var in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        os.environ.pop(var, None)
    server = FakeLLMServer().start()
    server.count_tokens = count_tokens
    install(server, PlausibleModel())
    try:
        with tempfile.TemporaryDirectory(prefix="bench-model-") as tmp:
            report_figures(server, Path(tmp), args.limit)
            message_figures(server, Path(tmp))
    finally:
        server.stop()
    return 0


def report_figures(server: FakeLLMServer, tmp: Path, limit: int | None) -> None:
    model = make_model(_settings(server.base_url, tmp / "calls.sqlite3"))
    result = run_eval(model, model.call_log, limit=limit, validator_limit=0, import_limit=0)
    m = result.metrics
    done = [d for d in result.dialogues if d.complete]
    prompt = m["cost.prompt_tokens_per_report"] or 0
    output = (m["cost.tokens_per_report"] or 0) - prompt
    price = listed_price(PRICE_MODEL)
    assert price is not None
    cost = cost_of(price, round(prompt), round(output))
    print(f"评测对话：{len(result.dialogues)} 个，完成 {len(done)} 个（DeepSeek 接口类型，模拟模型，经 HTTP）")
    print(f"每份完整报告：模型调用 {m['cost.calls_per_report']:.1f} 次，输入 {prompt:,.0f} token，输出 {output:,.0f} token"
          "（DeepSeek 分词器计数）")
    print(f"一条消息引起的模型调用：最多 {m['cost.calls_per_message_max']} 次")
    print(f"每份报告费用（{PRICE_MODEL} 所列价格，输入 {price.symbol}{price.input}/百万、输出 {price.symbol}{price.output}/百万，"
          f"未计缓存折扣；{price.listed}）：{price.symbol}{cost:.4f}")
    print(f"  价格来源：{price.source}")


def message_figures(server: FakeLLMServer, tmp: Path) -> None:
    store = Store(f"sqlite:///{tmp / 'staff.sqlite3'}")
    model = make_model(_settings(server.base_url, tmp / "staff-calls.sqlite3"))
    service = DialogueService(store, model)
    messages = calls = most = 0
    try:
        for d in load_staff():
            draft = service.start("评测").id
            for turn in d["turns"]:
                before = len(server.requests)
                service.handle(draft, "评测", turn)
                n = len(server.requests) - before
                messages, calls, most = messages + 1, calls + n, max(most, n)
    finally:
        store.close()
    print(f"职员语料：{messages} 条消息，模型调用 {calls} 次（每条平均 {calls / messages:.2f} 次，最多 {most} 次）")
    sizes = [request_tokens(r.body) for r in server.requests if r.headers.get(TASK_HEADER.lower()) == "extract"]
    if sizes:
        print(f"一次抽取请求的输入：平均 {sum(sizes) / len(sizes):,.0f} token，最多 {max(sizes):,} token"
              f"（共 {len(sizes)} 次，两部分合计）")


if __name__ == "__main__":
    sys.exit(main())
