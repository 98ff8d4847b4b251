"""docs/ministry.md's least-privilege set-up, run as written against a real cluster: the
owner role creates the schema, the staff role reads and writes records but cannot change
the schema, and a staff workstation that meets an empty database is told to ask for the
owner's step instead of failing with an unexpected error."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from pg_cluster import Cluster
from test_record_commands import cli

from jipp_desktop.cli import exit_codes

DOC = Path(__file__).resolve().parents[2] / "docs" / "ministry.md"
DATABASE = "jipp"
ROLES = ("jipp_owner", "jipp_staff")


def _doc_statements() -> tuple[list[str], list[str]]:
    """The doc's role script, split where it connects to the new database."""
    found = re.search(r"```sql ministry-roles\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)
    assert found, "docs/ministry.md lost its ministry-roles SQL block"
    before, after = found.group(1).split(f"\\connect {DATABASE}\n")

    def statements(text: str) -> list[str]:
        return [s.strip() for s in text.split(";") if s.strip()]

    return statements(before), statements(after)


@pytest.fixture
def ministry(pg_cluster: Cluster) -> Iterator[Cluster]:
    """The doc's roles and database on the test cluster, removed afterwards."""
    on_server, in_database = _doc_statements()
    try:
        with psycopg.connect(pg_cluster.url("postgres"), autocommit=True) as admin:
            for statement in on_server:
                admin.execute(statement)  # CREATE DATABASE may not run in a transaction
        with psycopg.connect(pg_cluster.url(DATABASE), autocommit=True) as admin:
            for statement in in_database:
                admin.execute(statement)
        yield pg_cluster
    finally:
        with psycopg.connect(pg_cluster.url("postgres"), autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
            for role in ROLES:
                admin.execute(f"DROP ROLE IF EXISTS {role}")


def test_the_documented_roles_run_the_app_with_least_privilege(
    ministry: Cluster, tmp_path: Path
) -> None:
    owner, staff = ministry.url(DATABASE, "jipp_owner"), ministry.url(DATABASE, "jipp_staff")
    staff_folder, owner_folder = tmp_path / "staff", tmp_path / "owner"

    early = cli(staff_folder, "--database", staff, "stats")
    assert early.status == exit_codes.DATABASE_UNREACHABLE, early.err
    assert "jipp_owner" not in early.err  # the app cannot know the owner's name...
    assert "pemilik" in early.err  # ...but says the owner must create the schema first

    created = cli(owner_folder, "--database", owner, "stats")
    assert created.status == exit_codes.OK, created.err

    record = {"title": "Layanan Adminduk Keliling", "province_code": "36"}
    added = cli(staff_folder, "--database", staff, "record", "add", "innovation", "--json",
                "-", stdin=json.dumps(record))  # fmt: skip
    assert added.status == exit_codes.OK, added.err
    found = cli(staff_folder, "--database", staff, "record", "list", "innovation",
                "--search", "adminduk", "--json")  # fmt: skip
    assert [r["title"] for r in found.json()] == [record["title"]]
    # The tables of later migrations are the staff's too: import reports, and the export's
    # read-only snapshot with the sequence number it then saves.
    reports = cli(staff_folder, "--database", staff, "sync", "reports", "--json")
    assert (reports.status, reports.json()) == (exit_codes.OK, []), reports.err
    package = tmp_path / "national.jipp"
    sent = cli(staff_folder, "--database", staff, "sync", "export", "--full", "--to", str(package))
    assert sent.status == exit_codes.OK and package.is_file(), sent.err

    with psycopg.connect(staff) as conn:
        for ddl in ("CREATE TABLE intruder (i INTEGER)", "DROP TABLE innovation"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(ddl)
            conn.rollback()
