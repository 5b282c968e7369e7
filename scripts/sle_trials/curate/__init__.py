"""The curator's commands: new (scaffold), fmt, diff, and import from ClinicalTrials.gov (ctgov reads a
study, importing writes it as one transaction, update merges it into a curated record)."""
