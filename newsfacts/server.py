"""A local Prefect server for schedules and the UI: reuse one that answers, or start one."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from newsfacts.errors import NewsfactsError

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 4200


def api_url(host: str = DEFAULT_HOST, port: int = DEFAULT_PORT) -> str:
    return f"http://{host}:{port}/api"


def is_healthy(url: str, timeout: float = 2.0) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/health", timeout=timeout) as response:
            return response.status == 200
    except OSError:
        return False


def prefect_executable() -> str:
    candidate = Path(sys.executable).with_name("prefect")
    return str(candidate) if candidate.exists() else (shutil.which("prefect") or "prefect")


def server_environment(host: str = DEFAULT_HOST, port: int = DEFAULT_PORT, base: dict[str, str] | None = None) -> dict[str, str]:
    env = dict(os.environ if base is None else base)
    env.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    env.setdefault("PREFECT_UI_ENABLED", "true")
    # The UI (in the browser) must call this server's API, on whatever port it runs.
    env.setdefault("PREFECT_UI_API_URL", api_url(host, port))
    env.pop("PREFECT_API_URL", None)  # the server must not point at itself as a client
    return env


def start_server(host: str = DEFAULT_HOST, port: int = DEFAULT_PORT, log_path: Path | None = None,
                 wait_seconds: float = 120, base_env: dict[str, str] | None = None) -> subprocess.Popen:
    """Start `prefect server start` in the background and wait until it answers."""
    log = open(log_path, "ab") if log_path else subprocess.DEVNULL
    process = subprocess.Popen(
        [prefect_executable(), "server", "start", "--host", host, "--port", str(port)],
        stdout=log, stderr=subprocess.STDOUT, env=server_environment(host, port, base_env), start_new_session=True,
    )
    url = api_url(host, port)
    deadline = time.monotonic() + wait_seconds
    while time.monotonic() < deadline:
        if is_healthy(url):
            return process
        if process.poll() is not None:
            raise NewsfactsError(
                f"The Prefect server did not start (exit code {process.returncode}); "
                f"see {log_path or 'its output'}. Is port {port} taken?"
            )
        time.sleep(0.5)
    process.terminate()
    raise NewsfactsError(f"The Prefect server did not answer at {url} within {wait_seconds:.0f} s.")


def stop_server(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
