"""The checks, one module per family, and the one table of their codes.

Each module below declares the checks it makes in a CHECKS tuple at its top, next to the code that
makes them; table() builds the registry of codes from those declarations, so a code's module is
where its check lives. docs/checks.md lists the table, and tests/test_codes.py holds each code to
one failing fixture. To add a check:

1. declare it in CHECKS of the module that finds it: Check("E1xx", "a-short-name", "what it means"),
   with the next free code of that family (E0xx file and YAML, E1xx record rules, E2xx schema,
   E3xx across records, E4xx generated files, E5xx evidence);
2. report it where it is found: Problem(path, line, column, "E1xx", "a message a curator can act on");
3. add its failing fixture tests/fixtures/invalid/E1xx-what-it-shows.yaml (its first lines say where
   it is placed and what is expected) and regenerate the docs: .venv/bin/python -m sle_trials.outputs.docs
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from dataclasses import replace
from functools import cache
from types import MappingProxyType

from sle_trials.problem import Check

# The modules that declare checks, in the order of their codes. Imported when the table is first
# needed (a problem is reported, or the docs are written): a warm run that finds nothing imports none.
FAMILIES = (
    "sle_trials.checks.load",
    "sle_trials.checks.rules",
    "sle_trials.checks.schema",
    "sle_trials.checks.refs",
    "sle_trials.checks.sources",
    "sle_trials.checks.checkout",
    "sle_trials.outputs.export",
    "sle_trials.checks.evidence",
    "sle_trials.checks.curation",
    "sle_trials.checks.rows",
    "sle_trials.checks.binding",
    "sle_trials.checks.binding.categorical",
    "sle_trials.checks.binding.doses",
    "sle_trials.checks.binding.dates",
    "sle_trials.checks.binding.criterion",
    "sle_trials.checks.binding.enumeration",
    "sle_trials.checks.thresholds",
    "sle_trials.checks.completeness",
    "sle_trials.checks.silence",
)


@cache  # built once, then a constant: a read-only view, so no caller can change it for the others
def table() -> Mapping[str, Check]:
    """Every code, in code order, each with the module its declaration stands in."""
    found: dict[str, Check] = {}
    for name in FAMILIES:
        for check in importlib.import_module(name).CHECKS:
            if check.code in found:
                raise ValueError(f"{check.code} is declared twice: in {found[check.code].module} and {name}")
            found[check.code] = replace(check, module=name)
    return MappingProxyType(dict(sorted(found.items())))


def source_file(check: Check) -> str:
    """The file a check lives in, as the docs name it: scripts/sle_trials/checks/rules.py (a package's
    own: scripts/sle_trials/checks/binding/__init__.py)."""
    path = "scripts/" + check.module.replace(".", "/")
    return path + ("/__init__.py" if hasattr(importlib.import_module(check.module), "__path__") else ".py")
