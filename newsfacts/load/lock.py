"""One run at a time per warehouse: an exclusive lock on a local file, `.newsfacts.lock`.

The lock is local: runs on several machines writing one remote warehouse must be serialised by Prefect
(a deployment with a concurrency limit of 1, as `newsfacts serve` makes). The Delta tables rely on it
too: on S3 they are written without a locking provider (see store.py).
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout

from newsfacts.errors import NewsfactsError
from newsfacts.load.layout import LOCK_NAME


@contextmanager
def exclusive(folder: Path, location: str, wait_seconds: float = 0, on_wait=None):
    """Hold the warehouse whose local folder is `folder` for one run. A second run waits up to
    `wait_seconds` for the first to finish (calling `on_wait(holder)` once), then gives up with a
    clear error naming the warehouse `location`."""
    path = folder / LOCK_NAME
    # The file stays after a run: discovery knows a warehouse folder by it.
    lock = FileLock(path, preserve_lock_file=True)
    try:
        lock.acquire(timeout=0)
    except Timeout:
        if wait_seconds <= 0:
            raise _busy(path, location) from None
        if on_wait is not None:
            on_wait(_holder(path))
        try:
            lock.acquire(timeout=wait_seconds, poll_interval=0.5)
        except Timeout:
            raise _busy(path, location) from None
    try:
        path.write_text(f"pid {os.getpid()}", encoding="utf-8")  # whom another run's message names
        yield
    finally:
        lock.release()


def _busy(lock_path: Path, location: str) -> NewsfactsError:
    return NewsfactsError(f"Another newsfacts run ({_holder(lock_path)}) is loading the warehouse {location}. "
                          "Wait for it to finish, then run again.")


def _holder(lock_path: Path) -> str:
    try:
        return lock_path.read_text(encoding="utf-8").strip() or "another process"
    except OSError:
        return "another process"
