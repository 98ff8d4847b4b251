"""The documents in docs/ are contracts: the code must match them."""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

import jsonschema
import pytest

from jipp_desktop.cli import exit_codes
from jipp_desktop.cli.main import build_parser
from jipp_desktop.core.registry import RECORD_TYPES
from jipp_desktop.core.schemas import all_schemas

DOCS = Path(__file__).resolve().parents[2] / "docs"


def documented_commands() -> set[str]:
    """Command paths ("record add", "stats") named in every docs/cli*.md synopsis."""
    found = set()
    for doc in DOCS.glob("cli*.md"):
        for block in re.findall(r"```synopsis\n(.*?)```", doc.read_text(), re.S):
            for line in block.splitlines():
                words = re.sub(r"\[[^\]]*\]", " ", line).split()[1:]
                path = [w for w in words[:2] if re.fullmatch(r"[a-z][a-z-]*", w)]
                if path:
                    found.add(" ".join(path))
    return found


def parser_commands() -> set[str]:
    found = set()
    parser = build_parser()
    for action in parser._subparsers._group_actions:  # type: ignore[union-attr]
        assert isinstance(action, argparse._SubParsersAction)
        for name, sub in action.choices.items():
            nested = [a for a in sub._actions if isinstance(a, argparse._SubParsersAction)]
            if nested:
                found.update(f"{name} {child}" for child in nested[0].choices)
            else:
                found.add(name)
    return found


def test_every_command_is_documented_and_every_documented_command_exists() -> None:
    documented = documented_commands()
    actual = parser_commands()
    # A group such as "device" may also run on its own ("device [--json]").
    groups = {c.split()[0] for c in actual if " " in c}
    assert actual - documented == set(), "commands missing from docs/cli*.md"
    assert documented - actual - groups == set(), "documented commands that do not exist"


def test_exit_status_table_matches_the_code() -> None:
    table = dict(re.findall(r"^\| (\d+) \| (.+?) \|$", (DOCS / "cli.md").read_text(), re.M))
    codes = {v for k, v in vars(exit_codes).items() if k.isupper()}
    assert {int(k) for k in table} == codes


@pytest.mark.parametrize("name", list(RECORD_TYPES))
def test_schema_files_match_the_code(name: str) -> None:
    on_disk = json.loads((DOCS / "schemas" / f"{name}.json").read_text(encoding="utf-8"))
    assert on_disk == all_schemas()[name], "run: python scripts/write_schemas.py"
    jsonschema.Draft202012Validator.check_schema(on_disk)
