# Every target sets up .venv first, so a fresh clone needs only `make serve` or `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# npm ci writes this; the HTML test runs the Nu HTML Checker (npm vnu-jar) from node_modules.
NODE_STAMP := node_modules/.package-lock.json

# Material prints an end-of-life notice on every run unless this is set.
export NO_MKDOCS_2_WARNING := 1

# A CoC's fork may add mkdocs.local.yml (INHERIT: mkdocs.yml) to change the name, colours or logo.
CONFIG := $(if $(wildcard mkdocs.local.yml),mkdocs.local.yml,mkdocs.yml)

.PHONY: serve build offline lms test check schema bench clean

$(STAMP): requirements.txt requirements-test.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt -r requirements-test.txt
	touch $@

# make serve PORT=8001 when 8000 is taken
PORT ?= 8000

serve: $(STAMP)  ## Preview the site at http://127.0.0.1:$(PORT) with live reload
	$(BIN)/mkdocs serve --config-file $(CONFIG) --dev-addr 127.0.0.1:$(PORT)

build: $(STAMP)  ## Write the site to site/
	$(BIN)/mkdocs build --strict --config-file $(CONFIG)

offline: $(STAMP)  ## Write hmis-training-offline.zip: the site for use from file:// with no network
	rm -rf site-offline hmis-training-offline.zip
	sed 's/^INHERIT: mkdocs.yml$$/INHERIT: $(CONFIG)/' mkdocs.offline.yml > .mkdocs.offline.build.yml
	$(BIN)/mkdocs build --strict --config-file .mkdocs.offline.build.yml --site-dir site-offline/hmis-training
	cd site-offline && ../$(BIN)/python -m zipfile -c ../hmis-training-offline.zip hmis-training
	@echo "Wrote hmis-training-offline.zip: unzip it and open hmis-training/index.html"

# make lms LMS_OUT=site/downloads/lms publishes them with the site (the Pages workflow does this).
LMS_OUT ?= site-lms

lms: $(STAMP)  ## Write SCORM 1.2 packages and GIFT, Moodle XML and QTI question files for an LMS to site-lms/
	$(BIN)/python -m macros.lms --out $(LMS_OUT)

check: $(STAMP)  ## Validate quiz banks and quiz() calls without building
	$(BIN)/python -m macros

schema: $(STAMP)  ## Regenerate the JSON Schemas that editors use for quiz banks and practice cases
	$(BIN)/python -m macros --write-schema

$(NODE_STAMP): package.json package-lock.json
	@if command -v npm >/dev/null; then npm ci --no-audit --no-fund; \
	else echo "npm not found: the HTML check will be skipped (sudo apt-get install npm default-jre-headless)"; fi

test: $(STAMP) $(NODE_STAMP)  ## Run the whole test suite (browser tests need Chromium; the HTML check, Java)
	$(BIN)/python -m pytest

bench: $(STAMP)  ## Print build times, Lighthouse mobile scores and first-visit bytes, and our quiz engine beside mkdocs-quiz
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-bench.txt -c requirements.txt
	@if command -v npm >/dev/null; then npm ci --prefix tests/bench-tools --no-audit --no-fund --silent; \
	else echo "npm not found: no Lighthouse scores (sudo apt-get install npm)"; fi
	$(BIN)/python tests/bench.py

clean:
	rm -rf site site-offline site-lms hmis-training-offline.zip test-results .pytest_cache
