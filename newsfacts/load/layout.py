"""The names a warehouse gives what it keeps in its folder. The store (warehouse.py) writes them; discovery
(ingest/discover.py) recognises a warehouse inside a source folder by them. Kept apart from warehouse.py,
which imports DuckDB and pyarrow, so that discovery stays light."""

# The warehouse folder a command uses when none is given (relative to where it runs): data, apart from the
# SQL that builds it (the warehouse package)
DEFAULT_WAREHOUSE = "data"
DATABASE_NAME = "newsfacts.duckdb"
LOCK_NAME = ".newsfacts.lock"
TABLES_DIR = "tables"  # the Delta tables (store.py)
AS_OF_DIR = "as-of"  # databases of the warehouse as it stood after a past run (history.py)
PARQUET_DIR = "parquet"  # the Parquet parts of a warehouse written before the Delta tables (upgrade.py)
UPGRADED_DIR = f"{PARQUET_DIR}.upgraded"  # those parts once upgraded, for their owner to delete
# The database file a build published before the one renamed over it while another process held it open: the
# next run's build, if a reader holds the published file then, adds to it what it lacks (build.py)
SPARE_NAME = f".{DATABASE_NAME}.spare"
# Files a run writes under a temporary name before it renames them into place.
TEMPORARY_PREFIX = ".tmp-"
BUILDING_PREFIX = f".{DATABASE_NAME}.building-"
WRITE_TEST_PREFIX = ".write-test-"
TEMPORARY_PREFIXES = (TEMPORARY_PREFIX, BUILDING_PREFIX, WRITE_TEST_PREFIX)
