"""``report-assistant llm check``: one small call to the configured model, and what was found.

Prints, in Chinese, the provider and how it was recognised, the base URL, the model, where the
key came from (never the key), the structured-output method, the thinking setting, the latency and
whether structured output worked on a sample sentence.
"""

from __future__ import annotations

import argparse
import sys
import time

__all__ = ["add_commands"]

EXIT_OK, EXIT_FAILED, EXIT_CONFIG = 0, 1, 2
SAMPLE = "本年度共收到政府信息公开申请3件。"
_METHODS = {"json_schema": "JSON Schema（response_format json_schema）",
            "json_mode": "JSON 模式（response_format json_object，格式写在提示词中）",
            "function_calling": "函数调用（tools）"}


def cmd_llm_check(args: argparse.Namespace) -> int:
    from assistant.config import Settings
    from assistant.drafting import extract
    from assistant.llm import LLMError
    from assistant.models import make_model, resolve_endpoint
    from schemas.facts import Facts

    settings = Settings()
    if not settings.llm_configured:
        print("没有配置模型：使用离线引擎（规则和模板），不需要网络，也不产生费用。\n"
              "要接入模型，请设置 REPORT_LLM_MODEL（如 deepseek-chat、qwen-plus），以及密钥"
              "（REPORT_LLM_API_KEY 或 DEEPSEEK_API_KEY 等）；本地服务另设 REPORT_LLM_BASE_URL。")
        keys = [n for n in ("DEEPSEEK_API_KEY", "DASHSCOPE_API_KEY", "ZHIPUAI_API_KEY", "MOONSHOT_API_KEY",
                            "OPENAI_API_KEY") if settings.provider_key(n)]
        if keys or settings.api_key_value():
            names = "、".join(keys or ["REPORT_LLM_API_KEY"])
            print(f"注意：已设置 {names}，但没有设置 REPORT_LLM_MODEL，所以密钥没有使用。")
        return EXIT_OK
    try:
        endpoint = resolve_endpoint(settings)
    except LLMError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_CONFIG
    p = endpoint.profile
    print(f"服务商：{p.title}（{endpoint.how}，接口类型 {p.name}）")
    print(f"接口地址：{endpoint.base_url}")
    print(f"模型：{endpoint.model}")
    print(f"密钥：{'来自 ' + endpoint.key_name if endpoint.api_key else '未设置（本地服务不需要）'}")
    print(f"结构化输出：{_METHODS[p.structured_method]}")
    print(f"思考模式：{p.thinking}")
    if p.context_tokens:
        print(f"上下文长度：按 {p.context_tokens} token 计（超过时不发送并提示）")
    print(f"正在发送一次小请求：从“{SAMPLE}”中提取数字……", flush=True)
    model = make_model(settings)
    started = time.monotonic()
    try:
        out = extract(SAMPLE, Facts(), model)
    except LLMError as exc:
        print(f"失败（{time.monotonic() - started:.1f} 秒）：{exc}", file=sys.stderr)
        return EXIT_FAILED
    seconds = time.monotonic() - started
    u = out.response.usage
    print(f"响应时间：{seconds:.1f} 秒；用量：输入 {u.input_tokens} token（缓存命中 {u.cached_tokens}），"
          f"输出 {u.output_tokens} token（其中思考 {u.reasoning_tokens}）")
    if out.facts.cells.get("t3.new_received.total") == 3 and not out.result.rejected:
        print("结构化输出：正常（正确提取了示例句中的申请数3件）。")
        return EXIT_OK
    print("结构化输出：能解析模型的回答，但没有正确提取示例句中的申请数3件。这个模型可能不适合做事实提取，"
          "对话仍可使用（表格和常见说法由程序读取），建议换用更强的模型。", file=sys.stderr)
    return EXIT_FAILED


def add_commands(sub) -> None:
    llm = sub.add_parser("llm", help="模型服务：检查配置和连通性")
    llm_sub = llm.add_subparsers(dest="llm_command", required=True, metavar="操作")
    c = llm_sub.add_parser("check", help="向所配置的模型发一次小请求，显示服务商、地址、结构化输出方式、思考设置和响应时间")
    c.set_defaults(func=cmd_llm_check)
