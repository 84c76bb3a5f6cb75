"""Tests for course_utils.kmeans: the from-scratch K-Means against scikit-learn, its
properties, its randomness and its input checks."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from sklearn.base import clone
from sklearn.cluster import KMeans
from sklearn.exceptions import ConvergenceWarning, NotFittedError
from sklearn.preprocessing import StandardScaler

from course_utils.datasets import (
    AGE,
    INCOME,
    make_age_income_customers,
    make_course_blobs,
)
from course_utils.kmeans import KMeansScratch, KMeansStep


def random_start(X, n_clusters, seed):
    """``n_clusters`` distinct rows of ``X``, chosen with ``seed``."""
    rng = np.random.default_rng(seed)
    return X[rng.choice(X.shape[0], size=n_clusters, replace=False)]


def fit_both(X, start, **params):
    """Fit ours and scikit-learn's Lloyd K-Means from the same start."""
    ours = KMeansScratch(start.shape[0], init=start, **params).fit(X)
    theirs = KMeans(
        start.shape[0], init=start, n_init=1, algorithm="lloyd", **params
    ).fit(X)
    return ours, theirs


def assert_same_as_sklearn(ours, theirs):
    np.testing.assert_array_equal(ours.labels_, theirs.labels_)
    assert ours.inertia_ == pytest.approx(theirs.inertia_, rel=1e-9)
    assert ours.n_iter_ == theirs.n_iter_
    scale = np.abs(theirs.cluster_centers_).max() + 1.0
    np.testing.assert_allclose(
        ours.cluster_centers_, theirs.cluster_centers_, atol=1e-9 * scale
    )


# --- the same result as scikit-learn --------------------------------------------------


@pytest.fixture(scope="module")
def blobs():
    return make_course_blobs()[0]


@pytest.fixture(scope="module")
def scaled_customers():
    customers = make_age_income_customers(random_state=42)
    return StandardScaler().fit_transform(customers[[AGE, INCOME]])


@pytest.mark.parametrize("n_clusters", [1, 2, 3, 4, 6])
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_blobs_same_as_sklearn(blobs, n_clusters, seed):
    assert_same_as_sklearn(*fit_both(blobs, random_start(blobs, n_clusters, seed)))


@pytest.mark.parametrize("n_clusters", [2, 3, 4, 5])
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_scaled_customers_same_as_sklearn(scaled_customers, n_clusters, seed):
    start = random_start(scaled_customers, n_clusters, seed)
    assert_same_as_sklearn(*fit_both(scaled_customers, start))


@pytest.mark.parametrize("seed", range(8))
def test_random_data_same_as_sklearn(seed):
    rng = np.random.default_rng(100 + seed)
    n_samples, n_features = int(rng.integers(30, 2000)), int(rng.integers(1, 7))
    n_clusters = int(rng.integers(2, 12))
    # features on very different scales and far from the origin: centring must not
    # matter
    X = rng.normal(size=(n_samples, n_features)) * rng.uniform(
        0.01, 1e3, size=n_features
    )
    X += rng.uniform(-1e4, 1e4, size=n_features)
    assert_same_as_sklearn(*fit_both(X, random_start(X, n_clusters, seed)))


@pytest.mark.parametrize("tol", [0.0, 1e-4, 1e-2, 0.5])
def test_tolerance_rule_same_as_sklearn(tol):
    # a large tol stops early on the centre shift: then the final re-assignment matters
    X = np.random.default_rng(7).normal(size=(3000, 3))
    assert_same_as_sklearn(*fit_both(X, random_start(X, 6, 7), tol=tol))


@pytest.mark.parametrize("max_iter", [1, 2, 5])
def test_max_iter_same_as_sklearn(max_iter):
    X = np.random.default_rng(8).normal(size=(2000, 2))
    ours, theirs = fit_both(X, random_start(X, 7, 8), max_iter=max_iter)
    assert ours.n_iter_ == max_iter
    assert_same_as_sklearn(ours, theirs)


@pytest.mark.parametrize("seed", range(6))
def test_empty_clusters_relocated_like_sklearn(seed):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(200, 2))
    start = random_start(X, 5, seed)
    start[:3] = (
        rng.normal(size=(3, 2)) * 1000.0
    )  # three centres far away: no points at first
    ours, theirs = fit_both(X, start)
    assert np.bincount(ours.history_[0].labels, minlength=5)[:3].tolist() == [0, 0, 0]
    assert_same_as_sklearn(ours, theirs)


def test_many_rows_and_many_clusters_same_as_sklearn():
    # many of scikit-learn's chunks (summed in another order), and many clusters
    X = np.random.default_rng(9).normal(size=(20_000, 3))
    for n_clusters in (5, 12, 40):
        assert_same_as_sklearn(
            *fit_both(X, random_start(X, n_clusters, 9), max_iter=15)
        )


# --- the empty-cluster rule -----------------------------------------------------------


def test_empty_cluster_takes_the_point_farthest_from_its_centre():
    X = np.array([[0.0], [1.0], [2.0], [10.0]])
    model = KMeansScratch(2, init=np.array([[1.0], [100.0]])).fit(X)
    # step 0: every point is nearest to 1.0; the point 10.0 is farthest from it
    assert model.history_[0].labels.tolist() == [0, 0, 0, 0]
    np.testing.assert_allclose(model.history_[1].centers, [[1.0], [10.0]])
    assert model.labels_.tolist() == [0, 0, 0, 1]


def test_cluster_that_cannot_be_filled_keeps_its_centre_and_warns():
    X = np.array([[0.0], [0.0], [1.0], [1.0]])  # two distinct points, three clusters
    with pytest.warns(ConvergenceWarning, match="clusters have points"):
        model = KMeansScratch(3, init=np.array([[0.0], [1.0], [5.0]])).fit(X)
    np.testing.assert_allclose(model.cluster_centers_, [[0.0], [1.0], [5.0]])
    assert model.labels_.tolist() == [0, 0, 1, 1] and model.inertia_ == 0.0


# --- properties -----------------------------------------------------------------------

finite = st.floats(
    -1e3, 1e3, allow_nan=False, allow_infinity=False, allow_subnormal=False
)


@st.composite
def data_and_k(draw):
    n_samples = draw(st.integers(2, 40))
    n_features = draw(st.integers(1, 3))
    # small integers make duplicates and exact ties; floats make generic data
    elements = draw(st.sampled_from([finite, st.integers(-3, 3).map(float)]))
    X = draw(arrays(np.float64, (n_samples, n_features), elements=elements))
    n_clusters = draw(st.integers(1, min(n_samples, 6)))
    init = draw(st.sampled_from(["k-means++", "random"]))
    seed = draw(st.integers(0, 2**16))
    return X, n_clusters, init, seed


def fit_quietly(X, n_clusters, init, seed, **params):
    with warnings.catch_warnings():
        warnings.simplefilter(
            "ignore", ConvergenceWarning
        )  # duplicates: fewer clusters
        return KMeansScratch(
            n_clusters, init=init, n_init=1, random_state=seed, **params
        ).fit(X)


PROPERTY_SETTINGS = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


@PROPERTY_SETTINGS
@given(data_and_k())
def test_inertia_never_rises_along_history(case):
    X, n_clusters, init, seed = case
    model = fit_quietly(X, n_clusters, init, seed)
    inertias = [((X - s.centers[s.labels]) ** 2).sum() for s in model.history_]
    slack = 1e-9 * (1.0 + inertias[0]) + 1e-9
    assert np.all(np.diff(inertias) <= slack)
    assert inertias[-1] == pytest.approx(model.inertia_, rel=1e-9, abs=1e-9)


@PROPERTY_SETTINGS
@given(data_and_k())
def test_every_point_sits_with_its_nearest_centre(case):
    X, n_clusters, init, seed = case
    model = fit_quietly(X, n_clusters, init, seed)
    distances = ((X[:, None, :] - model.cluster_centers_[None, :, :]) ** 2).sum(axis=2)
    own = distances[np.arange(X.shape[0]), model.labels_]
    slack = 1e-9 * (1.0 + (X**2).sum(axis=1).max())
    assert np.all(own <= distances.min(axis=1) + slack)


@PROPERTY_SETTINGS
@given(data_and_k())
def test_labels_in_range_and_predict_gives_them_back(case):
    X, n_clusters, init, seed = case
    model = fit_quietly(X, n_clusters, init, seed)
    assert model.labels_.shape == (X.shape[0],)
    assert model.labels_.min() >= 0 and model.labels_.max() < n_clusters
    np.testing.assert_array_equal(model.predict(X), model.labels_)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        np.testing.assert_array_equal(model.fit_predict(X), model.labels_)


@PROPERTY_SETTINGS
@given(data_and_k())
def test_history_has_one_step_per_update_and_ends_at_the_result(case):
    X, n_clusters, init, seed = case
    model = fit_quietly(X, n_clusters, init, seed)
    assert len(model.history_) == model.n_iter_ + 1
    assert [step.iteration for step in model.history_] == list(range(model.n_iter_ + 1))
    assert all(isinstance(step, KMeansStep) for step in model.history_)
    np.testing.assert_array_equal(model.history_[-1].labels, model.labels_)
    np.testing.assert_allclose(model.history_[-1].centers, model.cluster_centers_)


# --- randomness: starts, determinism, restarts ----------------------------------------


def test_same_random_state_same_result(blobs):
    for init in ("k-means++", "random"):
        first = KMeansScratch(4, init=init, n_init=3, random_state=5).fit(blobs)
        second = KMeansScratch(4, init=init, n_init=3, random_state=5).fit(blobs)
        np.testing.assert_array_equal(first.labels_, second.labels_)
        np.testing.assert_array_equal(first.cluster_centers_, second.cluster_centers_)
        assert first.inertia_ == second.inertia_


def test_generator_random_state_is_accepted(blobs):
    a = KMeansScratch(4, n_init=1, random_state=np.random.default_rng(3)).fit(blobs)
    b = KMeansScratch(4, n_init=1, random_state=3).fit(blobs)
    np.testing.assert_array_equal(a.labels_, b.labels_)


@pytest.mark.parametrize("seed", range(4))
def test_n_init_keeps_the_lowest_inertia(seed):
    # 8 overlapping blobs: random starts often end in different local optima
    X = make_course_blobs(n_samples=400, centers=8, cluster_std=1.5, random_state=seed)[
        0
    ]
    n_init = 6
    model = KMeansScratch(8, init="random", n_init=n_init, random_state=seed).fit(X)
    # "random" draws one set of distinct rows per run from the same generator: replay
    # them
    rng = np.random.default_rng(seed)
    starts = [X[rng.choice(X.shape[0], size=8, replace=False)] for _ in range(n_init)]
    inertias = [KMeansScratch(8, init=start).fit(X).inertia_ for start in starts]
    assert model.inertia_ == pytest.approx(min(inertias), rel=1e-12)
    assert model.inertia_ <= inertias[0] * (1 + 1e-12)


def test_auto_n_init_is_one_for_kmeans_plus_plus_and_ten_for_random(blobs):
    plus = KMeansScratch(4, n_init="auto", random_state=1).fit(blobs)
    one = KMeansScratch(4, n_init=1, random_state=1).fit(blobs)
    np.testing.assert_array_equal(plus.labels_, one.labels_)
    rand = KMeansScratch(4, init="random", n_init="auto", random_state=1).fit(blobs)
    ten = KMeansScratch(4, init="random", n_init=10, random_state=1).fit(blobs)
    np.testing.assert_array_equal(rand.labels_, ten.labels_)


def test_random_init_picks_distinct_rows(blobs):
    model = KMeansScratch(6, init="random", n_init=1, random_state=2).fit(blobs)
    start = model.history_[0].centers
    rows = [np.flatnonzero((blobs == centre).all(axis=1)) for centre in start]
    assert all(len(r) == 1 for r in rows) and len({int(r[0]) for r in rows}) == 6


def test_kmeans_plusplus_picks_one_start_per_separated_group():
    rng = np.random.default_rng(0)
    corners = np.array([[0.0, 0.0], [100.0, 0.0], [0.0, 100.0], [100.0, 100.0]])
    X = np.repeat(corners, 50, axis=0) + rng.normal(scale=0.1, size=(200, 2))
    for seed in range(20):
        model = KMeansScratch(4, n_init=1, max_iter=1, random_state=seed).fit(X)
        start = model.history_[0].centers
        rows = [int(np.flatnonzero((X == centre).all(axis=1))[0]) for centre in start]
        assert sorted({row // 50 for row in rows}) == [0, 1, 2, 3]


# --- scikit-learn's estimator API -----------------------------------------------------


def test_get_params_set_params_clone_and_repr():
    model = KMeansScratch(3, init="random", n_init=2, random_state=0)
    params = model.get_params()
    assert (
        params["n_clusters"] == 3
        and params["init"] == "random"
        and params["n_init"] == 2
    )
    assert model.set_params(n_clusters=5) is model and model.n_clusters == 5
    copy = clone(model)
    assert copy.get_params() == model.get_params() and copy is not model
    assert "n_clusters=5" in repr(model)


def test_dataframe_input(scaled_customers):
    frame = pd.DataFrame(scaled_customers, columns=["age", "income"])
    a = KMeansScratch(3, n_init=1, random_state=0).fit(frame)
    b = KMeansScratch(3, n_init=1, random_state=0).fit(scaled_customers)
    np.testing.assert_array_equal(a.labels_, b.labels_)
    assert a.n_features_in_ == 2


# --- bad input: one table, at least one row per parameter -----------------------------

GOOD_X = np.arange(20.0).reshape(10, 2)
BAD_PARAMETERS = [
    ({"X": [[0.0, 1.0], [np.nan, 2.0]]}, ValueError, "X"),
    ({"X": [[0.0, 1.0], [np.inf, 2.0]]}, ValueError, "X"),
    ({"X": np.arange(5.0)}, ValueError, "X"),
    ({"X": np.empty((0, 2))}, ValueError, "X"),
    ({"X": [["a", "b"], ["c", "d"]]}, ValueError, "X"),
    ({"n_clusters": 0}, ValueError, "n_clusters"),
    ({"n_clusters": 11}, ValueError, "n_clusters"),
    ({"n_clusters": 2.5}, TypeError, "n_clusters"),
    ({"init": "kmeans++"}, ValueError, "init"),
    ({"init": None}, ValueError, "init"),
    ({"init": GOOD_X[:3]}, ValueError, r"init must have shape \(2, 2\)"),
    ({"init": [[0.0, np.nan], [1.0, 1.0]]}, ValueError, "init"),
    ({"n_init": 0}, ValueError, "n_init"),
    ({"n_init": 1.5}, TypeError, "n_init"),
    ({"n_init": "many"}, ValueError, "n_init"),
    ({"init": GOOD_X[:2], "n_init": 3}, ValueError, "n_init must be 1"),
    ({"max_iter": 0}, ValueError, "max_iter"),
    ({"max_iter": 10.0}, TypeError, "max_iter"),
    ({"tol": -1e-3}, ValueError, "tol"),
    ({"tol": float("nan")}, ValueError, "tol"),
    ({"tol": "small"}, TypeError, "tol"),
    ({"random_state": -1}, ValueError, "random_state"),
    ({"random_state": "seed"}, TypeError, "random_state"),
]


@pytest.mark.parametrize(("bad", "error", "name"), BAD_PARAMETERS)
def test_bad_input_is_refused_with_the_argument_named(bad, error, name):
    params = {"n_clusters": 2, **bad}
    X = params.pop("X", GOOD_X)
    with pytest.raises(error, match=f"^{name}"):
        KMeansScratch(**params).fit(X)


def test_predict_refuses_an_unfitted_model_and_other_features():
    with pytest.raises(NotFittedError, match="not fitted"):
        KMeansScratch(2).predict(GOOD_X)
    model = KMeansScratch(2, n_init=1, random_state=0).fit(GOOD_X)
    with pytest.raises(ValueError, match="^X must have 2 features"):
        model.predict(np.zeros((4, 3)))
    with pytest.raises(ValueError, match="^X"):
        model.predict([[np.nan, 0.0]])


def test_labels_follow_a_centre_moved_into_an_empty_cluster():
    # Found by hypothesis: the labels stop changing in the iteration that moves a point
    # into an empty cluster (the empty cluster is filled in the last iteration).
    # scikit-learn stops with stale labels (0.25 stays with the centre at 0); the course's
    # K-Means assigns once more, so every point sits with its nearest centre.
    X = np.array([0, 0, 0, 0, 1, 1, 0.25, 1, 1, 1, 1.0]).reshape(-1, 1)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        model = KMeansScratch(3, init="random", n_init=1, random_state=1).fit(X)
    nearest = np.argmin((X - model.cluster_centers_.T) ** 2, axis=1)
    np.testing.assert_array_equal(model.labels_, nearest)
    assert model.inertia_ == pytest.approx(
        ((X.ravel() - model.cluster_centers_[nearest, 0]) ** 2).sum()
    )
