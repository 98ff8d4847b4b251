"""A throwaway PostgreSQL cluster for the tests: initdb into a temporary folder, pg_ctl start
on a unix socket inside it, stop at the end.

PostgreSQL refuses to run as root, and CI runs the tests as root: then the server runs as
the unprivileged ``postgres`` user (``runuser``), which is given the cluster folder.  The
tests connect over the socket as the cluster's superuser, with no password (trust
authentication on a socket only this process tree can reach).
"""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

SERVER_USER = "postgres"
START_TIMEOUT_S = 60


class ClusterError(RuntimeError):
    """PostgreSQL could not be started; the message says what to install or fix."""


def _bin_dir() -> Path:
    found = shutil.which("pg_ctl")
    if found:
        return Path(found).parent
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"), reverse=True)
    if not versions:
        raise ClusterError(
            "PostgreSQL is not installed (no pg_ctl on PATH or under /usr/lib/postgresql): "
            "install Debian's postgresql package (scripts/test.sh does) and run the tests again."
        )
    return versions[0].parent


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Cluster:
    """``root``: a folder that keeps the cluster between runs (the benchmark's ten years take
    minutes to build); by default a temporary folder removed by ``stop``."""

    def __init__(self, root: Path | None = None, shared_buffers: str = "32MB") -> None:
        self.kept = root is not None
        self.root = root or Path(tempfile.mkdtemp(prefix="jipp-pg-"))
        self.shared_buffers = shared_buffers
        self.data = self.root / "data"
        self.socket_dir = self.root / "run"
        self.port = _free_port()
        self.bin = _bin_dir()
        self.as_root = os.geteuid() == 0
        self.user = SERVER_USER if self.as_root else pwd.getpwuid(os.geteuid()).pw_name
        self.started = False

    def url(self, dbname: str, role: str | None = None) -> str:
        """A libpq URL reaching ``dbname`` over the cluster's socket, as ``role`` (default:
        the cluster's superuser)."""
        who = role or self.user
        return f"postgresql://{who}@/{dbname}?host={self.socket_dir}&port={self.port}"

    def _run(self, *args: str) -> subprocess.CompletedProcess[str]:
        command = [str(self.bin / args[0]), *args[1:]]
        if self.as_root:
            command = ["runuser", "-u", SERVER_USER, "--", *command]
        return subprocess.run(
            command, capture_output=True, text=True, timeout=START_TIMEOUT_S, check=False
        )

    def start(self) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        self.socket_dir.mkdir(exist_ok=True)
        if self.as_root:
            entry = pwd.getpwnam(SERVER_USER)
            self.root.chmod(0o755)  # mkdtemp made it owner-only; the server must get in
            for path in (self.root, self.socket_dir):
                os.chown(path, entry.pw_uid, entry.pw_gid)
        if not (self.data / "PG_VERSION").exists():
            self._initdb()
        options = (
            f"-c listen_addresses='' -c unix_socket_directories='{self.socket_dir}' "
            f"-p {self.port} -c fsync=off -c synchronous_commit=off -c full_page_writes=off "
            f"-c max_connections=200 -c shared_buffers={self.shared_buffers}"
        )
        done = self._run(
            "pg_ctl", "start", "-w", "-t", str(START_TIMEOUT_S), "-D", str(self.data),
            "-l", str(self.root / "server.log"), "-o", options,
        )  # fmt: skip
        self._check(done, "pg_ctl start")
        self.started = True

    def _initdb(self) -> None:
        done = self._run(
            "initdb", "-D", str(self.data), "-U", self.user, "-A", "trust",
            "-E", "UTF8", "--locale=C.UTF-8", "--no-sync",
        )  # fmt: skip
        self._check(done, "initdb")

    def _check(self, done: subprocess.CompletedProcess[str], what: str) -> None:
        if done.returncode == 0:
            return
        log = self.root / "server.log"
        tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
        raise ClusterError(
            f"PostgreSQL could not be started for the tests ({what} exited "
            f"{done.returncode}): {done.stderr.strip() or done.stdout.strip()}\n{tail}"
        )

    def stop(self) -> None:
        if self.started:
            # A kept cluster runs with fsync off too: only a clean stop leaves it whole.
            mode = "fast" if self.kept else "immediate"
            self._run("pg_ctl", "stop", "-m", mode, "-w", "-D", str(self.data))
            self.started = False
        if not self.kept:
            shutil.rmtree(self.root, ignore_errors=True)
