"""Choosing the ministry's PostgreSQL database: --database, JIPP_DATABASE, the data
folder's database.url; what the backup commands say there; an unreachable server."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_record_commands import cli

from jipp_desktop.cli import exit_codes
from jipp_desktop.core import engine
from jipp_desktop.core import engine_postgresql as pg
from jipp_desktop.core.workspace import DB_NAME

INNOVATION = {"title": "Layanan Adminduk Keliling", "province_code": "36"}


def _add_and_find(data_dir: Path, *options: str) -> None:
    added = cli(data_dir, *options, "record", "add", "innovation", "--json", "-",
                stdin=json.dumps(INNOVATION))  # fmt: skip
    assert added.status == exit_codes.OK, added.err
    found = cli(data_dir, *options, "record", "list", "innovation", "--search", "admin", "--json")
    assert found.status == exit_codes.OK, found.err
    assert [r["title"] for r in found.json()] == [INNOVATION["title"]]


def test_database_option_works_on_postgresql_and_leaves_no_sqlite_file(
    data_dir: Path, pg_url: str
) -> None:
    _add_and_find(data_dir, "--database", pg_url)
    assert not (data_dir / DB_NAME).exists()
    # Without the option the same folder is a laptop's own (empty) SQLite database.
    listed = cli(data_dir, "record", "list", "innovation", "--json")
    assert listed.status == exit_codes.OK and listed.json() == []
    assert (data_dir / DB_NAME).exists()


def test_environment_and_folder_setting_choose_the_database(
    data_dir: Path, pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    (data_dir / engine.SETTING_FILE).write_text(f"# ministry database\n{pg_url}\n")
    _add_and_find(data_dir)
    (data_dir / engine.SETTING_FILE).unlink()
    monkeypatch.setenv(engine.ENV_DATABASE, pg_url)
    found = cli(data_dir, "record", "list", "innovation", "--json")
    assert [r["title"] for r in found.json()] == [INNOVATION["title"]]
    assert not (data_dir / DB_NAME).exists()


@pytest.mark.parametrize(
    ("command", "tool"),
    [
        (("backup",), "pg_dump"),
        (("backup", "list"), "pg_dump"),
        (("restore", "x.gz"), "pg_restore"),
        (("encrypt", "--new-passphrase-file", "p.txt"), "TLS"),
        (("decrypt",), "TLS"),
    ],
)
def test_folder_commands_defer_to_the_server_tools(
    data_dir: Path, pg_url: str, command: tuple[str, ...], tool: str
) -> None:
    (data_dir / "p.txt").write_text("kuda lumping menari di pasar\n")
    command = tuple(str(data_dir / c) if c == "p.txt" else c for c in command)
    for lang in ("id", "en"):
        result = cli(data_dir, "--lang", lang, "--database", pg_url, *command)
        assert result.status == exit_codes.NOT_ON_POSTGRESQL == engine.NOT_ON_POSTGRESQL_EXIT
        assert tool in result.err and "PostgreSQL" in result.err
    # Nothing made in the folder: no backup, no lock left, no encryption marker.
    assert sorted(p.name for p in data_dir.iterdir()) == ["p.txt"]


def test_an_unreachable_server_is_named_without_its_password(tmp_path: Path) -> None:
    url = f"postgresql://petugas:rahasia@/jipp?host={tmp_path}&port=1&connect_timeout=2"
    result = cli(tmp_path / "data", "--database", url, "stats")
    assert result.status == exit_codes.DATABASE_UNREACHABLE == pg.UNREACHABLE_EXIT
    assert "tidak dapat dihubungi" in result.err and "petugas:***@" in result.err
    assert "rahasia" not in result.err


def test_a_database_address_that_is_not_postgresql_is_a_usage_error(data_dir: Path) -> None:
    result = cli(data_dir, "--database", "mysql://root@localhost/jipp", "stats")
    assert result.status == exit_codes.USAGE
    assert "postgresql://" in result.err
