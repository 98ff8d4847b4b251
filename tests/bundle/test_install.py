"""install.sh and uninstall.sh of the Linux bundle, run as an officer would, in a fresh
home folder: per user, no root; an upgrade keeps the data folder; removing the app
leaves the data folder alone."""

from __future__ import annotations

import subprocess
from pathlib import Path

from bundle_helpers import Bundle

MIME_TYPE = "application/x-jipp-package"


def _installed_paths(home: Path) -> dict[str, Path]:
    share = home / ".local" / "share"
    return {
        "program": home / ".local" / "opt" / "jipp-desktop" / "jipp-desktop",
        "cli": home / ".local" / "bin" / "jipp-desktop-cli",
        "desktop": share / "applications" / "jipp-desktop.desktop",
        "mime": share / "mime" / "packages" / "jipp-desktop.xml",
        "icon": share / "icons" / "hicolor" / "256x256" / "apps" / "jipp-desktop.png",
    }


def _sh(bundle: Bundle, script: Path, home: Path) -> subprocess.CompletedProcess[str]:
    done = bundle.run(Path("/bin/sh"), script, home=home)
    assert done.returncode == 0, done.stdout + done.stderr
    return done


def test_install_upgrade_and_uninstall_for_one_user(bundle: Bundle, tmp_path: Path) -> None:
    home = tmp_path / "petugas"
    home.mkdir()
    paths = _installed_paths(home)
    said = _sh(bundle, bundle.root / "install.sh", home)
    assert "terpasang" in said.stdout and "installed" in said.stdout
    for path in paths.values():
        assert path.exists(), path

    desktop = paths["desktop"].read_text(encoding="utf-8")
    assert f'Exec="{paths["program"]}" %f' in desktop
    assert f"MimeType={MIME_TYPE};" in desktop
    check = subprocess.run(
        ["desktop-file-validate", str(paths["desktop"])], capture_output=True, text=True
    )
    assert check.returncode == 0 and check.stdout == "", check.stdout + check.stderr
    # update-mime-database compiled the type: *.jipp now names it.
    globs = (home / ".local" / "share" / "mime" / "globs2").read_text(encoding="utf-8")
    assert f"60:{MIME_TYPE}:*.jipp" in globs.splitlines()

    # The officer's data lives in the default per-user folder, outside the program.
    data = home / ".local" / "share" / "JIPP Desktop"
    made = bundle.run(paths["cli"], "demo-data", "--size", "small", home=home)
    assert made.returncode == 0, made.stderr
    before = bundle.run(paths["cli"], "stats", "--json", home=home).stdout
    assert (data / "jipp.sqlite3").is_file()

    # Installing again (a newer bundle would do the same) replaces the program only.
    stale = paths["program"].parent / "left-by-the-old-version"
    stale.write_text("old", encoding="utf-8")
    _sh(bundle, bundle.root / "install.sh", home)
    assert not stale.exists()
    assert bundle.run(paths["cli"], "stats", "--json", home=home).stdout == before

    said = _sh(bundle, paths["program"].parent / "uninstall.sh", home)
    assert "folder data tidak disentuh" in said.stdout
    for path in paths.values():
        assert not path.exists() and not path.is_symlink(), path
    assert not paths["program"].parent.exists()
    assert (data / "jipp.sqlite3").is_file()
    globs = (home / ".local" / "share" / "mime" / "globs2").read_text(encoding="utf-8")
    assert MIME_TYPE not in globs
