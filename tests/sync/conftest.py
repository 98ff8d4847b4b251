"""Fixtures of the sync tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from sync_helpers import Fleet, make_template


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_template(tmp_path_factory.mktemp("template"))


@pytest.fixture
def fleet(tmp_path: Path, template_db: Path) -> Fleet:
    return Fleet(tmp_path / "fleet", template_db)


@pytest.fixture(scope="session")
def _qt_none_guard() -> None:
    """The app's guard against PySide6 builds that leak None and True (pyside_fix)."""
    from jipp_desktop.gui.pyside_fix import protect_singletons

    protect_singletons()
