"""``report-assistant eval``: the eval from the command line.

    report-assistant eval                              # offline engine, every dataset, one table
    report-assistant eval --provider deepseek          # the configured endpoint (REPORT_LLM_*) with that profile
    report-assistant eval --json 结果.json --check      # also the JSON; exit 1 when a metric drops below its threshold

``--provider NAME``: ``offline`` (the default, whatever is configured) or a provider profile
(openai, deepseek, qwen, vllm, ollama, llamacpp, generic) used with REPORT_LLM_BASE_URL,
REPORT_LLM_MODEL and REPORT_LLM_API_KEY. With a model the one-prompt baseline runs beside the
pipeline. Calls are logged to a temporary database, never to the user's.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

from assistant.errors import ReportAssistantError

__all__ = ["EvalConfigError", "add_commands", "cmd_eval", "make_eval_model"]

EXIT_OK, EXIT_DROP = 0, 1


class EvalConfigError(ReportAssistantError):
    """The eval cannot run as asked (no model configured, unknown provider …)."""


def make_eval_model(provider: str, engine):
    """The model the eval runs on, logging its calls through ``engine`` (a migrated database)."""
    from assistant.llm import PROFILES, CallLog, LLMConfigError, LoggedModel
    from assistant.models import make_model
    from assistant.offline import OfflineModel

    name = provider.strip().lower()
    if name == "offline":
        return LoggedModel(OfflineModel(), CallLog(engine))
    if name not in PROFILES:
        known = "、".join(["offline", *PROFILES])
        raise EvalConfigError(f"未知的评测对象“{provider}”，可选：{known}。")
    from assistant.config import Settings

    settings = Settings()
    if not settings.llm_model:
        raise EvalConfigError(
            f"没有配置模型，无法用“{provider}”评测：请设置 REPORT_LLM_MODEL（模型名称），"
            "以及需要时的 REPORT_LLM_BASE_URL（接口地址）和 REPORT_LLM_API_KEY（密钥）。")
    settings = settings.model_copy(update={"llm_profile": name})
    try:
        return make_model(settings, engine=engine)
    except LLMConfigError as exc:
        raise EvalConfigError(str(exc)) from None


def _write_json(path: Path, data: dict) -> None:
    from assistant._files import atomic_write

    atomic_write(path, (json.dumps(data, ensure_ascii=False, indent=1, default=str) + "\n").encode("utf-8"))


def cmd_eval(args) -> int:
    from assistant.storage import Store
    from eval.runner import check, format_table, run_eval, scratch_dir, thresholds

    section = args.thresholds or args.provider.strip().lower()
    limits = None
    if args.check or args.thresholds:
        try:
            limits = thresholds(section)
        except KeyError as exc:
            raise EvalConfigError(str(exc.args[0])) from None
    with tempfile.TemporaryDirectory(prefix="report-eval-log-", dir=scratch_dir()) as tmp:
        log_store = Store(f"sqlite:///{Path(tmp) / 'calls.sqlite3'}")
        try:
            model = make_eval_model(args.provider, log_store.engine)
            baseline = None if model.engine == "offline" or args.no_baseline else model
            progress = (lambda msg: print(msg, file=sys.stderr)) if args.verbose else None
            result = run_eval(model, model.call_log,
                              baseline=baseline, limit=args.limit, progress=progress)
        finally:
            log_store.close()
    print(format_table(result, limits))
    failures = check(result, limits) if (args.check and limits is not None) else []
    if args.json:
        data = result.to_json()
        data["thresholds_section"] = section if limits is not None else None
        data["failures"] = failures
        _write_json(Path(args.json), data)
        print(f"已写入：{args.json}")
    if failures:
        print("以下指标未达到阈值（eval/thresholds.toml）：", file=sys.stderr)
        for line in failures:
            print(f"- {line}", file=sys.stderr)
        return EXIT_DROP
    if args.check:
        print(f"全部指标达到阈值（{section}）。")
    return EXIT_OK


def add_commands(sub: argparse._SubParsersAction) -> None:
    e = sub.add_parser("eval", help="评测：事实抽取、起草忠实度、校验器检出率和导入准确率（默认离线引擎）")
    e.add_argument("--provider", default="offline",
                   help="offline（默认）或接口类型（openai、deepseek、qwen、vllm、ollama、llamacpp、generic），"
                        "后者使用 REPORT_LLM_BASE_URL、REPORT_LLM_MODEL、REPORT_LLM_API_KEY 配置的模型")
    e.add_argument("--json", help="把全部指标和明细写入 JSON 文件")
    e.add_argument("--check", action="store_true", help="按 eval/thresholds.toml 检查，有指标未达标时退出码为1")
    e.add_argument("--thresholds", help="使用阈值文件中的哪一节（默认与 --provider 相同）")
    e.add_argument("--limit", type=int, help="只评测前 N 个对话（默认全部）")
    e.add_argument("--no-baseline", action="store_true", help="不运行一次成文的基线")
    e.add_argument("--verbose", action="store_true", help="在标准错误输出中显示进度")
    e.set_defaults(func=cmd_eval)
