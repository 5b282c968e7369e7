"""Where things are in a registry checkout. Light on purpose: a warm check imports little else."""

from __future__ import annotations

import json
from pathlib import Path

from sle_trials.fields import Schema

SCHEMA_PATH = Path("schema") / "trial.schema.json"
TRIALS_DIR = Path("trials")
SEEDS_DIR = "seeds"
# The registry's own folders, which a check reads: real folders, never links (pipeline.check_folders),
# what an import's stage holds, and where no output is ever written (outputs/target.py)
FOLDERS = (SCHEMA_PATH.parent.as_posix(), TRIALS_DIR.as_posix(), SEEDS_DIR)
# The files generated from the records (outputs/generate.py), which `trials check` compares with them (E401)
CSV_PATH = Path("trials.csv")
DATAPACKAGE_PATH = Path("datapackage.json")
GENERATED_PATHS = (CSV_PATH, DATAPACKAGE_PATH)


def load_schema(root: Path) -> Schema:
    """The trial schema, loaded for one run: what is worked out from it is kept on it (fields.Schema)."""
    with open(root / SCHEMA_PATH, encoding="utf-8") as handle:
        return Schema(json.load(handle))
