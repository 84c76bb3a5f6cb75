"""Benchmark: the course's KMeansScratch against scikit-learn's Lloyd K-Means, per iteration.

Usage: ``python tools/bench_kmeans.py [--repeats N] [--output PATH]``

Both run in this process on the same data, from the same starting centres, for the same number
of iterations (``max_iter=20``, ``tol=0``; the script checks that both report 20 iterations and
the same labels). Threads are whatever the environment gives (``OMP_NUM_THREADS`` is not
touched). Each timing is the best of ``--repeats`` fits, ours and scikit-learn's interleaved so
that a busy machine slows both alike. The table goes to stdout; the numbers, with the
environment they were measured in, to ``_build/bench/kmeans.json``. This is a benchmark, not a
test: timings vary from machine to machine, so only the ratio is worth comparing — and on a
shared machine even the ratio moves, because scikit-learn's OpenMP threads suffer most when
another process holds a core. Run it with ``OMP_NUM_THREADS=1`` too for a single-core
comparison (KMeansScratch itself is single-threaded).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
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
TARGET_RATIO = 1.5
ENV_VARS = (
    "OMP_NUM_THREADS",
    "OPENBLAS_NUM_THREADS",
    "OPENBLAS_CORETYPE",
    "OPENBLAS_L2_SIZE",
    "MKL_NUM_THREADS",
)


def make_case(n_samples: int, n_features: int, n_clusters: int, seed: int = 0):
    """Return Gaussian data and ``n_clusters`` distinct rows of it as the common start."""
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n_samples, n_features))
    start = X[rng.choice(n_samples, size=n_clusters, replace=False)]
    return X, start


def time_fit(model, X) -> tuple[float, object]:
    """Return the wall time of ``model.fit(X)`` in seconds, and the fitted model."""
    begin = time.perf_counter()
    model.fit(X)
    return time.perf_counter() - begin, model


def run_case(n_samples: int, n_features: int, n_clusters: int, repeats: int) -> dict:
    """Time ours (with and without history) and scikit-learn's on one case."""
    X, start = make_case(n_samples, n_features, n_clusters)
    makers = {
        "ours": lambda: KMeansScratch(
            n_clusters, init=start, max_iter=MAX_ITER, tol=0.0
        ),
        "ours_no_history": lambda: KMeansScratch(
            n_clusters, init=start, max_iter=MAX_ITER, tol=0.0, keep_history=False
        ),
        "sklearn": lambda: KMeans(
            n_clusters,
            init=start,
            n_init=1,
            max_iter=MAX_ITER,
            tol=0.0,
            algorithm="lloyd",
        ),
    }
    best = dict.fromkeys(makers, float("inf"))
    fitted = {}
    for _ in range(repeats):
        for name, make in makers.items():
            seconds, fitted[name] = time_fit(make(), X)
            best[name] = min(best[name], seconds)
    n_iter = {name: int(model.n_iter_) for name, model in fitted.items()}
    if len(set(n_iter.values())) != 1:
        raise RuntimeError(
            f"iteration counts differ, the comparison is unfair: {n_iter}"
        )
    iterations = n_iter["sklearn"]
    per_iter = {name: seconds / iterations for name, seconds in best.items()}
    return {
        "n_samples": n_samples,
        "n_features": n_features,
        "n_clusters": n_clusters,
        "n_iter": iterations,
        "repeats": repeats,
        "same_labels": bool(
            np.array_equal(fitted["ours"].labels_, fitted["sklearn"].labels_)
        ),
        "inertia_rel_diff": abs(fitted["ours"].inertia_ - fitted["sklearn"].inertia_)
        / fitted["sklearn"].inertia_,
        "ms_per_iter": {name: 1e3 * value for name, value in per_iter.items()},
        "ratio": per_iter["ours"] / per_iter["sklearn"],
        "ratio_no_history": per_iter["ours_no_history"] / per_iter["sklearn"],
    }


def environment() -> dict:
    """The settings that change timings: thread variables, CPUs, versions, BLAS."""
    info = {
        "env": {name: os.environ.get(name) for name in ENV_VARS},
        "cpu_count": os.cpu_count(),
        "python": platform.python_version(),
        "numpy": np.__version__,
        "scikit-learn": sklearn.__version__,
        "machine": platform.machine(),
        "load_average_1_5_15_min": [round(x, 2) for x in os.getloadavg()],
    }
    try:
        from threadpoolctl import threadpool_info

        info["threadpools"] = [
            {key: pool.get(key) for key in ("internal_api", "num_threads", "version")}
            for pool in threadpool_info()
        ]
    except ImportError:  # threadpoolctl comes with scikit-learn, but be safe
        pass
    return info


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--repeats", type=int, default=5, help="fits per estimator and case"
    )
    parser.add_argument(
        "--output", type=Path, default=ROOT / "_build" / "bench" / "kmeans.json"
    )
    args = parser.parse_args(argv)
    env = environment()
    print(
        "K-Means per iteration: KMeansScratch vs scikit-learn (Lloyd), same start, "
        f"{MAX_ITER} iterations, best of {args.repeats}"
    )
    print(
        "environment: "
        + (", ".join(f"{k}={v}" for k, v in env["env"].items() if v) or "-")
    )
    print(
        f"CPUs: {env['cpu_count']}, load average before: {env['load_average_1_5_15_min']}"
    )
    header = (
        f"{'n x d, k':>18} | {'ours ms/it':>10} | {'no-hist':>8} | {'sklearn':>8} | "
        f"{'ratio':>6} | same labels"
    )
    print(header)
    print("-" * len(header))
    results = []
    for case in CASES:
        result = run_case(*case, repeats=args.repeats)
        results.append(result)
        ms = result["ms_per_iter"]
        print(
            f"{case[0]:>9,} x {case[1]}, k={case[2]} | {ms['ours']:10.2f} | "
            f"{ms['ours_no_history']:8.2f} | {ms['sklearn']:8.2f} | {result['ratio']:6.2f} | "
            f"{result['same_labels']}"
        )
    worst = max(result["ratio"] for result in results)
    verdict = "met" if worst <= TARGET_RATIO else "MISSED"
    print(
        f"target: ours <= {TARGET_RATIO} x scikit-learn per iteration -> {verdict} "
        f"(worst ratio {worst:.2f})"
    )
    args.output.parent.mkdir(parents=True, exist_ok=True)
    cases = [  # the compact form tools/bench.py reads
        {
            "name": f"{r['n_samples']:,} x {r['n_features']}, k={r['n_clusters']}",
            "n_iter": r["n_iter"],
            "ours_s_per_iter": r["ms_per_iter"]["ours"] / 1e3,
            "sklearn_s_per_iter": r["ms_per_iter"]["sklearn"] / 1e3,
            "ratio": r["ratio"],
        }
        for r in results
    ]
    payload = {
        "target_ratio": TARGET_RATIO,
        "environment": env,
        "cases": cases,
        "results": results,
    }
    args.output.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    print(f"written: {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
