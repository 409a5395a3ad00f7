"""Published reports as they really are (issue 17): the tuned cases of ``tests/fixtures/published_shapes``
and the held-out cases of ``eval/datasets/published/heldout``, judged in-process the way their runner
``check_cases.py`` judges the installed executable (the same loader as ``report-assistant check``, the
same ``check --json`` document, the same matching).

    python -m eval.published [--verbose]

prints, for each set apart, the cases passed and one line per failing case.
"""

from __future__ import annotations

import argparse
import json
from decimal import Decimal, InvalidOperation
from pathlib import Path

from assistant.cli import _load, check_document
from assistant.errors import ReportReadError
from assistant.validation import RULES, validate

ROOT = Path(__file__).resolve().parent.parent
SETS = {
    "tuned (tests/fixtures/published_shapes)": ROOT / "tests" / "fixtures" / "published_shapes",
    "held out (eval/datasets/published/heldout)": ROOT / "eval" / "datasets" / "published" / "heldout",
}
_TABLES = {"t2": "table2", "t3": "table3", "t4": "table4"}


def expected(folder: Path) -> dict[str, dict]:
    return json.loads((folder / "expected.json").read_text(encoding="utf-8"))


def _matches(f: dict, cond: dict) -> bool:
    if f["rule"] != cond["rule"]:
        return False
    prefix = cond.get("address_prefix")
    if prefix and not str(f["location"]["address"]).startswith(prefix):
        return False
    return not (cond.get("severity") and f["severity"] != cond["severity"])


def _cell(doc: dict, address: str):
    parts = address.split(".")
    node = doc.get(_TABLES.get(parts[0], ""))
    for p in parts[1:]:
        if not isinstance(node, dict) or p not in node:
            return False, None
        node = node[p]
    return node is not None, node


def _same(want, got) -> bool:
    if want is None:  # a blank published cell must be read as a blank, never as a number
        return isinstance(got, dict) and "blank" in got
    if isinstance(want, bool) or not isinstance(want, (int, float)):
        return want == got
    if isinstance(got, bool) or not isinstance(got, (int, float, str)):
        return False
    try:
        return Decimal(str(want)) == Decimal(str(got))
    except InvalidOperation:
        return False


def reasons_for(folder: Path, name: str, exp: dict) -> list[str]:
    """Why the case fails (empty when it passes), in the words of check_cases.py."""
    unknown = {c["rule"] for c in exp.get("must", []) + exp.get("must_not", [])} - set(RULES)
    if unknown:
        return [f"expected.json names rules this build does not have: {sorted(unknown)}"]
    try:
        report = _load(str(folder / name))
    except ReportReadError as exc:
        return [f"not read: {exc}"]
    findings = check_document(name, report, validate(report))["findings"]
    meta = check_document(name, report, [])["report"]
    out = []
    for cond in exp.get("must_not", []):
        out += [f"unwanted {f['rule']} {f['severity']} at {f['location']['address']}: {f['message'][:90]}"
                for f in findings if _matches(f, cond)][:1]
    for cond in exp.get("must", []):
        if not any(_matches(f, cond) for f in findings):
            out.append(f"missing {cond['rule']} at {cond.get('address_prefix', '')}*: {cond.get('description', '')}")
    doc = json.loads(report.model_dump_json())
    for address, want in (exp.get("cells") or {}).items():
        if address.startswith("report."):
            got = meta.get(address.split(".", 1)[1])
        else:
            found, got = _cell(doc, address)
            got = got if found else "nothing"
        if not _same(want, got):
            out.append(f"{address}: want {want!r}, read {got!r}")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--verbose", "-v", action="store_true", help="every reason of a failing case")
    args = ap.parse_args(argv)
    for title, folder in SETS.items():
        cases = expected(folder)
        failing = {n: r for n in sorted(cases) if (r := reasons_for(folder, n, cases[n]))}
        print(f"{title}: {len(cases) - len(failing)} of {len(cases)} passed")
        for n, reasons in failing.items():
            shown = reasons if args.verbose else reasons[:1]
            print(f"  FAIL {n}: " + "; ".join(shown))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
