"""newsfacts installed from a wheel rather than from this checkout: its SQL, rules and top-level packages
travel with it, and `newsfacts run` works from any folder."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # builds a wheel and runs it in a subprocess

REPO = Path(__file__).resolve().parents[1]


def test_a_wheel_of_newsfacts_runs_the_seeds_from_a_folder_outside_the_checkout(tmp_path):
    wheels, site = tmp_path / "wheels", tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--quiet", "--wheel-dir", str(wheels),
                    str(REPO)], check=True, capture_output=True, cwd=tmp_path)
    wheel = next(wheels.glob("newsfacts-*.whl"))
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "--quiet", "--target", str(site), str(wheel)],
                   check=True, capture_output=True)
    # Only the installed copy is importable: the folder it runs in is empty, and the wheel's packages come
    # first on the path (before the checkout this virtual environment has installed in editable mode).
    work = tmp_path / "work"
    work.mkdir()
    env = {**os.environ, "PYTHONPATH": str(site)}
    where = subprocess.run([sys.executable, "-c", "import newsfacts, flows, tasks, schemas, warehouse; "
                            "print(*(m.__file__ for m in (newsfacts, flows, tasks, schemas, warehouse)), sep='\\n')"],
                           cwd=work, env=env, capture_output=True, text=True, check=True).stdout.split()
    assert all(Path(path).is_relative_to(site) for path in where), where

    run = subprocess.run([sys.executable, "-m", "newsfacts.cli", "run", str(REPO / "seeds"), "--quiet"],
                         cwd=work, env=env, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr[-2000:]
    # the default warehouse folder is made where the command runs, apart from the SQL that built it
    assert (work / "data" / "newsfacts.duckdb").exists() and not list((site / "warehouse").glob("*.duckdb"))
    query = subprocess.run([sys.executable, "-m", "newsfacts.cli", "sql", "SELECT count(*) AS n FROM incident_figures"],
                           cwd=work, env=env, capture_output=True, text=True)
    assert query.returncode == 0 and "(1 row)" in query.stdout, query.stderr[-2000:]
