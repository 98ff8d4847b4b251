"""The same records print the same reports on both engines: the national recap, a hub's
summary and the register, with the same figures in the same order (only the dataset
digest, which covers each laptop's own ids and stamps, differs)."""

from __future__ import annotations

import re
from pathlib import Path

import pdftools
import psycopg

from jipp_desktop.core.workspace import Workspace, open_workspace
from jipp_desktop.reports.catalog import ReportRequest, generate

REQUESTS = [
    ReportRequest("national"),
    ReportRequest("hub", province="53"),
    ReportRequest("register", province="53", search="desa"),
]


def _fill(ws: Workspace) -> None:
    ws.settings.update({"officer_name": "Petugas Uji", "province_code": "53"})
    hub = ws.records.create("hub", {"province_code": "53", "name": "Simpul Inovasi NTT"})
    for n, (title, year, stage) in enumerate(
        [
            ("Pelayanan Kesehatan Ibu di Désa", 2021, "trial"),
            ("Arsip Digital Desa", 2022, "implementation"),
            ("Sekolah Lapang Iklim", 2022, "initiative"),
        ]
    ):
        rid = ws.records.create(
            "innovation",
            {"title": title, "province_code": "53", "regency_code": "53.01",
             "year_started": year, "stage": stage, "category": f"Lainnya: Kategori {n % 2}"},
        )  # fmt: skip
        ws.records.create(
            "replication", {"innovation_id": rid, "province_code": "52", "status": "implementation"}
        )
    ws.records.create("visit", {"hub_id": hub, "start_date": "2024-01-17", "regency_code": "53.01"})


def _texts(data_dir: Path, out: Path, database: str | None) -> list[str]:
    out.mkdir()
    texts = []
    with open_workspace(data_dir, database=database) as ws:
        _fill(ws)
        for request in REQUESTS:
            pdf = out / f"{request.kind}.pdf"
            generate(ws, request, pdf, lang="id")
            text = pdftools.squash(pdftools.text(pdf))
            texts.append(re.sub(r"Sidik data: [0-9A-F-]+", "", text))
    return texts


def test_reports_print_the_same_on_both_engines(tmp_path: Path, pg_url: str) -> None:
    on_sqlite = _texts(tmp_path / "laptop", tmp_path / "sqlite", None)
    on_postgresql = _texts(tmp_path / "workstation", tmp_path / "postgresql", pg_url)
    assert "Arsip Digital Desa" in on_postgresql[2] and "Désa" in on_postgresql[2]
    assert on_postgresql == on_sqlite


def test_a_report_reads_one_snapshot_while_another_workstation_saves(
    tmp_path: Path, pg_url: str
) -> None:
    """The footer's digest, the list of rows and the rows' contents come from one moment:
    another workstation's save committed while the register is being built is not half
    in it (on PostgreSQL each statement of an ordinary transaction sees its own moment)."""
    with open_workspace(tmp_path / "data", database=pg_url) as ws:
        _fill(ws)
        (rid,) = [
            r["id"] for r in ws.records.list("innovation") if r["title"] == "Arsip Digital Desa"
        ]
        saved: list[bool] = []

        def another_workstation_saves(_done: int, _total: int) -> bool:
            if not saved:  # after the rows to print were chosen, before they are read
                with psycopg.connect(pg_url, autocommit=True) as other:
                    other.execute(
                        "UPDATE innovation SET title = 'Arsip Elektronik' WHERE id = %s", (rid,)
                    )
                saved.append(True)
            return True  # go on

        pdf = tmp_path / "register.pdf"
        generate(ws, ReportRequest("register", province="53"), pdf, lang="id",
                 progress=another_workstation_saves)  # fmt: skip
        assert saved
        text = pdftools.squash(pdftools.text(pdf))
        assert "Arsip Digital Desa" in text and "Arsip Elektronik" not in text
