"""Read PDFs the way a reader would: poppler's pdftotext/pdfinfo/pdffonts and qpdf."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest

TOOLS = ("pdftotext", "pdfinfo", "pdffonts", "qpdf", "pdftoppm")


def require_tools() -> None:
    missing = [t for t in TOOLS if shutil.which(t) is None]
    if missing:
        pytest.fail(f"install poppler-utils and qpdf (missing: {', '.join(missing)})")


def _run(*args: str) -> str:
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def text(pdf: Path, first: int | None = None, last: int | None = None) -> str:
    args = ["pdftotext", "-enc", "UTF-8"]
    if first is not None:
        args += ["-f", str(first)]
    if last is not None:
        args += ["-l", str(last)]
    return _run(*args, str(pdf), "-")


def pages_text(pdf: Path) -> list[str]:
    """The text of each page (pdftotext separates pages with form feeds)."""
    return text(pdf).split("\f")[:-1]


def page_count(pdf: Path) -> int:
    match = re.search(r"^Pages:\s+(\d+)", _run("pdfinfo", str(pdf)), re.M)
    assert match, "pdfinfo shows no page count"
    return int(match.group(1))


def fonts(pdf: Path) -> list[tuple[str, bool]]:
    """(font name, embedded?) for every font pdffonts lists."""
    lines = _run("pdffonts", str(pdf)).splitlines()[2:]
    out = []
    for line in lines:
        parts = line.split()
        # name type... encoding emb sub uni object ID: emb is the 5th field from the end.
        out.append((parts[0], parts[-5] == "yes"))
    return out


def qpdf_check(pdf: Path) -> None:
    result = subprocess.run(["qpdf", "--check", str(pdf)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def squash(value: str) -> str:
    """Collapse whitespace so words broken across lines by layout still match."""
    return re.sub(r"\s+", " ", value)


@dataclass(frozen=True)
class Word:
    """One word as pdftotext -bbox-layout places it (points, origin top left)."""

    page: int
    block: int
    line: int
    text: str
    x0: float
    y0: float
    x1: float
    y1: float


def words(pdf: Path, first: int | None = None, last: int | None = None) -> list[Word]:
    """Every word with its box, block and line (poppler's own reading of the layout)."""
    args = ["pdftotext", "-bbox-layout", "-enc", "UTF-8"]
    if first is not None:
        args += ["-f", str(first)]
    if last is not None:
        args += ["-l", str(last)]
    root = ElementTree.fromstring(_run(*args, str(pdf), "-"))
    out: list[Word] = []
    block_no = line_no = 0
    for page_no, page in enumerate(root.findall(".//{*}page"), first or 1):
        for block in page.findall(".//{*}block"):
            block_no += 1
            for line in block.findall("{*}line"):
                line_no += 1
                for word in line.findall("{*}word"):
                    box = [float(word.get(k, "0")) for k in ("xMin", "yMin", "xMax", "yMax")]
                    out.append(Word(page_no, block_no, line_no, word.text or "", *box))
    return out


def page_size_mm(pdf: Path) -> tuple[float, float]:
    match = re.search(r"^Page size:\s+([\d.]+) x ([\d.]+) pts", _run("pdfinfo", str(pdf)), re.M)
    assert match, "pdfinfo shows no page size"
    return float(match.group(1)) * 25.4 / 72, float(match.group(2)) * 25.4 / 72


def outline(pdf: Path) -> list[str]:
    """The titles of the PDF's outline (bookmarks), in order, as qpdf reads them."""
    data = json.loads(_run("qpdf", "--json", "--json-key=outlines", str(pdf)))

    def walk(items: list[dict[str, Any]]) -> list[str]:
        titles: list[str] = []
        for item in items:
            titles.append(item["title"])
            titles += walk(item.get("kids", []))
        return titles

    return walk(data["outlines"])


def layout_text(pdf: Path, first: int | None = None, last: int | None = None) -> str:
    """The text as laid out, so a label and its value on one line read as one line."""
    args = ["pdftotext", "-layout", "-enc", "UTF-8"]
    if first is not None:
        args += ["-f", str(first)]
    if last is not None:
        args += ["-l", str(last)]
    return _run(*args, str(pdf), "-")
