"""Every report built once from the sample data, then read as a reader would."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pdftools
import pytest
from report_sample import innovations, seed

from jipp_desktop import __version__
from jipp_desktop.core.workspace import open_workspace
from jipp_desktop.reports.catalog import ReportRequest, generate
from jipp_desktop.sync.digest import dataset_digest

REGISTER_ROWS = 2_000


@dataclass
class Built:
    pdfs: dict[str, Path]
    digest: str
    progress: list[tuple[int, int]]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Built]:
    pdftools.require_tools()
    folder = tmp_path_factory.mktemp("reports")
    ws = open_workspace(folder / "data")
    try:
        sample = seed(ws, folder)
        ws.records.create_many("innovation", innovations(REGISTER_ROWS, "53"))
        progress: list[tuple[int, int]] = []

        def track(done: int, total: int) -> bool:
            progress.append((done, total))
            return True

        requests = {
            "commitment": ReportRequest("commitment", record_id=sample.commitment),
            "visit": ReportRequest("visit", record_id=sample.visit),
            "innovation": ReportRequest("innovation", record_id=sample.innovations[0]),
            "hub": ReportRequest(
                "hub", province="53", date_from="2023-01-01", date_to="2023-12-31"
            ),
            "national": ReportRequest("national", year=2023),
            "national_all": ReportRequest("national"),
            "register": ReportRequest("register", province="53"),
            "register_search": ReportRequest("register", search="Dukcapil"),
        }
        pdfs = {}
        for name, request in requests.items():
            pdfs[name] = folder / f"{name}.pdf"
            generate(ws, request, pdfs[name], progress=track if name == "register" else None)
        for name in ("commitment", "visit", "hub"):
            pdfs[f"{name}_en"] = folder / f"{name}_en.pdf"
            generate(ws, requests[name], pdfs[f"{name}_en"], lang="en")
        yield Built(pdfs, dataset_digest(), progress)
    finally:
        ws.close()


def test_every_pdf_is_valid_with_embedded_font_and_page_footers(built: Built) -> None:
    for name, pdf in built.pdfs.items():
        pdftools.qpdf_check(pdf)
        fonts = pdftools.fonts(pdf)
        assert fonts and all(embedded for _, embedded in fonts), (name, fonts)
        assert any("LiberationSans" in font for font, _ in fonts), name
        pages = pdftools.pages_text(pdf)
        assert len(pages) == pdftools.page_count(pdf)
        english = name.endswith("_en")
        for number, page in enumerate(pages, 1):
            footer = (
                f"Page {number} of {len(pages)}"
                if english
                else f"Halaman {number} dari {len(pages)}"
            )
            assert footer in page, (name, number)
            assert f"JIPP Desktop {__version__}" in page
            assert built.digest in page, "the footer names the data digest"


def test_commitment_reads_like_an_official_statement(built: Built) -> None:
    text = pdftools.squash(pdftools.text(built.pdfs["commitment"]))
    for expected in (
        "PEMERINTAH PROVINSI NUSA TENGGARA TIMUR",
        "PERNYATAAN KOMITMEN",
        "PEMBENTUKAN SIMPUL INOVASI PROVINSI NUSA TENGGARA TIMUR",
        "Nomor: 000.1.2/123/ORG/2022",
        "Rabu tanggal dua puluh delapan bulan September tahun dua ribu dua puluh dua",
        "Manggarai Barat, 28 September 2022",
        "Dr. Diah Natalisa, M.B.A.",
        "Thomas Ĉeh Željko",
        "NIP 19651231 199003 1 015",
        "Pembina Utama Madya (IV/d)",
        "Halaman 1 dari 1",
    ):
        assert expected in text, expected
    assert "Kabupaten Manggarai Barat," not in text


def test_visit_report_lists_people_followups_and_signatures(built: Built) -> None:
    pdf = built.pdfs["visit"]
    text = pdftools.squash(pdftools.text(pdf))
    for expected in (
        "LAPORAN PENDAMPINGAN",
        "Senin, 14 Agustus 2023 s.d. Rabu, 16 Agustus 2023",
        "Aula Biro Organisasi Setda NTT, Kota Kupang",
        "Dr. Rahmat Hidayat",
        "Peserta Nomor 12",
        "Belum ada pos anggaran replikasi.",
        "Mengusulkan anggaran pada APBD Perubahan",
        "Kepala Bappelitbangda",
        "30 September 2023",
        "Kupang, 16 Agustus 2023",
        "Maria Goreti Ndoen, S.Sos., M.Si.",
        "NIP 19860926 201505 1 001",
        "Diskusi kelompok sesi 3",
    ):
        assert expected in text, expected
    pages = pdftools.page_count(pdf)
    assert pages >= 2
    assert f"Halaman 1 dari {pages}" in text


def test_innovation_profile_has_fields_replications_and_photo(built: Built) -> None:
    text = pdftools.squash(pdftools.text(built.pdfs["innovation"]))
    for expected in (
        "PROFIL INOVASI",
        "Dukcapil Jemput Bola Desa Terpencil",
        "Dinas Kependudukan dan Pencatatan Sipil Kabupaten Manggarai Barat",
        "Penerapan",
        "Yohanes Ŝtefan Ñuñez",
        "KIPP Top 45 tahun 2022",
        "Pemerintah Kota Kupang",
        "Pelaksanaan Replikasi",
        "2/4 langkah (50%)",
        "1 Februari 2023",
        "Mobil layanan keliling",
    ):
        assert expected in text, expected


def test_hub_summary_counts_and_flags_overdue(built: Built) -> None:
    text = pdftools.squash(pdftools.text(built.pdfs["hub"]))
    for expected in (
        "RINGKASAN SIMPUL INOVASI",
        "Provinsi Nusa Tenggara Timur",
        "Lopo Inovasi Flobamorata (Aktif)",
        "Periode: 1 Januari – 31 Desember 2023",
        "Inovasi menurut tahapan",
        "Progres replikasi",
        "Pelatihan operator",
        "TERLAMBAT",
        "Inovasi Layanan Publik Nomor 00008",  # started 2023: in the period
    ):
        assert expected in text, expected
    # Every table and chart keeps to the period: innovations started in 2015 stay out.
    assert "Inovasi Layanan Publik Nomor 00000" not in text
    assert "2.003" not in text  # the all-time count of the province
    english = pdftools.squash(pdftools.text(built.pdfs["hub_en"]))
    assert "INNOVATION HUB SUMMARY" in english
    assert "Period: 1 January – 31 December 2023" in english
    assert "OVERDUE" in english


def test_national_recap_has_a_row_per_hub_province_and_totals(built: Built) -> None:
    text = pdftools.squash(pdftools.text(built.pdfs["national"]))
    for expected in (
        "REKAPITULASI NASIONAL SIMPUL INOVASI",
        "Tahun 2023",
        "Nusa Tenggara Timur",
        "Lopo Inovasi Flobamorata",
        "JUMLAH",
        "1 provinsi bersimpul",
    ):
        assert expected in text, expected


def test_register_repeats_its_header_on_every_page(built: Built) -> None:
    pdf = built.pdfs["register"]
    pages = pdftools.pages_text(pdf)
    assert len(pages) > 40
    for number, page in enumerate(pages, 1):
        assert "Judul Inovasi" in page and "Tahapan" in page, f"no header on page {number}"
    text = "".join(pages)
    assert "2.003 inovasi" in text
    assert "Inovasi Layanan Publik Nomor 01999" in text
    assert f"{REGISTER_ROWS + 3}" in text.split("Halaman")[-2]  # the last row number
    done, total = built.progress[-1]
    assert done == total and len(built.progress) > 10


def test_register_of_a_search(built: Built) -> None:
    text = pdftools.squash(pdftools.text(built.pdfs["register_search"]))
    assert "Pencarian: “Dukcapil”" in text
    assert "Dukcapil Jemput Bola Desa Terpencil" in text
    assert "1 inovasi" in text


def test_reports_show_category_labels_never_codes(built: Built) -> None:
    profile = pdftools.squash(pdftools.text(built.pdfs["innovation"]))
    assert ": Tata Kelola Pemerintahan :" in profile  # the "Kategori" row of the field list
    register = pdftools.squash(pdftools.text(built.pdfs["register"]))
    assert "Lainnya: Kesehatan Digital" in register and "Kesehatan" in register
    hub_en = pdftools.squash(pdftools.text(built.pdfs["hub_en"]))
    assert "Other: Kesehatan Digital" in hub_en
    for text in (profile, register, hub_en):
        assert not re.search(r"\b20\d\d-[a-z_]+", text), "a category code on paper"


def test_english_versions(built: Built) -> None:
    text = pdftools.squash(pdftools.text(built.pdfs["commitment_en"]))
    assert "STATEMENT OF COMMITMENT" in text
    assert "On Wednesday, 28 September 2022, in Manggarai Barat" in text
    assert "Page 1 of 1" in text
    visit = pdftools.squash(pdftools.text(built.pdfs["visit_en"]))
    assert "MENTORING VISIT REPORT" in visit and "Kupang, 16 August 2023" in visit


def test_register_row_numbers_stay_inside_the_table(built: Built) -> None:
    pdf = built.pdfs["register"]
    last = pdftools.page_count(pdf)
    words = pdftools.words(pdf, last, last)
    left_border = 20 * 72 / 25.4  # the frame's left edge, where the table's grid starts
    numbers = [w for w in words if w.text.isdigit() and w.x0 < left_border + 40]
    assert str(REGISTER_ROWS + 3) in [w.text for w in numbers]
    assert all(w.x0 > left_border + 1 for w in numbers), min(w.x0 for w in numbers)


def test_chart_numbers_are_written_as_the_tables_write_them(built: Built) -> None:
    words = [w.text for w in pdftools.words(built.pdfs["national_all"])]
    assert words.count("2.003") >= 2, "the table and the chart both say 2.003"
    assert "2003" not in words


def test_multi_section_reports_have_an_outline(built: Built) -> None:
    assert pdftools.outline(built.pdfs["hub"]) == [
        "A. Angka Utama",
        "B. Grafik",
        "C. Daftar Inovasi",
        "D. Replikasi dan Progres Rencana Aksi",
        "E. Kunjungan Pendampingan dalam Periode",
        "F. Tindak Lanjut Terbuka dan Terlambat",
    ]
    assert pdftools.outline(built.pdfs["visit_en"])[:2] == ["A. Mentoring Team", "B. Participants"]


def test_creation_time_carries_the_province_time_zone(built: Built) -> None:
    assert re.search(r"Dibuat \d+ \w+ \d{4} \d\d\.\d\d WITA", pdftools.text(built.pdfs["hub"]))
