"""Prompt and template files in ``prompts/``: loading, includes, rendering.

A file starts with a header between ``---`` lines (``id``, ``version``, ``title``), then sections
introduced by ``[[name]]`` lines. ``{{include NAME}}`` inserts the body of ``prompts/NAME.txt``
(its ``[[text]]`` section). Placeholders are ``${name}`` (``string.Template``), so JSON braces in
examples need no escaping; a missing value is an error, never an empty string.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from string import Template
from typing import Any

__all__ = ["PROMPTS_DIR", "PromptError", "PromptFile", "list_prompts", "load_prompt"]

# the ``prompts`` package: found the same way in a checkout and in an installed wheel
PROMPTS_DIR: Traversable = resources.files("prompts")

_SECTION = re.compile(r"^\[\[([a-z0-9_]+)\]\]\s*$", re.M)
_INCLUDE = re.compile(r"\{\{include ([a-z0-9_/]+)\}\}")


class PromptError(RuntimeError):
    """A prompt file is missing or malformed: a bug in the repository, not a user error."""


@dataclass(frozen=True, slots=True)
class PromptFile:
    id: str
    version: str
    title: str
    sections: dict[str, str]
    includes: tuple[str, ...]  # versions of the included files, "style@1"

    @property
    def full_version(self) -> str:
        """The version id logged with every call: this file's and its includes'."""
        return "+".join((f"{self.id}@{self.version}", *self.includes))

    def has(self, section: str) -> bool:
        return section in self.sections

    def render(self, section: str, **values: object) -> str:
        try:
            text = self.sections[section]
        except KeyError:
            raise PromptError(f"{self.id}: no section [[{section}]]") from None
        try:
            return Template(text).substitute({k: str(v) for k, v in values.items()})
        except KeyError as exc:
            raise PromptError(f"{self.id}[[{section}]]: no value for ${{{exc.args[0]}}}") from None


def _parse(name: str, raw: str) -> tuple[dict[str, str], str]:
    if not raw.startswith("---\n"):
        raise PromptError(f"{name}: missing header")
    head, sep, body = raw[4:].partition("\n---\n")
    if not sep:
        raise PromptError(f"{name}: unterminated header")
    meta: dict[str, str] = {}
    for line in head.splitlines():
        if line.strip():
            key, _, value = line.partition(":")
            meta[key.strip()] = value.strip()
    for key in ("id", "version"):
        if not meta.get(key):
            raise PromptError(f"{name}: header lacks {key}")
    return meta, body


@functools.cache
def _load(directory: Any, name: str) -> PromptFile:  # a Path or the package's Traversable: hashable
    path = directory.joinpath(*f"{name}.txt".split("/"))
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, ValueError) as exc:
        raise PromptError(f"prompt file {path} not readable: {exc}") from None
    meta, body = _parse(name, raw)
    includes: list[str] = []

    def include(m: re.Match) -> str:
        inc = _load(directory, m.group(1))
        includes.append(f"{inc.id}@{inc.version}")
        return inc.sections.get("text", "").strip()

    body = _INCLUDE.sub(include, body)
    parts = _SECTION.split(body)
    sections = {parts[i]: parts[i + 1].strip("\n") for i in range(1, len(parts), 2)}
    if not sections:
        raise PromptError(f"{name}: no [[section]]")
    return PromptFile(meta["id"], meta["version"], meta.get("title", ""), sections,
                      tuple(dict.fromkeys(includes)))


def load_prompt(name: str, directory: Path | None = None) -> PromptFile:
    """``prompts/<name>.txt`` (``name`` may contain a subfolder: ``offline/p5``)."""
    root: Any = directory.resolve() if directory is not None else PROMPTS_DIR
    return _load(root, name)


def list_prompts(directory: Path | Traversable | None = None) -> list[str]:
    """Every prompt file's name (``extract``, ``offline/p5`` …)."""
    out: list[str] = []

    def walk(node: Traversable, prefix: str) -> None:
        for child in node.iterdir():
            if child.is_dir():
                walk(child, f"{prefix}{child.name}/")
            elif child.name.endswith(".txt"):
                out.append(prefix + child.name.removesuffix(".txt"))

    walk(directory if directory is not None else PROMPTS_DIR, "")
    return sorted(out)
