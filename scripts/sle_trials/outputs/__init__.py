"""What the registry publishes and prints: trials.csv (export), the data package and JSON export
(package), problem reports (report), curation coverage (coverage) and the generated docs tables (docs)."""
