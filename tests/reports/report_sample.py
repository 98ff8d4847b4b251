"""A small, realistic data set for report tests (the NTT hub of 28 September 2022)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PIL import Image, ImageDraw

from jipp_desktop.core.workspace import Workspace

LETTERHEAD = {
    "letterhead_title": "Pemerintah Provinsi Nusa Tenggara Timur",
    "letterhead_unit": "Biro Organisasi Sekretariat Daerah",
    "letterhead_address": "Jl. El Tari No. 52, Kupang 85111 · Telepon (0380) 833333 · "
    "organisasi@nttprov.go.id",
    "officer_name": "Maria Goreti Ndoen, S.Sos., M.Si.",
    "officer_position": "Kepala Bagian Kelembagaan dan Analisis Jabatan",
    "officer_nip": "198609262015051001",
}

LONG_TEXT = (
    "Pelayanan administrasi kependudukan di desa-desa terpencil memerlukan waktu tempuh "
    "berhari-hari ke ibu kota kabupaten. " * 12
)


@dataclass
class Sample:
    hub: str
    agencies: list[str]
    innovations: list[str]
    replications: list[str]
    visit: str
    commitment: str
    logo: Path


def image(path: Path, colour: tuple[int, int, int], size: tuple[int, int] = (320, 240)) -> Path:
    img = Image.new("RGB", size, "white")
    draw = ImageDraw.Draw(img)
    draw.ellipse((10, 10, size[0] - 10, size[1] - 10), fill=colour)
    img.save(path)
    return path


def seed(ws: Workspace, folder: Path, *, letterhead: bool = True) -> Sample:
    rec = ws.records
    logo = image(folder / "logo.png", (200, 160, 40), (200, 240))
    if letterhead:
        ws.settings.update({**LETTERHEAD, "logo_path": str(logo)})
    agencies = rec.create_many(
        "agency",
        [
            {
                "name": "Pemerintah Provinsi Nusa Tenggara Timur",
                "level": "province",
                "province_code": "53",
            },
            {
                "name": "Dinas Kependudukan dan Pencatatan Sipil Kabupaten Manggarai Barat",
                "level": "regency",
                "province_code": "53",
                "regency_code": "53.15",
            },
            {
                "name": "Pemerintah Kota Kupang",
                "level": "city",
                "province_code": "53",
                "regency_code": "53.71",
            },
        ],
    )
    hub = rec.create(
        "hub",
        {
            "province_code": "53",
            "name": "Lopo Inovasi Flobamorata",
            "status": "active",
            "year_designated": 2022,
        },
    )
    innovations = rec.create_many(
        "innovation",
        [
            {
                "title": "Dukcapil Jemput Bola Desa Terpencil",
                "agency_id": agencies[1],
                "province_code": "53",
                "regency_code": "53.15",
                "category": "Tata Kelola Pemerintahan",
                "cluster": "regency",
                "stage": "implementation",
                "is_digital": True,
                "year_started": 2021,
                "problem": LONG_TEXT,
                "solution": "Mobil layanan keliling.",
                "results": "Waktu layanan turun dari 14 hari menjadi 1 hari.",
                "awards": "KIPP Top 45 tahun 2022",
                "contact_name": "Yohanes Ŝtefan Ñuñez",
                "contact_phone": "0812-3456-7890",
            },
            {
                "title": "Sekolah Lapang Iklim Petani Lahan Kering",
                "agency_id": agencies[0],
                "province_code": "53",
                "category": "2022-sdg_effectiveness",
                "stage": "trial",
                "year_started": 2022,
            },
            {
                "title": "Kupang Smart Puskesmas",
                "agency_id": agencies[2],
                "province_code": "53",
                "regency_code": "53.71",
                "category": "Lainnya: Kesehatan Digital",
                "stage": "initiative",
                "year_started": 2023,
                "is_digital": True,
            },
        ],
    )
    replications = rec.create_many(
        "replication",
        [
            {
                "innovation_id": innovations[0],
                "adopting_agency_id": agencies[2],
                "province_code": "53",
                "regency_code": "53.71",
                "status": "implementation",
                "started_on": "2023-02-01",
                "steps": [
                    {
                        "activity": "Studi tiru ke Manggarai Barat",
                        "status": "done",
                        "target_date": "2023-03-01",
                        "done_date": "2023-02-27",
                    },
                    {"activity": "Penyusunan SOP layanan keliling", "status": "done"},
                    {
                        "activity": "Pengadaan kendaraan layanan",
                        "status": "ongoing",
                        "target_date": "2023-09-30",
                    },
                    {"activity": "Evaluasi bersama hub", "status": "not_started"},
                ],
            },
            {
                "innovation_id": innovations[1],
                "province_code": "53",
                "status": "preparation",
                "started_on": "2023-06-15",
            },
        ],
    )
    visit = rec.create(
        "visit",
        {
            "hub_id": hub,
            "start_date": "2023-08-14",
            "end_date": "2023-08-16",
            "regency_code": "53.71",
            "place": "Aula Biro Organisasi Setda NTT",
            "agenda": "1. Pembukaan\n2. Paparan rencana aksi replikasi\n3. Diskusi hambatan",
            "findings": "Rencana aksi replikasi sudah disusun oleh 3 dari 5 perangkat daerah. "
            "Dukungan anggaran untuk kendaraan layanan belum tersedia.\n\n" + LONG_TEXT,
            "mentors": [
                {"name": "Dr. Rahmat Hidayat", "institution": "USAID-ERAT"},
                {"name": "Siti Aminah, S.IP.", "institution": "Kementerian PANRB"},
            ],
            "participants": [
                {
                    "name": f"Peserta Nomor {n}",
                    "position": "Analis Kebijakan",
                    "institution": "Bappelitbangda Provinsi NTT",
                }
                for n in range(1, 13)
            ],
            "obstacles": [
                {
                    "category": "budget",
                    "description": "Belum ada pos anggaran replikasi.",
                    "severity": "high",
                },
                {
                    "category": "human_resources",
                    "description": "Operator layanan belum dilatih.",
                    "severity": "medium",
                },
            ],
            "followups": [
                {
                    "action": "Mengusulkan anggaran pada APBD Perubahan",
                    "owner": "Kepala Bappelitbangda",
                    "due_date": "2023-09-30",
                    "status": "ongoing",
                },
                {
                    "action": "Pelatihan operator",
                    "owner": "Dinas Dukcapil Kota Kupang",
                    "due_date": "2023-10-15",
                    "status": "not_started",
                },
                {
                    "action": "Menyusun SK tim replikasi",
                    "owner": "Biro Organisasi",
                    "due_date": "2023-08-31",
                    "status": "done",
                    "done_date": "2023-08-30",
                },
            ],
        },
    )
    commitment = rec.create(
        "commitment",
        {
            "kind": "hub_formation",
            "number": "000.1.2/123/ORG/2022",
            "signed_on": "2022-09-28",
            "place_regency_code": "53.15",
            "province_code": "53",
            "hub_id": hub,
            "event_name": "Lokakarya Peer to Peer Learning",
            "text": "1. Membentuk simpul inovasi pelayanan publik di Provinsi NTT.\n"
            "2. Menyusun rencana aksi replikasi inovasi.\n3. Mengalokasikan anggaran.",
            "signatories": [
                {
                    "name": "Dr. Diah Natalisa, M.B.A.",
                    "position": "Deputi Bidang Pelayanan Publik",
                    "institution": "Kementerian PANRB",
                    "party": "kemenpanrb",
                },
                {
                    "name": "Drs. Benediktus Polo Maing",
                    "position": "Sekretaris Daerah",
                    "institution": "Pemerintah Provinsi Nusa Tenggara Timur",
                    "nip": "196512311990031015",
                    "rank": "Pembina Utama Madya (IV/d)",
                    "party": "provincial_government",
                },
                {
                    "name": "Thomas Ĉeh Željko",
                    "position": "Chief of Party",
                    "institution": "USAID-ERAT",
                    "party": "partner",
                },
            ],
        },
    )
    for n, colour in enumerate(((30, 90, 160), (40, 140, 80), (180, 60, 50))):
        photo = image(folder / f"foto{n}.png", colour)
        ws.attachments.add("visit", visit, photo, caption=f"Diskusi kelompok sesi {n + 1}")
    ws.attachments.add(
        "innovation",
        innovations[0],
        image(folder / "mobil.jpg", (90, 90, 90)),
        caption="Mobil layanan keliling",
    )
    return Sample(hub, agencies, innovations, replications, visit, commitment, logo)


def innovations(n: int, province: str = "53") -> list[dict[str, Any]]:
    """``n`` register rows with varied lengths so some rows wrap."""
    stages = ("initiative", "trial", "implementation")
    return [
        {
            "title": f"Inovasi Layanan Publik Nomor {i:05d}" + (" lanjutan" * (i % 7)),
            "province_code": province,
            # A category of the list of the year started, or the officer's own words.
            "category": (
                ("2021-health", "Pendidikan", "Lainnya: Ekonomi")
                if i % 10 < 7
                else ("2022-inclusive_services", "2022-sdg_effectiveness", "Lainnya: Ekonomi")
            )[i % 3],
            "stage": stages[i % 3],
            "year_started": 2015 + i % 10,
        }
        for i in range(n)
    ]


def settings_dict(ws: Workspace) -> dict[str, Any]:
    return ws.settings.all()
