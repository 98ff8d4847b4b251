"""Exchange through a shared folder (USB stick, network share, synced cloud folder).

One call writes this laptop's package into the folder (a full package under a
stable name, replaced each time; written under a temporary name and renamed) and
imports every other package there that was not imported yet.  A package still
being copied in (not yet a complete zip) is skipped with a message, to be picked
up next time; other problems are reported per file and do not stop the rest.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from jipp_desktop.core.workspace import Workspace
from jipp_desktop.sync import crypto, exporter, identity, importer, package
from jipp_desktop.sync.errors import NotAPackage, SyncError
from jipp_desktop.sync.report import ImportReport

SUFFIX = ".jipp"


@dataclass
class FileOutcome:
    file: str
    status: str  # imported | nothing_new | own | incomplete | failed
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


def _complete(path: Path) -> bool:
    with open(path, "rb") as handle:
        head = handle.read(16)
    return crypto.is_sealed(head) or zipfile.is_zipfile(path)


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
        if not identity.is_trusted(fingerprint):
            found[fingerprint] = Sender(str(sender.get("name")), str(sender.get("id")), fingerprint)
    return list(found.values())


def exchange(
    ws: Workspace,
    folder: Path,
    *,
    trust: bool = False,
    ask_trust: importer.AskTrust | None = None,
    progress: exporter.Progress | None = None,
) -> FolderResult:
    folder.mkdir(parents=True, exist_ok=True)
    mine = folder / outgoing_name(ws)
    exporter.export(ws, mine, full=True, progress=progress)
    result = FolderResult(mine)
    for path in sorted(folder.glob(f"*{SUFFIX}")):
        if path.name.startswith(".") or path == mine:
            continue
        result.outcomes.append(_import_one(ws, path, trust, ask_trust))
    return result


def _import_one(
    ws: Workspace, path: Path, trust: bool, ask_trust: importer.AskTrust | None
) -> FileOutcome:
    name = path.name
    claimed = package.peek_package_id(path)
    if claimed is not None and importer.already_imported(claimed):
        # A folder is read again and again; hashing every old package each time is waste.
        return FileOutcome(
            name, "nothing_new", f"{name}: sudah diimpor sebelumnya.", f"{name}: imported before."
        )
    try:
        report = importer.import_package(ws, path, trust=trust, ask_trust=ask_trust)
    except NotAPackage as exc:
        if not _complete(path):
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
