"""Set everything up and run the whole test suite: ``python scripts/test.py [pytest args]``."""

import subprocess
import sys

from _bootstrap import ROOT, ensure

python = ensure("test")
sys.exit(subprocess.call([str(python), "-m", "pytest", *sys.argv[1:]], cwd=ROOT))
