"""Lesson 02's exercises: each check passes the model answer and fails typical wrong
answers with the message meant for them.

The answers are functions. The model answers are the lesson's solution functions, written
as its cells write them; each wrong answer is a function with one typical mistake.
"""

from functools import cache

import numpy as np
import pytest
from exercise_testing import (  # noqa: F401 (the tests run here, with this lesson's cases)
    test_a_typical_wrong_answer_fails_with_its_message,
    test_the_model_answer_passes,
    verdict,
)


def squared_distances_by_hand(X, C):
    """n x K table of squared distances, by the expansion ||x||² - 2 x·c + ||c||²."""
    table = (X**2).sum(axis=1)[:, None] - 2.0 * X @ C.T + (C**2).sum(axis=1)[None, :]
    return np.maximum(table, 0.0)


def update_by_hand(X, labels, k):
    """Each centre moves to the mean of its points."""
    return np.array([X[labels == j].mean(axis=0) for j in range(k)])


def plus_plus_start(X, k, rng):
    chosen = [X[rng.integers(len(X))]]
    for _ in range(1, k):
        nearest = squared_distances_by_hand(X, np.array(chosen)).min(axis=1)
        chosen.append(X[rng.choice(len(X), p=nearest / nearest.sum())])
    return np.array(chosen)


def update_keeping_empty(X, labels, old_centres):
    new = old_centres.copy()
    for j in range(len(old_centres)):
        if np.any(labels == j):
            new[j] = X[labels == j].mean(axis=0)
    return new


def update_with_bincount(X, labels, k):
    counts = np.bincount(labels, minlength=k)
    sums = np.stack(
        [np.bincount(labels, weights=X[:, f], minlength=k) for f in range(X.shape[1])],
        axis=1,
    )
    return sums / counts[:, None]


@cache
def LESSON() -> dict:  # noqa: N802 (what exercise_testing calls)
    """What lesson 02 has made by its exercises that the answers use: its functions."""
    return {"squared_distances_by_hand": squared_distances_by_hand}


# the model answer of each exercise, as the lesson's solution cell writes it
MODEL_ANSWERS = {
    "2.1": lambda lesson: plus_plus_start,
    "2.2": lambda lesson: update_keeping_empty,
    "2.3": lambda lesson: update_with_bincount,
}


def plus_plus_with(weigh=np.square, nearest=True, first=None):
    """k-means++ with one mistake: distances weighed by ``weigh`` (the distance, not its
    square), from the first centre only (not the nearest), or a fixed first centre."""

    def start(X, k, rng):
        chosen = [X[rng.integers(len(X)) if first is None else first]]
        for _ in range(1, k):
            table = np.sqrt(squared_distances_by_hand(X, np.array(chosen)))
            distance = table.min(axis=1) if nearest else table[:, 0]
            chosen.append(
                X[rng.choice(len(X), p=weigh(distance) / weigh(distance).sum())]
            )
        return np.array(chosen)

    return start


def farthest_first(X, k, rng):
    chosen = [X[rng.integers(len(X))]]
    for _ in range(1, k):
        nearest = squared_distances_by_hand(X, np.array(chosen)).min(axis=1)
        chosen.append(X[nearest.argmax()])
    return np.array(chosen)


def with_global_random(X, k, rng):
    return plus_plus_start(X, k, np.random.default_rng())  # fresh entropy each call


def unnormalised(X, k, rng):
    chosen = [X[rng.integers(len(X))]]
    for _ in range(1, k):
        nearest = squared_distances_by_hand(X, np.array(chosen)).min(axis=1)
        chosen.append(X[rng.choice(len(X), p=nearest)])
    return np.array(chosen)


def naive_update(X, labels, old_centres):
    return update_by_hand(X, labels, len(old_centres))


def update_in_place(X, labels, old_centres):
    for j in range(len(old_centres)):
        if np.any(labels == j):
            old_centres[j] = X[labels == j].mean(axis=0)
    return old_centres


def dropping_empty(X, labels, old_centres):
    return np.array([X[labels == j].mean(axis=0) for j in np.unique(labels)])


def zero_for_empty(X, labels, old_centres):
    k = len(old_centres)
    counts = np.maximum(np.bincount(labels, minlength=k), 1)  # no division by 0
    return bincount_with(divide=False)(X, labels, k) / counts[:, None]


def relocating(X, labels, old_centres):
    """KMeansScratch's rule, not this exercise's: an empty centre jumps to the point
    farthest from its own centre."""
    new = update_keeping_empty(X, labels, old_centres)
    for j in np.setdiff1d(np.arange(len(new)), labels):
        new[j] = X[((X - new[labels]) ** 2).sum(axis=1).argmax()]
    return new


def bincount_with(axis=1, divide=True):
    def update(X, labels, k):
        counts = np.bincount(labels, minlength=k)
        sums = np.stack(
            [np.bincount(labels, weights=x, minlength=k) for x in X.T], axis=axis
        )
        return sums / (counts[:, None] if axis == 1 else counts) if divide else sums

    return update


# typical wrong answers: (exercise, the wrong answer, words the message must contain)
WRONG_ANSWERS = [
    ("2.1", lambda d: lambda X, k, rng: plus_plus_start(X, k, rng).T, "is transposed"),
    (
        "2.1",
        lambda d: lambda X, k, rng: rng.choice(len(X), k, replace=False),
        "not the row numbers",
    ),
    (
        "2.1",
        lambda d: lambda X, k, rng: rng.uniform(X.min(0), X.max(0), (k, 2)),
        "is not a point of X",
    ),
    ("2.1", lambda d: plus_plus_with(nearest=False), "picked a corner twice"),
    ("2.1", lambda d: with_global_random, "the `rng` you are given"),
    ("2.1", lambda d: plus_plus_with(first=0), "pick it uniformly at random"),
    ("2.1", lambda d: farthest_first, "not the farthest point"),
    ("2.1", lambda d: plus_plus_with(weigh=np.abs), "its *squared* distance"),
    (
        "2.1",
        lambda d: lambda X, k, rng: X[rng.choice(len(X), k, replace=False)],
        "its *squared* distance",
    ),
    (
        "2.1",
        lambda d: unnormalised,
        "k = 3: `ValueError: Probabilities do not sum to 1",
    ),
    (
        "2.1",
        lambda d: plus_plus_start(np.eye(4), 2, np.random.default_rng(0)),
        "Cannot check an answer of type ndarray",
    ),
    ("2.2", lambda d: naive_update, "Empty cluster 1's centre became NaN"),
    ("2.2", lambda d: update_in_place, "changed the old centres"),
    ("2.2", lambda d: dropping_empty, "Expected shape (4, 2)"),
    ("2.2", lambda d: zero_for_empty, "moved from [8.0, 14.0] to [0.0, 0.0]"),
    ("2.2", lambda d: relocating, "Empty cluster 1's centre moved"),
    (
        "2.2",
        lambda d: lambda X, labels, old_centres: old_centres.copy(),
        "Cluster 0's centre is not its points' mean",
    ),
    ("2.3", lambda d: update_by_hand, "a loop over the clusters"),
    ("2.3", lambda d: bincount_with(axis=0), "is transposed"),
    ("2.3", lambda d: bincount_with(divide=False), "the sums"),
    (
        "2.3",
        lambda d: lambda X, labels, k: np.tile(X.mean(axis=0), (k, 1)),
        "not the means of the clusters",
    ),
    (
        "2.3",
        lambda d: lambda X, labels, k: np.bincount(X[:, 0], weights=labels),
        "failed on the blobs",
    ),
]


def test_2_1_says_how_often_the_model_answer_picks_near_corners(capsys):
    """The message's share is close to k-means++'s 5 %, whatever the draws."""
    right, said = verdict(capsys, "2.1", plus_plus_start)
    assert right is True
    share = float(said.split(" 1 apart in ")[1].split(" %")[0])
    assert 3 < share < 7, said


def plus_plus_by_rows(X, k, rng):
    """Right too, drawing in another order: rows drawn by rng.choice over X itself."""
    chosen = X[[rng.choice(len(X))]]
    while len(chosen) < k:
        nearest = squared_distances_by_hand(X, chosen).min(axis=1)
        chosen = np.vstack([chosen, rng.choice(X, p=nearest / nearest.sum())])
    return chosen


def keeping_empty_by_bincount(X, labels, old_centres):
    counts = np.bincount(labels, minlength=len(old_centres))[:, None]
    means = update_with_bincount(X, labels, len(old_centres))
    return np.where(counts > 0, means, old_centres)  # 0/0 warns, and is replaced


def bincount_by_one_hot(X, labels, k):
    one_hot = labels[:, None] == np.arange(k)  # one comparison, not one per cluster
    return (one_hot.T @ X) / one_hot.sum(axis=0)[:, None]


def bincount_by_add_at(X, labels, k):
    sums = np.zeros((k, X.shape[1]))
    np.add.at(sums, labels, X)
    return sums / np.bincount(labels, minlength=k)[:, None]


@pytest.mark.parametrize(
    ("number", "answer"),
    [
        ("2.1", plus_plus_by_rows),
        ("2.2", keeping_empty_by_bincount),
        ("2.3", bincount_by_one_hot),
        ("2.3", bincount_by_add_at),
    ],
)
def test_other_right_answers_pass_too(capsys, number, answer):
    """A right function written another way passes: the checks test what it returns."""
    right, said = verdict(capsys, number, answer)
    assert right is True, said
