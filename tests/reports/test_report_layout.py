"""Geometry of the printed documents, read back with poppler's word boxes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pdftools
import pytest
from report_sample import LONG_TEXT, seed

from jipp_desktop.core.query import ListQuery
from jipp_desktop.core.workspace import Workspace, open_workspace
from jipp_desktop.reports.catalog import ReportRequest, generate
from jipp_desktop.reports.cover import generate_cover_letter
from jipp_desktop.reports.cover_letter import Letter

LONG_POSITION = (
    "Kepala Pusat Penelitian dan Pengembangan Inovasi Daerah pada Badan Strategi Kebijakan "
    "Dalam Negeri"
)
NAMES = ("Ir. Panjang Sekali, M.Sc.", "Budi Santoso", "Siti Aminah")


@pytest.fixture(scope="module")
def ws(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Workspace, Path, str]]:
    pdftools.require_tools()
    folder = tmp_path_factory.mktemp("layout")
    workspace = open_workspace(folder / "data")
    try:
        seed(workspace, folder)
        commitment = workspace.records.create(
            "commitment",
            {
                "kind": "replication",
                "signed_on": "2023-03-02",
                "place_regency_code": "53.71",
                "province_code": "53",
                "text": "Kami yang bertanda tangan di bawah ini bersepakat untuk:\n"
                "1. Menetapkan tim pelaksana replikasi dan penanggung jawab setiap kegiatan "
                "sesuai dengan keputusan kepala daerah yang berlaku pada tahun berjalan;\n"
                "2. Melaporkan kemajuan replikasi kepada simpul inovasi provinsi.",
                "signatories": [
                    {"name": NAMES[0], "position": LONG_POSITION, "institution": "Kemendagri"},
                    {"name": NAMES[1], "position": "Bupati", "institution": "Kabupaten Belu"},
                    {"name": NAMES[2], "position": "Camat", "institution": "Kecamatan Atambua"},
                ],
            },
        )
        yield workspace, folder, commitment
    finally:
        workspace.close()


def _line_of(words: list[pdftools.Word], text: str) -> list[pdftools.Word]:
    """The words of the line that holds ``text`` (a run of words)."""
    parts = text.split()
    for i in range(len(words)):
        run = words[i : i + len(parts)]
        if [w.text for w in run] == parts:
            return run
    raise AssertionError(f"{text!r} not found on the page")


@pytest.mark.parametrize("lang", ["id", "en"])
def test_signatory_names_share_one_baseline(ws: tuple[Workspace, Path, str], lang: str) -> None:
    workspace, folder, commitment = ws
    pdf = folder / f"commitment-{lang}.pdf"
    generate(workspace, ReportRequest("commitment", record_id=commitment), pdf, lang=lang)
    words = pdftools.words(pdf)
    names = [_line_of(words, name) for name in NAMES[:2]]
    # Two to a row: the long position wraps over several lines, yet both names sit level.
    assert abs(names[0][0].y1 - names[1][0].y1) < 0.5, [n[0] for n in names]
    position_lines = {w.y1 for w in words if w.text in ("Penelitian", "Strategi", "Negeri")}
    assert len(position_lines) >= 2, "the long position should wrap in its column"
    # English signature blocks carry no Indonesian comma after the position.
    positions = [w.text for w in words if w.text.startswith("Bupati")]
    assert positions == (["Bupati"] if lang == "en" else ["Bupati,"])


def test_numbered_list_has_a_hanging_indent(ws: tuple[Workspace, Path, str]) -> None:
    workspace, folder, commitment = ws
    pdf = folder / "commitment-list.pdf"
    generate(workspace, ReportRequest("commitment", record_id=commitment), pdf, lang="id")
    words = pdftools.words(pdf)
    number = next(w for w in words if w.text == "1.")
    first = _line_of(words, "Menetapkan tim pelaksana")[0]
    assert first.x0 - number.x0 > 10, "the number stands in the margin, the text indented"
    below = [w for w in words if w.page == first.page and 5 < w.y0 - first.y0 < 20]
    wrapped = min(below, key=lambda w: w.x0)
    assert abs(wrapped.x0 - first.x0) < 1, "the wrapped line aligns under the text"


def test_running_header_title_never_reaches_the_unit(ws: tuple[Workspace, Path, str]) -> None:
    workspace, folder, _ = ws
    title = "Inovasi " + "Pelayanan Publik Terpadu Berbasis Desa " * 5
    innovation = workspace.records.create(
        "innovation",
        {"title": title.strip()[:250], "province_code": "53", "problem": LONG_TEXT * 3},
    )
    pdf = folder / "long-title.pdf"
    generate(workspace, ReportRequest("innovation", record_id=innovation), pdf)
    assert pdftools.page_count(pdf) >= 2
    header = [w for w in pdftools.words(pdf, 2, 2) if w.y1 < 60]
    unit = _line_of(header, "Biro Organisasi")[0]
    title_words = [w for w in header if w.x1 < unit.x0]
    assert title_words and title_words[-1].text.endswith("…")
    assert unit.x0 - title_words[-1].x1 > 10, "a clear gap between title and unit"


def test_f4_paper_from_the_settings_or_the_command_line(ws: tuple[Workspace, Path, str]) -> None:
    workspace, folder, commitment = ws
    pdf = folder / "f4.pdf"
    generate(workspace, ReportRequest("commitment", record_id=commitment, paper="f4"), pdf)
    width, height = pdftools.page_size_mm(pdf)
    assert (round(width), round(height)) == (215, 330)
    workspace.settings.set("paper", "f4")
    try:
        generate(workspace, ReportRequest("register"), pdf)
        assert tuple(round(x) for x in pdftools.page_size_mm(pdf)) == (330, 215)  # landscape
        generate(workspace, ReportRequest("register", paper="a4"), pdf)
        assert tuple(round(x) for x in pdftools.page_size_mm(pdf)) == (297, 210)
    finally:
        workspace.settings.set("paper", "a4")


def test_credit_can_be_left_out_of_a_document_to_sign(ws: tuple[Workspace, Path, str]) -> None:
    workspace, folder, commitment = ws
    pdf = folder / "no-credit.pdf"
    generate(workspace, ReportRequest("commitment", record_id=commitment, credit=False), pdf)
    text = pdftools.text(pdf)
    assert "JIPP Desktop" not in text and "Dibuat" in text and "Sidik data" in text


def test_cover_letter_alone_and_with_its_report(ws: tuple[Workspace, Path, str]) -> None:
    workspace, folder, _ = ws
    request = ReportRequest("hub", province="53", date_from="2023-01-01", date_to="2023-12-31")
    letter = Letter(
        report_title="",
        number="000.1.2/45/ORG/2025",
        addressee="Deputi Bidang Pelayanan Publik Kementerian PANRB",
        addressee_place="Jakarta",
        place="Kupang",
        date=dt.date(2026, 11, 30),  # the letter's own date; without one it takes today's
    )
    alone = folder / "letter.pdf"
    assert generate_cover_letter(workspace, request, letter, alone) == 1
    text = pdftools.squash(pdftools.layout_text(alone))
    for expected in (
        "PEMERINTAH PROVINSI NUSA TENGGARA TIMUR",
        "Nomor : 000.1.2/45/ORG/2025",
        "Sifat : Biasa",
        "Lampiran : 1 (satu) berkas",
        "Perihal : Penyampaian Ringkasan Simpul Inovasi",
        "Yth. Deputi Bidang Pelayanan Publik Kementerian PANRB di Jakarta",
        "Bersama ini kami sampaikan Ringkasan Simpul Inovasi Provinsi Nusa Tenggara Timur",
        "Kupang, 30 November 2026",
        "Maria Goreti Ndoen, S.Sos., M.Si.",  # no approval set: the officer signs
        "NIP 19860926 201505 1 001",
    ):
        assert expected in text, expected
    both = folder / "letter-and-report.pdf"
    pages = generate_cover_letter(workspace, request, letter, both, with_report=True)
    assert pages == pdftools.page_count(both) > 1
    first, second = pdftools.pages_text(both)[:2]
    assert f"berkas, {pages - 1} (" in pdftools.squash(first)
    assert "RINGKASAN SIMPUL INOVASI" in second and "Yth." not in second
    english = folder / "letter-en.pdf"
    generate_cover_letter(workspace, request, letter, english, lang="en")
    text = pdftools.squash(pdftools.text(english))
    assert "Submission of the Hub summary for Nusa Tenggara Timur, period 1 January" in text


def test_summaries_carry_the_approval_block(ws: tuple[Workspace, Path, str]) -> None:
    workspace, folder, _ = ws
    approval = {
        "approval_name": "Dr. Yosef Nae Soi, M.M.",
        "approval_position": "Kepala Biro Organisasi",
        "approval_nip": "197203151998031007",
    }
    workspace.settings.update(approval)
    try:
        for kind, request in (
            ("hub", ReportRequest("hub", province="53")),
            ("national", ReportRequest("national")),
        ):
            pdf = folder / f"{kind}-approval.pdf"
            generate(workspace, request, pdf)
            last = pdftools.squash(pdftools.pages_text(pdf)[-1])
            for expected in (
                "Mengetahui,",
                "Kepala Biro Organisasi,",
                "Dr. Yosef Nae Soi, M.M.",
                "NIP 19720315 199803 1 007",
                "Maria Goreti Ndoen, S.Sos., M.Si.",
            ):
                assert expected in last, (kind, expected)
            words = pdftools.words(pdf, pdftools.page_count(pdf))
            names = [_line_of(words, "Dr. Yosef")[0], _line_of(words, "Maria Goreti")[0]]
            assert abs(names[0].y1 - names[1].y1) < 0.5
    finally:
        workspace.settings.update(dict.fromkeys(approval, ""))
    pdf = folder / "hub-no-approval.pdf"
    generate(workspace, ReportRequest("hub", province="53"), pdf)
    assert "Mengetahui" not in pdftools.text(pdf)


def test_visit_report_has_a_number_and_the_weekdays(ws: tuple[Workspace, Path, str]) -> None:
    workspace, folder, _ = ws
    visit = workspace.records.list("visit", ListQuery(limit=1))[0]["id"]
    pdf = folder / "visit-number.pdf"
    generate(workspace, ReportRequest("visit", record_id=visit, number="094/12/ORG/2023"), pdf)
    text = pdftools.squash(pdftools.layout_text(pdf, 1, 1))
    assert "Nomor: 094/12/ORG/2023" in text
    assert "Hari/Tanggal : Senin, 14 Agustus 2023 s.d. Rabu, 16 Agustus 2023" in text
    assert "Simpul Inovasi Lopo" not in text  # the hub's own name, not "Simpul Inovasi …"
