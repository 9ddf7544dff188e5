"""Throughput of newsfacts against the floor the NLP imposes, measured in one run on the same texts.

(a) spaCy alone: nlp.pipe over the documents' texts, same model, default components, one process per core;
(b) the full pipeline through Prefect (`newsfacts run`), with the local runner and with a Dask cluster;
(c) the extraction functions without Prefect, in this process.

Prints docs/s, words/s, peak memory, b/a and each stage's share, and writes bench/RESULTS.md.

    python bench/throughput.py --n 2000
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_corpus import make_corpus  # noqa: E402

from newsfacts.config import Settings  # noqa: E402
from newsfacts.extract.nlp import load_nlp  # noqa: E402
from newsfacts.ingest.discover import discover_files  # noqa: E402
from newsfacts.ingest.documents import build_document, read_file  # noqa: E402
from newsfacts.pipeline import batched, extract_facts  # noqa: E402

BENCH = Path(__file__).resolve().parent


def documents_of(folder: Path) -> list[dict]:
    files, _ = discover_files(folder, 20 * 2**20)
    return [build_document(r) for f in files for r in read_file(f)[0]]


def run_cli(corpus: Path, warehouse: Path, *extra: str) -> tuple[float, dict[str, float], float]:
    """(wall seconds, seconds per stage, peak RSS in MiB) of one `newsfacts run`."""
    env = dict(os.environ, NEWSFACTS_SETTLE_SECONDS="0", PREFECT_SERVER_ANALYTICS_ENABLED="false")
    command = [sys.executable, "-m", "newsfacts.cli", "run", str(corpus), "--warehouse", str(warehouse), "--quiet", *extra]
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(result.stderr[-2000:])
    stages = dict((k, float(v)) for k, v in re.findall(r"(\w+) ([\d.]+)", result.stdout.split("Seconds per stage:")[1].splitlines()[0]))
    peak = max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024
    return wall, stages, peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=2000, help="articles in the generated corpus")
    parser.add_argument("--processes", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--results", type=Path, default=BENCH / "RESULTS.md")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="newsfacts-bench-"))
    corpus = make_corpus(args.n, work / "corpus")
    documents = documents_of(corpus)
    texts = [d["text"] for d in documents]
    words = sum(d["n_words"] for d in documents)
    settings = Settings()
    nlp = load_nlp(settings.spacy_model)

    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=32, n_process=args.processes):
        pass
    spacy_alone = time.perf_counter() - start

    start = time.perf_counter()
    for batch in batched(documents, settings.batch_size):
        extract_facts(batch, settings, "bench")
    extraction = time.perf_counter() - start

    local_wall, local_stages, local_peak = run_cli(corpus, work / "wh-local")
    dask_wall, dask_stages, dask_peak = run_cli(corpus, work / "wh-dask", "--runner", "dask", "--workers", str(args.processes))
    dask1_wall, dask1_stages, _ = run_cli(corpus, work / "wh-dask1", "--runner", "dask", "--workers", "1")

    def rate(seconds: float) -> str:
        return f"{len(documents) / seconds:8.1f} docs/s {words / seconds:10.0f} words/s"

    local_flow = sum(local_stages.values())
    dask_flow = sum(dask_stages.values())
    lines = [
        f"# newsfacts throughput: {len(documents)} articles, {words} words, {args.processes} processes",
        "",
        f"Measured {time.strftime('%Y-%m-%d %H:%M')} on {os.cpu_count()} cores, in one run of `python bench/throughput.py --n {args.n}`.",
        "",
        "| measurement | seconds | throughput |",
        "| --- | ---: | --- |",
        f"| (a) spaCy alone, nlp.pipe, {args.processes} processes | {spacy_alone:.1f} | {rate(spacy_alone)} |",
        f"| (c) extraction functions, no Prefect, 1 process | {extraction:.1f} | {rate(extraction)} |",
        f"| (b) newsfacts run, local runner: flow stages | {local_flow:.1f} | {rate(local_flow)} |",
        f"| (b) newsfacts run, local runner: wall, Prefect start-up included | {local_wall:.1f} | {rate(local_wall)} |",
        f"| (b) newsfacts run, Dask {args.processes} workers: flow stages | {dask_flow:.1f} | {rate(dask_flow)} |",
        f"| (b) newsfacts run, Dask {args.processes} workers: wall | {dask_wall:.1f} | {rate(dask_wall)} |",
        f"| (b) newsfacts run, Dask 1 worker: flow stages | {sum(dask1_stages.values()):.1f} | {rate(sum(dask1_stages.values()))} |",
        "",
        f"- b/a, local runner (flow stages / spaCy alone): **{local_flow / spacy_alone:.2f}**; Dask {args.processes} workers: **{dask_flow / spacy_alone:.2f}** (target ≤ 1.3)",
        f"- Dask {args.processes} workers vs 1 worker, extract stage: **{dask1_stages['extract'] / dask_stages['extract']:.2f}×** (target ≥ 1.6)",
        f"- Prefect start-up and orchestration outside the stages, local runner: {local_wall - local_flow:.1f} s of {local_wall:.1f} s ({(local_wall - local_flow) / local_wall:.0%})",
        f"- peak memory (max RSS of a run's main process): local {local_peak:.0f} MiB, Dask {dask_peak:.0f} MiB (target < 2048, flat in N)",
        "- share of the local run's flow time by stage: " + ", ".join(f"{k} {v / local_flow:.0%}" for k, v in local_stages.items()),
    ]
    text = "\n".join(lines) + "\n"
    print(text)
    args.results.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
