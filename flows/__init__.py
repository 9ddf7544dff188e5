"""Prefect flows: each reads top to bottom as the story of the pipeline."""
