"""The course's benchmarks: one table of measured times and ratios (not tests).

Usage: ``python tools/bench.py [--skip-make | --lessons-only] [--update-times]``
(``make bench``; ``make bench UPDATE_TIMES=1`` adds ``--update-times``). Prints a table and
writes it, outside the tracked tree, to ``_build/bench/``: ``bench.json`` and the lessons'
times as ``lesson_times.csv``. Only ``--update-times`` copies those times over
``appendix/lesson_times.csv``, the table of the site's environment page, so that a bench
run leaves ``git status`` clean.

Measured in this one run, on this machine:
- each lesson's execution time (kernel start included) beside the *floor*: a bare kernel start
  plus the course's imports, executed the same way; their ratio (target: <= 3);
- the whole course executed serially and with 2 workers (target: serial <= 40 s on 2 cores);
- from-scratch K-Means vs scikit-learn per iteration, one thread (tools/bench_kmeans.py;
  target <= 3);
- ``make book`` cold and warm (target: warm <= 5 s);
- ``make check`` (target <= 20 s) and ``make test`` (target <= 90 s), the install done;
- how many times each lesson executes during that one ``make test`` (counted: every kernel
  runs an IPython start-up file that logs the cells it executes, see :data:`CELL_LOGGER`);
- a first ``make lab`` on a fresh clone, until the server answers (target <= 30 s).
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import jupytext
import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "_build" / "bench"
#: The lessons' times on the site's environment page (tracked: only --update-times writes it).
LESSON_TIMES = ROOT / "appendix" / "lesson_times.csv"
#: The targets of the measurements, in seconds (issue 20).
TARGETS = {"make_check_s": 20, "make_test_s": 90, "first_lab_s": 30}
FLOOR_SOURCE = """\
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import seaborn as sns
import sklearn.cluster
import course_utils.style
"""


#: IPython start-up file: each kernel appends "<pid> <sha1 of the cell>" for every cell it runs.
CELL_LOGGER = """\
def _course_cell_logger():  # leaves no name behind in the learner's namespace
    import hashlib, os
    from IPython import get_ipython

    def log_cell(info):
        digest = hashlib.sha1(info.raw_cell.strip().encode()).hexdigest()
        with open(os.environ["COURSE_CELL_LOG"], "a", encoding="utf-8") as log:
            log.write(f"{os.getpid()} {digest}\\n")

    if os.environ.get("COURSE_CELL_LOG"):
        get_ipython().events.register("pre_run_cell", log_cell)

_course_cell_logger()
del _course_cell_logger
"""


def run_notebook(notebook) -> float:
    """Execute a notebook with a fresh kernel; return the wall time, kernel start included."""
    os.environ["OMP_NUM_THREADS"] = "1"
    start = time.perf_counter()
    NotebookClient(
        notebook,
        timeout=600,
        kernel_name="python3",
        resources={"metadata": {"path": str(ROOT / "notebooks")}},
    ).execute()
    return time.perf_counter() - start


def floor_notebook():
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_code_cell(FLOOR_SOURCE)]
    return notebook


def time_lesson(path: Path) -> float:
    return run_notebook(jupytext.read(path))


def lessons() -> list[Path]:
    """The lessons; lesson 09 only where PySpark is installed (`make spark`)."""
    found = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.py"))
    spark = importlib.util.find_spec("pyspark") is not None
    return [path for path in found if spark or not path.stem.startswith("09_")]


def timed(command: list[str], env: dict | None = None) -> float:
    """Wall time of a command; a failing command is an error (its time would mean nothing)."""
    start = time.perf_counter()
    result = subprocess.run(
        command, cwd=ROOT, capture_output=True, text=True, check=False, env=env
    )
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{result.stdout[-3000:]}")
    return time.perf_counter() - start


def write_lesson_times(floor: float, rows: list[dict], path: Path) -> None:
    """Write the lessons' times as the site's environment page shows them (CSV)."""
    lines = [
        "lesson,seconds,times the floor",
        f"floor (kernel + imports),{floor:.1f},1.0",
    ]
    lines += [
        f"{r['lesson']},{r['seconds']:.1f},{r['ratio_to_floor']:.1f}" for r in rows
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def lesson_signatures() -> dict[str, str]:
    """For each lesson, the hash of its first code cell that no other lesson has."""
    cells = {
        path.stem: [
            c.source.strip() for c in jupytext.read(path).cells if c.cell_type == "code"
        ]
        for path in lessons()
    }
    signatures = {}
    for stem, sources in cells.items():
        others = {s for other, srcs in cells.items() if other != stem for s in srcs}
        unique = next(s for s in sources if s and s not in others)
        signatures[stem] = hashlib.sha1(unique.encode()).hexdigest()
    return signatures


def make_test_with_counts() -> tuple[float, dict[str, int]]:
    """Run ``make test`` once; return its time and how many kernels ran each lesson."""
    with tempfile.TemporaryDirectory() as tmp:
        startup = Path(tmp, "ipython", "profile_default", "startup")
        startup.mkdir(parents=True)
        (startup / "00-course-cell-log.py").write_text(CELL_LOGGER, encoding="utf-8")
        log = Path(tmp, "cells.log")
        log.touch()
        env = {**os.environ, "IPYTHONDIR": str(Path(tmp, "ipython"))}
        env["COURSE_CELL_LOG"] = str(log)
        seconds = timed(["make", "test"], env=env)
        runs = [line.split() for line in log.read_text(encoding="utf-8").splitlines()]
    return seconds, {
        stem: len({pid for pid, digest in runs if digest == signature})
        for stem, signature in lesson_signatures().items()
    }


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def first_lab_on_a_fresh_clone() -> float:
    """Clone the repository, run ``make lab`` and time it until lesson 00 is served."""
    with tempfile.TemporaryDirectory() as tmp:
        clone = Path(tmp, "course")
        subprocess.run(["git", "clone", "-q", str(ROOT), str(clone)], check=True)
        port = free_port()
        args = f"--no-browser --port={port} --IdentityProvider.token=''"
        url = f"http://127.0.0.1:{port}/lab/tree/notebooks/00_introduction.py"
        start = time.perf_counter()
        lab = subprocess.Popen(
            ["make", "lab", f"LAB_EXTRA={args}"],
            cwd=clone,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        try:
            while time.perf_counter() - start < 300:
                try:
                    with urllib.request.urlopen(url, timeout=2) as response:
                        if response.status == 200:
                            return time.perf_counter() - start
                except OSError:
                    time.sleep(0.2)
            raise RuntimeError("make lab served nothing within 300 s")
        finally:
            os.killpg(lab.pid, 15)
            lab.wait()


def main(argv: list[str]) -> int:
    skip_make = "--skip-make" in argv
    OUT.mkdir(parents=True, exist_ok=True)
    results: dict = {
        "machine": {"cores": os.cpu_count(), "python": sys.version.split()[0]}
    }

    floor = min(run_notebook(floor_notebook()) for _ in range(3))
    results["floor_s"] = floor
    rows = []
    for path in lessons():
        seconds = min(time_lesson(path) for _ in range(2))
        rows.append(
            {"lesson": path.stem, "seconds": seconds, "ratio_to_floor": seconds / floor}
        )
    results["lessons"] = rows
    write_lesson_times(floor, rows, OUT / "lesson_times.csv")
    if "--update-times" in argv:  # the site's table: tracked, rewritten on request only
        shutil.copyfile(OUT / "lesson_times.csv", LESSON_TIMES)
    if "--lessons-only" in argv:  # just the table of the site's environment page
        print(report(results, lessons_only=True))
        return 0

    start = time.perf_counter()
    for path in lessons():
        time_lesson(path)
    results["course_serial_s"] = time.perf_counter() - start
    start = time.perf_counter()
    with ProcessPoolExecutor(max_workers=2) as pool:
        list(pool.map(time_lesson, lessons()))
    results["course_parallel_2_s"] = time.perf_counter() - start

    subprocess.run(  # one thread, as issue 20 compares them
        [sys.executable, "tools/bench_kmeans.py", "--output", OUT / "kmeans.json"],
        cwd=ROOT,
        check=True,
        stdout=subprocess.DEVNULL,
        env={**os.environ, "OMP_NUM_THREADS": "1"},
    )
    results["kmeans"] = json.loads((OUT / "kmeans.json").read_text(encoding="utf-8"))

    if not skip_make:
        for cache in ("html", ".doctrees", ".jupyter_cache", "jupyter_execute"):
            shutil.rmtree(ROOT / "_build" / cache, ignore_errors=True)
        results["book_cold_s"] = timed(["make", "book"])
        results["book_warm_s"] = statistics.median(
            timed(["make", "book"]) for _ in range(3)
        )
        subprocess.run(["make", "browser"], cwd=ROOT, check=True)  # warm: the site
        # is built (above) and Chromium is installed, as after a first make test
        results["make_check_s"] = timed(["make", "check"])
        results["make_test_s"], results["lesson_runs"] = make_test_with_counts()
        results["first_lab_s"] = first_lab_on_a_fresh_clone()

    (OUT / "bench.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    print(report(results))
    return 0


def report(results: dict, lessons_only: bool = False) -> str:
    floor = results["floor_s"]
    lines = [
        f"{'what':<40} {'seconds':>8} {'ratio':>7}  target",
        f"{'floor: kernel start + course imports':<40} {floor:8.2f} {1:7.2f}",
    ]
    for row in results["lessons"]:
        ok = "met" if row["ratio_to_floor"] <= 3 else "MISSED"
        lines.append(
            f"{row['lesson']:<40} {row['seconds']:8.2f} {row['ratio_to_floor']:7.2f}"
            f"  <= 3 x floor: {ok}"
        )
    if lessons_only:
        return "\n".join(lines)
    serial = results["course_serial_s"]
    lines.append(
        f"{'whole course, serial':<40} {serial:8.2f} {'':>7}  <= 40 s: "
        f"{'met' if serial <= 40 else 'MISSED'}"
    )
    lines.append(
        f"{'whole course, 2 workers':<40} {results['course_parallel_2_s']:8.2f}"
    )
    for case in results["kmeans"].get("cases", []):
        label = f"k-means per iteration {case['name']}"
        ratio = case["ratio"]
        lines.append(
            f"{label:<40} {case['ours_s_per_iter']:8.4f} {ratio:7.2f}  ours/sklearn"
            f" <= 3: {'met' if ratio <= 3 else 'MISSED'}"
        )
    if "book_cold_s" in results:
        lines.append(f"{'make book, cold':<40} {results['book_cold_s']:8.2f}")
        warm = results["book_warm_s"]
        lines.append(
            f"{'make book, warm (nothing changed)':<40} {warm:8.2f} {'':>7}  <= 5 s: "
            f"{'met' if warm <= 5 else 'MISSED'}"
        )
        for key, label in (
            ("make_check_s", "make check (warm)"),
            ("make_test_s", "make test (warm)"),
            ("first_lab_s", "first make lab, fresh clone"),
        ):
            target = TARGETS[key]
            ok = "met" if results[key] <= target else "MISSED"
            lines.append(
                f"{label:<40} {results[key]:8.2f} {'':>7}  <= {target} s: {ok}"
            )
        runs = ", ".join(f"{k[:2]}: {v}" for k, v in results["lesson_runs"].items())
        lines.append(f"lesson executions in one make test: {runs}")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
