"""docs/sync-format.md is a contract: its examples, its JSON Schema and real packages agree,
whether a SQLite laptop or a PostgreSQL peer (B, in the second run) wrote them."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from sync_helpers import Fleet, seed

from jipp_desktop.sync import conflicts, exporter, importer, package
from jipp_desktop.sync.schema import TABLES

DOCS = Path(__file__).resolve().parents[2] / "docs"
SCHEMA = json.loads((DOCS / "sync-format.schema.json").read_text(encoding="utf-8"))


def validator(part: str) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(
        {"$ref": f"#/$defs/{part}", "$defs": SCHEMA["$defs"]},
        format_checker=jsonschema.FormatChecker(),
    )


def examples(kind: str) -> list[Any]:
    text = (DOCS / "sync-format.md").read_text(encoding="utf-8")
    return [json.loads(block) for block in re.findall(rf"```json {kind}\n(.*?)```", text, re.S)]


def test_schema_is_valid() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


@pytest.mark.parametrize("kind", ["manifest", "change", "conflict"])
def test_document_examples_match_the_schema(kind: str) -> None:
    found = examples(kind)
    assert found, f"no {kind} example in the document"
    for example in found:
        validator(kind).validate(example)


def test_document_and_code_agree_on_version_and_tables() -> None:
    assert examples("manifest")[0]["format_version"] == package.FORMAT_VERSION
    assert set(SCHEMA["$defs"]["change"]["properties"]["t"]["enum"]) == set(TABLES)
    text = (DOCS / "sync-format.md").read_text(encoding="utf-8")
    assert f"version {package.FORMAT_VERSION}" in text.splitlines()[0]


def test_packages_the_app_writes_match_the_schema(fleet: Fleet, tmp_path: Path) -> None:
    a, b = fleet.add("Laptop A"), fleet.add("Laptop B")
    fleet.trust_all()
    photo = tmp_path / "foto.png"
    photo.write_bytes(b"\x89PNG fake")
    with a.open() as ws:
        ids = seed(ws)
        ws.attachments.add("hub", ids["hub"], photo)
        exporter.export(ws, tmp_path / "a.jipp")
    with b.open() as ws:
        importer.import_package(ws, tmp_path / "a.jipp")
        ws.records.update("hub", ids["hub"], {"notes": "B"})
        ws.records.delete("innovation", ids["innovation"])
        exporter.export(ws, tmp_path / "b.jipp", for_device=a.device_id)
    with a.open() as ws:
        ws.records.update("hub", ids["hub"], {"notes": "A"})
        importer.import_package(ws, tmp_path / "b.jipp")
        assert conflicts.count_open() == 1
        exporter.export(ws, tmp_path / "a2.jipp", for_device=b.device_id)
    for name in ("a.jipp", "b.jipp", "a2.jipp"):
        with zipfile.ZipFile(tmp_path / name) as zf:
            validator("manifest").validate(json.loads(zf.read(package.MANIFEST)))
            for line in zf.read(package.CHANGES).splitlines():
                validator("change").validate(json.loads(line))
            for line in zf.read(package.CONFLICTS).splitlines():
                validator("conflict").validate(json.loads(line))


@pytest.mark.parametrize(
    "text",
    [
        "01a22beebb710000-3b21278b-0706-4756-a6b0-c6ac14ab839e",
        "01a22beebb710000-dev-a",
        "01A22BEEBB710000-dev-a",
        "\uff10" * 16 + "-dev-a",
        "01a2_beebb710000-dev-a",
        "1a22beebb710000-dev-a",
        "01a22beebb710000-Dev",
        "01a22beebb710000-",
    ],
)
def test_the_schema_and_the_code_agree_on_what_a_stamp_is(text: str) -> None:
    from jipp_desktop.core.clock import is_stamp

    schema_says = validator("stamp").is_valid(text)
    assert schema_says == is_stamp(text)
