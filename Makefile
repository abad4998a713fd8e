# Everything runs inside .venv, built from uv.lock so a fresh machine gets exactly what CI tested.
# Only Python 3.11+ and the package index are needed: uv itself is bootstrapped into .tools/.
PYTHON ?= python3
UV_VERSION := 0.13.9
TOOLS := .tools
UV := $(TOOLS)/bin/uv
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.synced
export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := $(VENV)

# Bytecode caches are written even where the environment asks Python not to (some CI images set
# PYTHONDONTWRITEBYTECODE): without them every process the tests start (xdist workers, the CLI, the
# designer in tmux) compiles Textual and orgdesign from source again, 2-3 s of CPU per designer start
# instead of 0.8 s. `uv sync --compile-bytecode` compiles the installed packages once, at install time.
unexport PYTHONDONTWRITEBYTECODE

.PHONY: run test fuzz lint format lock check-lock bench clean

$(UV):
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/python -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

# uv gets the interpreter's real path: given a shim (pyenv), it would rebuild .venv on every sync.
$(STAMP): pyproject.toml uv.lock | $(UV)
	$(UV) sync --locked --compile-bytecode --python "$$($(PYTHON) -c 'import sys; print(sys.executable)')"
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/orgdesign layouts/scaleup.yaml

# -n auto: two workers per CPU (tests/conftest.py); worksteal: an idle worker takes tests from a busy one.
test: $(STAMP)
	$(BIN)/python -m pytest -n auto --dist worksteal -q

# The whole suite with ten times the property-test examples (Hypothesis profile `thorough`, see tests/conftest.py).
fuzz: $(STAMP)
	ORGDESIGN_HYPOTHESIS=thorough $(BIN)/python -m pytest -n auto --dist worksteal -q

lint: $(STAMP)
	$(BIN)/ruff check orgdesign tests bench
	$(BIN)/ruff format --check orgdesign tests bench
	$(BIN)/mypy

format: $(STAMP)
	$(BIN)/ruff check --fix orgdesign tests bench
	$(BIN)/ruff format orgdesign tests bench

# Re-resolve every dependency within the bounds in pyproject.toml and rewrite uv.lock.
lock: | $(UV)
	$(UV) lock --upgrade

# Fails when uv.lock no longer matches pyproject.toml.
check-lock: | $(UV)
	$(UV) lock --check

bench: $(STAMP)
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) $(TOOLS) build *.egg-info
