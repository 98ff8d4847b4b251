"""The same records print the same reports on both engines: the national recap, a hub's
summary and the register, with the same figures in the same order (only the dataset
digest, which covers each laptop's own ids and stamps, differs)."""

from __future__ import annotations

import re
from pathlib import Path

import pdftools

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
