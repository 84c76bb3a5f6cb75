"""Prove the tests have teeth: change one thing at a time in a scratch copy of the project and
show that the tests covering it fail.

    python tools/mutate.py            every case (make mutate)
    python tools/mutate.py -k loader  the cases whose name contains "loader"

Each case of CASES is a mutant: a name, its kind, the edits (file, old text, new text; every
occurrence of the old text is replaced, and a case whose old text is gone is reported as out of
date, not as killed) and the tests that must fail (pytest arguments, run from the copy's root).
The copy is made once; before the mutants, the union of the cases' tests must pass on it
unchanged. Prints a table case -> killed (the tests failed) or SURVIVED; exits 1 if a mutant
survived or a case is out of date.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NBVAL = [
    "--nbval",
    "--nbval-current-env",
    "--nbval-sanitize-with",
    "tests/nbval_sanitize.cfg",
]

CHECKS, KMEANS = "course_utils/exercise_checks/", "course_utils/kmeans.py"
LESSON_01 = "notebooks/01_scaling_encoding"


def both(stem, old, new):
    """The same edit in a lesson's .py and its .ipynb (their sources stay paired)."""
    return [(f"{stem}.{ext}", old, new) for ext in ("py", "ipynb")]


#: (name, kind, [(file, old, new), ...], pytest arguments)
CASES = [
    ("loader: ages only up to 65", "a loader's range",
     [("course_utils/mall_loader.py", "whole years\", 1, 120", "whole years\", 1, 65")],
     ["tests/test_mall_loader.py"]),
    ("loader: scores from 0", "a loader's range",
     [("course_utils/mall.py", "), (1, 100)", "), (0, 100)")],
     ["tests/test_mall_loader.py"]),
    ("check 1.2: flag every income above q3", "a check's expected value",
     [(CHECKS + "lesson01.py", "income > q3 + 3 * (q3 - q1)", "income > q3")],
     ["tests/test_exercises.py", "-k", "1.1 or 1.2"]),
    ("check 1.1: five clusters expected", "a check's expected value",
     [(CHECKS + "lesson01.py", '{"n_clusters": 4,', '{"n_clusters": 5,')],
     ["tests/test_exercises.py", "-k", "1.1 or 1.2"]),
    ("output 03: silhouette picks 3", "a claim's number in the committed output",
     [("notebooks/03_choosing_k.ipynb", "picks K = 4", "picks K = 3")],
     ["tests/test_claims.py", "-k", "03_choosing_k"]),
    ("output 05: the recipe splits 3 of 6", "a claim's number in the committed output",
     [("notebooks/05_mall_case_study.ipynb", "clusters: 4 of 6", "clusters: 3 of 6")],
     ["tests/test_claims.py", "-k", "05_mall"]),
    ("output 07: the loaded model differs", "a claim's word in the committed output",
     [("notebooks/07_segments_in_practice.ipynb", "segments: True", "segments: False")],
     ["tests/test_claims.py", "-k", "07_segments"]),
    ("prose 04: 38 of the 46 unsure", "a claim's number in the prose",
     both("notebooks/04_four_algorithms", "39 of the 46", "38 of the 46"),
     ["tests/test_claims.py", "-k", "04_four"]),
    ("solution 1.2: flag above the 3rd quartile", "the solution of an exercise",
     both(LESSON_01, "income > q3 + 3 * (q3 - q1)", "income > q3"),
     [*NBVAL, LESSON_01 + ".ipynb"]),
    ("KMeansScratch: no last assignment", "a helper's rule",
     [(KMEANS, "    if not converged:\n", "    if False:\n")],
     ["tests/test_kmeans.py"]),
    ("check_env: same major is close enough", "a helper's rule",
     [("course_utils/check_env.py", '.split(".")[:2] ==', '.split(".")[:1] ==')],
     ["tests/test_environment.py"]),
    ("quiz: the silhouette key is 0.87", "a computed quiz key",
     [("course_utils/quiz_bank.yaml", 'text: "0.78"\n      value: 0.78',
       'text: "0.87"\n      value: 0.87')],
     ["tests/test_quiz.py", "-k", "computed"]),
    ("plan: lesson 3 cuts the knee it uses later", "a workshop's skip path",
     [("appendix/workshop_plan.yaml", 'cuts: ["Explore K on the customers",',
       'cuts: ["The knee, found automatically", "Explore K on the customers",')],
     ["tests/test_instructors_guide.py", "-k", "needs_nothing and 3"]),
    ("student edition: a cell needs a solution's q1", "a student edition's skip path",
     [(LESSON_01 + ".ipynb", 'exercise(\\"1.3\\").hint()', 'exercise(\\"1.3\\").hint(q1)')],
     ["tests/test_student_edition.py", "-k", "is_needed and 01"]),
    ("quiz: objective 0 accepted", "an input rule",
     [("course_utils/quiz.py", 'raw["objective"] >= 1', 'raw["objective"] >= 0')],
     ["tests/test_bad_inputs.py", "-k", "rule"]),
]  # fmt: skip


def scratch_copy() -> Path:
    """A copy of the working tree (no .git, .venv, _build or node_modules)."""
    target = Path(tempfile.mkdtemp(prefix="mutate-")) / "course"
    ignore = shutil.ignore_patterns(
        ".git", ".venv*", "_build", "node_modules", "__pycache__", ".pytest_cache",
        ".hypothesis", "*.egg-info",
    )  # fmt: skip
    shutil.copytree(ROOT, target, ignore=ignore)
    return target


def run_tests(copy: Path, args: list[str]) -> bool:
    """Run pytest on ``args`` in ``copy`` (its own course_utils first); True if it passed."""
    env = {**os.environ, "PYTHONPATH": str(copy), "OMP_NUM_THREADS": "1"}
    env.pop("MPLBACKEND", None)
    command = [
        sys.executable,
        "-m",
        "pytest",
        "-q",
        "-x",
        "-p",
        "no:cacheprovider",
        *args,
    ]
    result = subprocess.run(
        command, cwd=copy, env=env, capture_output=True, check=False
    )
    return result.returncode == 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-k", default="", help="run the cases whose name contains this")
    cases = [case for case in CASES if parser.parse_args(argv).k in case[0]]
    copy = scratch_copy()
    try:
        check = subprocess.run(
            [sys.executable, "-c", "import course_utils; print(course_utils.__file__)"],
            cwd=copy, env={**os.environ, "PYTHONPATH": str(copy)}, capture_output=True,
            text=True, check=True,
        )  # fmt: skip
        assert Path(check.stdout.strip()).is_relative_to(copy), "the copy's package"
        files = [a for *_, args in cases for a in args if a.endswith((".py", ".ipynb"))]
        nbval = NBVAL if any(NBVAL[0] in args for *_, args in cases) else []
        if not run_tests(copy, [*nbval, *dict.fromkeys(files)]):
            print("The tests fail on the unchanged copy: fix them before mutating.")
            return 1
        rows = [run_case(copy, case) for case in cases]
    finally:
        shutil.rmtree(copy.parent, ignore_errors=True)
    width = max(len(name) for name, *_ in rows)
    print(f"{'case':<{width}}  {'kind':<42} result     seconds")
    for name, kind, result, seconds in rows:
        print(f"{name:<{width}}  {kind:<42} {result:<10} {seconds:5.1f}")
    bad = [row for row in rows if row[2] != "killed"]
    print(f"{len(rows) - len(bad)} of {len(rows)} mutants killed")
    return int(bool(bad))


def run_case(copy: Path, case) -> tuple[str, str, str, float]:
    """Apply one mutant, run its tests, restore the files; (name, kind, result, seconds)."""
    name, kind, edits, args = case
    originals = {}
    start = time.perf_counter()
    try:
        for file, old, new in edits:
            path = copy / file
            text = originals.setdefault(path, path.read_text(encoding="utf-8"))
            current = path.read_text(encoding="utf-8")
            if old not in current:
                return name, kind, "OUT OF DATE", 0.0
            path.write_text(current.replace(old, new), encoding="utf-8")
            assert text != path.read_text(encoding="utf-8")
        killed = not run_tests(copy, args)
    finally:
        for path, text in originals.items():
            path.write_text(text, encoding="utf-8")
    return name, kind, "killed" if killed else "SURVIVED", time.perf_counter() - start


if __name__ == "__main__":
    sys.exit(main())
