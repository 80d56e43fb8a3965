# `make demo` and `make test` work on a fresh clone: each creates .venv and installs what it needs.
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
OUT    := out
# Browser tests drive Debian's chromium through Playwright (Playwright's own browser download
# does not work offline); `make test` installs it when it is missing.
CHROMIUM := /usr/bin/chromium
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# The PostgreSQL store's tests start a throwaway server from Debian's postgresql (initdb and
# pg_ctl, any version); `make test` installs it when no version is there.
PG_CTL := $(firstword $(wildcard /usr/lib/postgresql/*/bin/pg_ctl) $(shell command -v pg_ctl))

.PHONY: install browser postgres demo serve test lint types pytest bench docs clean

$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	# pip 23 (the venv default) cannot import trafilatura's optional cleaner reliably; upgrade first.
	$(BIN)/python -m pip install --quiet --upgrade pip
	# torch first, pinned: any looser request would pull a multi-GB CUDA build.
	$(BIN)/python -m pip install --quiet torch==2.13.0
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

$(CHROMIUM):
	$(SUDO) apt-get update -qq
	# Only what headless chromium needs (its Depends, plus one font family for the screenshots);
	# the recommended packages would add ~130 more, a systemd upgrade among them.
	DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends \
		chromium fonts-liberation

browser: $(CHROMIUM)

postgres:
ifeq ($(PG_CTL),)
	$(SUDO) apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends \
		postgresql
endif

demo: $(STAMP)
	mkdir -p $(OUT)
	$(BIN)/corroborator build examples/bishkek-2025 --db $(OUT)/demo.db
	$(BIN)/corroborator report --db $(OUT)/demo.db --format html -o $(OUT)/report.html
	$(BIN)/corroborator report --db $(OUT)/demo.db --format json -o $(OUT)/dossier.json
	$(BIN)/corroborator report --db $(OUT)/demo.db --format md -o $(OUT)/report.md
	$(BIN)/corroborator report --db $(OUT)/demo.db --format events-csv -o $(OUT)/events.csv
	$(BIN)/corroborator report --db $(OUT)/demo.db --format claims-csv -o $(OUT)/claims.csv
	$(BIN)/corroborator report --db $(OUT)/demo.db --format event-table -o $(OUT)/events.tsv
	@echo
	@echo "Demo written in $(abspath $(OUT)): report.html (open it in a browser), dossier.json, report.md,"
	@echo "events.csv, claims.csv, events.tsv. Browse it with: make serve"

serve: demo
	$(BIN)/corroborator serve --db $(OUT)/demo.db

lint: $(STAMP)
	$(BIN)/ruff check corroborator tests bench
	$(BIN)/ruff format --check corroborator tests bench

types: $(STAMP)
	$(BIN)/mypy

pytest: $(STAMP) $(CHROMIUM) postgres
	# Browser tests fail, rather than skip, when chromium is missing (screenshots land in
	# test-artifacts/); PostgreSQL tests fail, rather than skip, when no server can start.
	CORROBORATOR_REQUIRE_BROWSER=1 CORROBORATOR_REQUIRE_POSTGRES=1 $(BIN)/python -m pytest -q

test: lint types pytest

bench: $(STAMP)
	$(BIN)/python bench/throughput.py

docs: $(STAMP)
	$(BIN)/python -m corroborator.clidocs > docs/cli.md

clean:
	rm -rf $(OUT) test-artifacts .pytest_cache .mypy_cache .ruff_cache
