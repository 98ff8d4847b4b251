"""What this laptop knows about the others: who they are, what they hold, what is missing."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from jipp_desktop.core.workspace import Workspace
from jipp_desktop.sync import conflicts, db, digest, identity, state, vectors
from jipp_desktop.sync.exporter import ALL

# A clock this far behind the newest stamp already seen gets a warning: edits made now
# would lose to older ones until the wall clock catches up.
CLOCK_WARNING_MS = 60_000


@dataclass
class Gap:
    sender: str
    sender_name: str
    stream: str
    seq: int

    def message(self, lang: str = "id") -> str:
        if lang == "id":
            return f"Paket {self.seq} dari {self.sender_name} belum tiba."
        return f"Package {self.seq} from {self.sender_name} has not arrived."


def gaps(ws: Workspace) -> list[Gap]:
    """Missing numbers in each sender's packages meant for us (or for everyone).

    A full package carries everything, so numbers before the newest full one
    received are not missing in any way that matters.
    """
    out: list[Gap] = []
    names = {d: n for d, n in db.sql("SELECT device_id, name FROM sync_peer")}
    cursor = db.sql(
        'SELECT sender, stream, seq, "full" FROM sync_package WHERE stream IN (?, ?) '
        "ORDER BY sender, stream, seq",
        (ws.device_id, ALL),
    )
    streams: dict[tuple[str, str], list[tuple[int, bool]]] = {}
    for sender, stream, seq, full in cursor:
        streams.setdefault((sender, stream), []).append((int(seq), bool(full)))
    for (sender, stream), got in streams.items():
        fulls = [s for s, f in got if f]
        start = max(fulls) + 1 if fulls else 1
        seqs = {s for s, _ in got}
        for n in range(start, max(seqs)):
            if n not in seqs:
                out.append(Gap(sender, names.get(sender, sender), stream, n))
    return out


def peers() -> list[dict[str, Any]]:
    trusted = {t["fingerprint"] for t in identity.trusted_list()}
    out = []
    for device_id, name, fingerprint, first, last in db.sql(
        "SELECT device_id, name, fingerprint, first_seen, last_seen FROM sync_peer ORDER BY name"
    ):
        newest = db.sql(
            "SELECT max(seq), count(*) FROM sync_package WHERE sender = ?", (device_id,)
        ).fetchone()
        out.append(
            {
                "device_id": device_id,
                "name": name,
                "fingerprint": fingerprint,
                "trusted": fingerprint in trusted,
                "first_seen": first,
                "last_seen": last,
                "packages": int(newest[1]),
                "newest_seq": newest[0],
                "holds": vectors.load(device_id),
            }
        )
    return out


def sync_status(ws: Workspace, lang: str = "id") -> dict[str, Any]:
    key = identity.load_or_create(ws.data_dir)
    behind = ws.clock.behind_by_ms()
    warnings = []
    if behind > CLOCK_WARNING_MS:
        minutes = behind // 60_000
        warnings.append(_clock_warning(minutes, lang))
    return {
        "device": {"id": ws.device_id, "name": ws.device_name, "fingerprint": key.fingerprint},
        "digest": digest.dataset_digest(),
        "last_exchange": state.get(state.LAST_EXCHANGE),
        "holds": vectors.own(ws.device_id, str(ws.clock.last)),
        "open_conflicts": conflicts.count_open(),
        "peers": peers(),
        "gaps": [{**asdict(g), "message": g.message(lang)} for g in gaps(ws)],
        "warnings": warnings,
    }


def _clock_warning(minutes: int, lang: str) -> str:
    if lang == "id":
        return (
            f"Jam laptop ini {minutes} menit di belakang perubahan yang sudah diterima. "
            "Periksa tanggal dan jam."
        )
    return (
        f"This laptop's clock is {minutes} minutes behind changes it has already "
        "received. Check the date and time."
    )
