"""``python -m ui serve``: the web app (the same command line as ``report-assistant``)."""

import sys

from ui.cli_commands import main

sys.exit(main())
