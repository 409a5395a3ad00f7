"""Set everything up and start report-assistant: ``python scripts/run.py [command args]``.

With no arguments it shows the commands; pass them through, e.g. ``check 报告.txt``.
"""

import subprocess
import sys

from _bootstrap import BIN, ROOT, ensure

ensure()
args = sys.argv[1:] or ["--help"]
sys.exit(subprocess.call([str(BIN / "report-assistant"), *args], cwd=ROOT))
