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
