"""Lesson 00's exercises: each check passes the model answer and fails typical wrong
answers with the message meant for them."""

from functools import cache

from exercise_testing import (  # noqa: F401 (the tests run here, with this lesson's cases)
    test_a_typical_wrong_answer_fails_with_its_message,
    test_the_model_answer_passes,
    verdict,
)

from course_utils.datasets import AGE, INCOME, make_age_income_customers


@cache
def LESSON() -> dict:  # noqa: N802 (what exercise_testing calls)
    """What lesson 00 has made by its exercises: the customers, incomes in k$ too."""
    customers = make_age_income_customers(random_state=42)
    return {"customers": customers, "in_k": customers[[AGE, INCOME]] / [1, 1000]}


def ratio(X, of=lambda column: column.max() - column.min()):
    """Income's statistic over age's: the range by default."""
    return of(X[INCOME]) / of(X[AGE])


MODEL_ANSWERS = {
    "0.1": lambda lesson: lesson["customers"]["segment"].nunique(),
    "0.2": lambda lesson: ratio(lesson["customers"]),
}

# typical wrong answers: (exercise, the wrong answer, words the message must contain)
WRONG_ANSWERS = [
    ("0.1", lambda d: d["customers"]["segment"].max(), "Off by one"),
    ("0.1", lambda d: d["customers"]["segment"].count(), "That counts customers"),
    ("0.1", lambda d: d["customers"]["segment"].value_counts()[0], "size of one"),
    ("0.1", lambda d: 3.5, "whole number"),
    ("0.1", lambda d: 5, "distinct values"),
    ("0.2", lambda d: 1 / ratio(d["customers"]), "flip the ratio"),
    ("0.2", lambda d: ratio(d["in_k"]), "income in thousands"),
    ("0.2", lambda d: ratio(d["customers"], lambda c: c.max()), "divides the maxima"),
    ("0.2", lambda d: ratio(d["customers"], lambda c: c.std()), "standard deviations"),
    ("0.2", lambda d: ratio(d["customers"]) * 1.05, "Not the ratio of the ranges"),
]


def test_the_messages_state_the_lessons_numbers(capsys):
    lesson = LESSON()
    assert verdict(capsys, "0.1", 4)[1] == (
        "✔ Right: the data maker drew 4 segments of 75 customers."
    )
    assert verdict(capsys, "0.2", 1537)[1] == (
        "✔ Right: income's range is about 1,537 times age's."
    )
    assert round(ratio(lesson["customers"])) == 1537


def test_a_rounded_factor_passes_and_a_nearby_wrong_one_does_not(capsys):
    assert verdict(capsys, "0.2", 1540)[0] is True
    assert verdict(capsys, "0.2", 1486)[0] is False, "the ratio of the maxima, 3 % off"
