import pytest
from django.core.exceptions import ImproperlyConfigured
from django.db import connection

from newsroom import dbcheck


class FakeCursor:
    def __init__(self, ctype):
        self.ctype = ctype

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def execute(self, sql):
        pass

    def fetchone(self):
        return (self.ctype,)


class FakeConnection:
    alias = "fake"
    vendor = "postgresql"

    def __init__(self, version=150000, ctype="C.UTF-8", name="x"):
        self.pg_version, self.settings_dict, self._ctype = version, {"NAME": name}, ctype

    def cursor(self):
        return FakeCursor(self._ctype)


def test_it_refuses_an_old_server():
    with pytest.raises(ImproperlyConfigured, match="13 or newer"):
        dbcheck.check_server(None, FakeConnection(version=120005, name="old"))


def test_it_refuses_a_c_ctype_database():
    with pytest.raises(ImproperlyConfigured, match="UTF-8 ctype"):
        dbcheck.check_server(None, FakeConnection(ctype="C", name="c-ctype"))


def test_it_accepts_utf8_ctypes():
    for index, ctype in enumerate(["C.UTF-8", "C.utf8", "en_US.UTF-8"]):
        dbcheck.check_server(None, FakeConnection(ctype=ctype, name=f"ok-{index}"))


@pytest.mark.django_db
def test_the_real_database_has_a_utf8_ctype_and_trigrams():
    with connection.cursor() as cursor:
        cursor.execute("SELECT datctype FROM pg_database WHERE datname = current_database()")
        assert "utf" in cursor.fetchone()[0].lower()
        cursor.execute("SELECT array_length(show_trgm('قرغيزستان'), 1)")
        assert cursor.fetchone()[0] > 5


@pytest.mark.django_db
@pytest.mark.parametrize("command", ["index_search", "rebuild_events", "learn_spellings", "worker", "ingest"])
def test_an_archive_command_on_a_database_not_migrated_says_to_migrate(command, monkeypatch, tmp_path):
    """Not a traceback from the first query ("relation articles_article does not exist")."""
    from django.core.management import CommandError, call_command
    from django.db.migrations.executor import MigrationExecutor

    monkeypatch.setattr(MigrationExecutor, "migration_plan", lambda self, targets: [("a migration", False)])
    args = [str(tmp_path)] if command == "ingest" else []
    with pytest.raises(CommandError, match=r"manage\.py migrate"):
        call_command(command, *args)
