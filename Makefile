# The README's commands.  `make run` installs and runs the main job on the sample
# corpus; `make test` installs what the tests need and runs the whole suite
# (unit, gold, a real Neo4j server, a real headless Chromium).

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
PORT   ?= 8000

.PHONY: setup run build viz serve test test-unit eval explain baseline bench lint clean browser

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	@echo "installing policygraph and its tools into $(VENV) (log: $(VENV)/install.log)..."
	@$(BIN)/pip install --quiet --upgrade pip > $(VENV)/install.log 2>&1 \
	  && $(BIN)/pip install --quiet -e '.[dev]' >> $(VENV)/install.log 2>&1 \
	  || { cat $(VENV)/install.log; exit 1; }
	@touch $(STAMP)

setup: $(STAMP)
	@scripts/install-fonts.sh

run: setup
	$(BIN)/policygraph build data/corpus --out build
	$(BIN)/policygraph register import data/registers/haopin_shandong.csv --build build
	$(BIN)/policygraph register import data/registers/dezhou_known_agri_brands.csv --build build
	$(BIN)/policygraph viz --build build --out site
	$(BIN)/policygraph serve --build build --port $(PORT)

build: setup
	$(BIN)/policygraph build data/corpus --out build
	$(BIN)/policygraph register import data/registers/haopin_shandong.csv --build build
	$(BIN)/policygraph register import data/registers/dezhou_known_agri_brands.csv --build build

browser:
	scripts/install-browser.sh

test: setup browser
	scripts/with-neo4j.sh $(BIN)/pytest

test-unit: setup
	$(BIN)/pytest tests/unit tests/gold

# Every gold set: the real documents (samples, dev, real), then the invented held-out sets,
# which are regression tests and are labelled INVENTED (not an estimate of accuracy).
EVAL_SETS := \
	--set samples=../shared/eval/gold:data/corpus \
	--set dev=../shared/eval/dev/gold:../shared/eval/dev/docs \
	--set real=../shared/eval/real/gold:../shared/eval/real/docs \
	--invented-set heldout1=tests/fixtures/heldout/gold:tests/fixtures/heldout/docs \
	--invented-set heldout2=tests/fixtures/heldout2/gold:tests/fixtures/heldout2/docs \
	--invented-set heldout3=tests/fixtures/heldout3/gold:tests/fixtures/heldout3/docs \
	--invented-set heldout4=tests/fixtures/heldout4/gold:tests/fixtures/heldout4/docs

eval: setup
	$(BIN)/policygraph eval $(EVAL_SETS) --per-document

explain: setup
	$(BIN)/policygraph eval $(EVAL_SETS) --explain

# After an improvement: rewrite the floors that tests/gold/test_baseline.py holds scores to.
baseline: setup
	$(BIN)/policygraph eval $(EVAL_SETS) --update-baseline tests/gold/baseline.json

bench: setup
	$(BIN)/python -m bench.ingest_throughput
	$(BIN)/python -m bench.neo4j_load
	$(BIN)/python -m bench.api_load
	$(BIN)/python -m bench.viz_draw

lint: setup
	$(BIN)/ruff check .
	$(BIN)/mypy ontology ingest graph api viz

clean:
	rm -rf build site out test-artifacts .pytest_cache
