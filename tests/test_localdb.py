import os
from pathlib import Path

import pytest

from newsroom import localdb


def test_it_finds_server_binaries():
    bindir = localdb.find_bindir()
    assert (bindir / "initdb").exists() and (bindir / "pg_ctl").exists()


def test_it_names_the_package_when_no_binaries_exist(monkeypatch):
    monkeypatch.setenv("PATH", "/nonexistent")
    monkeypatch.setattr(localdb.glob, "glob", lambda pattern: [])
    with pytest.raises(localdb.LocalDbError, match="apt-get install postgresql"):
        localdb.find_bindir()


def test_it_keeps_the_socket_path_under_the_unix_limit(monkeypatch):
    monkeypatch.setattr(localdb, "CLUSTER", Path("/tmp/" + "deep/" * 30 + ".pgdata"))
    assert len(f"{localdb.socket_dir()}/.s.PGSQL.5432") <= 100


def test_it_ignores_a_pid_file_left_by_a_crash(tmp_path, monkeypatch):
    monkeypatch.setattr(localdb, "data_dir", lambda: tmp_path)
    (tmp_path / "postmaster.pid").write_text(f"{os.getpid()}\n/some/dir\n")  # alive, but not postgres
    assert localdb.running_pid() is None
    (tmp_path / "postmaster.pid").write_text("999999999\n")
    assert localdb.running_pid() is None


def test_it_reports_the_running_server():
    # The test database lives on this cluster, so when no DATABASE_URL is set it must be running.
    if os.environ.get("DATABASE_URL"):
        pytest.skip("DATABASE_URL points at another server")
    assert localdb.running_pid() is not None
    assert "running" in localdb.status()
    assert "already running" in localdb.start()
