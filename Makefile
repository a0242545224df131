# Two commands run everything on a fresh machine: `make serve` and `make test`.
# Each creates .venv from the pinned requirements when they change.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Reproducible builds: dates come from the last commit unless set by the caller.
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || date +%s)
export SOURCE_DATE_EPOCH
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test clean

$(BIN)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

serve: $(BIN)/.installed
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

build: $(BIN)/.installed
	$(BIN)/mkdocs build --strict --clean

test: $(BIN)/.installed
	$(BIN)/python -m pytest

clean:
	rm -rf site .pytest_cache
