"""Duplicate series across agencies: normalise.py, verify.py (evidence), clusters.py (LSH +
grouping), judgements (actions.py, auth.py, views.py). See docs/duplication.md."""
