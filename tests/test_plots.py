"""course_utils.plots and style: each picture draws what it is given, in the course's style."""

import io
from types import SimpleNamespace

import IPython
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.patches import Ellipse
from PIL import Image
from sklearn.cluster import KMeans
from sklearn.metrics import adjusted_rand_score, silhouette_samples
from sklearn.mixture import GaussianMixture

from course_utils import plots, style
from course_utils.datasets import make_course_blobs
from course_utils.kmeans import KMeansScratch

X, Y = make_course_blobs()


def test_each_panel_shows_its_step_and_paths_end_at_its_centres():
    start = X[np.random.default_rng(6).choice(len(X), size=4, replace=False)]
    model = KMeansScratch(4, init=start, tol=0.0).fit(X)
    steps = [0, 2, model.n_iter_]
    panels = [ax for ax in plots.plot_iterations(X, model.history_, steps=steps).axes]
    panels = [ax for ax in panels if ax.get_visible()]
    assert len(panels) == 3 and panels[1].get_title().startswith("after 2 updates")
    for ax, number in zip(panels, steps, strict=True):
        step = model.history_[number]
        inertia = ((X - step.centers[step.labels]) ** 2).sum()
        assert ax.get_title().endswith(f"inertia {inertia:,.1f}")
        paths = [line for line in ax.get_lines() if line.get_linestyle() == "--"]
        ends = np.array([line.get_xydata()[-1] for line in paths])
        np.testing.assert_allclose(ends, step.centers)
    heights = plots.plot_inertia_history(X, model.history_).get_lines()[0].get_ydata()
    assert len(heights) == model.n_iter_ + 1
    assert heights[-1] == pytest.approx(model.inertia_)


def test_silhouette_diagrams_draw_each_points_value_on_a_shared_range():
    k6 = KMeans(n_clusters=6, random_state=0, n_init=3).fit_predict(X)
    shuffled = np.random.default_rng(0).permutation(Y)  # has negative silhouettes
    panels = {"K = 6": k6, "truth": Y, "shuffled": shuffled}
    axes = plots.silhouette_diagrams(X, panels, nouns={"truth": "segment"})
    values = silhouette_samples(X, k6)
    bars = np.concatenate([np.sort(values[k6 == g]) for g in np.unique(k6)])
    np.testing.assert_allclose([p.get_width() for p in axes[0].patches], bars)
    ((left, right),) = {ax.get_xlim() for ax in axes}
    assert left < silhouette_samples(X, shuffled).min() and right == 1.0
    assert len(axes[0].figure.axes) == 3, "two columns, no empty panel"
    assert len({round(ax.get_position().x0, 3) for ax in axes}) == 2
    ticks = [t.get_text() for t in axes[1].get_yticklabels()]
    assert ticks == [f"{g}\n(n={n})" for g, n in enumerate(np.bincount(Y))]
    assert f"{silhouette_samples(X, Y).mean():.2f}" in axes[1].get_title()
    assert axes[1].get_ylabel().startswith("segment")


MATCHES = {  # labels, truth -> the labels matched to the truth
    "a spare number": ([7, 7, 3, 3, -1, 5], [0, 0, 1, 1, 1, 1], [0, 0, 1, 1, -1, 2]),
    "fewer clusters than groups": ([0, 0, 0, 0], [2, 2, 2, 0], [2, 2, 2, 2]),
    "all noise": ([-1, -1, -1], [0, 1, 1], [-1, -1, -1]),
}


def test_labels_are_matched_to_the_truth_which_a_comparison_shows_first_in_its_colours():
    for case, (labels, truth, matched) in MATCHES.items():  # noise and grouping kept
        found = plots.match_to_truth(np.array(labels), np.array(truth))
        assert found.tolist() == matched, case
        assert adjusted_rand_score(labels, found) == 1.0, case
    labels = {"a": (Y + 1) % 4, "b": Y, "c": np.zeros_like(Y)}
    fig = plots.plot_comparison(X, labels, {"a": "first"}, truth=Y)
    axes = [ax for ax in fig.axes if ax.get_visible()]
    assert len(axes) == 4 and fig.axes[0].get_gridspec().ncols == 2
    assert [ax.get_title() for ax in axes] == ["True segments", "first", "b", "c"]
    colours = [[c.get_facecolor()[0].tolist() for c in ax.collections] for ax in axes]
    assert colours[0] == colours[1], "'a' renumbers the truth: matched, same colours"


@pytest.mark.parametrize("kind", ["full", "tied", "diag", "spherical"])
def test_full_covariances_invert_to_the_precisions_and_ellipses_take_their_shape(kind):
    model = GaussianMixture(4, covariance_type=kind, random_state=0).fit(X)
    precisions = {
        "full": lambda p: p,
        "tied": lambda p: np.repeat(p[None], 4, axis=0),
        "diag": lambda p: np.stack([np.diag(row) for row in p]),
        "spherical": lambda p: np.stack([np.eye(2) * v for v in p]),
    }[kind](model.precisions_)
    covariances = plots.full_covariances(model)
    np.testing.assert_allclose(np.linalg.inv(covariances), precisions, rtol=1e-8)
    if kind == "full":  # the ellipses: axis-aligned and tilted shapes, drawn
        assert plots.ellipse_shape(np.diag([4.0, 1.0]), 1.0) == (4.0, 2.0, 0.0)
        assert plots.ellipse_shape(np.diag([1.0, 9.0]), 2.0) == (12.0, 4.0, 90.0)
        tilted = plots.ellipse_shape(np.array([[2.0, 1.0], [1.0, 2.0]]), 1.0)
        assert tilted == pytest.approx((2 * np.sqrt(3), 2.0, 45.0))
        ax = plots.plot_mixture(X, model)
        ellipses = [p for p in ax.patches if isinstance(p, Ellipse)]
        centres = {tuple(np.round(e.center, 6)) for e in ellipses}
        assert len(ellipses) == 8
        assert centres == {tuple(np.round(m, 6)) for m in model.means_}
        texts = [t.get_text() for t in ax.get_legend().get_texts()]
        assert "component 0" in texts and not any("cluster" in t for t in texts)


def test_the_style_draws_clusters_with_markers_and_no_text_below_its_floor(monkeypatch):
    assert len(set(style.PALETTE)) == len(style.PALETTE)
    assert len(set(style.MARKERS)) == len(style.MARKERS)
    assert style.cluster_style(0) != style.cluster_style(1)
    assert style.cluster_style(-1)["marker"] == "x"
    frame = pd.DataFrame({"Age (years)": [20, 30, 40, 50], "Income (k$)": [1, 2, 3, 4]})
    ax = style.cluster_scatter(frame, [0, 0, 1, -1], centers=[[25, 1], [40, 3]])
    assert (ax.get_xlabel(), ax.get_ylabel()) == tuple(frame.columns)
    legend = [text.get_text() for text in ax.get_legend().get_texts()]
    assert legend == ["noise", "cluster 0", "cluster 1", "centres"]
    ax = style.cluster_scatter([[0, 0]] * 3, xlabel="a (m)", ylabel="b", legend=False)
    assert ax.get_xlabel() == "a (m)" and ax.get_legend() is None
    # the site's figure-text test starts from SMALLEST_FONT_PT: it must be the real floor
    monkeypatch.setattr(IPython, "get_ipython", lambda: None)
    style.use_course_style()
    ends = ("font.size", "labelsize", "titlesize", "fontsize")
    texts = [value for key, value in plt.rcParams.items() if key.endswith(ends)]
    sizes = [FontProperties(size=value).get_size_in_points() for value in texts]
    assert min(sizes) == style.SMALLEST_FONT_PT
    png = {}
    formatter = SimpleNamespace(for_type=lambda kind, draw: png.update({kind: draw}))
    formatters = {"image/png": formatter}
    shell = SimpleNamespace(display_formatter=SimpleNamespace(formatters=formatters))
    monkeypatch.setattr(IPython, "get_ipython", lambda: shell)
    style.use_course_style()
    data, size = png[Figure](plt.figure(figsize=(2, 1)))
    image = Image.open(io.BytesIO(data))  # twice the pixels, shown at the screen size
    assert image.mode == "P" and round(image.info["dpi"][0]) == 2 * style.SCREEN_DPI
    assert size == {"width": image.width // 2, "height": image.height // 2}
