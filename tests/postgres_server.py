"""A throwaway PostgreSQL server for the tests: initdb in a temporary folder, listening on
loopback on a free port, stopped and removed at the end of the session.

PostgreSQL refuses to run as root; when the tests run as root (CI does), the server runs as the
``postgres`` user that Debian's package creates (or ``nobody``), through ``runuser``.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

# Read when this module is imported, before the autouse fixture clears CORROBORATOR_* variables.
REQUIRED = os.environ.get("CORROBORATOR_REQUIRE_POSTGRES") == "1"


def _binaries() -> Path | None:
    """The folder holding initdb and pg_ctl: on PATH, or Debian's newest version."""
    found = shutil.which("initdb")
    if found and shutil.which("pg_ctl"):
        return Path(found).parent
    for folder in sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=_version, reverse=True):
        if (Path(folder) / "initdb").exists() and (Path(folder) / "pg_ctl").exists():
            return Path(folder)
    return None


def _version(folder: str) -> int:
    part = Path(folder).parent.name
    return int(part) if part.isdigit() else 0


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class PostgresServer:
    """One server; :meth:`create_database` gives each test its own empty database."""

    def __init__(self) -> None:
        self.bin = _binaries()
        if self.bin is None:
            raise RuntimeError(
                "PostgreSQL is not installed (no initdb/pg_ctl on PATH or in /usr/lib/postgresql)"
                "; `make test` installs Debian's postgresql"
            )
        self.prefix: list[str] = []
        owner = None
        if os.geteuid() == 0:  # PostgreSQL will not run as root
            user = _unprivileged_user()
            if shutil.which("runuser") is None:
                raise RuntimeError("running as root and `runuser` is missing to drop privileges")
            self.prefix = ["runuser", "-u", user, "--"]
            owner = pwd.getpwnam(user)
        # Not pytest's tmp_path: its folders are private to root, where the server's user
        # could not reach its own data.
        self.home = Path(tempfile.mkdtemp(prefix="corroborator-pg-"))
        if owner is not None:
            os.chown(self.home, owner.pw_uid, owner.pw_gid)
        self.data = self.home / "data"
        self.port = 0
        self._databases = 0
        self._run(
            str(self.bin / "initdb"), "-D", str(self.data), "-U", "corroborator",
            "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync",
        )  # fmt: skip
        last = ""
        for _ in range(3):  # a free port may be taken between the probe and the start
            self.port = _free_port()
            options = (
                f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.home} "
                "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
            )
            try:
                self._run(
                    str(self.bin / "pg_ctl"), "-D", str(self.data), "-l",
                    str(self.home / "server.log"), "-o", options, "-w", "-t", "60", "start",
                )  # fmt: skip
                return
            except RuntimeError as exc:
                last = str(exc)
        raise RuntimeError(last)

    def _run(self, *command: str) -> None:
        done = subprocess.run(
            [*self.prefix, *command],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
            cwd=self.home,  # the tests' own folders may be closed to the server's user
        )
        if done.returncode != 0:
            log = self.home / "server.log"
            tail = log.read_text(errors="replace")[-800:] if log.exists() else ""
            raise RuntimeError(
                f"{Path(command[0]).name} failed ({done.returncode}): "
                f"{(done.stderr or done.stdout).strip()[-800:]} {tail}".strip()
            )

    def url(self, database: str = "postgres") -> str:
        """A URL to ``database`` on this server."""
        return f"postgresql://corroborator@127.0.0.1:{self.port}/{database}"

    def create_database(self) -> str:
        """A new empty database; its URL."""
        import psycopg

        self._databases += 1
        name = f"t{self._databases}"
        with psycopg.connect(self.url(), autocommit=True) as db:
            db.execute(f"CREATE DATABASE {name}")
        return self.url(name)

    def stop(self) -> None:
        """Stop the server and remove its folder."""
        try:
            self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "stop")
        except (RuntimeError, OSError):
            pass
        finally:
            shutil.rmtree(self.home, ignore_errors=True)


def _unprivileged_user() -> str:
    for name in ("postgres", "nobody"):
        try:
            pwd.getpwnam(name)
        except KeyError:
            continue
        return name
    raise RuntimeError("running as root and no `postgres` or `nobody` user to run PostgreSQL as")
