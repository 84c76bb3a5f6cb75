"""Tests for course_utils.kmeans_plots: the step-by-step pictures of a K-Means run."""

import matplotlib

matplotlib.use("Agg")  # tests only; lessons never set a backend

import matplotlib.pyplot as plt
import numpy as np
import pytest

from course_utils.datasets import make_course_blobs
from course_utils.kmeans import KMeansScratch, kmeans_inertia
from course_utils.kmeans_plots import (
    default_steps,
    plot_inertia_history,
    plot_iterations,
)


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


@pytest.fixture(scope="module")
def run():
    X = make_course_blobs()[0]
    start = X[np.random.default_rng(6).choice(len(X), size=4, replace=False)]
    return X, KMeansScratch(4, init=start, tol=0.0).fit(X)


@pytest.mark.parametrize(("n_steps", "most"), [(1, 6), (4, 6), (6, 6), (7, 6), (30, 4)])
def test_default_steps_keeps_first_and_last(n_steps, most):
    steps = default_steps(n_steps, most)
    assert steps[0] == 0 and steps[-1] == n_steps - 1
    assert len(steps) == min(n_steps, most) and steps == sorted(set(steps))


def test_default_steps_refuses_bad_input():
    with pytest.raises(ValueError, match="n_steps must be >= 1"):
        default_steps(0)
    with pytest.raises(TypeError, match="most must be an integer"):
        default_steps(5, most=2.5)


def test_plot_iterations_draws_one_panel_per_step(run):
    X, model = run
    fig = plot_iterations(
        X, model.history_, steps=[0, 2, model.n_iter_], ncols=2, title="t"
    )
    visible = [ax for ax in fig.axes if ax.get_visible()]
    assert len(visible) == 3 and len(fig.axes) == 4  # 2 x 2 grid, last panel hidden
    titles = [ax.get_title() for ax in visible]
    assert titles[0].startswith("start") and titles[1].startswith("after 2 updates")
    inertia = kmeans_inertia(X, model.history_[0].centers, model.history_[0].labels)
    assert f"{inertia:,.1f}" in titles[0]
    legend_texts = [text.get_text() for text in fig.legends[0].get_texts()]
    assert {f"cluster {j}" for j in range(4)} <= set(legend_texts)
    assert "centres" in legend_texts and "centre's path" in legend_texts


def test_plot_iterations_paths_end_at_the_current_centres(run):
    X, model = run
    fig = plot_iterations(X, model.history_, steps=[model.n_iter_])
    paths = [line for line in fig.axes[0].get_lines() if line.get_linestyle() == "--"]
    assert len(paths) == 4
    ends = np.array([line.get_xydata()[-1] for line in paths])
    np.testing.assert_allclose(ends, model.cluster_centers_)
    assert all(len(line.get_xydata()) == model.n_iter_ + 1 for line in paths)


def test_plot_iterations_default_steps_and_axis_labels(run):
    X, model = run
    fig = plot_iterations(X, model.history_, xlabel="x (cm)", ylabel="y (cm)")
    visible = [ax for ax in fig.axes if ax.get_visible()]
    assert len(visible) == len(default_steps(len(model.history_)))
    assert visible[0].get_xlabel() == "x (cm)" and visible[0].get_ylabel() == "y (cm)"


def test_plot_iterations_refuses_bad_input(run):
    X, model = run
    with pytest.raises(ValueError, match="exactly 2 columns"):
        plot_iterations(np.hstack([X, X]), model.history_)
    with pytest.raises(ValueError, match="history is empty"):
        plot_iterations(X, [])
    with pytest.raises(TypeError, match="history must"):
        plot_iterations(X, model)
    with pytest.raises(TypeError, match="KMeansStep"):
        plot_iterations(X, [1, 2])
    with pytest.raises(ValueError, match="do not match"):
        plot_iterations(X[:10], model.history_)
    with pytest.raises(ValueError, match="steps must be <= "):
        plot_iterations(X, model.history_, steps=[0, 99])
    with pytest.raises(ValueError, match="steps must be step numbers"):
        plot_iterations(X, model.history_, steps=[])


def test_plot_inertia_history_plots_the_falling_inertia(run):
    X, model = run
    ax = plot_inertia_history(X, model.history_)
    heights = ax.get_lines()[0].get_ydata()
    assert len(heights) == model.n_iter_ + 1
    assert np.all(np.diff(heights) <= 1e-9)
    assert heights[-1] == pytest.approx(model.inertia_)
    assert ax.get_xlabel() and ax.get_ylabel() and ax.get_title()
