"""Pictures for lesson 5 that the lesson is not about (staging module, merged into ``plots``).

* :func:`cluster_scatter_3d` — the 3-D scatter the common tutorial recipe ends with, in the
  course's colours and markers, with a legend beside the axes.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np

from course_utils.style import MARKERS, PALETTE

#: Palette positions for up to ten clusters, ordered so that the first six are far apart for
#: colour-blind readers: the palette's sky blue and vermillion, close to its blue and orange,
#: come last.
DISTINCT_ORDER = (0, 1, 2, 3, 8, 7, 9, 4, 5, 6)


def cluster_scatter_3d(X, labels, *, axis_labels, title, figsize=(11, 8)):
    """Scatter three columns in 3-D, one colour and marker per cluster, legend at the side.

    Parameters
    ----------
    X : pandas.DataFrame or array of shape (n_samples, 3)
        The three features, in the units to show (raw values, not scaled ones).
    labels : array of int, shape (n_samples,)
        Cluster labels 0..K-1 (K at most 10).
    axis_labels : sequence of 3 str
        Labels of the x, y and z axes, with units.
    title : str
        The title.
    figsize : (float, float), default (11, 8)
        Figure size in inches.

    Returns
    -------
    mpl_toolkits.mplot3d.axes3d.Axes3D
    """
    points = np.asarray(X, dtype=float)
    fig = plt.figure(figsize=figsize, layout="constrained")
    ax = fig.add_subplot(projection="3d")
    for label in np.unique(labels):
        mask = labels == label
        slot = DISTINCT_ORDER[int(label) % len(DISTINCT_ORDER)]
        ax.scatter(
            *points[mask].T,
            s=40,
            alpha=0.9,
            color=PALETTE[slot],
            marker=MARKERS[slot],
            depthshade=False,
            label=f"cluster {label}",
        )
    for set_label, text in zip(
        (ax.set_xlabel, ax.set_ylabel, ax.set_zlabel), axis_labels, strict=True
    ):
        set_label(text, labelpad=10)
    ax.view_init(elev=20, azim=-60)
    ax.set_title(title)
    ax.legend(loc="center left", bbox_to_anchor=(1.05, 0.5), frameon=True)
    return ax
