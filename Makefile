# Two entry points: `make demo` runs the main job on the bundled sample; `make test` runs every test.
# Both set up everything they need on a machine that has only Python 3.11+ and make.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test browser lint bench bench-quick bench-views score screenshot clean

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/dipgraph build -o out/graph.html --events out/events.jsonl
	@echo "dipgraph demo: open out/graph.html in a browser; the events are in out/events.jsonl"

browser:
	bash tools/install_browser.sh

lint: $(STAMP)
	$(BIN)/ruff check extractors graph tests tools bench

test: $(STAMP) browser lint
	$(BIN)/python -m pytest -q

score: $(STAMP)
	$(BIN)/python -m extractors.evaluation
	$(BIN)/python tools/score_actors.py

screenshot: $(STAMP) browser   # refresh docs/screenshot.png from the sample graph in headless Chromium
	DIPGRAPH_UPDATE_SCREENSHOT=1 $(BIN)/python -m pytest -q tests/test_views_browser.py -k screenshot

bench: $(STAMP)   # about 20 minutes and 14 GB: 10,000 articles and a graph of 1M events
	$(BIN)/python bench/bench_pipeline.py

bench-quick: $(STAMP)   # a few minutes: 1,000 articles and 100k events
	$(BIN)/python bench/bench_pipeline.py --quick

bench-views: $(STAMP) browser   # time to a settled, interactive page in headless Chromium
	$(BIN)/python bench/bench_views.py

clean:
	rm -rf $(VENV) out build *.egg-info
