"""The review states of a draft and who may move it between them.

起草中 (drafting) → 待审核 (review) → 已定稿 (final). Staff and editors submit; a supervisor
approves (the draft becomes read-only), returns it with a reason, or reopens a finalised draft with
a reason. While a draft waits for review its staff cannot change it; editors still may (they refine
the text a supervisor reads).
"""

from __future__ import annotations

from dataclasses import dataclass

from assistant.auth import ACTION_LABELS, PermissionDenied, User

__all__ = ["MOVES", "STATES", "STATE_LABELS", "WRITE_ACTIONS", "Move", "check_state", "moves_for"]

STATES = ("drafting", "review", "final")
STATE_LABELS = {"drafting": "起草中", "review": "待审核", "final": "已定稿"}
# actions that change a draft (the others only read it)
WRITE_ACTIONS = frozenset({"chat", "draft", "edit_cells", "edit_narrative", "lock", "import_previous"})


@dataclass(frozen=True, slots=True)
class Move:
    action: str
    source: str
    target: str
    roles: frozenset[str]
    needs_reason: bool
    label: str


MOVES: dict[str, Move] = {m.action: m for m in (
    Move("submit", "drafting", "review", frozenset({"staff", "editor"}), False, "提交审核"),
    Move("return", "review", "drafting", frozenset({"supervisor"}), True, "退回修改"),
    Move("approve", "review", "final", frozenset({"supervisor"}), False, "审核定稿"),
    Move("reopen", "final", "drafting", frozenset({"supervisor"}), True, "重新打开"),
)}


def moves_for(user: User, status: str) -> list[Move]:
    """The moves this user may make from ``status`` (what the page offers)."""
    return [m for m in MOVES.values() if m.source == status and user.role in m.roles]


def check_state(user: User, status: str, action: str) -> None:
    """``PermissionDenied`` (Chinese) when the draft's state forbids ``action`` to this user."""
    if action not in WRITE_ACTIONS:
        return
    what = ACTION_LABELS.get(action, "修改报告")
    if status == "final":
        raise PermissionDenied(f"报告已定稿，只能查看和导出，不能{what}；如需修改，请审核人员说明理由后重新打开。")
    if status == "review" and user.role != "editor":
        raise PermissionDenied(f"报告已提交审核，暂不能{what}；如需修改，请审核人员退回。")
