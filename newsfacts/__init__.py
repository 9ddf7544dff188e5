"""newsfacts: raw news reports about armed conflict in, queryable facts out."""

__version__ = "0.1.0"
# Stamped on every run and fact, so an analyst can tell which rules produced a row.
PIPELINE_VERSION = f"newsfacts {__version__}"
