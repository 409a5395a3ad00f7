"""The checks on the code, as CI runs them: ruff (rules in pyproject.toml) and mypy with the pydantic
plugin (settings in pyproject.toml). ``python scripts/lint.py`` exits 1 on any finding of either."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _bin(name: str) -> str:
    candidate = Path(sys.executable).with_name(name)  # the venv's, beside its python
    return str(candidate) if candidate.exists() else name


def main() -> int:
    failed = False
    for name, args in (("ruff", ["check", "."]), ("mypy", [])):
        print(f"{name} …", flush=True)
        failed |= subprocess.run([_bin(name), *args], cwd=ROOT).returncode != 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
