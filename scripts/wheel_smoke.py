"""Build the wheel, install it into a fresh virtual environment outside the repository, and use it
there as a user would: ``check`` the sample report, a short offline chat to a drafted report, and
``serve`` answering on loopback. Run by ``.ci/run``; ``python3 scripts/wheel_smoke.py``.

Every command runs in an empty directory with ``REPORT_DATA_DIR`` in the temporary tree and the
checkout off ``sys.path``, so nothing can come from the repository by accident.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "tests" / "fixtures" / "yantai-jgswj-2023.txt"
DIALOGUE = ROOT / "tests" / "fixtures" / "yantai-conversation.json"


def step(text: str) -> None:
    print(f"[wheel-smoke] {text}", flush=True)


def run(cmd: list[str], *, cwd: Path, env: dict[str, str], stdin: str | None = None,
        ok: tuple[int, ...] = (0,)) -> subprocess.CompletedProcess:
    r = subprocess.run(cmd, cwd=cwd, env=env, input=stdin, capture_output=True, text=True, timeout=600)
    if r.returncode not in ok:
        sys.exit(f"[wheel-smoke] {' '.join(cmd)} → exit {r.returncode}\n{r.stdout[-3000:]}\n{r.stderr[-3000:]}")
    return r


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def build_wheel(dist: Path) -> Path:
    """The wheel, built from a copy of the checkout (setuptools leaves build/ beside the sources)."""
    src = Path(tempfile.mkdtemp(prefix="ra-src-"))
    try:
        skip = shutil.ignore_patterns(".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", "*.sqlite3")
        shutil.copytree(ROOT, src / "report-assistant", ignore=skip)
        run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(dist),
             str(src / "report-assistant")], cwd=src, env=dict(os.environ))
    finally:
        shutil.rmtree(src, ignore_errors=True)
    return next(dist.glob("report_assistant-*.whl"))


def main() -> int:
    if sys.argv[1:2] == ["--build-only"]:  # python scripts/wheel_smoke.py --build-only DIR
        print(build_wheel(Path(sys.argv[2])))
        return 0
    work = Path(tempfile.mkdtemp(prefix="ra-wheel-"))
    try:
        dist, env_dir, cwd, data = work / "dist", work / "venv", work / "cwd", work / "data"
        cwd.mkdir()
        step("building the wheel")
        wheel = build_wheel(dist)
        step(f"installing {wheel.name} into a fresh venv at {env_dir}")
        venv.create(env_dir, with_pip=True)
        bin_dir = env_dir / ("Scripts" if os.name == "nt" else "bin")
        python = bin_dir / ("python.exe" if os.name == "nt" else "python")
        env = {k: v for k, v in os.environ.items() if not k.startswith("REPORT_") and k != "PYTHONPATH"}
        env.update(REPORT_DATA_DIR=str(data), NO_PROXY="127.0.0.1,localhost", GRADIO_ANALYTICS_ENABLED="False")
        run([str(python), "-m", "pip", "install", "-q", str(wheel)], cwd=cwd, env=env)
        cli = str(bin_dir / "report-assistant")

        step("check on the sample")
        shutil.copy(SAMPLE, cwd / "sample.txt")
        r = run([cli, "check", "sample.txt", "--json"], cwd=cwd, env=env, ok=(0, 1))
        assert json.loads(r.stdout)["report"]["report_year"] == 2023, r.stdout[:500]

        step("offline chat to a drafted report")
        messages = json.loads(DIALOGUE.read_text(encoding="utf-8"))
        lines = []
        for m in messages + ["生成初稿", "退出"]:
            lines += ['"""', m, '"""'] if "\n" in m else [m]
        r = run([cli, "chat", "--user", "smoke"], cwd=cwd, env=env, stdin="\n".join(lines) + "\n")
        assert "Traceback" not in r.stdout + r.stderr, r.stderr
        shown = json.loads(run([cli, "draft", "show", "1", "--json", "--user", "smoke"], cwd=cwd, env=env).stdout)
        narrative = shown["report"]["part1"]
        assert shown["facts"]["named"]["agency_name"] == "烟台市机关事务管理局", shown["facts"]
        assert any(str(v).strip() for v in narrative.values()), narrative
        assert not any(p.name == "data" for p in cwd.iterdir()), "the app wrote into the current directory"
        assert (data / "report-assistant.sqlite3").exists()

        step("llm check, and the listed prices shipped")
        r = run([cli, "llm", "check"], cwd=cwd, env=env)
        assert "离线引擎" in r.stdout, r.stdout
        r = run([str(python), "-c", "from assistant.llm.prices import listed_price; "
                 "print(listed_price('deepseek-chat').source)"], cwd=cwd, env=env)
        assert r.stdout.startswith("https://"), r.stdout

        step("serve answering on loopback")
        port = free_port()
        log = (work / "serve.log").open("wb")
        server = subprocess.Popen([cli, "serve", "--port", str(port)], cwd=cwd, env=env, stdout=log,
                                  stderr=subprocess.STDOUT)
        try:
            deadline = time.monotonic() + 120
            while True:
                if server.poll() is not None:
                    sys.exit("[wheel-smoke] serve exited:\n" + (work / "serve.log").read_text(errors="replace"))
                try:
                    with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=3) as resp:
                        if resp.status == 200:
                            break
                except OSError:
                    if time.monotonic() > deadline:
                        sys.exit("[wheel-smoke] serve did not answer in 120 s")
                    time.sleep(0.5)
        finally:
            server.terminate()
            server.wait(timeout=30)
        step("ok")
        return 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
