"""``report-assistant chat``: the dialogue on a terminal, one message per line.

A reply is printed only after its turn is committed, and ends with an empty line (replies have
no empty lines of their own), so a program can drive the dialogue through pipes. A multi-line
message (a pasted table) goes between two lines holding only three double quotes (\"\"\").
"""

from __future__ import annotations

import sys
from typing import Iterator, TextIO

from assistant.dialogue._service import DialogueService
from assistant.errors import ReportAssistantError
from assistant.storage import StorageError, Store

__all__ = ["run_chat"]

_BLOCK = '"""'
_QUIT = {"退出", "再见", "exit", "quit", "/q"}


def _emit(out: TextIO, text: str) -> None:
    for line in text.splitlines():
        if line.strip():
            out.write(line.rstrip() + "\n")
    out.write("\n")
    out.flush()


def _messages(stdin: TextIO, out: TextIO) -> Iterator[str]:
    interactive = stdin.isatty()
    while True:
        if interactive:
            out.write("> ")
            out.flush()
        line = stdin.readline()
        if not line:
            return
        line = line.rstrip("\r\n")
        if line.strip() != _BLOCK:
            yield line
            continue
        block: list[str] = []
        while True:
            more = stdin.readline()
            if not more or more.rstrip("\r\n").strip() == _BLOCK:
                break
            block.append(more.rstrip("\r\n"))
        yield "\n".join(block)


def run_chat(*, user: str, draft_id: int | None = None, previous: str | None = None,
             service: DialogueService | None = None, stdin: TextIO | None = None,
             stdout: TextIO | None = None) -> int:
    """The terminal dialogue. Exit status 0, or 2 when the draft or the database cannot be opened."""
    stdin, out = stdin or sys.stdin, stdout or sys.stdout
    try:
        if service is None:
            from assistant.config import Settings
            from assistant.llm import make_model

            settings = Settings()
            service = DialogueService(Store(settings.database_url), make_model(settings))
        if draft_id is None:
            draft = service.start(user)
            _emit(out, f"已新建报告草稿，编号 {draft.id}。下次继续请用：report-assistant chat --draft {draft.id}")
        else:
            draft = service.store.get_draft(draft_id)
        if previous:
            _emit(out, service.import_previous(draft.id, user, previous).text)
        _emit(out, service.opening(draft.id))
    except ReportAssistantError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    for message in _messages(stdin, out):
        if message.strip() in _QUIT:
            _emit(out, f"已保存。下次继续请用：report-assistant chat --draft {draft.id}")
            break
        if not message.strip():
            continue
        try:
            reply = service.handle(draft.id, user, message)
        except StorageError as exc:
            _emit(out, f"这条消息没能保存：{exc}请稍后重新发送。")
            continue
        _emit(out, reply.text)
    return 0
