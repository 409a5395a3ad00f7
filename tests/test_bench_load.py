"""The load benchmark (eval/bench_load.py) cannot rot: a small run through the real app and its API,
the dialogue read by the offline engine as the benchmark expects, and the database check catching a
lost, a misattributed and a duplicated turn."""

from __future__ import annotations

import os

import pytest

from assistant.storage import FactChange, Store
from eval.bench_load import UserRun, agency_name, dialogue, expected_facts, run_load, verify
from eval.harness import find_nginx
from tests.dialogue_support import offline_service
from tests.test_cluster import pg_url  # noqa: F401  (the fixture: a schema of its own on the test PostgreSQL)

pytestmark = pytest.mark.timeout(300)


def test_a_small_concurrent_run_loses_and_mixes_up_nothing(tmp_path):
    r = run_load(users=3, turns=3, workdir=tmp_path)
    assert (r.turns, r.turns_ok, r.errors) == (9, 9, 0), r.error_samples
    assert (r.lost, r.misattributed, r.duplicated, r.out_of_order, r.foreign, r.unanswered) == (0, 0, 0, 0, 0, 0)
    assert r.facts_wrong == 0 and r.wrong_view == 0, r.details
    assert r.ok and 0 < r.p50_s <= r.p95_s <= r.max_s and r.throughput_per_s > 0 and r.concurrency >= 1


def test_two_processes_behind_nginx_on_postgresql_lose_and_mix_up_nothing(pg_url, tmp_path):
    """``--processes 2``: the users talk to nginx in front of two app processes; figures per process."""
    if find_nginx() is None:
        if os.environ.get("CI"):
            pytest.fail("CI 中必须有 nginx（见 .ci/run）")
        pytest.skip("没有 nginx（Debian 软件包 nginx-light）")
    r = run_load(users=4, turns=2, database_url=pg_url, workdir=tmp_path, processes=2)
    assert r.ok and (r.turns_ok, r.lost, r.errors) == (8, 0, 0), (r.error_samples, r.details)
    assert r.processes == 2 and r.proxy and sum(r.users_per_process) == 4 and len(r.users_per_process) == 2
    assert len(r.rss_mb) == 2 and all(m > 0 for m in r.rss_mb) and r.server_cpu_s and r.proxy_cpu_s is not None


def test_every_message_belongs_to_one_user_and_round():
    messages = [s.message for k in range(1, 31) for s in dialogue(k, 25, 30)]
    assert len(messages) == len(set(messages)) == 750
    assert [agency_name(k) for k in (1, 10, 11, 21, 30, 105)] == [
        "示例第一局", "示例第十局", "示例第十一局", "示例第二十一局", "示例第三十局", "示例第一百零五局"]


def test_the_offline_engine_reads_every_turn_as_the_benchmark_expects(db):
    """Two rounds in-process (a repeated round overwrites with new numbers): the check finds nothing."""
    store = db()
    service = offline_service(store)
    runs = []
    for k in (1, 2):
        run = UserRun(f"u{k}", dialogue(k, 20, 2), draft_id=service.start(f"u{k}").id)
        for step in run.steps:
            reply = service.handle(run.draft_id, run.username, step.message)
            assert not reply.refused, (step.message, reply.text)
            run.sent.append(step.message)
        runs.append(run)
    v = verify(store, runs)
    assert v.failures == 0, v.details
    assert store.facts(runs[1].draft_id)["website_items"].value == expected_facts(runs[1].steps)["website_items"]


def test_the_check_finds_lost_misattributed_and_duplicated_turns(tmp_path):
    store = Store(f"sqlite:///{tmp_path / 'check.sqlite3'}")
    a = UserRun("a", dialogue(1, 2, 2), draft_id=store.create_draft("a").id)
    b = UserRun("b", dialogue(2, 2, 2), draft_id=store.create_draft("b").id)
    a.sent = [s.message for s in a.steps]
    b.sent = [s.message for s in b.steps]
    facts = [FactChange(f, v) for f, v in expected_facts(a.steps).items()]
    store.record_turn(a.draft_id, a.sent[0], author="a", changes=facts, reply="好的")
    store.record_turn(b.draft_id, a.sent[1], author="a", reply="好的")  # a's turn in b's draft
    for _ in range(2):  # b's first turn stored twice; b's second never
        store.record_turn(b.draft_id, b.sent[0], author="b", reply="好的")
    store.record_turn(a.draft_id, "不知是谁说的话", author="a")  # no reply either
    v = verify(store, [a, b])
    assert (v.lost, v.misattributed, v.duplicated, v.foreign, v.unanswered) == (2, 1, 1, 1, 1)
    assert v.facts_wrong == len(expected_facts(b.steps)) and v.out_of_order == 0
    store.close()
