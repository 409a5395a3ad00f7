"""``serve`` and ``user add|list``: users are created from the command line with a password typed
or piped, and the server binds to the loopback address unless told otherwise."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

from assistant.auth import AuthStore
from assistant.storage import Store
from ui.cli_commands import add_commands

ROOT = Path(__file__).resolve().parent.parent


def _run(args: list[str], db_url: str, stdin: str = "") -> subprocess.CompletedProcess:
    env = dict(os.environ, REPORT_DATABASE_URL=db_url, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "assistant.cli", *args], input=stdin, capture_output=True, text=True,
                          env=env, timeout=120)


def test_users_are_added_and_listed_from_the_command_line(tmp_path):
    url = f"sqlite:///{tmp_path / 'cli.sqlite3'}"
    r = _run(["user", "add", "zhangsan", "--role", "staff", "--name", "张三", "--password-stdin"], url,
             "very-secret-1\n")
    assert r.returncode == 0, r.stderr
    assert "已创建用户 zhangsan（起草人员）" in r.stdout
    assert _run(["user", "add", "wangwu", "--role", "supervisor", "--password-stdin"], url,
                "very-secret-2\n").returncode == 0
    listed = _run(["user", "list"], url)
    assert listed.returncode == 0
    assert "zhangsan\tstaff\t起草人员\t张三" in listed.stdout and "wangwu\tsupervisor\t审核人员" in listed.stdout
    assert "very-secret" not in listed.stdout

    store = Store(url)
    try:
        auth = AuthStore(store.engine)
        assert auth.authenticate("zhangsan", "very-secret-1").name == "张三"
        assert auth.authenticate("zhangsan", "very-secret-2") is None
    finally:
        store.close()


def test_bad_users_are_refused_with_a_message(tmp_path):
    url = f"sqlite:///{tmp_path / 'cli.sqlite3'}"
    assert _run(["user", "add", "zhangsan", "--role", "staff", "--password-stdin"], url, "secret-123\n").returncode == 0
    again = _run(["user", "add", "zhangsan", "--role", "staff", "--password-stdin"], url, "secret-123\n")
    assert again.returncode == 1 and "已存在" in again.stderr and "Traceback" not in again.stderr
    short = _run(["user", "add", "lisi", "--role", "editor", "--password-stdin"], url, "abc\n")
    assert short.returncode == 1 and "至少" in short.stderr
    role = _run(["user", "add", "lisi", "--role", "admin", "--password-stdin"], url, "secret-123\n")
    assert role.returncode == 2 and "admin" in role.stderr  # argparse: not one of the three roles


def test_serve_binds_loopback_by_default():
    p = argparse.ArgumentParser()
    add_commands(p.add_subparsers(dest="command"))
    args = p.parse_args(["serve"])
    assert (args.host, args.port) == (None, None)  # then REPORT_HOST / REPORT_PORT, else:
    from assistant.config import Settings

    settings = Settings(_env_file=None)
    assert (settings.host, settings.port) == ("127.0.0.1", 7860)
    args = p.parse_args(["serve", "--host", "0.0.0.0", "--port", "8000"])
    assert (args.host, args.port) == ("0.0.0.0", 8000)


def test_serve_keeps_gradios_copies_in_the_data_directory(tmp_path):
    # Gradio picks its folder for served files (the export downloads) when it is imported: `serve`
    # points it into the data directory first (a trial found copies of the exports in /tmp/gradio)
    script = (
        "import sys, types\n"
        "fake = types.ModuleType('ui.app'); fake.launch = lambda *a, **k: None; sys.modules['ui.app'] = fake\n"
        "from ui.cli_commands import main\n"
        "assert main(['serve', '--port', '7999']) == 0\n"
        "from gradio import route_utils\n"
        "print(route_utils.DEFAULT_TEMP_DIR)\n")
    env = {k: v for k, v in os.environ.items() if k != "GRADIO_TEMP_DIR"} | {"REPORT_DATA_DIR": str(tmp_path / "data")}
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().splitlines()[-1].startswith(str(tmp_path / "data"))
