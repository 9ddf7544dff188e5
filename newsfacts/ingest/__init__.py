"""Ingest: find input files, decode them, and turn each into raw article records."""
