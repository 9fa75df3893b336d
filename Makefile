# crmlab: the two commands of the README are `make run` and `make test`.
# Needs only python3 (>= 3.11) with venv and pip, and make.

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: setup run test bench notebooks zh data exercises lab site slides browser-test clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

setup: $(STAMP)  ## create .venv with the kit and its test tools

run: $(STAMP)  ## execute every teaching notebook headless, HTML copies in build/html
	$(BIN)/crmlab run --out build

test: $(STAMP)  ## the whole test suite (unit, property, nbval, papermill)
	$(BIN)/python -m pytest -n 2 --dist loadfile

bench: $(STAMP)  ## benchmarks (not part of the test suite)
	@for f in benchmarks/bench_*.py; do echo "== $$f"; $(BIN)/python $$f || exit 1; done

notebooks: $(STAMP)  ## (authors) re-execute committed notebooks in place, regenerate student copies
	$(BIN)/crmlab execute notebooks/[0-9][0-9]_*.ipynb exercises/solutions/[0-9][0-9]_*.ipynb
	$(BIN)/crmlab exercises

zh: $(STAMP)  ## (authors) extract the notebook catalogues, then build and execute the Chinese edition
	$(BIN)/crmlab translate --notebooks --check
	$(BIN)/crmlab translate --build-zh

data: $(STAMP)  ## regenerate datasets/ and its data dictionary
	$(BIN)/crmlab data

exercises: $(STAMP)  ## regenerate student exercise notebooks from the solutions
	$(BIN)/crmlab exercises

site: $(STAMP)  ## the course website (English + Chinese, offline) in build/site: open build/site/index.html
	$(BIN)/crmlab site --out build/site

slides: $(STAMP)  ## one reveal.js deck per teaching notebook in build/slides/<lang>/ (offline)
	$(BIN)/crmlab slides --out build/slides

lab: $(STAMP)  ## open the course in JupyterLab (start with notebooks/00_start_here.ipynb)
	$(BIN)/jupyter lab --notebook-dir=. notebooks/00_start_here.ipynb

browser-test: $(STAMP)  ## JupyterLab driven in headless Chromium (needs root for apt on Debian)
	bash .ci/browser-setup.sh $(VENV)
	$(BIN)/python -m pytest -m browser -p no:xdist tests/test_browser.py tests/test_browser_site.py

clean:
	rm -rf build reports
