"""``python -m assistant.cli``: the same as ``report-assistant``."""

import sys

from assistant.cli import main

sys.exit(main())
