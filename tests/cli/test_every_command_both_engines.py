"""Every documented command, run on a laptop's SQLite folder and on the ministry's
PostgreSQL database from the same demo data: each works on both and they print the same
records, counts, settings, categories, spreadsheets and report text."""

from __future__ import annotations

import csv
import json
import re
import subprocess
from pathlib import Path
from typing import Any

from test_record_commands import Result, cli

from jipp_desktop.cli import exit_codes

SEED = "5"


class Station:
    """One place to run commands: a data folder, optionally on PostgreSQL."""

    def __init__(self, folder: Path, url: str | None) -> None:
        self.folder = folder
        self.options = ("--database", url) if url else ()

    def run(self, *args: str, stdin: str = "") -> Result:
        done = cli(self.folder, *self.options, *args, stdin=stdin)
        assert done.status == exit_codes.OK, (args, done.err)
        return done

    def json(self, *args: str) -> Any:
        return self.run(*args, "--json").json()


# The dataset digest printed on every report: the two stations hold different demo ids.
DIGEST = re.compile(r"\b[0-9A-F]{4}(-[0-9A-F]{4}){3}\b")
# The creation time (minutes may tick between the two sessions).
CLOCK = re.compile(r"\b\d{1,2}[.:]\d{2}\b")


def _pdf_words(path: Path) -> list[str]:
    """The report's words (sorted: pdftotext's reading order of two charts side by side
    may differ by a point's placement), without the digest and the creation time."""
    text = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return sorted(CLOCK.sub("", DIGEST.sub("", text)).split())


def _session(station: Station, out: Path) -> dict[str, Any]:
    """What one station prints for the documented commands, in comparable form."""
    station.run("demo-data", "--seed", SEED)
    seen: dict[str, Any] = {"stats": station.json("stats")}
    innovations = station.json("record", "list", "innovation", "--province", "53")
    seen["innovations"] = sorted(r["title"] for r in innovations)
    seen["search"] = sorted(
        r["title"] for r in station.json("record", "list", "innovation", "--search", "desa")
    )
    first = min(innovations, key=lambda r: r["title"])
    title = first["title"]
    record = json.loads(station.run("record", "show", "innovation", first["id"]).out)
    seen["shown"] = {k: v for k, v in record.items() if k in ("title", "stage", "category")}
    version = station.run("record", "version", "innovation", first["id"]).out.strip()
    station.run("record", "update", "innovation", first["id"], "--json", "-",
                "--expect-version", version, stdin=json.dumps({"tags": "uji mesin"}))  # fmt: skip
    station.run("record", "delete", "innovation", first["id"])
    station.run("record", "restore", "innovation", first["id"])
    history = station.json("record", "history", "innovation", first["id"])
    seen["history_fields"] = sorted({h["field"] for h in history if h.get("field")})
    seen["settings"] = station.json("settings", "show")
    station.run("settings", "set", "paper", "f4")
    seen["categories"] = station.json("category", "list", "--year", "2022")
    out.mkdir()
    station.run("export", "innovation", "--out", str(out / "list.csv"), "--province", "53")
    with (out / "list.csv").open(encoding="utf-8-sig", newline="") as rows:
        seen["csv_rows"] = sum(1 for _ in csv.reader(rows, delimiter=";"))
    station.run("import", "template", "--out", str(out / "template.xlsx"))
    hubs = station.json("record", "list", "hub")
    for kind, args in (
        ("innovation", ("innovation", first["id"])),
        ("hub", ("hub", "53")),
        ("national", ("national",)),
        ("register", ("register", "--province", "53")),
        ("cover", ("cover-letter", "--for", "hub", "--province", "53")),
    ):
        station.run("report", *args, "--out", str(out / f"{kind}.pdf"))
        seen[f"report_{kind}"] = _pdf_words(out / f"{kind}.pdf")
    seen["hubs"] = sorted(h["name"] for h in hubs)
    seen["device"] = sorted(station.json("device"))
    station.run("sync", "export", "--full", "--to", str(out / "full.jipp"))
    seen["sync_status"] = sorted(station.json("sync", "status"))
    seen["reports"] = station.json("sync", "reports")  # nothing imported: none on either
    seen["conflicts"] = station.json("conflicts")
    seen["title"] = title
    return seen


def test_every_command_prints_the_same_on_both_engines(tmp_path: Path, pg_url: str) -> None:
    laptop = _session(Station(tmp_path / "laptop", None), tmp_path / "laptop-out")
    ministry = _session(Station(tmp_path / "ministry", pg_url), tmp_path / "ministry-out")
    assert laptop["stats"] and laptop["innovations"] and laptop["search"]
    for key in laptop:
        assert ministry[key] == laptop[key], key
