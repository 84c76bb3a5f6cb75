"""course_utils.plots: each picture draws what it is given (steps, silhouettes, ellipses)."""

from __future__ import annotations

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.patches import Ellipse
from sklearn.cluster import KMeans
from sklearn.datasets import make_blobs
from sklearn.metrics import adjusted_rand_score, silhouette_samples
from sklearn.mixture import GaussianMixture

from course_utils.datasets import make_course_blobs
from course_utils.kmeans import KMeansScratch
from course_utils.plots import (
    ellipse_shape,
    full_covariances,
    match_to_truth,
    plot_comparison,
    plot_inertia_history,
    plot_iterations,
    plot_mixture,
    silhouette_diagrams,
)

matplotlib.use("Agg")  # tests only; lessons never set a backend


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


@pytest.fixture(scope="module")
def run():
    X = make_course_blobs()[0]
    start = X[np.random.default_rng(6).choice(len(X), size=4, replace=False)]
    return X, KMeansScratch(4, init=start, tol=0.0).fit(X)


def test_each_panel_shows_its_step_and_paths_end_at_its_centres(run):
    X, model = run
    fig = plot_iterations(X, model.history_, steps=[0, 2, model.n_iter_])
    panels = [ax for ax in fig.axes if ax.get_visible()]
    assert len(panels) == 3 and panels[1].get_title().startswith("after 2 updates")
    for ax, number in zip(panels, [0, 2, model.n_iter_], strict=True):
        step = model.history_[number]
        inertia = ((X - step.centers[step.labels]) ** 2).sum()
        assert ax.get_title().endswith(f"inertia {inertia:,.1f}")
        paths = [line for line in ax.get_lines() if line.get_linestyle() == "--"]
        ends = np.array([line.get_xydata()[-1] for line in paths])
        np.testing.assert_allclose(ends, step.centers)


def test_inertia_history_ends_at_the_fitted_inertia(run):
    X, model = run
    heights = plot_inertia_history(X, model.history_).get_lines()[0].get_ydata()
    assert len(heights) == model.n_iter_ + 1
    assert heights[-1] == pytest.approx(model.inertia_)


matplotlib.use("Agg")


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


matplotlib.use("Agg")  # tests only; lessons never set a backend


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
