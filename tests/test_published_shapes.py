"""Published reports as they really are: the cases of ``tests/fixtures/published_shapes`` (issue 17).

Each case is a short invented report reproducing one shape that real published reports take; its
``expected.json`` entry says what must and must not be reported and which cells the importer must read.
This is the in-process equivalent of the folder's own runner (``check_cases.py``, which drives the
installed executable): the same loader as ``report-assistant check``, the same ``check --json`` document,
the same matching rules. ``python3 tests/fixtures/published_shapes/check_cases.py .venv/bin/report-assistant``
runs the original.
"""

from __future__ import annotations

import json
from decimal import Decimal, InvalidOperation
from pathlib import Path

import pytest

from assistant.cli import _load, check_document
from assistant.errors import ReportReadError
from assistant.validation import RULES, validate

HERE = Path(__file__).parent / "fixtures" / "published_shapes"
EXPECTED: dict[str, dict] = json.loads((HERE / "expected.json").read_text(encoding="utf-8"))
_TABLES = {"t2": "table2", "t3": "table3", "t4": "table4"}

# Cases not yet met by this build. Strict: a case that starts to pass must leave this list.
KNOWN_FAILING: set[str] = {
    "miss-e2-subrow-as-category.txt",
    "miss-e3-percent-base-in-previous-sentence.txt",
    "miss-f4-table2-column-label.txt",
    "miss-f4-table2-row-label.txt",
    "miss-f4-title-without-agency.txt",
    "miss-f5-published-before-year-end.txt",
    "miss-f6-petitions-counted-as-applications.txt",
    "miss-new-on-request-without-counts.txt",
    "miss-new-same-quantity-two-values.txt",
    "miss-wrong-year-in-carryover.txt",
}


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


def reasons_for(name: str, exp: dict) -> list[str]:
    """Why the case fails (empty when it passes), in the words of check_cases.py."""
    unknown = {c["rule"] for c in exp.get("must", []) + exp.get("must_not", [])} - set(RULES)
    if unknown:
        return [f"expected.json names rules this build does not have: {sorted(unknown)}"]
    report = _load(str(HERE / name))  # raises ReportReadError (exit 2) when unreadable
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


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_published_shape(name: str) -> None:
    try:
        reasons = reasons_for(name, EXPECTED[name])
    except ReportReadError as exc:
        reasons = [f"not read: {exc}"]
    if name in KNOWN_FAILING:  # strict: a case that starts to pass must leave the list
        assert reasons, f"{name} passes now: take it off KNOWN_FAILING"
        return
    assert not reasons, f"{name} ({EXPECTED[name]['what']}):\n" + "\n".join(reasons)


def test_every_case_file_is_listed() -> None:
    files = {p.name for p in HERE.glob("*.txt")}
    assert files == set(EXPECTED)
