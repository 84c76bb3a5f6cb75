"""The checks of lesson 09's exercises (the recipe on Spark).

They need no Spark: the expected centres and K come from scikit-learn on what
``load_mall_customers`` loads (the real file when saved, else the replica), which the
lesson's million customers are drawn from.
"""

from functools import cache

import numpy as np
from sklearn.cluster import KMeans
from sklearn.metrics import pairwise_distances, silhouette_score
from sklearn.preprocessing import StandardScaler

from course_utils.datasets import make_later_quarter
from course_utils.exercises import checks, read, require
from course_utils.mall_loader import load_mall_customers
from course_utils.settings import KMEANS_N_INIT, MALL_FEATURES, MALL_K, MODEL_SEED

#: How far (k$ or score points) a centre fitted on part of the million may lie from the
#: mall's own centre: the million are mall customers with noise of sd 2, rounded.
TOLERANCE = 3.0


@cache
def _mall():
    """The mall customers scaled, and their K-Means centres in the original units."""
    customers = load_mall_customers()[list(MALL_FEATURES)].to_numpy(dtype=float)
    scaler = StandardScaler().fit(customers)
    X = scaler.transform(customers)
    kmeans = KMeans(MALL_K, n_init=KMEANS_N_INIT, random_state=MODEL_SEED).fit(X)
    return X, scaler.inverse_transform(kmeans.cluster_centers_)


@cache
def _part():
    """Like the lesson's answers, made with scikit-learn: 25,000 of the million customers,
    scaled, their best K-Means fit, and the K of highest silhouette on a 10 % sample."""
    part = make_later_quarter(
        load_mall_customers(), MALL_FEATURES, n_customers=25_000, random_state=2
    )
    scaler = StandardScaler().fit(part)
    X = scaler.transform(part)
    kmeans = KMeans(MALL_K, n_init=4, random_state=MODEL_SEED).fit(X)
    sample = X[np.random.default_rng(0).random(len(X)) < 0.1]
    scores = {
        k: silhouette_score(
            sample, KMeans(k, n_init=4, random_state=MODEL_SEED).fit_predict(sample)
        )
        for k in range(3, 8)
    }
    centres = scaler.inverse_transform(kmeans.cluster_centers_)
    return centres, kmeans.cluster_centers_, max(scores, key=scores.get)


@checks(
    "9.1",
    hints=[
        "`parts` lists the partition files; `read_customers` reads a single file as well "
        "as a folder. The lesson's `pipeline` is not fitted yet: `fit` it again on the "
        "smaller `DataFrame`.",
        "`partial = pipeline.fit(one_part)`; its `stages[2].clusterCenters()` are in "
        "scaled units: multiply by `stages[1].std.toArray()` and add "
        "`stages[1].mean.toArray()`. To compare with the full fit, pair the centres with "
        "`linear_sum_assignment` as the lesson did.",
    ],
    model=lambda: _part()[0],
    wrong={
        "look like scaled units": lambda: _part()[1],
        f"Expected {MALL_K} rows": lambda: _part()[0][:4],
        "worse local optimum": lambda: _part()[0] + [0, 25],
    },
)
def _check_9_1(answer):
    """give the five centres in the original units, one row (income, score) per centre"""
    centres = read(lambda a: np.asarray(a, dtype=float), answer)
    _, expected = _mall()
    require(
        centres.shape == expected.shape,
        f"Expected {MALL_K} rows (centres) of 2 numbers (income, score): not "
        f"{centres.shape}.",
    )
    require(
        np.abs(centres).max() > 5,
        "These look like scaled units: multiply by the partition's scaler's `std` and "
        "add its `mean`.",
    )
    distance = pairwise_distances(centres, expected).min(axis=1)
    require(
        distance.max() <= TOLERANCE,
        f"A centre lies {distance.max():.1f} units from every segment's centre: K-Means "
        "may have stopped in a worse local optimum. Fit with several seeds and keep the "
        "lowest training cost.",
    )
    return "Right: one partition gives centres close to the full fit's."


@checks(
    "9.2",
    hints=[
        "Build a new `Pipeline` for each K from the lesson's first two stages "
        "(`pipeline.getStages()[:2]`) and a new `SparkKMeans(k=k, seed=MODEL_SEED)`; fit "
        "it on the sample.",
        '`ClusteringEvaluator(featuresCol="features", predictionCol="prediction")` has '
        "`evaluate(fitted.transform(sample))`, which returns the silhouette. Keep them in "
        "a dict and take the K with the largest value.",
    ],
    model=lambda: _part()[2],
    wrong={
        "not the K of highest silhouette": lambda: 4,
        "not among the K tried": lambda: 2,
        "Expected an integer K": lambda: 5.0,
    },
)
def _check_9_2(answer):
    """give the K (an integer from 3 to 7) with the highest silhouette"""
    require(
        isinstance(answer, int | np.integer) and not isinstance(answer, bool),
        f"Expected an integer K: not {type(answer).__name__}.",
    )
    require(3 <= answer <= 7, f"K = {answer} was not among the K tried (3 to 7).")
    X, _ = _mall()
    scores = {
        k: silhouette_score(
            X, KMeans(k, n_init=KMEANS_N_INIT, random_state=MODEL_SEED).fit_predict(X)
        )
        for k in range(3, 8)
    }
    best = max(scores, key=scores.get)
    require(
        answer == best,
        f"K = {answer} is not the K of highest silhouette: take the K whose score is "
        "largest (`max(silhouettes, key=silhouettes.get)`).",
    )
    return f"Right: K = {best}, as on the mall customers in lessons 3 and 5."
