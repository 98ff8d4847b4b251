"""Locate the top-level data folders (resources/, db/, ui/) in a checkout or a wheel.

A checkout keeps them beside the package; the wheel maps them under
``jipp_desktop/_data/`` (see ``force-include`` in pyproject.toml).  An editable
install imports from the checkout, so both places are tried.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


@cache
def data_folder(name: str) -> Path:
    """Return the folder ``name`` (``resources``, ``db`` or ``ui``)."""
    for candidate in (_PACKAGE_DIR / "_data" / name, _PACKAGE_DIR.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"JIPP Desktop data folder '{name}' is missing from the installation")


def resource(*parts: str) -> Path:
    return data_folder("resources").joinpath(*parts)


def migrations_dir() -> Path:
    return data_folder("db") / "migrations"


def ui_file(name: str) -> Path:
    return data_folder("ui") / name
