# Two commands work on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint typecheck pytest clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml constraints.txt | $(BIN)/python
	$(BIN)/pip install --quiet -c constraints.txt -e '.[dev,serve,scale]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/tacitus analyze examples/motion_row.txt --published 2015-03-12 --outlet "Caspian Wire" --format table
	$(BIN)/tacitus analyze examples/ceasefire.txt --published 2022-11-03 --outlet "Horn Wire" --format table
	$(BIN)/tacitus analyze examples/shelling.txt --published 2024-06-11 --outlet "Frontline Daily" --format table

lint: $(STAMP)
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests

typecheck: $(STAMP)
	$(BIN)/mypy --strict src

pytest: $(STAMP)
	$(BIN)/pytest -q

test: lint typecheck pytest

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info
