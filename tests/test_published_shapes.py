"""Published reports as they really are: the cases of ``tests/fixtures/published_shapes`` (issue 17).

Each case is a short invented report reproducing one shape that real published reports take; its
``expected.json`` entry says what must and must not be reported and which cells the importer must read.
``eval.published.reasons_for`` judges a case in-process as the folder's own runner (``check_cases.py``,
which drives the installed executable) does: the same loader as ``report-assistant check``, the same
``check --json`` document, the same matching rules. ``python3 tests/fixtures/published_shapes/check_cases.py
.venv/bin/report-assistant`` runs the original; ``python -m eval.published`` reports the held-out set apart.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from eval.published import expected, reasons_for

HERE = Path(__file__).parent / "fixtures" / "published_shapes"
EXPECTED = expected(HERE)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_published_shape(name: str) -> None:
    reasons = reasons_for(HERE, name, EXPECTED[name])
    assert not reasons, f"{name} ({EXPECTED[name]['what']}):\n" + "\n".join(reasons)


def test_every_case_file_is_listed() -> None:
    assert {p.name for p in HERE.glob("*.txt")} == set(EXPECTED)
