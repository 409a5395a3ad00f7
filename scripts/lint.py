"""The checks on the code, as CI runs them: ruff (rules in pyproject.toml) and mypy with the pydantic
plugin. ``python scripts/lint.py`` exits 1 on any ruff finding, or on any mypy error that is not in
``scripts/mypy-baseline.txt``.

The baseline may only shrink: an entry that no longer occurs fails the check too, so a fixed error
cannot come back unnoticed (``--update`` rewrites the file from the current errors, for a commit that
fixes some). Entries are ``path: [code] message`` without line numbers, so moving code does not
disturb them; a repeated entry counts each occurrence.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BASELINE = ROOT / "scripts" / "mypy-baseline.txt"
_ERROR = re.compile(r"^(?P<path>[^:]+):\d+(?::\d+)?: error: (?P<message>.*?)\s+\[(?P<code>[a-z-]+)\]$")


def _bin(name: str) -> str:
    candidate = Path(sys.executable).with_name(name)
    return str(candidate) if candidate.exists() else name


def mypy_errors() -> Counter[str]:
    r = subprocess.run([_bin("mypy")], cwd=ROOT, capture_output=True, text=True)
    if r.returncode not in (0, 1):
        sys.exit(f"mypy failed to run:\n{r.stdout}\n{r.stderr}")
    found: Counter[str] = Counter()
    for line in r.stdout.splitlines():
        m = _ERROR.match(line)
        if m:
            found[f"{m['path']}: [{m['code']}] {m['message']}"] += 1
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--update", action="store_true", help="rewrite the mypy baseline from the current errors")
    args = parser.parse_args()

    print("ruff check …", flush=True)
    ruff = subprocess.run([_bin("ruff"), "check", "."], cwd=ROOT)

    print("mypy …", flush=True)
    found = mypy_errors()
    if args.update:
        BASELINE.write_text("".join(f"{e}\n" * n for e, n in sorted(found.items())), encoding="utf-8")
        print(f"baseline: {sum(found.values())} entries")
    baseline: Counter[str] = Counter(
        line for line in BASELINE.read_text(encoding="utf-8").splitlines() if line.strip()
    ) if BASELINE.exists() else Counter()
    new, fixed = found - baseline, baseline - found
    for entry in sorted(new):
        print(f"mypy, new: {entry}")
    for entry in sorted(fixed):
        print(f"mypy, fixed but still in {BASELINE.name} (remove it, or run with --update): {entry}")
    print(f"mypy: {sum(found.values())} errors, {sum(baseline.values())} in the baseline, "
          f"{sum(new.values())} new, {sum(fixed.values())} fixed")
    return 1 if ruff.returncode or new or fixed else 0


if __name__ == "__main__":
    sys.exit(main())
