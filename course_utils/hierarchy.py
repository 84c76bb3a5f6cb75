"""Hierarchical (agglomerative) clustering: the merge tree, where to cut it, linkages compared.

* :func:`linkage_matrix` — scipy's merge tree (``scipy.cluster.hierarchy.linkage``).
* :func:`cut_height` / :func:`cut_labels` — the height of a horizontal cut that leaves exactly
  K clusters, computed from the merge heights, and the clusters it gives.
* :func:`cut_ranges` — for each K, the range of heights whose cut leaves K clusters; a long
  stretch without a merge suggests K.
* :func:`plot_dendrogram` — a truncated dendrogram with that cut drawn as a line and the
  branches below it in the colours the same clusters get in a scatter plot.
* :func:`compare_linkages` — ward, complete, average and single linkage on the same data, as
  an :class:`~course_utils.compare.AlgorithmComparison` (table and labels); draw it with
  :func:`course_utils.compare.plot_comparison`.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from scipy.cluster.hierarchy import dendrogram, fcluster, is_valid_linkage, linkage
from sklearn.cluster import AgglomerativeClustering

from course_utils.compare import AlgorithmComparison, compare_algorithms
from course_utils.style import cluster_style
from course_utils.validation import (
    check_axes,
    check_choice,
    check_features,
    check_int,
    check_sequence,
)

#: The linkages the course compares, with what "distance between two groups" means in each.
LINKAGES = {
    "ward": "merge the pair whose union increases the within-group sum of squares least",
    "complete": "distance between the two farthest members",
    "average": "mean distance over all pairs of members",
    "single": "distance between the two nearest members",
}
#: Colour of the branches above the cut (merges that the cut undoes).
ABOVE_CUT_COLOR = "#7F7F7F"


def linkage_matrix(X, method: str = "ward") -> np.ndarray:
    """Return scipy's linkage (merge) matrix of ``X`` with Euclidean distances.

    Parameters
    ----------
    X : array-like of shape (n_samples, n_features)
        The (already scaled) features; at least 2 rows.
    method : {"ward", "complete", "average", "single"}, default "ward"

    Returns
    -------
    ndarray of shape (n_samples - 1, 4)
        Row ``i`` merges clusters ``Z[i, 0]`` and ``Z[i, 1]`` at height ``Z[i, 2]`` into a
        cluster of ``Z[i, 3]`` points (ids ``>= n_samples`` are earlier merges).

    Raises
    ------
    TypeError, ValueError
        On bad ``X`` or an unknown ``method``.
    """
    data = check_features(X, name="X", min_samples=2)
    method = check_choice(method, name="method", choices=LINKAGES)
    return linkage(data, method=method, metric="euclidean")


def _check_linkage(Z) -> np.ndarray:
    if Z is None or isinstance(Z, (str, bytes)) or np.isscalar(Z):
        raise TypeError(f"Z must be a linkage matrix from linkage_matrix, got {Z!r}")
    try:
        Z = np.asarray(Z, dtype=float)
    except (TypeError, ValueError):
        raise TypeError(
            "Z must be a linkage matrix of numbers; build it with linkage_matrix"
        ) from None
    if not np.isfinite(Z).all():
        raise ValueError(
            "Z contains NaN or infinite values; build it with linkage_matrix"
        )
    if Z.ndim != 2 or Z.shape[1] != 4 or Z.shape[0] < 1 or not is_valid_linkage(Z):
        raise ValueError(
            f"Z must be a valid (n_samples - 1, 4) linkage matrix, got shape {Z.shape}; "
            "build it with linkage_matrix"
        )
    if np.any(np.diff(Z[:, 2]) < 0):
        raise ValueError(
            "Z's merge heights decrease somewhere; a horizontal cut is ambiguous"
        )
    return Z


def cut_height(Z, n_clusters: int) -> float:
    """Return the height at which a horizontal cut of the dendrogram leaves ``n_clusters``.

    Merges happen at increasing heights ``Z[:, 2]``. Keeping the first ``n - K`` merges of
    ``n`` points leaves ``K`` clusters, so any height between merge ``n - K`` and merge
    ``n - K + 1`` works; this returns the midpoint of that gap.

    Parameters
    ----------
    Z : ndarray of shape (n_samples - 1, 4)
        A linkage matrix (from :func:`linkage_matrix`).
    n_clusters : int
        Between 2 and ``n_samples - 1``.

    Returns
    -------
    float
        The cut height; ``fcluster(Z, height, criterion="distance")`` gives exactly
        ``n_clusters`` clusters.

    Raises
    ------
    TypeError, ValueError
        If ``Z`` is not a valid linkage matrix (or holds NaN/inf), ``n_clusters`` is out of
        range, or two merges happen at the same height so that no cut leaves exactly
        ``n_clusters``.

    Examples
    --------
    >>> Z = linkage_matrix([[0.0], [1.0], [10.0], [11.0]], method="single")
    >>> cut_height(Z, 2)
    5.0
    """
    Z = _check_linkage(Z)
    n_samples = Z.shape[0] + 1
    n_clusters = check_int(
        n_clusters, name="n_clusters", minimum=2, maximum=n_samples - 1
    )
    last_kept = Z[n_samples - n_clusters - 1, 2]
    first_undone = Z[n_samples - n_clusters, 2]
    if first_undone <= last_kept:
        raise ValueError(
            f"two merges happen at the same height {last_kept:.4g}: no horizontal cut leaves "
            f"exactly {n_clusters} clusters; try a neighbouring number"
        )
    return float((last_kept + first_undone) / 2)


def cut_labels(Z, n_clusters: int) -> np.ndarray:
    """Return the cluster of each point after cutting the tree into ``n_clusters``.

    Parameters
    ----------
    Z : ndarray of shape (n_samples - 1, 4)
        A linkage matrix (from :func:`linkage_matrix`).
    n_clusters : int
        Between 2 and ``n_samples - 1``.

    Returns
    -------
    ndarray of shape (n_samples,)
        Labels ``0 .. n_clusters - 1`` (scipy numbers them from 1; here they start at 0, as
        in scikit-learn, and match the branch colours of :func:`plot_dendrogram`).

    Raises
    ------
    TypeError, ValueError
        As :func:`cut_height`.
    """
    height = cut_height(Z, n_clusters)
    return (
        fcluster(_check_linkage(Z), height, criterion="distance").astype(np.int64) - 1
    )


def cut_ranges(Z, max_clusters: int = 8) -> pd.DataFrame:
    """Return, for each number of clusters K, the range of heights whose cut leaves K clusters.

    A cut anywhere between the merge that leaves K clusters and the one above it gives the
    same K clusters. A long stretch without a merge means those K clusters are well
    separated: the dendrogram's way of suggesting K.

    Parameters
    ----------
    Z : ndarray of shape (n_samples - 1, 4)
        A linkage matrix (from :func:`linkage_matrix`).
    max_clusters : int, default 8
        The largest K listed (between 2 and ``n_samples - 1``).

    Returns
    -------
    pandas.DataFrame
        Indexed by ``clusters`` (2 .. ``max_clusters``), with columns ``from height``,
        ``to height`` and ``stretch`` (their difference; 0 when two merges tie).

    Raises
    ------
    TypeError, ValueError
        If ``Z`` is not a valid linkage matrix or ``max_clusters`` is out of range.

    Examples
    --------
    >>> Z = linkage_matrix([[0.0], [1.0], [10.0], [11.0]], method="single")
    >>> cut_ranges(Z, 3)["stretch"].tolist()
    [8.0, 0.0]
    """
    Z = _check_linkage(Z)
    n_samples = Z.shape[0] + 1
    max_clusters = check_int(
        max_clusters, name="max_clusters", minimum=2, maximum=n_samples - 1
    )
    ks = np.arange(2, max_clusters + 1)
    lower = Z[n_samples - ks - 1, 2]
    upper = Z[n_samples - ks, 2]
    table = pd.DataFrame(
        {"from height": lower, "to height": upper, "stretch": upper - lower},
        index=pd.Index(ks, name="clusters"),
    )
    return table


def _link_colours(Z: np.ndarray, labels: np.ndarray, height: float):
    """Return a function giving each link the colour of its cluster (grey above the cut)."""
    n_samples = labels.size
    first_leaf = np.empty(2 * n_samples - 1, dtype=np.int64)
    first_leaf[:n_samples] = np.arange(n_samples)
    for i, (left, _right, _h, _size) in enumerate(Z):
        first_leaf[n_samples + i] = first_leaf[int(left)]

    def colour(node: int) -> str:
        if Z[node - n_samples, 2] > height:
            return ABOVE_CUT_COLOR
        return cluster_style(int(labels[first_leaf[node]]))["color"]

    return colour


def plot_dendrogram(
    Z,
    n_clusters: int,
    *,
    truncate_p: int = 30,
    ax=None,
    title: str | None = None,
    leaf_label: str = "points (in brackets: how many merged below; else one row number)",
    height_label: str = "merge height (distance)",
):
    """Draw a truncated dendrogram with a horizontal cut line that leaves ``n_clusters``.

    Only the last ``truncate_p`` merges are drawn (``truncate_mode="lastp"``): a leaf such as
    "(23)" stands for 23 points merged lower down. Branches below the cut have the colours
    that :func:`cut_labels`' clusters get from :func:`course_utils.style.cluster_scatter`.

    Parameters
    ----------
    Z : ndarray of shape (n_samples - 1, 4)
        A linkage matrix (from :func:`linkage_matrix`).
    n_clusters : int
        Where to cut (see :func:`cut_height`).
    truncate_p : int, default 30
        How many leaves to show (at least ``n_clusters``).
    ax : matplotlib Axes, optional
        Where to draw; a new figure is made when omitted.
    title, leaf_label, height_label : str, optional
        Texts of the title and axes.

    Returns
    -------
    matplotlib.axes.Axes

    Raises
    ------
    TypeError, ValueError
        As :func:`cut_height`, if ``truncate_p`` is smaller than ``n_clusters``, or if ``ax``
        is not one matplotlib Axes.
    """
    Z = _check_linkage(Z)
    height = cut_height(Z, n_clusters)
    truncate_p = check_int(truncate_p, name="truncate_p", minimum=n_clusters)
    if ax is not None:
        ax = check_axes(ax)
    labels = cut_labels(Z, n_clusters)
    if ax is None:
        _, ax = plt.subplots(figsize=(12, 5.5))
    dendrogram(
        Z,
        truncate_mode="lastp",
        p=truncate_p,
        show_contracted=True,
        link_color_func=_link_colours(Z, labels, height),
        leaf_font_size=10,
        ax=ax,
    )
    ax.axhline(
        height,
        color="black",
        linestyle="--",
        linewidth=2,
        label=f"cut at height {height:.2f}: {n_clusters} clusters",
    )
    ax.set_xlabel(leaf_label)
    ax.set_ylabel(height_label)
    ax.set_title(
        title or f"Dendrogram (last {truncate_p} merges) cut into {n_clusters} clusters"
    )
    ax.grid(axis="x", visible=False)
    ax.legend(loc="upper right", frameon=True, framealpha=0.9)
    return ax


def compare_linkages(
    X, n_clusters: int, y_true=None, *, methods=tuple(LINKAGES)
) -> AlgorithmComparison:
    """Fit agglomerative clustering with several linkages on the same data and compare them.

    Parameters
    ----------
    X : array-like of shape (n_samples, n_features)
        The (already scaled) features.
    n_clusters : int
        The number of clusters every linkage is cut into (between 2 and ``n_samples - 1``).
    y_true : array-like of shape (n_samples,), optional
        Known groups, for the ``ARI vs truth`` column.
    methods : sequence of str, default ("ward", "complete", "average", "single")
        Linkages to compare (each one of :data:`LINKAGES`, no repeats).

    Returns
    -------
    AlgorithmComparison
        Rows named after the linkage (see :func:`course_utils.compare.compare_algorithms`);
        ``largest cluster share`` shows single linkage's tendency to chain nearly everything
        into one cluster.

    Raises
    ------
    TypeError, ValueError
        On bad ``X`` or ``y_true``, ``n_clusters`` out of range, or an unknown, repeated or
        empty list of ``methods``.
    """
    data = check_features(X, name="X", min_samples=3)
    n_clusters = check_int(
        n_clusters, name="n_clusters", minimum=2, maximum=data.shape[0] - 1
    )
    if isinstance(methods, (str, bytes)):
        raise TypeError(
            f"methods must be a sequence of linkage names, got the string {methods!r}"
        )
    methods = check_sequence(methods, name="methods", what="linkage names")
    methods = [check_choice(m, name="methods", choices=LINKAGES) for m in methods]
    if not methods:
        raise ValueError(f"methods is empty; choose from {list(LINKAGES)}")
    if len(set(methods)) != len(methods):
        raise ValueError(f"methods has repeats: {methods}")
    estimators = {
        method: AgglomerativeClustering(n_clusters=n_clusters, linkage=method)
        for method in methods
    }
    result = compare_algorithms(data, estimators, y_true)
    result.table.index.name = "linkage"
    return result
