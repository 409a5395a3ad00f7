"""``report-assistant chat``: the dialogue on a terminal, one message per line.

Every message goes through the application service, so the terminal obeys the same rules as the web
app (role, owner, review state, part locks). A reply is printed only after its turn is committed,
and ends with an empty line (replies have no empty lines of their own), so a program can drive the
dialogue through pipes. A multi-line message (a pasted table) goes between two lines holding only
three double quotes (\"\"\").
"""

from __future__ import annotations

import re
import select
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TextIO

from assistant.app import AppService
from assistant.dialogue import parse_intent
from assistant.errors import ReportAssistantError
from assistant.reading import is_table_line
from assistant.storage import StorageError

__all__ = ["run_chat"]

_BLOCK = '"""'
# a numbered line of a list ("1.一个村民要…", "（2）一家公司…")
_LISTED = re.compile(r"^[ \t\u3000]*(?:[（(]?[0-9０-９]{1,2}[)）、.．]|[（(][一二三四五六七八九十]{1,2}[)）])")
_QUIT = {"退出", "再见", "exit", "quit", "/q"}


def _emit(out: TextIO, text: str) -> None:
    for line in text.splitlines():
        if line.strip():
            out.write(line.rstrip() + "\n")
    out.write("\n")
    out.flush()


def _more_now(stdin: TextIO) -> bool:
    """Is another line there already (the rest of a paste)? A pipe or a file: yes, until its end."""
    if not stdin.isatty():
        return True
    try:
        return bool(select.select([stdin], [], [], 0.05)[0])
    except (OSError, ValueError):
        return False


def _messages(stdin: TextIO, out: TextIO) -> Iterator[str]:
    """One message per line; lines between two \"\"\" lines are one message; on a terminal, lines that
    arrive together (a paste) are one message; and table rows, or a list's numbered lines after its
    header, that come one after another are one message too."""
    interactive = stdin.isatty()
    held: str | None = None
    while True:
        if interactive and held is None:
            out.write("> ")
            out.flush()
        line = held if held is not None else stdin.readline()
        held = None
        if not line:
            return
        line = line.rstrip("\r\n")
        if line.strip() == _BLOCK:
            block: list[str] = []
            while True:
                more = stdin.readline()
                if not more or more.rstrip("\r\n").strip() == _BLOCK:
                    break
                block.append(more.rstrip("\r\n"))
            yield "\n".join(block)
            continue
        if interactive and _more_now(stdin):
            # lines that arrive together on a terminal were pasted together: one message
            pasted = [line]
            while _more_now(stdin):
                more = stdin.readline()
                if not more:
                    break
                pasted.append(more.rstrip("\r\n"))
            yield "\n".join(pasted)
            continue
        if line.rstrip().endswith(("：", ":")) or _LISTED.match(line):
            # "依申请今年3件：" then "1.一个村民要…" a line each (through a pipe too): one message
            message, held = _run_of(line, stdin, lambda x: bool(_LISTED.match(x)))
            yield message
            continue
        if is_table_line(line):
            message, held = _run_of(line, stdin, is_table_line)
            yield message
            continue
        yield line


def _run_of(first: str, stdin: TextIO, belongs: Callable[[str], bool]) -> tuple[str, str | None]:
    """``first`` and the lines right after it that ``belongs`` takes, as one message; and the line
    that ended the run (to be read next), if any."""
    lines = [first]
    while _more_now(stdin):
        more = stdin.readline()
        if not more:
            break
        if not belongs(more.rstrip("\r\n")):
            return "\n".join(lines), more
        lines.append(more.rstrip("\r\n"))
    return "\n".join(lines), None


def run_chat(app: AppService, *, user: str, draft_id: int | None = None, previous: str | None = None,
             stdin: TextIO | None = None, stdout: TextIO | None = None) -> int:
    """The terminal dialogue. Exit status 0, or 2 when the draft cannot be opened by this user."""
    stdin, out = stdin or sys.stdin, stdout or sys.stdout
    try:
        if draft_id is None:
            draft = app.new_draft(user)
            _emit(out, f"已新建报告草稿，编号 {draft.id}。下次继续请用：report-assistant chat --draft {draft.id}")
        else:
            draft = app.open_draft(user, draft_id)
        if previous:
            _emit(out, app.import_previous(user, draft.id, previous).text)
        _emit(out, app.opening(user, draft.id) + "\n（输入“退出”结束；每条消息发出即已保存。）")
    except ReportAssistantError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    for message in _messages(stdin, out):
        if message.strip() in _QUIT:
            break
        if not message.strip():
            continue
        try:
            intent = parse_intent(message)
            if intent.kind == "import":  # a file on this machine: the user's own, read as an upload
                reply = app.import_previous(user, draft.id, Path(intent.text))
            else:
                reply = app.send(user, draft.id, message)
        except StorageError as exc:
            _emit(out, f"这条消息没能保存：{exc}请稍后重新发送。")
            continue
        except ReportAssistantError as exc:  # refused: the role, the review state, a lock, bad input
            _emit(out, str(exc))
            continue
        _emit(out, reply.text)
    # "退出", or the end of the input (Ctrl-D): either way, say that nothing is lost
    _emit(out, f"已保存。下次继续请用：report-assistant chat --draft {draft.id}")
    return 0
