# collective.twinning: `make run` serves the demo portal, `make test` runs the suite.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8080
HOST ?= 127.0.0.1
ADMIN_PASSWORD ?= admin
# Storage of the instance: filestorage (embedded, one process), zeo (a ZEO
# server started by make run) or relstorage (PostgreSQL at PG_DSN).
STORAGE ?= filestorage
PG_DSN ?=
ZEO_ADDRESS ?= 127.0.0.1:8100
# Zope instances served by make run, on PORT, PORT+1, ... (zeo or relstorage).
INSTANCES ?= 1
INSTANCE_DIR ?= instance
VAR_DIR ?= var
export ADMIN_PASSWORD PORT HOST STORAGE PG_DSN ZEO_ADDRESS INSTANCES

INSTALL_STAMP := $(VENV)/.installed
# What zpretty checks and formats: the ZCML and the GenericSetup XML of the package.
XML_FILES = $(shell git ls-files 'src/*.zcml' 'src/*.xml' 2>/dev/null || find src -name '*.zcml' -o -name '*.xml')

.PHONY: help
help: ## Show the targets
	@grep -E '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk -F ':.*?## ' '{printf "  %-18s %s\n", $$1, $$2}'

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Reinstall whenever the pins or the package metadata (pyproject.toml) change.
$(INSTALL_STAMP): $(BIN)/python pyproject.toml setup.py constraints.txt
	$(BIN)/pip install -q -c constraints.txt pip setuptools wheel
	$(BIN)/pip install -q -c constraints.txt -e ".[scale,sso,test,docs,lint]"
	touch $(INSTALL_STAMP)

.PHONY: install
install: $(INSTALL_STAMP) ## Create .venv and install the add-on with the pinned versions

.PHONY: instance
instance: $(INSTALL_STAMP) ## Write the Zope instance (instance/etc) for PORT, HOST, STORAGE, INSTANCES
	$(BIN)/python scripts/instance.py --instance $(INSTANCE_DIR) --var $(VAR_DIR) --host $(HOST) --port $(PORT)

.PHONY: site
site: instance ## Create the Plone site with the demo content (reused when it exists)
	bash scripts/serve.sh site $(INSTANCE_DIR) $(VAR_DIR)

.PHONY: run
run: instance ## Serve the demo portal on http://127.0.0.1:$(PORT)/Plone (Ctrl-C stops it)
	exec bash scripts/serve.sh run $(INSTANCE_DIR) $(VAR_DIR)

# As root, make test installs Debian's Chromium and PostgreSQL when missing (CI). As another
# user it cannot: `scripts/chromium.sh ensure` and `scripts/pg_cluster.sh ensure` then say in
# one line what is skipped and why, exit 2, and the rest runs.
ENSURE = status=0; bash scripts/$(1).sh ensure || status=$$?; \
	if [[ $$status != 0 && $$status != 2 ]]; then exit $$status; fi
BROWSER_OR_SKIP = $(call ENSURE,chromium); \
	if [[ $$status == 2 ]]; then skip=(--ignore=tests/browser); else skip=(); fi; \
	echo "$(BIN)/pytest $${skip[*]}"

.PHONY: test
test: $(INSTALL_STAMP) ## The whole suite: installs Chromium and PostgreSQL when missing (as root), else skips what needs them
	@$(BROWSER_OR_SKIP); $(BIN)/pytest "$${skip[@]}"
	@$(call ENSURE,pg_cluster); if [[ $$status == 0 ]]; then $(MAKE) --no-print-directory test-scaleout; fi

.PHONY: test-unit
test-unit: $(INSTALL_STAMP) ## The fast loop: the suite without the scale-out tests (no PostgreSQL, ZEO or extra Zope)
	@$(BROWSER_OR_SKIP); $(BIN)/pytest "$${skip[@]}"

.PHONY: test-browser
test-browser: $(INSTALL_STAMP) chromium ## The browser scenario only (Playwright driving Debian's Chromium)
	$(BIN)/pytest tests/browser

.PHONY: screenshots
screenshots: $(INSTALL_STAMP) chromium ## Run the browser scenario and refresh the README's screenshots (docs/screenshots/)
	UPDATE_README_SCREENSHOTS=1 $(BIN)/pytest tests/browser/test_scenario.py

.PHONY: chromium
chromium: ## Install Debian's Chromium for the browser tests when missing (no browser download)
	bash scripts/chromium.sh install

.PHONY: test-scaleout
test-scaleout: $(INSTALL_STAMP) ## Several Zope instances on RelStorage (throwaway PostgreSQL) and on ZEO
	bash scripts/pg_cluster.sh install
	$(BIN)/pytest -m scaleout tests/scaleout

.PHONY: docs
docs: $(INSTALL_STAMP) ## Build the book (docs/, MyST Markdown) into docs/_build/html; any warning fails
	$(BIN)/sphinx-build -E -W --keep-going -n -q -b html docs docs/_build/html
	@echo "docs: docs/_build/html/index.html, no warning"

.PHONY: lint
lint: $(INSTALL_STAMP) ## Check the code: ruff (lint, format) and zpretty (ZCML and XML)
	@status=0; \
	$(BIN)/ruff check . || status=1; \
	$(BIN)/ruff format --check . || status=1; \
	$(BIN)/zpretty --check $(XML_FILES) || status=1; \
	exit $$status

.PHONY: format
format: $(INSTALL_STAMP) ## Apply ruff's fixes and formatter and zpretty to the code
	$(BIN)/ruff check --fix-only .
	$(BIN)/ruff format .
	$(BIN)/zpretty -i $(XML_FILES)

.PHONY: check-news
check-news: ## Fail when the commits since CHANGES.md's last release entry add no news/ fragment
	bash scripts/check_news.sh

.PHONY: migrate-to-relstorage
migrate-to-relstorage: $(INSTALL_STAMP) ## Copy the FileStorage site of VAR_DIR (blobs too) into RelStorage at PG_DSN, then check it
	bash scripts/migrate_to_relstorage.sh $(VAR_DIR)

.PHONY: pg-start
pg-start: ## Start a throwaway PostgreSQL cluster in var/pg (installs PostgreSQL if missing), print its PG_DSN
	@bash scripts/pg_cluster.sh start $(VAR_DIR)/pg

.PHONY: pg-stop
pg-stop: ## Stop the cluster of make pg-start (its data stay in var/pg)
	bash scripts/pg_cluster.sh stop $(VAR_DIR)/pg

.PHONY: check-run
check-run: $(INSTALL_STAMP) ## Prove make run's steps on a free port with a throwaway instance
	bash scripts/check_run.sh

.PHONY: check-buildout
check-buildout: ## Prove that buildout.cfg builds bin/instance, which serves the site
	bash scripts/check_buildout.sh

# The search benchmark (issue 4): a throwaway instance under var/bench with a fresh
# database each run (STORAGE=zeo|relstorage as for make run). SCALE=0.5 (1 000 profiles)
# takes a few minutes on 2 cores; SCALE=10 has 20 000 users.
SCALE ?= 0.5
BENCH_VAR := var/bench
BENCH_ARGS ?=
MEMBERSHIP_ARGS ?=
RECOGNITION_ARGS ?=

.PHONY: bench
bench: $(INSTALL_STAMP) ## Benchmark the searches (SCALE=0.5 by default; STORAGE as for make run); writes bench/results/
	rm -rf $(BENCH_VAR)
	$(BIN)/python scripts/instance.py --instance $(BENCH_VAR)/instance --var $(BENCH_VAR)/var --port 0
	SCALE=$(SCALE) bash scripts/zeo_server.sh around $(BENCH_VAR)/var \
		$(BIN)/zconsole run $(BENCH_VAR)/instance/etc/zope.conf bench/run.py --scale $(SCALE) $(BENCH_ARGS)
	bash scripts/zeo_server.sh around $(BENCH_VAR)/var \
		$(BIN)/zconsole run $(BENCH_VAR)/instance/etc/zope.conf bench/membership.py $(MEMBERSHIP_ARGS)
	bash scripts/zeo_server.sh around $(BENCH_VAR)/var \
		$(BIN)/zconsole run $(BENCH_VAR)/instance/etc/zope.conf bench/recognition.py $(RECOGNITION_ARGS)

# The membership section alone (issue 23): roster changes, a class of pupils and transitions
# by space size, on its own throwaway instance.
.PHONY: bench-membership
bench-membership: $(INSTALL_STAMP) ## Benchmark roster changes, bulk pupils and transitions by space size; writes bench/results/
	rm -rf $(BENCH_VAR)-membership
	$(BIN)/python scripts/instance.py --instance $(BENCH_VAR)-membership/instance --var $(BENCH_VAR)-membership/var --port 0
	bash scripts/zeo_server.sh around $(BENCH_VAR)-membership/var \
		$(BIN)/zconsole run $(BENCH_VAR)-membership/instance/etc/zope.conf bench/membership.py $(MEMBERSHIP_ARGS)

# The recognition section alone (issue 25): @school-label eligibility of a school with 200 teachers
# and 2 000 projects against a naive computation, on its own throwaway instance.
.PHONY: bench-recognition
bench-recognition: $(INSTALL_STAMP) ## Benchmark @school-label eligibility (200 teachers, 2 000 projects); writes bench/results/
	rm -rf $(BENCH_VAR)-recognition
	$(BIN)/python scripts/instance.py --instance $(BENCH_VAR)-recognition/instance --var $(BENCH_VAR)-recognition/var --port 0
	bash scripts/zeo_server.sh around $(BENCH_VAR)-recognition/var \
		$(BIN)/zconsole run $(BENCH_VAR)-recognition/instance/etc/zope.conf bench/recognition.py $(RECOGNITION_ARGS)

# The collaboration benchmark (issue 21): @activity and @notifications beside a stock @search,
# on a space with ITEMS posts and comments (5 000 by default), in a throwaway instance under var/bench-collab.
# Separate from make bench so the search benchmark keeps its time; ITEMS=500 REPEAT=20 is a quick check.
ITEMS ?= 5000
REPEAT ?= 50

.PHONY: bench-collaboration
bench-collaboration: $(INSTALL_STAMP) ## Benchmark @activity and @notifications (ITEMS=5000, REPEAT=50); writes bench/results/
	rm -rf var/bench-collab
	$(BIN)/python scripts/instance.py --instance var/bench-collab/instance --var var/bench-collab/var --port 0
	bash scripts/zeo_server.sh around var/bench-collab/var \
		$(BIN)/zconsole run var/bench-collab/instance/etc/zope.conf bench/collaboration.py --items $(ITEMS) --repeat $(REPEAT)

# The load test (issue 7): a throwaway instance under var/load, 4 server threads,
# LOAD_USERS virtual users for LOAD_SECONDS per phase (baseline, then mixed).
LOAD_USERS ?= 8
LOAD_SECONDS ?= 30

.PHONY: load
load: $(INSTALL_STAMP) ## Load test: stock Document GET, then searches, views, page creation, joins; writes bench/results/
	LOAD_USERS=$(LOAD_USERS) LOAD_SECONDS=$(LOAD_SECONDS) bash bench/load.sh

# OpenAPI document (docs/openapi.yaml) and fuzzing against it (issue 7).
FUZZ_EXAMPLES ?= 50
export FUZZ_EXAMPLES

.PHONY: openapi
openapi: $(INSTALL_STAMP) ## Write docs/openapi.yaml from the code (the test fails when it is out of date)
	$(BIN)/python scripts/openapi.py

.PHONY: fuzz
fuzz: $(INSTALL_STAMP) ## Schemathesis against a throwaway demo portal as 4 identities (FUZZ_EXAMPLES=50); writes bench/results/
	bash scripts/fuzz.sh

.PHONY: constraints
constraints: $(INSTALL_STAMP) ## Regenerate constraints.txt and versions.cfg from the passing .venv
	$(BIN)/pip freeze --all --exclude-editable | grep -v '^collective.twinning' > constraints.txt
	$(BIN)/python scripts/versions_cfg.py constraints.txt > versions.cfg

.PHONY: clean
clean: ## Remove the instance and its data (var/), keep .venv
	bash scripts/zeo_server.sh stop $(VAR_DIR)
	bash scripts/pg_cluster.sh remove $(VAR_DIR)/pg
	rm -rf $(INSTANCE_DIR) $(VAR_DIR)

.PHONY: distclean
distclean: clean ## Remove everything built, .venv and buildout parts included
	rm -rf $(VENV) .buildout-venv bin parts eggs develop-eggs .installed.cfg docs/_build
