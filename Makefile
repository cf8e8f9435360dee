# A fresh machine needs only Python >= 3.10: these targets make their own virtual
# environment in .venv, so nothing is installed system-wide.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test lint install clean

$(BIN)/interim: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(BIN)/interim

install: $(BIN)/interim

demo: install
	$(BIN)/interim check example-folder
	$(BIN)/interim report example-folder

test: install
	$(BIN)/python -m pytest -W error

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

clean:
	rm -rf $(VENV)
