"""The checks of lesson 00's exercises (a first look at the customers)."""

from functools import cache

from course_utils.datasets import AGE, INCOME, SEGMENT, make_age_income_customers
from course_utils.exercises import checks, read, require
from course_utils.settings import DATA_SEED


@cache
def _customers():
    return make_age_income_customers(random_state=DATA_SEED)


def _segments():
    return _customers()[SEGMENT]


@checks(
    "0.1",
    hints=[
        "Write your guess down *before* you colour anything. Then draw the same "
        "scatter again, this time giving `cluster_scatter` the `segment` column as "
        'its second argument (and `label_names` so that the legend says "segment", '
        'not "cluster").',
        "Each customer's segment is a number in the `segment` column: how many "
        '*different* numbers are there? `customers["segment"].nunique()` counts '
        "them.",
    ],
    model=lambda: _segments().nunique(),
    wrong={
        "Off by one": lambda: _segments().max(),
        "That counts customers": lambda: _segments().count(),
        "size of one segment": lambda: _segments().value_counts().iloc[0],
        "whole number": lambda: 3.5,
        "distinct values": lambda: 5,
    },
)
def _check_0_1(answer):
    """give the number of true segments, counted with pandas"""
    segments = _segments()
    n, given = segments.nunique(), read(int, answer)
    require(given == answer, "Give a whole number: how many segments there are.")
    require(
        given != len(segments), "That counts customers: count the *distinct* values."
    )
    require(
        given != n - 1,
        "Off by one: the segments are numbered from 0, so the "
        "largest number is one less than how many there are.",
    )
    require(
        given not in segments.value_counts().values,
        "That is the size of one segment: count the segments, e.g. with `.nunique()`.",
    )
    require(given == n, "Not the number of distinct values of the `segment` column.")
    return f"Right: the data maker drew {n} segments of {len(segments) // n} customers."


def _ratio(X, of=lambda column: column.max() - column.min()):
    """Income's statistic over age's: the range by default."""
    return of(X[INCOME]) / of(X[AGE])


@checks(
    "0.2",
    hints=[
        "A range is the largest value minus the smallest: pandas gives both for "
        "every column at once with `.max()` and `.min()`.",
        "`ranges = customers[[AGE, INCOME]].max() - customers[[AGE, INCOME]].min()` "
        "holds both ranges; divide income's by age's (`ranges[INCOME] / "
        "ranges[AGE]`). Use income in dollars, not the `in_k` copy made for the "
        "plot.",
    ],
    model=lambda: _ratio(_customers()),
    wrong={
        "flip the ratio": lambda: 1 / _ratio(_customers()),
        "income in thousands": lambda: _ratio(_customers()[[AGE, INCOME]] / [1, 1000]),
        "divides the maxima": lambda: _ratio(_customers(), lambda c: c.max()),
        "standard deviations": lambda: _ratio(_customers(), lambda c: c.std()),
        "Not the ratio of the ranges": lambda: _ratio(_customers()) * 1.05,
    },
    also_right={"rounded": lambda: round(_ratio(_customers()), -1)},
)
def _check_0_2(answer):
    """give the factor: income's range divided by age's range (a number)"""
    X = _customers()[[AGE, INCOME]]
    factor, given = _ratio(X), read(float, answer)
    close = lambda value: abs(given / value - 1) < 0.01  # noqa: E731 (rounding is fine)
    require(not close(1 / factor), "That is age's range over income's: flip the ratio.")
    require(
        not close(factor / 1000),
        "That uses income in thousands (`in_k`): use "
        "the customers' income in dollars, as the distances will.",
    )
    require(
        not close(_ratio(X, lambda c: c.max())),
        "That divides the maxima: a range is the maximum *minus* the minimum.",
    )
    require(
        not close(_ratio(X, lambda c: c.std())),
        "That compares standard deviations: the task asks for ranges (max − min).",
    )
    require(
        close(factor),
        "Not the ratio of the ranges: (max − min) of income "
        "divided by (max − min) of age.",
    )
    return f"Right: income's range is about {factor:,.0f} times age's."
