"""``python -m eval [options]`` from a checkout: the same as ``report-assistant eval``."""

import sys

from assistant.cli import main

sys.exit(main(["eval", *sys.argv[1:]]))
