"""The checks of lesson 04's exercises (four algorithms side by side)."""

from collections import Counter
from functools import cache, partial

import numpy as np
from kneed import KneeLocator
from sklearn.cluster import DBSCAN, HDBSCAN
from sklearn.datasets import make_blobs
from sklearn.mixture import GaussianMixture
from sklearn.neighbors import NearestNeighbors
from sklearn.preprocessing import StandardScaler

from course_utils.datasets import AGE, INCOME, make_age_income_customers
from course_utils.exercises import checks, require, same_grouping


@cache
def _data04():
    """The lesson's customers (raw, scaled) and exercise 4.1's blobs."""
    raw = make_age_income_customers(random_state=42)[[AGE, INCOME]].to_numpy()
    blobs = make_blobs(
        n_samples=[150, 150, 150],
        centers=[[0, 0], [2, 0], [6, 4]],
        cluster_std=[0.25, 0.25, 1.5],
        random_state=1,
    )[0]
    return raw, StandardScaler().fit_transform(raw), blobs


def _dbscan(X, knee_of=10, min_samples=10, eps_from=None):
    """DBSCAN's labels on X, eps at the knee of the k-distances (of ``eps_from``), as
    the lesson's `k_distance_knee` finds it."""
    on = X if eps_from is None else eps_from
    k_distances = np.sort(
        NearestNeighbors(n_neighbors=knee_of).fit(on).kneighbors(on)[0][:, -1]
    )
    steps = np.arange(k_distances.size)
    knee = KneeLocator(steps, k_distances, curve="convex", direction="increasing").knee
    return DBSCAN(eps=k_distances[knee], min_samples=min_samples).fit_predict(X)


def _dbscan_check(answer, expected, wrong_ones, fix):
    """Labels (or a fitted model) grouping the points as ``expected``; ``wrong_ones``:
    {what to say: a function making a typical mistake's labels}; ``fix``: what else."""
    labels = np.asarray(getattr(answer, "labels_", answer))
    n = len(expected)
    require(
        labels.shape == (n,), f"Expected {n} labels, one per point: not {labels.shape}."
    )
    if not same_grouping(labels, expected):
        for why, make_wrong in wrong_ones.items():
            require(not same_grouping(labels, make_wrong()), why)
        require(False, fix)


@checks("4.1")
def _check_4_1(answer):
    """give DBSCAN's labels on the blobs (or the fitted DBSCAN), with eps from
    `k_distance_knee(X_dens, 10)` and min_samples=10"""
    _, X, blobs = _data04()
    expected = _dbscan(blobs)
    hdbscan = HDBSCAN(min_cluster_size=20, min_samples=10, copy=True)
    scaled = StandardScaler().fit_transform(blobs)
    wrong_ones = {  # what to say: how a typical mistake makes its labels
        "This is the customers' eps (`knee_eps`): use the blobs' own knee.": partial(
            _dbscan, blobs, eps_from=X
        ),
        "These are HDBSCAN's clusters: give DBSCAN's.": partial(
            hdbscan.fit_predict, blobs
        ),
        "These are scaled blobs: x and y share one unit, use them as they are.": (
            partial(_dbscan, scaled)
        ),
        "Check min_samples: the default is 5, the exercise's 10.": partial(
            _dbscan, blobs, min_samples=5
        ),
    }
    fix = "Not DBSCAN's clusters at the blobs' knee: check eps and min_samples=10."
    _dbscan_check(answer, expected, wrong_ones, fix)
    n = len(set(expected) - {-1})
    return f"Right: at the knee's eps DBSCAN finds {n} clusters for 3 blobs."


@cache
def _probabilities04():
    """Each customer's probability of each component of the lesson's mixture."""
    X = _data04()[1]
    mixture = GaussianMixture(n_components=4, n_init=5, random_state=0).fit(X)
    return mixture.predict_proba(X)


def _pairs(rows) -> Counter:
    return Counter(tuple(sorted(row)) for row in np.asarray(rows).tolist())


@checks("4.2")
def _check_4_2(answer):
    """give the two most likely components of each unsure customer (highest probability
    below 0.8): an array with one row per unsure customer and 2 columns"""
    probabilities = _probabilities04()
    unsure = probabilities[probabilities.max(axis=1) < 0.8]
    n, given = len(unsure), np.asarray(answer)
    require(
        given.shape != (2, n),
        "Your array is transposed: one row per unsure customer, 2 columns.",
    )
    require(
        len(given) not in (len(probabilities), np.sum(probabilities.max(axis=1) < 0.6)),
        "Keep the customers whose highest probability is below 0.8 (not `THRESHOLD`).",
    )
    require(given.shape == (n, 2), f"Expected shape ({n}, 2), not {given.shape}.")
    require(
        np.isin(given, range(4)).all(),
        "Give component numbers (0 to 3), not probabilities.",
    )
    least = np.argsort(unsure, axis=1)[:, :2]
    require(
        _pairs(given) != _pairs(least),
        "These are the two *least* likely components: sort the probabilities "
        "from the highest.",
    )
    expected = _pairs(np.argsort(-unsure, axis=1)[:, :2])
    require(
        _pairs(given) == expected,
        "Some rows are not the customer's two most likely components.",
    )
    (a, b), count = expected.most_common(1)[0]
    return f"Right: components {a} and {b} share the most, {count} of the {n}."


@checks("4.3")
def _check_4_3(answer):
    """give DBSCAN's labels on the customers (or the fitted DBSCAN), with eps from
    `k_distance_knee(X, 4)` and min_samples=4"""
    raw, X, _ = _data04()
    expected = _dbscan(X, knee_of=4, min_samples=4)
    wrong_ones = {
        "This looks like the unscaled result: use the scaled `X`.": partial(
            _dbscan, raw, 4, 4
        ),
        "These are the lesson's clusters: refit with min_samples=4.": partial(
            _dbscan, X
        ),
        "This eps is `knee_eps`: compute `k_distance_knee(X, 4)`.": partial(
            _dbscan, X, min_samples=4
        ),
        "Give DBSCAN min_samples=4 too.": partial(_dbscan, X, knee_of=4),
    }
    fix = "Not the clusters at the knee for 4 neighbours: check eps and min_samples."
    _dbscan_check(answer, expected, wrong_ones, fix)
    found, noise = len(set(expected) - {-1}), np.mean(expected == -1)
    return f"Right: with min_samples=4 DBSCAN finds {found} cluster, {noise:.0%} noise."
