"""Tooling for the registry of CAR-T cell therapy trials in systemic lupus erythematosus.

The pipeline, one module a stage: load (text -> data + positions) -> schema and rules (one record)
-> refs (across records) -> export (CSV). report renders problems; codes lists every problem code.
"""

__version__ = "0.1.0"
