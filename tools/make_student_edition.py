"""Write the student edition: every lesson without its solutions, under _build/student/.

Usage: ``python tools/make_student_edition.py [OUTPUT_DIR]`` (default ``_build/student``).

Each lesson's notebook is copied without outputs; every cell tagged ``solution`` is replaced
by a code cell holding only a short prompt ("# Exercise N.M — your answer here"). Nothing is
written over ``notebooks/``. The course helpers and data are copied beside the lessons so the
edition can be zipped and handed out as is.
"""

from __future__ import annotations

import copy
import shutil
import sys
from pathlib import Path

import jupytext
import nbformat

from course_utils.exercises import exercise_cells
from course_utils.mall import ORIGINAL_PATH

ROOT = Path(__file__).resolve().parents[1]
#: The cell tag that marks an exercise's solution.
SOLUTION_TAG = "solution"

STUDENT_README = """# Customer Segmentation with Clustering — student edition

The lessons in `notebooks/` have their exercise solutions removed: each exercise leaves an
empty cell for your answer. Set up once, with Python 3.11:

    python3.11 -m venv .venv
    .venv/bin/pip install -r requirements-lock.txt
    .venv/bin/pip install --no-deps -e .
    .venv/bin/jupyter lab notebooks

(or `conda env create -f environment.yml`). Then check your set-up:
`.venv/bin/python -m course_utils.check_env`.
"""


def strip_solutions(notebook):
    """Return a copy of a notebook with every solution cell replaced by a prompt cell.

    Parameters
    ----------
    notebook : nbformat.NotebookNode
        A lesson, e.g. from ``jupytext.read``: every solution cell is in an exercise,
        under its ``### Exercise N.M — Title`` heading (as ``exercise_cells`` reads it).

    Returns
    -------
    nbformat.NotebookNode
        The same cells without outputs, where each cell tagged ``solution`` became a code
        cell reading ``# Exercise N.M — write your answer here`` (N.M from the exercise
        heading above it).

    Raises
    ------
    ValueError
        If a solution cell is not in an exercise (under its heading).
    """
    student = copy.deepcopy(notebook)
    cells = []
    for exercise, cell in exercise_cells(student.cells):
        tags = cell.get("metadata", {}).get("tags", [])
        if SOLUTION_TAG in tags:
            if exercise is None:
                raise ValueError(
                    "a solution cell is not under an '### Exercise N.M — Title' heading"
                )
            cells.append(
                nbformat.v4.new_code_cell(
                    f"# Exercise {exercise} — write your answer here\n"
                )
            )
            continue
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
        cells.append(cell)
    student.cells = cells
    for index, cell in enumerate(student.cells):
        cell.id = f"cell-{index:03d}"
    return student


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else ROOT / "_build" / "student"
    if out.resolve() == (ROOT / "notebooks").resolve():
        print("refusing to write the student edition over notebooks/", file=sys.stderr)
        return 2
    if out.exists():
        shutil.rmtree(out)
    (out / "notebooks").mkdir(parents=True)
    for source in sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")):
        notebook = strip_solutions(jupytext.read(source))
        nbformat.write(notebook, out / "notebooks" / source.name)
        print(f"{source.name}: student edition written")
    shutil.copytree(
        ROOT / "course_utils",
        out / "course_utils",
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    shutil.copytree(
        ROOT / "data", out / "data", ignore=shutil.ignore_patterns(ORIGINAL_PATH.name)
    )
    for name in (
        "environment.yml",
        "requirements-lock.txt",
        "pyproject.toml",
        "LICENSE",
        "LICENSE-CONTENT.md",
    ):
        shutil.copy2(ROOT / name, out / name)
    (out / "README.md").write_text(STUDENT_README, encoding="utf-8")
    print(f"Student edition: {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
