"""Users, roles and permissions (UI-free).

Three roles: 起草人员 (``staff``: chat and draft), 编辑 (``editor``: edit, regenerate and lock the
narrative), 审核人员 (``supervisor``: approve and export). Passwords are stored as scrypt hashes.
``require(user, action)`` is what every server-side handler calls with the user of the login
session. Part locks and approvals are stored here too: they decide who may change or export what;
so are login sessions (``SessionStore``: hashed tokens, shared by every server process).
"""

from assistant.auth._passwords import hash_password, verify_password
from assistant.auth._permissions import (
    ACTION_LABELS,
    ROLE_LABELS,
    ROLE_WITHOUT_CHAT,
    ROLES,
    Action,
    PermissionDenied,
    Role,
    User,
    allowed,
    can_open_draft,
    require,
    require_draft,
)
from assistant.auth._sessions import SessionStore
from assistant.auth._store import (
    MIN_PASSWORD,
    AccountDisabled,
    Approval,
    AuthStore,
    LoginLimits,
    LoginThrottled,
    PartLock,
    UserError,
)

__all__ = [
    "ACTION_LABELS", "MIN_PASSWORD", "ROLES", "ROLE_LABELS", "ROLE_WITHOUT_CHAT", "AccountDisabled", "Action", "Approval", "AuthStore",
    "LoginLimits", "LoginThrottled", "PartLock",
    "PermissionDenied", "Role", "SessionStore", "User", "UserError", "allowed", "can_open_draft", "hash_password", "require",
    "require_draft", "verify_password",
]
