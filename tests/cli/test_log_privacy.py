"""The log file holds no personal data: not the arguments of a failed command, not the
NIP, phone numbers or e-mail addresses an error message or traceback may quote."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from jipp_desktop.cli.main import run
from jipp_desktop.core.logs import log_path

NIP = "198001012006041001"
PHONE = "0812-3456-7890"
MAIL = "budi.santoso@banten.go.id"


def test_a_failed_command_logs_its_words_not_its_arguments(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from jipp_desktop.core.services import RecordService

    def broken(self: RecordService, *args: object, **kwargs: object) -> list[object]:
        raise RuntimeError(f"no match for NIP {NIP}, phone {PHONE}, mail {MAIL}")

    monkeypatch.setattr(RecordService, "list", broken)
    folder = tmp_path / "data"
    argv = ["--data-dir", str(folder), "record", "list", "hub", "--search", "Budi Santoso"]
    err = io.StringIO()
    status = run(argv, stdin=io.StringIO(""), stdout=io.StringIO(), stderr=err)
    assert status == 1 and NIP in err.getvalue()  # the officer's own screen says it all
    text = log_path(folder).read_text(encoding="utf-8")
    assert "command --data-dir record list hub --search failed" in text
    assert "Traceback" in text and "RuntimeError: no match for NIP […], phone […], mail […]" in text
    for personal in (NIP, PHONE, MAIL, "Budi", str(folder)):
        assert personal not in text, personal
    # The time stamps (digits too) are kept.
    assert re.match(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} ERROR ", text)
