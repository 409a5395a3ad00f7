"""The files under the paths given to ``audit``/``aggregate``: every regular file, recursively.

Every file is a candidate, whatever its extension: a file that is not a report becomes a row with
its reason rather than being silently skipped. Only hidden files (``.name``) and Office lock files
(``~$name``) are left out, and the outputs of the run itself.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

__all__ = ["collect_files"]


def _skipped(name: str) -> bool:
    return name.startswith((".", "~$"))


def collect_files(paths: Iterable[str | os.PathLike], exclude: Iterable[str | os.PathLike] = ()) -> list[tuple[str, Path]]:
    """(name shown to the user, path) of every file, in a stable order, each file once.

    A path that does not exist is kept: reading it gives the row its reason."""
    skip = {Path(p).resolve() for p in exclude}
    seen: set[Path] = set()
    out: list[tuple[str, Path]] = []

    def add(shown: str, path: Path) -> None:
        key = path.resolve()
        if key in seen or key in skip:
            return
        seen.add(key)
        out.append((shown, path))

    for given in paths:
        base = Path(given)
        if base.is_dir():
            for root, dirs, files in os.walk(base):
                dirs[:] = sorted(d for d in dirs if not _skipped(d))
                for name in sorted(files):
                    if not _skipped(name):
                        path = Path(root) / name
                        if path.is_file():
                            add(str(path), path)
        else:
            add(str(base), base)
    return out
