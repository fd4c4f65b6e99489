"""Demo content for a fresh portal: a few Thai agencies with Thai datasets."""
