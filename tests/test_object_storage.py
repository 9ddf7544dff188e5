"""A warehouse on S3: Delta tables written to the bucket, DuckDB reading them there. The bucket is moto's S3
server on localhost, reached through the same environment variables a real deployment sets."""

from __future__ import annotations

import socket

import pytest

from conftest import SEEDS, query

pytestmark = pytest.mark.slow  # a local S3 server (moto) and flow runs against it


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def s3_bucket(monkeypatch, tmp_path):
    from moto.server import ThreadedMotoServer

    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")
    monkeypatch.setenv("AWS_ENDPOINT_URL", f"http://127.0.0.1:{port}")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))  # where the local DuckDB file goes
    import fsspec
    import s3fs

    s3fs.S3FileSystem.clear_instance_cache()
    fs = fsspec.filesystem("s3")
    fs.mkdir("newsfacts-test")
    try:
        yield fs
    finally:
        s3fs.S3FileSystem.clear_instance_cache()
        server.stop()


def test_a_warehouse_on_s3_holds_the_delta_tables_and_duckdb_reads_them_there(s3_bucket, run_flow, seeds_warehouse):
    from newsfacts.load.warehouse import Warehouse

    url = "s3://newsfacts-test/warehouse"
    summary = run_flow(SEEDS, url)
    assert summary.documents_loaded == 5

    warehouse = Warehouse(url)
    assert s3_bucket.exists(f"{url}/tables/casualties/_delta_log") and s3_bucket.exists(f"{url}/tables/runs/_delta_log")
    assert not s3_bucket.exists(f"{url}/tables/event_clusters")  # derived tables live in the DuckDB file
    files = warehouse.store.files("casualties")
    assert files and all(f.startswith(f"{url}/tables/casualties/") for f in files)
    assert not str(warehouse.database).startswith("s3:")  # the DuckDB file is local
    local_seeds, _ = seeds_warehouse
    expected = query(local_seeds, "SELECT count(*), sum(count_min) FROM casualties")
    with warehouse.connect() as con:  # DuckDB reads the bucket through the same filesystem
        in_bucket = con.execute(f"SELECT count(*), sum(count_min) FROM {warehouse.table_source('casualties')}").fetchall()
    assert in_bucket == expected
    from deltalake import DeltaTable  # any Delta reader finds the same rows in the bucket

    stored = DeltaTable(warehouse.store.uri("casualties"), storage_options=warehouse.store.storage_options).to_pyarrow_table()
    assert (stored.num_rows, sum(stored.column("count_min").to_pylist())) == expected[0]
    with warehouse.connect(str(warehouse.database)) as con:
        built = con.execute("SELECT count(*), sum(count_min) FROM casualties").fetchall()
        clusters = con.execute("SELECT count(*) FROM event_clusters").fetchall()
    assert built == expected
    assert clusters == query(local_seeds, "SELECT count(*) FROM event_clusters")

    again = run_flow(SEEDS, url)  # nothing new: every file is known by its size and time
    assert again.files_unchanged == 5 and again.documents_loaded == 0


def test_an_unreachable_bucket_is_explained(monkeypatch, tmp_path):
    from newsfacts.errors import NewsfactsError
    from newsfacts.load.warehouse import Warehouse

    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.setenv("AWS_ENDPOINT_URL", f"http://127.0.0.1:{free_port()}")  # nothing listens there
    monkeypatch.setenv("AWS_MAX_ATTEMPTS", "1")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    import s3fs

    s3fs.S3FileSystem.clear_instance_cache()
    with pytest.raises(NewsfactsError, match="Cannot reach the warehouse at s3://no-such-bucket/wh"):
        Warehouse("s3://no-such-bucket/wh").ensure_writable()
    s3fs.S3FileSystem.clear_instance_cache()
