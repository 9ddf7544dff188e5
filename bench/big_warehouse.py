"""Runs that add to a big warehouse, against the same runs into an empty one, measured in one run.

Makes a warehouse of N generated documents (bench/make_warehouse.py), then times `newsfacts run` on it:
a folder with nothing new, three folders of 1 new article (the median ratio counts), a folder of 100 new articles;
and the same folders into empty warehouses; a new version of one of those articles' files, into the big warehouse
and into the one that holds its first version alone; then a person's decisions (1,000 of every kind) stored in one batch and
added to the database, and one more new article run with them applying; then two runs of one new article while another process holds
the database open (the first copies the file, the next adds to the file that copy replaced). Prints the flow stages (a run without Prefect's start-up), the ratios
(targets: 1 and 100 new articles ≤ 2x the same run into an empty warehouse; nothing new ≤ 1 s of
build; peak memory < 2 GiB), the README's example queries and the views warm on the grown warehouse,
and the time of `newsfacts rebuild`. Writes bench/BIG_WAREHOUSE_RESULTS.md.

    python bench/big_warehouse.py --documents 1000000 [--decisions 1000] [--work DIR]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_corpus import make_corpus  # noqa: E402
from make_warehouse import make_warehouse  # noqa: E402
from sql_at_scale import QUERIES  # noqa: E402
from throughput import run_cli, run_measured  # noqa: E402

BENCH = Path(__file__).resolve().parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--documents", type=int, default=1_000_000)
    parser.add_argument("--decisions", type=int, default=1_000,
                        help="a person's decisions (make_warehouse.py) added after the first runs, then applying")
    parser.add_argument("--work", type=Path, help="a folder for the warehouses (default: a temporary one)")
    parser.add_argument("--results", type=Path, default=BENCH / "BIG_WAREHOUSE_RESULTS.md")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="newsfacts-big-", dir=args.work))
    started = time.perf_counter()

    big = work / "big"
    made = make_warehouse(big, args.documents, 10 * args.documents)
    articles = make_corpus(101, work / "articles")
    one, hundred = work / "one", work / "hundred"
    for folder, files in ((one, sorted(articles.iterdir())[:1]), (hundred, sorted(articles.iterdir())[1:])):
        folder.mkdir()
        for path in files:
            shutil.copy2(path, folder / path.name)
    empty = work / "nothing-new"
    empty.mkdir()

    another = make_corpus(1, work / "another", seed=9)
    runs = {"nothing new": run_cli(empty, big)}
    # One article's run takes 2 to 4 s, and one run of it varies by half a second or more: the 1-article ratio is
    # the median of three articles' ratios, each article run into the big warehouse and into an empty one in turn
    # (the table shows each kind's median run).
    singles = {"big": [], "empty": []}
    for i, folder in enumerate([one, *(make_corpus(1, work / f"single-{i}", seed=20 + i) for i in range(2))]):
        singles["big"].append(run_cli(folder, big))
        singles["empty"].append(run_cli(folder, work / f"empty-single-{i}"))
    runs["1 new article"] = _median_run(singles["big"])
    runs["100 new articles"] = run_cli(hundred, big)
    runs["1 article into an empty warehouse"] = _median_run(singles["empty"])
    runs["100 articles into an empty warehouse"] = run_cli(hundred, work / "empty-100")
    # A changed file: the first article with its last paragraph cut, run again into the big warehouse and into the
    # warehouse that holds its first version alone. The new version supersedes the first.
    article = next(one.iterdir())
    paragraphs = article.read_text(encoding="utf-8").split("\n\n")
    article.write_text("\n\n".join(paragraphs[:-1]), encoding="utf-8")
    runs[CHANGED] = run_cli(one, big)
    runs[CHANGED_SMALL] = run_cli(one, work / "empty-single-0")
    decided = _add_decisions(big, args.documents, args.decisions)
    one_by_one = _decide_one_by_one(big, args.documents)
    runs[f"1 new article, {args.decisions:,} decisions applying"] = run_cli(another, big)
    runs["that article into an empty warehouse"] = run_cli(another, work / "empty-another")
    # A reader that reopens the database after each run (a dashboard refreshing) holds it when the next run builds:
    # the first such run copies the file, the next adds to the file the copy replaced (the spare).
    for name, seed in ((BESIDE_A_READER, 10), (BESIDE_A_READER_AGAIN, 11)):
        with _reader_holding(big / "newsfacts.duckdb"):
            runs[name] = run_cli(make_corpus(1, work / f"beside-{seed}", seed=seed), big)
    busiest = _build_at_the_busiest_place(big, work)
    rebuild = run_measured([sys.executable, "-m", "newsfacts.cli", "rebuild", "--warehouse", str(big)])
    query_ms = _warm_queries(big)

    def stages(run: dict) -> str:
        return ", ".join(f"{k} {v:.1f}" for k, v in run["stages"].items())

    lines = [f"# Runs that add to a warehouse of {args.documents:,} documents", "",
             f"Measured {time.strftime('%Y-%m-%d %H:%M')} on {os.cpu_count()} cores, in one run of "
             f"`python bench/big_warehouse.py --documents {args.documents} --decisions {args.decisions}` "
             f"({time.perf_counter() - started:.0f} s in all). The warehouse was made by bench/make_warehouse.py: "
             + ", ".join(f"{k} {v:.1f} s" for k, v in made.items()) + ". After the first five runs, "
             f"{args.decisions:,} decisions of a person (of every kind `newsfacts correct` makes) were stored as one "
             "batch and added to the database as `newsfacts correct` adds one; they apply in every run after.", "",
             "| run | flow stages s | stages | peak memory MiB (all processes) |", "| --- | ---: | --- | ---: |"]
    lines += [f"| {name} | {run['flow']:.1f} | {stages(run)} | {run['peak_pipeline']:.0f} |" for name, run in runs.items()]
    single_ratio = sorted(b["flow"] / e["flow"] for b, e in zip(singles["big"], singles["empty"]))[1]
    lines += ["", f"- 1 new article / 1 article into an empty warehouse: **{single_ratio:.2f}×** (target ≤ 2; "
              "the median of three articles' ratios, each article into the big warehouse / into an empty one: "
              + ", ".join(f"{b['flow']:.1f} / {e['flow']:.1f} s" for b, e in zip(singles["big"], singles["empty"])) + ")",
              f"- 100 new articles / 100 into an empty warehouse: **{runs['100 new articles']['flow'] / runs['100 articles into an empty warehouse']['flow']:.2f}×** (target ≤ 2)",
              f"- 1 changed article (a new version of a file the warehouse holds) / the same change into a warehouse of "
              f"that file alone: **{runs[CHANGED]['flow'] / runs[CHANGED_SMALL]['flow']:.2f}×**",
              f"- nothing new, load stage (the build): **{runs['nothing new']['stages'].get('load', 0):.2f} s** (target ≤ 1 s)",
              f"- adding the {args.decisions:,} decisions to the database (their build): **{decided['build']:.1f} s**, "
              f"peak memory {decided['peak_pipeline']:.0f} MiB",
              "- one decision more each, by `newsfacts correct` (the command's wall time, Python's start included): "
              + "; ".join(f"{kind} **{run['wall']:.1f} s** ({run['peak_pipeline']:.0f} MiB)" for kind, run in one_by_one.items()),
              f"- 1 new article with the decisions applying / that article into an empty warehouse: "
              f"**{runs[f'1 new article, {args.decisions:,} decisions applying']['flow'] / runs['that article into an empty warehouse']['flow']:.2f}×**",
              f"- 1 new article while a reader holds the database: the first such run (a copy of the file) "
              f"**{runs[BESIDE_A_READER]['flow']:.1f} s**, the next (the file that copy replaced, brought up to date with "
              f"both runs) **{runs[BESIDE_A_READER_AGAIN]['flow']:.1f} s**, against "
              f"{runs[f'1 new article, {args.decisions:,} decisions applying']['flow']:.1f} s for the article run in place "
              "with the decisions applying, as they apply in these runs",
              f"- peak memory of those runs: **{max(r['peak_pipeline'] for r in runs.values()):.0f} MiB** (target < 2,048)",
              f"- `newsfacts rebuild`: **{rebuild['wall']:.0f} s** wall, peak memory {rebuild['peak_pipeline']:.0f} MiB (reported, not a target)",
              "", "The generated warehouse names its own places and people, which the new articles never name, so their runs' "
              "builds reach few of its rows. The worst case, measured apart: one more article's rows stored "
              f"with every report placed at the busiest place ({busiest['reports']:,} reports and {busiest['figures']:,} "
              f"figures there) and every quote given to the busiest speaker ({busiest['quotes']:,} quotes): its build "
              f"(stage, consolidate, publish) takes **{busiest['build']:.1f} s**, against "
              f"{runs['1 new article']['stages'].get('load', 0) + runs['1 new article']['stages'].get('consolidate', 0):.1f} s "
              "for the load and consolidate stages of the 1-article run.",
              "", "Each query warm, best of 5, on the grown warehouse (target < 200 ms):", "", "| query | ms |", "| --- | ---: |"]
    lines += [f"| {name} | {ms:.0f} |" for name, ms in query_ms.items()]
    text = "\n".join(lines) + "\n"
    print(text)
    args.results.write_text(text, encoding="utf-8")
    shutil.rmtree(work, ignore_errors=True)


CHANGED = "1 changed article"
CHANGED_SMALL = "that change into a warehouse of its first version alone"


def _median_run(runs: list[dict]) -> dict:
    """Of an odd number of runs, the one of the median flow time."""
    return sorted(runs, key=lambda run: run["flow"])[len(runs) // 2]


BESIDE_A_READER = "1 new article, a reader holding the database (the first such run)"
BESIDE_A_READER_AGAIN = "1 new article, a reader holding the database again"


@contextmanager
def _reader_holding(database: Path):
    """Another process that holds the database open, read-only, while the block runs."""
    reader = subprocess.Popen([sys.executable, "-c", "import duckdb, sys; con = duckdb.connect(sys.argv[1], read_only=True); "
                                                     "print('open', flush=True); sys.stdin.readline()", str(database)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert reader.stdout.readline().strip() == "open"
        yield
    finally:
        reader.communicate("\n", timeout=60)


def _add_decisions(big: Path, documents: int, decisions: int) -> dict[str, float]:
    """`decisions` decisions of a person stored as one batch and added to the database (bench/make_warehouse.py),
    in a process of their own. Returns the seconds of the build and the peak memory."""
    script = ("import sys, time\n"
              f"sys.path.insert(0, {str(BENCH)!r})\n"
              "from make_warehouse import store_decisions\n"
              "from newsfacts.load.warehouse import Warehouse\n"
              "from newsfacts.pipeline import build_database\n"
              "warehouse = Warehouse(sys.argv[1])\n"
              "with warehouse.exclusive():\n"
              "    store_decisions(warehouse, int(sys.argv[2]), int(sys.argv[3]))\n"
              "start = time.perf_counter()\n"
              "build_database(warehouse, 'decisions')\n"
              "print(f'build {time.perf_counter() - start:.3f}')\n")
    run = run_measured([sys.executable, "-c", script, str(big), str(documents), str(decisions)])
    return {"build": float(run["out"].split("build ")[-1]), "peak_pipeline": run["peak_pipeline"]}


def _decide_one_by_one(big: Path, documents: int) -> dict[str, dict]:
    """One decision of each of three kinds made by `newsfacts correct` on the generated facts (ids as
    bench/sql_at_scale.py makes them), each built at once: its wall time and peak memory."""
    decisions = {
        "a figure's victims set": ["casualty", f"{5 * documents + 1:016x}", "--set", "victims=children"],
        "a quote's speaker named": ["quote", f"{2 * documents + 3:016x}", "--set", "speaker=Person 42"],
        "a report rejected": ["event", f"{documents // 2 + 5:016x}", "--reject"],
    }
    return {kind: run_measured([sys.executable, "-m", "newsfacts.cli", "correct", *arguments, "--warehouse", str(big)])
            for kind, arguments in decisions.items()}


def _build_at_the_busiest_place(big: Path, work: Path) -> dict[str, float]:
    """One more article, run into an empty warehouse; its rows stored in `big` with every report and figure
    placed at the busiest place there and every quote given to the busiest speaker, then built as a run
    builds. Returns the seconds of that build and how many rows the place and speaker have."""
    import duckdb
    import pyarrow as pa
    import pyarrow.dataset as ds

    from newsfacts.load.warehouse import Warehouse
    from newsfacts.pipeline import build_database

    run_cli(make_corpus(1, work / "extra", seed=8), work / "empty-extra")
    warehouse, source = Warehouse(big), Warehouse(work / "empty-extra")
    with duckdb.connect(str(warehouse.database), read_only=True) as con:
        place, reports = con.execute("SELECT location, count(*) FROM events GROUP BY 1 ORDER BY 2 DESC LIMIT 1").fetchall()[0]
        figures = con.execute("SELECT count(*) FROM casualties WHERE location = ?", [place]).fetchall()[0][0]
        speaker, quotes = con.execute("""SELECT speaker_entity_id, count(*) FROM quotes WHERE speaker_entity_id IS NOT NULL
                                         GROUP BY 1 ORDER BY 2 DESC LIMIT 1""").fetchall()[0]
    (run_id,) = source.committed_run_ids()
    with warehouse.exclusive():
        for table in ("documents", "source_files", "entity_observations", "mentions", "casualties", "quotes", "events", "runs"):
            if files := source.store.files(table):
                rows = ds.dataset(files, format="parquet").to_table()
                for column, value in (("location", place), ("speaker_entity_id", speaker)):
                    if column in rows.column_names and table in ("events", "casualties", "quotes"):
                        rows = rows.set_column(rows.column_names.index(column), column, pa.array([value] * len(rows), pa.string()))
                warehouse.store.append(table, rows, run_id)
        start = time.perf_counter()
        build_database(warehouse, run_id)
        seconds = time.perf_counter() - start
    return {"build": seconds, "reports": reports, "figures": figures, "quotes": quotes}


def _warm_queries(warehouse: Path) -> dict[str, float]:
    """Best of 5 per query, after one warm-up, in a process of its own (as an analyst's)."""
    script = (
        "import json, sys, time\n"
        "from newsfacts.load.read_only import connect_read_only\n"
        "queries = json.loads(sys.argv[2]); best = {}\n"
        "with connect_read_only(sys.argv[1]) as con:\n"
        "    incident = str(con.execute('SELECT min(cluster_id) FROM event_clusters').fetchall()[0][0])\n"
        "    for name, sql in queries.items():\n"
        "        sql = sql.replace('{incident}', incident)\n"
        "        con.execute(sql).fetchall(); times = []\n"
        "        for _ in range(5):\n"
        "            start = time.perf_counter(); con.execute(sql).fetchall(); times.append(time.perf_counter() - start)\n"
        "        best[name] = min(times) * 1000\n"
        "print(json.dumps(best))\n")
    import json

    out = subprocess.run([sys.executable, "-c", script, str(warehouse), json.dumps(QUERIES)], capture_output=True, text=True, check=True).stdout
    return json.loads(out.strip().splitlines()[-1])


if __name__ == "__main__":
    main()
