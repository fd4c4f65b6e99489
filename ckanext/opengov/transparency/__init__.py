"""Transparency: metric definitions, the snapshot refresh, pages, downloads and API."""
