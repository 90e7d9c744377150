# sg_nr_plugin — every task a developer, CI or a new user runs. See README.md.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PLUGIN      := sg_nr_plugin
VENV        := .venv
PY          := $(VENV)/bin/python
SUDO        := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT_PKGS    := python3-qgis qgis qgis-providers python3-pandas python3-openpyxl python3-pyproj \
               python3-scipy gdal-bin qttools5-dev-tools pyqt5-dev-tools xvfb xauth \
               libreoffice-calc-nogui fonts-wqy-microhei python3-matplotlib poppler-utils
TS          := i18n/$(PLUGIN)_zh_CN.ts
QM          := $(TS:.ts=.qm)
PY_SOURCES  := $(shell find $(PLUGIN) -name '*.py' -not -path '*/__pycache__/*')
export QT_QPA_PLATFORM ?= offscreen

.PHONY: help setup apt venv postgis test lint pytest stress demo zip deploy translations qm qgis clean bench \
        sample bench-data quick-data screenshots bench-scaling bench-postgis

help:
	@echo "make demo          set up, then run the main job on the bundled sample data"
	@echo "make test          set up, lint, then run every test headless"
	@echo "make zip           build dist/$(PLUGIN).zip for QGIS 'Install from ZIP'"
	@echo "make deploy        install into a QGIS profile (QGIS_PROFILE_DIR or the default one)"
	@echo "make translations  refresh $(TS) from the sources and compile the .qm"
	@echo "make qgis          open QGIS desktop with the plugin and the sample map (data/sample)"
	@echo "make screenshots   run the three checks in QGIS under Xvfb, save docs/screenshots/*.png"
	@echo "make sample        generate the synthetic Shaoguan sample (data/sample, ~50k parcels)"
	@echo "make bench-data    generate the 1M-parcel benchmark data (data/bench, ~15 min)"
	@echo "make bench         benchmarks vs QGIS native on data/bench (QUICK=1: 100k parcels) → docs/benchmarks.md"
	@echo "make bench-scaling checkfarmland time and memory over 10k/100k/1M parcels × 1/100/1000 projects"
	@echo "make bench-postgis in-database vs desktop on PostGIS, quick data (BENCH=1: the 1M set, COPIES=5: 5M; SIZE=N, ONLY='overlaystats bigoverlay changematrix') → out/bench-postgis.md"

# ---- set-up (idempotent) ------------------------------------------------------------------
setup: apt venv qm

apt:
	@missing=""; for p in $(APT_PKGS); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi

venv: $(VENV)/.installed

$(VENV)/.installed: requirements-dev.txt
	[ -x $(PY) ] || /usr/bin/python3 -m venv --system-site-packages $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check -r requirements-dev.txt
	touch $@

# ---- translations ---------------------------------------------------------------------------
translations:
	pylupdate5 -noobsolete $(PY_SOURCES) -ts $(TS) 2>/dev/null
	$(MAKE) qm
	@$(PY) tools/i18n_fill.py $(TS) --list | $(PY) -c "import json,sys; n=len(json.load(sys.stdin)); print(f'{n} unfinished strings in $(TS)')"

qm: $(QM)

%.qm: %.ts
	lrelease -silent $< -qm $@

# ---- tests ----------------------------------------------------------------------------------
test: setup postgis lint pytest

# A private PostgreSQL + PostGIS cluster on 127.0.0.1 for the PostGIS tests (tools/postgis.sh).
postgis:
	./tools/postgis.sh

lint:
	$(VENV)/bin/ruff check .

pytest:
	$(PY) -m pytest

# The desktop test of issue #18 (part of make test with 20 runs per check and way) with more runs.
stress: setup
	SGNR_STRESS_RUNS=$${SGNR_STRESS_RUNS:-60} $(PY) -m pytest tests/test_desktop_stress.py

# ---- the main job -----------------------------------------------------------------------------
demo: setup
	$(PY) tools/demo.py

# ---- synthetic data (sgnr_sample/): regenerated when the generator changes ------------
SAMPLE_SEED := 20231
SAMPLE_DEPS := $(wildcard sgnr_sample/*.py) resources/data/shaoguan_counties.geojson

sample: venv data/sample/sample.qgz

data/sample/sample.qgz: $(SAMPLE_DEPS)
	rm -rf data/sample.part
	$(PY) -m sgnr_sample --scale sample --seed $(SAMPLE_SEED) --out data/sample.part
	rm -rf data/sample && mv data/sample.part data/sample

bench-data: venv data/bench/bench.qgz

quick-data: venv data/quick/quick.qgz

data/quick/quick.qgz: $(SAMPLE_DEPS)
	rm -rf data/quick.part
	$(PY) -m sgnr_sample --scale quick --seed $(SAMPLE_SEED) --out data/quick.part
	rm -rf data/quick && mv data/quick.part data/quick

data/bench/bench.qgz: $(SAMPLE_DEPS)
	rm -rf data/bench.part
	$(PY) -m sgnr_sample --scale bench --seed $(SAMPLE_SEED) --out data/bench.part
	rm -rf data/bench && mv data/bench.part data/bench

# ---- benchmarks (not part of make test): ratios against QGIS native, one run ---------------
# QUICK=1 runs on about 100k parcels (data/quick) instead of the 1M-parcel bench data.
BENCH_GPKG = $(if $(QUICK),data/quick/shaoguan_quick.gpkg,data/bench/shaoguan_bench.gpkg)

bench: setup $(if $(QUICK),quick-data,bench-data)
	$(PY) -m bench.run $(BENCH_GPKG) $(if $(QUICK),--out out/benchmarks-quick.md)

# checkfarmland on 1 / 100 / 1,000 projects over ~10k (a window of the quick data), ~100k and
# (without QUICK) 1M parcels: time and peak memory → docs/scaling.md and docs/scaling.png.
bench-scaling: setup quick-data $(if $(QUICK),,bench-data)
	$(PY) -m bench.scaling data/quick/shaoguan_quick.gpkg $(if $(QUICK),,data/bench/shaoguan_bench.gpkg) \
	  --window 40000 $(if $(QUICK),--out out/scaling-quick.md --png out/scaling-quick.png)

# In-database vs desktop streaming on the test PostGIS (issue #21), on the ~112k-parcel quick data
# (BENCH=1: the 1M-parcel bench set; BENCH=1 COPIES=5 is the 5M "province"): SIZE=N keeps the
# first N parcels, COPIES=K builds K translated copies in SQL, ONLY picks tasks (overlaystats = T2,
# bigoverlay = T5, changematrix).
PG_GPKG = $(if $(BENCH),data/bench/shaoguan_bench.gpkg,data/quick/shaoguan_quick.gpkg)
bench-postgis: venv postgis $(if $(BENCH),bench-data,quick-data)
	$(PY) -m bench.postgis $(PG_GPKG) $(if $(SIZE),--size $(SIZE)) \
	  $(if $(COPIES),--copies $(COPIES)) $(if $(ONLY),--only $(ONLY))

# ---- packaging --------------------------------------------------------------------------------
zip: qm
	$(PY) tools/build_zip.py dist/$(PLUGIN).zip

deploy: zip
	$(PY) tools/deploy.py dist/$(PLUGIN).zip

qgis: zip sample
	$(PY) tools/deploy.py dist/$(PLUGIN).zip --run-qgis -- --project $(CURDIR)/data/sample/sample.qgz

# The three check panels after a run, at 1600x1000 and 1366x768 (real QGIS under Xvfb, zh_CN).
screenshots: qm
	$(PY) tools/screenshots.py

clean:
	rm -rf dist build out tests/artifacts $(QM) .pytest_cache .ruff_cache
