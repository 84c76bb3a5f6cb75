"""The course's benchmarks: one table of measured times and ratios (not tests).

Usage: ``python tools/bench.py [--skip-make]`` (``make bench``). Prints a table and writes it as
JSON to ``_build/bench/bench.json``.

Measured in this one run, on this machine:
- each lesson's execution time (kernel start included) beside the *floor*: a bare kernel start
  plus the course's imports, executed the same way; their ratio (target: <= 3);
- the whole course executed serially and with 2 workers (target: serial <= 40 s on 2 cores);
- from-scratch K-Means vs scikit-learn per iteration (tools/bench_kmeans.py; target <= 1.5);
- ``make book`` cold and warm (target: warm <= 5 s) and ``make test`` with the install done.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import jupytext
import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "_build" / "bench"
FLOOR_SOURCE = """\
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import seaborn as sns
import sklearn.cluster
import course_utils.style
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
    return sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.py"))


def timed(command: list[str]) -> float:
    """Wall time of a command; a failing command is an error (its time would mean nothing)."""
    start = time.perf_counter()
    result = subprocess.run(
        command, cwd=ROOT, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{result.stdout[-3000:]}")
    return time.perf_counter() - start


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

    start = time.perf_counter()
    for path in lessons():
        time_lesson(path)
    results["course_serial_s"] = time.perf_counter() - start
    start = time.perf_counter()
    with ProcessPoolExecutor(max_workers=2) as pool:
        list(pool.map(time_lesson, lessons()))
    results["course_parallel_2_s"] = time.perf_counter() - start

    subprocess.run(
        [sys.executable, "tools/bench_kmeans.py"],
        cwd=ROOT,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    results["kmeans"] = json.loads((OUT / "kmeans.json").read_text(encoding="utf-8"))

    if not skip_make:
        for cache in ("html", ".doctrees", ".jupyter_cache", "jupyter_execute"):
            shutil.rmtree(ROOT / "_build" / cache, ignore_errors=True)
        results["book_cold_s"] = timed(["make", "book"])
        results["book_warm_s"] = statistics.median(
            timed(["make", "book"]) for _ in range(3)
        )
        results["make_test_s"] = timed(["make", "test"])

    (OUT / "bench.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    print(report(results))
    return 0


def report(results: dict) -> str:
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
            f" <= 1.5: {'met' if ratio <= 1.5 else 'MISSED'}"
        )
    if "book_cold_s" in results:
        lines.append(f"{'make book, cold':<40} {results['book_cold_s']:8.2f}")
        warm = results["book_warm_s"]
        lines.append(
            f"{'make book, warm (nothing changed)':<40} {warm:8.2f} {'':>7}  <= 5 s: "
            f"{'met' if warm <= 5 else 'MISSED'}"
        )
        lines.append(f"{'make test (install done)':<40} {results['make_test_s']:8.2f}")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
