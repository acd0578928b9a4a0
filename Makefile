# Two commands on a fresh machine:
#   make book   build the HTML book into _build/html (re-running the chapters whose inputs changed)
#   make test   run every check: unit tests, ruff, nbval on every chapter, a fresh -W book build, copycheck
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

.PHONY: help venv notebooks notebooks-force book book-fresh test unit lint nbval book-check copycheck clean

help:
	@echo "make book             build the book into _build/html (open _build/html/index.html)"
	@echo "make test             run every check (what .ci/run runs)"
	@echo "make notebooks        re-execute the chapters whose code, data/ or lib/ changed, in place"
	@echo "make notebooks-force  re-execute every chapter in place"
	@echo "make clean            remove _build (keeps .venv)"

# The environment: rebuilt when requirements.txt or pyproject.toml change.
$(STAMP): requirements.txt pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $@

venv: $(STAMP)

notebooks: $(STAMP)
	$(BIN)/python -m mtcreport.execute --jobs 2 $(CHAPTERS)

notebooks-force: $(STAMP)
	$(BIN)/python -m mtcreport.execute --force --jobs 2 $(CHAPTERS)

book: notebooks
	$(BIN)/jupyter-book build . -W -n --keep-going
	@echo "book: open _build/html/index.html"

# --- checks ---------------------------------------------------------------------------

unit: $(STAMP)
	$(BIN)/pytest tests

lint: $(STAMP)
	$(BIN)/ruff check lib tests chapters conftest.py
	$(BIN)/ruff format --check lib tests chapters conftest.py

nbval: $(STAMP)
	$(BIN)/pytest --nbval --nbval-current-env --nbval-sanitize-with tests/nbval_sanitize.cfg \
		-n 2 --dist loadscope chapters

book-check: $(STAMP)
	rm -rf _build/html _build/.doctrees _build/jupyter_execute
	$(BIN)/jupyter-book build . --all -W -n --keep-going

copycheck:
	@if [ -f $(COPYCHECK) ]; then python3 $(COPYCHECK) .; \
	else echo "copycheck: $(COPYCHECK) not found beside this checkout; skipped"; fi

test: unit lint nbval book-check copycheck
	@echo "make test: all checks passed"

clean:
	rm -rf _build
