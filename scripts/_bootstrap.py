"""Create .venv and install the project into it, once per change of pyproject.toml.

Works on a machine with only Python 3.11 and pip: when the venv module cannot bootstrap pip
(Debian without python3-venv), virtualenv is installed for the user and used instead.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")


def _run(cmd: list[str]) -> None:
    print("+", " ".join(str(c) for c in cmd), flush=True)
    subprocess.run(cmd, check=True, cwd=ROOT)


def _create_venv() -> None:
    try:
        _run([sys.executable, "-m", "venv", str(VENV)])
        if PYTHON.exists():
            return
    except subprocess.CalledProcessError:
        pass
    _run([sys.executable, "-m", "pip", "install", "--user", "--quiet", "virtualenv"])
    _run([sys.executable, "-m", "virtualenv", str(VENV)])


def ensure(extras: str = "") -> Path:
    """Return the venv's python, with the project (and ``extras``) installed and up to date."""
    if sys.version_info < (3, 11):  # noqa: UP036 - run by whatever python3 the machine has
        sys.exit("需要 Python 3.11 或更高版本。")
    if not PYTHON.exists():
        _create_venv()
    spec = "." + (f"[{extras}]" if extras else "")
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes() + spec.encode()).hexdigest()
    stamp = VENV / f".installed-{extras or 'base'}"
    if not stamp.exists() or stamp.read_text() != digest:
        _run([str(PYTHON), "-m", "pip", "install", "--quiet", "--upgrade", "pip"])
        _run([str(PYTHON), "-m", "pip", "install", "--quiet", "-e", spec])
        stamp.write_text(digest)
    return PYTHON
