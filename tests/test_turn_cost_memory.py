"""The server caps glibc's malloc arenas before its threads start (their memory, rarely handed back,
was most of a process's growth under load), unless MALLOC_ARENA_MAX says otherwise."""

from __future__ import annotations

import platform
import subprocess
import sys

import pytest

from ui._runtime import few_malloc_arenas


@pytest.mark.skipif(platform.system() != "Linux" or platform.libc_ver()[0] != "glibc", reason="glibc only")
def test_the_arenas_are_capped_unless_the_environment_says(monkeypatch):
    code = "from ui._runtime import few_malloc_arenas; print(few_malloc_arenas())"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={"PATH": "/usr/bin:/bin", "PYTHONPATH": ":".join(sys.path)})
    assert out.stdout.strip() == "True"
    monkeypatch.setenv("MALLOC_ARENA_MAX", "4")
    assert few_malloc_arenas() is False
