"""Exchange through a shared folder (USB stick, network share, synced cloud folder).

One call imports every other package in the folder that was not imported yet,
then writes this laptop's package there (under a stable name, replaced each time;
written under a temporary name and renamed).  A package still being copied in
(not yet a complete zip) is skipped with a message, to be picked up next time;
anything that is not a regular file (a pipe, a device, a folder, a link to one) is
skipped with a message without being opened, since reading it might never end;
other problems are reported per file and do not stop the rest.

The package holds what any reader of the folder may lack.  The readers are the
senders of the packages in the folder and of those imported from it before; when
this laptop knows what each of them holds (from their own packages), it leaves
out what all of them hold (the pointwise minimum of their vectors), else it
writes everything.  A package written before its sender knew this laptop may
leave out rows this laptop lacks: it is passed over with a message until its
sender's next package, which will cover this laptop.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from jipp_desktop.core import models as m
from jipp_desktop.core.workspace import Workspace
from jipp_desktop.sync import (
    exporter,
    identity,
    importer,
    locks,
    package,
    revocation,
    state,
    vectors,
)
from jipp_desktop.sync.errors import NotAPackage, SyncError
from jipp_desktop.sync.merge import Vector
from jipp_desktop.sync.report import ImportReport

SUFFIX = ".jipp"


@dataclass
class FileOutcome:
    file: str
    # imported | nothing_new | own | incomplete | waiting | skipped | held | failed
    status: str
    message_id: str
    message_en: str
    exit_status: int = 0
    report: ImportReport | None = None

    def message(self, lang: str = "id") -> str:
        return self.message_id if lang == "id" else self.message_en


@dataclass
class FolderResult:
    written: Path
    outcomes: list[FileOutcome] = field(default_factory=list)

    @property
    def exit_status(self) -> int:
        return next((o.exit_status for o in self.outcomes if o.exit_status), 0)


def outgoing_name(ws: Workspace) -> str:
    slug = re.sub(r"[^A-Za-z0-9]+", "-", ws.device_name).strip("-").lower() or "laptop"
    return f"{slug}-{ws.device_id[:8]}{SUFFIX}"


@dataclass(frozen=True)
class Sender:
    name: str
    device_id: str
    fingerprint: str


def untrusted_senders(ws: Workspace, folder: Path) -> list[Sender]:
    """Senders of packages in ``folder`` not trusted yet, as their manifests claim.

    Lets the app ask before an exchange; trusting a claimed fingerprint is safe because
    the package must still carry a valid signature by that very key.
    """
    found: dict[str, Sender] = {}
    for path in sorted(folder.glob(f"*{SUFFIX}")) if folder.is_dir() else []:
        sender = (package.peek_manifest(path) or {}).get("sender")
        if not isinstance(sender, dict) or sender.get("id") == ws.device_id:
            continue
        try:
            fingerprint = identity.public_fingerprint(str(sender.get("public_key")))
        except ValueError:
            continue
        if not identity.is_trusted(fingerprint) and not revocation.is_revoked(
            ws.data_dir, fingerprint
        ):
            found[fingerprint] = Sender(str(sender.get("name")), str(sender.get("id")), fingerprint)
    return list(found.values())


def exchange(
    ws: Workspace,
    folder: Path,
    *,
    trust: bool = False,
    ask_trust: importer.AskTrust | None = None,
    progress: exporter.Progress | None = None,
    hold_mass_deletions: bool = False,
) -> FolderResult:
    """Import the other laptops' packages in ``folder``, then write this laptop's own.

    With ``hold_mass_deletions`` (the app's exchange) a package that would move more than
    a handful of records to the trash is checked first and left unimported ("held"), so
    that the officer imports it alone and is asked, as for any single package.
    """
    folder.mkdir(parents=True, exist_ok=True)
    # The imports and the export after them are one piece of work for the database.
    with locks.exclusive(locks.SYNC, work="exchange", author=ws.author()):
        return _exchange(ws, folder, trust, ask_trust, progress, hold_mass_deletions)


def _exchange(
    ws: Workspace,
    folder: Path,
    trust: bool,
    ask_trust: importer.AskTrust | None,
    progress: exporter.Progress | None,
    hold_mass_deletions: bool,
) -> FolderResult:
    mine = folder / outgoing_name(ws)
    result = FolderResult(mine)
    others = []
    for path in sorted(folder.glob(f"*{SUFFIX}")):
        if path.name.startswith(".") or path == mine:
            continue
        special = _special(path)
        if special is None:
            others.append(path)
        else:
            result.outcomes.append(special)
    # Import first: the package written next then relays what just arrived, and is
    # based on what the others' newest packages say they hold.
    for path in others:
        outcome = _import_one(ws, path, trust, ask_trust, hold_mass_deletions)
        result.outcomes.append(outcome)
        if outcome.report is not None and outcome.status in ("imported", "nothing_new"):
            _remember_reader(folder, outcome.report.sender_id)
    readers = _readers(ws, folder, others)
    exporter.export(ws, mine, full=readers is None, readers_hold=readers, progress=progress)
    return result


def _special(path: Path) -> FileOutcome | None:
    """An outcome for a file that is no package at all (a pipe, device, folder), else None."""
    try:
        package.open_file(path).close()
    except package.NotRegularFile:
        return FileOutcome(
            path.name,
            "skipped",
            f"{path.name}: bukan berkas biasa (folder, pipa atau perangkat), dilewati.",
            f"{path.name}: not a regular file (a folder, pipe or device), skipped.",
        )
    except NotAPackage:
        pass  # too large or unreadable: the import says so, like any refused file
    return None


def _state_key(folder: Path) -> str:
    return f"folder-readers:{folder.resolve()}"


def _claimed(path: Path) -> dict[str, object]:
    return package.peek_manifest(path) or {}


def _readers(ws: Workspace, folder: Path, others: list[Path]) -> Vector | None:
    """What every reader of ``folder`` holds, or None when a reader is unknown (or none is)."""
    known = set(json.loads(state.get(_state_key(folder)) or "[]"))
    for path in others:
        sender = _claimed(path).get("sender")
        sender_id = sender.get("id") if isinstance(sender, dict) else None
        if not isinstance(sender_id, str):
            # Unreadable for now (being copied, locked): its sender may lack anything.
            return None
        known.add(sender_id)
    known.discard(ws.device_id)
    held = [vectors.load(peer) for peer in sorted(known)]
    if not held or not all(held):
        return None
    return vectors.minimum(held) or None


def _remember_reader(folder: Path, sender_id: str) -> None:
    key = _state_key(folder)
    known = set(json.loads(state.get(key) or "[]")) | {sender_id}
    with m.database.atomic():
        state.put(key, json.dumps(sorted(known)))


def _written_before_knowing_us(ws: Workspace, path: Path) -> bool:
    """A folder package, as it claims, leaving out what this laptop may not hold.

    Only ever skips that one file; anything odd is left to the import to refuse.
    """
    claimed = _claimed(path)
    sender, scope, base = claimed.get("sender"), claimed.get("scope"), claimed.get("base")
    if not (isinstance(sender, dict) and isinstance(scope, dict) and isinstance(base, dict)):
        return False
    if sender.get("id") == ws.device_id or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in base.items()
    ):
        return False
    return not importer.covers_receiver(ws, {"scope": scope, "base": base})


def _import_one(
    ws: Workspace,
    path: Path,
    trust: bool,
    ask_trust: importer.AskTrust | None,
    hold_mass_deletions: bool = False,
) -> FileOutcome:
    name = path.name
    claimed = package.peek_package_id(path)
    if claimed is not None and importer.already_imported(claimed):
        # A folder is read again and again; hashing every old package each time is waste.
        return FileOutcome(
            name, "nothing_new", f"{name}: sudah diimpor sebelumnya.", f"{name}: imported before."
        )
    if _written_before_knowing_us(ws, path):
        # Written before its sender knew this laptop: it may leave out rows we lack.
        return FileOutcome(
            name,
            "waiting",
            f"{name}: paket tambahan yang belum mencakup laptop ini, menunggu paket berikutnya.",
            f"{name}: an incremental package that does not cover this laptop yet, "
            "waiting for the next one.",
        )
    try:
        if hold_mass_deletions:
            preview = importer.import_package(
                ws, path, trust=trust, ask_trust=ask_trust, dry_run=True
            )
            if preview.mass_deletion:
                return _held(name, preview)
        report = importer.import_package(ws, path, trust=trust, ask_trust=ask_trust)
    except NotAPackage as exc:
        if not package.looks_complete(path):
            return FileOutcome(
                name,
                "incomplete",
                f"{name}: belum lengkap (mungkin masih disalin), dilewati.",
                f"{name}: incomplete (perhaps still being copied), skipped.",
            )
        return FileOutcome(
            name,
            "failed",
            f"{name}: {exc.message_id}",
            f"{name}: {exc.message_en}",
            exc.exit_status,
        )
    except SyncError as exc:
        return FileOutcome(
            name,
            "failed",
            f"{name}: {exc.message_id}",
            f"{name}: {exc.message_en}",
            exc.exit_status,
        )
    if report.own_package:
        status = "own"
    elif report.nothing_new:
        status = "nothing_new"
    else:
        status = "imported"
    return FileOutcome(
        name,
        status,
        f"{name}: {report.headline('id')}",
        f"{name}: {report.headline('en')}",
        0,
        report,
    )


def _held(name: str, preview: ImportReport) -> FileOutcome:
    deletions_id = preview.deletion_text("id") or ""
    deletions_en = preview.deletion_text("en") or ""
    return FileOutcome(
        name,
        "held",
        f"{name}: tidak diimpor. {deletions_id} Impor paket ini tersendiri (tombol Impor) "
        "untuk memeriksa dan mengonfirmasinya.",
        f"{name}: not imported. {deletions_en} Import this package on its own (the Import "
        "button) to review and confirm it.",
        0,
        preview,
    )
