"""Where the data lives: the data folder, and the names that point at a PostgreSQL
database instead. Light on purpose: the window's start reads them before its first
frame, before the rest of the core (peewee, the models) is imported."""

from __future__ import annotations

import os
from pathlib import Path

ENV_DATA_DIR = "JIPP_DATA_DIR"
ENV_DATABASE = "JIPP_DATABASE"
# A data folder whose records live on the ministry's server names it in this file.
SETTING_FILE = "database.url"


def resolve_data_dir(explicit: Path | str | None = None) -> Path:
    if explicit:
        return Path(explicit).expanduser()
    env = os.environ.get(ENV_DATA_DIR)
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("JIPP Desktop", appauthor=False))
