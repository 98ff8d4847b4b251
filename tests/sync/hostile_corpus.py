"""A hostile-but-signed corpus: real packages mutated, then re-signed with the sender's
trusted key (a buggy build, a stolen laptop, a hand-edited file).

Each mutation is a function of the parsed manifest and lines; ``resign`` writes the
package again with the sender's real key, so everything up to the signature passes and
only the checks on the content itself stand between the file and the database.
"""

from __future__ import annotations

import hashlib
import json
import uuid
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jipp_desktop.core import engine
from jipp_desktop.core.workspace import open_workspace
from jipp_desktop.sync import identity, package

Line = dict[str, Any]


@dataclass
class Parts:
    """A package taken apart: its manifest and its lines, ready to be mutated."""

    manifest: dict[str, Any]
    changes: list[Line]
    conflicts: list[Line]
    files: dict[str, bytes] = field(default_factory=dict)

    def rows(self, table: str) -> list[Line]:
        return [r for r in self.changes if r.get("t") == table]

    def row(self, table: str) -> Line:
        return self.rows(table)[0]


Mutation = Callable[[Parts], None]


def take_apart(path: Path) -> Parts:
    with zipfile.ZipFile(path) as zf:
        members = {n: zf.read(n) for n in zf.namelist()}
    manifest = json.loads(members.pop(package.MANIFEST))
    members.pop(package.SIGNATURE)

    def lines(name: str) -> list[Line]:
        return [json.loads(x) for x in members.pop(name, b"").splitlines() if x.strip()]

    changes, conflicts = lines(package.CHANGES), lines(package.CONFLICTS)
    return Parts(manifest, changes, conflicts, members)


def resign(parts: Parts, signer_folder: Path, target: Path) -> Path:
    """Write ``parts`` as a package signed with the key kept in ``signer_folder``."""
    members = dict(parts.files)
    members[package.CHANGES] = b"".join(
        json.dumps(r, ensure_ascii=False).encode() + b"\n" for r in parts.changes
    )
    members[package.CONFLICTS] = b"".join(
        json.dumps(c, ensure_ascii=False).encode() + b"\n" for c in parts.conflicts
    )
    manifest = dict(parts.manifest)
    manifest["package_id"] = str(uuid.uuid4())  # never "already imported"
    manifest["members"] = [
        {"name": n, "size": len(b), "sha256": hashlib.sha256(b).hexdigest()}
        for n, b in members.items()
    ]
    body = json.dumps(manifest, ensure_ascii=False).encode()
    key = _signer_key(signer_folder)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
        zf.writestr(package.MANIFEST, body)
        zf.writestr(package.SIGNATURE, key.sign(body).hex())
    return target


def _signer_key(folder: Path) -> identity.DeviceKey:
    """The key of the laptop in ``folder``: its key file, or for a PostgreSQL peer (no
    workspace open meanwhile) the key its database keeps."""
    if not (folder / engine.SETTING_FILE).exists():
        return identity.folder_key(folder)
    with open_workspace(folder) as ws:
        return identity.load_or_create(ws.data_dir)


def mutated(good: Path, signer_folder: Path, target: Path, mutation: Mutation) -> Path:
    parts = take_apart(good)
    mutation(parts)
    return resign(parts, signer_folder, target)
