"""Refuse to run on a database that cannot do Arabic search properly."""

from django.core.exceptions import ImproperlyConfigured

MIN_SERVER_VERSION = 130000
_checked: set[tuple[str, str]] = set()


def check_server(sender, connection, **kwargs):
    """On each process's first connection: PostgreSQL 13+ with a UTF-8 ctype, or a clear refusal."""
    key = (connection.alias, connection.settings_dict.get("NAME") or "")
    if key in _checked:
        return
    if connection.vendor != "postgresql":
        raise ImproperlyConfigured(f"Isnad needs PostgreSQL, not {connection.vendor}.")
    if connection.pg_version < MIN_SERVER_VERSION:
        raise ImproperlyConfigured(
            f"Isnad needs PostgreSQL 13 or newer; this server is {connection.pg_version // 10000}."
        )
    with connection.cursor() as cursor:
        cursor.execute("SELECT datctype FROM pg_database WHERE datname = current_database()")
        (ctype,) = cursor.fetchone()
    if "utf8" not in ctype.lower().replace("-", ""):
        raise ImproperlyConfigured(
            f"The database's LC_CTYPE is {ctype!r}; Isnad needs a UTF-8 ctype (e.g. C.UTF-8), "
            "because pg_trgm extracts no trigrams from Arabic otherwise. Recreate the database "
            "with: CREATE DATABASE ... TEMPLATE template0 ENCODING 'UTF8' LC_CTYPE 'C.UTF-8'."
        )
    _checked.add(key)
