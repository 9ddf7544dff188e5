"""Operations through real processes: a run killed with SIGKILL, a reader holding the database open,
two runs at once, and a served schedule that picks up a dropped file."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import duckdb
import pytest

from conftest import SEEDS, copy_tree, query

pytestmark = pytest.mark.slow  # real processes: kill -9, two runs at once, a served schedule

NEWSFACTS = [sys.executable, "-m", "newsfacts.cli"]


def cli_env(prefect_home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PREFECT_API_URL", None)
    env.update(PREFECT_HOME=str(prefect_home), NEWSFACTS_SETTLE_SECONDS="0", PREFECT_SERVER_ANALYTICS_ENABLED="false")
    return env


@pytest.fixture(scope="module")
def prefect_home(tmp_path_factory):
    """One migrated PREFECT_HOME for the subprocess runs of this module (migrating costs ~20 s)."""
    home = tmp_path_factory.mktemp("prefect-home")
    prefect = Path(sys.executable).with_name("prefect")
    subprocess.run([str(prefect), "server", "database", "upgrade", "-y"], env=cli_env(home), check=True,
                   capture_output=True, timeout=300)
    return home


def many_articles(folder: Path, copies: int) -> Path:
    """Distinct articles made from the seeds (each copy gets its own first paragraph)."""
    folder.mkdir(parents=True)
    seeds = sorted(SEEDS.glob("*.txt"))
    for i in range(copies):
        for seed in seeds:
            text = seed.read_text(encoding="utf-8")
            opening = f"This is copy number {i} of the report, filed by the desk and checked by two editors before it ran.\n\n"
            (folder / f"{i:03d}-{seed.name}").write_text(opening + text, encoding="utf-8")
    return folder


def wait_for(predicate, timeout: float, interval: float = 0.5) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(interval)
    return False


def test_kill_9_mid_run_keeps_the_previous_state_and_the_next_run_finishes(tmp_path, prefect_home):
    source = copy_tree(SEEDS, tmp_path / "src")
    warehouse = tmp_path / "wh"
    env = cli_env(prefect_home)
    subprocess.run([*NEWSFACTS, "run", str(source), "--warehouse", str(warehouse), "--quiet"], env=env, check=True,
                   capture_output=True, timeout=300)
    before = query(warehouse, "SELECT count(*) FROM documents")[0][0]

    many_articles(source / "batch", 12)

    def batches_staged() -> int:
        return len(list(warehouse.glob(".tmp-staging-*/documents/*.parquet")))

    process = subprocess.Popen([*NEWSFACTS, "run", str(source), "--warehouse", str(warehouse), "--quiet"], env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    # Kill it while it extracts: once it has staged its first batch's documents, before it commits the run.
    assert wait_for(lambda: batches_staged() > 0, 180, 0.05)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()

    assert query(warehouse, "SELECT count(*) FROM documents")[0][0] == before  # the previous consistent state
    rerun = subprocess.run([*NEWSFACTS, "run", str(source), "--warehouse", str(warehouse), "--quiet"], env=env,
                           capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    assert query(warehouse, "SELECT count(*) FROM documents")[0][0] == before + 60
    assert not list(warehouse.glob(".tmp-*")) and not list((warehouse / "tables" / "_pending").iterdir())


def test_a_reader_holding_the_database_does_not_fail_the_run(tmp_path, run_flow):
    source = copy_tree(SEEDS, tmp_path / "src")
    warehouse = tmp_path / "wh"
    run_flow(source, warehouse)
    reader = duckdb.connect(str(warehouse / "newsfacts.duckdb"), read_only=True)
    try:
        many_articles(source / "more", 1)
        summary = run_flow(source, warehouse)
        assert summary.documents_loaded == 5
        assert reader.execute("SELECT count(*) FROM documents").fetchall() == [(5,)]  # the state it opened
    finally:
        reader.close()
    assert query(warehouse, "SELECT count(*) FROM documents")[0][0] == 10


def test_two_runs_at_once_one_waits_its_turn_or_says_so(tmp_path, prefect_home):
    source = many_articles(tmp_path / "src", 4)
    warehouse = tmp_path / "wh"
    env = cli_env(prefect_home)
    command = [*NEWSFACTS, "run", str(source), "--warehouse", str(warehouse), "--quiet"]
    first = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert wait_for(lambda: (warehouse / ".newsfacts.lock").exists() and
                    (warehouse / ".newsfacts.lock").read_text().startswith("pid"), 120, 0.1)
    second = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    first_out, first_err = first.communicate(timeout=600)
    assert first.returncode == 0, first_err
    if second.returncode != 0:  # it found the warehouse busy and said so in one sentence
        assert "Another newsfacts run" in second.stderr and "Traceback" not in second.stderr
    assert query(warehouse, "SELECT count(*) FROM documents")[0][0] == 20
    assert query(warehouse, "SELECT count(DISTINCT doc_id) FROM documents")[0][0] == 20


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_a_served_schedule_picks_up_a_dropped_file(tmp_path, prefect_home):
    source = tmp_path / "src"
    source.mkdir()
    shutil.copy(next(SEEDS.glob("000_*.txt")), source)
    warehouse = tmp_path / "wh"
    env = cli_env(prefect_home)
    # The server makes scheduled runs every 60 s and the runner looks for them every 10 s by default;
    # shorter loops keep the test to a few intervals of its schedule.
    env.update(PREFECT_SERVER_SERVICES_SCHEDULER_LOOP_SECONDS="2", PREFECT_RUNNER_POLL_FREQUENCY="2")
    serve = subprocess.Popen([*NEWSFACTS, "serve", str(source), "--warehouse", str(warehouse), "--interval", "5",
                              "--port", str(free_port())], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                             start_new_session=True)
    try:
        def loaded() -> int:
            try:
                return query(warehouse, "SELECT count(*) FROM documents")[0][0]
            except (duckdb.Error, OSError):
                return 0

        assert wait_for(lambda: loaded() == 1, 240, 1), "the first scheduled run did not load the folder"
        shutil.copy(next(SEEDS.glob("003_*.txt")), source)
        assert wait_for(lambda: loaded() == 2, 120, 1), "the dropped file was not picked up"
        runs = query(warehouse, "SELECT count(*), count(flow_run_id) FROM runs")[0]
        assert runs[0] >= 2 and runs[0] == runs[1]  # every run is a Prefect flow run
    finally:
        os.killpg(serve.pid, signal.SIGTERM)
        try:
            serve.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(serve.pid, signal.SIGKILL)


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def render(url: str, profile: Path, showing: str, tries: int = 3) -> str:
    """The page's DOM after its scripts ran, from Debian's headless Chromium: drawn again (up to `tries` times) while
    it does not yet show `showing`, as on a loaded machine the app may still be fetching when the time budget ends."""
    page = ""
    for attempt in range(tries):
        result = subprocess.run(
            [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={profile / str(attempt)}", "--virtual-time-budget=15000", "--dump-dom", url],
            capture_output=True, text=True, timeout=120,
        )
        page = result.stdout
        if showing in page:
            break
    return page


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (apt-get install chromium)")
def test_the_prefect_ui_shows_a_finished_run_and_its_artifacts(tmp_path, prefect_home):
    from newsfacts import server

    port = free_port()
    env = cli_env(prefect_home)
    process = server.start_server(port=port, log_path=tmp_path / "server.log", base_env=env)
    try:
        env["PREFECT_API_URL"] = server.api_url(port=port)
        warehouse = tmp_path / "wh"
        subprocess.run([*NEWSFACTS, "run", str(SEEDS), "--warehouse", str(warehouse), "--quiet"], env=env, check=True,
                       capture_output=True, timeout=300)
        (flow_run_id,) = query(warehouse, "SELECT flow_run_id FROM runs")[0]
        run_page = render(f"http://127.0.0.1:{port}/runs/flow-run/{flow_run_id}", tmp_path / "chrome-run", "news_etl")
        assert "Completed" in run_page and "news_etl" in run_page
        artifacts = render(f"http://127.0.0.1:{port}/artifacts", tmp_path / "chrome-artifacts", "news-etl-analyst-brief")
        assert "news-etl-run-summary" in artifacts and "news-etl-data-quality" in artifacts
        assert "news-etl-analyst-brief" in artifacts
        # the brief's map and timeline, drawn inside the artifact as images
        found = urllib.request.Request(f"{env['PREFECT_API_URL']}/artifacts/filter", method="POST",
                                       data=json.dumps({"artifacts": {"key": {"any_": ["news-etl-analyst-brief"]},
                                                                    "flow_run_id": {"any_": [flow_run_id]}}}).encode(),
                                       headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(found) as answer:
            (artifact,) = json.load(answer)
        brief = render(f"http://127.0.0.1:{port}/artifacts/artifact/{artifact['id']}", tmp_path / "chrome-brief",
                       'src="data:image/svg+xml;base64,')
        assert brief.count('src="data:image/svg+xml;base64,') == 2, brief[-3000:]
    finally:
        server.stop_server(process)


FACT_COLUMNS = {
    "documents": "doc_id, source_path, near_duplicate_of",
    "casualties": "fact_id, kind, count_min, count_max, reported_by, location, cluster_id",
    "quotes": "quote_id, speaker, text, quote_group_id",
    "events": "event_id, event_type, location, weapons, targets, cluster_id",
    "entities": "entity_id, canonical_name, aliases",
    "mentions": "doc_id, entity_id, start_char, end_char",
}


@pytest.fixture(scope="module")
def in_process_facts(tmp_path_factory, prefect_home):
    """The seeds loaded in this process (--workers 1), in batches of two documents: the reference."""
    return facts_of_a_run(tmp_path_factory.mktemp("in-process"), prefect_home, "--workers", "1")


def facts_of_a_run(warehouse: Path, prefect_home: Path, *options: str) -> dict[str, list]:
    # Three batches, so the runner has work to share; INFO logs, so a worker process that started a
    # Prefect server of its own would say so on the stderr it inherits.
    env = dict(cli_env(prefect_home), NEWSFACTS_BATCH_SIZE="2", PREFECT_LOGGING_LEVEL="INFO")
    result = subprocess.run([*NEWSFACTS, "run", str(SEEDS), "--warehouse", str(warehouse), "--quiet", *options], env=env,
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Starting temporary server" not in result.stdout + result.stderr  # one shared API, no server per worker
    return {t: sorted(query(warehouse, f"SELECT {c} FROM {t}"), key=str) for t, c in FACT_COLUMNS.items()}


def test_a_run_streamed_in_batches_loads_what_one_batch_loads(in_process_facts, seeds_warehouse):
    warehouse, _ = seeds_warehouse  # the seeds in one batch, by the flow in the test harness
    assert in_process_facts == {t: sorted(query(warehouse, f"SELECT {c} FROM {t}"), key=str) for t, c in FACT_COLUMNS.items()}


@pytest.mark.parametrize("options", [
    ("--workers", "2"),
    ("--runner", "dask", "--workers", "2"),
    ("--runner", "ray", "--workers", "2"),
], ids=["process-pool", "dask", "ray"])
def test_every_runner_gives_the_same_facts_as_one_process(tmp_path, prefect_home, in_process_facts, options):
    facts = facts_of_a_run(tmp_path / "wh", prefect_home, *options)
    assert facts == in_process_facts
    assert len(facts["documents"]) == 5 and facts["casualties"] and facts["quotes"]
    runs = query(tmp_path / "wh", "SELECT flow_run_id FROM runs")
    assert runs and runs[0][0]


def _modules_loaded(prefix: str) -> list[str]:
    return sorted(name for name in sys.modules if name.split(".")[0] == prefix)


def test_local_worker_processes_extract_what_this_process_does_without_importing_prefect(nlp):
    from newsfacts import pipeline
    from newsfacts.config import Settings
    from newsfacts.ingest.discover import discover_files
    from newsfacts.load.warehouse import KnownState
    from newsfacts.workers import ExtractionProcesses

    settings = Settings()
    files, _ = discover_files(SEEDS, settings.max_file_bytes)
    documents = pipeline.ingest_files(files, KnownState(), settings).documents
    with ExtractionProcesses(1, settings.spacy_model) as processes:
        in_worker = processes.extract(documents, settings, "run-1")
        # Importing Prefect costs a worker ~2 CPU-seconds: the reason these are plain processes.
        assert processes._pool.submit(_modules_loaded, "prefect").result() == []
    assert in_worker.rows == pipeline.extract_facts(documents, settings, "run-1").rows
    assert in_worker.rows["casualties"] and in_worker.rows["quotes"]


def test_a_worker_without_its_model_says_which_model_to_install():
    from newsfacts.config import Settings
    from newsfacts.errors import NewsfactsError
    from newsfacts.workers import ExtractionProcesses

    documents = [{"doc_id": "d1", "text": "Some text.", "source_path": "a.txt", "content_sha256": "x"}]
    with ExtractionProcesses(1, "no_such_spacy_model") as processes:
        with pytest.raises(NewsfactsError, match="'no_such_spacy_model' is not installed.*NEWSFACTS_SPACY_MODEL"):
            processes.extract(documents, Settings(spacy_model="no_such_spacy_model"), "run-1")
