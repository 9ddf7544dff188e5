"""The rules files: one that cannot be read stops a run with one sentence naming the file and the line,
instead of turning every document into an extraction error."""

from __future__ import annotations

import shutil

import pytest

import newsfacts.rules as rules
from newsfacts.cli import main
from newsfacts.rules import RulesError, check_rules


@pytest.fixture
def rules_copy(tmp_path, monkeypatch):
    """A copy of the rules folder that the rules are read from, for a test to break."""
    folder = tmp_path / "rules"
    shutil.copytree(rules.RULES_DIR, folder, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    monkeypatch.setattr(rules, "RULES_DIR", folder)
    rules.load_rules.cache_clear()
    yield folder
    rules.load_rules.cache_clear()  # (before the original folder is back: nothing read from the copy stays)


def test_the_shipped_rules_files_all_read():
    check_rules()


def test_a_rules_file_that_is_not_toml_is_named_with_its_line(rules_copy):
    path = rules_copy / "outlets.toml"
    path.write_text(path.read_text(encoding="utf-8").replace('[outlets]', 'broken = ["station",\n\n[outlets]', 1), encoding="utf-8")
    with pytest.raises(RulesError, match=r"outlets\.toml is not valid TOML: .*line \d+") as error:
        check_rules()
    assert "\n" not in str(error.value)


def test_a_pattern_that_is_no_regular_expression_is_named_with_its_key_and_line(rules_copy):
    path = rules_copy / "boilerplate.toml"
    lines = path.read_text(encoding="utf-8").splitlines()
    first = next(i for i, line in enumerate(lines) if line.startswith("drop_line = ["))
    lines.insert(first + 1, '    "(an unclosed group",')
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(RulesError, match=rf"boilerplate\.toml has a pattern in 'drop_line' \(line {first + 2}\)"):
        check_rules()


@pytest.mark.slow  # a flow run through the command line
def test_a_run_with_a_broken_rules_file_stops_with_one_sentence(rules_copy, tmp_path, capsys):
    (rules_copy / "events.toml").write_text("[taxonomy\n", encoding="utf-8")
    source = tmp_path / "in"
    source.mkdir()
    (source / "a.txt").write_text("A shell hit the market of the town on Monday and wounded a guard, officials said.\n", encoding="utf-8")
    code = main(["run", str(source), "--warehouse", str(tmp_path / "wh")])
    err = capsys.readouterr().err
    assert code == 1 and "events.toml is not valid TOML" in err and "Traceback" not in err
    assert not (tmp_path / "wh" / "newsfacts.duckdb").exists()


def test_a_casualty_kind_the_warehouse_does_not_store_is_named(rules_copy):
    path = rules_copy / "casualties.toml"
    path.write_text(path.read_text(encoding="utf-8").replace('\nmissing = [', '\nvanished = [', 1), encoding="utf-8")
    with pytest.raises(RulesError, match=r"casualties\.toml gives words under \[kinds\] for vanished, which is not a "
                                         r"casualty kind the warehouse stores \(killed, injured, missing, displaced\)"):
        check_rules()


def test_every_word_list_joined_into_a_pattern_exists_and_a_broken_entry_is_named(rules_copy):
    for name, keys in rules.PATTERN_LISTS.items():
        for key, entries in rules._pattern_lists(rules.load_rules(name), keys):
            assert entries, f"{name}.toml has no list '{key}'"
    path = rules_copy / "entities.toml"
    lines = path.read_text(encoding="utf-8").splitlines()
    first = next(i for i, line in enumerate(lines) if line.startswith("site_nouns = ["))
    lines[first] = lines[first].replace("site_nouns = [", 'site_nouns = ["works (unclosed", ', 1)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    rules.load_rules.cache_clear()  # (the lists above were read before the file broke)
    with pytest.raises(RulesError, match=rf"entities\.toml has a pattern in 'site_nouns' \(line {first + 1}\)"):
        check_rules()
