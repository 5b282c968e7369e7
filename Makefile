# Two commands for a newcomer: `make check` and `make test`. Both create .venv when it is missing.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: check test csv hooks merge-driver clean bench

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Reinstall when the package description changes.
$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

## check: validate all trials, cross-check references, regenerate trials.csv when stale
check: $(STAMP) hooks merge-driver
	$(BIN)/trials validate
	$(BIN)/trials refs
	$(BIN)/trials csv

## test: run the whole test suite
test: $(STAMP)
	$(BIN)/python -m pytest

## hooks: install the pre-commit hooks into this clone (skipped outside a git work tree)
hooks: $(STAMP)
	@if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then $(BIN)/pre-commit install --install-hooks >/dev/null && echo "pre-commit hooks installed"; fi

## merge-driver: let git resolve a conflict in trials.csv by regenerating it, and merge seeds/SHA256SUMS as a set of lines (.gitattributes; README)
merge-driver:
	@if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then \
		git config merge.trials-csv.name "regenerate trials.csv from the merged records" && \
		git config merge.trials-csv.driver "$(BIN)/trials merge-csv %O %A %B %P" && \
		git config merge.trials-manifest.name "merge seeds/SHA256SUMS as a set of lines" && \
		git config merge.trials-manifest.driver "$(BIN)/trials merge-manifest %O %A %B %P" && \
		echo "git merge drivers trials-csv and trials-manifest configured"; fi

## bench: time the full check on N synthetic records against check-jsonschema (README, "Speed")
N ?= 10000
bench: $(STAMP)
	$(BIN)/python benchmarks/bench.py --n $(N)

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis
