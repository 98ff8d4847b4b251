"""Build the wheel and check that an installed copy finds its data folders.

The checkout keeps resources/, db/ and ui/ beside the package; the wheel maps
them under jipp_desktop/_data/ (force-include in pyproject.toml). An editable
install never exercises that mapping, so this script builds a real wheel,
installs it (without dependencies, which .venv already has) into a temporary
folder and imports it from there, outside the checkout.

Run by scripts/test.sh with the .venv interpreter: python scripts/check_wheel.py
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent

REQUIRED_FILES = [
    "jipp_desktop/_data/resources/regions/provinces.csv",
    "jipp_desktop/_data/db/migrations/0001_initial.sql",
    "jipp_desktop/_data/db/seed/demo.json",
    "jipp_desktop/_data/resources/fonts/LiberationSans-Regular.ttf",
    "jipp_desktop/_data/resources/translations/jipp_id.qm",
    "jipp_desktop/_data/resources/wordlists/kata_umum.txt",
    "jipp_desktop/_data/ui/settings_form.ui",
]
REQUIRED_PREFIXES = ["jipp_desktop/_data/ui/"]  # any file: the folder must exist once installed
ENTRY_POINT = "jipp-desktop = jipp_desktop.cli.main:main"

# Runs in the installed copy, with cwd outside the checkout.
PROBE = """
import sys
from pathlib import Path
import jipp_desktop
from jipp_desktop.paths import data_folder, migrations_dir, resource

site = Path(sys.argv[1]).resolve()
checks = {
    "jipp_desktop": Path(jipp_desktop.__file__).resolve(),
    "resources": data_folder("resources").resolve(),
    "db": data_folder("db").resolve(),
    "ui": data_folder("ui").resolve(),
}
bad = [f"{k}: {v}" for k, v in checks.items() if not v.is_relative_to(site)]
if bad:
    sys.exit("imported from outside the installed wheel:\\n  " + "\\n  ".join(bad))
assert resource("regions", "provinces.csv").is_file()
assert (migrations_dir() / "0001_initial.sql").is_file()
print("installed wheel resolves its data folders inside", site)
"""


def check_contents(wheel: Path) -> list[str]:
    with zipfile.ZipFile(wheel) as zf:
        names = zf.namelist()
        entry_points = next((n for n in names if n.endswith(".dist-info/entry_points.txt")), None)
        scripts = zf.read(entry_points).decode() if entry_points else ""
    problems = [f"missing {name}" for name in REQUIRED_FILES if name not in names]
    problems += [
        f"no file under {prefix}"
        for prefix in REQUIRED_PREFIXES
        if not any(n.startswith(prefix) for n in names)
    ]
    problems += [f"stray build artefact {n}" for n in names if "__pycache__" in n]
    if ENTRY_POINT not in scripts:
        problems.append(f"entry_points.txt lacks '{ENTRY_POINT}'")
    elif "jipp_desktop/cli/main.py" not in names:
        problems.append("the jipp-desktop entry point's module jipp_desktop/cli/main.py is missing")
    return problems


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="jipp-wheel-") as tmp_name:
        tmp = Path(tmp_name)
        dist, site = tmp / "dist", tmp / "site"
        subprocess.run(
            [sys.executable, "-m", "build", "--wheel", "--outdir", str(dist), str(REPO_ROOT)],
            check=True,
        )
        (wheel,) = dist.glob("*.whl")
        problems = check_contents(wheel)
        if problems:
            print(f"{wheel.name}:", *problems, sep="\n  ", file=sys.stderr)
            return 1

        pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "--no-input"]
        subprocess.run(
            [*pip, "install", "-q", "--no-deps", "--target", str(site), str(wheel)], check=True
        )
        # PYTHONPATH wins over the editable install's .pth entry for the checkout.
        env = {**os.environ, "PYTHONPATH": str(site)}
        result = subprocess.run(
            [sys.executable, "-c", PROBE, str(site)], cwd=tmp, env=env, check=False
        )
        if result.returncode != 0:
            return 1
    print(f"wheel check passed: {wheel.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
