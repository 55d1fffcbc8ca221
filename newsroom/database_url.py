"""The URL of a configured database, for a process this one starts (a worker, a test's command)."""

import os
from urllib.parse import quote


def database_url(settings_dict: dict) -> str:
    credentials = quote(settings_dict["USER"] or "", safe="")
    if settings_dict.get("PASSWORD"):
        credentials += ":" + quote(settings_dict["PASSWORD"], safe="")
    options = settings_dict.get("OPTIONS") or {}
    host = settings_dict.get("HOST") or options.get("host") or ""
    port = settings_dict.get("PORT") or options.get("port") or ""
    name = quote(settings_dict["NAME"], safe="")
    if host.startswith("/"):  # a unix socket's directory
        return f"postgres://{credentials}@/{name}?host={quote(host, safe='')}" + (f"&port={port}" if port else "")
    return f"postgres://{credentials}@{host}{f':{port}' if port else ''}/{name}"


def same_database_env() -> dict:
    """This process's environment, with DATABASE_URL naming the database it is connected to."""
    from django.db import connection

    return {**os.environ, "DATABASE_URL": database_url(connection.settings_dict)}
