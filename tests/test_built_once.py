"""Tables kept on disk between processes: built once, loaded after, built again when what they come from
changes or the file is broken."""

import logging
import shutil
from pathlib import Path

import pytest

import newsfacts
from newsfacts import built_once
from newsfacts.built_once import kept_on_disk


@pytest.fixture
def cache_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    return tmp_path / "newsfacts"


class Builder:
    def __init__(self, value):
        self.value, self.calls = value, 0

    def __call__(self):
        self.calls += 1
        return self.value


def test_a_table_is_built_once_and_loaded_after(cache_home):
    table = {"velmora": [("Velmora", 12.5, -3.25)], "ostrik": []}
    build = Builder(table)
    assert kept_on_disk("test-table", build) == table
    assert kept_on_disk("test-table", build) == table
    assert build.calls == 1
    assert len(list(cache_home.glob("test-table-*.pickle"))) == 1


def test_a_table_built_without_its_sources_is_not_kept(cache_home):
    build = Builder({"partial": True})
    kept_on_disk("test-partial", build, complete=lambda: False)
    kept_on_disk("test-partial", build, complete=lambda: False)
    assert build.calls == 2
    assert not list(cache_home.glob("test-partial-*"))


def test_a_broken_file_is_built_again(cache_home, caplog):
    build = Builder([1, 2, 3])
    kept_on_disk("test-broken", build)
    (path,) = cache_home.glob("test-broken-*.pickle")
    path.write_bytes(path.read_bytes()[:10])
    with caplog.at_level(logging.WARNING, logger="newsfacts.built_once"):
        assert kept_on_disk("test-broken", build) == [1, 2, 3]
    assert build.calls == 2 and "built again" in caplog.text
    assert kept_on_disk("test-broken", build) == [1, 2, 3] and build.calls == 2  # the rebuilt file is whole


def test_an_unwritable_cache_folder_only_costs_the_build(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    build = Builder("value")
    assert kept_on_disk("test-unwritable", build) == "value"
    assert kept_on_disk("test-unwritable", build) == "value"
    assert build.calls == 2


def test_a_change_to_a_rules_file_or_the_extraction_code_changes_the_key(tmp_path):
    package = Path(newsfacts.__file__).parent
    copy = tmp_path / "newsfacts"
    for folder in ("extract", "rules"):
        shutil.copytree(package / folder, copy / folder)
    original = built_once._sources_digest(copy)
    assert original == built_once._sources_digest.__wrapped__(copy)  # the same files, the same key
    with open(copy / "rules" / "regions.toml", "a", encoding="utf-8") as rules:
        rules.write("\n# one more line\n")
    after_rules = built_once._sources_digest.__wrapped__(copy)
    (copy / "extract" / "gazetteer.py").write_text("# another gazetteer\n", encoding="utf-8")
    after_code = built_once._sources_digest.__wrapped__(copy)
    assert len({original, after_rules, after_code}) == 3


def test_tables_kept_for_other_code_are_removed_once_stale_and_others_kept(cache_home):
    import os
    import time

    cache_home.mkdir(parents=True)
    stale, recent, other_table = (cache_home / "test-table-0123456789abcdef.pickle", cache_home / "test-table-fedcba9876543210.pickle",
                                  cache_home / "test-tables-0123456789abcdef.pickle")
    for path in (stale, recent, other_table):
        path.write_bytes(b"x")
    week_and_a_day = time.time() - built_once.STALE_AFTER_SECONDS - 24 * 3600
    os.utime(stale, (week_and_a_day, week_and_a_day))
    os.utime(other_table, (week_and_a_day, week_and_a_day))
    assert kept_on_disk("test-table", Builder({"a": 1})) == {"a": 1}
    # the table of another digest not written for over a week is gone; the one written lately stays (another
    # version may be using it), as does another table's file
    assert not stale.exists() and recent.exists() and other_table.exists()
    assert len(list(cache_home.glob("test-table-*.pickle"))) == 2
