# Two commands for a newcomer: `make check` and `make test`. Both create .venv when it is missing.
PYTHON ?= python3
VENV := .venv
# Where the operating system keeps its own Python builds. Unless PYTHON is given (`make
# PYTHON=python3.12 test`), .venv is made with the system's build of the same Python version as
# python3 where there is one that makes virtual environments, else with python3: Debian builds its
# interpreter with profile-guided and link-time optimisation, pyenv without unless asked.
# On this project's CI machine (pyenv's 3.11.7 first on PATH, Debian's 3.11.2 in /usr/bin) the test
# suite took 2 min 24 s with the one and 2 min 7 s to 2 min 10 s with the other (docs/development.md).
# The version is cut at its first character but a digit or a dot, by which the trusted check knows the
# program the path names (a `/..` in it could name any: git/built_commands.py).
SYSTEM_BIN ?= /usr/bin
BIN := $(VENV)/bin
# What is installed, one stamp per set of extras (pyproject.toml): `make check` needs the tool, the
# pre-commit hooks and the fetch extra (trials import ctgov NCT…, trials drift), `make test` also the
# test suite's dependencies. Each stamp is remade when the
# package description changes; with one stamp, `make test` after `make check` would skip the test
# dependencies. Installing the test set installs the hooks set too, so it refreshes both stamps.
HOOKS_STAMP := $(VENV)/.installed-hooks
TEST_STAMP := $(VENV)/.installed-test

.PHONY: help check test hooks merge-driver clean bench

## help: list these targets; what `make` alone does (it installs nothing: run `make check` to set up)
# The first rule is make's default: before it, `make` alone made .venv and stopped, saying only that
# .venv/bin/python was up to date, and a newcomer had no `trials` command and no word of what to run.
help:
	@sed -n 's/^## //p' $(firstword $(MAKEFILE_LIST))

$(BIN)/python:
ifeq ($(origin PYTHON),file)
	@version=$$($(PYTHON) -c 'import sys; print("%d.%d" % sys.version_info[:2])') && \
	system=$(SYSTEM_BIN)/python$${version%%[!0-9.]*} && \
	if [ -x "$$system" ] && "$$system" -m venv $(VENV) 2>/dev/null; then \
		echo "$(VENV) made with $$system, the system's build of Python $$version"; \
	else rm -rf $(VENV) && $(PYTHON) -m venv $(VENV); fi
else
	$(PYTHON) -m venv $(VENV)
endif

$(HOOKS_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[hooks,fetch]'
	touch $(HOOKS_STAMP)

$(TEST_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[hooks,fetch,test,site,xlsx]'
	touch $(TEST_STAMP) $(HOOKS_STAMP)

## check: install the tool and hooks (no test dependencies), validate all trials, cross-check references, regenerate trials.csv when stale
check: $(HOOKS_STAMP) hooks merge-driver
	$(BIN)/trials validate
	$(BIN)/trials refs
	$(BIN)/trials csv

## test: install the test dependencies and the site's too, then run the whole test suite
test: $(TEST_STAMP)
	$(BIN)/python -m pytest

## hooks: install the pre-commit hooks into this clone (skipped outside a git work tree)
hooks: $(HOOKS_STAMP)
	@if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then $(BIN)/pre-commit install --install-hooks >/dev/null && echo "pre-commit hooks installed"; fi

## merge-driver: let git resolve a conflict in trials.csv by regenerating it, and merge seeds/SHA256SUMS as a set of lines (.gitattributes; docs/curating.md)
merge-driver:
	@if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then \
		git config merge.trials-csv.name "regenerate trials.csv from the merged records" && \
		git config merge.trials-csv.driver "$(BIN)/trials merge-csv %O %A %B %P" && \
		git config merge.trials-manifest.name "merge seeds/SHA256SUMS as a set of lines" && \
		git config merge.trials-manifest.driver "$(BIN)/trials merge-manifest %O %A %B %P" && \
		echo "git merge drivers trials-csv and trials-manifest configured"; fi

## bench: time the full check on N synthetic records against check-jsonschema (docs/speed.md)
N ?= 10000
bench: $(TEST_STAMP)
	$(BIN)/python benchmarks/bench.py --n $(N)

## clean: remove .venv and the test suite's caches
clean:
	rm -rf $(VENV) .pytest_cache .hypothesis
