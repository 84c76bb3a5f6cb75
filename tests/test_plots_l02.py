"""Tests for course_utils.plots_l02: the pictures show the run they are given."""

import matplotlib

matplotlib.use("Agg")  # tests only; lessons never set a backend

import matplotlib.pyplot as plt
import numpy as np
import pytest

from course_utils.datasets import make_course_blobs
from course_utils.kmeans import KMeansScratch
from course_utils.plots_l02 import plot_inertia_history, plot_iterations


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
