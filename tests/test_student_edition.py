"""The student edition: no solution survives, every exercise is there, every lesson still runs."""

import os
import subprocess
import sys
from pathlib import Path

import jupytext
import nbformat
import pytest
from def_use import needs_left_out
from make_student_edition import SOLUTION_TAG, main, strip_solutions
from nbclient import NotebookClient
from notebook_outputs import NOTEBOOKS
from test_instructors_guide import workshop_path

from course_utils.exercises import exercise_headings
from course_utils.lesson_info import markdown_text

LESSONS = sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))


@pytest.fixture(scope="module")
def edition(tmp_path_factory):
    out = tmp_path_factory.mktemp("student") / "edition"
    assert main([str(out)]) == 0
    return out


def solved(cell) -> bool:
    return SOLUTION_TAG in cell.metadata.get("tags", [])


def lines(cells) -> set[str]:
    return {line.strip() for cell in cells for line in cell.source.splitlines()}


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda p: p.stem)
def test_no_solution_survives_or_is_needed_and_every_exercise_is_there(edition, lesson):
    """No later cell uses what a solution sets (def_use.py): the edition strips them."""
    original = jupytext.read(lesson).cells
    code = [cell for cell in original if cell.cell_type == "code"]
    assert needs_left_out(code, lambda cell: not solved(cell)) == [], lesson.name
    student = nbformat.read(edition / "notebooks" / lesson.name, as_version=4).cells
    assert sum(map(solved, original)) >= 2, f"{lesson.name}: 2+ solutions needed"
    assert not any(map(solved, student))
    # lines (of 13+ characters) only solutions contain: finding one is a leak
    only = lines(filter(solved, original)) - lines(c for c in original if not solved(c))
    leaked = sorted(line for line in only & lines(student) if len(line) > 12)
    assert leaked == [], f"{lesson.name}: solution text in the edition: {leaked}"
    exercises = exercise_headings(markdown_text(lesson))
    text = "\n".join(cell.source for cell in student)
    assert len(exercises) >= 2
    for number, _ in exercises:
        assert f"### Exercise {number}" in text, f"{lesson.name}: {number} missing"
        assert f"# Exercise {number} — write your answer here" in text


@pytest.mark.slow
def test_lesson_1s_student_edition_runs_on_the_workshop_path(edition):
    """One executed path for both static proofs: the edition (no solutions) with the
    workshop's cuts removed and only its exercises (test_instructors_guide.py)."""
    notebook = nbformat.read(edition / "notebooks" / LESSONS[1].name, as_version=4)
    notebook.cells = workshop_path(1, notebook.cells)
    assert "# Exercise 1.1 — write" in "\n".join(cell.source for cell in notebook.cells)
    path = {"metadata": {"path": str(edition / "notebooks")}}
    NotebookClient(notebook, timeout=300, resources=path).execute()


def test_the_edition_refuses_bad_input_and_runs_its_own_checks(capsys, edition):
    assert main([str(NOTEBOOKS)]) == 2
    assert "refusing" in capsys.readouterr().err
    cell = nbformat.v4.new_code_cell("x = 1", metadata={"tags": [SOLUTION_TAG]})
    with pytest.raises(ValueError, match="not under an '### Exercise N.M — Title'"):
        strip_solutions(nbformat.v4.new_notebook(cells=[cell]))
    # the edition's own course_utils, next to its stripped lessons, runs the checks
    script = """
import course_utils
from course_utils.exercises import check_of, exercise
print(course_utils.__file__)
exercise("1.2").check(check_of("1.2").model())
exercise("1.2").check(check_of("1.2").wrong["the customers to *keep*"]())
exercise("1.1").solution()
"""
    env = {**os.environ, "PYTHONPATH": str(edition), "OMP_NUM_THREADS": "1"}
    run = [sys.executable, "-c", script]
    result = subprocess.run(run, cwd=edition, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    package, right, wrong, solution = result.stdout.strip().splitlines()
    assert Path(package).is_relative_to(edition), "the edition's own course_utils"
    assert right.startswith("✔ Right") and wrong.startswith("✘ ")
    assert solution == "Solutions are not part of this edition: ask your instructor."
