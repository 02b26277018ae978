# Idekatalog developer commands. `make run` starts the app, `make test` runs the suite.
# Both create .venv (Python 3.13) and install the project when needed; both are safe to rerun.

VENV ?= .venv
PY := $(VENV)/bin/python
# Reinstalled when pyproject.toml changes.
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
# Extra pytest arguments: make test ARGS="-k search -x"
ARGS ?=

# The first Python 3.13 found: python3.13 on PATH (pyenv shim or system), pyenv's own copy, python3.
ifndef PYTHON
PYTHON := $(shell for p in python3.13 $(HOME)/.pyenv/versions/3.13*/bin/python3.13 python3; do \
	"$$p" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 13))' >/dev/null 2>&1 \
	&& { command -v "$$p"; break; }; done)
endif

.PHONY: run test setup lint format migrate clean-venv

run: setup
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_catalogue
	$(PY) manage.py runserver $(HOST):$(PORT)

test: setup
	$(PY) -m pytest $(ARGS)

lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: setup
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

migrate: setup
	$(PY) manage.py migrate --noinput

setup: $(STAMP)

$(STAMP): pyproject.toml
	@test -n "$(PYTHON)" || { echo "Python 3.13 not found: install it (pyenv install 3.13) or set PYTHON=" >&2; exit 1; }
	@test -x $(PY) || "$(PYTHON)" -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	@touch $(STAMP)

clean-venv:
	rm -rf $(VENV)
