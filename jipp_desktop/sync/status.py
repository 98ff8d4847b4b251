"""What the status bar shows about sync."""

from __future__ import annotations

import datetime as dt

from jipp_desktop.core.workspace import Workspace
from jipp_desktop.sync import state


def last_exchange(workspace: Workspace) -> str | None:
    """ISO time (UTC) of the last package exported or imported here, or None if never."""
    del workspace  # the database is module-global; the parameter keeps callers explicit
    return state.get(state.LAST_EXCHANGE)


def mark_exchange() -> None:
    state.put(state.LAST_EXCHANGE, dt.datetime.now(dt.UTC).isoformat(timespec="seconds"))
