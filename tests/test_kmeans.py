"""KMeansScratch: scikit-learn's Lloyd result from the same start, K-Means' properties on any
data, scikit-learn's conventions (bad input: test_bad_inputs.py)."""

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from sklearn.base import clone
from sklearn.cluster import KMeans
from sklearn.exceptions import ConvergenceWarning

from course_utils.datasets import make_course_blobs
from course_utils.kmeans import KMeansScratch


def rows(X, k, seed):
    """``k`` distinct rows of ``X``, chosen with ``seed``."""
    return X[np.random.default_rng(seed).choice(len(X), size=k, replace=False)]


def scattered(seed):
    """Features on very different scales, far from the origin (centring must not matter)."""
    rng = np.random.default_rng(seed)
    points = rng.normal(size=(500, 3))
    return points * rng.uniform(0.01, 1e3, 3) + rng.uniform(-1e4, 1e4, 3)


BLOBS = make_course_blobs()[0]
NOISE = np.random.default_rng(7).normal(size=(3000, 3))
SCATTERED, MANY = [scattered(s) for s in range(4)], np.tile(NOISE, (6, 1))
FAR = np.vstack([np.random.default_rng(1).normal(size=(3, 2)) * 1000, NOISE[:2, :2]])
SAME_AS_SKLEARN = {  # case: (X, start, parameters)
    **{f"blobs K={k}": (BLOBS, rows(BLOBS, k, k), {}) for k in (1, 2, 4, 6)},
    **{f"scattered {s}": (X, rows(X, 3 + s, s), {}) for s, X in enumerate(SCATTERED)},
    **{f"tol={t}": (NOISE, rows(NOISE, 6, 7), {"tol": t}) for t in (0.0, 1e-2, 0.5)},
    **{f"max_iter={m}": (NOISE, rows(NOISE, 7, 8), {"max_iter": m}) for m in (1, 2, 5)},
    "three empty clusters at first": (NOISE[:200, :2], FAR, {}),
    "many rows and clusters": (MANY, rows(NOISE, 40, 9), {"max_iter": 15}),
}


@pytest.mark.parametrize("case", SAME_AS_SKLEARN)
def test_same_result_as_scikit_learn_from_the_same_start(case):
    X, start, kw = SAME_AS_SKLEARN[case]
    ours = KMeansScratch(len(start), init=start, **kw).fit(X)
    theirs = KMeans(len(start), init=start, n_init=1, algorithm="lloyd", **kw).fit(X)
    np.testing.assert_array_equal(ours.labels_, theirs.labels_)
    assert ours.inertia_ == pytest.approx(theirs.inertia_, rel=1e-9)
    assert ours.n_iter_ == theirs.n_iter_
    tol = 1e-9 * (np.abs(theirs.cluster_centers_).max() + 1.0)
    np.testing.assert_allclose(ours.cluster_centers_, theirs.cluster_centers_, atol=tol)


@pytest.mark.filterwarnings("ignore::sklearn.exceptions.ConvergenceWarning")
def test_an_empty_cluster_takes_the_farthest_point_or_keeps_its_centre_and_warns():
    X = np.array([[0.0], [1.0], [2.0], [10.0]])
    model = KMeansScratch(2, init=np.array([[1.0], [100.0]])).fit(X)
    assert model.history_[0].labels.tolist() == [0, 0, 0, 0]
    np.testing.assert_allclose(model.history_[1].centers, [[1.0], [10.0]])
    assert model.labels_.tolist() == [0, 0, 0, 1]
    X = np.array([[0.0], [0.0], [1.0], [1.0]])  # two distinct points, three clusters
    with pytest.warns(ConvergenceWarning, match="clusters have points"):
        model = KMeansScratch(3, init=np.array([[0.0], [1.0], [5.0]])).fit(X)
    np.testing.assert_allclose(model.cluster_centers_, [[0.0], [1.0], [5.0]])
    assert model.labels_.tolist() == [0, 0, 1, 1] and model.inertia_ == 0.0
    # found by hypothesis: scikit-learn stops here with stale labels; ours assigns again
    X = np.array([0, 0, 0, 0, 1, 1, 0.25, 1, 1, 1, 1.0]).reshape(-1, 1)
    model = KMeansScratch(3, init="random", n_init=1, random_state=1).fit(X)
    nearest = np.argmin((X - model.cluster_centers_.T) ** 2, 1)
    np.testing.assert_array_equal(model.labels_, nearest)


finite = st.floats(-1e3, 1e3, allow_subnormal=False)  # no NaN or infinity either


@st.composite
def data_and_k(draw):
    n, d = draw(st.integers(2, 40)), draw(st.integers(1, 3))
    # small integers make duplicates (fewer clusters) and exact ties; floats generic data
    elements = draw(st.sampled_from([finite, st.integers(-3, 3).map(float)]))
    X = draw(arrays(np.float64, (n, d), elements=elements))
    init = draw(st.sampled_from(["k-means++", "random"]))
    return X, draw(st.integers(1, min(n, 6))), init, draw(st.integers(0, 2**16))


@pytest.mark.filterwarnings("ignore::sklearn.exceptions.ConvergenceWarning")
@settings(max_examples=60, deadline=None)
@given(data_and_k())
def test_k_means_properties_hold_on_any_data(case):
    X, k, init, seed = case
    model = KMeansScratch(k, init=init, n_init=1, random_state=seed).fit(X)
    # the inertia never rises along the history, which ends at the result
    inertias = [((X - s.centers[s.labels]) ** 2).sum() for s in model.history_]
    assert np.all(np.diff(inertias) <= 1e-9 * (1.0 + inertias[0]) + 1e-9)
    assert inertias[-1] == pytest.approx(model.inertia_, rel=1e-9, abs=1e-9)
    assert [s.iteration for s in model.history_] == list(range(model.n_iter_ + 1))
    np.testing.assert_array_equal(model.history_[-1].labels, model.labels_)
    # every point sits with its nearest centre, and predict gives the labels back
    distances = ((X[:, None, :] - model.cluster_centers_[None]) ** 2).sum(axis=2)
    own = distances[np.arange(len(X)), model.labels_]
    slack = 1e-9 * (1.0 + (X**2).sum(axis=1).max())
    assert np.all(own <= distances.min(axis=1) + slack)
    assert 0 <= model.labels_.min() and model.labels_.max() < k
    np.testing.assert_array_equal(model.predict(X), model.labels_)


@pytest.mark.parametrize("seed", range(3))
def test_n_init_keeps_the_lowest_inertia_of_its_random_starts(seed):
    X = make_course_blobs(400, 8, cluster_std=1.5, random_state=seed)[0]
    model = KMeansScratch(8, init="random", n_init=6, random_state=seed).fit(X)
    rng = np.random.default_rng(seed)  # replay its starts: distinct rows, one generator
    starts = [X[rng.choice(len(X), size=8, replace=False)] for _ in range(6)]
    inertias = [KMeansScratch(8, init=start).fit(X).inertia_ for start in starts]
    assert model.inertia_ == pytest.approx(min(inertias), rel=1e-12)
    assert len(set(np.round(inertias, 6))) > 1, "the starts should not all agree"


def test_auto_n_init_a_generator_seed_conventions_and_plus_plus_starts_in_every_group():
    one = KMeansScratch(4, n_init=1, random_state=1).fit(BLOBS)
    auto = KMeansScratch(4, n_init="auto", random_state=1).fit(BLOBS)
    np.testing.assert_array_equal(auto.labels_, one.labels_)
    ten = KMeansScratch(4, init="random", n_init=10, random_state=1).fit(BLOBS)
    auto = KMeansScratch(4, init="random", n_init="auto", random_state=1).fit(BLOBS)
    assert auto.inertia_ == ten.inertia_
    generator = KMeansScratch(4, n_init=1, random_state=np.random.default_rng(1))
    np.testing.assert_array_equal(generator.fit(BLOBS).labels_, one.labels_)
    model = KMeansScratch(3, init="random", n_init=2, random_state=0)
    assert model.set_params(n_clusters=5) is model and "n_clusters=5" in repr(model)
    assert clone(model).get_params()["n_clusters"] == 5
    a = KMeansScratch(3, n_init=1, random_state=0).fit(pd.DataFrame(BLOBS))
    same = KMeansScratch(3, n_init=1, random_state=0).fit_predict(BLOBS)
    np.testing.assert_array_equal(a.labels_, same)
    assert a.n_features_in_ == 2
    # k-means++ starts in every well-separated group
    corners = np.array([[0.0, 0.0], [100.0, 0.0], [0.0, 100.0], [100.0, 100.0]])
    noise = np.random.default_rng(0).normal(0, 0.1, (200, 2))
    X = np.repeat(corners, 50, axis=0) + noise
    for seed in range(20):
        model = KMeansScratch(4, n_init=1, max_iter=1, random_state=seed).fit(X)
        starts = [np.flatnonzero((X == c).all(1))[0] for c in model.history_[0].centers]
        assert {int(row) // 50 for row in starts} == {0, 1, 2, 3}
