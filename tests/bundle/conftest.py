"""The Linux bundle, built once per test run (scripts/build_bundle.sh caches it by a hash
of the sources) and unpacked outside the checkout."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from bundle_helpers import REPO, Bundle, build


@pytest.fixture(scope="session")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Bundle:
    archive = build()
    where = tmp_path_factory.mktemp("bundle")
    assert not where.resolve().is_relative_to(REPO), "unpack outside the checkout"
    subprocess.run(["tar", "-xzf", str(archive), "-C", str(where)], check=True)
    (root,) = where.iterdir()
    home = tmp_path_factory.mktemp("home")
    made = Bundle(archive, root, home)
    # Nothing of the test run leaks into the programs' environment.
    env = made.env()
    assert "PYTHONPATH" not in env and "VIRTUAL_ENV" not in env
    assert str(Path(sys.prefix) / "bin") not in env["PATH"].split(os.pathsep)
    return made
