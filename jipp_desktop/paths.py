"""Locate the top-level data folders (resources/, db/, ui/) in a checkout, a wheel or a bundle.

A checkout keeps them beside the package; the wheel maps them under
``jipp_desktop/_data/`` (see ``force-include`` in pyproject.toml).  An editable
install imports from the checkout, so both places are tried.  The PyInstaller
bundle (packaging/jipp_desktop.spec) copies them under ``jipp_desktop/_data/`` in
its unpacked folder, ``sys._MEIPASS``, which is tried first when frozen.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def _roots() -> list[Path]:
    """Folders that may hold the data folders, most specific first."""
    roots = [_PACKAGE_DIR / "_data", _PACKAGE_DIR.parent]
    bundle = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and bundle:
        roots.insert(0, Path(bundle) / "jipp_desktop" / "_data")
    return roots


@cache
def data_folder(name: str) -> Path:
    """Return the folder ``name`` (``resources``, ``db`` or ``ui``)."""
    for root in _roots():
        candidate = root / name
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"JIPP Desktop data folder '{name}' is missing from the installation")


def resource(*parts: str) -> Path:
    return data_folder("resources").joinpath(*parts)


def migrations_dir() -> Path:
    return data_folder("db") / "migrations"


def ui_file(name: str) -> Path:
    return data_folder("ui") / name
