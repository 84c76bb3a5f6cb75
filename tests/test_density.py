"""Tests for course_utils.density: k-distances, the suggested eps, the eps x min_samples grid."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from scipy.spatial.distance import cdist
from sklearn.cluster import DBSCAN
from sklearn.datasets import make_blobs
from sklearn.metrics import adjusted_rand_score

from course_utils.datasets import make_course_moons
from course_utils.density import (
    eps_grid,
    k_distances,
    plot_eps_grid,
    plot_k_distance,
    suggest_eps,
)

CENTRES = [[0.0, 0.0], [10.0, 0.0], [0.0, 10.0], [10.0, 10.0]]


@pytest.fixture(scope="module")
def blobs():
    return make_blobs(n_samples=200, centers=CENTRES, cluster_std=0.5, random_state=0)


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


@settings(max_examples=40, deadline=None)
@given(
    arrays(
        np.float64,
        st.tuples(st.integers(4, 30), st.integers(1, 3)),
        elements=st.floats(-9, 9),
    ),
    st.data(),
)
def test_k_distance_is_the_core_point_radius_of_dbscan(X, data):
    min_samples = data.draw(st.integers(2, X.shape[0] - 1))
    # independent computation: the min_samples-th smallest distance, the point itself included
    expected = np.sort(np.sort(cdist(X, X), axis=1)[:, min_samples - 1])
    distances = k_distances(X, min_samples)
    np.testing.assert_allclose(distances, expected, atol=1e-9)
    eps = float(np.median(distances)) + 1e-9
    core = DBSCAN(eps=eps, min_samples=min_samples).fit(X).core_sample_indices_
    assert core.size == np.sum(distances <= eps)


def test_knee_eps_on_blobs_separates_them(blobs):
    X, y = blobs
    eps = suggest_eps(X, min_samples=5)
    assert 0 < eps < 5  # well below the 10-unit gap between the blobs
    labels = DBSCAN(eps=eps, min_samples=5).fit_predict(X)
    clustered = labels >= 0
    assert np.unique(labels[clustered]).size == 4
    assert clustered.mean() > 0.9
    assert adjusted_rand_score(y[clustered], labels[clustered]) == 1.0


def test_knee_eps_on_moons_finds_the_two_moons():
    X, y = make_course_moons()
    labels = DBSCAN(eps=suggest_eps(X, 10), min_samples=10).fit_predict(X)
    assert adjusted_rand_score(y, labels) == 1.0


def test_a_degenerate_eps_gives_one_cluster_and_ari_exactly_zero(blobs):
    X, y = blobs
    labels = DBSCAN(eps=50.0, min_samples=5).fit_predict(X)  # eps wider than the data
    assert np.unique(labels).tolist() == [0]
    assert adjusted_rand_score(y, labels) == 0.0


def test_k_distance_and_suggest_eps_bad_input():
    with pytest.raises(ValueError, match="min_samples must be >= 2"):
        k_distances([[0.0], [1.0], [2.0]], 1)
    with pytest.raises(ValueError, match="at least 4 are needed"):
        k_distances([[0.0], [1.0], [2.0]], 3)
    with pytest.raises(TypeError, match="min_samples must be an integer"):
        suggest_eps([[0.0], [1.0], [2.0]], 2.0)
    with pytest.raises(ValueError, match="NaN"):
        suggest_eps([[0.0], [np.nan], [2.0]], 2)
    with pytest.raises(ValueError, match="flat"):
        suggest_eps([[0.0], [1.0], [2.0], [3.0], [4.0]], 2)


def test_k_distance_plot_marks_the_suggested_eps(blobs):
    X, _ = blobs
    ax = plot_k_distance(X, 5)
    eps = suggest_eps(X, 5)
    assert any(
        line.get_ydata()[0] == pytest.approx(eps) for line in ax.get_lines()[1:]
    ), "no line at the suggested eps"
    assert f"{eps:.3f}" in " ".join(t.get_text() for t in ax.get_legend().get_texts())
    assert ax.get_xlabel() and ax.get_ylabel() and ax.get_title()
    with pytest.raises(ValueError, match="eps must be > 0"):
        plot_k_distance(X, 5, eps=0.0)


def test_eps_grid_counts_match_dbscan(blobs):
    X, y = blobs
    grid = eps_grid(X, [0.05, 2.0, 50.0], [3, 10], y)
    assert list(grid.index.names) == ["eps", "min_samples"]
    assert len(grid) == 6
    assert list(grid.columns) == ["clusters found", "noise share", "ARI vs truth"]
    for (eps, min_samples), row in grid.iterrows():
        labels = DBSCAN(eps=eps, min_samples=min_samples).fit_predict(X)
        assert row["clusters found"] == np.unique(labels[labels >= 0]).size
        assert row["noise share"] == pytest.approx(np.mean(labels == -1))
    assert grid.loc[(2.0, 3), "ARI vs truth"] == 1.0
    assert grid.loc[(50.0, 10), "clusters found"] == 1
    assert grid.loc[(50.0, 10), "ARI vs truth"] == 0.0
    assert "ARI vs truth" not in eps_grid(X, [2.0], [5]).columns


def test_eps_grid_bad_input(blobs):
    X, y = blobs
    with pytest.raises(ValueError, match=r"eps_values\[1\] must be > 0"):
        eps_grid(X, [0.5, -1.0], [5])
    with pytest.raises(ValueError, match="empty"):
        eps_grid(X, [], [5])
    with pytest.raises(ValueError, match="repeated"):
        eps_grid(X, [0.5], [5, 5])
    with pytest.raises(TypeError, match="sequence of numbers"):
        eps_grid(X, 0.5, [5])
    with pytest.raises(TypeError, match=r"min_samples_values\[0\] must be an integer"):
        eps_grid(X, [0.5], [2.5])
    with pytest.raises(ValueError, match="y_true has 10 entries"):
        eps_grid(X, [0.5], [5], y[:10])


def test_eps_grid_heatmap(blobs):
    X, y = blobs
    grid = eps_grid(X, [0.05, 2.0], [3, 10], y)
    ax = plot_eps_grid(grid, "noise share")
    assert ax.get_title() == "DBSCAN: noise share"
    assert len(ax.texts) == 4
    with pytest.raises(ValueError, match="value must be one of"):
        plot_eps_grid(grid, "clusters")
    with pytest.raises(TypeError, match="eps_grid"):
        plot_eps_grid(grid.reset_index())
