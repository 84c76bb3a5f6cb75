"""Several clustering algorithms on the same data: one table and one figure.

* :func:`compare_algorithms` — fit each estimator (or use it as fitted) and tabulate what it
  found: clusters, share of noise, size of the largest cluster, silhouette (noise excluded),
  adjusted Rand index against known groups. Fit times, which vary from run to run, are kept
  apart from the table so that a lesson can show them in an output that is not checked.
* :func:`plot_comparison` — a "true segments" panel beside one panel per algorithm, all with
  the same axes and the course's cluster style.
* :func:`match_labels` — renumber clusters so that each takes the number of the true group it
  overlaps most (only so that colours agree between panels; the grouping is unchanged).
"""

from __future__ import annotations

import copy
import math
import time
from dataclasses import dataclass, field

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from scipy.optimize import linear_sum_assignment
from sklearn.base import clone
from sklearn.exceptions import NotFittedError
from sklearn.metrics import adjusted_rand_score, silhouette_score
from sklearn.utils.validation import check_is_fitted

from course_utils.style import cluster_scatter
from course_utils.validation import (
    check_bool,
    check_features,
    check_int,
    check_labels,
    check_panel_size,
)

#: Column names of the comparison table (the silhouette column says that noise is left out).
CLUSTERS = "clusters found"
NOISE_SHARE = "noise share"
LARGEST_SHARE = "largest cluster share"
SILHOUETTE = "silhouette (noise excluded)"
ARI = "ARI vs truth"
NOTE = "note"
FIT_SECONDS = "fit time (s)"


@dataclass
class AlgorithmComparison:
    """What :func:`compare_algorithms` returns.

    Attributes
    ----------
    table : pandas.DataFrame
        One row per algorithm (index ``algorithm``); no timings, so it prints the same on
        every run.
    fit_seconds : pandas.Series
        Seconds each fit took (``NaN`` for an estimator passed already fitted). Varies from
        run to run: show it in an unchecked output.
    labels : dict of str to ndarray
        The cluster labels of each algorithm (``-1`` marks noise).
    estimators : dict of str to estimator
        The fitted estimators (fitted copies of unfitted ones; yours are left untouched).
    """

    table: pd.DataFrame
    fit_seconds: pd.Series
    labels: dict = field(default_factory=dict)
    estimators: dict = field(default_factory=dict)

    def table_with_times(self) -> pd.DataFrame:
        """Return the table with a ``fit time (s)`` column added (not reproducible)."""
        return self.table.assign(**{FIT_SECONDS: self.fit_seconds})


def _check_estimators(estimators) -> dict:
    if not isinstance(estimators, dict):
        raise TypeError(
            "estimators must be a dict of name -> clustering estimator, e.g. "
            f"{{'K-Means': KMeans(4, n_init=10)}}, got {type(estimators).__name__}"
        )
    if not estimators:
        raise ValueError("estimators is empty; give at least one algorithm to compare")
    for name, estimator in estimators.items():
        if not isinstance(name, str):
            raise TypeError(
                f"estimators' keys must be strings (the algorithms' names), got {name!r} "
                f"({type(name).__name__})"
            )
        if not (hasattr(estimator, "fit") or hasattr(estimator, "fit_predict")):
            raise TypeError(
                f"estimators[{name!r}] must be a clustering estimator with fit or fit_predict, "
                f"got {type(estimator).__name__}"
            )
        if not (hasattr(estimator, "fit_predict") or hasattr(estimator, "predict")):
            raise TypeError(
                f"estimators[{name!r}] ({type(estimator).__name__}) gives no cluster labels: "
                "it has neither fit_predict nor predict"
            )
    return estimators


def _is_fitted(estimator) -> bool:
    if not hasattr(estimator, "fit"):
        return False
    try:
        check_is_fitted(estimator)
    except (NotFittedError, TypeError):
        return False
    return True


def _fresh_copy(estimator):
    try:
        return clone(estimator)
    except (TypeError, RuntimeError):  # not a scikit-learn estimator
        return copy.deepcopy(estimator)


def _labels_of_fitted(name: str, estimator, data: np.ndarray) -> np.ndarray:
    if hasattr(estimator, "predict"):
        return estimator.predict(data)
    labels = getattr(estimator, "labels_", None)
    if labels is None or len(labels) != data.shape[0]:
        raise ValueError(
            f"estimators[{name!r}] is already fitted but cannot label X: it has no predict and "
            "its labels_ do not match X's rows; pass it unfitted so it is fitted on X"
        )
    return np.asarray(labels)


def _fit_labels(estimator, data: np.ndarray) -> np.ndarray:
    if hasattr(estimator, "fit_predict"):
        return estimator.fit_predict(data)
    return estimator.fit(data).predict(data)


def cluster_summary(data: np.ndarray, labels: np.ndarray, truth=None) -> dict:
    """Describe one clustering: clusters, noise, largest cluster, silhouette, ARI.

    Parameters
    ----------
    data : array-like of shape (n_samples, n_features)
        The features the clustering was computed on.
    labels : array-like of shape (n_samples,)
        Cluster labels, ``-1`` for noise.
    truth : array-like of shape (n_samples,), optional
        Known groups.

    Returns
    -------
    dict
        Keys :data:`CLUSTERS`, :data:`NOISE_SHARE`, :data:`LARGEST_SHARE`,
        :data:`SILHOUETTE`, :data:`ARI` (only when ``truth`` is given) and :data:`NOTE`.
        The silhouette leaves noise points out and is ``NaN`` (with a note) when fewer
        than 2 clusters remain, or when every remaining point is a cluster of its own.
        The ARI is over all points, noise points counting as one group.

    Raises
    ------
    TypeError, ValueError
        On bad ``data``, or labels that are not integers or do not have one entry per row.

    Examples
    --------
    >>> row = cluster_summary([[0.0], [0.1], [5.0], [5.1], [20.0]], [0, 0, 1, 1, -1])
    >>> row["clusters found"], row["noise share"], row["note"]
    (2, 0.2, '')
    """
    data = check_features(data, name="data", min_samples=2)
    labels = check_labels(labels, n_samples=data.shape[0], name="labels")
    if truth is not None:
        truth = check_labels(truth, n_samples=data.shape[0], name="truth")
    clustered = labels >= 0
    clusters, sizes = np.unique(labels[clustered], return_counts=True)
    row = {
        CLUSTERS: int(clusters.size),
        NOISE_SHARE: float(np.mean(labels < 0)),
        LARGEST_SHARE: float(sizes.max() / labels.size) if sizes.size else 0.0,
    }
    note = ""
    if clusters.size < 2:
        silhouette = math.nan
        note = f"silhouette undefined: {clusters.size} cluster(s) besides noise"
    elif clusters.size >= clustered.sum():
        silhouette = math.nan
        note = "silhouette undefined: every clustered point is a cluster of its own"
    else:
        silhouette = float(silhouette_score(data[clustered], labels[clustered]))
    row[SILHOUETTE] = silhouette
    if truth is not None:
        row[ARI] = float(adjusted_rand_score(truth, labels))
    row[NOTE] = note
    return row


def compare_algorithms(X, estimators, y_true=None) -> AlgorithmComparison:
    """Run several clustering algorithms on the same data and tabulate what each found.

    Parameters
    ----------
    X : array-like of shape (n_samples, n_features)
        The (already scaled) features every algorithm sees.
    estimators : dict of str to estimator
        Algorithm name -> a scikit-learn-style clustering estimator. An **unfitted** one is
        copied (``sklearn.base.clone``) and fitted on ``X``, and its fit is timed. An
        **already fitted** one is not refitted: it labels ``X`` with ``predict`` when it has
        one, otherwise its ``labels_`` are used (so it must have been fitted on ``X``); its
        fit time is ``NaN``.
    y_true : array-like of shape (n_samples,), optional
        Known groups (integers). When given, the table has an ``ARI vs truth`` column.

    Returns
    -------
    AlgorithmComparison
        ``table`` (index ``algorithm``; columns ``clusters found``, ``noise share``,
        ``largest cluster share``, ``silhouette (noise excluded)``, ``ARI vs truth`` when
        ``y_true`` is given, and ``note``), ``fit_seconds``, ``labels`` and ``estimators``.
        See :func:`cluster_summary` for how each column is computed.

    Raises
    ------
    TypeError
        If ``X`` or ``y_true`` is not numeric, ``estimators`` is not a dict, a name is not a
        string, or an estimator has no ``fit``/``fit_predict`` or cannot give labels.
    ValueError
        If ``X`` holds NaN/inf, is not 2-D or has fewer than 2 rows, ``y_true`` has a
        different length from ``X``, ``estimators`` is empty, or a fitted estimator cannot
        label ``X``.

    Examples
    --------
    >>> from sklearn.cluster import KMeans
    >>> from course_utils.datasets import make_course_blobs
    >>> X, y = make_course_blobs()
    >>> result = compare_algorithms(X, {"K-Means": KMeans(4, n_init=5, random_state=0)}, y)
    >>> float(result.table.loc["K-Means", "ARI vs truth"])
    1.0
    """
    data = check_features(X, name="X", min_samples=2)
    truth = (
        None
        if y_true is None
        else check_labels(y_true, n_samples=data.shape[0], name="y_true")
    )
    estimators = _check_estimators(estimators)
    rows, seconds, labels, fitted = {}, {}, {}, {}
    for name, estimator in estimators.items():
        if _is_fitted(estimator):
            model, elapsed = estimator, math.nan
            found = _labels_of_fitted(name, model, data)
            note_prefix = "fitted beforehand, not refitted"
        else:
            model = _fresh_copy(estimator)
            start = time.perf_counter()
            found = _fit_labels(model, data)
            elapsed = time.perf_counter() - start
            note_prefix = ""
        found = check_labels(found, n_samples=data.shape[0], name=f"labels of {name!r}")
        row = cluster_summary(data, found, truth)
        row[NOTE] = "; ".join(part for part in (note_prefix, row[NOTE]) if part)
        rows[name], seconds[name], labels[name], fitted[name] = (
            row,
            elapsed,
            found,
            model,
        )
    table = pd.DataFrame.from_dict(rows, orient="index")
    table.index.name = "algorithm"
    fit_seconds = pd.Series(seconds, name=FIT_SECONDS, dtype=float)
    fit_seconds.index.name = "algorithm"
    return AlgorithmComparison(table, fit_seconds, labels, fitted)


def match_labels(labels, reference) -> np.ndarray:
    """Renumber clusters so that each takes the number of the reference group it best matches.

    The pairing maximises the number of points whose new number equals their reference
    group (Hungarian algorithm, ``scipy.optimize.linear_sum_assignment``). Clusters left
    over when there are more clusters than reference groups get the next unused numbers.
    Noise (``-1``) stays ``-1``. Only the numbers change, never who is grouped with whom, so
    scores such as the ARI are unchanged; the point is that colours agree between panels.

    Parameters
    ----------
    labels : array-like of shape (n_samples,)
        Cluster labels to renumber.
    reference : array-like of shape (n_samples,)
        The groups to match (e.g. the true segments), non-negative integers.

    Returns
    -------
    ndarray of shape (n_samples,)

    Raises
    ------
    TypeError, ValueError
        If either is not integer labels, the lengths differ, or ``reference`` has negatives.

    Examples
    --------
    >>> match_labels([1, 1, 0, 0, -1], [0, 0, 1, 1, 1]).tolist()
    [0, 0, 1, 1, -1]
    """
    labels = check_labels(labels, name="labels")
    reference = check_labels(reference, n_samples=labels.shape[0], name="reference")
    if np.any(reference < 0):
        raise ValueError("reference must hold non-negative group numbers (no -1)")
    clusters = np.unique(labels[labels >= 0])
    groups = np.unique(reference)
    overlap = np.array(
        [[np.sum((labels == c) & (reference == g)) for g in groups] for c in clusters]
    )
    result = np.full(labels.shape, -1, dtype=np.int64)
    if clusters.size == 0:
        return result
    rows, cols = linear_sum_assignment(overlap, maximize=True)
    new_number = {
        int(clusters[r]): int(groups[c]) for r, c in zip(rows, cols, strict=True)
    }
    spare = iter(
        n for n in range(clusters.size + groups.size) if n not in set(groups.tolist())
    )
    for cluster in clusters:
        number = new_number.get(int(cluster))
        result[labels == cluster] = next(spare) if number is None else number
    return result


def plot_comparison(
    X,
    comparison: AlgorithmComparison,
    y_true=None,
    *,
    match_truth: bool = True,
    ncols: int = 3,
    xlabel: str | None = None,
    ylabel: str | None = None,
    truth_title: str = "True segments",
    panel_size: tuple[float, float] = (6.5, 5.0),
):
    """Draw a "true segments" panel beside one panel per algorithm, on shared axes.

    Parameters
    ----------
    X : array-like of shape (n_samples, 2)
        Two columns to plot (for example the data in its original units, even if the
        algorithms saw scaled data); same rows as the compared data.
    comparison : AlgorithmComparison
        The result of :func:`compare_algorithms`.
    y_true : array-like of shape (n_samples,), optional
        Known groups: drawn in the first panel (and used to match colours).
    match_truth : bool, default True
        Renumber each algorithm's clusters with :func:`match_labels` so that a cluster has
        the colour of the true group it overlaps most. Ignored without ``y_true``.
    ncols : int, default 3
        Panels per row.
    xlabel, ylabel : str, optional
        Axis labels (with units); default to a DataFrame's column names.
    truth_title : str, default "True segments"
        Title of the truth panel.
    panel_size : (float, float), default (6.5, 5.0)
        Width and height of one panel, in inches.

    Returns
    -------
    matplotlib.figure.Figure

    Raises
    ------
    TypeError, ValueError
        If ``comparison`` is not an :class:`AlgorithmComparison`, ``X`` is not 2 numeric
        columns with one row per label, ``y_true`` has the wrong length, ``match_truth`` is
        not True/False, ``ncols`` is not a positive integer, or ``panel_size`` is not two
        positive numbers.
    """
    if not isinstance(comparison, AlgorithmComparison):
        raise TypeError(
            f"comparison must be the result of compare_algorithms, got {type(comparison).__name__}"
        )
    points = check_features(X, name="X")
    if points.shape[1] != 2:
        raise ValueError(
            f"X must have exactly 2 columns to plot, got {points.shape[1]}"
        )
    for name, found in comparison.labels.items():
        if len(found) != points.shape[0]:
            raise ValueError(
                f"X has {points.shape[0]} rows but {name!r} labelled {len(found)} points; "
                "plot the same rows that were compared"
            )
    ncols = check_int(ncols, name="ncols", minimum=1)
    match_truth = check_bool(match_truth, name="match_truth")
    panel_size = check_panel_size(panel_size)
    truth = (
        None
        if y_true is None
        else check_labels(y_true, n_samples=points.shape[0], name="y_true")
    )
    panels = []
    if truth is not None:
        names = {int(g): f"segment {g}" for g in np.unique(truth) if g >= 0}
        panels.append((truth_title, truth, names))
    table = comparison.table
    for name, found in comparison.labels.items():
        shown = (
            match_labels(found, truth) if truth is not None and match_truth else found
        )
        n_found = int(table.loc[name, CLUSTERS])
        title = f"{name}\n{n_found} cluster{'' if n_found == 1 else 's'}"
        if table.loc[name, NOISE_SHARE] > 0:
            title += f", {table.loc[name, NOISE_SHARE]:.0%} noise"
        if ARI in table.columns:
            title += f", ARI {round(table.loc[name, ARI], 2) + 0.0:.2f}"  # no "-0.00"
        panels.append((title, shown, None))
    ncols = min(ncols, len(panels))
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
    flat = axes.ravel()
    for ax, (title, shown, names) in zip(flat, panels, strict=False):
        cluster_scatter(
            X,
            shown,
            ax=ax,
            xlabel=xlabel,
            ylabel=ylabel,
            label_names=names,
            s=30,
            legend=False,
        )
        ax.set_title(title, fontsize=13)
        ax.legend(loc="best", fontsize=9, frameon=True, framealpha=0.9, ncols=2)
        ax.tick_params(labelbottom=True, labelleft=True)
    for ax in flat[len(panels) :]:
        ax.set_visible(False)
    return fig
