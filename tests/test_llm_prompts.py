"""Prompt and template files: one per task, each with a version id, stating the part's official
requirements and the style rules of section 4 of the format reference."""

from __future__ import annotations

import re

import pytest

from assistant.drafting import PARTS
from assistant.llm.prompts import PROMPTS_DIR, PromptError, list_prompts, load_prompt

ALL = list_prompts()


def test_every_task_has_a_prompt_file():
    names = set(ALL)
    assert {"extract", "repair", "revise", "reask", "json_output", "style"} <= names
    for part in PARTS:
        assert "draft_" + part.replace(".", "_") in names, part
        assert "offline/" + part.replace(".", "_") in names, part
    assert "offline/preamble" in names


@pytest.mark.parametrize("name", ALL)
def test_every_file_has_a_version_id(name):
    p = load_prompt(name)
    assert p.id and re.fullmatch(r"\d+", p.version), name
    raw = (PROMPTS_DIR / f"{name}.txt").read_text(encoding="utf-8")
    assert raw.startswith("---\nid: "), name
    text = re.sub(r"\$\{\w+\}|JSON|json|Schema|Markdown", "", "".join(p.sections.values()))
    text = re.sub(r"(?m)^\{.*\}$", "", text)  # a JSON example line is the shape, not prose
    assert len(re.findall(r"[\u4e00-\u9fff]", text)) > 5 * len(re.findall(r"[A-Za-z]", text)), name  # Chinese


@pytest.mark.parametrize("part", PARTS)
def test_draft_prompts_state_requirements_and_style(part):
    p = load_prompt("draft_" + part.replace(".", "_"))
    assert p.full_version == f"draft.{part}@2+style@2"
    system = p.render("system", agency="某局", year=2023, requirements=p.render("requirements"),
                      example=p.render("example"))
    assert len(p.render("requirements")) > 20
    for rule in ("第三人称", "阿拉伯数字", "2023年", "Markdown", "不使用英文", "不编造事实"):
        assert rule in system, (part, rule)
    assert "${" not in system


def test_extraction_prompt_names_the_grounding_rules():
    system = load_prompt("extract").render("system", fields="（字段）")
    for rule in ("quote", "逐字", "照录用户原话", "pending"):
        assert rule in system


def test_missing_values_are_errors_not_blanks():
    with pytest.raises(PromptError):
        load_prompt("extract").render("user", known="", topic="")
