# collective.twinning: `make run` serves the demo portal, `make test` runs the suite.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8080
HOST ?= 127.0.0.1
ADMIN_PASSWORD ?= admin
export ADMIN_PASSWORD PORT

INSTALL_STAMP := $(VENV)/.installed

.PHONY: help
help: ## Show the targets
	@grep -E '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk -F ':.*?## ' '{printf "  %-18s %s\n", $$1, $$2}'

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Reinstall whenever the pins or the package metadata change.
$(INSTALL_STAMP): $(BIN)/python setup.py constraints.txt
	$(BIN)/pip install -q -c constraints.txt pip setuptools wheel
	$(BIN)/pip install -q -c constraints.txt -e ".[scale,test]"
	touch $(INSTALL_STAMP)

.PHONY: install
install: $(INSTALL_STAMP) ## Create .venv and install the add-on with the pinned versions

.PHONY: instance
instance: $(INSTALL_STAMP) ## Write the Zope instance (instance/etc) for PORT and HOST
	$(BIN)/python scripts/instance.py --host $(HOST) --port $(PORT)

.PHONY: site
site: instance ## Create the Plone site with the demo content (reused when it exists)
	$(BIN)/zconsole run instance/etc/zope.conf scripts/create_site.py

.PHONY: run
run: site ## Serve the demo portal on http://127.0.0.1:$(PORT)/Plone (Ctrl-C stops it)
	exec $(BIN)/runwsgi instance/etc/zope.ini

.PHONY: test
test: $(INSTALL_STAMP) ## Install what is missing and run the whole test suite
	$(BIN)/pytest

.PHONY: check-run
check-run: $(INSTALL_STAMP) ## Prove make run's steps on a free port with a throwaway instance
	bash scripts/check_run.sh

.PHONY: check-buildout
check-buildout: ## Prove that buildout.cfg builds bin/instance, which serves the site
	bash scripts/check_buildout.sh

.PHONY: constraints
constraints: $(INSTALL_STAMP) ## Regenerate constraints.txt and versions.cfg from the passing .venv
	$(BIN)/pip freeze --all --exclude-editable | grep -v '^collective.twinning' > constraints.txt
	$(BIN)/python scripts/versions_cfg.py constraints.txt > versions.cfg

.PHONY: clean
clean: ## Remove the instance and its data (var/), keep .venv
	rm -rf instance var

.PHONY: distclean
distclean: clean ## Remove everything built, .venv and buildout parts included
	rm -rf $(VENV) .buildout-venv bin parts eggs develop-eggs .installed.cfg
