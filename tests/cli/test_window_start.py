"""Opening the window from the command line loads no command module (nor reportlab)."""

from __future__ import annotations

import subprocess
import sys

from jipp_desktop.cli.main import window_only


def test_only_global_options_open_the_window() -> None:
    assert window_only([])
    assert window_only(["--data-dir", "/tmp/x", "--lang", "en"])
    assert window_only(["--data-dir=/tmp/x", "--lang=id"])
    assert not window_only(["record", "list", "innovation"])
    assert not window_only(["--data-dir"])  # left to argparse's usage error
    assert not window_only(["--version"])


def test_the_window_path_parses_without_reportlab() -> None:
    code = (
        "import sys\n"
        "from jipp_desktop.cli import main\n"
        "args = main.build_parser(commands=False).parse_args(['--lang', 'en'])\n"
        "print(args.command, args.lang, 'reportlab' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.split() == ["None", "en", "False"]
