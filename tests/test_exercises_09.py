"""Lesson 09's exercises: each check passes the model answer and fails typical wrong
answers with the message meant for them.

The lesson's solutions use Spark, which `make test` does not need: the model answers here
are made the same way with scikit-learn (the pipeline on 25,000 of the million, the best
of several starts; the K of highest silhouette on a 10 % sample of those). The lesson's own answers
are checked where it runs: its executed outputs show a ✔ under each (test_exercises.py).
"""

from functools import cache

import numpy as np
from exercise_testing import (  # noqa: F401 (the tests run here, with this lesson's cases)
    test_a_typical_wrong_answer_fails_with_its_message,
    test_the_model_answer_passes,
)
from sklearn.cluster import KMeans
from sklearn.metrics import silhouette_score
from sklearn.preprocessing import StandardScaler

from course_utils.datasets import make_later_quarter
from course_utils.mall_loader import load_mall_customers
from course_utils.settings import MALL_FEATURES, MALL_K


@cache
def LESSON() -> dict:  # noqa: N802 (what exercise_testing calls)
    """25,000 of the lesson's million customers, scaled, and their best K-Means fit."""
    part = make_later_quarter(
        load_mall_customers(), MALL_FEATURES, n_customers=25_000, random_state=2
    )
    scaler = StandardScaler().fit(part)
    X = scaler.transform(part)
    kmeans = KMeans(MALL_K, n_init=4, random_state=0).fit(X)
    sample = X[np.random.default_rng(0).random(len(X)) < 0.1]
    scores = {
        k: silhouette_score(
            sample, KMeans(k, n_init=4, random_state=0).fit_predict(sample)
        )
        for k in range(3, 8)
    }
    return {
        "centres": scaler.inverse_transform(kmeans.cluster_centers_),
        "scaled": kmeans.cluster_centers_,
        "best_k": max(scores, key=scores.get),
    }


MODEL_ANSWERS = {
    "9.1": lambda lesson: lesson["centres"],
    "9.2": lambda lesson: lesson["best_k"],
}
WRONG_ANSWERS = [
    ("9.1", lambda lesson: lesson["scaled"], "look like scaled units"),
    ("9.1", lambda lesson: lesson["centres"][:4], f"Expected {MALL_K} rows"),
    ("9.1", lambda lesson: lesson["centres"].T, f"Expected {MALL_K} rows"),
    (
        "9.1",
        lambda lesson: lesson["centres"] + [0, 25],
        "worse local optimum",
    ),
    ("9.2", lambda lesson: 4, "not the K of highest silhouette"),
    ("9.2", lambda lesson: 2, "not among the K tried"),
    ("9.2", lambda lesson: 5.0, "Expected an integer K"),
]
