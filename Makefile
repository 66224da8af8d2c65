# progen workspace Makefile: a thin layer over `progen build`, which does the make-style work itself
# (content hashes of every input, atomic writes, hand-edited outputs kept).
#
#   make                  build every stale document listed by programs.yaml (all cards × kinds by default)
#   make 3412-0-003       build the documents of one profession card
#   make test             run the test suite
#   make clean            delete everything under output/ (generated documents and the build record)
#   make dry-run | force | pdf    what would be built | rebuild all (backs up hand edits) | also PDF
#
# Variables: PROGEN (default: progen, or `python -m generator` when progen is not installed), JOBS.

PYTHON ?= python3
PROGEN ?= $(shell command -v progen >/dev/null 2>&1 && echo progen || echo "$(PYTHON) -m generator")
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
BUILD = $(PROGEN) build -j $(JOBS)

# Profession card codes of the standard data in standard_data/ (e.g. 3412-0-003): one target each.
CARDS := $(sort $(shell grep -hoE '^  - code: [0-9]{4}-[0-9]+-[0-9]+' standard_data/*.yaml 2>/dev/null | cut -d' ' -f5))

.PHONY: all build test clean dry-run force pdf help $(CARDS)
.DEFAULT_GOAL := all

all build:
	$(BUILD)

$(CARDS):
	$(BUILD) $@

dry-run:
	$(PROGEN) build --dry-run

force:
	$(BUILD) --force

pdf:
	$(BUILD) --pdf

test:
	$(PYTHON) -m pytest -q

clean:
	rm -rf output/*/ output/.progen-build*

help:
	@sed -n '3,9p' Makefile
	@echo "cards: $(CARDS)"
