import json

import pytest
from pydantic import ValidationError

from schemas import Blank, Report, Row3
from schemas import labels as L
from schemas.layout import (
    ALL_CELL_ADDRESSES,
    T3_ROWS,
    cell_label,
    get_cell,
    iter_cells,
    iter_narrative,
    set_cell,
)


def test_every_cell_has_a_unique_address():
    assert len(ALL_CELL_ADDRESSES) == 200 == len(set(ALL_CELL_ADDRESSES))
    assert sum(a.startswith("t3.") for a in ALL_CELL_ADDRESSES) == 175
    assert sum(a.startswith("t4.") for a in ALL_CELL_ADDRESSES) == 15
    assert sum(a.startswith("t2.") for a in ALL_CELL_ADDRESSES) == 10


def test_table3_rows_follow_the_official_order_and_labels():
    assert len(T3_ROWS) == 25
    assert T3_ROWS[0].label == L.T3_ROW_LABELS["new_received"]
    assert T3_ROWS[-1].label == L.T3_ROW_LABELS["carried_forward"]
    assert [r.label for r in T3_ROWS if r.group == "withheld"] == list(L.T3_GROUP_ROWS["withheld"].values())
    assert Report.model_fields["table3"].annotation.model_fields["granted"].title == L.T3_ROW_LABELS["granted"]


def test_get_and_set_by_address():
    r = Report()
    for i, address in enumerate(ALL_CELL_ADDRESSES):
        set_cell(r, address, i)
    assert [v for _, v in iter_cells(r)] == list(range(200))
    assert r.table3.withheld.state_secret.commercial == get_cell(r, "t3.withheld.state_secret.commercial")
    with pytest.raises(KeyError):
        get_cell(r, "t3.nonexistent.natural")


def test_blank_stays_blank_and_is_not_zero():
    row = Row3(natural="/", commercial="", research=0)
    assert row.natural == Blank(blank="/") and row.commercial == Blank(blank="") and row.research == 0
    assert Report().table3.granted.natural != 0  # a new report is unfilled, not zero
    with pytest.raises(ValidationError):
        Row3(natural="十二")  # text that is not a blank marker is not silently accepted
    with pytest.raises(ValidationError):
        Row3(natural=True)


def test_json_round_trip_keeps_blanks(sample_gold):
    r = sample_gold.copy_deep()
    set_cell(r, "t3.granted.natural", Blank(blank="—"))
    again = Report.model_validate(json.loads(r.model_dump_json()))
    assert again == r and again.table3.granted.natural == Blank(blank="—")


def test_labels_for_messages():
    assert cell_label("t3.withheld.state_secret.commercial") == "表三「（三）不予公开1.属于国家秘密」行「商业企业」列"
    assert cell_label("t4.review.total") == "表四「行政复议·总计」"
    assert cell_label("t2.fees.amount") == "表二「行政事业性收费·本年收费金额（单位：万元）」"


def test_narrative_addresses(sample_gold):
    addresses = [a for a, _ in iter_narrative(sample_gold)]
    assert addresses[:8] == ["meta.title", "preamble", "p1.active", "p1.on_request", "p1.management",
                             "p1.platform", "p1.oversight", "p5"]
    assert addresses[8:] == [f"p6.{i}" for i in range(7)]
