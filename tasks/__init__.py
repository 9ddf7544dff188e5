"""Prefect tasks: thin wrappers that give each pipeline stage (newsfacts.pipeline) a name, a log
and retries in the Prefect UI. They work on batches: a task run costs ~10 ms."""
