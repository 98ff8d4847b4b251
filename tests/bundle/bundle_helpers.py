"""The unpacked Linux bundle and how its programs are run: with a clean environment
(no virtual environment on PATH, no PYTHONPATH, a temporary HOME)."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
# A generous ceiling so a broken program fails the test instead of hanging it.
RUN_TIMEOUT = 300


@dataclass
class Bundle:
    archive: Path
    root: Path  # the unpacked folder: install.sh, uninstall.sh, share/, jipp-desktop/
    home: Path

    @property
    def program(self) -> Path:
        return self.root / "jipp-desktop"

    def env(self, home: Path | None = None) -> dict[str, str]:
        """What a desktop session gives a program, and nothing of this test run."""
        home = home or self.home
        runtime = home / ".runtime"
        runtime.mkdir(mode=0o700, parents=True, exist_ok=True)
        return {
            "HOME": str(home),
            "PATH": "/usr/local/bin:/usr/bin:/bin",
            "LANG": "C.UTF-8",
            "QT_QPA_PLATFORM": "offscreen",
            "XDG_RUNTIME_DIR": str(runtime),
        }

    def run(
        self, executable: Path, *args: str | Path, home: Path | None = None
    ) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(executable), *map(str, args)],
            env=self.env(home),
            cwd=home or self.home,
            capture_output=True,
            text=True,
            timeout=RUN_TIMEOUT,
            check=False,
        )

    def cli(self, *args: str | Path) -> subprocess.CompletedProcess[str]:
        return self.run(self.program / "jipp-desktop-cli", *args)

    def gui(self, *args: str | Path) -> subprocess.CompletedProcess[str]:
        return self.run(self.program / "jipp-desktop", *args)


def build() -> Path:
    """Run scripts/build_bundle.sh (a no-op when nothing changed); the .tar.gz it made."""
    done = subprocess.run(
        ["bash", str(REPO / "scripts" / "build_bundle.sh")],
        capture_output=True,
        text=True,
        timeout=1800,
        check=False,
    )
    assert done.returncode == 0, f"scripts/build_bundle.sh failed:\n{done.stderr[-6000:]}"
    archive = Path(done.stdout.strip().splitlines()[-1])
    assert archive.is_file(), done.stdout
    return archive
