"""The dialogue service in a subprocess (``report-assistant chat``), killed with SIGKILL in the
middle of a dialogue: after a restart every turn whose reply was printed is in the database with
its facts, and a turn caught in flight is either wholly there (words, facts, reply) or not at all.
"""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from assistant.storage import Store
from tests.dialogue_support import SAMPLE_DIALOGUE, offline_service, sample_facts

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")


class Chat:
    """``python -m assistant.cli chat`` driven through pipes: a reply ends with an empty line."""

    def __init__(self, cwd: Path, url: str, *args: str):
        env = {k: v for k, v in os.environ.items() if not k.startswith("REPORT_")}  # offline, no .env
        env.update(REPORT_DATABASE_URL=url, PYTHONPATH=str(ROOT), PYTHONUNBUFFERED="1")
        self.proc = subprocess.Popen([sys.executable, "-m", "assistant.cli", "chat", "--user", "张三", *args],
                                     cwd=cwd, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, text=True, encoding="utf-8")
        self.lines: queue.Queue[str | None] = queue.Queue()
        threading.Thread(target=self._pump, daemon=True).start()

    def _pump(self) -> None:
        for line in self.proc.stdout:
            self.lines.put(line.rstrip("\n"))
        self.lines.put(None)

    def reply(self, timeout: float = 60) -> str:
        out = []
        while True:
            line = self.lines.get(timeout=timeout)
            if line is None:
                raise AssertionError("对话进程意外退出：" + "\n".join(out) + self.proc.stderr.read())
            if line == "":
                return "\n".join(out)
            out.append(line)

    def send(self, message: str) -> None:
        if "\n" in message:
            message = f'"""\n{message}\n"""'
        self.proc.stdin.write(message + "\n")
        self.proc.stdin.flush()

    def ask(self, message: str) -> str:
        self.send(message)
        return self.reply()

    def kill(self) -> None:
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(timeout=30)
        assert self.proc.returncode == -signal.SIGKILL


def test_sigkill_in_the_middle_of_a_dialogue_loses_no_committed_turn(tmp_path, database_url):
    chat = Chat(tmp_path, database_url)
    created = chat.reply()
    assert created.startswith("已新建报告草稿，编号 ")
    draft_id = int(created.split("编号 ")[1].split("。")[0])
    assert "机关名称（全称）是什么？" in chat.reply()

    printed = [(m, chat.ask(m)) for m in SAMPLE_DIALOGUE[:3]]
    assert all("已记录：" in r for _, r in printed)
    chat.kill()  # idle: every printed reply is committed

    store = Store(database_url)
    turns = store.turns(draft_id)
    assert [(t.role, t.text) for t in turns] == [
        x for m, r in printed for x in (("user", m), ("assistant", r))]
    facts = store.facts(draft_id)
    assert facts["website_items"].value == 148 and facts["website_items"].turn_text == "不对，网站是148条"
    assert sum(1 for f in facts if f.startswith("t")) == 200
    store.close()

    # restart, go on, and kill while a turn is being processed
    chat = Chat(tmp_path, database_url, "--draft", str(draft_id))
    resumed = chat.reply()
    assert resumed.startswith("继续编写烟台市机关事务管理局2023年度报告") and "存在的主要问题" in resumed
    printed.append((SAMPLE_DIALOGUE[3], chat.ask(SAMPLE_DIALOGUE[3])))
    in_flight = SAMPLE_DIALOGUE[4]
    chat.send(in_flight)
    chat.kill()

    store = Store(database_url)
    turns = store.turns(draft_id)
    committed = [x for m, r in printed for x in (("user", m), ("assistant", r))]
    assert [(t.role, t.text) for t in turns[:len(committed)]] == committed
    rest = [(t.role, t.text) for t in turns[len(committed):]]
    facts = store.facts(draft_id)
    assert facts["oversight"].value == sample_facts().oversight
    if rest:  # the turn in flight got committed: then wholly, with its facts and its reply
        assert [r for r, _ in rest] == ["user", "assistant"] and rest[0][1] == in_flight
        assert facts["problems"].value == sample_facts().problems
    else:
        assert "problems" not in facts
    store.close()

    # a third start finishes the dialogue; nothing was lost on the way
    chat = Chat(tmp_path, database_url, "--draft", str(draft_id))
    chat.reply()
    for m in SAMPLE_DIALOGUE[4:-1]:
        chat.ask(m)
    assert "必填内容已经全部齐全" in chat.ask("还缺什么")
    assert chat.ask("退出").startswith("已保存")
    assert chat.proc.wait(timeout=30) == 0

    store = Store(database_url)
    service = offline_service(store)
    assert service.facts(draft_id).model_dump(exclude={"quotes"}) == sample_facts().model_dump(exclude={"quotes"})
    store.close()
