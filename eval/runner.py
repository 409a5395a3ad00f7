"""The eval runner: every dataset through the product, one dict of metrics, one printed table.

    result = run_eval(model, log)                      # the pipeline on ``model`` (its calls logged in ``log``)
    result = run_eval(model, log, baseline=model)      # and the one-prompt baseline beside it
    print(format_table(result, thresholds("offline")))
    failures = check(result, thresholds("offline"))   # [] when no metric dropped below its threshold

Everything runs in a temporary directory: a fresh SQLite store and call log, never the user's.
"""

from __future__ import annotations

import os
import tempfile
import tomllib
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from assistant.llm import CallLog, Model
from assistant.storage import Store
from eval._baseline import ReportScore, run_baseline, score_report
from eval._data import Dialogue, load_dialogues
from eval._dialogues import DialogueResult, FieldCount, field_group, run_dialogue, score_facts
from eval._faithfulness import PartScore
from eval._imports import ImportResult, run_imports
from eval._validator import ValidatorResult, run_validator
from eval.mutations import FAMILIES
from schemas.facts import FACT_SPECS

__all__ = ["THRESHOLDS", "EvalResult", "check", "format_table", "run_eval", "scratch_dir", "thresholds"]

THRESHOLDS = Path(__file__).resolve().parent / "thresholds.toml"

# (metric, Chinese label, side by side with the baseline)
METRICS: tuple[tuple[str, str, bool], ...] = (
    ("extraction.precision", "事实抽取精确率（全部字段）", False),
    ("extraction.recall", "事实抽取召回率（全部字段）", False),
    ("extraction.f1", "事实抽取F1（全部字段）", False),
    ("extraction.named_f1", "事实抽取F1（命名事实）", False),
    ("extraction.cells_f1", "事实抽取F1（表格单元格）", False),
    ("dialogue.completion_rate", "对话完成率（事实齐全）", False),
    ("dialogue.turns_mean", "至事实齐全的用户轮数（平均）", False),
    ("dialogue.turns_max", "至事实齐全的用户轮数（最多）", False),
    ("dialogue.followups_mean", "其中回答追问的轮数（平均）", False),
    ("dialogue.final_wrong", "齐全后仍记错的事实（个，全部对话）", False),
    ("dialogue.final_missing", "齐全后仍未记录的可选事实（个，全部对话）", False),
    ("drafting.ungrounded_per_1000", "叙述中无依据的数字（每千字）", True),
    ("drafting.required_missing_per_report", "叙述缺少的必备事实（每份）", True),
    ("drafting.style_per_report", "文风违规：第一人称/英文/Markdown/年份（每份）", True),
    ("report.validator_errors_per_report", "成稿的校验错误（每份）", True),
    ("report.cell_accuracy", "成稿表格与事实一致的单元格比例", True),
    ("cost.calls_per_report", "每份完整报告的模型调用次数", True),
    ("cost.tokens_per_report", "每份完整报告的 token 数", True),
    ("cost.prompt_tokens_per_report", "每份完整报告的输入 token 数", True),
    ("cost.calls_per_message_max", "一条消息引起的模型调用（最多）", False),
    *((f"validator.detection.{f}", f"校验检出率：{f} {name}", False) for f, name in FAMILIES.items()),
    ("validator.detection", "校验检出率（全部缺陷）", False),
    ("validator.false_positives", "干净报告上的误报（条）", False),
    ("import.cell_accuracy.text", "导入单元格准确率：文本", False),
    ("import.cell_accuracy.docx", "导入单元格准确率：DOCX", False),
    ("import.cell_accuracy.html", "导入单元格准确率：HTML", False),
    ("import.cell_accuracy", "导入单元格准确率（全部）", False),
)


@dataclass
class EvalResult:
    engine: str
    metrics: dict[str, float | None] = field(default_factory=dict)
    baseline: dict[str, float | None] = field(default_factory=dict)
    baseline_note: str = ""
    per_field: dict[str, dict[str, float | None]] = field(default_factory=dict)
    dialogues: list[DialogueResult] = field(default_factory=list)
    validator: ValidatorResult | None = None
    imports: ImportResult | None = None
    details: dict[str, list[str]] = field(default_factory=dict)

    def to_json(self) -> dict:
        return {
            "engine": self.engine, "metrics": self.metrics, "baseline": self.baseline or None,
            "baseline_note": self.baseline_note, "per_field": self.per_field,
            "dialogues": [{
                "id": d.id, "level": d.level, "situations": list(d.situations), "source": d.source,
                "complete": d.complete, "turns": d.turns, "followups": d.followups, "stuck_on": d.stuck_on,
                "extraction_errors": d.errors, "calls": d.calls, "tokens": d.tokens,
            } for d in self.dialogues],
            "details": self.details,
        }


# ---- aggregation -------------------------------------------------------------------------------
def _prf(c: FieldCount) -> tuple[float | None, float | None, float | None]:
    p = c.tp / (c.tp + c.fp) if c.tp + c.fp else None
    r = c.tp / (c.tp + c.fn) if c.tp + c.fn else None
    f = 2 * p * r / (p + r) if p is not None and r is not None and p + r else (0.0 if p is not None or r is not None else None)
    return p, r, f


def _mean(xs: Iterable[float]) -> float | None:
    xs = list(xs)
    return sum(xs) / len(xs) if xs else None


def _narrative_metrics(scores: list[dict[str, PartScore]], into: dict[str, float | None]) -> None:
    chars = sum(p.chars for s in scores for p in s.values())
    ungrounded = sum(len(p.ungrounded) for s in scores for p in s.values())
    into["drafting.ungrounded_per_1000"] = ungrounded * 1000 / chars if chars else None
    into["drafting.required_missing_per_report"] = _mean(sum(len(p.missing) for p in s.values()) for s in scores)
    into["drafting.style_per_report"] = _mean(sum(len(p.style) for p in s.values()) for s in scores)


def _report_metrics(scores: list[ReportScore], into: dict[str, float | None]) -> None:
    ok = [s for s in scores if s.failed is None]
    _narrative_metrics([s.parts for s in ok], into)
    into["report.validator_errors_per_report"] = _mean(s.validator_errors for s in ok)
    total = sum(s.cells_total for s in ok)
    into["report.cell_accuracy"] = sum(s.cells_correct for s in ok) / total if total else None
    into["cost.calls_per_report"] = _mean(s.calls for s in ok)
    into["cost.tokens_per_report"] = _mean(s.tokens for s in ok)
    into["cost.prompt_tokens_per_report"] = _mean(s.prompt_tokens for s in ok)


def _dialogue_metrics(res: EvalResult) -> None:
    m = res.metrics
    by_field: dict[str, FieldCount] = {}
    named, cells, overall = FieldCount(), FieldCount(), FieldCount()
    for d in res.dialogues:
        for name, c in d.counts.items():
            by_field.setdefault(field_group(name), FieldCount()).add(c)
            (named if name in FACT_SPECS else cells).add(c)
            overall.add(c)
    for group, c in by_field.items():
        p, r, f = _prf(c)
        res.per_field[group] = {"precision": p, "recall": r, "f1": f, "tp": c.tp, "fp": c.fp, "fn": c.fn}
    m["extraction.precision"], m["extraction.recall"], m["extraction.f1"] = _prf(overall)
    m["extraction.named_f1"] = _prf(named)[2]
    m["extraction.cells_f1"] = _prf(cells)[2]
    n = len(res.dialogues)
    done = [d for d in res.dialogues if d.complete]
    m["dialogue.completion_rate"] = len(done) / n if n else None
    m["dialogue.turns_mean"] = _mean(d.turns for d in done)  # type: ignore[misc]
    m["dialogue.turns_max"] = max((d.turns for d in done), default=None)  # type: ignore[type-var]
    m["dialogue.followups_mean"] = _mean(d.followups for d in done)
    m["cost.calls_per_message_max"] = max((d.most_calls_in_a_message for d in res.dialogues), default=None)
    res.details["incomplete"] = [f"{d.id}: 卡在 {d.stuck_on}" for d in res.dialogues if not d.complete]
    res.details["extraction_errors"] = [f"{d.id} {e}" for d in res.dialogues for e in d.errors]


# ---- the run ---------------------------------------------------------------------------------
def scratch_dir() -> Path | None:
    """Where the eval's throw-away store and call log go: memory-backed /dev/shm when there is one
    (every turn is a committed SQLite transaction), else the system's temporary directory."""
    shm = Path("/dev/shm")
    return shm if shm.is_dir() and os.access(shm, os.W_OK) else None


def run_eval(model: Model, log: CallLog, *, baseline: Model | None = None, dialogues: list[Dialogue] | None = None,
             limit: int | None = None, validator_limit: int | None = None, import_limit: int | None = None,
             workdir: Path | None = None, progress=None) -> EvalResult:
    """Run every part of the eval. ``limit``: the first N dialogues only (the CLI runs all)."""
    res = EvalResult(engine=f"{model.engine}:{model.name}")
    items = (dialogues if dialogues is not None else load_dialogues())[:limit]
    with tempfile.TemporaryDirectory(prefix="report-eval-", dir=workdir or scratch_dir()) as tmp:
        store = Store(f"sqlite:///{Path(tmp) / 'eval.sqlite3'}")
        try:
            pipeline: list[ReportScore] = []
            base: list[ReportScore] = []
            wrong = missing = 0  # after completion: values recorded wrongly, optional facts never recorded
            for i, d in enumerate(items):
                if progress:
                    progress(f"对话 {i + 1}/{len(items)}：{d.id}")
                r = run_dialogue(d, store, model, log)
                res.dialogues.append(r)
                if r.complete and r.facts is not None and r.report is not None:
                    s = score_report(r.report, r.facts)
                    s.calls, s.tokens, s.prompt_tokens = r.calls, r.tokens, r.prompt_tokens
                    pipeline.append(s)
                    if baseline is not None:
                        base.append(run_baseline(r.facts, baseline))
                    counts, final_errors = score_facts(r.facts, d.gold)
                    res.details.setdefault("final_errors", []).extend(f"{d.id} {e}" for e in final_errors)
                    wrong += sum(c.fp for c in counts.values())
                    missing += sum(c.fn and not c.fp for c in counts.values())
        finally:
            store.close()
    _dialogue_metrics(res)
    res.metrics["dialogue.final_wrong"] = wrong
    res.metrics["dialogue.final_missing"] = missing
    _report_metrics(pipeline, res.metrics)
    res.details["ungrounded"] = [f"{d.id} {part}: {n}" for d in res.dialogues for part, p in d.parts.items()
                                 for n in p.ungrounded]
    res.details["required_missing"] = [f"{d.id} {part}: {n}" for d in res.dialogues for part, p in d.parts.items()
                                       for n in p.missing]
    res.details["style"] = [f"{d.id} {part}: {n}" for d in res.dialogues for part, p in d.parts.items() for n in p.style]
    if baseline is not None:
        _report_metrics(base, res.baseline)
        res.details["baseline_failed"] = [s.failed for s in base if s.failed]
    else:
        res.baseline_note = "离线引擎没有基线模型：基线需要配置大模型（--provider）。"

    if progress:
        progress("校验器：植入缺陷与干净报告")
    res.validator = v = run_validator(limit=validator_limit)
    for fam in FAMILIES:
        res.metrics[f"validator.detection.{fam}"] = v.rate(fam)
    res.metrics["validator.detection"] = v.overall
    res.metrics["validator.false_positives"] = len(v.false_positives)
    res.details["validator_missed"] = v.missed
    res.details["validator_false_positives"] = v.false_positives

    if progress:
        progress("导入：文本、DOCX、HTML")
    res.imports = im = run_imports(limit=import_limit)
    for fmt in ("text", "docx", "html"):
        res.metrics[f"import.cell_accuracy.{fmt}"] = im.accuracy(fmt)
    res.metrics["import.cell_accuracy"] = im.accuracy()
    res.details["import_wrong"] = im.wrong
    return res


# ---- thresholds --------------------------------------------------------------------------------
@dataclass(frozen=True)
class Threshold:
    min: float | None = None
    max: float | None = None

    def ok(self, value: float | None) -> bool:
        if value is None:
            return False
        return (self.min is None or value >= self.min - 1e-9) and (self.max is None or value <= self.max + 1e-9)

    def text(self) -> str:
        if self.min is not None and self.max is not None:
            return f"{_num(self.min)}–{_num(self.max)}"
        return f"≥ {_num(self.min)}" if self.min is not None else f"≤ {_num(self.max)}"


def thresholds(section: str, path: Path | None = None) -> dict[str, Threshold]:
    """The thresholds of one run kind (``offline``, ``fake`` or a provider name)."""
    data = tomllib.loads((path or THRESHOLDS).read_text(encoding="utf-8"))
    if section not in data:
        known = "、".join(data)
        raise KeyError(f"阈值文件中没有“{section}”一节（已有：{known}）。")
    return {k: Threshold(v.get("min"), v.get("max")) for k, v in data[section].items()}


def check(result: EvalResult, limits: dict[str, Threshold]) -> list[str]:
    """One Chinese line per metric below (or above) its threshold; [] when all hold."""
    out = []
    for key, t in limits.items():
        value = result.metrics.get(key)
        if not t.ok(value):
            out.append(f"{key} = {_num(value)}，阈值 {t.text()}")
    return out


# ---- the table -------------------------------------------------------------------------------
def _num(v) -> str:
    if v is None:
        return "—"
    if isinstance(v, float):
        if v != v.__round__():
            return f"{v:.3f}" if abs(v) < 10 else f"{v:.1f}"
        return str(int(v))
    return str(v)


def _width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def _pad(s: str, n: int) -> str:
    return s + " " * max(0, n - _width(s))


def format_table(result: EvalResult, limits: dict[str, Threshold] | None = None) -> str:
    limits = limits or {}
    rows = [("指标", "流水线", "基线（一次成文）", "阈值", "")]
    for key, label, side in METRICS:
        value = result.metrics.get(key)
        t = limits.get(key)
        mark = "" if t is None else ("通过" if t.ok(value) else "未达标")
        base = _num(result.baseline.get(key)) if side and result.baseline else "—"
        rows.append((label, _num(value), base, t.text() if t else "", mark))
    widths = [max(_width(r[i]) for r in rows) for i in range(5)]
    lines = [f"评测：{result.engine}，对话 {len(result.dialogues)} 个"]
    for i, r in enumerate(rows):
        lines.append("  ".join(_pad(c, widths[j]) for j, c in enumerate(r)).rstrip())
        if i == 0:
            lines.append("-" * (sum(widths) + 8))
    if result.baseline_note:
        lines.append(f"注：{result.baseline_note}")
    fields = ["抽取（按字段）：" + "；".join(
        f"{k} P={_num(v['precision'])} R={_num(v['recall'])}" for k, v in sorted(result.per_field.items())
        if v["tp"] + v["fp"] + v["fn"])]
    return "\n".join(lines + fields)
