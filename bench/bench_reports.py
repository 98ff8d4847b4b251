"""Benchmark the reports against raw reportlab, by hand (not a test).

    python bench/bench_reports.py [--rows 10000] [--skip-national]

Each case runs in a subprocess of its own, so its peak memory (RSS from
``resource.getrusage``) is its own; times are wall-clock seconds of the case's work only.

1. ``register``: the innovation register of N rows (default 10,000), and ``baseline``:
   the same cells as raw platypus (Paragraph tables of 200 rows with ``repeatRows=1``,
   the report's font and column widths).  Printed as seconds per page and the ratio to
   the baseline measured in the same run (target <= 1.5x).
2. On the national demo data (``demo-data --size national``, made once into
   ``bench/.cache/national``; a few minutes): ``hub`` (the hub summary of the province with
   the most innovations; target <= 10 s and <= 300 MB), ``one-page-cold`` (a commitment
   statement right after a write, so the dataset digest is recomputed) and
   ``one-page-warm`` (the same with the digest cache valid; target < 1 s), and
   ``register-national`` (every innovation; target <= 300 MB).
3. ``triggers``: the cost of the change-marker triggers (db/migrations/0007) on a large
   write: 10,000 innovations created in one ``create_many`` in a fresh data folder, with the
   triggers and with them dropped, each twice in alternation (the faster of each kept);
   printed as the ratio with/without.

Prints the load average, one line per figure and a final JSON line.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
CACHE = ROOT / "bench" / ".cache"
CHUNK = 200


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def cpu_seconds() -> float:
    """This process's CPU time: on a shared machine, nearer a quiet run's wall time."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def register_folder(rows: int) -> Path:
    """A data folder with ``rows`` innovations (cached; made through the record service)."""
    from jipp_desktop.core.workspace import open_workspace

    folder = CACHE / f"register-{rows}"
    if (folder / "jipp.sqlite3").exists():
        return folder
    partial = folder.with_name(folder.name + ".part")
    shutil.rmtree(partial, ignore_errors=True)
    ws = open_workspace(partial)
    try:
        stages = ("initiative", "trial", "implementation")
        agencies = ws.records.create_many(
            "agency",
            [{"name": f"Dinas Pelayanan Publik Nomor {i}", "level": "regency"} for i in range(50)],
        )
        regencies = [code for code, _ in ws.regions.regencies_of("53")]
        ws.records.create_many(
            "innovation",
            [
                {
                    "title": f"Inovasi Layanan Publik Nomor {i:05d}" + " lanjutan" * (i % 7),
                    "province_code": "53",
                    "regency_code": regencies[i % len(regencies)],
                    "agency_id": agencies[i % len(agencies)],
                    # The officer's own words ("Lainnya: …") fit the list of any year.
                    "category": "Lainnya: " + ("Kesehatan", "Pendidikan", "Tata Kelola")[i % 3],
                    "stage": stages[i % 3],
                    "year_started": 2015 + i % 10,
                }
                for i in range(rows)
            ],
        )
    finally:
        ws.close()
    partial.rename(folder)
    return folder


def national_folder() -> Path:
    folder = CACHE / "national"
    if not (folder / "jipp.sqlite3").exists():
        print("generating the national demo data once (a few minutes)…", flush=True)
        subprocess.run(
            [sys.executable, "-m", "jipp_desktop", "--data-dir", str(folder), "demo-data",
             "--size", "national"],
            check=True, cwd=ROOT, stdout=subprocess.DEVNULL,
        )  # fmt: skip
    return folder


def _baseline(folder: Path, out: Path) -> int:
    """Raw platypus: the register's cells as Paragraph tables of CHUNK rows."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    from jipp_desktop.core.query import ListQuery
    from jipp_desktop.core.workspace import open_workspace
    from jipp_desktop.reports.blocks import grid_style
    from jipp_desktop.reports.columns import fit_widths
    from jipp_desktop.reports.context import ReportContext
    from jipp_desktop.reports.document import MARGIN_X
    from jipp_desktop.reports.fonts import register_fonts
    from jipp_desktop.reports.register import register_columns, register_rows
    from jipp_desktop.reports.styles import make_styles
    from jipp_desktop.reports.text import Tr, escape

    ws = open_workspace(folder, readonly=True)
    try:
        ctx = ReportContext.from_workspace(ws, "id")
        cells = register_rows(ctx, ctx.records.list("innovation", ListQuery()))
    finally:
        ws.close()
    register_fonts()
    s = make_styles()
    width = landscape(A4)[0] - 2 * MARGIN_X
    columns = register_columns(Tr("id"))
    widths = fit_widths(s, columns, cells, width)
    head = [Paragraph(escape(c.header), s.cell_head) for c in columns]
    style = TableStyle(grid_style())
    story = []
    for start in range(0, len(cells), CHUNK):
        body = [
            [r[0], *(Paragraph(escape(v), s.cell) for v in r[1:6]), r[6]]
            for r in cells[start : start + CHUNK]
        ]
        table = Table([head, *body], colWidths=widths, repeatRows=1)
        table.setStyle(style)
        story.append(table)
    doc = SimpleDocTemplate(
        str(out), pagesize=landscape(A4), leftMargin=MARGIN_X, rightMargin=MARGIN_X
    )
    doc.build(story)
    return int(doc.page)


def _report(folder: Path, out: Path, request: object, touch: bool = False) -> int:
    from jipp_desktop.core.workspace import open_workspace
    from jipp_desktop.reports.catalog import generate

    ws = open_workspace(folder)
    try:
        if touch:  # one write, as an officer's edit would: the digest must be recomputed
            from jipp_desktop.core import models as m

            m.database.execute_sql("UPDATE setting SET value = value WHERE key = 'language'")
            m.database.execute_sql(
                "UPDATE agency SET name = name WHERE seq = (SELECT min(seq) FROM agency)"
            )
        return generate(ws, request, out)  # type: ignore[arg-type]
    finally:
        ws.close()


TRIGGER_ROWS = 10_000


def _write_many(folder: Path, triggers: bool) -> float:
    """Seconds to create TRIGGER_ROWS innovations in a fresh data folder."""
    from jipp_desktop.core import models as m
    from jipp_desktop.core.workspace import open_workspace

    ws = open_workspace(folder)
    try:
        if not triggers:
            names = m.database.execute_sql(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%_marker_%'"
            ).fetchall()
            assert names, "the change-marker triggers exist"
            for (name,) in names:
                m.database.execute_sql(f'DROP TRIGGER "{name}"')
        rows = [
            {
                "title": f"Inovasi Layanan Publik Nomor {i:05d}",
                "province_code": "53",
                "category": "Lainnya: Kesehatan",  # the officer's own words: any year
                "stage": "trial",
                "year_started": 2015 + i % 10,
            }
            for i in range(TRIGGER_ROWS)
        ]
        start = time.perf_counter()
        ws.records.create_many("innovation", rows)
        return time.perf_counter() - start
    finally:
        ws.close()


def run_case(name: str, folder: Path, out: Path) -> dict[str, float]:
    """Runs inside the subprocess: the case's work, timed, and this process's peak RSS."""
    import peewee

    from jipp_desktop.core import models as m
    from jipp_desktop.reports.catalog import ReportRequest

    request: ReportRequest | None = None
    touch = False
    if name == "hub":
        from jipp_desktop.core.workspace import open_workspace

        ws = open_workspace(folder, readonly=True)
        count = peewee.fn.COUNT(m.Innovation.seq)
        province = (
            m.Innovation.select(m.Innovation.province_code, count)
            .where(m.alive(m.Innovation))
            .group_by(m.Innovation.province_code)
            .order_by(count.desc())
            .tuples()
            .first()
        )[0]
        ws.close()
        request = ReportRequest("hub", province=province)
    elif name.startswith("one-page"):
        from jipp_desktop.core.workspace import open_workspace

        ws = open_workspace(folder, readonly=True)
        first = m.Commitment.select(m.Commitment.id).where(m.alive(m.Commitment)).first()
        ws.close()
        request = ReportRequest("commitment", record_id=first.id)
        touch = name == "one-page-cold"
    elif name.startswith("register"):
        request = ReportRequest("register")
    cpu = cpu_seconds()
    if name.startswith("write-"):
        seconds = _write_many(folder, triggers=name == "write-triggers")
        return {"seconds": seconds, "cpu": cpu_seconds() - cpu, "pages": 0, "peak_mb": peak_mb()}
    start = time.perf_counter()
    if name == "baseline":
        pages = _baseline(folder, out)
    else:
        assert request is not None
        pages = _report(folder, out, request, touch)
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "cpu": cpu_seconds() - cpu, "pages": pages, "peak_mb": peak_mb()}


def measure(name: str, folder: Path, out: Path) -> dict[str, float]:
    result = subprocess.run(
        [sys.executable, __file__, "--case", name, "--folder", str(folder), "--out", str(out)],
        check=True, capture_output=True, text=True,
    )  # fmt: skip
    figures: dict[str, float] = json.loads(result.stdout.strip().splitlines()[-1])
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--skip-national", action="store_true")
    parser.add_argument(
        "--only", choices=("register", "national", "triggers"), help="run one part only"
    )
    parser.add_argument("--case", help=argparse.SUPPRESS)
    parser.add_argument("--folder", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.case:
        print(json.dumps(run_case(args.case, args.folder, args.out)))
        return

    def wanted(part: str) -> bool:
        return args.only in (None, part) and not (part == "national" and args.skip_national)

    out = Path(tempfile.mkdtemp(prefix="jipp-bench-out-"))
    results: dict[str, object] = {"rows": args.rows, "load_before": os.getloadavg()}
    print("load average {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()), flush=True)
    per_page = None
    if wanted("register") or wanted("national"):
        folder = register_folder(args.rows)
        base = measure("baseline", folder, out / "baseline.pdf")
        per_page = base["seconds"] / base["pages"]
        results["baseline"] = base
    if wanted("register") and per_page is not None:
        report = measure("register", folder, out / "register.pdf")
        ratio = (report["seconds"] / report["pages"]) / per_page
        print(
            f"register {args.rows} rows: {report['seconds']:.2f} s ({report['cpu']:.2f} s CPU), "
            f"{report['pages']:.0f} pages, {report['peak_mb']:.0f} MB peak; raw platypus "
            f"{base['seconds']:.2f} s ({base['cpu']:.2f} s CPU), {base['pages']:.0f} pages, "
            f"{base['peak_mb']:.0f} MB; "
            f"time per page {ratio:.2f}x the baseline (target <= 1.5x)",
            flush=True,
        )
        results.update(register=report, register_ratio=round(ratio, 3))
    if wanted("national") and per_page is not None:
        national = national_folder()
        for name, target in (
            ("hub", "<= 10 s, <= 300 MB"),
            ("one-page-cold", "digest recomputed"),
            ("one-page-warm", "< 1 s"),
            ("register-national", "<= 300 MB, <= 1.5x the baseline per page"),
        ):
            figures = measure(name, national, out / f"{name}.pdf")
            line = (
                f"{name}: {figures['seconds']:.2f} s ({figures['cpu']:.2f} s CPU), "
                f"{figures['pages']:.0f} pages, {figures['peak_mb']:.0f} MB peak"
            )
            if name == "register-national":  # the only one comparable page for page
                ratio = (figures["seconds"] / figures["pages"]) / per_page
                figures["ratio_per_page"] = round(ratio, 3)
                line += f", {ratio:.2f}x the baseline's time per page"
            print(f"{line} (target {target})", flush=True)
            results[name] = figures
    if wanted("triggers"):
        results["triggers"] = measure_triggers(out)
    results["load_after"] = os.getloadavg()
    print("load average {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
    shutil.rmtree(out, ignore_errors=True)
    print(json.dumps(results))


def measure_triggers(out: Path) -> dict[str, float]:
    best = {"write-triggers": float("inf"), "write-plain": float("inf")}
    for attempt in range(2):
        for name in ("write-triggers", "write-plain"):
            folder = out / f"{name}-{attempt}"
            figures = measure(name, folder, out / "unused.pdf")
            best[name] = min(best[name], figures["seconds"])
            best[name + "-cpu"] = min(best.get(name + "-cpu", float("inf")), figures["cpu"])
            shutil.rmtree(folder, ignore_errors=True)
    ratio = best["write-triggers"] / best["write-plain"]
    print(
        f"create {TRIGGER_ROWS} innovations: {best['write-triggers']:.2f} s "
        f"({best['write-triggers-cpu']:.2f} s CPU) with the change-marker triggers, "
        f"{best['write-plain']:.2f} s ({best['write-plain-cpu']:.2f} s CPU) without: "
        f"{ratio:.2f}x"
    )
    return {**best, "ratio": round(ratio, 3)}


if __name__ == "__main__":
    main()
