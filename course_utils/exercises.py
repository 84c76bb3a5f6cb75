"""Exercises that check themselves: ``exercise("1.1").check(answer)``, ``.hint()``, ``.solution()``.

An exercise is two things: its cells in lesson NN (a ``### Exercise N.M — Title`` heading, a
hint cell, cells tagged ``solution``) and its check in ``exercise_checks/lessonNN.py``, a
function registered with ``@checks("N.M", hints=..., model=..., wrong=...)``. The check takes
the learner's answer, recomputes the expected one from the course data (so it works in the
student edition too), calls ``require(condition, message)`` for each thing a right answer
must be, and returns what to say when all hold. Its docstring names the answer it takes.
:func:`exercise_cells` is the one reader of the lessons' exercise headings.
"""

import importlib
import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache

import numpy as np
from IPython.core.interactiveshell import InteractiveShell
from IPython.display import display
from sklearn.metrics import adjusted_rand_score

from course_utils.paths import NOTEBOOKS

#: An exercise's heading in a lesson's markdown: its number "N.M" and its title.
EXERCISE_HEADING = re.compile(r"^### Exercise (\d+\.\d+) — (.+)$", re.MULTILINE)
_HEADING = re.compile(r"^#{1,3} .*$", re.MULTILINE)  # a heading that ends an exercise
_hints_given = {}  # "N.M" -> how many hints the learner has seen


class Wrong(Exception):
    """The answer is wrong; the message says why (raised by :func:`require`)."""


class WrongKind(Wrong):
    """The answer is not of the kind the check takes (raised by :func:`read`)."""


@dataclass(frozen=True)
class Check:
    """A registered check: the ``function``, its ``hints`` (Markdown, in order), a
    ``model`` answer maker, the ``wrong`` answers' makers by the words their ✘ says, and
    makers of ``also_right`` answers (the answer written another way), by a label."""

    function: Callable
    hints: tuple[str, ...]
    model: Callable[[], object]
    wrong: dict[str, Callable[[], object]]
    also_right: dict[str, Callable[[], object]] = field(default_factory=dict)

    @property
    def wanted(self) -> str:
        """What answer the check takes (its docstring on one line)."""
        return " ".join(self.function.__doc__.split())


CHECKS: dict[str, Check] = {}  # "N.M" -> its check


def require(condition, message: str) -> None:
    """In a check: unless ``condition`` holds, the answer is wrong and ``message`` says why."""
    if not condition:
        raise Wrong(message)


def read(convert: Callable, answer):
    """In a check: ``convert(answer)`` (``float``, ``np.asarray``, ``pd.DataFrame``, ...).

    When ``convert`` raises TypeError or ValueError the answer is of the wrong kind, and the
    learner is told which answer the check takes (its docstring). Any other error raised in
    a check is a bug of the check and shows as one.
    """
    try:
        return convert(answer)
    except (TypeError, ValueError) as error:
        raise WrongKind(str(error)) from error


def checks(number: str, *, hints, model: Callable, wrong: dict, also_right=None):
    """Decorator: register the function as the check of exercise ``number`` ("N.M").

    Parameters
    ----------
    number : str
        The exercise, as its lesson's heading ``### Exercise N.M — Title`` numbers it.
    hints : sequence of str
        Two or three hints in Markdown, in the order ``hint()`` gives them: the first a
        nudge, the next naming the tool, never the answer.
    model : callable
        Takes nothing and returns the model answer, made the way the solution cell does.
    wrong : dict
        Typical wrong answers: {words the ✘ message must contain: a function taking nothing
        and returning the wrong answer}. The tests check each one fails with its words.
    also_right : dict, optional
        Other right answers ({label: a function taking nothing and returning one}), e.g.
        a fitted model instead of its labels: the tests check each one passes.
    """

    def register(function):
        right = dict(also_right or {})
        CHECKS[number] = Check(function, tuple(hints), model, dict(wrong), right)
        return function

    return register


def exercise_cells(cells: Iterable) -> Iterator[tuple[str | None, dict]]:
    """Pair each cell of a lesson with the exercise it belongs to.

    Parameters
    ----------
    cells : iterable of dict
        A notebook's cells (nbformat nodes or plain JSON dicts, ``source`` a str or a list).

    Yields
    ------
    (str or None, dict)
        The exercise "N.M" whose heading ``### Exercise N.M — Title`` is the last heading
        (of level 1 to 3) before or in the cell, or None, and the cell.
    """
    current = None
    for cell in cells:
        source = "".join(cell["source"])
        if cell["cell_type"] == "markdown":
            for heading in _HEADING.findall(source):
                found = EXERCISE_HEADING.match(heading)
                current = found[1] if found else None
        yield current, cell


def exercise_headings(markdown: str) -> list[tuple[str, str]]:
    """The ``(number, title)`` of every exercise heading in a lesson's ``markdown``."""
    return [(n, title.strip()) for n, title in EXERCISE_HEADING.findall(markdown)]


@cache
def lesson_exercises() -> dict[str, list[dict]]:
    """Every exercise of the course, "N.M" -> its cells, read from the executed lessons."""
    found = {}
    for path in sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb")):
        # plain JSON: nbformat would validate the notebook, which takes a second or two
        cells = json.loads(path.read_text("utf-8"))["cells"]
        for number, cell in exercise_cells(cells):
            if number is not None:
                found.setdefault(number, []).append(cell)
    return found


def _show(markdown: str, verdict: bool | None = None) -> bool | None:
    """Show Markdown (after ✔ or ✘ for a verdict) in a notebook, or print it elsewhere."""
    text = {True: "✔ ", False: "✘ ", None: ""}[verdict] + markdown
    if InteractiveShell.initialized():
        display({"text/markdown": text, "text/plain": text}, raw=True)
    else:
        print(text)
    return verdict


def check_of(number: str) -> Check:
    """The registered check of exercise ``number``, its lesson's module imported first."""
    module = f"lesson{number.split('.')[0].zfill(2)}"
    importlib.import_module(f"course_utils.exercise_checks.{module}")  # registers them
    if number not in CHECKS:
        raise LookupError(
            f"exercise {number} has no check: add one with @checks({number!r}, ...) "
            f"to course_utils/exercise_checks/{module}.py"
        )
    return CHECKS[number]


class exercise:  # lower case: it reads as a function, exercise("1.1").check(answer)
    """Exercise ``number`` ("N.M") of the course: ``check(answer)``, ``hint()``, ``solution()``."""

    def __init__(self, number: str):
        known = lesson_exercises()
        if number not in known:
            raise ValueError(f"no exercise {number!r}; there are {', '.join(known)}")
        self.number, self.call = number, f'exercise("{number}")'
        self._check = check_of(number)

    def check(self, answer=...) -> bool:
        """Say whether ``answer`` is right (✔) or not (✘, and why); return True or False.

        A check that fails for another reason than a wrong answer raises its error.
        """
        wanted = self._check.wanted
        try:
            require(answer is not ..., f"Not answered yet: {wanted}.")
            return _show(self._check.function(answer), verdict=True)
        except WrongKind:
            kind = type(answer).__name__
            return _show(f"Cannot check an answer of type {kind}: {wanted}.", False)
        except Wrong as wrong:
            return _show(str(wrong), verdict=False)

    def hint(self) -> None:
        """Show the next hint: hint 1 on the first call, hint 2 on the next, and so on."""
        hints, given = self._check.hints, _hints_given.get(self.number, 0)
        _hints_given[self.number] = min(given + 1, len(hints))
        if given == len(hints):
            _show(f"No more hints: `{self.call}.solution()` shows the model answer.")
        else:
            _show(f"**Hint {given + 1} of {len(hints)}.** {hints[given]}")

    def solution(self) -> None:
        """Show the model answer: this exercise's cells tagged ``solution`` in its lesson."""
        cells = [
            f"```python\n{''.join(cell['source'])}\n```"
            for cell in lesson_exercises()[self.number]
            if "solution" in cell["metadata"].get("tags", [])
        ]
        if not cells:
            _show("Solutions are not part of this edition: ask your instructor.")
        else:
            _show(f"**Model answer, exercise {self.number}**\n\n" + "\n\n".join(cells))


def same_grouping(labels, other) -> bool:
    """Whether two clusterings group the points alike, whatever numbers they give them."""
    return adjusted_rand_score(labels, other) > 1 - 1e-9


def require_labels(answer, expected) -> np.ndarray:
    """In a check: the labels of ``answer`` (labels or a fitted model), shaped as expected."""
    labels = read(np.asarray, getattr(answer, "labels_", answer))
    n, k = len(expected), len(np.unique(expected))
    require(
        labels.shape == (n,), f"Expected {n} labels, one per point: not {labels.shape}."
    )
    found = len(np.unique(labels))
    require(found == k, f"Expected {k} clusters; your labels make {found}.")
    return labels
