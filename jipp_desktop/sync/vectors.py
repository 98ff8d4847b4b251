"""Version vectors: which changes of which origins a device holds.

``vector(peer)`` maps an origin device to the newest stamp of that origin whose
changes (and all earlier ones of that origin) the peer's data includes.  Our own
vector grows when we import a complete package; a peer's grows when we import a
package from it, which is how an incremental export knows what the peer lacks.

A package's ``carries`` is only a claim.  What we record is bounded by what the
package showed (the newest stamp of each origin among its lines) or what we held
already: believing more would make us skip changes we never received, and pass the
belief on to everyone we export to.
"""

from __future__ import annotations

from collections.abc import Mapping

from jipp_desktop.sync import db
from jipp_desktop.sync.merge import Vector


def load(peer: str) -> Vector:
    cursor = db.sql("SELECT origin, stamp FROM sync_vector WHERE peer = ?", (peer,))
    return {str(o): str(s) for o, s in cursor}


def raise_to(peer: str, vector: Mapping[str, str]) -> None:
    """Pointwise max of the stored vector and ``vector`` (a stale package never lowers it)."""
    for origin, stamp in vector.items():
        db.sql(
            "INSERT INTO sync_vector (peer, origin, stamp) VALUES (?, ?, ?) "
            # The larger of the two (CASE: PostgreSQL's max() takes no two arguments).
            "ON CONFLICT (peer, origin) DO UPDATE SET stamp = CASE WHEN excluded.stamp > "
            "sync_vector.stamp THEN excluded.stamp ELSE sync_vector.stamp END",
            (peer, origin, stamp),
        )


def own(device_id: str, clock_last: str) -> Vector:
    """What this laptop holds: what it imported completely, plus all its own changes."""
    vector = load(device_id)
    if clock_last > vector.get(device_id, ""):
        vector[device_id] = clock_last
    return vector


def minimum(known: list[Vector]) -> Vector:
    """Pointwise minimum: what every one of ``known`` holds (an origin missing from any is
    left out, so a package based on it carries that origin entirely)."""
    if not known:
        return {}
    shared = set(known[0]).intersection(*known[1:])
    return {o: min(v[o] for v in known) for o in sorted(shared)}


def covers(held: Mapping[str, str], base: Mapping[str, str]) -> bool:
    """Whether a holder of ``held`` already has everything a package based on ``base`` left out."""
    return all(held.get(o, "") >= stamp for o, stamp in base.items())


def bounded(claimed: Mapping[str, str], held: Mapping[str, str], seen: Mapping[str, str]) -> Vector:
    """``claimed`` cut down, origin by origin, to the newest stamp either ``held`` before or
    ``seen`` among the lines applied; an origin with neither is left out.  Understating only
    costs a few cells sent twice later; overstating would lose changes."""
    out: Vector = {}
    for key, stamp in claimed.items():
        bound = min(stamp, max(held.get(key, ""), seen.get(key, "")))
        if bound:
            out[key] = bound
    return out


def note(seen: Vector, stamps: list[str]) -> None:
    """Raise ``seen`` (origin -> newest stamp) with ``stamps``."""
    for stamp in stamps:
        key = stamp[17:]
        if stamp > seen.get(key, ""):
            seen[key] = stamp
