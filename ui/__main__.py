"""``python -m ui serve|user``: the web app's commands (also ``report-assistant serve|user``)."""

import sys

from ui.cli_commands import main

sys.exit(main())
