"""Shared fixtures. Real seeds and corpus are read from ../shared and skipped when absent."""

import io
import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEEDS = SHARED / "seeds"
CORPUS = SHARED / "corpus" / "arabic-news-75k.jsonl.xz"


@pytest.fixture
def seeds_dir() -> Path:
    if not SEEDS.is_dir():
        pytest.skip(f"{SEEDS} is absent: the seed acceptance tests need the five real scraped pages")
    return SEEDS


def seed_path(prefix: str) -> Path:
    if not SEEDS.is_dir():
        pytest.skip(f"{SEEDS} is absent: the seed acceptance tests need the five real scraped pages")
    return next(SEEDS.glob(f"{prefix}_*.txt"))


def run_ingest(*args: str) -> tuple[int, list[dict], str]:
    """Run `manage.py ingest` as a user would: (exit status, JSON lines printed, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    status = 0
    try:
        call_command("ingest", *args, stdout=out, stderr=err)
    except SystemExit as exit_:
        status = exit_.code
    except CommandError as error:  # what manage.py turns into its exit status
        status = error.returncode
        err.write(str(error))
    lines = [json.loads(line) for line in out.getvalue().splitlines() if line.strip()]
    return status, lines, err.getvalue()


def preview(path: Path | str, *options: str) -> list[dict]:
    """What `ingest --dry-run --json` says about one input."""
    _status, lines, _err = run_ingest(str(path), "--dry-run", "--json", *options)
    return lines


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


def kinds(article: dict) -> set[tuple[str, str | None]]:
    """(kind, outlet slug) of every attribution in a preview."""
    return {(a["kind"], a["outlet"]["slug"] if a["outlet"] else None) for a in article["attributions"]}


@pytest.fixture(autouse=True)
def fresh_term_frequencies():
    """Events cache the archive's term frequencies, search its variants and spelling table, per
    process; each test has its own archive."""
    from articles.events.signature import forget_frequencies
    from articles.search.vocabulary import forget_spellings

    forget_frequencies()
    forget_spellings()
    yield
    forget_frequencies()
    forget_spellings()


@pytest.fixture
def listed_names(monkeypatch):
    """Make the name lists (articles.known_names) hold exactly the given names for the analyzer's
    `written_lexeme`, whether or not ../shared/data is there. Call it before indexing articles."""
    from articles.search import analysis, snippets

    def use(*names: str) -> None:
        monkeypatch.setattr(analysis, "known_names", lambda: frozenset(names))
        _forget()

    def _forget() -> None:
        analysis.written_lexeme.cache_clear()
        analysis.indexed.cache_clear()
        snippets._lexemes.cache_clear()

    yield use
    _forget()
