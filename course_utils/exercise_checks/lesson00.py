"""The checks of lesson 00's exercises (a first look at the customers)."""

from course_utils.datasets import AGE, INCOME, SEGMENT, make_age_income_customers
from course_utils.exercises import checks, require


@checks("0.1")
def _check_0_1(answer):
    """give the number of true segments, counted with pandas"""
    segments = make_age_income_customers(random_state=42)[SEGMENT]
    n, given = segments.nunique(), int(answer)
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


@checks("0.2")
def _check_0_2(answer):
    """give the factor: income's range divided by age's range (a number)"""
    X = make_age_income_customers(random_state=42)[[AGE, INCOME]]
    ranges = X.max() - X.min()
    factor, given = ranges[INCOME] / ranges[AGE], float(answer)
    close = lambda value: abs(given / value - 1) < 0.01  # noqa: E731 (rounding is fine)
    require(not close(1 / factor), "That is age's range over income's: flip the ratio.")
    require(
        not close(factor / 1000),
        "That uses income in thousands (`in_k`): use "
        "the customers' income in dollars, as the distances will.",
    )
    require(
        not close(X.max()[INCOME] / X.max()[AGE]),
        "That divides the maxima: a range is the maximum *minus* the minimum.",
    )
    require(
        not close(X.std()[INCOME] / X.std()[AGE]),
        "That compares standard deviations: the task asks for ranges (max − min).",
    )
    require(
        close(factor),
        "Not the ratio of the ranges: (max − min) of income "
        "divided by (max − min) of age.",
    )
    return f"Right: income's range is about {factor:,.0f} times age's."
