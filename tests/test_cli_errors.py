"""Every failure of the command line ends with one sentence on stderr ("newsfacts: ...") and exit code 1,
never a traceback or a silent hang; the traceback goes to the error log, ~/.cache/newsfacts/errors.log
(here under a temporary XDG_CACHE_HOME)."""

from __future__ import annotations

import errno
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import duckdb
import pytest

from conftest import REPO, SEEDS
from newsfacts import cli
from newsfacts.cli import main
from newsfacts.load.warehouse import Warehouse
from newsfacts.pipeline import build_database

pytestmark = pytest.mark.slow  # the command line in subprocesses


@pytest.fixture(autouse=True)
def error_log(tmp_path, monkeypatch) -> Path:
    """The error log of this test, and an environment restored afterwards (`run` sets Prefect defaults)."""
    saved = dict(os.environ)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    yield tmp_path / "cache" / "newsfacts" / "errors.log"
    os.environ.clear()
    os.environ.update(saved)


@pytest.fixture(scope="module")
def tiny_warehouse(tmp_path_factory) -> Path:
    """A warehouse with one committed run, built without Prefect or spaCy (a second)."""
    root = tmp_path_factory.mktemp("tiny") / "wh"
    warehouse = Warehouse(root)
    warehouse.commit_run("r1", {"run_id": "r1", "status": "completed"})
    build_database(warehouse, "b1")
    return root


def one_sentence(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("newsfacts: ") and "Traceback" not in err, err
    return lines[0]


# ---- sql -------------------------------------------------------------------------------

@pytest.mark.parametrize("query", ["", "   ", "-- hi", "/* nothing */"])
def test_an_empty_query_is_one_sentence(query, tiny_warehouse, capsys):
    assert main(["sql", query, "--warehouse", str(tiny_warehouse)]) == 1
    assert "The query is empty" in one_sentence(capsys.readouterr().err)


def test_a_corrupt_database_file_is_one_sentence_at_once(tiny_warehouse, tmp_path, capsys, error_log):
    root = tmp_path / "wh"
    shutil.copytree(tiny_warehouse, root)
    (root / "newsfacts.duckdb").write_bytes(os.urandom(4096))
    started = time.monotonic()
    assert main(["sql", "select 1", "--warehouse", str(root)]) == 1
    sentence = one_sentence(capsys.readouterr().err)
    assert str(root / "newsfacts.duckdb") in sentence and "newsfacts rebuild" in sentence
    assert time.monotonic() - started < 3  # not retried as if a run were swapping it in
    assert "IOException" in error_log.read_text()


# ---- run: arguments and settings, checked before Prefect starts ----------------------------

@pytest.mark.parametrize("workers", ["-1", "0", "two"])
def test_workers_below_one_is_refused_at_parsing(workers, tmp_path, capsys):
    assert main(["run", str(SEEDS), "--warehouse", str(tmp_path / "wh"), "--workers", workers]) == 1
    assert "--workers" in one_sentence(capsys.readouterr().err)
    assert not (tmp_path / "wh").exists()


@pytest.mark.parametrize("variable, value", [
    ("NEWSFACTS_MIN_WORDS", "abc"),
    ("NEWSFACTS_MAX_FILE_MB", "lots"),
    ("NEWSFACTS_BATCH_SIZE", "0"),
    ("NEWSFACTS_BATCHES_IN_FLIGHT", "2.5"),
    ("NEWSFACTS_SETTLE_SECONDS", "-1"),
    ("NEWSFACTS_LOCK_WAIT_SECONDS", "nan"),
    ("NEWSFACTS_BUILD_MEMORY_MB", "2GB"),
    ("NEWSFACTS_LANGUAGES", " , "),
])
def test_a_bad_setting_names_the_variable_and_what_it_takes(variable, value, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv(variable, value)
    assert main(["run", str(SEEDS), "--warehouse", str(tmp_path / "wh")]) == 1
    sentence = one_sentence(capsys.readouterr().err)
    assert variable in sentence and "it takes" in sentence
    assert not (tmp_path / "wh").exists()  # said before anything was touched


def test_a_missing_spacy_model_is_said_before_the_run(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("NEWSFACTS_SPACY_MODEL", "no_such_model")
    started = time.monotonic()
    assert main(["run", str(SEEDS), "--warehouse", str(tmp_path / "wh")]) == 1
    sentence = one_sentence(capsys.readouterr().err)
    assert "no_such_model" in sentence and "make install" in sentence
    assert time.monotonic() - started < 10 and not (tmp_path / "wh").exists()


# ---- run: a Prefect API that does not answer ----------------------------------------------

@pytest.fixture
def silent_port():
    """A port that accepts connections and never answers."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    held = []

    def accept_forever():
        while True:
            try:
                held.append(listener.accept()[0])
            except OSError:
                return

    threading.Thread(target=accept_forever, daemon=True).start()
    yield listener.getsockname()[1]
    listener.close()
    for connection in held:
        connection.close()


def test_a_prefect_api_that_never_answers_is_said_within_30_s(silent_port, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("PREFECT_API_URL", f"http://127.0.0.1:{silent_port}/api")
    started = time.monotonic()
    assert main(["run", str(SEEDS), "--warehouse", str(tmp_path / "wh")]) == 1
    assert time.monotonic() - started < 30
    sentence = one_sentence(capsys.readouterr().err)
    assert "PREFECT_API_URL" in sentence and "does not answer" in sentence and "no answer within" in sentence


def test_a_prefect_api_on_a_closed_port_is_said_at_once(tmp_path, monkeypatch, capsys):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # closed again when the block ends: connections are refused
    monkeypatch.setenv("PREFECT_API_URL", f"http://127.0.0.1:{port}/api")
    assert main(["run", str(SEEDS), "--warehouse", str(tmp_path / "wh")]) == 1
    assert "connection refused" in one_sentence(capsys.readouterr().err)


# ---- run: failures inside the flow ----------------------------------------------------------

# The CLI with its fast lock check left out: as if another run took the lock just after that check.
WITHOUT_FAST_CHECK = "import sys, newsfacts.cli as cli; cli._fail_fast_if_busy = lambda warehouse: None; sys.exit(cli.main(sys.argv[1:]))"


def test_the_lock_wait_timing_out_inside_the_flow_is_one_sentence_and_no_prefect_traceback(tmp_path, error_log):
    warehouse = tmp_path / "wh"
    env = dict(os.environ, NEWSFACTS_LOCK_WAIT_SECONDS="1", PREFECT_SERVER_ANALYTICS_ENABLED="false", PREFECT_LOGGING_LEVEL="INFO")
    with Warehouse(warehouse).exclusive():
        result = subprocess.run([sys.executable, "-c", WITHOUT_FAST_CHECK, "run", str(SEEDS), "--warehouse", str(warehouse), "--workers", "1"],
                                cwd=REPO, env=env, capture_output=True, text=True, timeout=240)
    assert result.returncode == 1, result.stderr[-3000:]
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("newsfacts: Another newsfacts run") and last.endswith("then run again.")
    assert "Traceback" not in result.stderr and "| ERROR" not in result.stderr, result.stderr[-3000:]
    assert "waiting up to 1 s" in result.stderr  # the flow's progress lines still reach the terminal
    log = error_log.read_text()
    assert "Traceback" in log and "NewsfactsError: Another newsfacts run" in log and "prefect.flow_runs" in log


# What a full disk raised in a real run (the warehouse on a 2 MB tmpfs): DuckDB's checkpoint of the new
# database file failed. Filling a disk in a test is neither cheap nor portable, so the flow call raises it.
FULL_DISK_ERRORS = [
    duckdb.FatalException('FATAL Error: Failed to create checkpoint because of error: Could not write file '
                          '"/srv/wh/.newsfacts.duckdb.building-20261130T043844-1ee61e": No space left on device'),
    duckdb.TransactionException('TransactionContext Error: Failed to commit: Could not write file "/srv/wh/x.wal": '
                                'No space left on device'),
    OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), "/srv/wh/tables/documents/part-00000-1.parquet"),
]


@pytest.mark.parametrize("raised", FULL_DISK_ERRORS, ids=lambda e: type(e).__name__)
def test_a_full_disk_during_the_run_is_one_sentence(raised, tmp_path, monkeypatch, capsys, error_log):
    def flow_call(flow, source, settings, args):
        raise raised

    monkeypatch.setattr(cli, "_run_flow", flow_call)
    assert main(["run", str(SEEDS), "--warehouse", str(tmp_path / "wh")]) == 1
    sentence = one_sentence(capsys.readouterr().err)
    assert sentence.startswith("newsfacts: The disk is full (") and "/srv/wh/" in sentence
    assert "free some space" in sentence and str(error_log) in sentence
    assert "Traceback" in error_log.read_text()


def test_a_newsfacts_error_from_the_flow_is_its_own_sentence(tmp_path, monkeypatch, capsys):
    from newsfacts.errors import NewsfactsError

    def flow_call(flow, source, settings, args):
        raise NewsfactsError("Another newsfacts run (pid 1) is loading the warehouse wh. Wait for it to finish, then run again.")

    monkeypatch.setattr(cli, "_run_flow", flow_call)
    assert main(["run", str(SEEDS), "--warehouse", str(tmp_path / "wh")]) == 1
    assert one_sentence(capsys.readouterr().err) == ("newsfacts: Another newsfacts run (pid 1) is loading the warehouse wh. "
                                                     "Wait for it to finish, then run again.")


# ---- the last resort ---------------------------------------------------------------------

def test_an_unexpected_error_is_one_sentence_with_the_log_and_the_traceback_in_it(tiny_warehouse, monkeypatch, capsys, error_log):
    def broken(args):
        raise RuntimeError("boom\nsecond line")

    monkeypatch.setattr(cli, "_sql", broken)
    assert main(["sql", "select 1", "--warehouse", str(tiny_warehouse)]) == 1
    sentence = one_sentence(capsys.readouterr().err)
    assert sentence == f"newsfacts: unexpected error (RuntimeError: boom second line); details in {error_log}. Please report it."
    log = error_log.read_text()
    assert "Traceback" in log and "RuntimeError: boom" in log and "in broken" in log
