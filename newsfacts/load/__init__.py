"""Load: the stored Delta tables (the source of truth), and the DuckDB database built from them."""
