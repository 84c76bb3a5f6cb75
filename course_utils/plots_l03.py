"""Lesson 03's picture helper: per-point silhouette diagrams, side by side on one x-range.

Staging module: the lead merges it into ``course_utils/plots.py``.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
from sklearn.metrics import silhouette_samples

from course_utils.style import cluster_style


def silhouette_diagrams(X, labelings, *, nouns=None, ncols=2, panel_size=(6, 4.5)):
    """Draw one silhouette diagram per labelling of ``X``, on a shared x-range.

    In each panel every point is a horizontal bar as long as its silhouette value, the
    bars sorted within each group and coloured with the group's course colour; the tick
    beside each band names the group and its size; a dashed line marks the mean
    silhouette, which the panel's title also gives. All panels share one x-range (from
    just below the lowest value of any panel, at most -0.1, to 1), so bar lengths can be
    compared across panels. Panels fill a grid of at most ``ncols`` columns, row by row.

    Parameters
    ----------
    X : array-like of shape (n_samples, n_features)
        The features the labels were computed on.
    labelings : dict of str to array-like of shape (n_samples,)
        Panel title -> labels of the points (integers 0, 1, …; at least 2 groups, no
        noise label -1).
    nouns : dict of str to str, optional
        Panel title -> what a group is called on that panel's y-axis; "cluster" for a
        panel not named here (say "segment" for a known ground truth).
    ncols : int, default 2
        Most panels side by side.
    panel_size : (float, float), default (6, 4.5)
        Width and height in inches of one panel.

    Returns
    -------
    numpy.ndarray of matplotlib Axes
        One Axes per labelling, in the order given (unused grid cells are removed).
    """
    values = {
        title: silhouette_samples(X, labels) for title, labels in labelings.items()
    }
    xmin = min(-0.1, min(v.min() for v in values.values()) - 0.05)
    ncols = min(ncols, len(labelings))
    nrows = -(-len(labelings) // ncols)
    fig, axes = plt.subplots(
        nrows,
        ncols,
        figsize=(panel_size[0] * ncols, panel_size[1] * nrows),
        squeeze=False,
        layout="constrained",
    )
    axes = axes.ravel()
    for ax in axes[len(labelings) :]:
        ax.remove()
    for ax, (title, labels) in zip(axes, labelings.items(), strict=False):
        labels = np.asarray(labels)
        noun = (nouns or {}).get(title, "cluster")
        _draw_diagram(ax, values[title], labels, noun=noun, title=title)
        ax.set_xlim(xmin, 1.0)
    return axes[: len(labelings)]


def _draw_diagram(ax, values, labels, *, noun, title):
    """Draw one silhouette diagram of ``values`` grouped by ``labels`` on ``ax``."""
    gap = max(2, values.size // 40)
    bottom, centres, names = 0, [], []
    for group in np.unique(labels):
        band = np.sort(values[labels == group])
        color = cluster_style(int(group))["color"]
        rows = np.arange(bottom, bottom + band.size)
        ax.barh(rows, band, height=1.0, color=color, edgecolor=color)
        centres.append(bottom + band.size / 2)
        names.append(f"{group}\n(n={band.size})")
        bottom += band.size + gap
    mean = float(values.mean())
    ax.axvline(mean, color="black", linestyle="--", linewidth=2)
    ax.axvline(0, color="grey", linewidth=1)
    ax.set_ylim(-gap, bottom)
    ax.set_yticks(centres, names, fontsize=11)
    ax.grid(False, axis="y")
    ax.set_xlabel("silhouette value (no unit, −1 to 1)")
    ax.set_ylabel(f"{noun}, its points sorted")
    ax.set_title(f"{title}\nmean silhouette {mean:.2f} (dashed)", fontsize=14)
