# PubKG — `make demo` and `make test` work from a fresh clone (with or without ../shared beside it).
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SHARED ?= ../shared
OUT := demo-out

.PHONY: install demo test chromium clean bench

install: $(VENV)/.installed
	@# the package's bytecode, as pip writes it for a regular install (an editable one does not, and with
	@# PYTHONDONTWRITEBYTECODE set every command would compile the package again: 0.1-0.25 s a start)
	@$(BIN)/python -m compileall -q kg >/dev/null

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[all,test]'
	touch $@

demo: install
	@rm -rf $(OUT) && mkdir -p $(OUT)
	@if [ -d $(SHARED)/seeds ]; then \
	  echo "== building examples/ and $(SHARED)/seeds"; \
	  $(BIN)/kg build examples $(SHARED)/seeds --store $(OUT)/kg-store; \
	else \
	  echo "== building examples/ ($(SHARED)/seeds not found)"; \
	  $(BIN)/kg build examples --store $(OUT)/kg-store; \
	fi
	$(BIN)/kg validate --store $(OUT)/kg-store
	$(BIN)/kg viz --store $(OUT)/kg-store --out $(OUT)/graph.html
	@for q in examples/queries/*.rq; do \
	  [ -f "$$q" ] || continue; \
	  echo "== $$q: $$(sed -n 's/^# *//p' $$q | head -n 1)"; \
	  $(BIN)/kg query $$q --store $(OUT)/kg-store | head -n 12; \
	done
	@echo "== open $(OUT)/graph.html in a browser (works offline)"

# Browser tests need Debian's chromium; install it when we can (CI runs as root).
chromium:
	@if [ ! -x /usr/bin/chromium ]; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "note: /usr/bin/chromium missing and no root: browser tests will be skipped"; fi; \
	fi

test: install chromium
	$(BIN)/pytest

bench: install
	$(BIN)/python benchmarks/citations.py
	$(BIN)/python benchmarks/resolution.py
	$(BIN)/python benchmarks/scale.py
	$(BIN)/python benchmarks/suggest.py

clean:
	rm -rf $(OUT) build dist *.egg-info tests/_artifacts
