# Isnad: the command index. `make run` serves the demo archive; `make test` runs every check.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
export DJANGO_DEBUG ?= 1

.PHONY: messages run test install rum db db-start db-stop db-reset db-status demo lint format bench-ingest bench-attributions bench-search bench-search-million bench-provenance bench-site browser eval eval-search eval-judged eval-provenance eval-events eval-meaning clean

$(VENV)/.installed: requirements.txt requirements-dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed

# The project's own PostgreSQL in .pgdata/, unless DATABASE_URL names another server; Debian's
# RUM extension first (scripts/install-rum: broad searches read headline matches in date order).
db db-start: install rum
	@if [ -z "$$DATABASE_URL" ]; then $(PY) -m newsroom.localdb start; fi

db-stop:
	$(PY) -m newsroom.localdb stop

db-reset:
	$(PY) -m newsroom.localdb reset

db-status:
	$(PY) -m newsroom.localdb status

demo: db
	$(PY) manage.py migrate --no-input
	$(PY) manage.py load_demo --demo-editor
	$(PY) manage.py index_search

run: demo
	@echo
	@echo "  Isnad is serving on http://$(HOST):$(PORT)/  (admin: http://$(HOST):$(PORT)/admin/)"
	@echo "  with one worker for ingest runs (start more with: $(PY) manage.py worker)"
	@echo
	$(PY) manage.py worker & worker=$$!; trap 'kill $$worker 2>/dev/null; wait $$worker' EXIT INT TERM; \
	$(PY) manage.py runserver $(HOST):$(PORT)

# The Arabic catalogue (locale/ar): compiled after editing django.po.
messages: install
	$(PY) scripts/compile-messages

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

rum:
	bash scripts/install-rum

# Debian's chromium for the browser tests, installed when missing (needs root or sudo).
browser:
	bash scripts/install-browser

test: lint db browser
	$(PY) manage.py makemigrations --check --dry-run
	$(PY) -m pytest

# Ingest the whole corpus into the local database and print throughput and peak memory.
bench-ingest: db
	$(PY) manage.py migrate --no-input
	$(PY) -m benchmarks.ingest_corpus

# Search latency (p50/p95, search page and raw SQL) and indexing cost on the corpus
# (isnad_corpus, ingested once); bench-search-million adds the 1M-article resample.
bench-search: db
	$(PY) -m benchmarks.search

bench-search-million: db
	$(PY) -m benchmarks.search --million

# Load on gunicorn in production mode (WhiteNoise, DEBUG off) with wrk: req/s, p99, errors.
bench-site: db
	$(PY) -m benchmarks.site_load

# Provenance page latency (p50/p95) on the corpus, and the time to rebuild all provenance.
bench-provenance: db
	$(PY) -m benchmarks.provenance --rebuild

# Search quality: nDCG@10, recall@100 and zero-result rate, stock arabic against Isnad,
# and the spelling-variant check.
eval-search: db
	$(PY) -m evaluation.search

# Search judged by reading (evaluation/judged_*.json): stock arabic against Isnad.
eval-judged: db
	$(PY) -m evaluation.judged
	@echo "counting a copy of a result above as nothing (what a reader learns from a page):"
	$(PY) -m evaluation.judged --distinct

# Shared text against an exhaustive reference, SPA copies and AlArabiya notes on the corpus.
eval-provenance: db
	$(PY) -m evaluation.provenance

# Event grouping against the hand-labelled events: pairwise and B-cubed precision and recall.
eval-events: db
	$(PY) -m evaluation.events
	$(PY) -m evaluation.event_pairs
	$(PY) -m evaluation.events --signals
	$(PY) -m evaluation.key_names

# The events' signals with models of meaning (LSA, word vectors trained on the corpus, e5): 8 min.
$(VENV)/.installed-eval: requirements-eval.txt $(VENV)/.installed
	$(PY) -m pip install --quiet -r requirements-eval.txt
	touch $@

eval-meaning: db $(VENV)/.installed-eval
	$(PY) -m evaluation.events --signals --meaning

# Attribution reading: the labelled disclaimer cases (held-out and development halves, corpus
# paragraphs) by kind and class, then extraction and resolution on the 200-article corpus sample.
eval: db
	$(PY) manage.py migrate --no-input
	$(PY) -m evaluation.disclaimers
	$(PY) -m evaluation.attributions

# What reading attributions costs per article, and its share of parsing.
bench-attributions: db
	$(PY) -m benchmarks.attributions

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache
