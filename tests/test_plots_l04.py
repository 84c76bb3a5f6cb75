"""Tests for course_utils.plots_l04: colour matching, ellipses and the two pictures."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")  # tests only; lessons never set a backend

import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.patches import Ellipse
from sklearn.datasets import make_blobs
from sklearn.metrics import adjusted_rand_score
from sklearn.mixture import GaussianMixture

from course_utils.plots_l04 import (
    ellipse_shape,
    full_covariances,
    match_to_truth,
    plot_comparison,
    plot_mixture,
)


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def test_match_to_truth_renumbers_clusters_keeps_noise_and_grouping():
    labels = np.array([7, 7, 3, 3, -1, 5])
    truth = np.array([0, 0, 1, 1, 1, 1])
    matched = match_to_truth(labels, truth)
    assert matched.tolist() == [0, 0, 1, 1, -1, 2]  # the extra cluster gets a spare 2
    assert adjusted_rand_score(labels, matched) == 1.0


def test_match_to_truth_with_fewer_clusters_than_groups():
    matched = match_to_truth(np.array([0, 0, 0, 0]), np.array([2, 2, 2, 0]))
    assert matched.tolist() == [2, 2, 2, 2]


def test_match_to_truth_all_noise():
    assert match_to_truth(np.full(3, -1), np.array([0, 1, 1])).tolist() == [-1] * 3


def test_ellipse_shape_of_axis_aligned_and_tilted_covariances():
    assert ellipse_shape(np.array([[4.0, 0.0], [0.0, 1.0]]), 1.0) == (4.0, 2.0, 0.0)
    assert ellipse_shape(np.array([[1.0, 0.0], [0.0, 9.0]]), 2.0) == (12.0, 4.0, 90.0)
    width, height, angle = ellipse_shape(np.array([[2.0, 1.0], [1.0, 2.0]]), 1.0)
    assert (width, height) == pytest.approx((2 * np.sqrt(3), 2.0))
    assert angle == pytest.approx(45.0)


@pytest.mark.parametrize("kind", ["full", "tied", "diag", "spherical"])
def test_full_covariances_invert_to_the_models_precisions(kind):
    X, _ = make_blobs(n_samples=200, centers=3, random_state=0)
    model = GaussianMixture(3, covariance_type=kind, random_state=0).fit(X)
    covariances = full_covariances(model)
    assert covariances.shape == (3, 2, 2)
    if kind == "full":
        precisions = model.precisions_
    elif kind == "tied":
        precisions = np.repeat(model.precisions_[None], 3, axis=0)
    elif kind == "diag":
        precisions = np.stack([np.diag(p) for p in model.precisions_])
    else:
        precisions = np.stack([np.eye(2) * p for p in model.precisions_])
    np.testing.assert_allclose(np.linalg.inv(covariances), precisions, rtol=1e-8)


def test_plot_mixture_draws_two_ellipses_per_component_and_says_component():
    X, _ = make_blobs(n_samples=150, centers=3, random_state=1)
    model = GaussianMixture(3, random_state=0).fit(X)
    ax = plot_mixture(X, model)
    ellipses = [p for p in ax.patches if isinstance(p, Ellipse)]
    assert len(ellipses) == 6
    centres = {tuple(np.round(e.center, 6)) for e in ellipses}
    assert centres == {tuple(np.round(m, 6)) for m in model.means_}
    texts = [t.get_text() for t in ax.get_legend().get_texts()]
    assert "component 0" in texts and not any("cluster" in t for t in texts)


def test_plot_comparison_puts_truth_first_and_at_most_two_panels_a_row():
    X, y = make_blobs(n_samples=60, centers=2, random_state=0)
    labels = {"a": 1 - y, "b": y, "c": np.zeros_like(y)}
    fig = plot_comparison(X, labels, {"a": "first"}, truth=y)
    axes = [ax for ax in fig.axes if ax.get_visible()]
    assert len(axes) == 4 and fig.axes[0].get_gridspec().ncols == 2
    assert [ax.get_title() for ax in axes] == ["True segments", "first", "b", "c"]
    # "a" is the truth with swapped numbers: matched, it is drawn in the truth's colours
    truth_colours = [c.get_facecolor()[0].tolist() for c in axes[0].collections]
    matched_colours = [c.get_facecolor()[0].tolist() for c in axes[1].collections]
    assert truth_colours == matched_colours
