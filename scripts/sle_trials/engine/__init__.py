"""Running the checks over a registry: the stages in order (pipeline) and the check cache (cache)."""
