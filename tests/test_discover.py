import os

from newsfacts.ingest.discover import discover_files


def test_discovery_is_recursive_and_quarantines_what_it_cannot_read(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "story.txt").write_text("text")
    (tmp_path / "page.HTML").write_text("<html></html>")
    (tmp_path / "feed.jsonl").write_text("{}")
    (tmp_path / "slides.pptx").write_bytes(b"PK")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "huge.txt").write_bytes(b"x" * 2048)
    os.symlink("/etc/hostname", tmp_path / "a" / "escape.txt")

    files, rejected = discover_files(tmp_path, max_file_bytes=1024)

    assert sorted(f.rel_path for f in files) == ["a/story.txt", "feed.jsonl", "page.HTML"]
    assert {f.rel_path: f.format for f in files}["page.HTML"] == "html"
    reasons = {q.source_path: q.reason for q in rejected}
    assert reasons == {
        "slides.pptx": "unsupported_type",
        "empty.txt": "empty",
        "huge.txt": "too_large",
        "a/escape.txt": "symlink_outside",
    }
    assert "1024" not in reasons and "limit" in next(q.detail for q in rejected if q.reason == "too_large")


def test_a_link_inside_the_folder_is_read_at_its_target(tmp_path):
    (tmp_path / "story.txt").write_text("text")
    os.symlink(tmp_path / "story.txt", tmp_path / "alias.txt")
    files, rejected = discover_files(tmp_path, max_file_bytes=1024)
    assert [f.rel_path for f in files] == ["alias.txt", "story.txt"]
    assert rejected == []


def test_a_symlink_loop_is_quarantined_and_the_files_beside_it_are_found(tmp_path):
    (tmp_path / "story.txt").write_text("text")
    os.symlink("self.txt", tmp_path / "self.txt")
    os.symlink("ping.txt", tmp_path / "pong.txt")
    os.symlink("pong.txt", tmp_path / "ping.txt")
    (tmp_path / "sub").mkdir()
    os.symlink("../sub/deeper", tmp_path / "sub" / "deeper")

    files, rejected = discover_files(tmp_path, max_file_bytes=1024)

    assert [f.rel_path for f in files] == ["story.txt"]
    assert {q.source_path: q.reason for q in rejected} == {
        "self.txt": "symlink_loop", "ping.txt": "symlink_loop", "pong.txt": "symlink_loop", "sub/deeper": "symlink_loop",
    }
    assert all("self.txt" in q.detail for q in rejected if q.source_path == "self.txt")


def test_a_warehouse_inside_the_source_folder_is_skipped_without_quarantine(tmp_path, caplog):
    from newsfacts.load.warehouse import Warehouse

    (tmp_path / "story.txt").write_text("text")
    locked_only = tmp_path / "wh-new"
    locked_only.mkdir()
    with Warehouse(locked_only).exclusive():  # the lock a run (or `newsfacts run`'s check) leaves
        pass
    (locked_only / "notes.txt").write_text("inside a warehouse")
    built = tmp_path / "nested" / "wh"
    (built / "tables" / "runs").mkdir(parents=True)
    (built / "tables" / "runs" / "part-00000-1.parquet").write_bytes(b"PAR1")
    (built / "newsfacts.duckdb").write_bytes(b"DUCK")
    (tmp_path / "nested" / "other.txt").write_text("text")

    with caplog.at_level("INFO", logger="newsfacts.ingest.discover"):
        files, rejected = discover_files(tmp_path, max_file_bytes=1024)

    assert sorted(f.rel_path for f in files) == ["nested/other.txt", "story.txt"]
    assert rejected == []
    skipped = [r.getMessage() for r in caplog.records if "warehouse" in r.getMessage()]
    assert len(skipped) == 2 and any(m.startswith("Skipped nested/wh:") for m in skipped)


def test_a_source_folder_that_is_also_the_warehouse_loads_its_articles_only(tmp_path):
    (tmp_path / "story.txt").write_text("text")
    (tmp_path / "newsfacts.duckdb").write_bytes(b"DUCK")
    (tmp_path / ".newsfacts.lock").write_bytes(b"")
    (tmp_path / ".tmp-staging-r1" / "documents").mkdir(parents=True)
    (tmp_path / ".tmp-staging-r1" / "documents" / "00000.parquet").write_bytes(b"PAR1")
    for folder in ("tables/documents", "parquet.upgraded/documents", "as-of"):
        (tmp_path / folder).mkdir(parents=True)
        (tmp_path / folder / "part-00000-1.parquet").write_bytes(b"PAR1")

    files, rejected = discover_files(tmp_path, max_file_bytes=1024)

    assert [f.rel_path for f in files] == ["story.txt"] and rejected == []


def test_a_file_name_that_is_not_utf8_is_read_under_a_storable_name(tmp_path):
    os.mkdir(os.fsencode(tmp_path) + b"/caf\xe9")
    with open(os.fsencode(tmp_path) + b"/caf\xe9/menu\xff.txt", "wb") as handle:
        handle.write(b"text")
    files, rejected = discover_files(tmp_path, max_file_bytes=1024)
    assert rejected == [] and [f.rel_path for f in files] == ["caf\\xe9/menu\\xff.txt"]
    files[0].rel_path.encode("utf-8")
    assert open(files[0].path, "rb").read() == b"text"
