"""Tests for course_utils.plots_l03: silhouette diagrams drawn from the right values."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pytest
from sklearn.cluster import KMeans
from sklearn.metrics import silhouette_samples

from course_utils.datasets import make_course_blobs
from course_utils.plots_l03 import silhouette_diagrams


@pytest.fixture(scope="module")
def blobs():
    X, y = make_course_blobs()
    labels = {
        f"K = {k}": KMeans(n_clusters=k, random_state=0, n_init=3).fit_predict(X)
        for k in (2, 4, 6)
    }
    return X, y, labels


def bar_widths(ax):
    return np.array([patch.get_width() for patch in ax.patches])


def test_each_bar_is_one_points_silhouette_sorted_within_its_group(blobs):
    X, _, labels = blobs
    axes = silhouette_diagrams(X, {"K = 6": labels["K = 6"]})
    values = silhouette_samples(X, labels["K = 6"])
    expected = np.concatenate(
        [np.sort(values[labels["K = 6"] == g]) for g in np.unique(labels["K = 6"])]
    )
    np.testing.assert_allclose(bar_widths(axes[0]), expected)
    plt.close("all")


def test_panels_share_an_x_range_that_shows_every_bar(blobs):
    X, y, labels = blobs
    # a shuffled labelling has negative silhouettes; K = 4 on the blobs has none
    shuffled = np.random.default_rng(0).permutation(y)
    panels = {"K = 4": labels["K = 4"], "shuffled truth": shuffled}
    axes = silhouette_diagrams(X, panels)
    lowest = min(silhouette_samples(X, lab).min() for lab in panels.values())
    limits = {ax.get_xlim() for ax in axes}
    assert len(limits) == 1
    ((left, right),) = limits
    assert left < lowest and right == 1.0
    plt.close("all")


def test_grid_has_at_most_two_columns_and_no_empty_panel(blobs):
    X, _, labels = blobs
    axes = silhouette_diagrams(X, labels)
    fig = axes[0].figure
    assert len(axes) == len(fig.axes) == 3
    columns = {round(ax.get_position().x0, 3) for ax in fig.axes}
    assert len(columns) == 2
    plt.close("all")


def test_ticks_name_each_group_with_its_size_and_title_gives_the_mean(blobs):
    X, _, labels = blobs
    axes = silhouette_diagrams(
        X, {"truth": labels["K = 4"]}, nouns={"truth": "segment"}
    )
    sizes = np.bincount(labels["K = 4"])
    ticks = [t.get_text() for t in axes[0].get_yticklabels()]
    assert ticks == [f"{g}\n(n={n})" for g, n in enumerate(sizes)]
    mean = silhouette_samples(X, labels["K = 4"]).mean()
    assert f"{mean:.2f}" in axes[0].get_title()
    assert axes[0].get_ylabel().startswith("segment")
    plt.close("all")
