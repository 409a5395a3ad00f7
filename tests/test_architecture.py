"""The shape of the code: which package may import which, no product import of ``tests`` or
``eval``, the web app's writes only through the application service, and an installable wheel
that carries every prompt file."""

from __future__ import annotations

import ast
import subprocess
import sys
import zipfile
from collections import defaultdict
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PRODUCT = ("schemas", "assistant", "ui", "prompts")

# Layers, lowest first. A unit may import units of lower layers only: never its own layer's
# siblings, never a higher layer. assistant/_*.py modules are small shared helpers (layer 1).
LAYERS: list[set[str]] = [
    {"schemas", "prompts"},
    {"assistant.errors", "assistant.config", "assistant.numbers", "assistant._files", "assistant._script"},
    {"assistant.validation", "assistant.importing", "assistant.storage"},
    {"assistant.llm", "assistant.auth", "assistant.export", "assistant.reading"},
    {"assistant.drafting", "assistant.workflow", "assistant.ledger"},  # ledger: outcomes in the reader's words too
    {"assistant.offline", "assistant.audit"},
    {"assistant.models"},
    {"assistant.dialogue"},
    {"assistant.app"},
    {"assistant.cli"},
    {"ui"},
]
LAYER_OF = {unit: n for n, layer in enumerate(LAYERS) for unit in layer}


def _unit(module: str) -> str:
    parts = module.split(".")
    if parts[0] == "assistant" and len(parts) > 1:
        return f"assistant.{parts[1]}"
    return parts[0]


def _imports(path: Path) -> list[tuple[str, int]]:
    """Every absolute import in a file (at module level or inside functions): (module, line)."""
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out += [(a.name, node.lineno) for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            out.append((node.module, node.lineno))
    return out


def _product_files():
    for top in PRODUCT:
        for path in sorted((ROOT / top).rglob("*.py")):
            if "migrations" not in path.parts:
                yield path


def _module(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def test_every_product_unit_has_a_layer():
    units = {_unit(_module(p)) for p in _product_files()} - {"assistant"}
    assert units <= set(LAYER_OF), f"units without a layer: {sorted(units - set(LAYER_OF))}"


def test_imports_go_downwards_only():
    wrong = []
    for path in _product_files():
        src = _unit(_module(path))
        if src == "assistant":
            continue
        for module, line in _imports(path):
            dst = _unit(module)
            if dst == src or dst not in LAYER_OF:
                continue
            if LAYER_OF[dst] >= LAYER_OF[src]:
                wrong.append(f"{path.relative_to(ROOT)}:{line}: {src} → {dst}")
    assert not wrong, "imports against the layering:\n" + "\n".join(wrong)


def test_no_import_cycles_between_units():
    graph: dict[str, set[str]] = defaultdict(set)
    for path in _product_files():
        src = _unit(_module(path))
        for module, _ in _imports(path):
            dst = _unit(module)
            if dst != src and dst in LAYER_OF:
                graph[src].add(dst)
    seen: dict[str, int] = {}

    def visit(node: str, stack: list[str]) -> None:
        seen[node] = 1
        for nxt in graph[node]:
            assert seen.get(nxt) != 1, "cycle: " + " → ".join([*stack, node, nxt])
            if nxt not in seen:
                visit(nxt, [*stack, node])
        seen[node] = 2

    for unit in list(graph):
        if unit not in seen:
            visit(unit, [])


def test_the_product_never_imports_tests_or_eval():
    wrong = [f"{path.relative_to(ROOT)}:{line}: {module}" for path in _product_files()
             for module, line in _imports(path) if module.split(".")[0] in ("tests", "eval")]
    assert not wrong, "\n".join(wrong)


# the write paths below the application service: the web app and the command line never call them
_WRITE_PATHS = {
    "Store", "AuthStore", "WorkflowStore", "DialogueService", "record_turn", "apply_changes", "save_narrative",
    "save_narrative_if", "lock_part", "unlock_part", "add_user", "set_previous_report", "undo_last",
}


@pytest.mark.parametrize("top", ["ui", "assistant/cli"])
def test_the_web_app_and_the_command_line_write_only_through_the_service(top):
    wrong = []
    for path in sorted((ROOT / top).rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            name = node.attr if isinstance(node, ast.Attribute) else node.id if isinstance(node, ast.Name) else None
            if name in _WRITE_PATHS and not (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
                                             and node.value.id in ("app", "self", "ws") and name == "add_user"):
                wrong.append(f"{path.relative_to(ROOT)}:{node.lineno}: {name}")
    assert not wrong, "writes around assistant.app.AppService:\n" + "\n".join(wrong)


def test_the_startup_of_the_command_line_imports_neither_gradio_nor_eval():
    code = ("import sys; import assistant.cli as c; c.build_parser();"
            "bad = [m for m in sys.modules if m.split('.')[0] in ('gradio', 'eval', 'ui', 'tests')];"
            "print(','.join(bad))")
    r = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == ""


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    r = subprocess.run([sys.executable, str(ROOT / "scripts" / "wheel_smoke.py"), "--build-only", str(out)],
                       capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stdout[-3000:] + r.stderr[-3000:]
    return Path(r.stdout.strip().splitlines()[-1])


def test_every_prompt_file_is_in_the_wheel(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = {p.relative_to(ROOT).as_posix() for p in (ROOT / "prompts").rglob("*")
                if p.is_file() and "__pycache__" not in p.parts}
    assert expected, "no prompt files found"
    assert expected <= names, f"missing from the wheel: {sorted(expected - names)}"
    assert not any(n.startswith(("tests/", "eval/")) for n in names), "test or eval code in the wheel"
    assert any(n.startswith("assistant/storage/migrations/versions/") for n in names)
