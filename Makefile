# `make site` and `make test` are the two commands a fresh machine needs.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# Quiet the MkDocs 2 / Material end-of-life banners in every build.
export NO_MKDOCS_2_WARNING := 1
export DISABLE_MKDOCS_2_WARNING := true

SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: chromium setup site generate build test lint format serve clean golden

setup: $(STAMP)

# Re-install only when the pinned dependencies or the package metadata change.
$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

# Generate, build strictly (incrementally after the first time) and scan the site.
site: setup
	$(BIN)/explainer build

generate: setup
	$(BIN)/explainer generate

# Browser tests drive Debian's Chromium; install it when missing (as root, as in CI).
chromium:
	@test -x /usr/bin/chromium || { \
	  echo "Installing Debian's chromium for the browser tests"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium; }

test: setup chromium
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m pytest

format: setup
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

golden: setup
	$(BIN)/python -m pytest tests/test_render.py --update-golden -q

serve: setup
	$(BIN)/explainer serve --port 8000

clean:
	rm -rf site .cache .pytest_cache .ruff_cache
