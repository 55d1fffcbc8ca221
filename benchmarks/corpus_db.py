"""A database holding the whole corpus, shared by the search benchmark and evaluation.

Created on the local cluster the first time (migrate, then ingest the corpus: a few minutes) and
reused afterwards. BENCH_DATABASE_URL points both at another server instead.
"""

import os
import subprocess
import sys
from pathlib import Path

from articles.search.analysis import index_version
from newsroom import localdb

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "arabic-news-75k.jsonl.xz"
NAME = "isnad_corpus"
EXPECTED = 73_500  # articles after ingest (75,247 records, some sharing a canonical URL: 73,648)


def corpus_database(name: str = NAME) -> str:
    """The URL of a database holding the corpus, ingested now if it is not there yet."""
    if os.environ.get("BENCH_DATABASE_URL"):
        return os.environ["BENCH_DATABASE_URL"]
    localdb.start()
    url = f"postgres://{localdb.DB_USER}@/{name}?host={localdb.socket_dir()}"
    exists = localdb._psql(f"SELECT 1 FROM pg_database WHERE datname = '{name}'")
    if not exists:
        localdb._psql(f"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8'")
    env = django_env(url)
    subprocess.run([sys.executable, "manage.py", "migrate", "--no-input", "-v0"], env=env, check=True, cwd=ROOT)
    count = localdb._psql("SELECT count(*) FROM articles_article", database=name)
    if int(count or 0) < EXPECTED:
        print(f"ingesting {CORPUS.name} into {name} (once; a few minutes)…", flush=True)
        subprocess.run([sys.executable, "manage.py", "ingest", str(CORPUS)], env=env, check=False, cwd=ROOT)
        subprocess.run([sys.executable, "manage.py", "index_search", "--recount"], env=env, check=True, cwd=ROOT)
    version = index_version()
    stale = localdb._psql(f"SELECT count(*) FROM articles_article WHERE indexed_with <> {version}", database=name)
    if int(stale):
        print(f"re-indexing {name} for analyzer version {version} (a few minutes)…", flush=True)
        subprocess.run([sys.executable, "manage.py", "index_search", "--rebuild"], env=env, check=True, cwd=ROOT)
    return url


def django_env(url: str) -> dict:
    return {**os.environ, "DATABASE_URL": url, "DJANGO_DEBUG": "0", "DJANGO_SECRET_KEY": "b" * 50,
            "DJANGO_ALLOWED_HOSTS": "localhost"}  # fmt: skip


def use_corpus_database() -> bool:
    """Point Django at the corpus database (building it the first time) and set it up; False,
    with a message, when the corpus is absent."""
    if not CORPUS.exists():
        print(f"skipped: {CORPUS} is absent (the corpus lives in ../shared/corpus)")
        return False
    os.environ.update(django_env(corpus_database()) | {"DJANGO_SETTINGS_MODULE": "newsroom.settings"})
    import django

    django.setup()
    return True
