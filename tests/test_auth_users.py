"""Users, roles and permissions: hashed passwords, the role matrix, who may open whose draft,
part locks and approvals, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from assistant.auth import (
    ROLES,
    AuthStore,
    PermissionDenied,
    User,
    UserError,
    allowed,
    can_open_draft,
    hash_password,
    require,
    require_draft,
    verify_password,
)


def test_passwords_are_salted_scrypt_hashes_and_verify():
    a, b = hash_password("正确的密码123"), hash_password("正确的密码123")
    assert a != b and a.startswith("scrypt$") and "正确的密码" not in a
    assert verify_password("正确的密码123", a) and verify_password("正确的密码123", b)
    assert not verify_password("正确的密码124", a)
    assert not verify_password("x", "not-a-hash") and not verify_password("x", "scrypt$1$2$3$!!$??")
    with pytest.raises(ValueError):
        hash_password("")


@pytest.mark.parametrize("role, granted, refused", [
    ("staff", {"view", "chat", "new_draft", "draft", "edit_cells"},
     {"edit_narrative", "lock", "approve", "export"}),
    ("editor", {"view", "draft", "edit_cells", "edit_narrative", "lock"}, {"chat", "approve", "export"}),
    ("supervisor", {"view", "approve", "export"}, {"chat", "draft", "edit_cells", "edit_narrative", "lock"}),
])
def test_each_role_may_do_what_the_issue_says_and_nothing_else(role, granted, refused):
    user = User("u", "某人", role)
    for action in granted:
        assert allowed(user, action) and require(user, action) is user
    for action in refused:
        assert not allowed(user, action)
        with pytest.raises(PermissionDenied, match="无权"):
            require(user, action)


def test_staff_open_only_their_own_drafts_and_inactive_users_nothing():
    staff, other = User("zhang", "张三", "staff"), User("li", "李四", "staff")
    editor, supervisor = User("ed", "", "editor"), User("sup", "", "supervisor")
    assert can_open_draft(staff, "zhang") and not can_open_draft(other, "zhang")
    assert can_open_draft(editor, "zhang") and can_open_draft(supervisor, "zhang")
    with pytest.raises(PermissionDenied, match="其他起草人员"):
        require_draft(other, "view", "zhang")
    gone = User("zhang", "张三", "staff", active=False)
    assert not can_open_draft(gone, "zhang") and not allowed(gone, "view")
    with pytest.raises(PermissionDenied, match="请先登录"):
        require(None, "view")


def test_users_are_stored_with_hashed_passwords_and_authenticated(db):
    store = db()
    auth = AuthStore(store.engine)
    auth.add_user("zhangsan", "password-1", "staff", "张三")
    auth.add_user("王五", "password-2", "supervisor")
    assert [(u.username, u.role, u.name) for u in auth.list_users()] == [
        ("zhangsan", "staff", "张三"), ("王五", "supervisor", "王五")]
    with store.engine.connect() as c:
        stored = dict(c.exec_driver_sql("SELECT username, password_hash FROM users").fetchall())
    assert all(h.startswith("scrypt$") and "password" not in h for h in stored.values())
    assert auth.authenticate("zhangsan", "password-1").role == "staff"
    assert auth.authenticate("zhangsan", "password-2") is None
    assert auth.authenticate("nobody", "password-1") is None
    auth.set_password("zhangsan", "new-password")
    assert auth.authenticate("zhangsan", "password-1") is None and auth.authenticate("zhangsan", "new-password")
    auth.set_active("zhangsan", False)
    assert auth.authenticate("zhangsan", "new-password") is None and not auth.get_user("zhangsan").active


@pytest.mark.parametrize("username, password, role, message", [
    ("zhangsan", "password-9", "staff", "已存在"),
    ("new", "short", "staff", "至少"),
    ("new", "password-9", "admin", "角色"),
    ("bad name", "password-9", "staff", "用户名"),
])
def test_bad_users_are_refused_in_chinese(db, username, password, role, message):
    auth = AuthStore(db().engine)
    auth.add_user("zhangsan", "password-1", "staff")
    with pytest.raises(UserError, match=message):
        auth.add_user(username, password, role)
    assert set(ROLES) == {"staff", "editor", "supervisor"}


def test_locks_and_approvals_are_kept_per_draft(db):
    store = db()
    auth = AuthStore(store.engine)
    a, b = store.create_draft("zhangsan").id, store.create_draft("zhangsan").id
    auth.lock_part(a, "p5", "李四")
    auth.lock_part(a, "p5", "别人")  # already locked: the first lock stands
    assert {p: lock.locked_by for p, lock in auth.locks(a).items()} == {"p5": "李四"} and auth.locks(b) == {}
    assert auth.unlock_part(a, "p5") and not auth.unlock_part(a, "p5") and auth.locks(a) == {}
    assert auth.latest_approval(a) is None
    auth.approve(a, 3, "王五", ["D3@p5"])
    auth.approve(a, 5, "王五", [])
    latest = auth.latest_approval(a)
    assert (latest.revision, latest.approved_by, latest.warnings) == (5, "王五", ())
    assert auth.latest_approval(b) is None
