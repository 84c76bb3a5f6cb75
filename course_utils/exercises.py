"""Exercises that check themselves: ``exercise("1.1").check(answer)``, ``.hint()``, ``.solution()``.

Lesson NN's exercises live in ``exercise_checks/lessonNN.yaml`` (the hints of each) and
``exercise_checks/lessonNN.py`` (the checks). A check is a function registered with
``@checks("N.M")``. It takes the learner's answer and recomputes the expected one from the
course data (so it works in the student edition too), calls ``require(condition, message)``
for each thing a right answer must be, and returns what to say when all hold. Its docstring
names the answer it takes. The model answer is the lesson's cell tagged ``solution``.
"""

import importlib
import json
import re
from functools import cache
from pathlib import Path

import numpy as np
import yaml
from IPython.core.interactiveshell import InteractiveShell
from IPython.display import display
from sklearn.metrics import adjusted_rand_score

CHECKS_DIR = Path(__file__).with_name("exercise_checks")
NOTEBOOKS = importlib.import_module("course_utils.paths").NOTEBOOKS  # the lessons
CHECKS = {}  # "N.M" -> its check
_hints_given = {}  # "N.M" -> how many hints the learner has seen


class Wrong(Exception):
    """The answer is wrong; the message says why (raised by :func:`require`)."""


def require(condition, message: str) -> None:
    """In a check: unless ``condition`` holds, the answer is wrong and ``message`` says why."""
    if not condition:
        raise Wrong(message)


def checks(number: str):
    """Decorator: register the function as the check of exercise ``number``."""

    def register(function):
        CHECKS[number] = function
        return function

    return register


@cache
def _hints() -> dict:
    """Every exercise of the course, "N.M" -> its hints, from the lessons' hint files."""
    hints = {}
    for path in sorted(CHECKS_DIR.glob("lesson*.yaml")):
        hints.update(yaml.safe_load(path.read_text("utf-8")))
    return hints


def _show(markdown: str, verdict: bool | None = None) -> bool | None:
    """Show Markdown (after ✔ or ✘ for a verdict) in a notebook, or print it elsewhere."""
    text = {True: "✔ ", False: "✘ ", None: ""}[verdict] + markdown
    if InteractiveShell.initialized():
        display({"text/markdown": text, "text/plain": text}, raw=True)
    else:
        print(text)
    return verdict


class exercise:  # lower case: it reads as a function, exercise("1.1").check(answer)
    """Exercise ``number`` ("N.M") of the course: ``check(answer)``, ``hint()``, ``solution()``."""

    def __init__(self, number: str):
        if number not in _hints():
            raise ValueError(f"no exercise {number!r}; there are {', '.join(_hints())}")
        self.number, self.call = number, f'exercise("{number}")'
        module = f"lesson{number.split('.')[0].zfill(2)}"
        if CHECKS_DIR.joinpath(f"{module}.py").exists():  # registers its checks
            importlib.import_module(f"course_utils.exercise_checks.{module}")

    def check(self, answer=...) -> bool:
        """Say whether ``answer`` is right (✔) or not (✘, and why); return True or False."""
        if (check := CHECKS.get(self.number)) is None:
            _show(f"This one has a written model answer: `{self.call}.solution()`.")
            return False
        wanted = " ".join(check.__doc__.split())
        try:
            require(answer is not ..., f"Not answered yet: {wanted}.")
            return _show(check(answer), verdict=True)
        except Wrong as wrong:
            return _show(str(wrong), verdict=False)
        except Exception:  # an answer of the wrong kind gets words, not a traceback
            kind = type(answer).__name__
            return _show(f"Cannot check an answer of type {kind}: {wanted}.", False)

    def hint(self) -> None:
        """Show the next hint: hint 1 on the first call, hint 2 on the next, and so on."""
        hints, given = _hints()[self.number], _hints_given.get(self.number, 0)
        _hints_given[self.number] = min(given + 1, len(hints))
        if given == len(hints):
            _show(f"No more hints: `{self.call}.solution()` shows the model answer.")
        else:
            _show(f"**Hint {given + 1} of {len(hints)}.** {hints[given]}")

    def solution(self) -> None:
        """Show the model answer: this exercise's cells tagged ``solution`` in its lesson."""
        cells, current = [], None
        for path in NOTEBOOKS.glob(f"{self.number.split('.')[0].zfill(2)}_*.ipynb"):
            # plain JSON: nbformat would validate the notebook, which takes a second or two
            for cell in json.loads(path.read_text("utf-8"))["cells"]:
                source = "".join(cell["source"])
                text = source if cell["cell_type"] == "markdown" else ""
                for heading in re.findall("^#{1,3} .*", text, re.MULTILINE):
                    current = heading.removeprefix("### Exercise ").split(" ")[0]
                tags = cell["metadata"].get("tags", [])
                if current == self.number and "solution" in tags:
                    cells.append(f"```python\n{source}\n```")
        if not cells:
            _show("Solutions are not part of this edition: ask your instructor.")
        else:
            _show(f"**Model answer, exercise {self.number}**\n\n" + "\n\n".join(cells))


def same_grouping(labels, other) -> bool:
    """Whether two clusterings group the points alike, whatever numbers they give them."""
    return adjusted_rand_score(labels, other) > 1 - 1e-9


def require_labels(answer, expected) -> np.ndarray:
    """In a check: the labels of ``answer`` (labels or a fitted model), shaped as expected."""
    labels = np.asarray(getattr(answer, "labels_", answer))
    n, k = len(expected), len(np.unique(expected))
    require(
        labels.shape == (n,), f"Expected {n} labels, one per point: not {labels.shape}."
    )
    found = len(np.unique(labels))
    require(found == k, f"Expected {k} clusters; your labels make {found}.")
    return labels
