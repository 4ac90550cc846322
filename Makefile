# diplograph: `make demo` and `make test` are all a newcomer needs.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DB ?= sqlite:///$(CURDIR)/diplograph.db
ANALYZER ?= simple
APT_PACKAGES := python3-venv frog frogdata ucto uctodata chromium postgresql
STAMP_APT := $(VENV)/.apt-installed
STAMP_PY := $(VENV)/.py-installed

.PHONY: install demo test lint eval clean

install: $(STAMP_APT) $(STAMP_PY)

$(STAMP_APT):
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:$$missing"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -q && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -q $$missing; \
	fi
	@mkdir -p $(VENV) && touch $@

$(STAMP_PY): pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "need $(PYTHON)"; exit 1; }
	@[ -x $(BIN)/python ] || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q -e '.[dev]'
	@touch $@

demo: install
	DIPLOGRAPH_DB=$(DB) $(BIN)/diplograph ingest --analyzer $(ANALYZER) examples/
	DIPLOGRAPH_DB=$(DB) $(BIN)/diplograph report --format markdown
	DIPLOGRAPH_DB=$(DB) $(BIN)/diplograph report --format html -o report.html
	@echo "HTML report written to report.html; start the dashboard with: DIPLOGRAPH_DB=$(DB) $(BIN)/diplograph serve"

test: install
	$(BIN)/ruff check src tests bench
	$(BIN)/python -m pytest -q

eval: install
	@for gold in ../shared/eval/dev.jsonl eval/heldout.jsonl eval/heldout2.jsonl eval/heldout3.jsonl; do \
	  echo "== $$gold"; \
	  $(BIN)/diplograph extract $$gold -o /tmp/diplograph-pred.jsonl --analyzer $(ANALYZER) 2>/dev/null && \
	  python3 ../shared/eval/score.py $$gold /tmp/diplograph-pred.jsonl; \
	done

lint: install
	$(BIN)/ruff check src tests bench

clean:
	rm -rf $(VENV) diplograph.db report.html .pytest_cache
