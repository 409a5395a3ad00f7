"""The committed eval datasets (``eval/datasets/``), loaded and typed."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from schemas.facts import Facts

__all__ = ["DATASETS", "ROOT", "Dialogue", "load_dialogues", "load_json"]

ROOT = Path(__file__).resolve().parent.parent
DATASETS = Path(__file__).resolve().parent / "datasets"


@dataclass(frozen=True)
class Dialogue:
    id: str
    source: str  # "generated" or "hand"
    level: str
    situations: tuple[str, ...]
    steps: tuple[str | Path, ...]  # a message, or the path of last year's report to import
    gold: Facts

    @property
    def messages(self) -> int:
        return sum(isinstance(s, str) for s in self.steps)


def load_dialogues(path: Path | None = None) -> list[Dialogue]:
    path = path or DATASETS / "dialogues.jsonl"
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        d = json.loads(line)
        steps = tuple(path.parent / m["import_previous"] if isinstance(m, dict) else m for m in d["messages"])
        out.append(Dialogue(d["id"], d["source"], d["level"], tuple(d["situations"]), steps,
                            Facts.model_validate_json(json.dumps(d["gold"], ensure_ascii=False))))
    return out


def load_json(name: str) -> dict:
    return json.loads((DATASETS / name).read_text(encoding="utf-8"))
