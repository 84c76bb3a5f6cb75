"""The student edition: no solution survives, every exercise is there, every lesson still runs."""

import subprocess
import sys
from pathlib import Path

import jupytext
import nbformat
import pytest
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))

from make_student_edition import SOLUTION_TAG, strip_solutions  # noqa: E402

LESSONS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))


@pytest.fixture(scope="module")
def edition(tmp_path_factory):
    out = tmp_path_factory.mktemp("student") / "edition"
    result = subprocess.run(
        [sys.executable, "tools/make_student_edition.py", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return out


def solution_lines(notebook) -> set[str]:
    """Lines that only solutions contain (so finding one in the edition is a leak)."""
    solution, other = set(), set()
    for cell in notebook.cells:
        lines = {
            line.strip() for line in cell.source.splitlines() if len(line.strip()) > 12
        }
        (solution if SOLUTION_TAG in cell.metadata.get("tags", []) else other).update(
            lines
        )
    return solution - other


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda p: p.stem)
def test_no_solution_survives_and_every_exercise_is_there(edition, lesson):
    original = jupytext.read(lesson)
    student = nbformat.read(edition / "notebooks" / lesson.name, as_version=4)
    n_solutions = sum(
        SOLUTION_TAG in c.metadata.get("tags", []) for c in original.cells
    )
    assert n_solutions >= 2, (
        f"{lesson.name}: a lesson needs 2+ exercises with solutions"
    )
    assert not any(SOLUTION_TAG in c.metadata.get("tags", []) for c in student.cells)
    text = "\n".join(cell.source for cell in student.cells)
    student_lines = {line.strip() for line in text.splitlines()}
    leaked = sorted(solution_lines(original) & student_lines)
    assert leaked == [], (
        f"{lesson.name}: solution text left in the student edition: {leaked}"
    )
    exercises = [
        line.split("—")[0].removeprefix("### Exercise").strip()
        for cell in original.cells
        if cell.cell_type == "markdown"
        for line in cell.source.splitlines()
        if line.startswith("### Exercise")
    ]
    assert len(exercises) >= 2
    for number in exercises:
        assert f"### Exercise {number}" in text, (
            f"{lesson.name}: exercise {number} missing"
        )
        assert f"# Exercise {number} — write your answer here" in text


@pytest.mark.slow
@pytest.mark.parametrize("lesson", LESSONS, ids=lambda p: p.stem)
def test_student_lesson_runs_top_to_bottom(edition, lesson):
    notebook = nbformat.read(edition / "notebooks" / lesson.name, as_version=4)
    NotebookClient(
        notebook,
        timeout=300,
        kernel_name="python3",
        resources={"metadata": {"path": str(edition / "notebooks")}},
    ).execute()


def test_student_edition_is_not_written_over_the_lessons():
    result = subprocess.run(
        [sys.executable, "tools/make_student_edition.py", "notebooks"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2 and "refusing" in result.stderr


def test_strip_solutions_needs_an_exercise_heading():
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [
        nbformat.v4.new_code_cell("x = 1", metadata={"tags": [SOLUTION_TAG]})
    ]
    with pytest.raises(ValueError, match="before any '### Exercise N.M' heading"):
        strip_solutions(notebook)
