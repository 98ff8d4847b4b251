"""Commands over records and the data folder: record, stats, demo-data, backup, restore."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from jipp_desktop.cli import exit_codes
from jipp_desktop.cli.main import Context, InvalidInput, UsageError
from jipp_desktop.core import backup, cipher, demo, engine, staleness, storage
from jipp_desktop.core.demo.office import fill_settings
from jipp_desktop.core.faults import megabytes
from jipp_desktop.core.query import ListQuery
from jipp_desktop.core.registry import RECORD_TYPES

TYPES = tuple(RECORD_TYPES)
# What a demo dataset adds to the data folder (database, WAL, its next backup), rounded up.
DEMO_SPACE = {"small": 20_000_000, "national": 2_500_000_000}


def register(sub: argparse._SubParsersAction[Any]) -> None:
    demo_p = sub.add_parser("demo-data", help="fill the data folder with a demo dataset")
    demo_p.add_argument("--size", choices=demo.SIZES, default="small")
    demo_p.add_argument("--seed", type=int, default=1)
    demo_p.set_defaults(handler=demo_data)

    stats_p = sub.add_parser("stats", help="live records per type")
    stats_p.add_argument("--json", action="store_true")
    stats_p.set_defaults(handler=stats)

    record = sub.add_parser("record", help="add, change, show, list, delete records")
    actions = record.add_subparsers(dest="action", required=True)
    add = actions.add_parser("add", help="create a record from JSON; prints the new id")
    add.add_argument("type", choices=TYPES)
    add.add_argument("--json", dest="json_file", required=True, help="a JSON file, or - for stdin")
    add.set_defaults(handler=record_add)
    upd = actions.add_parser("update", help="partial update from JSON")
    upd.add_argument("type", choices=TYPES)
    upd.add_argument("id")
    upd.add_argument("--json", dest="json_file", required=True)
    upd.add_argument(
        "--expect-version",
        default=None,
        help="refuse the change (status 9) if what it overwrites changed since 'record version'",
    )
    upd.set_defaults(handler=record_update)
    ver = actions.add_parser("version", help="the record's version, for update --expect-version")
    ver.add_argument("type", choices=TYPES)
    ver.add_argument("id")
    ver.set_defaults(handler=record_version)
    for name, handler, text in (
        ("show", record_show, "print one record as JSON"),
        ("delete", record_delete, "move a record to the trash"),
        ("restore", record_restore, "bring a record back from the trash"),
        ("history", record_history, "the record's audit trail"),
    ):
        p = actions.add_parser(name, help=text)
        p.add_argument("type", choices=TYPES)
        p.add_argument("id")
        if name == "history":
            p.add_argument("--json", action="store_true")
        p.set_defaults(handler=handler)
    lst = actions.add_parser("list", help="list records (newest schema order)")
    lst.add_argument("type", choices=TYPES)
    lst.add_argument("--search", default=None)
    lst.add_argument("--province", default=None, help="province code, e.g. 36")
    lst.add_argument("--deleted", action="store_true", help="list the trash instead")
    lst.add_argument("--limit", type=int, default=None)
    lst.add_argument("--json", action="store_true")
    lst.set_defaults(handler=record_list)

    bak = sub.add_parser("backup", help="write a consistent copy of the database")
    bak.add_argument("--to", type=Path, default=None, help="target file (default: backups/)")
    bak.set_defaults(handler=backup_cmd)
    bak_actions = bak.add_subparsers(dest="backup_action")
    bak_list = bak_actions.add_parser("list", help="the backups kept, newest first")
    bak_list.add_argument("--json", action="store_true")
    bak_list.set_defaults(handler=backup_list)
    res = sub.add_parser("restore", help="replace the database with a backup (after a backup)")
    res.add_argument("file", type=Path)
    res.set_defaults(handler=restore_cmd)


def _read_json(ctx: Context, source: str) -> dict[str, Any]:
    try:
        text = ctx.stdin.read() if source == "-" else Path(source).read_text(encoding="utf-8")
    except OSError as exc:
        raise UsageError(
            f"Berkas JSON {source} tidak dapat dibaca: {exc.strerror}.",
            f"Cannot read JSON file {source}: {exc.strerror}.",
        ) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InvalidInput(
            f"Berkas JSON {source} tidak valid (baris {exc.lineno}): {exc.msg}.",
            f"JSON file {source} is not valid (line {exc.lineno}): {exc.msg}.",
        ) from None
    if not isinstance(data, dict):
        raise InvalidInput(
            f"Berkas JSON {source} harus berisi satu objek.",
            f"JSON file {source} must hold one object.",
        )
    return data


def demo_data(args: argparse.Namespace, ctx: Context) -> int:
    with ctx.workspace() as ws:
        storage.require_space(ws.data_dir, DEMO_SPACE[args.size])
        counts = demo.generate(ws.records, args.size, args.seed)
        # A kop, officer and approval block, so reports made right away look official.
        fill_settings(ws.settings)
    ctx.print_json(counts)
    return exit_codes.OK


def stats(args: argparse.Namespace, ctx: Context) -> int:
    with ctx.workspace(readonly=True) as ws:
        counts = ws.records.stats()
    if args.json:
        ctx.print_json(counts)
    else:
        for name, count in counts.items():
            label = RECORD_TYPES[name].label[0 if ctx.lang == "id" else 1]
            ctx.stdout.write(f"{label:<28} {count:>9}\n")
    return exit_codes.OK


def record_add(args: argparse.Namespace, ctx: Context) -> int:
    data = _read_json(ctx, args.json_file)
    with ctx.workspace() as ws:
        new_id = ws.records.create(args.type, data)
    ctx.stdout.write(new_id + "\n")
    return exit_codes.OK


def record_update(args: argparse.Namespace, ctx: Context) -> int:
    data = _read_json(ctx, args.json_file)
    if data.get("id") not in (None, args.id):
        raise InvalidInput(
            f"Id di JSON ({data['id']}) berbeda dengan {args.id}.",
            f"The id in the JSON ({data['id']}) differs from {args.id}.",
        )
    base = _expected_version(args.expect_version)
    with ctx.workspace() as ws:
        changed = ws.records.update(args.type, args.id, data, base=base)
    if not changed:
        ctx.say("Tidak ada perubahan.", "Nothing changed.")
    return exit_codes.OK


def _expected_version(token: str | None) -> staleness.RecordVersion | None:
    if token is None:
        return None
    try:
        return staleness.decode(token)
    except ValueError:
        raise UsageError(
            f"'{token}' bukan versi data dari 'record version'.",
            f"'{token}' is not a record version printed by 'record version'.",
        ) from None


def record_version(args: argparse.Namespace, ctx: Context) -> int:
    with ctx.workspace(readonly=True) as ws:
        ctx.stdout.write(staleness.encode(ws.records.version(args.type, args.id)) + "\n")
    return exit_codes.OK


def record_show(args: argparse.Namespace, ctx: Context) -> int:
    with ctx.workspace(readonly=True) as ws:
        ctx.print_json(ws.records.get(args.type, args.id, include_deleted=True))
    return exit_codes.OK


def record_delete(args: argparse.Namespace, ctx: Context) -> int:
    with ctx.workspace() as ws:
        ws.records.delete(args.type, args.id)
    return exit_codes.OK


def record_restore(args: argparse.Namespace, ctx: Context) -> int:
    with ctx.workspace() as ws:
        ws.records.restore(args.type, args.id)
    return exit_codes.OK


def record_history(args: argparse.Namespace, ctx: Context) -> int:
    with ctx.workspace(readonly=True) as ws:
        entries = ws.records.history(args.type, args.id)
    if args.json:
        ctx.print_json(entries)
        return exit_codes.OK
    for e in entries:
        change = f"{e['field'] or '-'}: {e['old'] or ''} -> {e['new'] or ''}"
        # Entries older than schema version 12 do not know their workstation.
        where = e["workstation"] or "?"
        ctx.stdout.write(f"{e['at']}  {e['actor']} @ {where}  {e['action']:<8} {change}\n")
    return exit_codes.OK


def record_list(args: argparse.Namespace, ctx: Context) -> int:
    query = ListQuery(
        search=args.search,
        deleted=args.deleted,
        limit=args.limit,
        filters={"province_code": args.province} if args.province else {},
    )
    with ctx.workspace(readonly=True) as ws:
        rows = ws.records.list(args.type, query)
        title = RECORD_TYPES[args.type].title_field
        if args.json:
            ctx.print_json(rows)
            return exit_codes.OK
        for row in rows:
            ctx.stdout.write(f"{row['id']}  {row.get(title) or ''}\n")
    return exit_codes.OK


def backup_cmd(args: argparse.Namespace, ctx: Context) -> int:
    engine.refuse_on_postgresql(ctx.data_dir, "backup")
    with ctx.workspace() as ws:
        target = args.to or None
        if target is None:
            made = ws.backup("manual")
            assert made is not None
            target = made
        else:
            backup.copy_database(ws.db_path, Path(target))
    ctx.say(f"Cadangan tersimpan: {target}", f"Backup written: {target}")
    return exit_codes.OK


def backup_list(args: argparse.Namespace, ctx: Context) -> int:
    # The folder is not opened: the list must show even when the database is missing.
    engine.refuse_on_postgresql(ctx.data_dir, "backup")
    infos = backup.backup_infos(ctx.data_dir)
    if args.json:
        ctx.print_json([info.as_dict() for info in infos])
        return exit_codes.OK
    if not infos:
        ctx.say("Belum ada cadangan.", "No backups yet.")
    unknown = "?"
    for info in infos:
        records = unknown if info.records is None else str(info.records)
        word = "data" if ctx.lang == "id" else "records"
        ctx.stdout.write(
            f"{info.created:%Y-%m-%d %H:%M}  {info.reason:<15} {megabytes(info.size):>10}  "
            f"{records:>7} {word}  {info.path}\n"
        )
    return exit_codes.OK


def restore_cmd(args: argparse.Namespace, ctx: Context) -> int:
    engine.refuse_on_postgresql(ctx.data_dir, "restore")
    cipher.unlock_without_database(ctx.data_dir, ctx.passphrase)
    try:
        saved = backup.restore(ctx.data_dir, Path(args.file))
    finally:
        cipher.unlock(None)
    ctx.say(
        f"Basis data dipulihkan dari {args.file}. Keadaan sebelumnya disimpan di {saved}.",
        f"Database restored from {args.file}. The previous state is saved in {saved}.",
    )
    return exit_codes.OK
