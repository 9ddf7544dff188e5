"""Throughput of newsfacts against the floor the NLP imposes, measured in one run on the same texts.

(a) spaCy alone: nlp.pipe over the documents' texts, same model, default components, one process per core;
(b) the full pipeline through Prefect (`newsfacts run`): the local runner (a process per core), and, on a
    smaller corpus for the scaling figures, one process, Dask with 1 and with 2 workers, and Ray;
(c) the same pipeline without Prefect: the plain functions the tasks wrap, streaming the same batches,
    extraction in the local runner's worker processes (newsfacts.workers), the same staged rows, Delta commits and
    DuckDB build; in a fresh process, as (b) runs.

Prints docs/s, words/s, peak memory, b/a, Prefect's share and each stage's share, and writes bench/RESULTS.md.

    python bench/throughput.py --n 2000 --scaling-n 1000 --repeat 2
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import re
import resource
import subprocess
import sys
import tempfile
import threading
import time
from collections import deque
from contextlib import nullcontext
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_corpus import make_corpus  # noqa: E402

from newsfacts.config import Settings  # noqa: E402
from newsfacts.ingest.discover import discover_files  # noqa: E402
from newsfacts.ingest.documents import build_document, read_file  # noqa: E402
from newsfacts.load.warehouse import KnownState  # noqa: E402
from newsfacts.load.warehouse import Warehouse  # noqa: E402
from newsfacts.pipeline import batch_size_for, batched, build_database, deduplicate, ingest_files  # noqa: E402
from newsfacts.workers import ExtractionProcesses  # noqa: E402

BENCH = Path(__file__).resolve().parent


def documents_of(folder: Path) -> list[dict]:
    files, _ = discover_files(folder, 20 * 2**20)
    return [build_document(r) for f in files for r in read_file(f)[0]]


def tree_sample(root: int) -> tuple[float, float, dict[int, tuple[float, bool]]]:
    """Resident memory of a process and all its descendants, and of the Prefect API server among them
    (a deployment runs that server elsewhere), in MiB; and the CPU seconds each of them has used so far
    (and whether it is that server)."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parents[int(entry.name)] = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
    tree, frontier = {root}, [root]
    while frontier:
        children = [pid for pid, parent in parents.items() if parent in frontier and pid not in tree]
        tree.update(children)
        frontier = children
    total = server = 0
    cpu: dict[int, tuple[float, bool]] = {}
    for pid in tree:
        try:
            rss = int(re.search(r"VmRSS:\s+(\d+)", Path(f"/proc/{pid}/status").read_text()).group(1))
            command = Path(f"/proc/{pid}/cmdline").read_bytes()
            ticks = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except (OSError, AttributeError):
            continue
        total += rss
        is_server = b"prefect.server.api.server" in command
        server += rss if is_server else 0
        cpu[pid] = ((int(ticks[11]) + int(ticks[12])) / os.sysconf("SC_CLK_TCK"), is_server)
    return total / 1024, server / 1024, cpu


def children_cpu_seconds() -> float:
    """CPU used so far by this process's waited-for children."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return children.ru_utime + children.ru_stime


def run_cli(corpus: Path, warehouse: Path, *options: str) -> dict:
    """Wall seconds, seconds per stage, and peak memory (main process; all processes) of one `newsfacts run`."""
    command = [sys.executable, "-m", "newsfacts.cli", "run", str(corpus), "--warehouse", str(warehouse), "--quiet", *options]
    run = run_measured(command)
    stages = {k: float(v) for k, v in re.findall(r"(\w+) ([\d.]+)", run.pop("out").split("Seconds per stage:")[1].splitlines()[0])}
    return {**run, "stages": stages, "flow": sum(stages.values())}


def run_without_prefect(corpus: Path, warehouse: Path, processes: int) -> dict:
    """(c) in a process of its own, started cold as each `newsfacts run` is: both then pay the same lazy
    imports and first-use loads (a language model, parsers) inside the stages they time."""
    command = [sys.executable, str(Path(__file__).resolve()), "--without-prefect", str(corpus), str(warehouse), "--processes", str(processes)]
    run = run_measured(command)
    return {**run, "flow": float(re.search(r"without Prefect: ([\d.]+) s", run.pop("out")).group(1))}


def run_measured(command: list[str]) -> dict:
    """Wall seconds, output, peak memory and CPU seconds of a command and all its processes."""
    env = dict(os.environ, NEWSFACTS_SETTLE_SECONDS="0", PREFECT_SERVER_ANALYTICS_ENABLED="false")
    env.pop("PREFECT_API_URL", None)
    start, cpu_before = time.perf_counter(), children_cpu_seconds()
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peaks = {"main": 0.0, "all": 0.0, "pipeline": 0.0}
    cpu: dict[int, tuple[float, bool]] = {}  # the last CPU seen of every process of the run

    def sample() -> None:
        while process.poll() is None:
            total, server, now = tree_sample(process.pid)
            cpu.update(now)
            peaks["all"] = max(peaks["all"], total)
            peaks["pipeline"] = max(peaks["pipeline"], total - server)
            try:
                main = int(re.search(r"VmRSS:\s+(\d+)", Path(f"/proc/{process.pid}/status").read_text()).group(1)) / 1024
                peaks["main"] = max(peaks["main"], main)
            except (OSError, AttributeError):
                pass
            time.sleep(0.25)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, err = process.communicate()
    wall = time.perf_counter() - start
    sampler.join()
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{err[-3000:]}")
    return {"wall": wall, "out": out, "peak_main": peaks["main"], "peak_all": peaks["all"],
            # Both undercount a little: the samples miss each process's last moments, and rusage misses
            # descendants that were never waited for.
            "peak_pipeline": peaks["pipeline"], "cpu": max(sum(c for c, _ in cpu.values()), children_cpu_seconds() - cpu_before),
            "server_cpu": sum(c for c, is_server in cpu.values() if is_server)}


def without_prefect(corpus: Path, root: Path, processes: int) -> float:
    """(c): what the flow does, with the same plain functions and the same streaming (reading and
    writing here, extraction in a plain process pool), and no Prefect. The flow's time less this is
    what Prefect costs."""
    settings = Settings()
    warehouse = Warehouse(root)
    start = time.perf_counter()
    files, _ = discover_files(corpus, settings.max_file_bytes)
    seen: set[str] = set()
    pending: deque = deque()

    def collect(sequence: int, future) -> None:
        for table, rows in future.result().rows.items():
            warehouse.stage_rows(table, rows, "bench", sequence)

    # The worker processes of the flow's local runner: the difference is then Prefect's work. Like the flow,
    # it starts none for a folder with nothing to read (the start-up run below).
    with ExtractionProcesses(processes, settings.spacy_model) if files else nullcontext() as pool:
        for sequence, batch in enumerate(batched(files, batch_size_for(len(files), processes, settings))):
            documents, _ = deduplicate(ingest_files(batch, KnownState(), settings).documents, seen)
            warehouse.stage_rows("documents", [{**d, "run_id": "bench"} for d in documents], "bench", sequence)
            pending.append((sequence, pool.submit(documents, settings, "bench")))
            while len(pending) > settings.batches_in_flight:
                collect(*pending.popleft())
        while pending:
            collect(*pending.popleft())
    warehouse.commit_run("bench", {"run_id": "bench", "status": "completed"})
    build_database(warehouse, "bench")
    return time.perf_counter() - start


def spacy_alone(texts: list[str], processes: int, faster: bool = False) -> float:
    """Seconds nlp.pipe takes over `texts`: the model with its default components, as shipped; or, with
    `faster`, as newsfacts runs it (newsfacts.extract.nlp_speedups: the same annotations, sooner)."""
    import spacy

    from newsfacts.extract.nlp_speedups import use_faster_components

    nlp = spacy.load(Settings().spacy_model)
    if faster:
        use_faster_components(nlp)
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=32, n_process=processes):
        pass
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--without-prefect", nargs=2, type=Path, metavar=("CORPUS", "WAREHOUSE"),
                        help="run (c) alone on CORPUS into WAREHOUSE and print its seconds (what the benchmark calls)")
    parser.add_argument("--n", type=int, default=2000, help="articles in the main corpus")
    parser.add_argument("--scaling-n", type=int, default=500, help="articles in the corpus of the scaling runs (0: skip them)")
    parser.add_argument("--processes", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--repeat", type=int, default=2, help="runs of each of (a), (b), (c) and each scaling runner; the fastest counts")
    parser.add_argument("--results", type=Path, default=BENCH / "RESULTS.md")
    args = parser.parse_args()
    p = args.processes
    if args.without_prefect:
        print(f"without Prefect: {without_prefect(*args.without_prefect, p):.3f} s")
        return

    work = Path(tempfile.mkdtemp(prefix="newsfacts-bench-"))
    corpus = make_corpus(args.n, work / "corpus")
    documents = documents_of(corpus)
    words = sum(d["n_words"] for d in documents)

    def rate(seconds: float, n_docs: int = len(documents), n_words: int = words) -> str:
        return f"{n_docs / seconds:6.1f} docs/s, {n_words / seconds:7.0f} words/s"

    # This machine is noisy (one measurement of the same thing varied by 10% between runs): each of (a),
    # (b) and (c) runs --repeat times, interleaved, and the fastest counts.
    floors, faster_floors, plain_runs, locals_ = [], [], [], []
    for attempt in range(args.repeat):
        floors.append(spacy_alone([d["text"] for d in documents], p))
        print(f"(a) spaCy alone: {floors[-1]:.1f} s", flush=True)
        faster_floors.append(spacy_alone([d["text"] for d in documents], p, faster=True))
        print(f"(a') spaCy as newsfacts runs it: {faster_floors[-1]:.1f} s", flush=True)
        plain_runs.append(run_without_prefect(corpus, work / f"wh-plain-{attempt}", p))
        print(f"(c) without Prefect: {plain_runs[-1]}", flush=True)
        locals_.append(run_cli(corpus, work / f"wh-local-{attempt}"))
        print(f"(b) local runner: {locals_[-1]}", flush=True)
    plains = [r["flow"] for r in plain_runs]
    floor, faster_floor, plain, local = min(floors), min(faster_floors), min(plains), min(locals_, key=lambda r: r["flow"])
    # CPU seconds, which the machine's noise moves far less than wall time: the processes of (b) and of
    # (c), each less a run of its own on an empty folder (start-up and shutdown: for (b), Prefect's).
    (work / "empty").mkdir()
    idle = run_cli(work / "empty", work / "wh-empty")["cpu"]
    plain_idle = run_without_prefect(work / "empty", work / "wh-plain-empty", p)["cpu"]
    flow_cpu, plain_cpu = min(r["cpu"] for r in locals_) - idle, min(r["cpu"] for r in plain_runs) - plain_idle

    def spread(values: list[float]) -> str:
        return "" if len(values) < 2 else f" (of {', '.join(f'{v:.1f}' for v in values)})"

    lines = [
        f"# newsfacts throughput: {len(documents)} articles, {words} words, {p} processes",
        "",
        f"Measured {time.strftime('%Y-%m-%d %H:%M')} on {os.cpu_count()} cores, in one run of "
        f"`python bench/throughput.py --n {args.n} --scaling-n {args.scaling_n} --repeat {args.repeat}`; (a), (a'), (b) and (c) "
        f"each ran {args.repeat} times, interleaved, and the fastest is shown (all times in brackets); so did each runner of the scaling table.",
        "",
        "| measurement | seconds | throughput |",
        "| --- | ---: | --- |",
        f"| (a) spaCy alone: nlp.pipe, default components, {p} processes | {floor:.1f}{spread(floors)} | {rate(floor)} |",
        f"| (a') the same, with the attribute ruler and lemmatizer newsfacts runs instead of spaCy's (same annotations) | "
        f"{faster_floor:.1f}{spread(faster_floors)} | {rate(faster_floor)} |",
        f"| (c) the same pipeline without Prefect: plain functions, extraction in {p} worker processes | {plain:.1f}{spread(plains)} | {rate(plain)} |",
        f"| (b) newsfacts run, local runner ({p} processes): flow stages | {local['flow']:.1f}{spread([r['flow'] for r in locals_])} | {rate(local['flow'])} |",
        f"| (b) the same run's wall time, Prefect start-up included | {local['wall']:.1f} | {rate(local['wall'])} |",
        "",
        f"- **b/a = {local['flow'] / floor:.2f}** (flow stages / spaCy alone, as shipped; target ≤ 1.15)",
        f"- b/a' = {local['flow'] / faster_floor:.2f}: what newsfacts adds to the NLP as it runs it (ingest, its own rules, "
        "load); a' / a = " f"{faster_floor / floor:.2f} is what its two faster components save",
        f"- Prefect orchestration: {local['flow'] - plain:.1f} s of the flow's {local['flow']:.1f} s "
        f"(**{(local['flow'] - plain) / local['flow']:.1%}**; target < 5%): the flow stages less (c). Start-up (the "
        f"temporary Prefect server, imports) is another {local['wall'] - local['flow']:.1f} s per run, which a deployment "
        "served by a running Prefect server does not pay.",
        f"- Prefect's share of the CPU: **{(flow_cpu - plain_cpu) / flow_cpu:.1%}** (target < 5%). The processes of (b) used "
        f"{flow_cpu + idle:.1f} CPU-seconds, of which {idle:.1f} are start-up and shutdown (a run on an empty folder): "
        f"{flow_cpu:.1f} for the work, against {plain_cpu:.1f} for (c) (its own start-up, {plain_idle:.1f}, left out "
        f"likewise); least of {args.repeat} runs each. CPU time is what the noise of this machine moves least.",
        f"- the flow ran {-(-len(documents) // batch_size_for(len(documents), p, Settings()))} extraction batches; the temporary Prefect API server used "
        f"{local['server_cpu']:.1f} s of CPU during the run (states, logs and events of its task runs; start-up included)",
        "- share of the flow time by stage: " + ", ".join(f"{k} {v / local['flow']:.0%}" for k, v in local["stages"].items()),
        f"- peak memory at {len(documents)} articles: the flow's process {local['peak_main']:.0f} MiB; the flow and its "
        f"worker processes {local['peak_pipeline']:.0f} MiB (target < 2048); with the temporary Prefect API server, "
        f"{local['peak_all']:.0f} MiB",
    ]

    if args.scaling_n:
        small = make_corpus(args.scaling_n, work / "corpus-small")
        small_docs = documents_of(small)
        small_words = sum(d["n_words"] for d in small_docs)
        runs = {
            f"local runner, {p} processes": ("--workers", str(p)),
            "local runner, 1 process": ("--workers", "1"),
            f"Dask, {p} workers (LocalCluster)": ("--runner", "dask", "--workers", str(p)),
            "Dask, 1 worker": ("--runner", "dask", "--workers", "1"),
        }
        if importlib.util.find_spec("prefect_ray"):
            runs[f"Ray, {p} workers (local)"] = ("--runner", "ray", "--workers", str(p))
        # Each runner --repeat times, interleaved, the fastest counting, as for (a), (b) and (c).
        tries: dict[str, list[dict]] = {name: [] for name in runs}
        for attempt in range(args.repeat):
            for number, (name, options) in enumerate(runs.items()):
                tries[name].append(run_cli(small, work / f"wh-scaling-{attempt}-{number}", *options))
                print(f"(b) {name}: {tries[name][-1]}", flush=True)
        results = {name: min(runs_of, key=lambda r: r["flow"]) for name, runs_of in tries.items()}
        lines += [
            "",
            f"## Scaling: {len(small_docs)} articles, {small_words} words",
            "",
            "| runner | flow stages s | extract s | wall s | throughput (flow) | peak, flow and workers |",
            "| --- | ---: | ---: | ---: | --- | ---: |",
        ]
        for name, r in results.items():
            lines.append(f"| {name} | {r['flow']:.1f}{spread([t['flow'] for t in tries[name]])} | {r['stages']['extract']:.1f} | {r['wall']:.1f} | "
                         f"{rate(r['flow'], len(small_docs), small_words)} | {r['peak_pipeline']:.0f} MiB |")
        dask_p, dask_1 = results[f"Dask, {p} workers (LocalCluster)"], results["Dask, 1 worker"]
        local_p, local_1 = results[f"local runner, {p} processes"], results["local runner, 1 process"]
        lines += [
            "",
            f"- Dask {p} workers vs 1 worker, throughput of the flow: **{dask_1['flow'] / dask_p['flow']:.2f}×** (target ≥ 1.6); "
            f"local runner {p} processes vs 1: {local_1['flow'] / local_p['flow']:.2f}×",
            f"- peak memory of the flow and its workers, local runner: {local_p['peak_pipeline']:.0f} MiB at {len(small_docs)} "
            f"articles, {local['peak_pipeline']:.0f} MiB at {len(documents)} (flat in N: batches stream, the corpus is never held)",
        ]
    text = "\n".join(lines) + "\n"
    print(text)
    args.results.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
