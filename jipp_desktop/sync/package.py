"""The .jipp file: a plain zip holding a signed manifest, change lines and attachments.

Writing goes to a temporary name and is renamed when complete, so a reader never
sees half a package under the real name.  Reading trusts nothing: only a regular file
within the size limit is opened (never a pipe, device or folder); the zip's listing is
checked for unsafe names, links, duplicates and bomb-like sizes before a byte is
inflated; every member is hashed against the manifest; the signature over the manifest
covers those hashes, so one changed byte anywhere is caught.  Members are streamed from
the file, so a package larger than the laptop's memory still opens.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import re
import stat
import struct
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from jipp_desktop import __version__
from jipp_desktop.core import storage
from jipp_desktop.core.clock import is_stamp
from jipp_desktop.sync import crypto, identity, spool
from jipp_desktop.sync.errors import NotAPackage

FORMAT = "jipp-sync"
FORMAT_VERSION = 3
READABLE_VERSIONS = (1, 2, 3)
MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"
CHANGES = "changes.jsonl"
CONFLICTS = "conflicts.jsonl"
ATTACHMENT_DIR = "attachments/"

# Limits on what a package may make us unpack (checked on the zip listing first).
MAX_MEMBERS = 200_000
MAX_TOTAL_BYTES = 4 * 1024**3
MAX_MANIFEST_BYTES = 64 * 1024**2
MAX_RATIO = 200  # deflate reaches ~10x on our JSON; a bomb reaches 1000x
RATIO_FLOOR_BYTES = 1024**2  # tiny members may compress well without being a bomb
MAX_LINE_BYTES = 4 * 1024**2
# A package file: the unpacked limit plus room for zip headers of every member and a seal.
MAX_FILE_BYTES = MAX_TOTAL_BYTES + 256 * 1024**2
# Change text up to this size is kept after hashing so it is not inflated twice; beyond,
# inflating again costs less than holding it (a national package inflates to ~400 MB).
TEXT_CACHE_BYTES = 32 * 1024**2
_SHA = re.compile(r"^[0-9a-f]{64}$")
# What zipfile and zlib raise on damaged input (fuzzing found each of them).
ZIP_ERRORS = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    ValueError,
    OSError,
    EOFError,
    NotImplementedError,
    RuntimeError,
    KeyError,
    IndexError,
    OverflowError,
    struct.error,
    zlib.error,
)


@dataclass
class Member:
    name: str
    size: int
    sha256: str


@dataclass
class Package:
    """A package whose listing, hashes and signature have been checked."""

    manifest: dict[str, Any]
    manifest_bytes: bytes
    zip: zipfile.ZipFile
    source: IO[bytes]
    members: dict[str, Member] = field(default_factory=dict)
    # Change lines inflated once while hashing, so the import does not inflate them again.
    texts: dict[str, bytes] = field(default_factory=dict)

    def close(self) -> None:
        self.zip.close()
        self.source.close()

    @property
    def version(self) -> int:
        return int(self.manifest["format_version"])

    @property
    def sender(self) -> dict[str, str]:
        return dict(self.manifest["sender"])

    def lines(self, name: str) -> Iterator[dict[str, Any]]:
        """The JSON objects of a .jsonl member, each line bounded in size."""
        if name not in self.members:
            return
        with io.BytesIO(self.texts[name]) if name in self.texts else self.zip.open(name) as raw:
            for number, line in enumerate(_bounded_lines(raw), start=1):
                if not line.strip():
                    continue
                try:
                    value = json.loads(line)
                except (ValueError, UnicodeDecodeError):
                    raise damaged(
                        f"baris {number} di {name} bukan JSON",
                        f"line {number} of {name} is not JSON",
                    ) from None
                if not isinstance(value, dict):
                    raise damaged(
                        f"baris {number} di {name} bukan objek",
                        f"line {number} of {name} is not an object",
                    )
                yield value

    def open_attachment(self, sha256: str) -> IO[bytes]:
        """An attachment's bytes as a stream (read a chunk at a time; close it)."""
        return self.zip.open(ATTACHMENT_DIR + sha256)

    def has_attachment(self, sha256: str) -> bool:
        return ATTACHMENT_DIR + sha256 in self.members


def damaged(detail_id: str, detail_en: str) -> NotAPackage:
    return NotAPackage(
        f"Berkas ini bukan paket JIPP yang utuh: {detail_id}. Tidak ada yang diimpor.",
        f"This file is not an intact JIPP package: {detail_en}. Nothing was imported.",
    )


def _bounded_lines(raw: IO[bytes]) -> Iterator[bytes]:
    buffer = b""
    while True:
        chunk = raw.read(1 << 20)
        if not chunk:
            break
        buffer += chunk
        *complete, buffer = buffer.split(b"\n")
        yield from complete
        if len(buffer) > MAX_LINE_BYTES:
            raise damaged("baris perubahan terlalu panjang", "a change line is too long")
    if buffer:
        yield buffer


# -- writing ---------------------------------------------------------------------------


def write(
    target: Path,
    manifest: dict[str, Any],
    members: Iterable[tuple[str, Iterable[bytes]]],
    key: identity.DeviceKey,
    passphrase: str | None = None,
    late: Mapping[str, Callable[[], Any]] | None = None,
) -> Path:
    """Write members, then the manifest listing them and its signature; rename when done.

    ``late`` fills manifest keys known only once the members are written (counts).
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.part")
    listed: list[dict[str, Any]] = []
    # A locked package is built in a masked spool, then sealed into place in chunks.
    sink = spool.spool() if passphrase is not None else open(partial, "wb")  # noqa: SIM115
    try:
        with zipfile.ZipFile(sink, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as zf:
            for name, chunks in members:
                digest, size = hashlib.sha256(), 0
                with zf.open(name, "w", force_zip64=True) as out:
                    for chunk in chunks:
                        digest.update(chunk)
                        size += len(chunk)
                        out.write(chunk)
                listed.append({"name": name, "size": size, "sha256": digest.hexdigest()})
            manifest = {**manifest, "members": listed}
            manifest.update({k: make() for k, make in (late or {}).items()})
            body = json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True).encode()
            zf.writestr(MANIFEST, body)
            zf.writestr(SIGNATURE, key.sign(body).hex() + "\n")
        if passphrase is not None:
            sink.seek(0)
            with open(partial, "wb") as handle:
                crypto.seal(sink, handle, passphrase)
                handle.flush()
                os.fsync(handle.fileno())
        else:
            sink.flush()
            storage.fail_if_simulated_full(partial)
            os.fsync(sink.fileno())
    except BaseException:
        # Closing flushes what is buffered, which fails again on a full disk: the
        # partial file must go whatever closing says.
        with contextlib.suppress(OSError):
            sink.close()
        partial.unlink(missing_ok=True)
        raise
    sink.close()
    partial.replace(target)
    return target


def base_manifest(key: identity.DeviceKey, sender_id: str, sender_name: str) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "app_version": __version__,
        "sender": {
            "id": sender_id,
            "name": sender_name,
            "public_key": key.public_b64,
            "fingerprint": key.fingerprint,
        },
    }


# -- reading ---------------------------------------------------------------------------


class NotRegularFile(NotAPackage):
    """A pipe, device, folder or link to one: never opened, since reading it may never end."""


def open_file(path: Path) -> IO[bytes]:
    """``path`` opened for reading, once known to be a regular file within the size limit.

    Opened without blocking (a pipe with no writer would wait forever) and checked on the
    open handle, so a file swapped after a check cannot slip through.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise NotAPackage(
            f"Berkas {path} tidak dapat dibaca ({exc.strerror}).",
            f"Cannot read the file {path} ({exc.strerror}).",
        ) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotRegularFile(
                f"{path} bukan berkas biasa (folder, pipa atau perangkat), dilewati.",
                f"{path} is not a regular file (a folder, pipe or device), skipped.",
            )
        if info.st_size > MAX_FILE_BYTES:
            raise NotAPackage(
                f"Berkas {path} terlalu besar untuk paket JIPP ({info.st_size} bita; paling "
                f"besar {MAX_FILE_BYTES} bita). Tidak ada yang diimpor.",
                f"The file {path} is too large for a JIPP package ({info.st_size} bytes; at "
                f"most {MAX_FILE_BYTES} bytes). Nothing was imported.",
            )
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def peek_manifest(path: Path) -> dict[str, Any] | None:
    """The manifest a file claims to have, read without any check (None when unreadable).

    Only good for decisions a lie cannot abuse: skipping a file already imported, or
    asking whether to trust the key it names (that key must still sign the package).
    """
    try:
        with open_file(path) as handle, zipfile.ZipFile(handle) as zf:
            info = zf.getinfo(MANIFEST)
            if info.file_size > MAX_MANIFEST_BYTES:
                return None
            claimed = json.loads(zf.read(info))
    except (NotAPackage, *ZIP_ERRORS):
        return None
    return claimed if isinstance(claimed, dict) else None


def peek_package_id(path: Path) -> str | None:
    claimed = (peek_manifest(path) or {}).get("package_id")
    return claimed if isinstance(claimed, str) else None


def looks_complete(path: Path) -> bool:
    """Whether ``path`` holds a whole zip or a sealed package (not one still being copied)."""
    try:
        with open_file(path) as handle:
            return crypto.is_sealed(handle.read(len(crypto.MAGIC))) or zipfile.is_zipfile(handle)
    except NotAPackage:
        return True


def open_package(path: Path, passphrase: str | None = None) -> Package:
    """Open and verify ``path``; raises NotAPackage or BadPassphrase, never anything else."""
    source = _unsealed(path, passphrase)
    try:
        zf = zipfile.ZipFile(source)
    except ZIP_ERRORS:
        source.close()
        raise damaged("bukan berkas zip atau terpotong", "not a zip file, or truncated") from None
    try:
        return _verify(zf, source)
    except NotAPackage:
        zf.close()
        source.close()
        raise
    except ZIP_ERRORS as exc:
        zf.close()
        source.close()
        raise damaged(
            f"isi zip rusak ({type(exc).__name__})",
            f"the zip content is damaged ({type(exc).__name__})",
        ) from None


def _unsealed(path: Path, passphrase: str | None) -> IO[bytes]:
    """The zip inside ``path``: the file itself, or a masked spool of its unsealed content."""
    handle = open_file(path)
    try:
        if not crypto.is_sealed(handle.read(len(crypto.MAGIC))):
            handle.seek(0)
            return handle
        plain = spool.spool()
        try:
            crypto.unseal(handle, os.fstat(handle.fileno()).st_size, plain, passphrase)
            plain.seek(0)
        except BaseException:
            plain.close()
            raise
        handle.close()
        return plain
    except OSError as exc:
        handle.close()
        raise NotAPackage(
            f"Berkas {path} tidak dapat dibaca ({exc.strerror}).",
            f"Cannot read the file {path} ({exc.strerror}).",
        ) from None
    except BaseException:
        handle.close()
        raise


def _verify(zf: zipfile.ZipFile, source: IO[bytes]) -> Package:
    infos = zf.infolist()
    if MANIFEST not in {i.filename for i in infos}:
        raise damaged("tidak ada manifest.json", "there is no manifest.json")
    _check_listing(infos)
    manifest_bytes = _read_exact(zf, zf.getinfo(MANIFEST), None)
    manifest = _parse_manifest(manifest_bytes)
    texts: dict[str, bytes] = {}
    members = _check_members(zf, manifest, infos, texts)
    sig_text = (
        _read_exact(zf, zf.getinfo(SIGNATURE), None).strip()
        if SIGNATURE in {i.filename for i in infos}
        else b""
    )
    try:
        signature = bytes.fromhex(sig_text.decode("ascii"))
    except ValueError:
        signature = b""
    if not identity.verify(manifest["sender"]["public_key"], signature, manifest_bytes):
        raise NotAPackage(
            "Tanda tangan paket tidak cocok: paket diubah setelah dibuat. Tidak ada yang diimpor.",
            "The package signature does not match: it was changed after it was made. "
            "Nothing was imported.",
        )
    return Package(manifest, manifest_bytes, zf, source, members, texts)


def _check_listing(infos: list[zipfile.ZipInfo]) -> None:
    if len(infos) > MAX_MEMBERS:
        raise damaged("terlalu banyak berkas di dalamnya", "it holds too many members")
    seen: set[str] = set()
    total = 0
    for info in infos:
        name = info.filename
        if not _safe_name(name):
            raise NotAPackage(
                f"Paket berisi nama berkas yang tidak aman: {name!r}. Ditolak.",
                f"The package holds an unsafe member name: {name!r}. Refused.",
            )
        if name in seen:
            raise damaged(f"nama berkas ganda {name!r}", f"duplicate member name {name!r}")
        seen.add(name)
        mode = info.external_attr >> 16
        if info.is_dir() or stat.S_ISLNK(mode):
            raise NotAPackage(
                f"Paket berisi tautan atau folder: {name!r}. Ditolak.",
                f"The package holds a link or folder entry: {name!r}. Refused.",
            )
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise damaged(
                f"metode kompresi tidak dikenal pada {name!r}",
                f"unknown compression method for {name!r}",
            )
        total += info.file_size
        if info.file_size > RATIO_FLOOR_BYTES and (
            info.file_size > MAX_RATIO * max(info.compress_size, 1)
        ):
            raise NotAPackage(
                f"Paket ditolak: {name!r} mengembang terlalu besar (kemungkinan bom zip).",
                f"Package refused: {name!r} expands too much (likely a zip bomb).",
            )
    if total > MAX_TOTAL_BYTES:
        raise NotAPackage(
            "Paket ditolak: isinya terlalu besar setelah dibuka.",
            "Package refused: it is too large once unpacked.",
        )


def _safe_name(name: str) -> bool:
    if not name or name.startswith(("/", "\\")) or "\\" in name or "\x00" in name:
        return False
    if re.match(r"^[A-Za-z]:", name):
        return False
    parts = name.split("/")
    return all(p not in ("", ".", "..") for p in parts)


def _read_exact(zf: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int | None) -> bytes:
    cap = MAX_MANIFEST_BYTES if limit is None else limit
    if info.file_size > cap:
        raise damaged(f"{info.filename} terlalu besar", f"{info.filename} is too large")
    with zf.open(info) as handle:
        data = handle.read(cap + 1)
    if len(data) > cap:
        raise damaged(f"{info.filename} terlalu besar", f"{info.filename} is too large")
    return data


def _parse_manifest(data: bytes) -> dict[str, Any]:
    try:
        manifest = json.loads(data)
    except (ValueError, UnicodeDecodeError):
        raise damaged("manifest.json bukan JSON", "manifest.json is not JSON") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise damaged("manifest.json bukan manifest JIPP", "manifest.json is not a JIPP manifest")
    version = manifest.get("format_version")
    if version not in READABLE_VERSIONS:
        raise NotAPackage(
            f"Versi format paket {version!r} tidak dikenal (versi ini membaca "
            f"{', '.join(map(str, READABLE_VERSIONS))}). Perbarui aplikasi.",
            f"Unknown package format version {version!r} (this app reads "
            f"{', '.join(map(str, READABLE_VERSIONS))}). Update the app.",
        )
    problem = manifest_problem(manifest)
    if problem:
        raise damaged(f"manifest tidak lengkap: {problem}", f"incomplete manifest: {problem}")
    return manifest


def manifest_problem(manifest: dict[str, Any]) -> str | None:
    """The first structural problem of a manifest (docs/sync-format.schema.json), or None."""
    sender = manifest.get("sender")
    if not isinstance(sender, dict):
        return "sender"
    for key in ("id", "name", "public_key"):
        if not isinstance(sender.get(key), str) or not sender[key]:
            return f"sender.{key}"
    if not isinstance(manifest.get("package_id"), str) or not manifest["package_id"]:
        return "package_id"
    if not isinstance(manifest.get("created_at"), str):
        return "created_at"
    if (
        not isinstance(manifest.get("seq"), int)
        or isinstance(manifest["seq"], bool)
        or manifest["seq"] < 1
    ):
        return "seq"
    if not isinstance(manifest.get("stream"), str):
        return "stream"
    scope = manifest.get("scope")
    if not isinstance(scope, dict) or not isinstance(scope.get("full"), bool):
        return "scope"
    for key in ("base", "carries"):
        vector = manifest.get(key)
        # Each entry is an origin and a canonical stamp of that origin.
        if not isinstance(vector, dict) or not all(
            is_stamp(v) and v[17:] == k for k, v in vector.items()
        ):
            return key
    members = manifest.get("members")
    if not isinstance(members, list):
        return "members"
    for item in members:
        if not (
            isinstance(item, dict)
            and isinstance(item.get("name"), str)
            and isinstance(item.get("size"), int)
            and isinstance(item.get("sha256"), str)
            and _SHA.match(item["sha256"])
        ):
            return "members[]"
    return None


def _check_members(
    zf: zipfile.ZipFile,
    manifest: dict[str, Any],
    infos: list[zipfile.ZipInfo],
    texts: dict[str, bytes],
) -> dict[str, Member]:
    listed = {
        item["name"]: Member(item["name"], item["size"], item["sha256"])
        for item in manifest["members"]
    }
    present = {i.filename for i in infos} - {MANIFEST, SIGNATURE}
    if len(listed) != len(manifest["members"]) or set(listed) != present:
        raise NotAPackage(
            "Isi paket tidak sama dengan daftar di manifest: paket diubah. Tidak ada yang diimpor.",
            "The package content differs from its manifest: it was tampered with. "
            "Nothing was imported.",
        )
    for info in infos:
        member = listed.get(info.filename)
        if member is None:
            continue
        if info.file_size != member.size:
            raise damaged(f"ukuran {info.filename} salah", f"wrong size of {info.filename}")
        if (
            info.filename.startswith(ATTACHMENT_DIR)
            and info.filename[len(ATTACHMENT_DIR) :] != member.sha256
        ):
            raise damaged(
                f"nama lampiran {info.filename} salah", f"attachment {info.filename} is misnamed"
            )
        digest = hashlib.sha256()
        read = 0
        keep = info.filename.endswith(".jsonl") and member.size <= TEXT_CACHE_BYTES
        blocks: list[bytes] = []
        with zf.open(info) as handle:
            while block := handle.read(1 << 20):
                read += len(block)
                if read > member.size:
                    break
                digest.update(block)
                if keep:
                    blocks.append(block)
        if read != member.size or digest.hexdigest() != member.sha256:
            raise NotAPackage(
                f"Isi {info.filename} tidak cocok dengan sidik SHA-256-nya: paket rusak atau "
                "diubah. Tidak ada yang diimpor.",
                f"The content of {info.filename} does not match its SHA-256: the package is "
                "damaged or was changed. Nothing was imported.",
            )
        if keep:
            texts[info.filename] = b"".join(blocks)
    return listed
