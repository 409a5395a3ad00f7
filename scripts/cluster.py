"""Start the deployment of deploy/compose.yaml on this machine without Docker: N app processes
(``report-assistant serve``) on one PostgreSQL, behind Debian's nginx with deploy/nginx.conf.

    .venv/bin/python scripts/cluster.py --processes 2 --port 8080 --database-url postgresql://…

Without ``--database-url``, REPORT_DATABASE_URL. Serves until Ctrl+C. ``eval.bench_load
--processes N`` starts the same arrangement (``eval.harness.Cluster``). The app processes use the
language model the environment configures (REPORT_LLM_*), or the offline engine with ``--offline``.
The first user is created as for one process: ``REPORT_DATABASE_URL=… report-assistant user add 王五
--role supervisor``.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from eval.harness import Cluster


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--processes", type=int, default=2, help="应用进程数（默认 2）")
    ap.add_argument("--port", type=int, default=8080, help="nginx 监听的本机端口（默认 8080）")
    ap.add_argument("--database-url", default=os.environ.get("REPORT_DATABASE_URL"),
                    help="数据库地址，应为 PostgreSQL（默认 REPORT_DATABASE_URL）")
    ap.add_argument("--workdir", type=Path, help="日志和 nginx 文件放在这里（默认临时目录）")
    ap.add_argument("--offline", action="store_true", help="不用语言模型，用离线引擎")
    args = ap.parse_args(argv)
    if not args.database_url:
        ap.error("请用 --database-url 或 REPORT_DATABASE_URL 指定 PostgreSQL 数据库")
    if args.processes > 1 and not args.database_url.startswith("postgresql"):
        print("注意：多个进程共用一个 SQLite 文件会互相等待写锁；正式部署请用 PostgreSQL。", file=sys.stderr)
    with tempfile.TemporaryDirectory(prefix="report-cluster-") as tmp:
        workdir = args.workdir or Path(tmp)
        cluster = Cluster(args.database_url, workdir, processes=args.processes, port=args.port,
                          offline=args.offline)
        with cluster as url:
            ports = "、".join(str(s.port) for s in cluster.servers)
            print(f"报告助手已启动：{url}（{args.processes} 个进程，端口 {ports}；日志在 {workdir}；Ctrl+C 停止）",
                  flush=True)
            try:
                signal.pause()
            except KeyboardInterrupt:
                pass
    return 0


def _interrupt(*_: object) -> None:
    raise KeyboardInterrupt  # SIGTERM stops the processes and nginx as Ctrl+C does


if __name__ == "__main__":
    signal.signal(signal.SIGTERM, _interrupt)
    sys.exit(main())
