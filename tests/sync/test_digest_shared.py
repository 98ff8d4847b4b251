"""The digest cache shared by the ministry's workstations on one PostgreSQL database: the
code one workstation computed serves the others (a reading workstation included) until
any workstation writes, and a code is stored only for a state every workstation can see."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from sync_helpers import other_workstation

from jipp_desktop.core import engine
from jipp_desktop.core import models as m
from jipp_desktop.core.workspace import Workspace, open_workspace
from jipp_desktop.reports import catalog
from jipp_desktop.sync import digest

HUB = {"name": "Hub JIPP Provinsi NTT", "province_code": "53", "status": "active"}


@pytest.fixture
def computed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The digests actually computed (the real computation, counted), in order."""
    runs: list[str] = []
    compute = digest.full_digest

    def counted() -> str:
        runs.append(compute())
        return runs[-1]

    monkeypatch.setattr(digest, "full_digest", counted)
    return runs


@pytest.fixture
def workstation(tmp_path: Path, pg_url: str) -> Iterator[Workspace]:
    ws = open_workspace(tmp_path / "ws-a", database=pg_url)
    try:
        yield ws
    finally:
        ws.close()


def _stored() -> str | None:
    row = engine.sql("SELECT value FROM setting WHERE key = ?", (digest.SHARED_KEY,)).fetchone()
    return None if row is None else str(row[0])


def test_one_workstation_computes_the_others_read(
    tmp_path: Path, pg_url: str, computed: list[str]
) -> None:
    with open_workspace(tmp_path / "ws-a", database=pg_url) as a:
        a.records.create("hub", HUB)
        first = digest.cached_dataset_digest(a.data_dir)
    assert len(computed) == 1
    # Workstation B (its own folder, no cache file, reading only) takes A's code.
    with open_workspace(tmp_path / "ws-b", database=pg_url, readonly=True) as b:
        assert digest.cached_dataset_digest(b.data_dir) == first
    assert len(computed) == 1
    assert not (tmp_path / "ws-b" / digest.CACHE_FILE).exists()
    # A write by C invalidates it for everyone: C computes once, A and B read.
    with open_workspace(tmp_path / "ws-c", database=pg_url) as c:
        c.records.create("hub", {**HUB, "name": "Hub kedua"})
        second = digest.cached_dataset_digest(c.data_dir)
        assert second == digest.short_code(computed[-1]) != first
    assert len(computed) == 2
    for folder, readonly in (("ws-a", False), ("ws-b", True)):
        with open_workspace(tmp_path / folder, database=pg_url, readonly=readonly) as ws:
            assert digest.cached_dataset_digest(ws.data_dir) == second
    assert len(computed) == 2


def test_a_reading_workstation_computes_but_does_not_store(
    tmp_path: Path, pg_url: str, computed: list[str]
) -> None:
    with open_workspace(tmp_path / "ws-a", database=pg_url) as a:
        a.records.create("hub", HUB)
    with open_workspace(tmp_path / "ws-b", database=pg_url, readonly=True) as b:
        code = digest.cached_dataset_digest(b.data_dir)
        assert code == digest.dataset_digest()
        assert _stored() is None
    with open_workspace(tmp_path / "ws-a", database=pg_url) as a:
        assert digest.cached_dataset_digest(a.data_dir) == code
        assert _stored() is not None
    assert len(computed) == 3  # B's, the check above, then A's stored one


def test_another_workstations_write_invalidates_it(
    workstation: Workspace, tmp_path: Path, pg_url: str
) -> None:
    """Workstation B is a real second process writing while A stays open."""
    rid = workstation.records.create("hub", HUB)
    before = digest.cached_dataset_digest(workstation.data_dir)
    changed = other_workstation(tmp_path / "ws-b", pg_url, "record", "update", "hub", rid,
                                "--json", "-", stdin='{"name": "Lopo Inovasi"}')  # fmt: skip
    assert changed.returncode == 0, changed.stderr
    after = digest.cached_dataset_digest(workstation.data_dir)
    assert after == digest.dataset_digest() != before


def test_a_code_seen_inside_an_unfinished_write_is_not_shared(
    workstation: Workspace, computed: list[str]
) -> None:
    """The transaction's own uncommitted rows give it another code; rolled back, that
    code must not be left for the state that another workstation's next write reaches
    with the same marker value."""
    code = digest.cached_dataset_digest(workstation.data_dir)
    stored = _stored()
    with pytest.raises(RuntimeError), m.database.atomic():
        workstation.records.create("hub", HUB)
        inside = digest.cached_dataset_digest(workstation.data_dir)
        assert inside == digest.short_code(computed[-1]) != code
        raise RuntimeError("cancelled")
    assert _stored() == stored
    runs = len(computed)
    assert digest.cached_dataset_digest(workstation.data_dir) == code
    assert len(computed) == runs


def test_a_commit_between_the_reads_of_a_transaction_is_noticed(
    workstation: Workspace, tmp_path: Path, pg_url: str
) -> None:
    """Inside the caller's READ COMMITTED transaction each statement sees the latest
    commits: a code read across another workstation's commit belongs to no state."""
    rid = workstation.records.create("hub", HUB)
    with m.database.atomic():
        key = digest._cache_key(digest.change_marker())
        assert digest._seen_committed_state(key)
        changed = other_workstation(tmp_path / "ws-b", pg_url, "record", "update", "hub", rid,
                                    "--json", "-", stdin='{"name": "Lopo Inovasi"}')  # fmt: skip
        assert changed.returncode == 0, changed.stderr
        assert not digest._seen_committed_state(key)


def test_an_older_code_does_not_replace_a_newer_one(workstation: Workspace) -> None:
    """A slow workstation finishing after a faster one that saw a later write."""
    newer = digest.change_marker() + 5
    engine.sql(
        "INSERT INTO setting (key, value) VALUES (?, ?)",
        (digest.SHARED_KEY, f"{newer} somekey SOME-CODE"),
    )
    digest._store_shared(m.database, f"{newer - 1} otherkey OLD-CODE", newer - 1)
    assert _stored() == f"{newer} somekey SOME-CODE"
    digest._store_shared(m.database, f"{newer} samekey NEW-CODE", newer)
    assert _stored() == f"{newer} samekey NEW-CODE"
    engine.sql("UPDATE setting SET value = 'garbage' WHERE key = ?", (digest.SHARED_KEY,))
    digest._store_shared(m.database, "1 key CODE", 1)
    assert _stored() == "1 key CODE"


def test_the_digest_leaves_the_callers_settings_as_they_were(workstation: Workspace) -> None:
    """Inside the caller's transaction the digest turns JIT compilation off for its own
    scans only; outside one it reads in a snapshot of its own and leaves none open."""
    workstation.records.create("hub", HUB)
    expected = digest.full_digest()
    assert m.database.transaction_depth() == 0
    with m.database.atomic():
        engine.sql("SET LOCAL jit = on")
        assert digest.full_digest() == expected
        assert engine.sql("SELECT current_setting('jit')").fetchone()[0] == "on"
        assert engine.sql("SELECT txid_current_if_assigned()").fetchone()[0] is None


def test_a_report_printed_at_one_workstation_spares_the_next(
    tmp_path: Path, pg_url: str, computed: list[str]
) -> None:
    """The footer's digest, through the report path itself (its read transaction): A's
    register computes it, B's (a reading workstation) prints the same code from the
    shared cache."""
    pdfs, computed_by_report = [], []
    for name, readonly in (("ws-a", False), ("ws-b", True)):
        folder = tmp_path / name
        if not readonly:
            with open_workspace(folder, database=pg_url) as ws:
                ws.records.create("innovation", {"title": "Antrian Daring", "province_code": "53"})
        with open_workspace(folder, database=pg_url, readonly=readonly) as ws:
            pdfs.append(tmp_path / f"{name}.pdf")
            before = len(computed)
            catalog.generate(ws, catalog.ReportRequest(kind="register"), pdfs[-1])
            computed_by_report.append(len(computed) - before)
            code = digest.dataset_digest()
    assert computed_by_report == [1, 0]
    texts = [subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                            check=True).stdout for pdf in pdfs]  # fmt: skip
    assert all(code in " ".join(text.split()) for text in texts)
