"""Extraction worker processes on this machine, for the local runner.

The flow's extraction task runs in one of the flow's threads and hands its batch to one of these
processes. Each process loads the spaCy model once, when it starts, and never imports Prefect. Under
Prefect's own ProcessPoolTaskRunner each worker imported Prefect, rebuilt the task's context for every
batch and reported to the API itself: about 70 MiB more per worker, against a 2 GiB budget for a run on
a small machine, for no gain in time (bench/RESULTS.md). The task runs, their states and logs are the
same: they run in the flow. Dask and Ray workers are the clusters' own (flows/news_etl.py).
"""

from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from newsfacts import extraction
from newsfacts.config import Settings
from newsfacts.errors import NewsfactsError
from newsfacts.extract.nlp import load_nlp


def _load_model(model: str) -> None:
    # A model that does not load is reported by the first batch (load_nlp raises again there, with a
    # message for a person); an initializer that raised would only break the pool.
    try:
        load_nlp(model)
    except NewsfactsError:
        pass


def _started() -> None:
    """The job that makes the pool start a process."""


class ExtractionProcesses:
    """`processes` spawned worker processes that extract batches of documents (extraction.extract_facts).
    Use as a context manager: the processes start on entry and stop on exit."""

    def __init__(self, processes: int, model: str):
        # spawn, not fork: the flow's process runs threads (Prefect's), and a forked child of a threaded
        # process can inherit a lock held at the moment of the fork.
        self._pool = ProcessPoolExecutor(processes, mp_context=multiprocessing.get_context("spawn"),
                                         initializer=_load_model, initargs=(model,))
        self._processes = processes

    def __enter__(self) -> "ExtractionProcesses":
        # A spawned pool starts a process per submitted job, when it is submitted. Starting them all now lets
        # each load its model while the first batches are read, not after.
        for _ in range(self._processes):
            self._pool.submit(_started)
        return self

    def __exit__(self, *exc) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)

    def submit(self, documents: list[dict], settings: Settings, run_id: str):
        """A concurrent.futures.Future of the batch's extraction.ExtractResult."""
        return self._pool.submit(extraction.extract_facts, documents, settings, run_id)

    def extract(self, documents: list[dict], settings: Settings, run_id: str) -> extraction.ExtractResult:
        try:
            return self.submit(documents, settings, run_id).result()
        except BrokenProcessPool as error:
            raise NewsfactsError(
                "An extraction worker process died (most often the machine ran out of memory). "
                "Run again with fewer workers (--workers 1) or smaller batches (NEWSFACTS_BATCH_SIZE=32)."
            ) from error
