"""Lesson 03's exercises: each check passes the model answer and fails typical wrong
answers with the message meant for them.

The model answers here are made the way the lesson's solution cells make them (the lesson's
`scores_per_k` with all four scores, on pandas data), not the way the checks recompute them.
"""

import re
from functools import cache

import numpy as np
import pandas as pd
from exercise_testing import (  # noqa: F401 (the tests run here, with this lesson's cases)
    test_a_typical_wrong_answer_fails_with_its_message,
    test_the_model_answer_passes,
    verdict,
)
from kneed import KneeLocator
from sklearn.cluster import KMeans
from sklearn.metrics import (
    calinski_harabasz_score,
    davies_bouldin_score,
    silhouette_score,
)
from sklearn.preprocessing import StandardScaler

from course_utils.datasets import (
    AGE,
    INCOME,
    make_age_income_customers,
    make_course_blobs,
)

KMEANS = {"random_state": 0, "n_init": 10}


def scores_per_k(X, k_values):
    """The lesson's function: one row of scores per K."""
    rows = []
    for k in k_values:
        model = KMeans(n_clusters=k, **KMEANS).fit(X)
        row = {"K": k, "inertia": model.inertia_}
        if k >= 2:
            row["silhouette"] = silhouette_score(X, model.labels_)
            row["calinski_harabasz"] = calinski_harabasz_score(X, model.labels_)
            row["davies_bouldin"] = davies_bouldin_score(X, model.labels_)
        rows.append(row)
    return pd.DataFrame(rows).set_index("K")


@cache
def LESSON() -> dict:  # noqa: N802 (what exercise_testing calls)
    """What lesson 03 has made by its exercises."""
    customers = make_age_income_customers(random_state=42)
    X_customers = StandardScaler().fit_transform(customers[[AGE, INCOME]])
    uniform = np.random.default_rng(0).uniform(size=(300, 2))
    return {
        "customers": customers,
        "blob_scores": scores_per_k(make_course_blobs()[0], range(1, 11)),
        "customer_scores": scores_per_k(X_customers, range(1, 11)),
        "uniform_scores": scores_per_k(uniform, range(2, 11)),
    }


@cache
def square_scores(seed=0, n=300):
    return scores_per_k(np.random.default_rng(seed).uniform(size=(n, 2)), range(1, 11))


@cache
def raw_scores(columns=(AGE, INCOME), k_values=range(2, 11)):
    return scores_per_k(LESSON()["customers"][list(columns)], k_values)


def knee_grid(scores, short=0):
    knees = {}
    for first in (1, 2):
        for last in range(6, 11):
            window = scores.loc[first : last - short, "inertia"]
            knees[(last, first)] = KneeLocator(
                window.index, window, curve="convex", direction="decreasing"
            ).knee
    return pd.Series(knees).unstack().rename_axis(index="last K", columns="first K")


# the model answer of each exercise, made as the lesson's solution cell makes it
MODEL_ANSWERS = {
    "3.1": lambda lesson: square_scores(),
    "3.2": lambda lesson: raw_scores(),
    "3.3": lambda lesson: knee_grid(lesson["customer_scores"]),
}


def test_the_checks_say_the_numbers_the_lesson_prints(capsys):
    """Each ✔ states numbers: they are the ones the lesson's solution cells print."""
    square = square_scores()["silhouette"].dropna().sort_values()
    said = verdict(capsys, "3.1", square_scores())[1]
    low, high, best, gap = re.search(
        r"between ([\d.]+) and ([\d.]+); the best, K = (\d+), beats the next by (\d\.\d+)",
        said,
    ).groups()
    assert (float(low), float(high)) == (
        round(square.iloc[0], 2),
        round(square.iloc[-1], 2),
    )
    assert int(best) == square.index[-1] and 0 < float(gap) < 0.01, said

    raw, scaled = raw_scores()["silhouette"], LESSON()["customer_scores"]["silhouette"]
    assert verdict(capsys, "3.2", raw_scores())[1] == (
        f"✔ Right: unscaled, the silhouette picks K = {raw.idxmax()} at "
        f"{raw.max():.2f}, above the scaled best of {scaled.max():.2f}."
    )
    assert raw.max() > scaled.max()

    grid = knee_grid(LESSON()["customer_scores"])
    assert verdict(capsys, "3.3", grid)[1] == (
        "✔ Right: 3 different knees, K = [2, 3, 4], from the same fits."
    )
    assert sorted(set(grid.stack())) == [2, 3, 4]


def test_a_table_with_k_from_1_is_a_right_answer_to_3_2(capsys):
    assert verdict(capsys, "3.2", raw_scores(k_values=range(1, 11)))[0] is True


def test_3_3_names_the_cell_that_is_wrong(capsys):
    grid = knee_grid(LESSON()["customer_scores"]).copy()
    grid.loc[8, 2] = 5
    assert "(first K, last K) = [(2, 8)]" in verdict(capsys, "3.3", grid)[1]


# typical wrong answers: (exercise, the wrong answer, words the message must contain)
WRONG_ANSWERS = [
    ("3.1", lambda d: d["uniform_scores"], "the knee needs K = 1 too"),
    ("3.1", lambda d: d["customer_scores"], "the customers' scores"),
    ("3.1", lambda d: d["blob_scores"], "the blobs' scores"),
    ("3.1", lambda d: square_scores(seed=1), "Not the square's scores"),
    ("3.2", lambda d: d["customer_scores"], "This looks like the scaled result"),
    ("3.2", lambda d: raw_scores(k_values=range(2, 7)), "a row for each K = 2..10"),
    ("3.2", lambda d: raw_scores(columns=(INCOME,)), "age and income, both unscaled"),
    ("3.3", lambda d: knee_grid(d["customer_scores"]).T, "Transposed"),
    ("3.3", lambda d: knee_grid(d["blob_scores"]), "the blobs' knees"),
    ("3.3", lambda d: knee_grid(d["customer_scores"], short=1), "one K short"),
    ("3.3", lambda d: knee_grid(d["customer_scores"]).iloc[1:], "5 rows (last K)"),
]
