"""The validator against planted defects (``eval.mutations``) and against clean reports.

Detection per family: the share of planted defects whose rule fires at the expected address (or
names it among the related cells). False positives: every finding on a report that passes by
construction — generated reports of every level, with and without last year's report, the
zero report, and the real published sample.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from assistant.validation import validate
from assistant.validation._registry import FAMILIES
from eval._data import ROOT, load_json
from eval.mutations import defects
from eval.synthetic import consistent_report, previous_year_of, zero_report
from schemas.layout import set_cell
from schemas.report import Report

__all__ = ["ValidatorResult", "run_validator"]

_LEVELS = ("municipal", "county", "provincial", "township", "state_council_dept")


@dataclass
class ValidatorResult:
    planted: dict[str, int] = field(default_factory=dict)  # by family
    detected: dict[str, int] = field(default_factory=dict)
    missed: list[str] = field(default_factory=list)  # "rule/name@seed"
    clean_reports: int = 0
    false_positives: list[str] = field(default_factory=list)  # "what: rule address"

    def rate(self, family: str) -> float | None:
        n = self.planted.get(family, 0)
        return self.detected.get(family, 0) / n if n else None

    @property
    def overall(self) -> float | None:
        n = sum(self.planted.values())
        return sum(self.detected.values()) / n if n else None


def _clean(seed: int) -> Report:
    level = _LEVELS[seed % len(_LEVELS)]
    r = consistent_report(seed, year=2021 + seed % 4, level=level)
    if level in ("county", "township"):  # no power to make 规章: such agencies report 0 (rule C4)
        for col in ("issued", "repealed", "in_force"):
            set_cell(r, f"t2.regulations.{col}", 0)
    return r


def run_validator(*, limit: int | None = None) -> ValidatorResult:
    """``limit``: how many of the dataset's defect seeds and clean seeds to use (all by default)."""
    spec = load_json("mutations.json")
    res = ValidatorResult()
    for s in spec["defects"][:limit]:
        for d in defects(s["seed"], year=s["year"], agency=s["agency"], level=s["level"]):
            res.planted[d.family] = res.planted.get(d.family, 0) + 1
            hit = any(f.rule == d.rule and f.location.names(d.address) for f in validate(d.report, d.previous))
            if hit:
                res.detected[d.family] = res.detected.get(d.family, 0) + 1
            else:
                res.missed.append(f"{d.rule}/{d.name}@{s['seed']}")
    seeds = spec["clean_seeds"][: (limit * 4 if limit else None)]
    clean: list[tuple[str, Report, Report | None]] = []
    for seed in seeds:
        r = _clean(seed)
        clean.append((f"seed{seed}", r, None))
        clean.append((f"seed{seed}+上年", r, previous_year_of(r, seed)))
    z = zero_report()
    clean += [("zero", z, None), ("zero+上年", z, previous_year_of(z, 5))]
    for path in spec["real_clean"]:
        clean.append((path, Report.model_validate_json((ROOT / path).read_text(encoding="utf-8")), None))
    for name, report, previous in clean:
        res.clean_reports += 1
        res.false_positives += [f"{name}: {f.rule} {f.location.address}" for f in validate(report, previous)]
    for fam in FAMILIES:
        res.planted.setdefault(fam, 0)
    return res
