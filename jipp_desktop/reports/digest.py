"""The digest of the data a report was made from, printed in every report's footer.

The sync layer owns the digest (``jipp_desktop.sync.digest.dataset_digest``, a short
code such as ``1A2B-3C4D-5E6F-7A8B``); reports only print it, so two officers can tell
over the phone whether their printouts were made from the same data.  It is read through
the sync layer's cache, which any write to the data invalidates.
"""

from __future__ import annotations

from pathlib import Path

from jipp_desktop.sync.digest import cached_dataset_digest


def report_digest(data_dir: Path) -> str:
    """Digest of all synced data in the open workspace, taken before the report reads it."""
    return cached_dataset_digest(data_dir)
