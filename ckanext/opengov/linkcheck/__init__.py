"""linkcheck feature."""
