"""Output files written whole or not at all: a reader (or a crash) sees the old file or the new one,
never half of it. Used for every file the product writes for people (exports, audits, evaluations)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

__all__ = ["atomic_write", "temp_beside"]


def temp_beside(target: Path, data: bytes) -> Path:
    """``data`` in a new hidden file in ``target``'s folder (so that renaming it over ``target`` is
    atomic), on disk and readable like any written file."""
    fd, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
    tmp = Path(name)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, 0o644)  # mkstemp's 0600 is for secrets, not for a report
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return tmp


def atomic_write(path: str | os.PathLike, data: bytes) -> Path:
    """Write ``data`` to ``path`` (creating its folder) in one step."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = temp_beside(target, data)
    try:
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return target
