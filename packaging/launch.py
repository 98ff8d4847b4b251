"""Entry script of both bundle executables (packaging/jipp_desktop.spec).

One script, analysed once, serves both: the executable's own name says which face
starts. ``jipp-desktop-cli`` is the command line (a console program on Windows);
every other name is the windowed GUI, which also opens a ``.jipp`` package given
as its argument.
"""

from __future__ import annotations

import sys
from pathlib import Path


def _face() -> str:
    return "cli" if Path(sys.executable).stem.lower().endswith("-cli") else "gui"


if __name__ == "__main__":
    if _face() == "cli":
        from jipp_desktop.cli.main import main

        main()
    else:
        from jipp_desktop.gui.app import main as gui_main

        sys.exit(gui_main())
