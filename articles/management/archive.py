"""What every archive command checks before it touches the archive."""

from django.core.management.base import CommandError
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections
from django.db.migrations.executor import MigrationExecutor


def require_archive(alias: str = DEFAULT_DB_ALIAS) -> None:
    """Refuse, saying what to do, a database that is not running or not migrated: the first query
    would otherwise end the command in a traceback ("relation articles_article does not exist")."""
    connection = connections[alias]
    try:
        executor = MigrationExecutor(connection)
        missing = executor.migration_plan(executor.loader.graph.leaf_nodes())
    except DatabaseError as error:
        raise unreachable(error) from error
    if missing:
        raise CommandError(
            f"the database lacks {len(missing)} of the archive's migrations: "
            "run `manage.py migrate` first (make run and make test do)."
        )


def unreachable(error: DatabaseError) -> CommandError:
    """The refusal for a database that does not answer, with what to do."""
    return CommandError(f"cannot reach the database ({str(error).strip()}). Is it running? (make db-start)")
