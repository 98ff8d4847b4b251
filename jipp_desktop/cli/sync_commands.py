"""Commands for file-based sync: device, sync export|import|folder|status, conflicts."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from jipp_desktop.cli import exit_codes
from jipp_desktop.cli.main import Context, UsageError, read_passphrase_file
from jipp_desktop.core import passphrase as passphrase_rules
from jipp_desktop.sync import (
    conflicts,
    exporter,
    folder,
    identity,
    importer,
    peers,
    report,
    revocation,
    undo,
)
from jipp_desktop.sync.report import ImportReport


def register(sub: argparse._SubParsersAction[Any]) -> None:
    device = sub.add_parser("device", help="this laptop's sync identity (id, name, fingerprint)")
    device.add_argument("--json", action="store_true")
    device.set_defaults(handler=device_show)
    dev_actions = device.add_subparsers(dest="device_action")
    trust = dev_actions.add_parser("trust", help="accept packages signed with this fingerprint")
    trust.add_argument("fingerprint")
    trust.add_argument(
        "--role",
        choices=revocation.ROLES,
        default=None,
        help="hub (default), province or ministry: whose revocations count here",
    )
    trust.set_defaults(handler=device_trust)
    untrust = dev_actions.add_parser(
        "untrust", help="refuse later packages signed with this fingerprint, here and beyond"
    )
    untrust.add_argument("fingerprint")
    untrust.set_defaults(handler=device_untrust)
    rename = dev_actions.add_parser("rename", help="set the name other laptops see")
    rename.add_argument("name")
    rename.set_defaults(handler=device_rename)

    sync = sub.add_parser("sync", help="exchange packages with other laptops")
    actions = sync.add_subparsers(dest="sync_action", required=True)
    exp = actions.add_parser("export", help="write a package")
    exp.add_argument("--to", type=Path, required=True, dest="target")
    which = exp.add_mutually_exclusive_group()
    which.add_argument(
        "--for", dest="for_device", default=None, help="only what that device lacks (its device id)"
    )
    which.add_argument("--full", action="store_true", help="everything")
    exp.add_argument("--province", default=None, help="only this province (code, e.g. 36)")
    exp.add_argument("--passphrase-file", type=Path, default=None)
    exp.set_defaults(handler=sync_export)
    imp = actions.add_parser("import", help="check and import a package")
    imp.add_argument("file", type=Path)
    imp.add_argument(
        "--dry-run", action="store_true", help="show what would change, change nothing"
    )
    imp.add_argument("--json", action="store_true")
    imp.add_argument("--trust", action="store_true", help="trust an unknown sender")
    imp.add_argument("--passphrase-file", type=Path, default=None)
    imp.set_defaults(handler=sync_import)
    fold = actions.add_parser("folder", help="write our package into DIR and import the others")
    fold.add_argument("dir", type=Path)
    fold.add_argument("--trust", action="store_true")
    fold.set_defaults(handler=sync_folder)
    und = actions.add_parser("undo", help="bring back what an imported package moved to the trash")
    und.add_argument("package_id", help="the package id from the import report (8+ characters)")
    und.set_defaults(handler=sync_undo)
    reps = actions.add_parser("reports", help="the kept import reports, or one of them")
    reps.add_argument("name", nargs="?", default=None, help="a report's name from the list")
    reps.add_argument("--json", action="store_true")
    reps.set_defaults(handler=sync_reports)
    stat = actions.add_parser("status", help="dataset digest, peers, what each has, gaps")
    stat.add_argument("--json", action="store_true")
    stat.set_defaults(handler=sync_status)

    conf = sub.add_parser("conflicts", help="values that lost to a concurrent change")
    conf.add_argument("--json", action="store_true")
    conf.add_argument("--all", action="store_true", help="include resolved ones")
    conf.set_defaults(handler=conflicts_list)
    conf_actions = conf.add_subparsers(dest="conflict_action")
    res = conf_actions.add_parser("resolve", help="keep the current or the other value")
    res.add_argument("id")
    res.add_argument("--keep", choices=conflicts.KEEP, required=True)
    res.set_defaults(handler=conflicts_resolve)


def _passphrase(path: Path | None) -> str | None:
    return None if path is None else read_passphrase_file(path)


def device_show(args: argparse.Namespace, ctx: Context) -> int:
    with ctx.workspace() as ws:
        key = identity.load_or_create(ws.data_dir)
        info = {
            "id": ws.device_id,
            "name": ws.device_name,
            "fingerprint": key.fingerprint,
            "trusted": identity.trusted_list(),
            "revocations": revocation.listing(key.fingerprint),
        }
    if args.json:
        ctx.print_json(info)
    else:
        ctx.say(
            f"Id perangkat: {info['id']}\nNama: {info['name']}\nSidik jari: {info['fingerprint']}",
            f"Device id: {info['id']}\nName: {info['name']}\nFingerprint: {info['fingerprint']}",
        )
    return exit_codes.OK


def _fingerprint(text: str) -> str:
    fingerprint = identity.normalise_fingerprint(text)
    if fingerprint is None:
        raise UsageError(
            f"'{text}' bukan sidik jari (32 angka heksadesimal).",
            f"'{text}' is not a fingerprint (32 hex digits).",
        )
    return fingerprint


def device_trust(args: argparse.Namespace, ctx: Context) -> int:
    fingerprint = _fingerprint(args.fingerprint)
    with ctx.workspace():
        revocation.trust(fingerprint, args.role)
        role_id, role_en = revocation.ROLE_LABELS[revocation.role_of(fingerprint)]
    ctx.say(
        f"Pengirim dengan sidik jari {fingerprint} dipercaya (peran: {role_id}).",
        f"The sender with fingerprint {fingerprint} is trusted (role: {role_en}).",
    )
    return exit_codes.OK


def device_untrust(args: argparse.Namespace, ctx: Context) -> int:
    fingerprint = _fingerprint(args.fingerprint)
    with ctx.workspace() as ws:
        key = identity.load_or_create(ws.data_dir)
        if fingerprint == key.fingerprint:
            raise UsageError(
                "Itu kunci laptop ini sendiri; laptop ini tidak dapat mencabut kepercayaan "
                "pada dirinya sendiri.",
                "That is this laptop's own key; this laptop cannot withdraw trust in itself.",
            )
        revocation.untrust(key, ws.device_id, ws.device_name, fingerprint)
    ctx.say(
        f"Kepercayaan pada kunci {fingerprint} dicabut. Paket berikutnya yang ditandatangani "
        "dengan kunci ini ditolak; data yang sudah diimpor tetap ada. Pencabutan ini ikut "
        "terkirim bersama paket laptop ini.",
        f"Trust in key {fingerprint} was withdrawn. Later packages signed with this key are "
        "refused; what was imported stays. The revocation travels with this laptop's packages.",
    )
    return exit_codes.OK


def device_rename(args: argparse.Namespace, ctx: Context) -> int:
    with ctx.workspace() as ws:
        ws.rename_device(args.name)
        name = ws.device_name
    ctx.say(f"Nama perangkat: {name}", f"Device name: {name}")
    return exit_codes.OK


def sync_export(args: argparse.Namespace, ctx: Context) -> int:
    passphrase = _passphrase(args.passphrase_file)
    if passphrase is not None:
        # Checked before the folder is opened; an empty file once wrote an open package.
        passphrase_rules.check(passphrase, str(args.passphrase_file))
    with ctx.workspace() as ws:
        result = exporter.export(
            ws,
            args.target,
            for_device=args.for_device,
            full=args.full,
            province=args.province,
            passphrase=passphrase,
        )
    ctx.tell_clock(result.clock_repair)
    kind_id = "lengkap" if result.full else "tambahan"
    kind_en = "full" if result.full else "incremental"
    ctx.say(
        f"Paket {kind_id} {result.seq} ditulis ke {result.path}: {result.rows} baris "
        f"perubahan, {result.conflicts} konflik, {result.attachments} lampiran.",
        f"Wrote {kind_en} package {result.seq} to {result.path}: {result.rows} change "
        f"lines, {result.conflicts} conflicts, {result.attachments} attachments.",
    )
    return exit_codes.OK


def _print_report(ctx: Context, report: ImportReport, as_json: bool) -> None:
    if as_json:
        ctx.print_json(report.as_dict())
    else:
        ctx.stdout.write(report.text(ctx.lang))


def sync_import(args: argparse.Namespace, ctx: Context) -> int:
    passphrase = _passphrase(args.passphrase_file)
    with ctx.workspace() as ws:
        report = importer.import_package(
            ws, args.file, passphrase=passphrase, dry_run=args.dry_run, trust=args.trust
        )
    _print_report(ctx, report, args.json)
    return exit_codes.OK


def sync_reports(args: argparse.Namespace, ctx: Context) -> int:
    with ctx.workspace(readonly=True) as ws:
        if args.name is not None:
            _print_report(ctx, report.load_named(ws.data_dir, args.name), args.json)
            return exit_codes.OK
        found = report.kept(ws.data_dir)
    if args.json:
        ctx.print_json([k.as_dict() for k in found])
    elif not found:
        ctx.say("Belum ada laporan impor.", "No import reports yet.")
    else:
        ctx.stdout.write("".join(k.label() + "\n" for k in found))
    return exit_codes.OK


def sync_undo(args: argparse.Namespace, ctx: Context) -> int:
    with ctx.workspace() as ws:
        result = undo.undo(ws, args.package_id)
    ctx.say(result.message("id"), result.message("en"))
    return exit_codes.OK


def sync_folder(args: argparse.Namespace, ctx: Context) -> int:
    with ctx.workspace() as ws:
        result = folder.exchange(ws, args.dir, trust=args.trust)
    ctx.say(
        f"Paket laptop ini ditulis: {result.written}",
        f"This laptop's package was written: {result.written}",
    )
    for outcome in result.outcomes:
        stream = ctx.stderr if outcome.exit_status else ctx.stdout
        stream.write(outcome.message(ctx.lang) + "\n")
    return result.exit_status


def sync_status(args: argparse.Namespace, ctx: Context) -> int:
    with ctx.workspace(readonly=True) as ws:
        info = peers.sync_status(ws, ctx.lang)
    if args.json:
        ctx.print_json(info)
        return exit_codes.OK
    en = ctx.lang == "en"
    out = [
        ("Dataset digest" if en else "Sidik data") + f": {info['digest']}",
        ("This laptop" if en else "Laptop ini")
        + f": {info['device']['name']} ({info['device']['fingerprint']})",
        ("Last exchange" if en else "Pertukaran terakhir") + f": {info['last_exchange'] or '-'}",
        ("Open conflicts" if en else "Konflik terbuka") + f": {info['open_conflicts']}",
    ]
    for peer in info["peers"]:
        trusted = (
            ("trusted" if en else "dipercaya")
            if peer["trusted"]
            else ("not trusted" if en else "belum dipercaya")
        )
        out.append(
            f"- {peer['name']} ({peer['device_id']}, {trusted}): "
            + ("packages" if en else "paket")
            + f" {peer['packages']}, "
            + ("newest" if en else "terbaru")
            + f" {peer['newest_seq']}, "
            + ("holds" if en else "memegang")
            + f" {len(peer['holds'])} "
            + ("origins" if en else "asal")
        )
    out += [f"! {g['message']}" for g in info["gaps"]]
    out += [f"! {w}" for w in info["warnings"]]
    ctx.stdout.write("\n".join(out) + "\n")
    return exit_codes.OK


def conflicts_list(args: argparse.Namespace, ctx: Context) -> int:
    with ctx.workspace(readonly=True):
        found = conflicts.list_conflicts(include_resolved=args.all, lang=ctx.lang)
    if args.json:
        ctx.print_json(found)
        return exit_codes.OK
    if not found:
        ctx.say("Tidak ada yang perlu ditinjau.", "Nothing to review.")
    for c in found:
        ctx.stdout.write(
            f"{c['id']}  {c['record_type']} {c['title']!r}  {c['label']}: "
            f"{json.dumps(c['current'], ensure_ascii=False)} <> "
            f"{json.dumps(c['other'], ensure_ascii=False)}\n"
        )
    return exit_codes.OK


def conflicts_resolve(args: argparse.Namespace, ctx: Context) -> int:
    with ctx.workspace() as ws:
        changed = conflicts.resolve(ws, args.id, args.keep)
    if changed:
        ctx.say(
            "Konflik diselesaikan; nilai yang dipilih akan ikut terkirim.",
            "Conflict resolved; the chosen value will travel with the next package.",
        )
    else:
        ctx.say("Konflik diselesaikan.", "Conflict resolved.")
    return exit_codes.OK
