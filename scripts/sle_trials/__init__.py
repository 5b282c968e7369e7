"""Tooling for the registry of CAR-T cell therapy trials in systemic lupus erythematosus.

Data flows one way, one room a stage:
  checks/   a trial file becomes a Record (load), is checked alone (schema, rules, evidence with
            binding and completeness), then all records together (refs, sources); each module
            declares its checks, and checks.table() is the one table of codes
  reading/  how source documents are read: places, vocabulary, lexicon, criteria text
  engine/   runs the checks over a registry (pipeline) and remembers valid files (cache)
  outputs/  trials.csv, the data package, reports, coverage, generated docs
  curate/   the curator's commands: new, fmt, diff, import from ClinicalTrials.gov
  git/      merge drivers
cli.py parses arguments and calls the rest; files.py is the one guarded way to read a file;
fields.py (a record walked with its schema) and units.py (age units) serve checks and outputs alike.
"""

__version__ = "0.1.0"
