"""participation feature."""
