# Two commands for people (README): `make run` and `make test`. Both set themselves up, idempotently.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8501
ADDRESS ?= 0.0.0.0
RUN_STAMP := $(VENV)/.stamp-run
DEV_STAMP := $(VENV)/.stamp-dev
PUBLISHED := data/published/observations.parquet
# glibc gives each thread (every session's script run) its own malloc arena, and freed arena memory is
# seldom returned; two arenas keep the server's peak and after-close memory lower (docs/performance.md, Load).
export MALLOC_ARENA_MAX ?= 2

.PHONY: run test lint data bench load shots browser pdf-libs setup setup-dev clean

run: setup pdf-libs $(PUBLISHED)
	$(BIN)/python -m indicators.downloads.open_data
	$(BIN)/python -m ui.compressed_static
	$(BIN)/streamlit run app.py --server.port $(PORT) --server.address $(ADDRESS)

test: setup-dev browser pdf-libs
	$(BIN)/ruff check .
	bash .ci/pytest.sh

lint: setup-dev
	$(BIN)/ruff check .

# Rebuild every table from the raw files in data/raw (also writes data/kmm.duckdb for analysts).
data: setup
	$(BIN)/python -m indicators.build.build_database

$(PUBLISHED):
	$(MAKE) data

bench: setup-dev browser
	$(BIN)/python bench/run_bench.py

# 1, 10 and 25 concurrent sessions clicking through every page over Streamlit's websocket (loopback only):
# p50/p95 per page, errors, memory at the peak and 15 s and 130 s after the sessions close (past Streamlit's
# 120 s disconnectedSessionTTL). At most 300 s per level. REPLICAS=2 runs two processes behind deploy/nginx.conf.
REPLICAS ?= 1
load: setup-dev
	$(BIN)/python bench/load_sessions.py --users 1,10,25 --per-page --after 15,130 --max-seconds 300 \
		--replicas $(REPLICAS) --env MALLOC_ARENA_MAX=$(MALLOC_ARENA_MAX)

setup: $(RUN_STAMP)
setup-dev: $(DEV_STAMP)

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(RUN_STAMP): requirements.txt constraints.txt | $(VENV)/bin/python
	$(BIN)/pip install --quiet -r requirements.txt -c constraints.txt
	touch $@

$(DEV_STAMP): requirements.txt requirements-dev.txt constraints.txt $(RUN_STAMP)
	$(BIN)/pip install --quiet -r requirements-dev.txt -c constraints.txt
	touch $@

# Every page in he/en/ar at 1400 and 390 px, full-page, plus one contact sheet per page, for a person to look
# at: tests/browser/artifacts/pages/$(LABEL)/ (e.g. `make shots LABEL=before`, then LABEL=after).
LABEL ?= current
shots: setup-dev browser
	$(BIN)/python -m tests.browser.screenshots --label $(LABEL)

# Browser tests drive Debian's chromium through Playwright (never `playwright install`).
browser:
	@bash .ci/ensure_chromium.sh

# System libraries of WeasyPrint (PDF town profile): pango and DejaVu Sans, installed as root like chromium.
pdf-libs:
	@bash .ci/ensure_pdf_libs.sh

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache tests/browser/artifacts
