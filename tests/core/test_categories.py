"""The KIPP category as a per-year vocabulary: the gate, the labels, the migration."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from jipp_desktop.core import categories, migrations, regions
from jipp_desktop.core.errors import ValidationError
from jipp_desktop.core.query import ListQuery
from jipp_desktop.core.workspace import DB_NAME, Workspace, open_workspace


def _innovation(**values: object) -> dict[str, object]:
    return {"title": "Sistem Antrean Daring", "province_code": "53", **values}


def _refused(ws: Workspace, **values: object) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        ws.records.create("innovation", _innovation(**values))
    return caught.value


def test_each_year_offers_its_own_list(workspace: Workspace) -> None:
    cats = workspace.categories
    assert cats.years == [2021, 2022, 2025]
    assert len(cats.for_year(2021)) == 10 and len(cats.for_year(2022)) == 3
    assert len(cats.for_year(2025)) == 9
    # A list holds until the next one; before the first list the first one applies.
    assert cats.list_year(2018) == 2021 and cats.list_year(2023) == 2022
    assert cats.list_year(2031) == 2025 and cats.list_year(None) == 2025


def test_a_code_valid_for_the_year_is_stored_and_shown_in_either_language(
    workspace: Workspace,
) -> None:
    rid = workspace.records.create(
        "innovation", _innovation(category="2021-education", year_started=2021)
    )
    stored = workspace.records.get("innovation", rid)["category"]
    assert stored == "2021-education"
    assert workspace.categories.label(stored, "id") == "Pendidikan"
    assert workspace.categories.label(stored, "en") == "Education"


def test_a_label_typed_in_either_language_is_stored_as_the_code_of_the_years_list(
    workspace: Workspace,
) -> None:
    first = workspace.records.create(
        "innovation", _innovation(category=" pengentasan KEMISKINAN ", year_started=2020)
    )
    later = workspace.records.create(
        "innovation", _innovation(category="Eradicating poverty", year_started=2025)
    )
    # The same Indonesian label is on the 2021 and the 2025 list: the year decides.
    same = workspace.records.create(
        "innovation", _innovation(category="Pengentasan Kemiskinan", year_started=2026)
    )
    got = [workspace.records.get("innovation", r)["category"] for r in (first, later, same)]
    assert got == ["2021-poverty", "2025-poverty", "2025-poverty"]


def test_an_unknown_category_is_refused_naming_the_field_and_the_choices(
    workspace: Workspace,
) -> None:
    error = _refused(workspace, category="Pariwisata", year_started=2022)
    (field,) = error.errors
    assert field.field == "category"
    assert field.message_id.startswith("Kategori: 'Pariwisata' bukan kategori KIPP yang dikenal.")
    assert "Pelayanan Publik yang Inklusif dan Berkeadilan" in field.message_id
    assert "Lainnya: …" in field.message_id
    assert field.message_en.startswith("Category: 'Pariwisata' is not a known KIPP category.")
    assert "Inclusive and fair public services" in field.message_en
    assert "Other: …" in field.message_en


def test_a_code_of_another_years_list_is_refused(workspace: Workspace) -> None:
    error = _refused(workspace, category="2021-education", year_started=2023)
    (field,) = error.errors
    assert field.field == "category"
    assert "bukan kategori KIPP untuk tahun 2023 (daftar tahun 2022)" in field.message_id
    assert "'Pendidikan'" in field.message_id
    assert "is not a KIPP category for 2023 (the 2022 list)" in field.message_en
    assert "'Education'" in field.message_en


def test_other_keeps_the_officers_words_and_needs_them(workspace: Workspace) -> None:
    rid = workspace.records.create(
        "innovation", _innovation(category="other:  Pariwisata   halal", year_started=2022)
    )
    stored = workspace.records.get("innovation", rid)["category"]
    assert stored == "Lainnya: Pariwisata halal"
    assert workspace.categories.label(stored, "en") == "Other: Pariwisata halal"
    (field,) = _refused(workspace, category="Lainnya:  ").errors
    assert field.message_id == 'Kategori: tulis kategorinya setelah "Lainnya:".'
    assert field.message_en == 'Category: write the category after "Other:".'


def test_a_label_changed_alone_is_read_in_the_stored_years_list(workspace: Workspace) -> None:
    rid = workspace.records.create("innovation", _innovation(year_started=2025))
    workspace.records.update("innovation", rid, {"category": "pengentasan kemiskinan"})
    assert workspace.records.get("innovation", rid)["category"] == "2025-poverty"


def test_changing_the_year_is_checked_against_the_stored_category(workspace: Workspace) -> None:
    rid = workspace.records.create(
        "innovation", _innovation(category="2025-digital", year_started=2025)
    )
    with pytest.raises(ValidationError) as caught:
        workspace.records.update("innovation", rid, {"year_started": 2021})
    assert [e.field for e in caught.value.errors] == ["category"]


def test_the_migration_keeps_every_shipped_category(workspace: Workspace) -> None:
    """Codes are never removed: what version 9 wrote is still in the shipped file."""
    text = migrations.available()[8].sql
    for cat in categories.shipped():
        assert f"'{cat.code}'" in text


def _old_database(folder: Path, rows: list[tuple[str | None, int | None]]) -> None:
    """A real version-8 database (before categories) with free-text categories."""
    conn = sqlite3.connect(folder / DB_NAME)
    migrations.migrate(conn, target=8)
    regions.seed(conn)
    for i, (category, year) in enumerate(rows):
        conn.execute(
            "INSERT INTO innovation (id, hlc, stamps, cl, deleted, created_at, updated_at, "
            "updated_by, title, province_code, category, year_started, stage, is_digital) "
            "VALUES (?, ?, '{}', 1, 0, '2024-01-01T00:00:00+00:00', "
            "'2024-01-01T00:00:00+00:00', 'old', ?, '53', ?, ?, 'initiative', 0)",
            (
                f"00000000-0000-4000-8000-{i:012d}",
                f"0183833fe0000000-x{i}",
                f"Lama {i}",
                category,
                year,
            ),
        )
    conn.commit()
    conn.close()


def test_upgrading_an_old_database_maps_free_text_to_codes(tmp_path: Path) -> None:
    rows: list[tuple[str | None, int | None]] = [
        ("Pendidikan", 2021),
        ("  KESEHATAN ", 2019),
        ("Pendidikán", None),  # an accent typed by mistake
        ("Economic growth and jobs", 2021),
        ("Pengentasan Kemiskinan", 2025),  # on two lists: the earliest, whatever the year
        ("Pariwisata", 2022),
        ("", 2022),
        (None, None),
        ("Transformasi digital pelayanan publik", 2025),
    ]
    folder = tmp_path / "old"
    folder.mkdir()
    _old_database(folder, rows)
    with open_workspace(folder) as ws:
        got = {r["title"]: r["category"] for r in ws.records.list("innovation")}
        assert got == {
            "Lama 0": "2021-education",
            "Lama 1": "2021-health",
            "Lama 2": "2021-education",
            "Lama 3": "2021-economy_jobs",
            "Lama 4": "2021-poverty",
            "Lama 5": "Lainnya: Pariwisata",
            "Lama 6": None,
            "Lama 7": None,
            "Lama 8": "2025-digital",
        }
        # The mapped values read as labels, and the temporary table is gone.
        assert (
            ws.categories.label(got["Lama 8"], "en") == "Digital transformation of public services"
        )
        conn = sqlite3.connect(folder / DB_NAME)
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        conn.close()
        assert "category_match" not in tables


def test_the_search_box_finds_innovations_by_their_category_label(workspace: Workspace) -> None:
    school = workspace.records.create(
        "innovation", _innovation(title="Sekolah Ramah Anak", category="2021-education")
    )
    clinic = workspace.records.create(
        "innovation", _innovation(title="Posyandu Keliling", category="2021-health")
    )
    titled = workspace.records.create(
        "innovation", _innovation(title="Pendidikan Desa Digital", category="2021-health")
    )

    def found(text: str, **query: object) -> set[str]:
        q = ListQuery(search=text, **query)  # type: ignore[arg-type]
        listed = {r["id"] for r in workspace.records.list("innovation", q)}
        assert workspace.records.count("innovation", q) == len(listed)
        return listed

    # The Indonesian or English label, any case, a prefix, typed or ranked: the record
    # filed under the category and the one whose own text holds the word.
    assert found("pendidikan") == {school, titled}
    assert found("PENDID", ranked=False) == {school, titled}
    assert found("education") == {school}
    assert found("kesehatan") == {clinic, titled}
    # Words of one label together; words that name no category search the text alone.
    assert found("ketahanan pangan") == set()
    assert found("posyandu") == {clinic}
    assert found("sekolah kesehatan") == set()
    # A column sort and a filter still apply.
    assert found("pendidikan", sort="title") == {school, titled}
    assert found("pendidikan", filters={"category": "2021-education"}) == {school}
