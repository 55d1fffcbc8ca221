"""The project's own PostgreSQL cluster, kept in `.pgdata/` inside the checkout.

Used when DATABASE_URL is not set. The server listens on a unix socket only (no TCP port to
collide with). `initdb` and `postgres` refuse to run as root, so when we are root the cluster
belongs to an unprivileged system user (Debian's `postgres`, or one we create).

    python -m newsroom.localdb start|stop|reset|status|psql
"""

from __future__ import annotations

import glob
import hashlib
import os
import pwd
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CLUSTER = ROOT / ".pgdata"
DB_NAME = "isnad"
DB_USER = "isnad"
PORT = 5432
SERVICE_USERS = ("postgres", "isnad-pg")
# Locales whose ctype is UTF-8: pg_trgm extracts no trigrams from Arabic under the C ctype.
UTF8_LOCALES = ("C.UTF-8", "C.utf8", "en_US.UTF-8", "en_US.utf8")
SERVER_SETTINGS = {
    "listen_addresses": "''",
    "unix_socket_permissions": "0777",
    "shared_buffers": "'512MB'",
    "work_mem": "'32MB'",
    "maintenance_work_mem": "'512MB'",
    "max_wal_size": "'4GB'",
    # A local archive survives a crash without corruption; only the last commits may be lost.
    "synchronous_commit": "off",
    "jit": "off",
}


class LocalDbError(Exception):
    """Something about the local cluster that the user has to fix; the message says what."""


def socket_dir() -> Path:
    """Directory of the unix socket; short enough for the 107-byte socket path limit."""
    local = CLUSTER / "run"
    if len(f"{local}/.s.PGSQL.{PORT}") <= 100:
        return local
    digest = hashlib.sha1(str(ROOT).encode()).hexdigest()[:12]
    return Path("/tmp") / f"isnad-pg-{digest}"


def data_dir() -> Path:
    return CLUSTER / "data"


def find_bindir() -> Path:
    """Where initdb/pg_ctl live: PATH, then `pg_config --bindir`, then Debian's layout."""
    on_path = shutil.which("pg_ctl")
    if on_path and _complete(Path(on_path).resolve().parent):
        return Path(on_path).resolve().parent
    pg_config = shutil.which("pg_config")
    if pg_config:
        out = subprocess.run([pg_config, "--bindir"], capture_output=True, text=True)
        candidate = Path(out.stdout.strip())
        if _complete(candidate):
            return candidate
    debian = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"),
        key=lambda p: int(p.split("/")[4]) if p.split("/")[4].isdigit() else 0,
    )
    if debian:
        return Path(debian[-1]).parent
    raise LocalDbError(
        "PostgreSQL server binaries (initdb, pg_ctl) were not found on PATH, through pg_config "
        "or in /usr/lib/postgresql/*/bin. Install them: `apt-get install postgresql` on Debian "
        "or Ubuntu (or postgresql-server on Fedora), or set DATABASE_URL to an existing server."
    )


def _complete(bindir: Path) -> bool:
    return all((bindir / tool).exists() for tool in ("initdb", "pg_ctl", "postgres", "psql"))


def service_user() -> pwd.struct_passwd | None:
    """The unprivileged account that owns the cluster when we run as root; None otherwise."""
    if os.geteuid() != 0:
        return None
    for name in SERVICE_USERS:
        try:
            return pwd.getpwnam(name)
        except KeyError:
            continue
    subprocess.run(
        ["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", SERVICE_USERS[1]],
        check=True,
    )
    return pwd.getpwnam(SERVICE_USERS[1])


def _run_as_owner(cmd: list[str], *, check: bool = True) -> subprocess.CompletedProcess:
    owner = service_user()
    kwargs = {"capture_output": True, "text": True, "cwd": "/"}
    if owner:
        kwargs.update(user=owner.pw_uid, group=owner.pw_gid, extra_groups=[])
        kwargs["env"] = {**os.environ, "HOME": "/", "USER": owner.pw_name}
    result = subprocess.run(cmd, **kwargs)
    if check and result.returncode != 0:
        raise LocalDbError(f"{Path(cmd[0]).name} failed:\n{result.stdout}{result.stderr}")
    return result


def _owner_can_reach(path: Path) -> bool:
    owner = service_user()
    if owner is None:
        return True
    probe = subprocess.run(["test", "-x", str(path)], user=owner.pw_uid, group=owner.pw_gid, extra_groups=[])
    return probe.returncode == 0


def _prepare_directories() -> None:
    """Create .pgdata/ for the cluster owner; relocate it if that owner cannot reach the checkout."""
    owner = service_user()
    if not CLUSTER.exists() and owner and not _owner_can_reach(ROOT):
        # e.g. a checkout under /root (mode 0700): keep the cluster where the owner can reach
        # it and leave a link in the checkout, so every path below stays the same.
        digest = hashlib.sha1(str(ROOT).encode()).hexdigest()[:12]
        elsewhere = Path("/var/tmp") / f"isnad-pgdata-{digest}"
        elsewhere.mkdir(mode=0o755, exist_ok=True)
        CLUSTER.symlink_to(elsewhere, target_is_directory=True)
    CLUSTER.mkdir(mode=0o755, exist_ok=True)
    for path, mode in ((data_dir(), 0o700), (socket_dir(), 0o755)):
        path.mkdir(mode=mode, exist_ok=True)
        if owner:
            os.chown(path, owner.pw_uid, owner.pw_gid)
    if owner:
        os.chown(CLUSTER.resolve(), owner.pw_uid, owner.pw_gid)


def _utf8_locale() -> str:
    available = subprocess.run(["locale", "-a"], capture_output=True, text=True).stdout.split()
    for name in UTF8_LOCALES:
        if name in available:
            return name
    raise LocalDbError("No UTF-8 locale (C.UTF-8 or en_US.UTF-8) is installed: apt-get install locales")


def initialised() -> bool:
    return (data_dir() / "PG_VERSION").exists()


def init() -> None:
    bindir = find_bindir()
    _prepare_directories()
    _run_as_owner([
        str(bindir / "initdb"), "-D", str(data_dir()), "-U", DB_USER, "--auth=trust",
        "--encoding=UTF8", f"--locale={_utf8_locale()}",
    ])  # fmt: skip
    settings = "".join(f"{key} = {value}\n" for key, value in SERVER_SETTINGS.items())
    settings += f"unix_socket_directories = '{socket_dir()}'\n"
    config = data_dir() / "postgresql.conf"
    config.write_text(config.read_text() + "\n# Isnad's local cluster\n" + settings)


def running_pid() -> int | None:
    """The postmaster's pid if it is alive; a pid file left by a crash does not count."""
    pidfile = data_dir() / "postmaster.pid"
    try:
        pid = int(pidfile.read_text().split("\n", 1)[0])
        command = Path(f"/proc/{pid}/comm").read_text()
    except (OSError, ValueError):
        return None
    return pid if command.strip() in ("postgres", "postmaster") else None


def _remove_stale_locks() -> None:
    for stale in (data_dir() / "postmaster.pid", socket_dir() / f".s.PGSQL.{PORT}.lock"):
        stale.unlink(missing_ok=True)


def start() -> str:
    """Start the cluster (creating it on first use) and make sure the database exists."""
    if not initialised():
        init()
    _prepare_directories()
    if running_pid():
        message = "already running"
    else:
        _remove_stale_locks()
        log = CLUSTER / "server.log"
        if not log.exists():
            log.touch()
            owner = service_user()
            if owner:
                os.chown(log, owner.pw_uid, owner.pw_gid)
        pg_ctl = str(find_bindir() / "pg_ctl")
        result = _run_as_owner([pg_ctl, "-D", str(data_dir()), "-l", str(log), "-w", "-t", "60", "start"], check=False)
        if result.returncode != 0:
            tail = "".join(log.read_text(errors="replace").splitlines(keepends=True)[-15:])
            raise LocalDbError(f"PostgreSQL did not start:\n{result.stdout}{result.stderr}\n{tail}")
        message = "started"
    _create_database()
    return f"PostgreSQL {message}: socket {socket_dir()}, database {DB_NAME}"


def _psql(sql: str, database: str = "postgres") -> str:
    psql = str(find_bindir() / "psql")
    cmd = [psql, "-h", str(socket_dir()), "-p", str(PORT), "-U", DB_USER, "-d", database, "-tAc", sql]
    result = subprocess.run(cmd, capture_output=True, text=True)
    if result.returncode != 0:
        raise LocalDbError(f"psql failed: {result.stderr}")
    return result.stdout.strip()


def _create_database() -> None:
    if not _psql(f"SELECT 1 FROM pg_database WHERE datname = '{DB_NAME}'"):
        _psql(f"CREATE DATABASE {DB_NAME} TEMPLATE template0 ENCODING 'UTF8'")


def stop() -> str:
    if not running_pid():
        if initialised():
            _remove_stale_locks()
        return "PostgreSQL is not running"
    _run_as_owner([str(find_bindir() / "pg_ctl"), "-D", str(data_dir()), "-m", "fast", "-w", "stop"])
    return "PostgreSQL stopped"


def reset() -> str:
    """Stop the cluster and delete it with all its data; the next start creates it anew."""
    if initialised():
        stop()
    target = CLUSTER.resolve()
    shutil.rmtree(target, ignore_errors=True)
    if CLUSTER.is_symlink():
        CLUSTER.unlink()
    if socket_dir() != CLUSTER / "run":
        shutil.rmtree(socket_dir(), ignore_errors=True)
    return "Local PostgreSQL cluster deleted"


def status() -> str:
    if not initialised():
        return "no local cluster yet (it is created on first start)"
    pid = running_pid()
    state = f"running (pid {pid})" if pid else "stopped"
    return f"{state}: data {data_dir()}, socket {socket_dir()}"


def main(argv: list[str]) -> int:
    actions = {"start": start, "stop": stop, "reset": reset, "status": status}
    if len(argv) != 1 or argv[0] not in actions:
        print(f"usage: python -m newsroom.localdb {{{'|'.join(actions)}}}", file=sys.stderr)
        return 2
    try:
        print(actions[argv[0]]())
    except LocalDbError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
