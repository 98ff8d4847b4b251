"""The Linux bundle as an officer gets it: unpacked from the .tar.gz outside the checkout
and run with a clean environment.  The command line makes demo data, prints a report
with its fonts, exports and imports a package; the GUI starts offscreen until its main
window is shown; a newer data folder is refused, an older one migrated after a backup.

The build (scripts/build_bundle.sh) runs once per test run, in the ``bundle`` fixture.
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
import subprocess
import tarfile
from pathlib import Path

import pytest
from bundle_helpers import REPO, Bundle

from jipp_desktop import __version__
from jipp_desktop.core import backup, migrations
from jipp_desktop.core.workspace import DB_NAME, open_workspace

# Libraries and modules of the Qt parts the app does not use (packaging/jipp_desktop.spec).
EXCLUDED_QT = re.compile(
    r"Qml|Quick|WebEngine|WebView|Qt63D|Qt3D|VirtualKeyboard|Multimedia|Designer|"
    r"DataVisualization|Graphs|Location|Positioning|Bluetooth|SpatialAudio|TextToSpeech",
    re.IGNORECASE,
)
MAX_ARCHIVE_BYTES = 150 * 1024 * 1024


def _qt_modules_of_the_sources() -> set[str]:
    found: set[str] = set()
    for path in (REPO / "jipp_desktop").rglob("*.py"):
        found.update(re.findall(r"PySide6\.(Qt\w+)", path.read_text(encoding="utf-8")))
    return found


def _shipped_fonts() -> list[Path]:
    fonts = sorted((REPO / "resources" / "fonts").glob("*.ttf"))
    assert fonts
    return fonts


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_the_archive_holds_both_programs_the_data_folders_and_the_desktop_files(
    bundle: Bundle,
) -> None:
    with tarfile.open(bundle.archive) as archive:
        names = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    data = "jipp-desktop/_internal/jipp_desktop/_data"
    for expected in (
        "install.sh",
        "uninstall.sh",
        "share/jipp-desktop.desktop",
        "share/jipp-desktop-mime.xml",
        "share/jipp-desktop.png",
        "jipp-desktop/jipp-desktop",
        "jipp-desktop/jipp-desktop-cli",
        "jipp-desktop/VERSION",
        f"{data}/resources/translations/jipp_id.qm",
        f"{data}/resources/regions/regencies.csv",
        f"{data}/db/migrations/0001_initial.sql",
        f"{data}/ui/settings_form.ui",
        # The report fonts, whichever the checkout ships.
        *(f"{data}/resources/fonts/{font.name}" for font in _shipped_fonts()),
    ):
        assert expected in names, expected
    # Translation sources stay in the checkout; only the compiled catalogues travel.
    assert not [name for name in names if name.endswith(".ts")]
    assert bundle.archive.stat().st_size < MAX_ARCHIVE_BYTES
    # The version an officer sees (About box, --version) is the one the archive is named by.
    version = (bundle.program / "VERSION").read_text(encoding="utf-8").strip()
    assert version == __version__ and f"-{version}-linux-" in bundle.archive.name
    assert bundle.cli("--version").stdout.strip() == f"jipp-desktop {version}"
    icon = (bundle.root / "share" / "jipp-desktop.png").read_bytes()
    assert icon[:8] == b"\x89PNG\r\n\x1a\n"
    assert int.from_bytes(icon[16:20], "big") == int.from_bytes(icon[20:24], "big") == 256


def test_the_bundle_holds_only_the_qt_modules_the_app_uses(bundle: Bundle) -> None:
    files = [p.relative_to(bundle.program) for p in bundle.program.rglob("*")]
    unwanted = [str(p) for p in files if EXCLUDED_QT.search(p.name)]
    assert unwanted == []
    pyside = bundle.program / "_internal" / "PySide6"
    bundled = {p.name.split(".")[0] for p in pyside.glob("Qt*.so")}
    assert bundled == _qt_modules_of_the_sources()


def test_the_bundle_carries_reportlab_s_accelerator(bundle: Bundle) -> None:
    """reportlab imports _rl_accel by name at run time and falls back to slow Python
    silently: without it a national register takes a third longer."""
    assert list((bundle.program / "_internal").glob("_rl_accel*")), "no _rl_accel in the bundle"


def test_the_command_line_makes_data_prints_a_report_and_exchanges_a_package(
    bundle: Bundle, tmp_path: Path
) -> None:
    hub, other = tmp_path / "hub", tmp_path / "other"
    made = bundle.cli("--data-dir", hub, "demo-data")
    assert made.returncode == 0, made.stderr
    counts = json.loads(bundle.cli("--data-dir", hub, "stats", "--json").stdout)
    assert counts["innovation"] > 0 and counts["visit"] > 0

    pdf = tmp_path / "rekap.pdf"
    printed = bundle.cli("--data-dir", hub, "report", "national", "--out", pdf)
    assert printed.returncode == 0, printed.stderr
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True)
    rows = [line.split() for line in fonts.stdout.splitlines()[2:] if line.strip()]
    # Every font embedded, each one of the bundle's own (subset names are "ABCDEF+Name").
    assert rows and all(row[-5] == "yes" for row in rows), fonts.stdout
    shipped = {font.stem.removesuffix("-Regular") for font in _shipped_fonts()}
    assert {row[0].split("+", 1)[-1] for row in rows} <= shipped, fonts.stdout
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "REKAPITULASI NASIONAL" in text

    package = tmp_path / "semua.jipp"
    exported = bundle.cli("--data-dir", hub, "sync", "export", "--full", "--to", package)
    assert exported.returncode == 0, exported.stderr
    refused = bundle.cli("--lang", "en", "--data-dir", other, "sync", "import", package)
    assert refused.returncode == 5, refused.stderr  # an unknown sender must be trusted first
    imported = bundle.cli("--data-dir", other, "sync", "import", package, "--trust")
    assert imported.returncode == 0, imported.stderr
    assert json.loads(bundle.cli("--data-dir", other, "stats", "--json").stdout) == counts


def test_the_gui_starts_offscreen_shows_its_main_window_and_closes(
    bundle: Bundle, tmp_path: Path
) -> None:
    folder = tmp_path / "data"
    with open_workspace(folder) as ws:  # the first-run questions answered
        ws.settings.update({"setup_done": "1", "officer_name": "Petugas", "province_code": "53"})
    started = bundle.gui("--data-dir", folder, "--smoke-test")
    assert started.returncode == 0, started.stderr
    log_text = (folder / "logs" / "jipp.log").read_text(encoding="utf-8")
    assert "GUI started on" in log_text
    assert "smoke test: main window shown" in log_text


def test_a_newer_bundle_migrates_an_older_data_folder_after_a_backup(
    bundle: Bundle, tmp_path: Path
) -> None:
    folder = tmp_path / "old"
    folder.mkdir()
    latest = migrations.latest_version()
    conn = sqlite3.connect(folder / DB_NAME)
    migrations.migrate(conn, target=latest - 1)
    conn.close()
    opened = bundle.cli("--data-dir", folder, "stats")
    assert opened.returncode == 0, opened.stderr
    conn = sqlite3.connect(folder / DB_NAME)
    assert migrations.current_version(conn) == latest
    conn.close()
    (saved,) = [info.path for info in backup.backup_infos(folder) if info.reason == "migrate"]
    with backup.plain_copy(saved) as copy:
        conn = sqlite3.connect(copy)
        assert migrations.current_version(conn) == latest - 1
        conn.close()


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("id", "dibuat oleh versi JIPP Desktop yang lebih baru"),
        ("en", "written by a newer JIPP Desktop"),
    ],
)
def test_an_older_bundle_refuses_a_newer_data_folder_without_touching_it(
    bundle: Bundle, tmp_path: Path, lang: str, expected: str
) -> None:
    folder = tmp_path / "new"
    open_workspace(folder).close()
    conn = sqlite3.connect(folder / DB_NAME)
    conn.execute(f"PRAGMA user_version = {migrations.latest_version() + 1}")
    conn.close()
    before = _sha256(folder / DB_NAME)
    backups_before = sorted((folder / "backups").glob("*"))
    refused = bundle.cli("--lang", lang, "--data-dir", folder, "stats")
    assert refused.returncode == 6
    assert expected in refused.stderr
    assert _sha256(folder / DB_NAME) == before
    assert sorted((folder / "backups").glob("*")) == backups_before
