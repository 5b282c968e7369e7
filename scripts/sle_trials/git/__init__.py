"""Git integration: the merge drivers for the generated files and the manifest (merge)."""
