# Idekatalog developer commands. `make run` starts the app, `make test` runs the suite.
# Both create .venv (the newest Python >= 3.12 found) and install the project when needed; both are
# safe to rerun.

VENV ?= .venv
PY := $(VENV)/bin/python
# Reinstalled when pyproject.toml changes.
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
# Extra pytest arguments: make test ARGS="-k search -x"
ARGS ?=

# Django 6.1 supports Python 3.12 and newer. Pick the newest suitable interpreter found: versioned
# names on PATH (system or pyenv shims), pyenv's own copies, then python3. Override: PYTHON=...
PY_MIN := 3.12
ifndef PYTHON
PYTHON := $(shell for p in python3.16 python3.15 python3.14 python3.13 python3.12 \
	$$(ls -d $(HOME)/.pyenv/versions/3.*/bin/python3 2>/dev/null | sort -rV) python3; do \
	"$$p" -c 'import sys; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1 \
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
	@test -n "$(PYTHON)" || { echo "No Python $(PY_MIN) or newer found (Django 6.1 needs it)." \
		"Install one, e.g. 'sudo apt-get install python3.12-venv' (Ubuntu 24.04)," \
		"'pyenv install 3.13', or python.org; or point to it: make test PYTHON=/path/to/python3" >&2; exit 1; }
	@test -x $(PY) || { echo "Creating $(VENV) with $(PYTHON)"; "$(PYTHON)" -m venv $(VENV); }
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	@touch $(STAMP)

clean-venv:
	rm -rf $(VENV)
