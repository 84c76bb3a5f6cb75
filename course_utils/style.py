"""One plotting style for the whole course, and the cluster scatter every lesson uses.

Colour-blind-safe (Okabe–Ito) colours, a distinct marker per cluster so that a greyscale print
or a washed-out projector still separates the groups, and fonts large enough for a room.
"""

from __future__ import annotations

from collections.abc import Mapping

import matplotlib.pyplot as plt
import numpy as np
import seaborn as sns

from course_utils.validation import (
    check_axes,
    check_bool,
    check_features,
    check_int,
    check_labels,
)

#: Okabe & Ito's colour-blind-safe palette (black left out: it is kept for centres).
PALETTE = [
    "#0072B2",
    "#E69F00",
    "#009E73",
    "#CC79A7",
    "#56B4E9",
    "#D55E00",
    "#F0E442",
    "#999933",
    "#882255",
    "#44AA99",
]
#: One marker per cluster, in the same order as :data:`PALETTE`.
MARKERS = ["o", "s", "^", "D", "v", "P", "X", "<", ">", "h"]
#: Colour and marker of noise points (label ``-1``).
NOISE_COLOR, NOISE_MARKER = "#7F7F7F", "x"


#: Figure resolution: 80 dots per inch on screen, stored at twice that ("retina") so
#: figures stay sharp on high-density screens, projectors and a zoomed-in website.
SCREEN_DPI = 80
#: The smallest text the course style draws (legend entries), in points. The website's test
#: of figure text size (tests/test_site_browser.py) starts from it.
SMALLEST_FONT_PT = 13


def use_course_style() -> None:
    """Apply the course's plotting style (seaborn theme, palette, projector-size fonts).

    Call it once at the top of a lesson. It changes matplotlib's global settings and, in a
    Jupyter kernel, makes inline figures high-density PNGs (twice the pixels, same size).
    """
    sns.set_theme(
        context="notebook", style="whitegrid", palette=PALETTE, font_scale=1.25
    )
    plt.rcParams.update(
        {
            "figure.figsize": (8, 5.5),
            "figure.dpi": SCREEN_DPI,
            "savefig.dpi": 2 * SCREEN_DPI,
            "axes.titleweight": "bold",
            "axes.titlesize": 16,
            "axes.labelsize": 14,
            "xtick.labelsize": SMALLEST_FONT_PT,
            "ytick.labelsize": SMALLEST_FONT_PT,
            "legend.fontsize": SMALLEST_FONT_PT,
            "legend.title_fontsize": 14,
            "lines.markersize": 7,
            "lines.linewidth": 2.5,
        }
    )
    _use_retina_inline_figures()


def _use_retina_inline_figures() -> None:
    """In a Jupyter kernel, store inline figures at twice the screen resolution."""
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython comes with Jupyter
        return
    if get_ipython() is None:  # a plain Python process: nothing is shown inline
        return
    from matplotlib_inline.backend_inline import set_matplotlib_formats

    set_matplotlib_formats("retina")


def cluster_style(label: int) -> dict:
    """Return the colour and marker of a cluster label.

    Parameters
    ----------
    label : int
        A cluster label; ``-1`` means noise.

    Returns
    -------
    dict
        ``{"color": ..., "marker": ...}`` for matplotlib.

    Raises
    ------
    TypeError
        If ``label`` is not an integer (a bool is refused too).
    """
    label = check_int(label, name="label")
    if label < 0:
        return {"color": NOISE_COLOR, "marker": NOISE_MARKER}
    return {
        "color": PALETTE[label % len(PALETTE)],
        "marker": MARKERS[label % len(MARKERS)],
    }


def check_label_names(label_names) -> dict:
    """Return legend texts per cluster label as a dict, or raise a ``TypeError``.

    Parameters
    ----------
    label_names : dict of int to str, or None
        Legend text per label; ``None`` means none given.

    Returns
    -------
    dict
    """
    if label_names is None:
        return {}
    if not isinstance(label_names, Mapping):
        raise TypeError(
            "label_names must be a dict of label -> legend text, e.g. {0: 'young'}, "
            f"got {type(label_names).__name__}"
        )
    return dict(label_names)


def legend_name(label: int, label_names: dict) -> str:
    """The legend text of a cluster label: its given name, "noise" for -1, else "cluster N".

    Parameters
    ----------
    label : int
        A cluster label.
    label_names : dict of int to str
        Given names (see :func:`check_label_names`).

    Returns
    -------
    str
    """
    name = check_label_names(label_names).get(label)
    if name is None:
        name = "noise" if label < 0 else f"cluster {label}"
    return name


def axes_or_new(ax=None, *, figsize=None):
    """Return ``ax`` after checking it is one matplotlib Axes, or a new figure's Axes.

    Parameters
    ----------
    ax : matplotlib Axes, optional
        Where the caller was asked to draw.
    figsize : (float, float), optional
        Size in inches of the new figure; the course style's default when omitted.

    Returns
    -------
    matplotlib.axes.Axes
    """
    if ax is not None:
        return check_axes(ax)
    _, ax = plt.subplots(figsize=figsize)
    return ax


def cluster_scatter(
    X,
    labels=None,
    *,
    centers=None,
    ax=None,
    title=None,
    xlabel=None,
    ylabel=None,
    label_names=None,
    legend=True,
    alpha=0.8,
    s=45,
):
    """Scatter 2-D points coloured and marked by cluster, with optional centres.

    Parameters
    ----------
    X : array-like of shape (n_samples, 2)
        The two features to plot (a DataFrame's column names become axis labels).
    labels : array-like of shape (n_samples,), optional
        Cluster labels; ``-1`` is drawn as grey crosses labelled "noise". ``None`` draws
        every point alike (unlabelled data).
    centers : array-like of shape (n_clusters, 2), optional
        Cluster centres, drawn as large black stars.
    ax : matplotlib Axes, optional
        Where to draw; a new figure is made when omitted.
    title, xlabel, ylabel : str, optional
        Text for the axes (give units in the labels, e.g. ``"Age (years)"``).
    label_names : dict of int to str, optional
        Legend text per label; defaults to ``"cluster 0"``, ``"cluster 1"``, ...
    legend : bool, default True
        Whether to draw a legend.
    alpha, s : float
        Point transparency and size.

    Returns
    -------
    matplotlib.axes.Axes

    Raises
    ------
    TypeError, ValueError
        On bad ``X``, ``labels`` or ``centers`` (see :mod:`course_utils.validation`), ``X`` or
        ``centers`` without exactly 2 columns, ``label_names`` that is not a dict, ``ax`` that
        is not one matplotlib Axes, or ``legend`` that is not True/False.
    """
    columns = list(X.columns) if hasattr(X, "columns") else None
    points = check_features(X, name="X")
    if points.shape[1] != 2:
        raise ValueError(
            f"X must have exactly 2 columns to plot, got {points.shape[1]}"
        )
    label_names = check_label_names(label_names)
    legend = check_bool(legend, name="legend")
    if ax is not None:
        ax = check_axes(ax)
    if labels is None:
        labels_array = np.zeros(points.shape[0], dtype=np.int64)
        label_names = label_names or {0: "customers"}
    else:
        labels_array = check_labels(labels, n_samples=points.shape[0])
    if ax is None:
        _, ax = plt.subplots()
    for label in np.unique(labels_array):
        mask = labels_array == label
        ax.scatter(
            points[mask, 0],
            points[mask, 1],
            s=s,
            alpha=alpha,
            label=legend_name(int(label), label_names),
            edgecolors="white" if label >= 0 else None,
            linewidths=0.5,
            **cluster_style(int(label)),
        )
    if centers is not None:
        c = check_features(centers, name="centers")
        if c.shape[1] != 2:
            raise ValueError(f"centers must have 2 columns, got {c.shape[1]}")
        ax.scatter(
            c[:, 0],
            c[:, 1],
            marker="*",
            s=400,
            c="black",
            edgecolors="white",
            linewidths=1.5,
            label="centres",
            zorder=5,
        )
    ax.set_xlabel(xlabel or (columns[0] if columns else "feature 1"))
    ax.set_ylabel(ylabel or (columns[1] if columns else "feature 2"))
    if title:
        ax.set_title(title)
    if legend:
        ax.legend(loc="best", frameon=True, framealpha=0.9)
    return ax
