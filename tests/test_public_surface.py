"""Each package's public surface, pinned (as httpx's ``test_exported_members.py`` does): ``__all__``
lists exactly the public names a package defines or imports, and equals the list recorded in
``tests/fixtures/public_surface.json``. Changing what a package exports means changing that file in
the same commit, on purpose.

    python -m tests.test_public_surface   # prints the current surfaces as JSON, to review and record
"""

from __future__ import annotations

import ast
import importlib
import json
import pkgutil
import sys
import types
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PINNED = Path(__file__).parent / "fixtures" / "public_surface.json"


def packages() -> list[str]:
    """Every package of the product (a folder with ``__init__.py``), migrations aside."""
    out = []
    for top in ("schemas", "assistant", "ui", "prompts"):
        out.append(top)
        module = importlib.import_module(top)
        for info in pkgutil.walk_packages(module.__path__, prefix=f"{top}."):
            if info.ispkg and ".migrations" not in info.name and not info.name.rsplit(".", 1)[-1].startswith("_"):
                out.append(info.name)
    return sorted(out)


def surface(name: str) -> list[str]:
    return sorted(getattr(importlib.import_module(name), "__all__", []))


def _imported_from_elsewhere(module: types.ModuleType) -> set[str]:
    """Names the package's ``__init__`` imports from outside the package (constants have no
    ``__module__`` to tell)."""
    source = Path(module.__file__ or "")
    if not source.exists():
        return set()
    out = set()
    for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and not node.module.startswith(module.__name__):
            out |= {a.asname or a.name for a in node.names}
    return out


def _public_names(module: types.ModuleType) -> set[str]:
    """Public names the package defines itself (in it or in its private modules); names it only
    imports for its own use (``Path``, ``Report``…) are not its surface."""
    out = set()
    imported = _imported_from_elsewhere(module)
    for k, v in vars(module).items():
        if k.startswith("_") or isinstance(v, types.ModuleType) or k == "annotations" or k in imported:
            continue
        origin = getattr(v, "__module__", None)
        if isinstance(origin, str) and not (origin == module.__name__ or origin.startswith(module.__name__ + ".")):
            continue
        out.add(k)
    return out


@pytest.mark.parametrize("name", packages())
def test_all_lists_every_public_name_and_nothing_else(name):
    module = importlib.import_module(name)
    assert hasattr(module, "__all__"), f"{name} has no __all__"
    assert sorted(module.__all__) == sorted(set(module.__all__)), f"{name}.__all__ has duplicates"
    missing = set(module.__all__) - set(vars(module))
    assert not missing, f"{name}.__all__ names what it does not define: {sorted(missing)}"
    extra = _public_names(module) - set(module.__all__)
    assert not extra, f"{name} has public names outside __all__ (prefix them with _ or export them): {sorted(extra)}"


def test_the_surfaces_are_the_recorded_ones():
    recorded = json.loads(PINNED.read_text(encoding="utf-8"))
    current = {name: surface(name) for name in packages()}
    changes = []
    for name in sorted(set(recorded) | set(current)):
        before, now = set(recorded.get(name, [])), set(current.get(name, []))
        if before != now:
            changes.append(f"{name}: added {sorted(now - before)}, removed {sorted(before - now)}")
    assert not changes, ("the public surface changed; if on purpose, record it in "
                         f"{PINNED.relative_to(ROOT)} (python -m tests.test_public_surface):\n" + "\n".join(changes))


if __name__ == "__main__":
    sys.stdout.write(json.dumps({name: surface(name) for name in packages()}, ensure_ascii=False, indent=1) + "\n")
