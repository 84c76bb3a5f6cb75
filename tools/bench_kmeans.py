"""Benchmark: the course's KMeansScratch against scikit-learn's Lloyd K-Means.

Usage: ``python tools/bench_kmeans.py [--repeats N] [--output PATH]`` (``make bench``)

Both fit the same data from the same starting centres for the same number of iterations
(``max_iter=20``, ``tol=0``); the script checks that they report the same iterations and
labels, and prints the time per iteration. Each time is the median of ``--repeats``
fits, ours and scikit-learn's interleaved so that a busy machine slows both alike. Threads are
whatever the environment gives: run it with ``OMP_NUM_THREADS=1`` too, for a one-core
comparison. Only the ratio is worth comparing between machines. The table goes to stdout,
the numbers to ``_build/bench/kmeans.json``.

scikit-learn is faster because its loop is compiled (Cython): it assigns and sums a chunk
of 256 points at a time while they are in the CPU cache, on several threads. Ours scores
8,192 points at a time with NumPy (a matrix product, then one pass per centre), then sums
the clusters with whole-array ``bincount`` passes.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

import numpy as np
import sklearn
from sklearn.cluster import KMeans

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from course_utils.kmeans import KMeansScratch  # noqa: E402

#: (n_samples, n_features, n_clusters) of each case.
CASES = ((100_000, 8, 8), (1_000_000, 2, 5))
MAX_ITER = 20
#: Ours may take at most this many times scikit-learn's time per iteration.
TARGET_RATIO = 3.0


def seconds_per_iteration(model, X) -> float:
    """Fit ``model`` on ``X``; return the wall time per iteration."""
    begin = time.perf_counter()
    model.fit(X)
    return (time.perf_counter() - begin) / model.n_iter_


def run_case(n_samples, n_features, n_clusters, repeats) -> dict:
    """Time ours and scikit-learn's on Gaussian data from the same distinct rows."""
    rng = np.random.default_rng(0)
    X = rng.normal(size=(n_samples, n_features))
    start = X[rng.choice(n_samples, size=n_clusters, replace=False)]
    ours = KMeansScratch(n_clusters, init=start, max_iter=MAX_ITER, tol=0.0)
    theirs = KMeans(
        n_clusters, init=start, n_init=1, max_iter=MAX_ITER, tol=0.0, algorithm="lloyd"
    )
    times = {"ours": [], "sklearn": []}
    for _ in range(repeats):
        times["ours"].append(seconds_per_iteration(ours, X))
        times["sklearn"].append(seconds_per_iteration(theirs, X))
    if ours.n_iter_ != theirs.n_iter_ or not np.array_equal(
        ours.labels_, theirs.labels_
    ):
        raise RuntimeError("ours and scikit-learn's differ: the comparison is unfair")
    median = {name: statistics.median(values) for name, values in times.items()}
    return {
        "name": f"{n_samples:,} x {n_features}, k={n_clusters}",
        "n_iter": int(ours.n_iter_),
        "ours_s_per_iter": median["ours"],
        "sklearn_s_per_iter": median["sklearn"],
        "ratio": median["ours"] / median["sklearn"],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5, help="fits per case")
    parser.add_argument(
        "--output", type=Path, default=ROOT / "_build" / "bench" / "kmeans.json"
    )
    args = parser.parse_args(argv)
    environment = {
        "OMP_NUM_THREADS": os.environ.get("OMP_NUM_THREADS"),
        "cpu_count": os.cpu_count(),
        "load_average_1_5_15_min": [round(x, 2) for x in os.getloadavg()],
        "numpy": np.__version__,
        "scikit-learn": sklearn.__version__,
    }
    print(f"KMeansScratch / scikit-learn per iteration, median of {args.repeats}")
    print(f"environment: {environment}")
    print(f"{'case':>20} | {'ours ms/it':>10} | {'sklearn ms/it':>13} | ratio")
    cases = []
    for case in CASES:
        result = run_case(*case, repeats=args.repeats)
        cases.append(result)
        print(
            f"{result['name']:>20} | {1e3 * result['ours_s_per_iter']:10.2f} | "
            f"{1e3 * result['sklearn_s_per_iter']:13.2f} | {result['ratio']:5.2f}"
        )
    worst = max(result["ratio"] for result in cases)
    verdict = "met" if worst <= TARGET_RATIO else "MISSED"
    print(f"target: ratio <= {TARGET_RATIO} -> {verdict} (worst {worst:.2f})")
    payload = {"target_ratio": TARGET_RATIO, "environment": environment, "cases": cases}
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
