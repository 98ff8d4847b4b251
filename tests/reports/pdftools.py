"""Read PDFs the way a reader would: poppler's pdftotext/pdfinfo/pdffonts and qpdf."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

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
