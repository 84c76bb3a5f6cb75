"""Lesson 06's exercises: each check passes the model answer and fails typical wrong
answers with the message meant for them."""

from functools import cache

import numpy as np
from exercise_testing import (  # noqa: F401 (the tests run here, with this lesson's cases)
    test_a_typical_wrong_answer_fails_with_its_message,
    test_the_model_answer_passes,
    verdict,
)
from sklearn.cluster import KMeans
from sklearn.metrics import silhouette_samples
from sklearn.mixture import GaussianMixture


def density_data(loose_spread=1.5):
    rng = np.random.default_rng(1)
    return np.vstack(
        [
            rng.normal([0.0, 0.0], 0.3, size=(250, 2)),
            rng.normal([3.5, 0.0], loose_spread, size=(50, 2)),
        ]
    )


def loose_taken(labels):
    return int((labels[250:] == np.bincount(labels[:250]).argmax()).sum())


@cache
def LESSON() -> dict:  # noqa: N802 (what exercise_testing calls)
    """What lesson 06's exercises work on: the quiz's line, and each spread's labels."""
    kmeans = KMeans(n_clusters=2, n_init=10, random_state=0)
    mixture = GaussianMixture(n_components=2, n_init=5, random_state=0)
    spreads = (1.0, 1.5, 2.0)
    return {
        "line": np.array([[0.0], [1.0], [4.0], [5.0]]),
        "kmeans": {s: kmeans.fit_predict(density_data(s)) for s in spreads},
        "mixture": mixture.fit_predict(density_data(1.5)),
    }


def by_hand(second=1.0, include_itself=False, nearest=False):
    """(a, b, silhouette) of the customer at 0, as the solution computes them."""
    X = np.array([0.0, second, 4.0, 5.0])
    a = np.mean(np.abs(X[:2] - X[0])) if include_itself else abs(X[1] - X[0])
    b = np.min(np.abs(X[2:] - X[0])) if nearest else np.mean(np.abs(X[2:] - X[0]))
    return a, b, (b - a) / max(a, b)


MODEL_ANSWERS = {
    "6.1": lambda lesson: by_hand(),
    "6.2": lambda lesson: loose_taken(lesson["kmeans"][1.5]),
}

# typical wrong answers: (exercise, the wrong answer, words the message must contain)
WRONG_ANSWERS = [
    ("6.1", lambda d: by_hand(second=3.0), "the second customer at 3"),
    ("6.1", lambda d: by_hand(include_itself=True), "*rest* of its cluster"),
    ("6.1", lambda d: by_hand(nearest=True), "the *mean* distance"),
    ("6.1", lambda d: (1.0, 4.5, 1.0 / 4.5), "That is a / b"),
    ("6.1", lambda d: (1.0, 4.5, 4.5 - 1.0), "That is b − a"),
    ("6.1", lambda d: (1.0, 4.5, -0.78), "has a positive value"),
    ("6.1", lambda d: (1.0, 4.5, 3.5 / 5.5), "Not the silhouette"),
    ("6.1", lambda d: silhouette_samples(d["line"], [0, 0, 1, 1]), "three numbers"),
    ("6.2", lambda d: 50 - loose_taken(d["kmeans"][1.5]), "keeps apart"),
    ("6.2", lambda d: (d["kmeans"][1.5] == 0).sum(), "whole cluster"),
    ("6.2", lambda d: loose_taken(d["mixture"]), "mixture's count"),
    ("6.2", lambda d: loose_taken(d["kmeans"][1.0]), "spread of 1.0"),
    ("6.2", lambda d: loose_taken(d["kmeans"][2.0]), "spread of 2.0"),
    ("6.2", lambda d: loose_taken(d["kmeans"][1.5]) + 1, "Not the expected count"),
    ("6.2", lambda d: 12.5, "whole number"),
]


def test_the_messages_state_the_recomputed_numbers(capsys):
    assert verdict(capsys, "6.1", (1, 4.5, 0.78))[1] == (
        "✔ Right: 0.78, as `silhouette_samples` says; the quiz's key: 0.78."
    )
    taken = loose_taken(LESSON()["kmeans"][1.5])
    assert taken == 13, "lesson 02 says 13 of the 50 loose points"
    assert verdict(capsys, "6.2", taken)[1] == (
        "✔ Right: K-Means puts 13 of the 50 loose customers with the tight group."
    )
