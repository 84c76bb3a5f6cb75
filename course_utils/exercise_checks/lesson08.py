"""The checks of lesson 08's exercises (your own customers), on the course's business table."""

from functools import cache

import numpy as np
from sklearn.cluster import KMeans
from sklearn.preprocessing import StandardScaler

from course_utils.business import SPENDS, make_business_customers
from course_utils.exercises import (
    checks,
    read,
    require,
    require_labels,
    same_grouping,
)
from course_utils.settings import KMEANS_N_INIT, MODEL_SEED


@cache
def _labels(log):
    """K-Means (K = 2) labels of the scaled spends, raw or after log1p."""
    spends = _spends()
    X = StandardScaler().fit_transform(np.log1p(spends) if log else spends)
    kmeans = KMeans(n_clusters=2, n_init=KMEANS_N_INIT, random_state=MODEL_SEED)
    return kmeans.fit_predict(X)


def _spends():
    return make_business_customers()[list(SPENDS)].to_numpy(dtype=float)


def _cloud_share(covariance=lambda spends: np.cov(spends.T), seed=42):
    """The share of a Gaussian cloud fitted to the raw spends with a negative spend."""
    spends = _spends()
    rng = np.random.default_rng(seed)
    cloud = rng.multivariate_normal(
        spends.mean(axis=0), covariance(spends), len(spends)
    )
    return (cloud < 0).any(axis=1).mean()


@checks(
    "8.1",
    hints=[
        "Leave out everything the template does before scaling: no log1p, nobody set "
        "aside. Only the six spend columns go in, not the ID or the channel.",
        "`StandardScaler().fit_transform(business[list(SPENDS)])`, then "
        "`KMeans(n_clusters=2, n_init=KMEANS_N_INIT, random_state=MODEL_SEED)`; "
        "`np.bincount` gives the sizes and `adjusted_mutual_info_score` the AMI.",
    ],
    model=lambda: _labels(log=False),
    wrong={
        "skip log1p": lambda: _labels(log=True),
        "Not the expected split": lambda: np.arange(len(_spends())) % 2,
    },
)
def _check_8_1(answer):
    """give your K-Means labels (K = 2), one per business customer"""
    expected = _labels(log=False)
    labels = require_labels(answer, expected)
    require(
        not same_grouping(labels, _labels(log=True)),
        "This split follows the log of the spends: skip log1p, scale the raw spends.",
    )
    require(
        same_grouping(labels, expected),
        "Not the expected split: K-Means, K = 2, on the six raw spends, scaled.",
    )
    sizes = " and ".join(map(str, sorted(np.bincount(expected).tolist())))
    return f"Right: segments of {sizes} customers."


@cache
def _negative_share():
    spends = _spends()
    return np.cov(spends.T), spends.mean(axis=0)


@checks(
    "8.2",
    hints=[
        "The cloud needs the raw spends' column means and their covariance matrix; "
        "draw as many customers as the table has.",
        "`rng.multivariate_normal(spends.mean(axis=0), np.cov(spends.T), len(spends))`; "
        "`(cloud < 0).any(axis=1)` marks a customer with a negative spend, and its "
        "`.mean()` is the share.",
    ],
    model=_cloud_share,
    wrong={
        "Too few": lambda: (_spends() < 0).any(axis=1).mean(),
        "Expected about": lambda: _cloud_share(lambda s: np.diag(s.var(axis=0))),
    },
)
def _check_8_2(answer):
    """give the share (0 to 1) of the cloud's customers with a negative spend"""
    share = read(float, answer)
    require(0.0 <= share <= 1.0, f"A share is between 0 and 1, not {share}.")
    cov, mean = _negative_share()
    draws = np.random.default_rng(0).multivariate_normal(mean, cov, (20, 440))
    typical = (draws < 0).any(axis=2).mean(axis=1)
    require(
        share > 0.25,
        "Too few: count a customer when *any* of the six spends is below zero.",
    )
    require(
        typical.min() - 0.05 <= share <= typical.max() + 0.05,
        f"Expected about {typical.mean():.0%}: draw from the raw spends' means and "
        "covariance, then count rows with a negative value.",
    )
    return f"Right: about {typical.mean():.0%} of such a cloud spends below zero."
