"""DBSCAN helpers: choose ``eps`` with the k-distance plot, and see what eps × min_samples do.

DBSCAN calls a point a *core point* when at least ``min_samples`` points (itself included) lie
within distance ``eps`` of it; core points that reach each other form a cluster, points near a
cluster join it, and everything else is **noise** (label ``-1``).

* :func:`k_distances` — for each point, the distance to its ``min_samples``-th nearest
  neighbour (itself counted, as DBSCAN counts it), sorted: the k-distance curve.
* :func:`suggest_eps` — the distance at the knee of that curve (``kneed``), where typical
  points end and outliers begin.
* :func:`plot_k_distance` — the curve with the suggested ``eps`` marked.
* :func:`eps_grid` / :func:`plot_eps_grid` — DBSCAN over a grid of ``eps`` and
  ``min_samples``: clusters found, noise share (and ARI when the truth is known), as a table
  and a heatmap.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import seaborn as sns
from kneed import KneeLocator
from sklearn.cluster import DBSCAN
from sklearn.metrics import adjusted_rand_score
from sklearn.neighbors import NearestNeighbors

from course_utils.style import axes_or_new, cluster_style
from course_utils.validation import (
    check_features,
    check_float,
    check_int,
    check_labels,
    check_sequence,
)

#: Columns of :func:`eps_grid`'s table (``ARI vs truth`` only when the truth is given).
GRID_COLUMNS = ("clusters found", "noise share", "ARI vs truth")


def k_distances(X, min_samples: int = 5) -> np.ndarray:
    """Return the sorted distances from each point to its ``min_samples``-th nearest neighbour.

    The point itself counts as its own first neighbour (distance 0), exactly as in
    ``DBSCAN(min_samples=...)``; so a point is a core point for a given ``eps`` exactly when
    its value here is at most ``eps``.

    Parameters
    ----------
    X : array-like of shape (n_samples, n_features)
        The (already scaled) features; more rows than ``min_samples``.
    min_samples : int, default 5
        DBSCAN's ``min_samples`` (at least 2).

    Returns
    -------
    ndarray of shape (n_samples,)
        The distances in increasing order.

    Raises
    ------
    TypeError, ValueError
        On bad ``X`` or ``min_samples`` out of range.

    Examples
    --------
    >>> k_distances([[0.0], [1.0], [3.0]], min_samples=2).tolist()
    [1.0, 1.0, 2.0]
    """
    min_samples = check_int(min_samples, name="min_samples", minimum=2)
    data = check_features(X, name="X", min_samples=min_samples + 1)
    distances, _ = NearestNeighbors(n_neighbors=min_samples).fit(data).kneighbors(data)
    return np.sort(distances[:, -1])


def _knee(distances: np.ndarray) -> KneeLocator:
    return KneeLocator(
        np.arange(distances.size), distances, curve="convex", direction="increasing"
    )


def suggest_eps(X, min_samples: int = 5) -> float:
    """Suggest ``eps`` for DBSCAN: the k-distance at the knee of the sorted k-distance curve.

    Most points have a small k-distance (they sit in a crowd); a few have a large one (they
    are isolated). The knee (found with ``kneed.KneeLocator``, convex and increasing) is where
    the curve turns sharply upwards: with ``eps`` there, the points left of the knee are core
    points and the isolated ones right of it tend to become noise.

    Parameters
    ----------
    X : array-like of shape (n_samples, n_features)
        The (already scaled) features.
    min_samples : int, default 5
        The ``min_samples`` you will give DBSCAN.

    Returns
    -------
    float
        The suggested ``eps`` (a k-distance that occurs in the data).

    Raises
    ------
    TypeError, ValueError
        On bad input, or when the curve has no knee (e.g. every k-distance is equal).

    Notes
    -----
    The knee separates crowded points from isolated ones. It does **not** promise that the
    clusters come apart: groups that touch with no sparse gap between them merge into one
    cluster whatever ``eps`` does not also throw many points away as noise.
    """
    distances = k_distances(X, min_samples)
    if distances[-1] == distances[0]:
        raise ValueError(
            f"every k-distance of X is equal (min_samples={min_samples}): the curve is flat and "
            "has no knee (are the points evenly spaced or repeated?)"
        )
    knee = _knee(distances).knee
    if knee is None:
        raise ValueError(
            "kneed found no knee in the k-distance curve of X; choose eps by eye"
        )
    return float(distances[int(knee)])


def plot_k_distance(X, min_samples: int = 5, *, eps: float | None = None, ax=None):
    """Plot the sorted k-distance curve with a horizontal line at ``eps``.

    Parameters
    ----------
    X : array-like of shape (n_samples, n_features)
        The (already scaled) features.
    min_samples : int, default 5
        The ``min_samples`` you will give DBSCAN.
    eps : float, optional
        The line to draw; defaults to :func:`suggest_eps` (and the knee is marked).
    ax : matplotlib Axes, optional
        Where to draw; a new figure is made when omitted.

    Returns
    -------
    matplotlib.axes.Axes

    Raises
    ------
    TypeError, ValueError
        As :func:`suggest_eps`, on a non-positive ``eps``, or if ``ax`` is not one matplotlib
        Axes.
    """
    distances = k_distances(X, min_samples)
    if eps is None:
        eps = suggest_eps(X, min_samples)
        text = f"knee: suggested eps = {eps:.3f}"
    else:
        eps = check_float(eps, name="eps", minimum=0.0, exclusive_min=True)
        text = f"eps = {eps:.3f}"
    ax = axes_or_new(ax)
    ax.plot(
        np.arange(distances.size),
        distances,
        color=cluster_style(0)["color"],
        label=f"distance to {min_samples}th nearest neighbour",
    )
    ax.axhline(
        eps, color=cluster_style(5)["color"], linestyle="--", linewidth=2, label=text
    )
    n_core = int(np.sum(distances <= eps))
    ax.axvline(
        n_core - 0.5,
        color="grey",
        linewidth=1,
        linestyle=":",
        label=f"{n_core} core points (left)",
    )
    ax.set_xlabel("points, sorted by that distance")
    ax.set_ylabel(f"distance to {min_samples}th neighbour (data units)")
    ax.set_title(f"k-distance plot (min_samples = {min_samples})")
    ax.legend(loc="upper left", frameon=True, framealpha=0.9)
    return ax


def _check_grid_values(values, name: str, *, integer: bool) -> list:
    values = check_sequence(values, name=name, what="numbers")
    if not values:
        raise ValueError(f"{name} is empty; give at least one value")
    if integer:
        checked = [
            check_int(v, name=f"{name}[{i}]", minimum=1) for i, v in enumerate(values)
        ]
    else:
        checked = [
            check_float(v, name=f"{name}[{i}]", minimum=0.0, exclusive_min=True)
            for i, v in enumerate(values)
        ]
    if len(set(checked)) != len(checked):
        raise ValueError(f"{name} has repeated values: {checked}")
    return checked


def eps_grid(X, eps_values, min_samples_values, y_true=None) -> pd.DataFrame:
    """Run DBSCAN for every pair of ``eps`` and ``min_samples`` and tabulate the outcome.

    Parameters
    ----------
    X : array-like of shape (n_samples, n_features)
        The (already scaled) features.
    eps_values : sequence of float
        Positive neighbourhood radii, no repeats.
    min_samples_values : sequence of int
        Positive ``min_samples`` values, no repeats.
    y_true : array-like of shape (n_samples,), optional
        Known groups, for the ``ARI vs truth`` column (noise points count as one group).

    Returns
    -------
    pandas.DataFrame
        One row per pair, indexed by ``(eps, min_samples)``, with columns ``clusters found``
        (noise excluded), ``noise share`` and, with ``y_true``, ``ARI vs truth``.

    Raises
    ------
    TypeError, ValueError
        On bad ``X`` or ``y_true``, or empty, repeated or non-positive grid values.
    """
    data = check_features(X, name="X", min_samples=2)
    eps_values = _check_grid_values(eps_values, "eps_values", integer=False)
    min_samples_values = _check_grid_values(
        min_samples_values, "min_samples_values", integer=True
    )
    truth = (
        None
        if y_true is None
        else check_labels(y_true, n_samples=data.shape[0], name="y_true")
    )
    rows = []
    for eps in eps_values:
        for min_samples in min_samples_values:
            labels = DBSCAN(eps=eps, min_samples=min_samples).fit_predict(data)
            row = {
                "eps": eps,
                "min_samples": min_samples,
                "clusters found": int(np.unique(labels[labels >= 0]).size),
                "noise share": float(np.mean(labels < 0)),
            }
            if truth is not None:
                row["ARI vs truth"] = float(adjusted_rand_score(truth, labels))
            rows.append(row)
    return pd.DataFrame(rows).set_index(["eps", "min_samples"])


def plot_eps_grid(
    grid, value: str = "clusters found", *, ax=None, fmt: str | None = None
):
    """Draw one column of :func:`eps_grid`'s table as an annotated heatmap.

    Parameters
    ----------
    grid : pandas.DataFrame
        The table from :func:`eps_grid`.
    value : str, default "clusters found"
        Which column to draw (one of the table's columns).
    ax : matplotlib Axes, optional
        Where to draw; a new figure is made when omitted.
    fmt : str, optional
        Number format of the annotations; ``"d"`` for counts, ``".0%"`` for the noise share
        and ``".2f"`` otherwise by default.

    Returns
    -------
    matplotlib.axes.Axes

    Raises
    ------
    TypeError, ValueError
        If ``grid`` is not such a table, ``value`` is not one of its columns, ``fmt`` cannot
        format its values, or ``ax`` is not one matplotlib Axes.
    """
    if not isinstance(grid, pd.DataFrame) or list(grid.index.names) != [
        "eps",
        "min_samples",
    ]:
        raise TypeError("grid must be the DataFrame returned by eps_grid")
    if grid.empty:
        raise ValueError("grid is empty; make it with eps_grid")
    if value not in grid.columns:
        raise ValueError(f"value must be one of {list(grid.columns)}, got {value!r}")
    if fmt is None:
        fmt = {"clusters found": "d", "noise share": ".0%"}.get(value, ".2f")
    table = grid[value].unstack("min_samples")
    try:
        format(table.iloc[0, 0], fmt)
    except (TypeError, ValueError):
        raise ValueError(
            f"fmt must be a format spec for the {value!r} values, such as 'd', '.2f' or '.0%', "
            f"got {fmt!r}"
        ) from None
    ax = axes_or_new(ax, figsize=(8, 5.5))
    sns.heatmap(
        table,
        annot=True,
        fmt=fmt,
        cmap="cividis",
        cbar_kws={"label": value},
        linewidths=0.5,
        ax=ax,
    )
    ax.set_xlabel("min_samples (points, itself included)")
    ax.set_ylabel("eps (radius, data units)")
    ax.set_title(f"DBSCAN: {value}")
    return ax
