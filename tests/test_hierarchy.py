"""Tests for course_utils.hierarchy: linkage, the cut height, the dendrogram, linkages compared."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from scipy.cluster.hierarchy import fcluster
from sklearn.cluster import AgglomerativeClustering
from sklearn.datasets import make_blobs
from sklearn.metrics import adjusted_rand_score

from course_utils.compare import ARI, LARGEST_SHARE, plot_comparison
from course_utils.hierarchy import (
    LINKAGES,
    compare_linkages,
    cut_height,
    cut_labels,
    cut_ranges,
    linkage_matrix,
    plot_dendrogram,
)
from course_utils.style import cluster_style

CENTRES = [[0.0, 0.0], [10.0, 0.0], [0.0, 10.0], [10.0, 10.0]]


@pytest.fixture(scope="module")
def blobs():
    return make_blobs(n_samples=120, centers=CENTRES, cluster_std=0.5, random_state=0)


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def test_linkage_matrix_shape_and_methods(blobs):
    X, _ = blobs
    for method in LINKAGES:
        Z = linkage_matrix(X, method)
        assert Z.shape == (X.shape[0] - 1, 4)
        assert Z[-1, 3] == X.shape[0]  # the last merge holds every point
    with pytest.raises(ValueError, match="method must be one of"):
        linkage_matrix(X, "wards")
    with pytest.raises(ValueError, match="NaN"):
        linkage_matrix([[0.0, 1.0], [np.nan, 2.0]])


@settings(max_examples=40, deadline=None)
@given(
    arrays(
        np.float64,
        st.tuples(st.integers(4, 25), st.just(2)),
        elements=st.floats(-50, 50),
    ),
    st.sampled_from(list(LINKAGES)),
    st.data(),
)
def test_the_cut_leaves_exactly_the_requested_clusters(X, method, data):
    Z = linkage_matrix(X, method)
    n_clusters = data.draw(st.integers(2, X.shape[0] - 1))
    gaps = np.diff(Z[:, 2])
    if gaps[X.shape[0] - n_clusters - 1] <= 0:  # a tie: no cut can give exactly K
        with pytest.raises(ValueError, match="same height"):
            cut_height(Z, n_clusters)
        return
    height = cut_height(Z, n_clusters)
    assert Z[X.shape[0] - n_clusters - 1, 2] < height < Z[X.shape[0] - n_clusters, 2]
    found = fcluster(Z, height, criterion="distance")
    assert np.unique(found).size == n_clusters
    labels = cut_labels(Z, n_clusters)
    assert sorted(np.unique(labels)) == list(range(n_clusters))
    assert (
        adjusted_rand_score(labels, fcluster(Z, n_clusters, criterion="maxclust"))
        == 1.0
    )


def test_cut_ranges_agree_with_cut_height(blobs):
    X, _ = blobs
    Z = linkage_matrix(X)
    ranges = cut_ranges(Z, 6)
    assert list(ranges.index) == [2, 3, 4, 5, 6]
    assert (ranges["stretch"] >= 0).all()
    for k, row in ranges.iterrows():
        middle = (row["from height"] + row["to height"]) / 2
        assert middle == pytest.approx(cut_height(Z, k))
        assert np.unique(fcluster(Z, middle, criterion="distance")).size == k
    # four far-apart blobs: the longest stretch is the one that leaves 4 clusters
    assert ranges["stretch"].idxmax() == 4
    with pytest.raises(ValueError, match="max_clusters must be <= 119"):
        cut_ranges(Z, 120)


def test_ward_cut_equals_sklearn_agglomerative(blobs):
    X, y = blobs
    labels = cut_labels(linkage_matrix(X, "ward"), 4)
    sklearn_labels = AgglomerativeClustering(n_clusters=4, linkage="ward").fit_predict(
        X
    )
    assert adjusted_rand_score(labels, sklearn_labels) == 1.0
    assert adjusted_rand_score(labels, y) == 1.0


def test_cut_height_bad_input(blobs):
    X, _ = blobs
    Z = linkage_matrix(X)
    with pytest.raises(ValueError, match="n_clusters must be <= 119"):
        cut_height(Z, 120)
    with pytest.raises(ValueError, match="n_clusters must be >= 2"):
        cut_height(Z, 1)
    with pytest.raises(TypeError, match="n_clusters must be an integer"):
        cut_height(Z, 2.5)
    with pytest.raises(ValueError, match="valid"):
        cut_height(Z[:, :3], 2)
    with pytest.raises(TypeError, match="linkage matrix"):
        cut_height("Z", 2)
    tied = linkage_matrix([[0.0], [1.0], [10.0], [11.0]], "single")  # merges at 1, 1, 9
    with pytest.raises(ValueError, match="same height"):
        cut_height(tied, 3)


def test_dendrogram_draws_the_cut_and_colours_branches_like_the_clusters(blobs):
    X, _ = blobs
    Z = linkage_matrix(X)
    ax = plot_dendrogram(Z, 4, truncate_p=12)
    height = cut_height(Z, 4)
    lines = [line for line in ax.get_lines() if line.get_linestyle() == "--"]
    assert len(lines) == 1 and lines[0].get_ydata()[0] == pytest.approx(height)
    assert "4 clusters" in ax.get_legend().get_texts()[0].get_text()
    assert ax.get_xlabel() and ax.get_ylabel() and ax.get_title()
    colours = {
        tuple(np.round(c.get_colors()[0], 3))
        for c in ax.collections
        if len(c.get_paths())
    }
    cluster_colours = {
        tuple(np.round(plt.matplotlib.colors.to_rgba(cluster_style(i)["color"]), 3))
        for i in range(4)
    }
    assert cluster_colours <= colours
    with pytest.raises(ValueError, match="truncate_p must be >= 4"):
        plot_dendrogram(Z, 4, truncate_p=3)


def test_compare_linkages_on_blobs(blobs):
    X, y = blobs
    result = compare_linkages(X, 4, y)
    assert list(result.table.index) == list(LINKAGES)
    assert result.table.index.name == "linkage"
    assert (result.table[ARI] == 1.0).all()
    fig = plot_comparison(X, result, y)
    assert len([a for a in fig.axes if a.get_visible()]) == 5


def test_single_linkage_follows_long_bands_and_ward_cuts_across_them():
    # Two parallel bands, 20 long and 3 apart: nearest neighbours within a band are ~0.2
    # apart, so single linkage keeps each band whole; ward prefers compact halves.
    rng = np.random.default_rng(0)
    bands = np.vstack(
        [
            np.c_[rng.uniform(0, 20, 100), rng.normal(shift, 0.3, 100)]
            for shift in (0, 3)
        ]
    )
    truth = np.repeat([0, 1], 100)
    result = compare_linkages(bands, 2, truth, methods=["ward", "single"])
    assert result.table.loc["single", ARI] == 1.0
    assert result.table.loc["ward", ARI] < 0.5


def test_single_linkage_spends_a_cluster_on_an_outlier(blobs):
    X, _ = blobs
    with_outlier = np.vstack([X[:30], [[40.0, 40.0]]])  # one blob and a far point
    result = compare_linkages(with_outlier, 2, methods=["single"])
    assert result.table.loc["single", LARGEST_SHARE] == pytest.approx(30 / 31)


def test_compare_linkages_bad_input(blobs):
    X, y = blobs
    with pytest.raises(ValueError, match="methods must be one of"):
        compare_linkages(X, 4, methods=["ward", "centroid"])
    with pytest.raises(TypeError, match="the string"):
        compare_linkages(X, 4, methods="ward")
    with pytest.raises(ValueError, match="repeats"):
        compare_linkages(X, 4, methods=["ward", "ward"])
    with pytest.raises(ValueError, match="empty"):
        compare_linkages(X, 4, methods=[])
    with pytest.raises(ValueError, match="n_clusters must be >= 2"):
        compare_linkages(X, 1)
    with pytest.raises(ValueError, match="y_true has 3 entries"):
        compare_linkages(X, 4, y[:3])
