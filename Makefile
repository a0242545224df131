# Two commands run everything on a fresh machine: `make serve` and `make test`.
# Each creates .venv from the pinned requirements when they change.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
RUN := $(BIN)/python -m
# Two stamps: what a build needs (requirements.txt: build, check, schemas,
# new-*; all the deploy workflow installs) and, on top, tests and tooling
# (requirements-dev.txt: serve, test, test-fast, test-unit, lint, benchmark).
BUILD_ENV := $(BIN)/.build-installed
DEV_ENV := $(BIN)/.dev-installed
# Reproducible builds: dates come from the last commit unless set by the caller.
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || date +%s)
export SOURCE_DATE_EPOCH
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build cms test test-fast test-unit test-js lint check schemas benchmark clean new-cluster new-news new-story new-event

# The venv finds the clustersite package in hooks/ by a .pth file in its
# site-packages (the absolute path of hooks/), so no command sets PYTHONPATH.
$(BUILD_ENV): requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/python -c 'import sysconfig, pathlib; pathlib.Path(sysconfig.get_paths()["purelib"], "clustersite.pth").write_text(str(pathlib.Path("hooks").resolve()) + "\n")'
	touch $@

$(DEV_ENV): $(BUILD_ENV) requirements-dev.txt
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

# Tools from npm (package-lock.json): Decap CMS, copied into the site at /admin/
# by the build, and decap-server for `make cms`; for tests, axe-core and the
# Nu HTML Checker. No install scripts run.
node_modules/.installed: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --silent
	touch $@

serve: $(DEV_ENV) node_modules/.installed
	$(BIN)/mkdocs serve --dirty --dev-addr 127.0.0.1:8000

build: $(BUILD_ENV) node_modules/.installed
	$(BIN)/mkdocs build --strict --clean

# The editing interface against the working copy: decap-server (port 8081)
# reads and writes the files here, the preview serves /admin/. Open
# http://localhost:8000/admin/ ; Ctrl+C stops both.
cms: $(DEV_ENV) node_modules/.installed
	@trap 'kill $$server 2>/dev/null' EXIT INT TERM; \
	PORT=8081 GIT_REPO_DIRECTORY="$$PWD" node node_modules/decap-server/dist/index.js & server=$$!; \
	echo "Redagavimas / editing: http://localhost:8000/admin/"; \
	$(BIN)/mkdocs serve --dev-addr localhost:8000

test: test-js $(DEV_ENV) node_modules/.installed
	@bash scripts/system-packages.sh
	$(BIN)/python -m pytest

# Everything but the browser and HTML-checker tests: for a quick loop while coding.
test-fast: test-js $(DEV_ENV) node_modules/.installed
	$(BIN)/python -m pytest -m "not browser"

# Only the tests that build no site: seconds, for the loop while coding; on
# every core (pytest-xdist), since most of their time is editors' commands
# run as new processes.
test-unit: $(DEV_ENV)
	$(BIN)/python -m pytest -q -m unit -n auto

# ruff (lint and format) and mypy, configured in pyproject.toml. All three run
# even when one fails, so one run shows every finding.
lint: $(DEV_ENV)
	@status=0; \
	$(BIN)/ruff check hooks tests benchmarks scripts || status=1; \
	$(BIN)/ruff format --check hooks tests benchmarks scripts || status=1; \
	$(BIN)/mypy || status=1; \
	exit $$status

# Unit tests of the directory script's pure part with Node's own runner (no
# npm package). The shell expands the file list: Node 21 and later no longer
# search a directory given to --test.
test-js:
	node --test tests/js/*.test.mjs

# Validate all content without building (about a second). Messages in
# Lithuanian; LANG=en... or `make check ARGS=--lang=en` for English.
# make prints "make: *** [Makefile:NN: check] Error 1" under any failing
# recipe and has no switch against it; after the check's own report it is
# noise, so on failure the recipe ends make itself with SIGPIPE, the one
# signal shells report silently (exit status 141, still a failure).
check: $(BUILD_ENV)
	@$(RUN) clustersite.tools.check $(ARGS) || kill -PIPE $$PPID

# Regenerate schemas/*.schema.json after changing the model or a vocabulary.
schemas: $(BUILD_ENV)
	$(RUN) clustersite.tools.schemas

# New content from commented templates; never overwrites. DATE=YYYY-MM-DD is optional.
new-cluster new-news new-story new-event: $(BUILD_ENV)
	@test -n "$(SLUG)" || { echo "usage: make $@ SLUG=short-name"; exit 2; }
	@$(RUN) clustersite.tools.scaffold $(subst new-,,$@) "$(SLUG)" $(if $(DATE),--date "$(DATE)") $(ARGS) || kill -PIPE $$PPID

# This site against plain Material + i18n on the same pages at 1,000 clusters + news, the real build and the preview; BENCH_3000=1 adds 3,000 (long).
benchmark: $(DEV_ENV)
	$(BIN)/python benchmarks/scale.py $(if $(BENCH_3000),--with-3000)
	$(BIN)/python benchmarks/build_time.py
	$(BIN)/python benchmarks/check_time.py
	$(BIN)/python benchmarks/directory_and_search.py

clean:
	rm -rf site .pytest_cache .mypy_cache .ruff_cache
