"""The course style and the cluster scatter."""

import matplotlib

matplotlib.use("Agg")  # tests only; lessons never set a backend

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

from course_utils.style import (
    MARKERS,
    PALETTE,
    cluster_scatter,
    cluster_style,
    use_course_style,
)


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def test_palette_and_markers_are_distinct():
    assert len(set(PALETTE)) == len(PALETTE) and len(set(MARKERS)) == len(MARKERS)
    assert cluster_style(0) != cluster_style(1)
    assert cluster_style(-1)["marker"] == "x"


def test_smallest_font_pt_is_the_smallest_text_the_style_draws():
    """The site's figure-text test starts from SMALLEST_FONT_PT: it must be the real floor."""
    from matplotlib.font_manager import FontProperties

    from course_utils.style import SMALLEST_FONT_PT

    use_course_style()
    sizes = {
        key: FontProperties(size=value).get_size_in_points()
        for key, value in plt.rcParams.items()
        if key == "font.size" or key.endswith(("labelsize", "titlesize", "fontsize"))
    }
    assert min(sizes.values()) == SMALLEST_FONT_PT, sizes


def test_figures_are_stored_at_twice_the_screen_resolution_in_jupyter(monkeypatch):
    import IPython
    import matplotlib_inline.backend_inline as inline

    calls = []
    monkeypatch.setattr(inline, "set_matplotlib_formats", lambda *f: calls.append(f))
    monkeypatch.setattr(IPython, "get_ipython", lambda: None)
    use_course_style()
    assert calls == [], "outside Jupyter nothing is shown inline"
    monkeypatch.setattr(IPython, "get_ipython", lambda: object())
    use_course_style()
    assert calls == [("retina",)]


def test_cluster_scatter_draws_each_cluster_with_its_marker_and_labels():
    X = pd.DataFrame({"Age (years)": [20, 30, 40, 50], "Income (k$)": [10, 20, 30, 40]})
    ax = cluster_scatter(X, [0, 0, 1, -1], centers=[[25, 15], [40, 30]], title="t")
    assert ax.get_xlabel() == "Age (years)" and ax.get_ylabel() == "Income (k$)"
    legend = [text.get_text() for text in ax.get_legend().get_texts()]
    assert legend == ["noise", "cluster 0", "cluster 1", "centres"]
    assert len(ax.collections) == 4


def test_cluster_scatter_unlabelled_and_custom_axis_labels():
    ax = cluster_scatter(np.zeros((3, 2)), xlabel="a (m)", ylabel="b (s)", legend=False)
    assert (ax.get_xlabel(), ax.get_ylabel()) == ("a (m)", "b (s)")
    assert ax.get_legend() is None
