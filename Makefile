# Every target installs what it needs into .venv first (nothing by hand on a fresh machine).
VENV   ?= .venv
PYTHON ?= python3
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)

.PHONY: run test bench lint install clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

install: $(STAMP)

## the main job: every report in data/raw → data/clean (CSVs + audit findings)
run: $(STAMP)
	$(VENV)/bin/lkjip run data/raw --out data/clean
	$(VENV)/bin/lkjip audit data/raw --min-severity warning

## the test suite
test: $(STAMP)
	$(VENV)/bin/pytest -q

## throughput of the text and PDF paths, mutation recall of the audit, key recall of the samples re-laid out
bench: $(STAMP)
	$(PY) bench/bench_text.py
	$(PY) bench/bench_pdf.py
	$(PY) bench/bench_mutation.py
	$(PY) bench/bench_relayout.py

lint: $(STAMP)
	$(VENV)/bin/ruff check .

clean:
	rm -rf data/clean/*.csv .pytest_cache .ruff_cache
