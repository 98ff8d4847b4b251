"""Regenerate docs/gallery: page 1 of every report, from the small demo data set.

python docs/gallery/make_gallery.py        (needs poppler's pdftoppm)
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from PIL import Image, ImageDraw  # noqa: E402

from jipp_desktop.core import dashboard, demo  # noqa: E402
from jipp_desktop.core.demo.office import fill_settings  # noqa: E402
from jipp_desktop.core.workspace import open_workspace  # noqa: E402
from jipp_desktop.reports.catalog import ReportRequest, generate  # noqa: E402
from jipp_desktop.reports.cover import generate_cover_letter  # noqa: E402
from jipp_desktop.reports.cover_letter import Letter  # noqa: E402


def logo(path: Path) -> Path:
    """A neutral placeholder emblem (the real lambang daerah is the officer's to set)."""
    img = Image.new("RGBA", (240, 280), (255, 255, 255, 0))
    draw = ImageDraw.Draw(img)
    draw.polygon(
        [(120, 5), (235, 60), (210, 230), (120, 275), (30, 230), (5, 60)],
        fill=(31, 58, 95),
        outline=(200, 160, 40),
    )
    draw.ellipse((70, 80, 170, 180), fill=(200, 160, 40))
    img.save(path)
    return path


def page(pdf: Path, name: str, number: int = 1) -> None:
    """Page ``number`` of ``pdf`` as docs/gallery/<name>.png."""
    subprocess.run(
        ["pdftoppm", "-png", "-r", "80", "-f", str(number), "-l", str(number), "-singlefile",
         str(pdf), str(HERE / name)],
        check=True,
    )  # fmt: skip


def main() -> None:
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        ws = open_workspace(folder / "data")
        try:
            demo.generate(ws.records, "small", seed=1)
            fill_settings(ws.settings)  # the demo office's kop, officer and approval block
            ws.settings.set("logo_path", str(logo(folder / "logo.png")))
            first = {t: dashboard.choices(t)[0][0] for t in ("innovation", "visit", "commitment")}
            hub_province = ws.records.list("hub")[0]["province_code"]
            requests = {
                "commitment": ReportRequest("commitment", record_id=first["commitment"]),
                "visit": ReportRequest("visit", record_id=first["visit"], number="094/12/ORG"),
                "innovation": ReportRequest("innovation", record_id=first["innovation"]),
                "hub": ReportRequest(
                    "hub", province=hub_province, date_from="2024-01-01", date_to="2024-12-31"
                ),
                "national": ReportRequest("national", year=2024),
                "register": ReportRequest("register", province=hub_province),
            }
            for name, request in requests.items():
                pdf = folder / f"{name}.pdf"
                pages = generate(ws, request, pdf)
                page(pdf, name)
                if name == "hub":
                    page(pdf, "hub-last", pages)  # the approval block
            en = folder / "commitment-en.pdf"
            generate(ws, requests["commitment"], en, lang="en")
            page(en, "commitment-en")
            f4 = folder / "commitment-f4.pdf"
            generate(ws, ReportRequest("commitment", record_id=first["commitment"], paper="f4",
                                       credit=False), f4)  # fmt: skip
            page(f4, "commitment-f4")
            letter = folder / "cover-letter.pdf"
            generate_cover_letter(
                ws,
                requests["hub"],
                Letter("", number="000.1.2/45/ORG/2025", addressee="Deputi Bidang Pelayanan "
                       "Publik Kementerian PANRB", addressee_place="Jakarta", place="Kupang"),
                letter,
                with_report=True,
            )  # fmt: skip
            page(letter, "cover-letter")
        finally:
            ws.close()


if __name__ == "__main__":
    main()
