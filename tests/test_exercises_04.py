"""Lesson 04's exercises: each check passes the model answer and fails typical wrong
answers with the message meant for them.

The model answers are made the way the lesson's solution cells make them (its
`k_distance_knee`, `compare` and `probabilities` table), not the way the checks recompute
them.
"""

from functools import cache

import numpy as np
import pandas as pd
from exercise_testing import (  # noqa: F401 (the tests run here, with this lesson's cases)
    test_a_typical_wrong_answer_fails_with_its_message,
    test_the_model_answer_passes,
    verdict,
)
from kneed import KneeLocator
from sklearn.cluster import DBSCAN, HDBSCAN
from sklearn.datasets import make_blobs
from sklearn.mixture import GaussianMixture
from sklearn.neighbors import NearestNeighbors
from sklearn.preprocessing import StandardScaler

from course_utils.datasets import AGE, INCOME, make_age_income_customers


def k_distance_knee(X, min_samples):
    """The lesson's function, as it is written there."""
    distances, _ = NearestNeighbors(n_neighbors=min_samples).fit(X).kneighbors(X)
    k_distances = np.sort(distances[:, -1])
    steps = np.arange(k_distances.size)
    knee = KneeLocator(steps, k_distances, curve="convex", direction="increasing").knee
    return k_distances, float(k_distances[knee])


@cache
def LESSON() -> dict:  # noqa: N802 (what exercise_testing calls)
    """What lesson 04 has made by its exercises: scaled customers, the mixture's
    probabilities, the customers' knee eps; and exercise 4.1's blobs."""
    customers = make_age_income_customers(random_state=42)
    X = StandardScaler().fit_transform(customers[[AGE, INCOME]])
    gmm = GaussianMixture(n_components=4, n_init=5, random_state=0).fit(X)
    probabilities = pd.DataFrame(
        gmm.predict_proba(X),
        columns=[f"P(component {c})" for c in range(gmm.n_components)],
    )
    X_dens, _ = make_blobs(
        n_samples=[150, 150, 150],
        centers=[[0, 0], [2, 0], [6, 4]],
        cluster_std=[0.25, 0.25, 1.5],
        random_state=1,
    )
    return {
        "X_raw": customers[[AGE, INCOME]].to_numpy(),
        "X": X,
        "knee_eps": k_distance_knee(X, 10)[1],
        "probabilities": probabilities,
        "X_dens": X_dens,
    }


def dbscan(X, knee_of=10, min_samples=10, eps=None):
    """A fitted DBSCAN, eps at the knee of X's k-distances unless given."""
    eps = k_distance_knee(X, knee_of)[1] if eps is None else eps
    return DBSCAN(eps=eps, min_samples=min_samples).fit(X)


def top_two(lesson, threshold=0.8, highest=True):
    """The solution of 4.2: each unsure customer's two most (or least) likely."""
    p = lesson["probabilities"]
    unsure = p[p.max(axis=1) < threshold].to_numpy()
    order = np.argsort(-unsure if highest else unsure, axis=1)
    return np.sort(order[:, :2], axis=1)


# the model answer of each exercise, made as the lesson's solution cell makes it
MODEL_ANSWERS = {
    "4.1": lambda d: dbscan(d["X_dens"]).labels_,
    "4.2": top_two,
    "4.3": lambda d: dbscan(d["X"], knee_of=4, min_samples=4).labels_,
}


def test_a_fitted_dbscan_is_an_answer_too_and_rows_may_come_in_any_order(capsys):
    lesson = LESSON()
    assert verdict(capsys, "4.1", dbscan(lesson["X_dens"]))[0] is True
    assert verdict(capsys, "4.3", dbscan(lesson["X"], 4, 4))[0] is True
    shuffled = top_two(lesson)[::-1, ::-1]  # customers and pairs in another order
    assert verdict(capsys, "4.2", shuffled)[0] is True


def test_the_checks_say_what_the_learner_got_right(capsys):
    """The numbers the messages state: DBSCAN merges two blobs (2 clusters for 3);
    components 1 and 2 share 39 of the 46 unsure customers; min_samples=4 still gives
    one cluster, with 6% noise (as the solutions print and their answers say)."""
    lesson = LESSON()
    said = [
        verdict(capsys, number, make(lesson))[1]
        for number, make in sorted(MODEL_ANSWERS.items())
    ]
    assert said == [
        "✔ Right: at the knee's eps DBSCAN finds 2 clusters for 3 blobs.",
        "✔ Right: components 1 and 2 share the most, 39 of the 46.",
        "✔ Right: with min_samples=4 DBSCAN finds 1 cluster, 6% noise.",
    ]


def first_row_off(lesson):
    """4.2 with the first unsure customer's most and third most likely components."""
    answer = top_two(lesson)
    p = lesson["probabilities"]
    first = np.argsort(-p[p.max(axis=1) < 0.8].to_numpy()[0])
    answer[0] = sorted(first[[0, 2]])
    return answer


def blobs_hdbscan(d):
    return HDBSCAN(min_cluster_size=20, min_samples=10, copy=True).fit_predict(
        d["X_dens"]
    )


# typical wrong answers: (exercise, the wrong answer, words the message must contain)
WRONG_ANSWERS = [
    (
        "4.1",
        lambda d: dbscan(d["X_dens"], eps=d["knee_eps"]).labels_,
        "the customers' eps",
    ),
    ("4.1", blobs_hdbscan, "HDBSCAN's clusters"),
    (
        "4.1",
        lambda d: dbscan(StandardScaler().fit_transform(d["X_dens"])).labels_,
        "scaled blobs",
    ),
    (
        "4.1",
        lambda d: DBSCAN(eps=k_distance_knee(d["X_dens"], 10)[1]).fit_predict(
            d["X_dens"]
        ),
        "the default is 5",
    ),
    ("4.1", lambda d: dbscan(d["X"]).labels_, "Expected 450 labels"),
    (
        "4.1",
        lambda d: DBSCAN(eps=0.3, min_samples=10).fit_predict(d["X_dens"]),
        "Not DBSCAN's clusters at the blobs' knee",
    ),
    ("4.2", lambda d: top_two(d).T, "transposed"),
    ("4.2", lambda d: top_two(d, threshold=0.6), "below 0.8"),
    ("4.2", lambda d: top_two(d, threshold=1.01), "below 0.8"),
    ("4.2", lambda d: top_two(d, highest=False), "*least* likely"),
    (
        "4.2",
        lambda d: np.sort(d["probabilities"].to_numpy(), axis=1)[:, -2:][
            d["probabilities"].max(axis=1) < 0.8
        ],
        "not probabilities",
    ),
    ("4.2", lambda d: first_row_off(d), "not the customer's two most likely"),
    ("4.3", lambda d: dbscan(d["X_raw"], 4, 4).labels_, "the unscaled result"),
    ("4.3", lambda d: dbscan(d["X"]).labels_, "refit with min_samples=4"),
    (
        "4.3",
        lambda d: dbscan(d["X"], min_samples=4, eps=d["knee_eps"]).labels_,
        "`knee_eps`",
    ),
    ("4.3", lambda d: dbscan(d["X"], knee_of=4).labels_, "min_samples=4 too"),
    ("4.3", lambda d: dbscan(d["X"], 4, 4).labels_[:-1], "Expected 300 labels"),
]
