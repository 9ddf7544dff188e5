"""A scheduled run that finds 1 new file among N already loaded, against a run on that 1 file into an
empty warehouse (target: at most 2x, Prefect start-up aside), measured in one run.

Loads N generated articles (bench/make_corpus.py), adds one more, runs again, then runs the one file
alone into an empty warehouse. Compares the flow stages (the run without Prefect's start-up) and prints
where the time went. Writes bench/INCREMENTAL_RESULTS.md.

    python bench/incremental.py --loaded 10000 [--work DIR]

With --work, the corpus and the loaded warehouse are kept in DIR, and a later run with the same DIR
starts from a copy of them instead of loading the N articles again (6 minutes at 10,000 on a 2-core machine).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_corpus import make_corpus  # noqa: E402
from throughput import run_cli  # noqa: E402

BENCH = Path(__file__).resolve().parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--loaded", type=int, default=10000, help="articles already in the warehouse")
    parser.add_argument("--results", type=Path, default=BENCH / "INCREMENTAL_RESULTS.md")
    parser.add_argument("--work", type=Path, help="keep the loaded corpus and warehouse here, and reuse them")
    args = parser.parse_args()

    work = args.work or Path(tempfile.mkdtemp(prefix="newsfacts-incremental-"))
    started = time.perf_counter()
    loaded = work / f"loaded-{args.loaded}"
    first_loaded_now = not (loaded / "warehouse" / "newsfacts.duckdb").exists()
    if first_loaded_now:
        shutil.rmtree(loaded, ignore_errors=True)
        corpus = make_corpus(args.loaded + 1, loaded / "corpus")
        newest = sorted(corpus.iterdir())[-1]
        shutil.move(newest, loaded / newest.name)  # held back: the new file of the next run
        first = run_cli(corpus, loaded / "warehouse")
        (loaded / "first-run.json").write_text(json.dumps(first), encoding="utf-8")
    first = json.loads((loaded / "first-run.json").read_text(encoding="utf-8"))
    print(f"loaded {args.loaded} articles: {first['wall']:.0f} s", flush=True)

    scratch = Path(tempfile.mkdtemp(prefix="newsfacts-incremental-", dir=work))
    corpus = scratch / "corpus"
    shutil.copytree(loaded / "corpus", corpus, copy_function=os.link)  # same files, same modification times
    shutil.copytree(loaded / "warehouse", scratch / "warehouse")
    held_back = next(p for p in loaded.iterdir() if p.is_file() and p.name != "first-run.json")
    # A scheduled run that finds nothing new, twice: the first leaves the database as this commit builds
    # it (a warehouse loaded by an earlier commit, with --work, is rebuilt whole once), the second is timed.
    first_idle = run_cli(corpus, scratch / "warehouse")
    nothing_new = run_cli(corpus, scratch / "warehouse")
    newest = corpus / held_back.name
    shutil.copy2(held_back, newest)
    os.utime(newest)  # a file dropped in now
    time.sleep(0.1)
    one_new = run_cli(corpus, scratch / "warehouse")
    alone_dir = scratch / "alone"
    alone_dir.mkdir()
    shutil.copy2(held_back, alone_dir / newest.name)
    alone = run_cli(alone_dir, scratch / "empty-warehouse")
    ratio = one_new["flow"] / alone["flow"]

    def stages(run: dict) -> str:
        return ", ".join(f"{k} {v:.2f}" for k, v in run["stages"].items())

    lines = [
        f"# 1 new file among {args.loaded:,} already loaded",
        "",
        f"Measured {time.strftime('%Y-%m-%d %H:%M')} on {os.cpu_count()} cores, in one run of "
        f"`python bench/incremental.py --loaded {args.loaded}` ({time.perf_counter() - started:.0f} s in all, "
        f"{'the loading of the ' + format(args.loaded, ',') + ' articles included' if first_loaded_now else 'from a warehouse loaded by an earlier run with --work'}).",
        "",
        "| run | flow stages s | stages | wall s (Prefect start-up included) |",
        "| --- | ---: | --- | ---: |",
        f"| load {args.loaded:,} articles into an empty warehouse | {first['flow']:.1f} | {stages(first)} | {first['wall']:.1f} |",
        f"| the same folder, nothing new | {nothing_new['flow']:.2f} | {stages(nothing_new)} | {nothing_new['wall']:.1f} |",
        f"| the same folder plus 1 new file | {one_new['flow']:.2f} | {stages(one_new)} | {one_new['wall']:.1f} |",
        f"| that 1 file alone into an empty warehouse | {alone['flow']:.2f} | {stages(alone)} | {alone['wall']:.1f} |",
        "",
        f"- 1 new among {args.loaded:,} / 1 file alone, flow stages: **{ratio:.2f}×** (target ≤ 2)",
        "- The unchanged files are recognised by their size and modification time without being read. A run "
        "that loads a file adds its rows to the DuckDB file in place and works out again only the derived rows they reach "
        "(near-duplicate pairs, merges, quote groups, incidents); a run that loads nothing adds its runs row to the last build "
        f"(the run before the timed one took {first_idle['flow']:.2f} s).",
    ]
    text = "\n".join(lines) + "\n"
    print(text)
    args.results.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
