"""The digest of the data a report was made from, printed in every report's footer.

The sync layer owns the digest (``jipp_desktop.sync.digest.dataset_digest``, a short
code such as ``1A2B-3C4D-5E6F-7A8B``); reports only print it, so two officers can tell
over the phone whether their printouts were made from the same data.
"""

from __future__ import annotations

from jipp_desktop.sync.digest import dataset_digest


def report_digest() -> str:
    """Digest of all synced data in the open workspace, taken before the report reads it."""
    return dataset_digest()
