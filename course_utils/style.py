"""One plotting style for the whole course, and the cluster scatter every lesson uses.

Colour-blind-safe (Okabe–Ito) colours, a distinct marker per cluster so that a greyscale print
or a washed-out projector still separates the groups, and fonts large enough for a room.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import seaborn as sns

from course_utils.compact_png import SCREEN_DPI, compact_png, png_size

#: Okabe & Ito's colour-blind-safe palette (black left out: it is kept for centres).
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9"]
PALETTE += ["#D55E00", "#F0E442", "#999933", "#882255", "#44AA99"]
#: One marker per cluster, in the same order as :data:`PALETTE`.
MARKERS = ["o", "s", "^", "D", "v", "P", "X", "<", ">", "h"]
#: Colour and marker of noise points (label ``-1``).
NOISE_COLOR, NOISE_MARKER = "#7F7F7F", "x"


#: Colours kept in an inline figure's PNG (a third of the bytes of a full-colour one).
INLINE_COLOURS = 256
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
    """In a Jupyter kernel, store inline figures at twice the screen resolution, as compact
    PNGs (:data:`INLINE_COLOURS` colours) shown at the screen size."""
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython comes with Jupyter
        return
    shell = get_ipython()
    if shell is None:  # a plain Python process: nothing is shown inline
        return
    # Loading the inline backend sets up its own PNG formatter (once): load it first, so
    # that the course's formatter below replaces it rather than the other way round.
    import matplotlib_inline.backend_inline  # noqa: F401
    from matplotlib.figure import Figure

    def retina_png(figure):
        png = compact_png(figure, dpi=2 * SCREEN_DPI, colours=INLINE_COLOURS)
        width, height = png_size(png)
        return png, {"width": width // 2, "height": height // 2}

    shell.display_formatter.formatters["image/png"].for_type(Figure, retina_png)


def cluster_style(label: int) -> dict:
    """The colour and marker of a cluster ``label`` (``-1`` means noise), for matplotlib."""
    if label < 0:
        return {"color": NOISE_COLOR, "marker": NOISE_MARKER}
    return {
        "color": PALETTE[label % len(PALETTE)],
        "marker": MARKERS[label % len(MARKERS)],
    }


def pick_columns(X, columns, count: int, caller: str):
    """The ``count`` columns of ``X`` to draw: ``columns`` (names or positions), or all of
    them when ``X`` has exactly ``count``; a ValueError says when the choice is needed."""
    width = np.shape(X)[1] if np.ndim(X) == 2 else None
    if columns is None:
        if width != count:
            raise ValueError(
                f"{caller} draws {count} columns and X has {width}: pass columns=(...) "
                f"naming the {count} to show"
            )
        return X
    if len(columns) != count:
        raise ValueError(f"{caller} draws {count} columns, not {len(columns)}")
    if hasattr(X, "columns"):
        named = [X.columns[c] if isinstance(c, int) else c for c in columns]
        return X[named]
    return np.asarray(X)[:, list(columns)]


def two_columns(X, columns, caller: str):
    """The two columns of ``X`` to draw (see :func:`pick_columns`)."""
    return pick_columns(X, columns, 2, caller)


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
    columns=None,
):
    """Scatter 2-D points coloured and marked by cluster, with optional centres.

    Parameters
    ----------
    X : array-like of shape (n_samples, 2), or (n_samples, n_features) with ``columns``
        The two features to plot (a DataFrame's column names become axis labels).
    labels : array-like of shape (n_samples,), optional
        Integer cluster labels; ``-1`` is drawn as grey crosses labelled "noise". ``None``
        draws every point alike (unlabelled data).
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
    columns : (column, column), optional
        The two columns of ``X`` to draw (names of a DataFrame's columns, or positions),
        and of ``centers`` too. Required when ``X`` has more than two columns.

    Returns
    -------
    matplotlib.axes.Axes

    Raises
    ------
    ValueError
        If ``X`` has more than two columns and ``columns`` does not say which two to draw.
    """
    if centers is not None and columns is not None:
        names = list(X.columns) if hasattr(X, "columns") else []
        where = [c if isinstance(c, int) else names.index(c) for c in columns]
        centers = (
            centers.iloc[:, where]
            if hasattr(centers, "columns")
            else np.asarray(centers)[:, where]
        )
    X = two_columns(X, columns, "cluster_scatter")
    columns = list(X.columns) if hasattr(X, "columns") else None
    points = np.asarray(X, dtype=float)
    label_names = dict(label_names or {})
    if labels is None:
        labels = np.zeros(len(points), dtype=int)
        label_names = label_names or {0: "customers"}
    labels = np.asarray(labels)
    if ax is None:
        _, ax = plt.subplots()
    for label in np.unique(labels):
        mask = labels == label
        default = "noise" if label < 0 else f"cluster {label}"
        ax.scatter(
            points[mask, 0],
            points[mask, 1],
            s=s,
            alpha=alpha,
            label=label_names.get(label, default),
            edgecolors="white" if label >= 0 else None,
            linewidths=0.5,
            **cluster_style(int(label)),
        )
    if centers is not None:
        c = np.asarray(centers, dtype=float)
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
