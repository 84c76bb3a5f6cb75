"""Tests for course_utils.compare: the algorithm comparison table, label matching, the figure."""

from __future__ import annotations

import math

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.cluster import DBSCAN, AgglomerativeClustering, KMeans
from sklearn.datasets import make_blobs
from sklearn.metrics import adjusted_rand_score, silhouette_score
from sklearn.mixture import GaussianMixture
from sklearn.preprocessing import StandardScaler

from course_utils.compare import (
    ARI,
    CLUSTERS,
    FIT_SECONDS,
    LARGEST_SHARE,
    NOISE_SHARE,
    NOTE,
    SILHOUETTE,
    AlgorithmComparison,
    cluster_summary,
    compare_algorithms,
    match_labels,
    plot_comparison,
)

# Four tight blobs 10 units apart (sd 0.5): every sensible algorithm must recover them exactly.
CENTRES = [[0.0, 0.0], [10.0, 0.0], [0.0, 10.0], [10.0, 10.0]]


@pytest.fixture(scope="module")
def blobs():
    return make_blobs(n_samples=200, centers=CENTRES, cluster_std=0.5, random_state=0)


def four_algorithms():
    return {
        "K-Means": KMeans(n_clusters=4, n_init=5, random_state=0),
        "Agglomerative (ward)": AgglomerativeClustering(n_clusters=4),
        "DBSCAN": DBSCAN(eps=2.0, min_samples=5),  # far below the 10-unit gaps
        "Gaussian mixture": GaussianMixture(n_components=4, n_init=2, random_state=0),
    }


@pytest.fixture(scope="module")
def blob_comparison(blobs):
    X, y = blobs
    return compare_algorithms(X, four_algorithms(), y)


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


# --- compare_algorithms on data with a known answer ---------------------------------------


def test_every_algorithm_recovers_well_separated_blobs(blob_comparison):
    table = blob_comparison.table
    assert list(table.index) == list(four_algorithms())
    assert table.index.name == "algorithm"
    assert (table[ARI] == 1.0).all()
    assert (table[CLUSTERS] == 4).all()
    assert (table[NOISE_SHARE] == 0.0).all()
    assert (table[NOTE] == "").all()


def test_table_columns_and_no_timings_in_it(blob_comparison):
    assert list(blob_comparison.table.columns) == [
        CLUSTERS,
        NOISE_SHARE,
        LARGEST_SHARE,
        SILHOUETTE,
        ARI,
        NOTE,
    ]
    assert "noise excluded" in SILHOUETTE
    assert not any("time" in column for column in blob_comparison.table.columns)
    times = blob_comparison.fit_seconds
    assert list(times.index) == list(blob_comparison.table.index)
    assert (times >= 0).all()
    with_times = blob_comparison.table_with_times()
    assert with_times[FIT_SECONDS].equals(times)
    assert with_times.drop(columns=FIT_SECONDS).equals(blob_comparison.table)


def test_silhouette_is_sklearns_and_labels_are_returned(blobs, blob_comparison):
    X, _ = blobs
    for name, labels in blob_comparison.labels.items():
        assert labels.shape == (X.shape[0],)
        expected = silhouette_score(X, labels)
        assert blob_comparison.table.loc[name, SILHOUETTE] == pytest.approx(expected)


def test_without_truth_there_is_no_ari_column(blobs):
    X, _ = blobs
    result = compare_algorithms(X, {"K-Means": KMeans(4, n_init=2, random_state=0)})
    assert ARI not in result.table.columns


def test_unfitted_estimators_are_copied_not_modified(blobs):
    X, y = blobs
    mine = KMeans(n_clusters=4, n_init=2, random_state=0)
    result = compare_algorithms(X, {"K-Means": mine}, y)
    assert not hasattr(mine, "labels_")
    assert result.estimators["K-Means"] is not mine
    assert hasattr(result.estimators["K-Means"], "cluster_centers_")


def test_fitted_estimators_are_used_as_they_are(blobs):
    X, y = blobs
    kmeans = KMeans(n_clusters=4, n_init=2, random_state=0).fit(X)
    dbscan = DBSCAN(eps=2.0, min_samples=5).fit(X)
    centres_before = kmeans.cluster_centers_.copy()
    result = compare_algorithms(X, {"K-Means": kmeans, "DBSCAN": dbscan}, y)
    np.testing.assert_array_equal(kmeans.cluster_centers_, centres_before)
    assert result.estimators["K-Means"] is kmeans
    np.testing.assert_array_equal(result.labels["DBSCAN"], dbscan.labels_)
    assert result.fit_seconds.isna().all()
    assert result.table[NOTE].str.contains("fitted beforehand").all()


def test_fitted_estimator_without_predict_on_other_data_is_refused(blobs):
    X, y = blobs
    dbscan = DBSCAN(eps=2.0, min_samples=5).fit(X[:50])
    with pytest.raises(ValueError, match="pass it unfitted"):
        compare_algorithms(X, {"DBSCAN": dbscan}, y)


def test_noise_is_excluded_from_silhouette_and_counted():
    X, y = make_blobs(
        n_samples=150, centers=CENTRES[:3], cluster_std=0.5, random_state=1
    )
    X = np.vstack([X, [[30.0, 30.0], [-30.0, 30.0]]])  # two far outliers
    y = np.append(y, [3, 3])
    result = compare_algorithms(X, {"DBSCAN": DBSCAN(eps=2.0, min_samples=5)}, y)
    row = result.table.loc["DBSCAN"]
    labels = result.labels["DBSCAN"]
    assert row[CLUSTERS] == 3
    assert row[NOISE_SHARE] == pytest.approx(2 / 152)
    kept = labels >= 0
    assert row[SILHOUETTE] == pytest.approx(silhouette_score(X[kept], labels[kept]))
    assert row[ARI] == pytest.approx(adjusted_rand_score(y, labels))


def test_one_cluster_gives_nan_silhouette_with_a_note_and_ari_exactly_zero(blobs):
    X, y = blobs
    result = compare_algorithms(X, {"huge eps": DBSCAN(eps=100.0, min_samples=5)}, y)
    row = result.table.loc["huge eps"]
    assert row[CLUSTERS] == 1
    assert row[LARGEST_SHARE] == 1.0
    assert math.isnan(row[SILHOUETTE])
    assert "silhouette undefined" in row[NOTE]
    assert row[ARI] == 0.0


def test_all_noise_gives_zero_clusters(blobs):
    X, y = blobs
    result = compare_algorithms(X, {"tiny eps": DBSCAN(eps=1e-6, min_samples=5)}, y)
    row = result.table.loc["tiny eps"]
    assert row[CLUSTERS] == 0
    assert row[NOISE_SHARE] == 1.0
    assert row[LARGEST_SHARE] == 0.0
    assert math.isnan(row[SILHOUETTE])


def test_a_dataframe_and_a_series_are_accepted(blobs):
    X, y = blobs
    frame = pd.DataFrame(StandardScaler().fit_transform(X), columns=["a", "b"])
    result = compare_algorithms(
        frame, {"K": KMeans(4, n_init=2, random_state=0)}, pd.Series(y)
    )
    assert result.table.loc["K", ARI] == 1.0


# --- bad input ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("X", "error", "match"),
    [
        ([[1.0, np.nan], [2.0, 3.0]], ValueError, "NaN"),
        ([[1.0, np.inf], [2.0, 3.0]], ValueError, "NaN or infinite"),
        ([1.0, 2.0, 3.0], ValueError, "2-D"),
        ([[1.0, 2.0]], ValueError, "at least 2"),
        (np.empty((0, 2)), ValueError, "empty"),
        ([["a", "b"], ["c", "d"]], TypeError, "numbers"),
        ("data", TypeError, "2-D array-like"),
    ],
)
def test_bad_X_is_refused(X, error, match):
    with pytest.raises(error, match=match):
        compare_algorithms(X, {"K": KMeans(2, n_init=1)})


def test_truth_of_the_wrong_length_is_refused(blobs):
    X, y = blobs
    with pytest.raises(
        ValueError, match="y_true has 199 entries but the data has 200 rows"
    ):
        compare_algorithms(X, four_algorithms(), y[:-1])
    with pytest.raises(TypeError, match="y_true must hold integers"):
        compare_algorithms(X, four_algorithms(), y + 0.5)


@pytest.mark.parametrize(
    ("estimators", "error", "match"),
    [
        ({}, ValueError, "empty"),
        ([KMeans(2)], TypeError, "must be a dict"),
        ({1: KMeans(2)}, TypeError, "keys must be strings"),
        (
            {"K": "KMeans"},
            TypeError,
            r"estimators\['K'\] must be a clustering estimator",
        ),
        ({"K": object()}, TypeError, "fit or fit_predict"),
        ({"scaler": StandardScaler()}, TypeError, "gives no cluster labels"),
    ],
)
def test_bad_estimators_are_refused(blobs, estimators, error, match):
    X, _ = blobs
    with pytest.raises(error, match=match):
        compare_algorithms(X, estimators)


def test_cluster_summary_bad_input():
    with pytest.raises(
        ValueError, match="labels has 2 entries but the data has 3 rows"
    ):
        cluster_summary([[0.0], [1.0], [2.0]], [0, 1])
    with pytest.raises(TypeError, match="truth must hold integers"):
        cluster_summary([[0.0], [1.0]], [0, 1], truth=["a", "b"])


# --- match_labels -------------------------------------------------------------------------


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.integers(0, 4), min_size=1, max_size=40),
    st.permutations(range(5)),
)
def test_match_labels_undoes_any_renumbering(reference, permutation):
    reference = np.array(reference)
    renumbered = np.array(permutation)[reference]
    np.testing.assert_array_equal(match_labels(renumbered, reference), reference)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.integers(-1, 6), min_size=2, max_size=40), st.data())
def test_match_labels_keeps_the_grouping_and_the_noise(labels, data):
    labels = np.array(labels)
    reference = np.array(
        data.draw(
            st.lists(st.integers(0, 3), min_size=labels.size, max_size=labels.size)
        )
    )
    matched = match_labels(labels, reference)
    np.testing.assert_array_equal(matched < 0, labels < 0)
    # the same points are together: a one-to-one map between old and new numbers
    pairs = set(zip(labels.tolist(), matched.tolist(), strict=True))
    assert (
        len({old for old, _ in pairs}) == len(pairs) == len({new for _, new in pairs})
    )


def test_match_labels_bad_input():
    with pytest.raises(ValueError, match="reference has 2 entries but the data has 3"):
        match_labels([0, 1, 1], [0, 1])
    with pytest.raises(ValueError, match="non-negative"):
        match_labels([0, 1], [-1, 0])


# --- plot_comparison ----------------------------------------------------------------------


def test_plot_has_a_truth_panel_and_one_per_algorithm_on_shared_axes(
    blobs, blob_comparison
):
    X, y = blobs
    fig = plot_comparison(X, blob_comparison, y, xlabel="x (units)", ylabel="y (units)")
    visible = [ax for ax in fig.axes if ax.get_visible()]
    assert len(visible) == 1 + len(blob_comparison.labels)
    assert visible[0].get_title() == "True segments"
    assert all(ax.get_xlim() == visible[0].get_xlim() for ax in visible)
    assert all(ax.get_ylim() == visible[0].get_ylim() for ax in visible)
    for ax, name in zip(visible[1:], blob_comparison.labels, strict=True):
        assert ax.get_title().startswith(name)
        assert "ARI 1.00" in ax.get_title()
        assert ax.get_xlabel() == "x (units)" and ax.get_legend() is not None


def test_plot_without_truth_and_bad_input(blobs, blob_comparison):
    X, _ = blobs
    fig = plot_comparison(X, blob_comparison, ncols=4)
    assert len([ax for ax in fig.axes if ax.get_visible()]) == 4
    with pytest.raises(TypeError, match="result of compare_algorithms"):
        plot_comparison(X, blob_comparison.table)
    with pytest.raises(ValueError, match="X has 199 rows"):
        plot_comparison(X[:-1], blob_comparison)
    with pytest.raises(ValueError, match="exactly 2 columns"):
        plot_comparison(np.hstack([X, X]), blob_comparison)
    assert isinstance(blob_comparison, AlgorithmComparison)
