"""The exercise machinery, for every exercise of the course: hints come one at a time,
solution() shows the lesson's solution cells, the executed lessons show a ✔ under each model
answer (the student edition's checks are tested in ``test_student_edition.py``). Each lesson's
checks are tested in ``tests/test_exercises_NN.py`` (see ``exercise_testing.py``).
"""

from __future__ import annotations

import importlib
from functools import cache
from pathlib import Path

import jupytext
import nbformat
import pytest
from exercise_testing import verdict
from notebook_outputs import printed_text

from course_utils import exercises
from course_utils.exercises import exercise

ROOT = Path(__file__).resolve().parents[1]
EXERCISES = list(exercises._hints())  # every exercise of the course has hints
for _number in EXERCISES:
    exercise(_number)  # registers the lesson's checks


def test_every_check_is_tested_with_its_model_answer_and_two_wrong_ones():
    for number in exercises.CHECKS:
        tests = importlib.import_module(
            f"test_exercises_{number.split('.')[0].zfill(2)}"
        )
        assert number in tests.MODEL_ANSWERS, number
        assert sum(n == number for n, _, _ in tests.WRONG_ANSWERS) >= 2, number


@pytest.mark.parametrize("answer", ["two", None, 3.5, [[1, 2], [3]]])
def test_an_answer_of_the_wrong_kind_gets_words_not_a_traceback(capsys, answer):
    for number in exercises.CHECKS:
        right, said = verdict(capsys, number, answer)
        assert right is False
        assert said.startswith("✘ ") and "Traceback" not in said


def test_no_answer_yet(capsys):
    right, said = verdict(capsys, "1.1", ...)
    assert right is False
    assert said.startswith("✘ Not answered yet: give your K-Means labels")


def test_an_exercise_without_a_check_points_to_its_written_answer(capsys, monkeypatch):
    monkeypatch.delitem(exercises.CHECKS, "1.2")
    right, said = verdict(capsys, "1.2", [True])
    assert right is False
    assert 'written model answer: `exercise("1.2").solution()`' in said


def test_an_unknown_exercise_names_the_known_ones():
    with pytest.raises(ValueError, match=r"no exercise '1\.9'; there are .*1\.1, 1\.2"):
        exercise("1.9")


def test_hints_are_graded(capsys):
    hints = exercises._hints()["1.1"]
    assert len(hints) >= 2
    shown = []
    for _ in range(len(hints) + 1):
        exercise("1.1").hint()  # a new object each time, as in the lesson's cell
        shown.append(capsys.readouterr().out.strip())
    for i, hint in enumerate(hints, start=1):
        assert shown[i - 1] == f"**Hint {i} of {len(hints)}.** {hint}"
    assert shown[-1].startswith("No more hints")
    exercise("1.2").hint()
    assert capsys.readouterr().out.startswith("**Hint 1 of"), (
        "each exercise counts alone"
    )


def lesson_script(number: str) -> Path:
    (path,) = (ROOT / "notebooks").glob(f"{number.split('.')[0].zfill(2)}_*.py")
    return path


@cache
def solution_cells(number: str) -> list[str]:
    """The sources of the cells tagged solution under '### Exercise <number>'."""
    current, found = None, []
    for cell in jupytext.read(lesson_script(number)).cells:
        if cell.cell_type == "markdown" and "### Exercise" in cell.source:
            current = cell.source.split("### Exercise ")[-1].split(" ")[0]
        if current == number and "solution" in cell.metadata.get("tags", []):
            found.append(cell.source)
    return found


@pytest.mark.parametrize("number", EXERCISES)
def test_solution_shows_the_lessons_solution_cells_and_no_other(capsys, number):
    exercise(number).solution()
    shown = capsys.readouterr().out
    cells = solution_cells(number)
    assert cells, f"exercise {number}: no solution cell in {lesson_script(number).name}"
    assert shown.startswith(f"**Model answer, exercise {number}**")
    for cell in cells:
        assert f"```python\n{cell}\n```" in shown
    for other in set(EXERCISES) - {number}:
        for cell in solution_cells(other):
            assert cell not in shown


@pytest.mark.parametrize("number", EXERCISES)
def test_every_exercise_has_hints_a_hint_cell_a_check_and_a_written_answer(number):
    """Each exercise has 2+ hints and a hint cell; its solution checks the model answer
    (every exercise's answer is checkable) and answers its question in words, as comments
    of 3+ lines."""
    assert len(exercises._hints()[number]) >= 2
    lesson = jupytext.read(lesson_script(number))
    assert any(f'exercise("{number}").hint()' in c.source for c in lesson.cells)
    text = "\n".join(solution_cells(number))
    assert number in exercises.CHECKS, f"{number} has no check"
    assert f'exercise("{number}").check(' in text
    written = [line for line in text.splitlines() if line.startswith("# ")]
    assert len(written) >= 3, f"{number}: no written answer to its question"


@pytest.mark.parametrize(
    "lesson",
    sorted({lesson_script(n).with_suffix(".ipynb") for n in EXERCISES}),
    ids=lambda path: path.stem,
)
def test_the_executed_lesson_shows_a_tick_under_each_model_answer(lesson):
    """The committed outputs (which strict nbval re-creates) hold one ✔ per checked
    exercise of the lesson and no ✘: every check passes its model answer."""
    printed = printed_text(nbformat.read(lesson, as_version=4))
    verdicts = [line for line in printed.splitlines() if line[:2] in ("✔ ", "✘ ")]
    checked = [n for n in exercises.CHECKS if lesson_script(n).stem == lesson.stem]
    assert len(verdicts) == len(checked)
    assert all(line.startswith("✔ Right") for line in verdicts), verdicts
