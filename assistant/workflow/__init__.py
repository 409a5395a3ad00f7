"""Review workflow: states 起草中 → 待审核 → 已定稿 moved by role, the change record of a draft, and
readable differences between narrative versions (UI-free)."""

from assistant.workflow._diff import Segment, text_diff
from assistant.workflow._states import MOVES, STATE_LABELS, STATES, WRITE_ACTIONS, Move, check_state, moves_for
from assistant.workflow._store import ChangeRecord, Transition, WorkflowError, WorkflowStore

__all__ = [
    "MOVES", "STATES", "STATE_LABELS", "WRITE_ACTIONS", "ChangeRecord", "Move", "Segment", "Transition",
    "WorkflowError", "WorkflowStore", "check_state", "moves_for", "text_diff",
]
