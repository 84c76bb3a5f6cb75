"""Pictures lesson 04 needs but is not about: the comparison grid and mixture ellipses.

Staging module: the lead merges it into ``course_utils/plots.py``. The functions trust
their input (see each docstring for what they take).
"""

from __future__ import annotations

import math

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import Ellipse
from scipy.optimize import linear_sum_assignment

from course_utils.style import cluster_scatter, cluster_style


def match_to_truth(labels, truth) -> np.ndarray:
    """Renumber clusters so that each takes the number of the true group it overlaps.

    Only the numbers change, never who is grouped with whom, so the colours of a cluster
    and of its true group agree between panels. The pairing maximises the points whose
    new number equals their true group (``scipy.optimize.linear_sum_assignment``);
    clusters left over get the next unused numbers; noise (``-1``) stays ``-1``.

    Parameters
    ----------
    labels : array-like of int, shape (n_samples,)
        Cluster labels, ``-1`` for noise.
    truth : array-like of int, shape (n_samples,)
        The true groups, non-negative integers.

    Returns
    -------
    ndarray of int, shape (n_samples,)

    Examples
    --------
    >>> match_to_truth([1, 1, 0, 0, -1], [0, 0, 1, 1, 1]).tolist()
    [0, 0, 1, 1, -1]
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
    panel_size=(6.0, 4.2),
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
        The true groups: drawn first, and each clustering's
        numbers are matched to it (:func:`match_to_truth`) so colours agree.
    truth_title : str, default "True segments"
        Title of the truth panel.
    truth_name : str, default "segment"
        What the truth panel's legend calls a group ("segment 0", ...).
    xlabel, ylabel : str, optional
        Axis labels with units; default to a DataFrame's column names.
    panel_size : (float, float), default (6.0, 4.2)
        Width and height of one panel, in inches.

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
        ax.set_title(title, fontsize=13)
        ax.legend(loc="best", fontsize=9, frameon=True, framealpha=0.9, ncols=2)
        ax.tick_params(labelbottom=True, labelleft=True)
    for ax in axes.ravel()[len(panels) :]:
        ax.set_visible(False)
    return fig


def full_covariances(model) -> np.ndarray:
    """One full covariance matrix per component of a fitted ``GaussianMixture``.

    scikit-learn stores ``covariances_`` in a shape set by ``covariance_type``:
    ``full`` (k, d, d), ``tied`` (d, d), ``diag`` (k, d), ``spherical`` (k,). All
    become (k, d, d).

    Parameters
    ----------
    model : sklearn.mixture.GaussianMixture
        A fitted model.

    Returns
    -------
    ndarray of shape (n_components, n_features, n_features)
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

    Parameters
    ----------
    covariance : ndarray of shape (2, 2)
        A symmetric positive semi-definite matrix.
    n_std : float, default 2.0
        How many standard deviations out.

    Returns
    -------
    (width, height, angle) : (float, float, float)
        Full axis lengths (major first) and the major axis's anticlockwise angle from
        the x axis in degrees, in [0, 180).

    Examples
    --------
    >>> ellipse_shape(np.array([[4.0, 0.0], [0.0, 1.0]]), n_std=1.0)
    (4.0, 2.0, 0.0)
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
):
    """Scatter ``X`` by most likely component, with each component's ellipses and mean.

    The legend says "component N", as the lessons do. One unit has the same length on
    both axes, so the ellipses' shapes and tilts are not distorted.

    Parameters
    ----------
    X : DataFrame or ndarray of shape (n_samples, 2)
        The data, in the coordinates the model was fitted on.
    model : sklearn.mixture.GaussianMixture
        A fitted model with 2 features (any ``covariance_type``).
    ax : matplotlib Axes, optional
        Where to draw; a new figure is made when omitted.
    title, xlabel, ylabel : str, optional
        Texts (give units); the labels default to a DataFrame's column names.
    n_std : sequence of float, default (1.0, 2.0)
        One ellipse per value, that many standard deviations out; inner ones are darker.

    Returns
    -------
    matplotlib.axes.Axes
    """
    components = range(model.n_components)
    ax = cluster_scatter(
        X,
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
            width, height, angle = ellipse_shape(cov[:2, :2], level)
            ax.add_patch(
                Ellipse(
                    xy=mean[:2],
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
        model.means_[:, 0],
        model.means_[:, 1],
        marker="*",
        s=300,
        c="black",
        edgecolors="white",
        label="component means",
        zorder=5,
    )
    ax.set_aspect("equal", adjustable="datalim")
    ax.legend(loc="best", fontsize=10, frameon=True, framealpha=0.9)
    return ax
