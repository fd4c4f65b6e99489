"""dataapi feature."""
