"""The command line: clear one-sentence errors for user mistakes, and queries printed as tables."""

from __future__ import annotations

import subprocess
import sys

from conftest import query
from newsfacts.cli import format_table, main
from newsfacts.load.warehouse import Warehouse


def test_missing_source_folder_is_one_sentence_and_exit_1(tmp_path, capsys):
    code = main(["run", str(tmp_path / "nope"), "--warehouse", str(tmp_path / "wh")])
    err = capsys.readouterr().err
    assert code == 1
    assert "does not exist" in err and "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_unwritable_warehouse_is_one_sentence_and_exit_1(tmp_path, capsys):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    code = main(["run", str(tmp_path), "--warehouse", str(blocker / "wh")])
    err = capsys.readouterr().err
    assert code == 1 and "Cannot write to the warehouse folder" in err and "Traceback" not in err


def test_a_second_run_while_one_holds_the_warehouse_says_so(tmp_path, capsys):
    with Warehouse(tmp_path / "wh").exclusive():
        code = main(["run", str(tmp_path), "--warehouse", str(tmp_path / "wh")])
    assert code == 1 and "Another newsfacts run" in capsys.readouterr().err


def test_sql_prints_a_table_and_bad_sql_is_a_clear_error(seeds_warehouse, capsys):
    warehouse, _ = seeds_warehouse
    assert main(["sql", "SELECT kind, count(*) AS n FROM casualties GROUP BY kind ORDER BY kind", "--warehouse", str(warehouse)]) == 0
    out = capsys.readouterr().out
    assert "| kind" in out and "killed" in out and "rows)" in out
    assert main(["sql", "SELEC nonsense", "--warehouse", str(warehouse)]) == 1
    assert "The query failed" in capsys.readouterr().err
    assert main(["sql", "DELETE FROM documents", "--warehouse", str(warehouse)]) == 1
    assert main(["sql", "SELECT 1", "--warehouse", str(warehouse / "missing")]) == 1
    assert "No warehouse" in capsys.readouterr().err


def test_report_prints_the_brief_and_a_missing_warehouse_is_a_clear_error(seeds_warehouse, capsys):
    warehouse, _ = seeds_warehouse
    assert main(["report", "--warehouse", str(warehouse), "--incidents", "1"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# newsfacts analyst brief") and out.count("| 2022-03-01 | Kharkiv |") == 1
    assert "| a Wednesday" not in out  # --incidents 1 lists one incident
    assert main(["report", "--warehouse", str(warehouse / "missing")]) == 1
    assert "No warehouse" in capsys.readouterr().err


def test_report_out_writes_the_brief_with_its_map_and_timeline_beside_it(seeds_warehouse, tmp_path, capsys):
    import xml.etree.ElementTree as ElementTree

    warehouse, _ = seeds_warehouse
    assert main(["report", "--warehouse", str(warehouse), "--out", str(tmp_path / "brief")]) == 0
    brief = (tmp_path / "brief" / "brief.md").read_text(encoding="utf-8")
    assert "](map.svg)" in brief and "](timeline.svg)" in brief
    svg = "{http://www.w3.org/2000/svg}"
    drawn = ElementTree.parse(tmp_path / "brief" / "map.svg").getroot()
    placed = query(warehouse, """SELECT count(*) FROM event_clusters k JOIN place_entities e ON e.canonical_name = k.location
                                 WHERE e.latitude IS NOT NULL""")[0][0]
    assert len(drawn.findall(f".//{svg}circle")) == placed > 0
    countries = {t.text for t in drawn.findall(f".//{svg}path/{svg}title")}
    assert "Ukraine" in countries  # the outlines of the countries around the incidents
    bars = ElementTree.parse(tmp_path / "brief" / "timeline.svg").getroot().findall(f".//{svg}rect[@class='killed']")
    assert len(bars) == query(warehouse, "SELECT count(DISTINCT event_date) FROM event_clusters")[0][0]


def test_help_explains_each_command():
    for args in (["--help"], ["run", "--help"], ["sql", "--help"], ["history", "--help"], ["rebuild", "--help"]):
        out = subprocess.run([sys.executable, "-m", "newsfacts.cli", *args], capture_output=True, text=True, check=True).stdout
        assert "usage: newsfacts" in out
    assert "--as-of" in subprocess.run([sys.executable, "-m", "newsfacts.cli", "sql", "--help"], capture_output=True, text=True).stdout
    assert "--warehouse" in subprocess.run([sys.executable, "-m", "newsfacts.cli", "run", "--help"], capture_output=True, text=True).stdout


def test_format_table_truncates_wide_cells():
    table = format_table(["a", "b"], [(1, "x" * 100), (None, "y")], max_width=10)
    assert "NULL" in table and "xxxxxxxxx…" in table and "(2 rows)" in table
