"""Metric definitions as pure functions (no CKAN, no database), one module per metric.

Each module that the SQL refresh also computes renders its constants into SQL from the same
tables here, so the page's explanation, the unit tests and the stored numbers cannot drift apart.
"""
