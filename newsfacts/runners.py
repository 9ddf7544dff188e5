"""Where a run's extraction batches run: Prefect task runners chosen by name, so that the CLI and a
deployment's parameters pick them the same way.

- 'local': Prefect's ThreadPoolTaskRunner with a thread per worker; the flow starts as many worker
  processes (newsfacts.workers: each loads the spaCy model once) and each task run hands its batch to
  one of them. One worker extracts in the flow's own process;
- 'dask': a Dask cluster through prefect-dask: the scheduler at `address`, else a LocalCluster;
- 'ray': a Ray cluster through prefect-ray: the cluster at `address`, else a local one.
Worker processes must reach the same Prefect API as the flow: the CLI sees to it (PREFECT_API_URL).
"""

from __future__ import annotations

import os

from prefect.task_runners import TaskRunner, ThreadPoolTaskRunner

from newsfacts.config import RUNNERS
from newsfacts.errors import NewsfactsError


def task_runner_for(runner: str = "local", address: str | None = None, workers: int | None = None) -> TaskRunner:
    """The task runner named `runner`; `workers` None means one per core of this machine."""
    workers = workers or os.cpu_count() or 1
    if runner == "local":
        return ThreadPoolTaskRunner(max_workers=workers)
    if runner == "dask":
        from prefect_dask import DaskTaskRunner

        if address:
            return DaskTaskRunner(address=address)
        return DaskTaskRunner(cluster_kwargs={"n_workers": workers, "threads_per_worker": 1, "processes": True,
                                              "dashboard_address": None})
    if runner == "ray":
        from prefect_ray import RayTaskRunner

        if address:
            return RayTaskRunner(address=address)
        return RayTaskRunner(init_kwargs={"num_cpus": workers, "include_dashboard": False, "log_to_driver": False})
    raise NewsfactsError(f"The runner {runner!r} is not one newsfacts knows: use one of {', '.join(RUNNERS)}.")


def concurrent_batches(runner: TaskRunner, workers: int | None = None) -> int:
    """How many extraction batches a started task runner runs at once (for batch sizes, and for the
    local runner's worker processes): a cluster's cores, else the `workers` it was made with."""
    try:
        if type(runner).__name__ == "DaskTaskRunner":
            return max(1, sum(runner.client.nthreads().values()))
        if type(runner).__name__ == "RayTaskRunner":
            import ray

            return max(1, int(ray.cluster_resources().get("CPU", 1)))
    except Exception:  # a cluster that cannot say: fall back on this machine's cores
        return os.cpu_count() or 1
    return workers or os.cpu_count() or 1


def runs_local_processes(runner: TaskRunner) -> bool:
    """Whether the flow itself starts the worker processes that extract (the local runner)."""
    return isinstance(runner, ThreadPoolTaskRunner)
