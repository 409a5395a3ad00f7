"""Set everything up and start report-assistant: ``python scripts/run.py [command args]``.

With no arguments it starts the web app on 127.0.0.1:7860 (offline engine, SQLite); any arguments
are passed to the command line instead, e.g. ``check 报告.txt``.
"""

import os
import subprocess
import sys

from _bootstrap import BIN, ROOT, ensure

ensure()
args = sys.argv[1:] or ["serve"]
# the checkout on the path: `eval` (datasets and benchmarks) is not part of the installed package
env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))
sys.exit(subprocess.call([str(BIN / "report-assistant"), *args], cwd=ROOT, env=env))
