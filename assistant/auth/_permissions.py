"""Roles and what each may do. Every server-side handler asks ``require`` with the user it got from
the login session, never with a role the client sent."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

from assistant.errors import ReportAssistantError

__all__ = [
    "ACTION_LABELS", "ROLES", "ROLE_LABELS", "ROLE_WITHOUT_CHAT", "Action", "PermissionDenied", "Role", "User", "allowed",
    "can_open_draft", "require", "require_draft",
]

Role = Literal["staff", "editor", "supervisor"]
ROLES: tuple[str, ...] = get_args(Role)
ROLE_LABELS: dict[str, str] = {"staff": "起草人员", "editor": "编辑", "supervisor": "审核人员"}

Action = Literal[
    "view",  # read a draft: chat history, preview, tables, findings, history, provenance
    "chat",  # talk to the assistant (facts go in through the dialogue)
    "new_draft",  # start a report
    "draft",  # draft the narrative parts from the facts
    "edit_cells",  # change a table cell by hand
    "edit_narrative",  # rewrite a narrative part by hand or regenerate it with an instruction
    "lock",  # lock or unlock a narrative part
    "import_previous",  # give last year's report (prefill and cross-year checks)
    "submit",  # send the draft for review (起草中 → 待审核)
    "return",  # send it back with a reason (待审核 → 起草中)
    "approve",  # approve the draft as it is, accepting its warnings (待审核 → 已定稿)
    "reopen",  # reopen a finalised draft with a reason (已定稿 → 起草中)
    "llm_log",  # read the model calls, tokens and time of a draft
    "export",  # download DOCX, PDF, JSON through the export gate
    "manage_users",  # add staff and editors, reset passwords, deactivate and reactivate users
]
ACTION_LABELS: dict[str, str] = {
    "view": "查看报告", "chat": "通过对话填写报告", "new_draft": "新建报告", "draft": "起草正文",
    "edit_cells": "修改数据表", "edit_narrative": "修改或重写正文", "lock": "锁定或解锁正文",
    "import_previous": "导入上年报告", "submit": "提交审核", "return": "退回报告",
    "approve": "审核报告", "reopen": "重新打开已定稿的报告", "llm_log": "查看模型调用记录", "export": "导出报告",
    "manage_users": "管理用户",
}

# said where the chat would be to a role that may not talk to the assistant: a supervisor, the first
# account made, otherwise finds a page with no message box and no 新建报告, and no word why
ROLE_WITHOUT_CHAT: dict[str, str] = {
    "supervisor": "审核人员负责审核、退回和导出；起草报告请用起草人员账号登录（可在“用户管理”中添加起草人员）。",
    "editor": "编辑负责在“正文编辑”中修改、锁定和重写正文；通过对话填写情况、新建报告请用起草人员账号登录。",
}

_GRANTS: dict[str, frozenset[str]] = {
    "staff": frozenset({"view", "chat", "new_draft", "draft", "edit_cells", "import_previous", "submit"}),
    "editor": frozenset({"view", "draft", "edit_cells", "edit_narrative", "lock", "import_previous", "submit"}),
    "supervisor": frozenset({"view", "approve", "export", "return", "reopen", "llm_log", "manage_users"}),
}


@dataclass(frozen=True, slots=True)
class User:
    username: str
    display_name: str
    role: Role
    active: bool = True

    @property
    def name(self) -> str:
        """How the user is named in records and on screen."""
        return self.display_name or self.username

    @property
    def role_label(self) -> str:
        return ROLE_LABELS[self.role]


class PermissionDenied(ReportAssistantError):
    """The user's role does not allow the action (message in Chinese)."""


def allowed(user: User | None, action: str) -> bool:
    return user is not None and user.active and action in _GRANTS.get(user.role, frozenset())


def require(user: User | None, action: Action) -> User:
    """``user`` when the role allows ``action``; ``PermissionDenied`` otherwise."""
    if user is None or not user.active:
        raise PermissionDenied("请先登录。")
    if not allowed(user, action):
        raise PermissionDenied(f"{user.role_label}无权{ACTION_LABELS.get(action, action)}。{_NEXT_STEP.get(action, '')}")
    return user


# what to do instead, for the actions a clerk reaches for and may not take
_NEXT_STEP: dict[str, str] = {
    "export": "报告由审核人员审核定稿后导出：还没提交的请先提交审核（网页“提交审核”，或命令 report-assistant draft submit 编号）；"
              "已提交的请审核人员审核定稿并导出（命令 report-assistant draft approve 编号 --user 审核人员，再 draft export）。",
    "approve": "审核由审核人员进行：请先提交审核，再请审核人员审核定稿。",
    "return": "退回由审核人员进行。",
    "reopen": "重新打开由审核人员进行。",
}


def can_open_draft(user: User | None, owner: str) -> bool:
    """Staff see their own drafts; editors and supervisors see every draft."""
    if user is None or not user.active:
        return False
    return user.role != "staff" or owner == user.username


def require_draft(user: User | None, action: Action, owner: str) -> User:
    """``require`` plus: the draft (owned by ``owner``) is one the user may open."""
    user = require(user, action)
    if not can_open_draft(user, owner):
        raise PermissionDenied("这份报告属于其他起草人员，您无权查看或修改。")
    return user
