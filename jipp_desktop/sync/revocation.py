"""Withdrawing trust in a device key, here and on every laptop a package reaches.

A revocation is a statement "key F is no longer trusted", signed by the device that made
it, so any laptop can relay it and every receiver can check who made it.  Every package
carries the statements its sender knows (manifest ``revocations``).

Who may revoke whom (a stolen laptop must not be able to shut its honest peers out):

- this laptop's officer may withdraw trust in any key, on this laptop (``device untrust``);
- a key may withdraw itself;
- a statement made elsewhere counts here only when its maker is trusted here with a role
  above the revoked key's role: ``ministry`` > ``province`` > ``hub``.  Roles are given by
  this laptop's officer when trusting a sender (``device trust F --role province``); a
  sender trusted without a role, or not trusted, is a hub.  So a hub laptop can revoke no
  one but itself for others, a province laptop can revoke hubs, the ministry can revoke
  provinces and hubs;
- a statement whose maker is itself revoked here does not count: once the ministry
  revokes a stolen province laptop, the revocations that laptop made lapse everywhere;
- the officer can override any statement by trusting the key again (``device trust F``).

A revoked key's later packages are refused (exit 5); what was imported before stays.  The
changes the revoked device stamped after the revocation are also held back when another
laptop relays them (sync/held.py).
"""

from __future__ import annotations

import base64
import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from jipp_desktop.core import models as m
from jipp_desktop.sync import db, identity
from jipp_desktop.sync.errors import DAMAGED, UNTRUSTED, SyncError

ROLES = ("hub", "province", "ministry")
ROLE_LABELS = {
    "hub": ("simpul", "hub"),
    "province": ("provinsi", "province"),
    "ministry": ("kementerian", "ministry"),
}
# A chain "A revoked by B revoked by C" can be at most as long as there are roles above.
_MAX_DEPTH = len(ROLES)


@dataclass(frozen=True)
class Revocation:
    fingerprint: str
    by_fingerprint: str
    by_public_key: str
    by_device: str
    by_name: str
    revoked_at: str
    signature: str

    def payload(self) -> bytes:
        """What the signature covers: every field but the signature, as canonical JSON."""
        fields = {k: v for k, v in asdict(self).items() if k != "signature"}
        return json.dumps(fields, sort_keys=True, separators=(",", ":")).encode("utf-8")

    def valid(self) -> bool:
        try:
            maker = identity.public_fingerprint(self.by_public_key)
            signature = base64.b64decode(self.signature, validate=True)
        except ValueError:
            return False
        return maker == self.by_fingerprint and identity.verify(
            self.by_public_key, signature, self.payload()
        )

    def as_json(self) -> dict[str, str]:
        return asdict(self)


class RevokedSender(SyncError):
    exit_status = UNTRUSTED

    def __init__(self, name: str, fingerprint: str, statement: Revocation) -> None:
        when = statement.revoked_at[:10]
        super().__init__(
            f"Kepercayaan pada kunci pengirim '{name}' (sidik jari {fingerprint}) telah dicabut "
            f"oleh '{statement.by_name}' pada {when}. Paket yang ditandatangani dengan kunci "
            "ini ditolak; data yang sudah diimpor sebelumnya tetap ada. Jika pencabutan ini "
            f"keliru, percayai lagi dengan: device trust {fingerprint}. Tidak ada yang diimpor.",
            f"Trust in the key of the sender '{name}' (fingerprint {fingerprint}) was withdrawn "
            f"by '{statement.by_name}' on {when}. Packages signed with this key are refused; "
            "what was imported before stays. If this is a mistake, trust it again with: "
            f"device trust {fingerprint}. Nothing was imported.",
        )
        self.fingerprint = fingerprint
        self.statement = statement


class BadRevocation(SyncError):
    exit_status = DAMAGED

    def __init__(self) -> None:
        super().__init__(
            "Paket rusak: pernyataan pencabutan kepercayaan di manifest tidak sah "
            "(tanda tangan atau isi salah). Tidak ada yang diimpor.",
            "Damaged package: a trust revocation in the manifest is not valid (wrong "
            "signature or content). Nothing was imported.",
        )


def make(key: identity.DeviceKey, device_id: str, device_name: str, fingerprint: str) -> Revocation:
    unsigned = Revocation(
        fingerprint,
        key.fingerprint,
        key.public_b64,
        device_id,
        device_name,
        dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "",
    )
    signature = base64.b64encode(key.sign(unsigned.payload())).decode("ascii")
    return Revocation(**{**asdict(unsigned), "signature": signature})


def untrust(key: identity.DeviceKey, device_id: str, device_name: str, fingerprint: str) -> None:
    """This laptop's officer withdraws trust in ``fingerprint``: here now, elsewhere by rule."""
    statement = make(key, device_id, device_name, fingerprint)
    with m.database.atomic():
        # A statement made earlier and overridden since is replaced by the new one.
        db.sql(
            "DELETE FROM sync_revocation WHERE fingerprint = ? AND by_fingerprint = ?",
            (fingerprint, key.fingerprint),
        )
        store([statement])


def trust(fingerprint: str, role: str | None = None) -> None:
    """The officer trusts a key (again), optionally with a role; this overrides every
    revocation of it known here, since the officer decided after seeing them."""
    if role is not None and role not in ROLES:
        raise ValueError(role)
    with m.database.atomic():
        identity.trust(fingerprint)
        if role is not None:
            db.sql("UPDATE sync_trusted SET role = ? WHERE fingerprint = ?", (role, fingerprint))
        dismiss(fingerprint)


def dismiss(fingerprint: str) -> None:
    """The officer trusts the key again: every statement against it stops counting here
    (and stops travelling from here); a new statement would count again."""
    db.sql("UPDATE sync_revocation SET dismissed = 1 WHERE fingerprint = ?", (fingerprint,))


def store(statements: list[Revocation]) -> list[Revocation]:
    """Keep statements not known yet; returns those that were new."""
    now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    new = []
    for s in statements:
        cursor = db.sql(
            "INSERT INTO sync_revocation (fingerprint, by_fingerprint, by_public_key, "
            "by_device, by_name, revoked_at, signature, received_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
            (
                s.fingerprint,
                s.by_fingerprint,
                s.by_public_key,
                s.by_device,
                s.by_name,
                s.revoked_at,
                s.signature,
                now,
            ),
        )
        if cursor.rowcount:
            new.append(s)
    return new


def from_manifest(manifest: Mapping[str, Any]) -> list[Revocation]:
    """The statements a package carries, each checked; a bad one damages the package."""
    raw = manifest.get("revocations", [])
    if not isinstance(raw, list):
        raise BadRevocation()
    out = []
    names = set(Revocation.__dataclass_fields__)
    for item in raw:
        if (
            not isinstance(item, dict)
            or set(item) != names
            or not all(isinstance(v, str) for v in item.values())
            or identity.normalise_fingerprint(item["fingerprint"]) != item["fingerprint"]
            or not _is_moment(item["revoked_at"])
        ):
            raise BadRevocation()
        statement = Revocation(**item)
        if not statement.valid():
            raise BadRevocation()
        out.append(statement)
    return out


def _is_moment(text: str) -> bool:
    """An ISO 8601 time with its offset, as ``make`` writes it: the moment after which the
    revoked device's changes are held (sync/held.py)."""
    try:
        return dt.datetime.fromisoformat(text).tzinfo is not None
    except ValueError:
        return False


def for_export() -> list[dict[str, str]]:
    """Every statement that counts anywhere: receivers apply the rule themselves."""
    cursor = db.sql(
        "SELECT fingerprint, by_fingerprint, by_public_key, by_device, by_name, revoked_at, "
        "signature FROM sync_revocation WHERE dismissed = 0 ORDER BY fingerprint, by_fingerprint"
    )
    return [Revocation(*row).as_json() for row in cursor]


def role_of(fingerprint: str) -> str:
    row = db.sql("SELECT role FROM sync_trusted WHERE fingerprint = ?", (fingerprint,)).fetchone()
    return "hub" if row is None else str(row[0])


def revoked_by(fingerprint: str, own_fingerprint: str, depth: int = 0) -> Revocation | None:
    """The statement that makes ``fingerprint`` refused here, or None while it counts as
    trusted (by the rule in this module's docstring)."""
    if depth > _MAX_DEPTH:
        return None
    cursor = db.sql(
        "SELECT fingerprint, by_fingerprint, by_public_key, by_device, by_name, revoked_at, "
        "signature FROM sync_revocation WHERE fingerprint = ? AND dismissed = 0 "
        "ORDER BY revoked_at",
        (fingerprint,),
    )
    for statement in (Revocation(*row) for row in cursor):
        if _counts(statement, own_fingerprint, depth):
            return statement
    return None


def _counts(statement: Revocation, own_fingerprint: str, depth: int) -> bool:
    maker = statement.by_fingerprint
    if maker in (own_fingerprint, statement.fingerprint):
        return True
    if not identity.is_trusted(maker):
        return False
    rank = ROLES.index(role_of(maker))
    if rank <= ROLES.index(role_of(statement.fingerprint)):
        return False
    return revoked_by(maker, own_fingerprint, depth + 1) is None


def listing(own_fingerprint: str) -> list[dict[str, Any]]:
    """Every statement known here, and whether it counts (for `device` and the Sync page)."""
    cursor = db.sql(
        "SELECT fingerprint, by_fingerprint, by_public_key, by_device, by_name, revoked_at, "
        "signature, dismissed FROM sync_revocation ORDER BY revoked_at"
    )
    out = []
    for *fields, dismissed in cursor:
        statement = Revocation(*fields)
        out.append(
            {
                "fingerprint": statement.fingerprint,
                "by_name": statement.by_name,
                "by_fingerprint": statement.by_fingerprint,
                "revoked_at": statement.revoked_at,
                "dismissed": bool(dismissed),
                "counts": not dismissed
                and revoked_by(statement.fingerprint, own_fingerprint) is not None,
            }
        )
    return out


def trusted_keys(data_dir: Path) -> list[dict[str, Any]]:
    """The trusted senders, each with its role and whether a revocation shuts it out."""
    own = identity.load_or_create(data_dir).fingerprint
    return [
        {**t, "revoked": revoked_by(str(t["fingerprint"]), own) is not None}
        for t in identity.trusted_list()
    ]


def cutoffs(data_dir: Path, own_device: str) -> tuple[dict[str, str], dict[str, str]]:
    """For each device whose key counts as revoked here: the stamp prefix of the moment of
    its revocation (its later changes are held, sync/held.py), and its name.  Only devices
    known here to sign with that key (a package imported from it, or trusted with its
    device id) can be matched: a statement names a key, not a device."""
    own = identity.load_or_create(data_dir).fingerprint
    cuts: dict[str, str] = {}
    names: dict[str, str] = {}
    keys = db.sql("SELECT DISTINCT fingerprint FROM sync_revocation WHERE dismissed = 0")
    for (fingerprint,) in list(keys):
        statement = revoked_by(str(fingerprint), own)
        if statement is None:
            continue
        cut = f"{_moment_ms(statement.revoked_at):012x}ffff"
        for device, name in db.sql(
            "SELECT device_id, name FROM sync_peer WHERE fingerprint = ? UNION "
            "SELECT device_id, coalesce(name, device_id) FROM sync_trusted "
            "WHERE fingerprint = ? AND device_id IS NOT NULL",
            (fingerprint, fingerprint),
        ):
            if device != own_device and cut < cuts.get(device, "~"):
                cuts[str(device)], names[str(device)] = cut, str(name)
    return cuts, names


def _moment_ms(revoked_at: str) -> int:
    """The revocation's moment in ms; a time that does not read holds everything of the
    device (statements are checked on arrival, so only a hand-edited database has one)."""
    try:
        moment = dt.datetime.fromisoformat(revoked_at)
    except ValueError:
        return 0
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return max(0, int(moment.timestamp() * 1000))


def is_revoked(data_dir: Path, fingerprint: str) -> bool:
    own = identity.load_or_create(data_dir).fingerprint
    return revoked_by(fingerprint, own) is not None


def refuse_if_revoked(data_dir: Path, name: str, fingerprint: str) -> None:
    """Raise RevokedSender for a key shut out here (even when the import says --trust)."""
    statement = revoked_by(fingerprint, identity.load_or_create(data_dir).fingerprint)
    if statement is not None:
        raise RevokedSender(name, fingerprint, statement)


def receive(data_dir: Path, statements: list[Revocation]) -> list[list[str]]:
    """Keep a package's statements; [fingerprint, maker's name] of each new one that counts."""
    own = identity.load_or_create(data_dir).fingerprint
    return [
        [s.fingerprint, s.by_name]
        for s in store(statements)
        if revoked_by(s.fingerprint, own) is not None
    ]
