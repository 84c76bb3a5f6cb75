"""Every exercise, from what its check declares (``@checks`` in exercise_checks/): the model
answer passes, each wrong answer fails with its words, on the replica and the real file; the
lessons show a ✔ under each solution; CONTRIBUTING's recipe adds a working exercise."""

import re
from textwrap import dedent

import jupytext
import nbformat
import numpy as np
import pytest
from notebook_outputs import ROOT, cell_text

from course_utils import exercises, mall_loader
from course_utils.exercise_checks import lesson05, lesson07
from course_utils.exercises import check_of, exercise, lesson_exercises

EXERCISES = list(lesson_exercises())
#: The checks that read the mall file the lesson loads (lessons 05 and 07).
MALL_CHECKS = ("5.2", "7.1", "7.2")
#: A mall file that does not exist: the loader then falls back on the replica.
NO_FILE = ROOT / "data" / "no such file.csv"


def verdict(capsys, number, answer):
    """What ``check`` returns and says, as a learner would see it."""
    right = exercise(number).check(answer)
    return right, capsys.readouterr().out.strip()


def use_mall_file(path):
    """Make the checks load the mall file at ``path`` (their cached data made again)."""
    if mall_loader.ORIGINAL_PATH != path:
        mall_loader.ORIGINAL_PATH = path
        for cached in (lesson05._customers_5_2, lesson07._mall, lesson07._share_moves):
            cached.cache_clear()


@pytest.fixture(scope="module", autouse=True)
def replica():
    """The checks run on the replica, unless a test asks for the real file."""
    saved = mall_loader.ORIGINAL_PATH
    use_mall_file(NO_FILE)
    yield
    use_mall_file(saved)


@pytest.fixture
def real_file(real_csv):
    """The checks load the real mall file (conftest's ``real_csv``)."""
    use_mall_file(real_csv)
    yield real_csv
    use_mall_file(NO_FILE)


def assert_checked(capsys, number):
    """The model answer and each written another way pass; each typical wrong answer
    fails, naming its mistake."""
    right, said = verdict(capsys, number, check_of(number).model())
    assert right is True and said.startswith("✔ Right"), said
    for label, other in check_of(number).also_right.items():
        assert verdict(capsys, number, other())[0] is True, label
    for words, wrong in check_of(number).wrong.items():
        right, said = verdict(capsys, number, wrong())
        assert right is False and said.startswith("✘ ") and words in said, said


@pytest.mark.parametrize("number", MALL_CHECKS)
def test_the_mall_checks_hold_on_the_real_file_they_load(capsys, real_file, number):
    assert_checked(capsys, number)
    use_mall_file(NO_FILE)
    on_the_replica = check_of(number).model()
    use_mall_file(real_file)
    assert verdict(capsys, number, on_the_replica)[0] is False


def test_on_the_real_file_7_2s_written_answer_holds(real_file):
    """Its last sentence: "On the real mall file the middle segment's loss crosses the
    share limit too, and high income, low spend gains most, just ahead of the other"
    (the share limit as lesson 07 draws it: 99 % of 1,000 resamples' largest move)."""
    moves, labels = check_of("7.2").model(), lesson07._mall()[1][-1].labels_
    shares = np.bincount(labels) / len(labels)
    draws = np.random.default_rng(0).integers(0, len(labels), (1000, len(labels)))
    counts = np.array([np.bincount(labels[d], minlength=5) for d in draws])
    shift = np.abs(counts / len(labels) - shares).max(axis=1)
    assert moves.idxmin() == "middle income, middle spend"
    assert -moves.min() > np.quantile(shift, 0.99)
    assert moves.idxmax() == "high income, low spend"
    assert 0 < moves.max() - moves["low income, low spend"] <= 0.005 + 1e-9


@pytest.mark.parametrize("answer", ["two", None, 3.5, [[1, 2], [3]], ...])
def test_an_answer_of_the_wrong_kind_gets_words(capsys, answer):
    for number in EXERCISES:
        right, said = verdict(capsys, number, answer)
        assert right is False and said.startswith("✘ "), (number, said)
        wanted = check_of(number).wanted
        assert said.endswith(f"{wanted}.") or "Cannot" not in said, (number, said)


def test_hints_one_at_a_time_unknown_exercises_and_checks_bugs(capsys, monkeypatch):
    hints = check_of("1.1").hints  # each exercise counts its own
    for i, hint in enumerate(hints, start=1):
        exercise("1.1").hint()  # a new object each time, as in the lesson's cell
        said = capsys.readouterr().out.strip()
        assert said == f"**Hint {i} of {len(hints)}.** {hint}"
    exercise("1.1").hint()
    assert capsys.readouterr().out.startswith("No more hints")
    exercise("1.2").hint()
    assert capsys.readouterr().out.startswith("**Hint 1 of")
    with pytest.raises(ValueError, match=r"no exercise '1\.9'; there are .*1\.1, 1\.2"):
        exercise("1.9")

    check_of("0.1")  # lesson 0's checks registered first, then one replaced by a bug:
    buggy = exercises.Check({}.__getitem__, (), None, {})  # any answer: a KeyError
    monkeypatch.setitem(exercises.CHECKS, "0.1", buggy)
    with pytest.raises(KeyError, match="4"):
        exercise("0.1").check(4)


def test_exercise_cells_follow_the_headings():
    cells = [
        ("markdown", ["## Exercises\n", "### Exercise 4.2 — Two"]),
        ("code", "x = 1"),
        ("markdown", "#### Not a section\n"),
        ("code", "y = 2"),
        ("markdown", "## Key takeaways"),
    ]
    cells = [{"cell_type": kind, "source": source} for kind, source in cells]
    found = [number for number, _ in exercises.exercise_cells(cells)]
    assert found == ["4.2", "4.2", "4.2", "4.2", None]


def assert_complete(capsys, number):
    """Checked; 2+ hints and 2+ wrong answers; a hint cell; solution cells that check the
    answer and answer the question in words (3+ comment lines); solution() shows them (and
    returns them)."""
    assert_checked(capsys, number)
    check, cells = check_of(number), lesson_exercises()[number]
    assert len(check.hints) >= 2 and len(check.wrong) >= 2, number
    assert any(f'exercise("{number}").hint()' in "".join(c["source"]) for c in cells)
    solutions = [c for c in cells if "solution" in c["metadata"].get("tags", [])]
    sources = ["".join(cell["source"]) for cell in solutions]
    text = "\n".join(sources)
    assert f'exercise("{number}").check(' in text, number
    assert sum(line.startswith("# ") for line in text.splitlines()) >= 3, number
    exercise(number).solution()
    shown = capsys.readouterr().out
    assert shown.startswith(f"**Model answer, exercise {number}**")
    assert shown.count("```python\n") == len(sources)
    assert all(f"```python\n{source}\n```" in shown for source in sources)
    return solutions


@pytest.mark.parametrize("number", EXERCISES)
def test_each_exercise_is_complete_and_passes_as_its_lesson_shows(capsys, number):
    """The committed solution cells (strict nbval re-creates them) show one ✔, the very
    verdict the check gives the model answer: the model is the solution's answer."""
    said = "\n".join(cell_text(cell) for cell in assert_complete(capsys, number))
    verdicts = [line for line in said.splitlines() if line[:2] in ("✔ ", "✘ ")]
    assert verdicts == [verdict(capsys, number, check_of(number).model())[1]]


def test_the_contributing_recipe_adds_an_exercise(capsys, monkeypatch, tmp_path):
    """The Python blocks of CONTRIBUTING.md's "Adding an exercise" section, its lesson
    cells and check, as written, make an exercise: registered, hinted, checked (model and
    wrong answers) and complete, in a copy of the lessons."""
    text = (ROOT / "CONTRIBUTING.md").read_text("utf-8")
    section = text.split("## Adding an exercise")[1].split("\n## ")[0]
    cells, check = map(dedent, re.findall(r"```python\n(.*?)```", section, re.S))
    number = re.search(r"### Exercise (\d+\.\d+)", cells)[1]
    lesson = jupytext.reads(cells, fmt="py:percent")
    nbformat.write(lesson, tmp_path / f"{number.split('.')[0].zfill(2)}_toy.ipynb")
    monkeypatch.setattr(exercises, "NOTEBOOKS", tmp_path)
    monkeypatch.setattr(exercises, "CHECKS", dict(exercises.CHECKS))
    lesson_exercises.cache_clear()
    try:
        exec(compile(check, "CONTRIBUTING.md", "exec"), {"__name__": "recipe"})
        assert list(lesson_exercises()) == [number]
        exercise(number).hint()
        assert capsys.readouterr().out.startswith("**Hint 1 of 2.**")
        assert_complete(capsys, number)
    finally:
        lesson_exercises.cache_clear()
