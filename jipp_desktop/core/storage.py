"""How the app reaches its files on disk: SQLite URIs, writable folders, free space.

Kept apart from the workspace so the rules for a read-only folder or a nearly
full disk live in one place, whatever database engine sits on top.
"""

from __future__ import annotations

import os
from pathlib import Path


def folder_writable(folder: Path) -> bool:
    """False on a read-only mount or a folder without write permission."""
    return os.access(folder, os.W_OK | os.X_OK)


def reader_uri(db_path: Path) -> str:
    """A URI that opens ``db_path`` for reading only.

    In a folder that cannot be written SQLite cannot create the ``-shm`` index a WAL
    database needs, so the file is opened as immutable (no locks, no index); when
    the index is there (the folder was made read-only while open) it is used, so
    changes still in the WAL are read too.
    """
    uri = db_path.absolute().as_uri() + "?mode=ro"
    shm = db_path.with_name(db_path.name + "-shm")
    if not folder_writable(db_path.parent) and not shm.exists():
        uri += "&immutable=1"
    return uri
