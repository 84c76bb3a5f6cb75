"""Lesson 01's exercises: each check passes the model answer and fails typical wrong
answers with the message meant for them.

The model answers here are made the way the lesson's solution cells make them (pandas,
OneHotEncoder), not the way the checks recompute them (NumPy, get_dummies).
"""

from functools import cache

import numpy as np
import pandas as pd
from exercise_testing import (  # noqa: F401 (the tests run here, with this lesson's cases)
    test_a_typical_wrong_answer_fails_with_its_message,
    test_the_model_answer_passes,
    verdict,
)
from sklearn.cluster import KMeans
from sklearn.preprocessing import OneHotEncoder, StandardScaler

from course_utils.datasets import AGE, INCOME, make_age_income_customers

KMEANS = {"n_clusters": 4, "random_state": 0, "n_init": 10}


@cache
def LESSON() -> dict:  # noqa: N802 (what exercise_testing calls)
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


# the model answer of each exercise, made as the lesson's solution cell makes it
MODEL_ANSWERS = {
    "1.1": lambda lesson: fit(lesson["X_std"], lesson["one_hot"]),
    "1.2": outlier_flags,
    "1.3": single_gender_counts,
}


def test_1_1_says_what_the_learner_got_right(capsys):
    lesson = LESSON()
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
