"""Pictures the lessons show but are not about: they draw what a lesson computed (K-Means
steps, silhouette diagrams, the comparison grid, mixture ellipses, the 3-D scatter) and
trust their input; the docstrings say what they take."""

from __future__ import annotations

import math

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import Ellipse
from scipy.optimize import linear_sum_assignment
from sklearn.metrics import silhouette_samples

from course_utils.style import (
    MARKERS,
    PALETTE,
    cluster_scatter,
    cluster_style,
    pick_columns,
)


# --- lesson 02 ------------------------------------------------------------
def plot_iterations(
    X,
    history,
    *,
    steps=None,
    ncols=2,
    xlabel="feature 1",
    ylabel="feature 2",
    title=None,
    panel_size=(5.0, 4.0),
):
    """Draw one panel per step of a K-Means run: labels, centres and each centre's path.

    Parameters
    ----------
    X : ndarray of shape (n_samples, 2)
        The data the model was fitted on.
    history : list of KMeansStep
        A fitted ``KMeansScratch``'s ``history_``.
    steps : list of int, optional
        The steps to draw (``0`` is the start); default all.
    ncols, panel_size : int, (float, float)
        Panels per row; width and height of one panel in inches.
    xlabel, ylabel, title : str
        Axis labels (with units); the figure's title, if any.

    Returns
    -------
    matplotlib.figure.Figure
        Each panel's title names its step and its inertia.
    """
    steps = list(range(len(history))) if steps is None else list(steps)
    ncols = min(ncols, len(steps))
    nrows = -(-len(steps) // ncols)
    fig, axes = plt.subplots(
        nrows,
        ncols,
        figsize=(panel_size[0] * ncols, panel_size[1] * nrows + 1.0),
        sharex=True,
        sharey=True,
        squeeze=False,
        constrained_layout=True,
    )
    paths = np.stack([step.centers for step in history])  # (steps, clusters, 2)
    for ax, number in zip(axes.flat, steps, strict=False):
        step = history[number]
        inertia = ((X - step.centers[step.labels]) ** 2).sum()
        name = {0: "start", 1: "after 1 update"}.get(number, f"after {number} updates")
        cluster_scatter(
            X,
            step.labels,
            centers=step.centers,
            ax=ax,
            legend=False,
            s=25,
            title=f"{name}: inertia {inertia:,.1f}",
            xlabel=xlabel,
            ylabel=ylabel,
        )
        for cluster in range(paths.shape[1]):
            ax.plot(
                paths[: number + 1, cluster, 0],
                paths[: number + 1, cluster, 1],
                color="black",
                linestyle="--",
                linewidth=1.5,
                marker=".",
                label="centre's path" if cluster == 0 else None,
            )
    for ax in axes.flat[len(steps) :]:
        ax.set_visible(False)
    entries = {}  # every name used in some panel, once
    for ax in axes.flat[: len(steps)]:
        for handle, label in zip(*ax.get_legend_handles_labels(), strict=True):
            entries.setdefault(label, handle)
    names = sorted(entries, key=lambda n: (not n.startswith("cluster"), len(n), n))
    fig.legend([entries[n] for n in names], names, loc="outside lower center", ncols=4)
    if title:
        fig.suptitle(title, fontweight="bold")
    return fig


def plot_inertia_history(X, history, *, ax=None, title="Inertia at each step"):
    """Plot the inertia of every step of a run (``history``: ``history_`` fitted on ``X``).

    ``ax`` is where to draw (a new figure when omitted); returns the Axes.
    """
    inertias = [((X - s.centers[s.labels]) ** 2).sum() for s in history]
    if ax is None:
        _, ax = plt.subplots(figsize=(7, 4))
    ax.plot(range(len(inertias)), inertias, marker="o", label="inertia")
    ax.set_xlabel("step (number of centre updates)")
    ax.set_ylabel("inertia (sum of squared distances)")
    ax.set_title(title)
    ax.set_xticks(range(len(inertias)))
    return ax


# --- lesson 03 ------------------------------------------------------------
def silhouette_diagrams(X, labelings, *, nouns=None, ncols=2, panel_size=(6, 4.5)):
    """Draw one silhouette diagram per labelling of ``X``, on a shared x-range.

    Each point is a horizontal bar as long as its silhouette value, sorted within its
    group and in the group's colour; a tick names each group and its size; a dashed line
    marks the mean. All panels share one x-range, so bar lengths compare across panels.

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
    ncols, panel_size : int, (float, float)
        Most panels side by side; width and height of one panel in inches.

    Returns
    -------
    numpy.ndarray of matplotlib Axes
        One Axes per labelling, in the order given.
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
    ax.set_yticks(centres, names)
    ax.grid(False, axis="y")
    ax.set_xlabel("silhouette value (no unit, −1 to 1)")
    ax.set_ylabel(f"{noun}, its points sorted")
    ax.set_title(f"{title}\nmean silhouette {mean:.2f} (dashed)")


# --- lesson 04 ------------------------------------------------------------
def match_to_truth(labels, truth) -> np.ndarray:
    """Renumber clusters (``labels``, -1 for noise) after the true group they overlap most.

    Only the numbers change, so the colours of a cluster and of its true group (``truth``,
    integers from 0) agree between panels. The pairing maximises the points whose number
    equals their group (``linear_sum_assignment``); spare clusters get unused numbers.
    """
    labels, truth = np.asarray(labels), np.asarray(truth)
    clusters = np.unique(labels[labels >= 0])
    groups = np.unique(truth)
    overlap = np.array(
        [[np.sum((labels == c) & (truth == g)) for g in groups] for c in clusters]
    ).reshape(clusters.size, groups.size)
    rows, cols = linear_sum_assignment(overlap, maximize=True)
    number = {int(clusters[r]): int(groups[c]) for r, c in zip(rows, cols, strict=True)}
    taken = set(groups.tolist())
    spare = (n for n in range(clusters.size + groups.size) if n not in taken)
    result = np.full(labels.shape, -1, dtype=np.int64)
    for cluster in clusters:
        new = number.get(int(cluster))
        result[labels == cluster] = next(spare) if new is None else new
    return result


def plot_comparison(
    X,
    labels_by_name,
    titles=None,
    *,
    truth=None,
    truth_title="True segments",
    truth_name="segment",
    xlabel=None,
    ylabel=None,
    panel_size=(5.5, 4.0),
):
    """Draw one panel per clustering, two panels a row, on shared axes.

    Parameters
    ----------
    X : DataFrame or ndarray of shape (n_samples, 2)
        The two columns to draw (e.g. the original units, even if the algorithms saw
        scaled data).
    labels_by_name : dict of str to ndarray of int
        One labelling per panel, ``-1`` for noise, keyed by the algorithm's name.
    titles : dict of str to str, optional
        Panel title per name; the name itself when missing.
    truth : ndarray of int, optional
        The true groups: drawn first, with each clustering matched to it
        (:func:`match_to_truth`) so colours agree.
    truth_title, truth_name : str
        The truth panel's title, and what its legend calls a group ("segment 0", ...).
    xlabel, ylabel, panel_size : str, str, (float, float)
        Axis labels with units (default: a DataFrame's column names); one panel's size.

    Returns
    -------
    matplotlib.figure.Figure
    """
    titles = titles or {}
    panels = []
    if truth is not None:
        names = {int(g): f"{truth_name} {g}" for g in np.unique(truth)}
        panels.append((truth_title, np.asarray(truth), names))
    for name, labels in labels_by_name.items():
        shown = labels if truth is None else match_to_truth(labels, truth)
        panels.append((titles.get(name, name), shown, None))
    ncols = min(2, len(panels))
    nrows = math.ceil(len(panels) / ncols)
    fig, axes = plt.subplots(
        nrows,
        ncols,
        figsize=(panel_size[0] * ncols, panel_size[1] * nrows),
        sharex=True,
        sharey=True,
        squeeze=False,
        layout="constrained",
    )
    for ax, (title, shown, names) in zip(axes.ravel(), panels, strict=False):
        cluster_scatter(
            X, shown, ax=ax, xlabel=xlabel, ylabel=ylabel, label_names=names, s=30
        )
        ax.set_title(title)
        ax.legend(loc="best", frameon=True, framealpha=0.9, ncols=2)
        ax.tick_params(labelbottom=True, labelleft=True)
    for ax in axes.ravel()[len(panels) :]:
        ax.set_visible(False)
    return fig


def full_covariances(model) -> np.ndarray:
    """One full (d, d) covariance per component of a fitted ``GaussianMixture`` ``model``.

    ``covariances_``'s shape depends on ``covariance_type``; all become (k, d, d).
    """
    k, d = model.means_.shape
    cov = np.asarray(model.covariances_, dtype=float)
    if model.covariance_type == "full":
        return cov.copy()
    if model.covariance_type == "tied":
        return np.repeat(cov[np.newaxis], k, axis=0)
    if model.covariance_type == "diag":
        return np.stack([np.diag(row) for row in cov])
    return np.stack([np.eye(d) * value for value in cov])


def ellipse_shape(covariance, n_std=2.0) -> tuple[float, float, float]:
    """Width, height and angle of the ellipse ``n_std`` standard deviations out.

    The axes point along the eigenvectors of the 2 × 2 covariance; each half-axis is
    ``n_std`` times the square root of its eigenvalue. In 2-D the ellipse holds a share
    ``1 - exp(-n_std**2 / 2)`` of the component: 39 % at 1 sd, 86 % at 2.

    ``covariance`` is a 2 × 2 covariance. Returns the full axis lengths (major first)
    and the major axis's anticlockwise angle from the x axis, in degrees in [0, 180).
    """
    values, vectors = np.linalg.eigh(covariance)  # ascending
    values = np.clip(values, 0.0, None)
    angle = float(np.degrees(np.arctan2(vectors[1, 1], vectors[0, 1])) % 180.0)
    width = float(2 * n_std * np.sqrt(values[1]))
    height = float(2 * n_std * np.sqrt(values[0]))
    return width, height, 0.0 if np.isclose(angle, 180.0) else angle


def plot_mixture(
    X,
    model,
    *,
    ax=None,
    title=None,
    xlabel=None,
    ylabel=None,
    n_std=(1.0, 2.0),
    columns=None,
):
    """Scatter ``X`` by most likely component, with each component's ellipses and mean.

    The legend says "component N", as the lessons do. One unit has the same length on
    both axes, so the ellipses' shapes and tilts are not distorted.

    Parameters
    ----------
    X : DataFrame or ndarray of shape (n_samples, n_features)
        The data, in the coordinates the model was fitted on.
    model : sklearn.mixture.GaussianMixture
        A fitted model on ``X``'s features (any ``covariance_type``).
    ax, title, xlabel, ylabel : matplotlib Axes, str, str, str, optional
        Where to draw (a new figure when omitted); texts, with units.
    n_std : sequence of float, default (1.0, 2.0)
        One ellipse per value, that many standard deviations out; inner ones darker.
    columns : (int, int), optional
        Positions of the two features to draw (the ellipses are the components' shapes
        in those two); required when ``X`` has more than two columns.

    Returns
    -------
    matplotlib.axes.Axes

    Raises
    ------
    ValueError
        If ``X`` has more than two columns and ``columns`` does not say which two.
    """
    shown = pick_columns(X, columns, 2, "plot_mixture")
    components = range(model.n_components)
    where = [0, 1] if columns is None else list(columns)
    ax = cluster_scatter(
        shown,
        model.predict(np.asarray(X)),
        ax=ax,
        title=title,
        xlabel=xlabel,
        ylabel=ylabel,
        label_names={c: f"component {c}" for c in components},
        legend=False,
    )
    for c, (mean, cov) in enumerate(
        zip(model.means_, full_covariances(model), strict=True)
    ):
        colour = cluster_style(c)["color"]
        for j, level in enumerate(sorted(n_std)):
            width, height, angle = ellipse_shape(cov[np.ix_(where, where)], level)
            ax.add_patch(
                Ellipse(
                    xy=mean[where],
                    width=width,
                    height=height,
                    angle=angle,
                    facecolor=colour,
                    edgecolor=colour,
                    alpha=0.25 / (j + 1),
                    linewidth=2,
                )
            )
    ax.scatter(
        model.means_[:, where[0]],
        model.means_[:, where[1]],
        marker="*",
        s=300,
        c="black",
        edgecolors="white",
        label="component means",
        zorder=5,
    )
    ax.set_aspect("equal", adjustable="datalim")
    ax.legend(loc="best", frameon=True, framealpha=0.9)
    return ax


# --- lesson 05 ------------------------------------------------------------
#: Palette positions for ten clusters: sky blue and vermillion, close to blue and orange
#: for colour-blind readers, come last.
DISTINCT_ORDER = (0, 1, 2, 3, 8, 7, 9, 4, 5, 6)


def cluster_scatter_3d(X, labels, *, axis_labels, title, figsize=(11, 8), columns=None):
    """Scatter three columns in 3-D, one colour and marker per cluster, legend at the side.

    Parameters
    ----------
    X : pandas.DataFrame or array of shape (n_samples, 3), or more columns with ``columns``
        The three features, in the units to show (raw values, not scaled ones).
    labels : array of int, shape (n_samples,)
        Cluster labels 0..K-1 (K at most 10).
    axis_labels, title, figsize : sequence of 3 str, str, (float, float)
        The axes' labels with units, the title, the figure's size in inches.
    columns : sequence of 3 column names or positions, optional
        The three columns of ``X`` to draw; required when ``X`` has more than three.

    Returns
    -------
    mpl_toolkits.mplot3d.axes3d.Axes3D

    Raises
    ------
    ValueError
        If ``X`` has more than three columns and ``columns`` does not say which three.
    """
    points = np.asarray(pick_columns(X, columns, 3, "cluster_scatter_3d"), dtype=float)
    labels = np.asarray(labels)
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
