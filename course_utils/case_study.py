"""Helpers for the mall case study (lesson 5): a 3-D cluster scatter, a segment table, and
silhouette curves of several data sets on one plot.

* :func:`cluster_scatter_3d` — the 3-D scatter the common tutorial recipe ends with, in the
  course's colours and markers.
* :func:`segment_table` — one row per cluster: its business name, size, averages, gender mix
  and suggested action (from :mod:`course_utils.segments`, so never from a cluster's number).
* :func:`plot_silhouette_curves` — mean silhouette against K for several data sets, to compare
  a curve with a clear peak with a flat one.
"""

from __future__ import annotations

from collections.abc import Mapping

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from course_utils.kselect import K_LABEL, SILHOUETTE_LABEL
from course_utils.segments import (
    ACTION,
    INCOME_LEVEL,
    MEAN_INCOME,
    MEAN_SCORE,
    NAME,
    SPEND_LEVEL,
    name_segments,
    profile_segments,
)
from course_utils.style import (
    axes_or_new,
    check_label_names,
    cluster_style,
    legend_name,
)
from course_utils.validation import check_features, check_labels


def cluster_scatter_3d(
    X,
    labels,
    *,
    ax=None,
    title=None,
    axis_labels=None,
    label_names=None,
    elev: float = 20,
    azim: float = -60,
    s: float = 40,
):
    """Scatter 3-D points coloured and marked by cluster, on matplotlib's 3-D axes.

    Parameters
    ----------
    X : array-like of shape (n_samples, 3)
        The three features to plot (a DataFrame's column names become axis labels).
    labels : array-like of shape (n_samples,)
        Cluster labels; ``-1`` is drawn as grey crosses labelled "noise".
    ax : mpl_toolkits.mplot3d.axes3d.Axes3D, optional
        3-D axes to draw on (``fig.add_subplot(projection="3d")``); a new figure is made when
        omitted.
    title : str, optional
        The title.
    axis_labels : sequence of 3 str, optional
        Labels of the x, y and z axes (give units); default: the column names of ``X``.
    label_names : dict of int to str, optional
        Legend text per label; defaults to ``"cluster 0"``, ``"cluster 1"``, ...
    elev, azim : float
        The viewing angles, in degrees (see ``Axes3D.view_init``).
    s : float, default 40
        Point size.

    Returns
    -------
    mpl_toolkits.mplot3d.axes3d.Axes3D

    Raises
    ------
    TypeError
        If ``X`` is not numeric, ``labels`` are not integers, or ``ax`` is not 3-D axes.
    ValueError
        If ``X`` does not have 3 columns, holds NaN/inf, ``labels`` have the wrong length, or
        ``axis_labels`` is not three texts.
    """
    columns = [str(c) for c in X.columns] if hasattr(X, "columns") else None
    points = check_features(X, name="X")
    if points.shape[1] != 3:
        raise ValueError(
            f"X must have exactly 3 columns to plot in 3-D, got {points.shape[1]}"
        )
    labels = check_labels(labels, n_samples=points.shape[0])
    label_names = check_label_names(label_names)
    if axis_labels is None:
        axis_labels = columns or ["feature 1", "feature 2", "feature 3"]
    if isinstance(axis_labels, str) or len(axis_labels) != 3:
        raise ValueError(
            f"axis_labels must be three texts (x, y, z), got {axis_labels!r}"
        )
    if ax is None:
        fig = plt.figure(figsize=(9, 8))
        ax = fig.add_subplot(projection="3d")
    if getattr(ax, "name", None) != "3d":
        raise TypeError(
            "ax must be 3-D axes, made with fig.add_subplot(projection='3d'), "
            f"got {type(ax).__name__}"
        )
    for label in np.unique(labels):
        mask = labels == label
        ax.scatter(
            points[mask, 0],
            points[mask, 1],
            points[mask, 2],
            s=s,
            alpha=0.85,
            label=legend_name(int(label), label_names),
            depthshade=False,
            **cluster_style(int(label)),
        )
    ax.set_xlabel(axis_labels[0], labelpad=10)
    ax.set_ylabel(axis_labels[1], labelpad=10)
    ax.set_zlabel(axis_labels[2], labelpad=10)
    ax.view_init(elev=elev, azim=azim)
    if title:
        ax.set_title(title)
    ax.legend(loc="upper left", bbox_to_anchor=(0.0, 1.0), frameon=True, framealpha=0.9)
    return ax


def segment_table(customers: pd.DataFrame, labels) -> pd.DataFrame:
    """Profile, name and suggested action of each cluster of mall customers, in one table.

    Combines :func:`course_utils.segments.profile_segments` and
    :func:`course_utils.segments.name_segments`: each name comes from the rule on the cluster's
    mean income and mean spending score, never from its number.

    Parameters
    ----------
    customers : pandas.DataFrame
        The customers, as :func:`course_utils.mall_loader.load_mall_customers` returns them.
    labels : array-like of shape (n_customers,)
        The cluster of each customer.

    Returns
    -------
    pandas.DataFrame
        Indexed by cluster label, rows ordered by mean income then mean score (lowest first),
        with the columns ``name``, the columns of ``profile_segments`` (``customers``,
        ``share``, ``mean income (k$)``, ``mean score (1-100)``, ``mean age``,
        ``female share``), the levels ``income`` and ``spend``, and ``action``. ``attrs``
        keeps the tercile cut points the names were judged by.

    Raises
    ------
    TypeError, ValueError
        As :func:`course_utils.segments.profile_segments`.
    """
    profile = profile_segments(customers, labels)
    names = name_segments(profile)
    table = profile.join(names)[
        [NAME, *profile.columns, INCOME_LEVEL, SPEND_LEVEL, ACTION]
    ]
    table = table.sort_values([MEAN_INCOME, MEAN_SCORE], kind="stable")
    table.attrs = dict(profile.attrs)
    return table


def plot_silhouette_curves(
    curves: Mapping[str, pd.Series], *, ax=None, title="Mean silhouette against K"
):
    """Plot the mean silhouette against K for several data sets, marking each one's highest.

    Parameters
    ----------
    curves : mapping of str to pandas.Series
        For each data set (the legend text), its mean silhouette indexed by K, e.g. the
        ``silhouette`` column of :func:`course_utils.kselect.scores_by_k`; NaN values (K=1)
        are left out.
    ax : matplotlib Axes, optional
        Where to draw; a new figure is made when omitted.
    title : str
        The title.

    Returns
    -------
    matplotlib.axes.Axes

    Raises
    ------
    TypeError
        If ``curves`` is not a mapping of names to pandas Series.
    ValueError
        If it is empty, or a curve has no finite value or a value outside [-1, 1].
    """
    if not isinstance(curves, Mapping):
        raise TypeError(
            f"curves must be a dict of name -> pandas Series of silhouettes by K, "
            f"got {type(curves).__name__}"
        )
    if not curves:
        raise ValueError("curves is empty; give at least one silhouette curve")
    cleaned = {}
    for name, curve in curves.items():
        if not isinstance(curve, pd.Series):
            raise TypeError(
                f"curves[{name!r}] must be a pandas Series, got {type(curve).__name__}"
            )
        curve = curve.dropna()
        if curve.empty:
            raise ValueError(
                f"curves[{name!r}] has no silhouette value (all NaN or empty)"
            )
        values = check_features(
            curve.to_numpy().reshape(-1, 1), name=f"curves[{name!r}]"
        )
        if np.any(np.abs(values) > 1):
            raise ValueError(
                f"curves[{name!r}] holds values outside [-1, 1]: not silhouettes"
            )
        cleaned[name] = curve
    ax = axes_or_new(ax, figsize=(9, 5.5))
    ks = set()
    for i, (name, curve) in enumerate(cleaned.items()):
        style = cluster_style(i)
        best = curve.idxmax()
        ax.plot(
            list(curve.index),
            curve.to_numpy(),
            marker=style["marker"],
            color=style["color"],
            label=f"{name} (highest {curve.max():.2f} at K={best})",
        )
        ax.scatter(
            [best],
            [curve.max()],
            s=250,
            facecolors="none",
            edgecolors=style["color"],
            linewidths=2.5,
            zorder=5,
        )
        ks.update(int(k) for k in curve.index)
    lowest = min(float(curve.min()) for curve in cleaned.values())
    ax.set_ylim(min(0.0, lowest - 0.05), 1.0)
    ax.set_xticks(sorted(ks))
    ax.set_xlabel(K_LABEL)
    ax.set_ylabel(SILHOUETTE_LABEL)
    ax.set_title(title)
    ax.legend(loc="upper right", frameon=True, framealpha=0.9)
    return ax
