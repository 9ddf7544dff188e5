"""Load: Parquet parts per run (the source of truth), and the DuckDB database built from them."""
