"""Exercises that check themselves: ``exercise("1.1").check(answer)``, ``.hint()``, ``.solution()``.

A check is a function registered with ``@checks("N.M")``. It takes the learner's answer and
recomputes the expected one from the course data (so it works in the student edition too),
calls ``require(condition, message)`` for each thing a right answer must be, and returns what
to say when all hold. Its docstring names the answer it takes. The hints are in
``exercises.yaml``; the model answer is the lesson's cell tagged ``solution``, written once.
"""

import re
from functools import cache
from pathlib import Path

import nbformat
import numpy as np
import pandas as pd
import yaml
from IPython.core.interactiveshell import InteractiveShell
from IPython.display import display
from sklearn.cluster import KMeans
from sklearn.metrics import adjusted_rand_score
from sklearn.preprocessing import StandardScaler

from course_utils.datasets import AGE, INCOME, make_age_income_customers

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"
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
    return yaml.safe_load(Path(__file__).with_name("exercises.yaml").read_text("utf-8"))


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
            for cell in nbformat.read(path, as_version=4).cells:
                text = cell.source if cell.cell_type == "markdown" else ""
                for heading in re.findall("^#{1,3} .*", text, re.MULTILINE):
                    current = heading.removeprefix("### Exercise ").split(" ")[0]
                tags = cell.metadata.get("tags", [])
                if current == self.number and "solution" in tags:
                    cells.append(f"```python\n{cell.source}\n```")
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


# Lesson 01 ------------------------------------------------------------------------------
KMEANS_01 = {"n_clusters": 4, "random_state": 0, "n_init": 10}


@cache
def _lesson01():
    """The lesson's age and income, and the random gender it gives the customers."""
    customers = make_age_income_customers(random_state=42)
    gender = np.random.default_rng(0).choice(["Female", "Male"], size=len(customers))
    return customers[[AGE, INCOME]].to_numpy(), pd.Series(gender)


def _fit01(*columns):
    return KMeans(**KMEANS_01).fit_predict(np.column_stack(columns))


def _n_single(labels, gender) -> int:
    return (pd.crosstab(labels, gender.to_numpy()) == 0).any(axis=1).sum()


@checks("1.1")
def _check_1_1(answer):
    """give your K-Means labels, one per customer (or the fitted KMeans)"""
    X, gender = _lesson01()
    X_std, one_hot = StandardScaler().fit_transform(X), pd.get_dummies(gender)
    expected = _fit01(X_std, one_hot)
    labels = require_labels(answer, expected)
    if not same_grouping(labels, expected):
        X_gender = StandardScaler().fit_transform(np.column_stack([X, one_hot.Male]))
        for wrong_data, why in [
            ([X, one_hot], "This looks like the unscaled result: use `X_std`."),
            ([X_gender], "This is the scaled gender column: use unscaled one-hot."),
            ([X_std], "These clusters leave gender out: add the one-hot columns."),
        ]:
            require(not same_grouping(labels, _fit01(*wrong_data)), why)
        require(False, "Not the model answer's clusters: check the features and K.")
    return f"Right: {_n_single(expected, gender)} of the 4 clusters are single-gender."


@checks("1.2")
def _check_1_2(answer):
    """give `flagged`, one True/False per customer of `with_millionaire`"""
    income = pd.Series([*_lesson01()[0][:, 1], 1_000_000])
    q1, q3 = income.quantile([0.25, 0.75])
    expected, flagged = (income > q3 + 3 * (q3 - q1)).to_numpy(), np.asarray(answer)
    n = f"{len(income)} True/False values (one per customer of `with_millionaire`)"
    require(
        flagged.shape == expected.shape, f"Expected {n}; got shape {flagged.shape}."
    )
    require(flagged.dtype == bool, f"Expected {n}, such as `income > limit`.")
    require(any(flagged != ~expected), "You flagged the customers to *keep*: flip it.")
    missed, extra = (expected & ~flagged).sum(), (flagged & ~expected).sum()
    require(
        missed == extra == 0,
        f"You missed {missed} customer(s) the rule flags and "
        f"flagged {extra} it does not: the limit is q3 + 3 × (q3 − q1).",
    )
    return f"Right: the rule flags {expected.sum()} customer, the millionaire."


@checks("1.3")
def _check_1_3(answer):
    """give the number of single-gender clusters for each weight, as a dict or Series
    {1: ..., 0.75: ..., 0.5: ..., 0.25: ...}"""
    X, gender = _lesson01()
    X_gender = StandardScaler().fit_transform(np.column_stack([X, gender == "Male"]))
    weights = (1, 0.75, 0.5, 0.25)
    expected = {w: _n_single(_fit01(X_gender * [1, 1, w]), gender) for w in weights}
    given = {float(w): int(n) for w, n in dict(answer).items()}
    require(set(weights) <= set(given), f"Give a count for each weight {weights}.")
    mixed = {w: KMEANS_01["n_clusters"] - n for w, n in expected.items()}
    require(
        any(given[w] != mixed[w] for w in weights),
        "These count the *mixed* "
        "clusters; single-gender ones have a zero in their crosstab row.",
    )
    require(
        len({given[w] for w in weights}) > 1 or expected[1] != given[0.25],
        "Multiplying *every* column by w changes nothing: weigh gender only.",
    )
    wrong = [w for w in weights if given[w] != expected[w]]
    require(not wrong, f"Not the expected count for the weight(s) {wrong}.")
    first = next(w for w in weights if expected[w] == 0)
    return f"Right: gender stops splitting the clusters at a weight of {first}."
