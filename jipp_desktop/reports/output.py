"""Write a file all-or-nothing: build into a temp file beside the target, then os.replace.

A report that fails half-way (bad data, full disk, Cancel) must never leave a
truncated PDF that looks like the real thing; a temp file in the same folder
makes the final rename atomic on the same file system.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from jipp_desktop.reports.errors import OutputNotWritable


@contextlib.contextmanager
def atomic_output(target: Path | str) -> Iterator[Path]:
    """Yield a temp path to write; on success it replaces ``target``, else it is removed."""
    target = Path(target).expanduser()
    if target.is_dir():
        raise OutputNotWritable(target, "it is a folder / berupa folder")
    parent = target.parent if str(target.parent) else Path(".")
    if not parent.is_dir():
        raise OutputNotWritable(target, "folder does not exist / folder tidak ada")
    try:
        fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=parent)
    except OSError as exc:
        raise OutputNotWritable(target, exc.strerror or str(exc)) from exc
    os.close(fd)
    temp = Path(name)
    try:
        yield temp
        try:
            os.replace(temp, target)
        except OSError as exc:
            raise OutputNotWritable(target, exc.strerror or str(exc)) from exc
    finally:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()
