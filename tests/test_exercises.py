"""Exercises that check themselves: each check passes the model answer and fails typical
wrong answers with the message meant for them; hints come one at a time; solution() shows
the lesson's solution cell, and says so in the student edition, where the checks still work.

The model answers here are made the way the lesson's solution cells make them (pandas,
OneHotEncoder), not the way the checks recompute them (NumPy, get_dummies).
"""

from __future__ import annotations

import os
import subprocess
import sys
from functools import cache
from pathlib import Path

import jupytext
import nbformat
import numpy as np
import pandas as pd
import pytest
from notebook_outputs import printed_text
from sklearn.cluster import KMeans
from sklearn.preprocessing import OneHotEncoder, StandardScaler

from course_utils import exercises
from course_utils.datasets import AGE, INCOME, make_age_income_customers
from course_utils.exercises import exercise

ROOT = Path(__file__).resolve().parents[1]
KMEANS = {"n_clusters": 4, "random_state": 0, "n_init": 10}


@pytest.fixture(autouse=True)
def fresh_hints(monkeypatch):
    """Every test starts as a learner who has seen no hint."""
    monkeypatch.setattr(exercises, "_hints_given", {})


@cache
def lesson01() -> dict:
    """What lesson 01 has made by its exercises: customers with a gender, scaled data."""
    customers = make_age_income_customers(random_state=42)
    rng = np.random.default_rng(0)
    customers["Gender"] = rng.choice(["Female", "Male"], size=len(customers))
    X_raw = customers[[AGE, INCOME]]
    X_std = StandardScaler().set_output(transform="pandas").fit_transform(X_raw)
    encoder = OneHotEncoder(sparse_output=False).set_output(transform="pandas")
    one_hot = encoder.fit_transform(customers[["Gender"]])
    X_gender = X_raw.assign(male=(customers["Gender"] == "Male").astype(int))
    X_gender_std = (
        StandardScaler().set_output(transform="pandas").fit_transform(X_gender)
    )
    millionaire = pd.DataFrame({AGE: [50.0], INCOME: [1_000_000.0]})
    with_millionaire = pd.concat([X_raw, millionaire], ignore_index=True)
    return {
        "customers": customers,
        "X_raw": X_raw,
        "X_std": X_std,
        "one_hot": one_hot,
        "X_gender_std": X_gender_std,
        "with_millionaire": with_millionaire,
    }


def fit(*frames, n_clusters=4):
    X = pd.concat([pd.DataFrame(np.asarray(f)) for f in frames], axis=1)
    return KMeans(**{**KMEANS, "n_clusters": n_clusters}).fit_predict(X.to_numpy())


def single_gender_counts(lesson, weights=(1, 0.75, 0.5, 0.25), every_column=False):
    counts = {}
    X = lesson["X_gender_std"]
    for w in weights:
        weighted = w * X if every_column else X.assign(male=w * X["male"])
        by_gender = pd.crosstab(fit(weighted), lesson["customers"]["Gender"])
        counts[w] = int((by_gender == 0).any(axis=1).sum())
    return counts


def outlier_flags(lesson, incomes=None, upper=True):
    income = lesson["with_millionaire"][INCOME] if incomes is None else incomes
    q1, q3 = income.quantile([0.25, 0.75])
    return income > q3 + 3 * (q3 - q1) if upper else income < q1 - 3 * (q3 - q1)


def verdict(capsys, number, answer):
    """What ``check`` returns and says, as a learner would see it."""
    right = exercise(number).check(answer)
    return right, capsys.readouterr().out.strip()


# each lesson's data, by lesson number: what its cells have made when the exercises start
LESSON_DATA = {"1": lesson01}


def answer_to(number, make_answer):
    return make_answer(LESSON_DATA[number.split(".")[0]]())


# the model answer of each exercise, made as the lesson's solution cell makes it
MODEL_ANSWERS = {
    "1.1": lambda lesson: fit(lesson["X_std"], lesson["one_hot"]),
    "1.2": outlier_flags,
    "1.3": single_gender_counts,
}


@pytest.mark.parametrize("number", sorted(MODEL_ANSWERS))
def test_the_model_answer_passes(capsys, number):
    right, said = verdict(capsys, number, answer_to(number, MODEL_ANSWERS[number]))
    assert right is True
    assert said.startswith("✔ Right")


def test_1_1_says_what_the_learner_got_right(capsys):
    lesson = lesson01()
    assert verdict(capsys, "1.1", fit(lesson["X_std"], lesson["one_hot"]))[1] == (
        "✔ Right: 2 of the 4 clusters are single-gender."
    )
    fitted = KMeans(**KMEANS).fit(
        pd.concat([lesson["X_std"], lesson["one_hot"]], axis=1)
    )
    assert verdict(capsys, "1.1", fitted)[0] is True, "a fitted KMeans is an answer too"


# typical wrong answers: (exercise, the wrong answer, words the message must contain)
WRONG_ANSWERS = [
    ("1.1", lambda d: fit(d["X_raw"], d["one_hot"]), "the unscaled result"),
    ("1.1", lambda d: fit(d["X_gender_std"]), "the scaled gender column"),
    ("1.1", lambda d: fit(d["X_std"]), "leave gender out"),
    (
        "1.1",
        lambda d: fit(d["X_std"], d["one_hot"], n_clusters=3),
        "Expected 4 clusters",
    ),
    ("1.1", lambda d: fit(d["X_std"], d["one_hot"])[None, :], "not (1, 300)"),
    ("1.1", lambda d: fit(d["X_std"], d["one_hot"])[1:], "Expected 300 labels"),
    ("1.2", lambda d: ~outlier_flags(d), "the customers to *keep*"),
    ("1.2", lambda d: outlier_flags(d, upper=False), "You missed 1 customer(s)"),
    ("1.2", lambda d: outlier_flags(d, d["X_raw"][INCOME]), "got shape (300,)"),
    ("1.2", lambda d: outlier_flags(d).astype(int), "True/False values"),
    (
        "1.3",
        lambda d: {w: 4 - n for w, n in single_gender_counts(d).items()},
        "*mixed*",
    ),
    ("1.3", lambda d: single_gender_counts(d, every_column=True), "*every* column"),
    ("1.3", lambda d: {**single_gender_counts(d), 0.5: 1}, "weight(s) [0.5]"),
    ("1.3", lambda d: {1: 4, 0.75: 4}, "a count for each weight"),
]


@pytest.mark.parametrize(
    ("number", "make_answer", "message"),
    WRONG_ANSWERS,
    ids=[f"{n}-{m}" for n, _, m in WRONG_ANSWERS],
)
def test_a_typical_wrong_answer_fails_with_its_message(
    capsys, number, make_answer, message
):
    right, said = verdict(capsys, number, answer_to(number, make_answer))
    assert right is False
    assert said.startswith("✘ ")
    assert message in said


def test_every_check_is_tested_with_its_model_answer_and_two_wrong_ones():
    for number in exercises.CHECKS:
        assert number in MODEL_ANSWERS
        assert sum(n == number for n, _, _ in WRONG_ANSWERS) >= 2, number


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
    with pytest.raises(ValueError, match=r"no exercise '1\.9'; there are 1\.1, 1\.2"):
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


EXERCISES = list(exercises._hints())  # every exercise of the course has hints


def lesson_script(number: str) -> Path:
    (path,) = (ROOT / "notebooks").glob(f"{number.split('.')[0].zfill(2)}_*.py")
    return path


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
def test_every_exercise_has_hints_a_hint_cell_and_a_check_or_a_written_answer(number):
    """Each exercise has 2+ hints and a hint cell; its solution checks the model answer,
    or (an open question) answers in words, as comments of 2+ lines."""
    assert len(exercises._hints()[number]) >= 2
    lesson = jupytext.read(lesson_script(number))
    assert any(f'exercise("{number}").hint()' in c.source for c in lesson.cells)
    text = "\n".join(solution_cells(number))
    if number in exercises.CHECKS:
        assert f'exercise("{number}").check(' in text
    else:
        written = [line for line in text.splitlines() if line.startswith("# ")]
        assert len(written) >= 2, f"{number}: no written answer to its question"


def test_lesson_01_answers_its_questions_in_words():
    """1.1 asks why, 1.2 whether, 1.3 what to report: each solution answers in words."""
    for number in ("1.1", "1.2", "1.3"):
        (cell,) = solution_cells(number)
        written = [line for line in cell.splitlines() if line.startswith("# ")]
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


@pytest.fixture(scope="module")
def edition(tmp_path_factory):
    out = tmp_path_factory.mktemp("student") / "edition"
    subprocess.run(
        [sys.executable, "tools/make_student_edition.py", str(out)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    return out


def test_in_the_student_edition_checks_work_and_solutions_are_not_included(edition):
    """The edition's own course_utils, next to its stripped lessons, runs the checks."""
    script = """
import course_utils, numpy as np, pandas as pd
from course_utils.exercises import exercise
print(course_utils.__file__)
income = pd.Series([*course_utils.exercises._lesson01()[0][:, 1], 1_000_000])
q1, q3 = income.quantile([0.25, 0.75])
exercise("1.2").check(income > q3 + 3 * (q3 - q1))
exercise("1.2").check(income < q1)
exercise("1.1").solution()
"""
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=edition,
        env={**os.environ, "PYTHONPATH": str(edition), "OMP_NUM_THREADS": "1"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    package, right, wrong, solution = result.stdout.strip().splitlines()
    assert Path(package).is_relative_to(edition), "the edition's own course_utils"
    assert right.startswith("✔ Right")
    assert wrong.startswith("✘ ")
    assert solution == "Solutions are not part of this edition: ask your instructor."
