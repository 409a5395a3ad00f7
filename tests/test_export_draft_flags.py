"""Issue 4: nothing flagged by grounded drafting is exported without acknowledgment.

A draft with an invented number survives its repair round through the real ChatOpenAI path (the
fake server), is flagged G1, and the export gate refuses it until that flag is acknowledged.
"""

from __future__ import annotations

import datetime as dt

import pytest
from fakellm import fake_llm, reply_text  # noqa: F401  (fixture)

from assistant.config import Settings
from assistant.drafting import Drafts, draft_part
from assistant.export import Acknowledgement, ExportRefused, acknowledge_all, export_report, warning_key
from assistant.models import make_model
from schemas.facts import Facts


@pytest.fixture
def flagged(fake_llm, tmp_path, sample_gold):
    bad = "2023年，本机关主动公开政务信息150条。"
    fake_llm.push(reply_text(bad), reply_text(bad))  # the repair round repeats the invented number
    settings = Settings(_env_file=None, llm_base_url=fake_llm.base_url, llm_api_key="k", llm_model="m",
                        llm_profile="openai", llm_timeout_s=2.0, llm_max_retries=0,
                        database_url=f"sqlite:///{tmp_path / 'calls.sqlite3'}")
    part = draft_part("p1.active", Facts(report_year=2023, website_items=148), make_model(settings))
    assert [f.rule for f in part.flags] == ["G1"]
    report = sample_gold
    report.part1.active = part.text
    return report, Drafts(parts={"p1.active": part})


def test_flagged_draft_is_refused_until_acknowledged(flagged, tmp_path):
    report, drafts = flagged
    out = tmp_path / "r.docx"
    with pytest.raises(ExportRefused) as refused:
        export_report(report, "docx", out, extra_findings=drafts.findings())
    assert "G1" in str(refused.value) and "150条" in str(refused.value)
    assert not out.exists()
    key = warning_key(drafts.findings()[0])
    ack = Acknowledgement(who="李审核", at=dt.datetime.now().astimezone(), warnings=[key])
    result = export_report(report, "docx", out, acknowledgement=ack, extra_findings=drafts.findings())
    assert out.exists() and key in result.decision.acknowledged_keys


def test_acknowledge_all_covers_drafting_flags(flagged, tmp_path):
    report, drafts = flagged
    ack = acknowledge_all(report, "李审核", extra_findings=drafts.findings())
    export_report(report, "md", tmp_path / "r.md", acknowledgement=ack, extra_findings=drafts.findings())
