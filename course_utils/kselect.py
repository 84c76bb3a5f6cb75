"""Choosing the number of clusters K: scores per K, the knee of the elbow curve, and plots.

Everything here runs scikit-learn's ``KMeans`` (never the course's from-scratch version, so that
the K-selection lesson does not depend on lesson 2) and scikit-learn's metrics; the knee comes
from the ``kneed`` package.

* :func:`scores_by_k` — inertia, silhouette, Calinski–Harabasz and Davies–Bouldin for each K.
* :func:`find_knee` / :func:`knee_difference_curve` — the knee ("elbow") of an inertia curve,
  and the normalised curve ``kneed`` uses to find it.
* :func:`best_k_by_criterion` — the K each criterion picks from a :func:`scores_by_k` table.
* :func:`plot_elbow_silhouette` / :func:`plot_silhouette_diagram` — the two standard pictures.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from kneed import KneeLocator
from sklearn.cluster import KMeans
from sklearn.metrics import (
    calinski_harabasz_score,
    davies_bouldin_score,
    silhouette_samples,
    silhouette_score,
)

from course_utils.style import cluster_style
from course_utils.validation import check_axes, check_features, check_int, check_labels

#: Columns of the table returned by :func:`scores_by_k`, and whether higher is better.
SCORE_COLUMNS = {
    "inertia": "lower (but it always falls as K grows: look for the elbow)",
    "silhouette": "higher",
    "calinski_harabasz": "higher",
    "davies_bouldin": "lower",
}
#: Axis labels shared by the K-selection plots.
K_LABEL = "number of clusters K"
INERTIA_LABEL = "inertia (sum of squared distances)"
SILHOUETTE_LABEL = "mean silhouette"
DIAGRAM_YLABEL = "cluster (its points sorted by silhouette)"


def _check_k_values(k_values, *, n_samples: int, name: str = "k_values") -> list[int]:
    """Return ``k_values`` as a strictly increasing list of ints in ``[1, n_samples - 1]``."""
    if isinstance(k_values, (str, bytes)) or np.isscalar(k_values):
        raise TypeError(
            f"{name} must be a sequence of integers such as range(2, 11), got {k_values!r}"
        )
    try:
        values = list(k_values)
    except TypeError:
        raise TypeError(
            f"{name} must be a sequence of integers such as range(2, 11), "
            f"got {type(k_values).__name__}"
        ) from None
    if not values:
        raise ValueError(f"{name} is empty; give at least one number of clusters")
    checked = [
        check_int(k, name=f"{name}[{i}]", minimum=1, maximum=n_samples - 1)
        for i, k in enumerate(values)
    ]
    if any(b <= a for a, b in zip(checked, checked[1:], strict=False)):
        raise ValueError(
            f"{name} must be strictly increasing without repeats, got {checked}"
        )
    return checked


def scores_by_k(
    X, k_values=range(2, 11), *, random_state: int | None = 0, n_init: int = 10
) -> pd.DataFrame:
    """Fit K-Means for each K and score the result with four criteria.

    Parameters
    ----------
    X : array-like of shape (n_samples, n_features)
        The (already scaled) features.
    k_values : iterable of int, default range(2, 11)
        Strictly increasing numbers of clusters, each between 1 and ``n_samples - 1``.
        ``K = 1`` is allowed so that an elbow curve can start from the total spread of the
        data; its silhouette, Calinski–Harabasz and Davies–Bouldin scores are ``NaN``,
        because those scores compare clusters with each other and need at least two.
    random_state : int or None, default 0
        Seed of ``KMeans`` (the same seed for every K).
    n_init : int, default 10
        Number of K-Means restarts per K (the best run, by inertia, is kept).

    Returns
    -------
    pandas.DataFrame
        Indexed by ``K`` (one row per value of ``k_values``), with columns

        * ``inertia`` — sum of squared distances of points to their centre (lower is tighter,
          but it always falls as K grows);
        * ``silhouette`` — mean silhouette, from −1 to 1 (higher is better);
        * ``calinski_harabasz`` — between- over within-cluster dispersion (higher is better);
        * ``davies_bouldin`` — mean similarity of each cluster to its closest neighbour
          (lower is better, 0 is the minimum).

    Raises
    ------
    TypeError
        If ``X`` is not numeric or a K is not an integer.
    ValueError
        If ``X`` has NaN/inf, fewer than 2 rows, a K is outside ``[1, n_samples - 1]``, the
        K values are not strictly increasing, or K-Means finds fewer distinct clusters than
        asked for (duplicate points).

    Examples
    --------
    >>> from course_utils.datasets import make_course_blobs
    >>> X, _ = make_course_blobs()
    >>> table = scores_by_k(X, range(2, 7))
    >>> int(table["silhouette"].idxmax())
    4
    """
    data = check_features(X, name="X", min_samples=2)
    ks = _check_k_values(k_values, n_samples=data.shape[0])
    n_init = check_int(n_init, name="n_init", minimum=1)
    if random_state is not None:
        random_state = check_int(random_state, name="random_state", minimum=0)
    rows = []
    for k in ks:
        model = KMeans(n_clusters=k, n_init=n_init, random_state=random_state).fit(data)
        row = {"K": k, "inertia": float(model.inertia_)}
        if k == 1:
            row.update(
                silhouette=np.nan, calinski_harabasz=np.nan, davies_bouldin=np.nan
            )
        else:
            found = np.unique(model.labels_).size
            if found < k:
                raise ValueError(
                    f"KMeans found only {found} distinct cluster(s) for K={k}: X has too few "
                    "distinct points for this K; use smaller k_values"
                )
            row.update(
                silhouette=float(silhouette_score(data, model.labels_)),
                calinski_harabasz=float(calinski_harabasz_score(data, model.labels_)),
                davies_bouldin=float(davies_bouldin_score(data, model.labels_)),
            )
        rows.append(row)
    return pd.DataFrame(rows).set_index("K")


def _check_curve(k_values, inertias) -> tuple[np.ndarray, np.ndarray]:
    """Validate a K/inertia curve for the knee functions."""
    for name, values in (("k_values", k_values), ("inertias", inertias)):
        if values is None or isinstance(values, (str, bytes)) or np.isscalar(values):
            raise TypeError(f"{name} must be a 1-D sequence of numbers, got {values!r}")
    ks = np.asarray(list(k_values) if not hasattr(k_values, "__array__") else k_values)
    ys = np.asarray(list(inertias) if not hasattr(inertias, "__array__") else inertias)
    for name, array in (("k_values", ks), ("inertias", ys)):
        if array.ndim != 1:
            raise ValueError(f"{name} must be 1-D, got shape {array.shape}")
        if array.dtype == object or not np.issubdtype(array.dtype, np.number):
            raise TypeError(f"{name} must hold numbers, got dtype {array.dtype}")
    if ks.shape[0] != ys.shape[0]:
        raise ValueError(
            f"k_values and inertias must have the same length, got {ks.shape[0]} and {ys.shape[0]}"
        )
    if ks.shape[0] < 3:
        raise ValueError(
            f"a knee needs at least 3 points on the curve, got {ks.shape[0]}"
        )
    ks, ys = ks.astype(float), ys.astype(float)
    for name, array in (("k_values", ks), ("inertias", ys)):
        if not np.isfinite(array).all():
            raise ValueError(
                f"{name} contains NaN or infinite values; give finite numbers"
            )
    if np.any(ks != np.round(ks)):
        raise ValueError(
            f"k_values must be whole numbers of clusters, got {ks.tolist()}"
        )
    if np.any(np.diff(ks) <= 0):
        raise ValueError("k_values must be strictly increasing without repeats")
    if ys.max() == ys.min():
        raise ValueError("inertias are all equal: a flat curve has no knee")
    return ks, ys


def _knee_locator(k_values, inertias) -> KneeLocator:
    ks, ys = _check_curve(k_values, inertias)
    return KneeLocator(ks, ys, curve="convex", direction="decreasing")


def find_knee(k_values, inertias) -> int | None:
    """Return the K at the knee ("elbow") of a falling inertia curve, or ``None``.

    Uses ``kneed.KneeLocator(curve="convex", direction="decreasing")`` (the Kneedle method):
    both axes are rescaled to 0–1 and the knee is the K where the curve lies furthest below
    the straight line joining its first and last points. Because of that rescaling, the
    answer depends on the K range given — in particular on whether it starts at 1 or 2.

    Parameters
    ----------
    k_values : sequence of int
        Strictly increasing K values (at least 3).
    inertias : sequence of float
        The inertia (or any falling, convex score) at each K; finite numbers, not all equal.

    Returns
    -------
    int or None
        The K at the knee, or ``None`` when ``kneed`` finds no knee (for example on a
        straight line).

    Raises
    ------
    TypeError
        If an argument is not a sequence of numbers.
    ValueError
        If the lengths differ, there are fewer than 3 points, a value is NaN/inf, the K
        values are not strictly increasing, or all inertias are equal.

    Examples
    --------
    >>> find_knee([1, 2, 3, 4, 5, 6], [100, 50, 10, 8, 6, 4])
    3
    """
    knee = _knee_locator(k_values, inertias).knee
    return None if knee is None else int(knee)


def knee_difference_curve(k_values, inertias) -> pd.DataFrame:
    """Return the rescaled curve that :func:`find_knee` uses, to see *why* it picks its K.

    Parameters
    ----------
    k_values : sequence of int
        Strictly increasing K values (at least 3).
    inertias : sequence of float
        The inertia at each K.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``K``, with columns

        * ``K_scaled`` — K rescaled to 0–1 over the range given;
        * ``drop_scaled`` — share of the whole fall in inertia already achieved at this K
          (0 at the first K, 1 at the lowest inertia);
        * ``difference`` — ``drop_scaled - K_scaled``: how far the curve is ahead of a
          straight line. The knee is the (first) peak of this column.

    Raises
    ------
    TypeError, ValueError
        As :func:`find_knee`.
    """
    locator = _knee_locator(k_values, inertias)
    index = pd.Index(np.asarray(locator.x).astype(int), name="K")
    return pd.DataFrame(
        {
            "K_scaled": locator.x_normalized,
            "drop_scaled": locator.y_normalized,
            "difference": locator.y_difference,
        },
        index=index,
    )


def _check_scores(scores) -> pd.DataFrame:
    if not isinstance(scores, pd.DataFrame):
        raise TypeError(
            f"scores must be the DataFrame returned by scores_by_k, got {type(scores).__name__}"
        )
    missing = [c for c in ("inertia", "silhouette") if c not in scores.columns]
    if missing:
        raise ValueError(
            f"scores lacks column(s) {missing}; pass the table from scores_by_k"
        )
    if scores.empty:
        raise ValueError("scores is empty")
    return scores


def best_k_by_criterion(scores) -> pd.Series:
    """Return the K each criterion of a :func:`scores_by_k` table picks.

    Parameters
    ----------
    scores : pandas.DataFrame
        The table from :func:`scores_by_k`; the K range it covers matters (see
        :func:`find_knee`).

    Returns
    -------
    pandas.Series
        Named ``"best K"``, with a nullable integer for each of ``silhouette`` (highest),
        ``calinski_harabasz`` (highest), ``davies_bouldin`` (lowest) and ``knee`` (the knee
        of the inertia curve over the table's K values; missing when there is none, or when
        the table has fewer than 3 rows).

    Raises
    ------
    TypeError, ValueError
        If ``scores`` is not such a table, or has no K with a silhouette (only K = 1).
    """
    scores = _check_scores(scores)
    missing = [
        c for c in ("calinski_harabasz", "davies_bouldin") if c not in scores.columns
    ]
    if missing:
        raise ValueError(
            f"scores lacks column(s) {missing}; pass the table from scores_by_k"
        )
    rated = scores.dropna(subset=["silhouette", "calinski_harabasz", "davies_bouldin"])
    if rated.empty:
        raise ValueError("scores has no K >= 2, so no criterion can choose")
    knee = find_knee(scores.index, scores["inertia"]) if len(scores) >= 3 else None
    return pd.Series(
        {
            "silhouette": rated["silhouette"].idxmax(),
            "calinski_harabasz": rated["calinski_harabasz"].idxmax(),
            "davies_bouldin": rated["davies_bouldin"].idxmin(),
            "knee": knee,
        },
        name="best K",
        dtype="Int64",
    )


def _mark_k(ax, k, *, text: str, color: str, linestyle: str, row: int = 0) -> None:
    """Draw a labelled vertical line at K on ``ax``; ``row`` moves the label down a line pair."""
    ax.axvline(k, color=color, linestyle=linestyle, linewidth=2, label=f"{text}: K={k}")
    ax.annotate(
        f"{text}\nK={k}",
        xy=(k, 1.0 - 0.14 * row),
        xycoords=("data", "axes fraction"),
        xytext=(6, -8),
        textcoords="offset points",
        va="top",
        color=color,
        fontsize=12,
        fontweight="bold",
    )


def plot_elbow_silhouette(scores, *, chosen_k=None, knee_k=None, axes=None):
    """Draw the elbow curve (inertia) and the mean silhouette against K, side by side.

    Parameters
    ----------
    scores : pandas.DataFrame
        The table from :func:`scores_by_k` (columns ``inertia`` and ``silhouette``, index K).
    chosen_k : int, optional
        The K you chose: marked on both panels with a solid vertical line and a note.
    knee_k : int, optional
        The knee found by :func:`find_knee`: marked on the elbow panel with a dashed line.
    axes : sequence of two matplotlib Axes, optional
        Where to draw; a new 1 × 2 figure is made when omitted.

    Returns
    -------
    numpy.ndarray of two matplotlib Axes
        ``[elbow_axes, silhouette_axes]``.

    Raises
    ------
    TypeError, ValueError
        If ``scores`` is not such a table, a marked K is not one of its K values, or
        ``axes`` is not two Axes.
    """
    scores = _check_scores(scores)
    ks = list(scores.index)
    marks = {}
    for name, k in (("chosen_k", chosen_k), ("knee_k", knee_k)):
        if k is not None:
            k = check_int(k, name=name)
            if k not in ks:
                raise ValueError(
                    f"{name}={k} is not one of the K values in scores: {ks}"
                )
            marks[name] = k
    if axes is None:
        _, axes = plt.subplots(1, 2, figsize=(14, 5.5), layout="constrained")
    axes = np.asarray(axes, dtype=object).ravel()
    if axes.shape[0] != 2:
        raise ValueError(f"axes must hold exactly 2 Axes, got {axes.shape[0]}")
    for ax in axes:
        check_axes(ax, name="axes")
    elbow_ax, silhouette_ax = axes
    elbow_ax.plot(
        ks,
        scores["inertia"],
        marker="o",
        color=cluster_style(0)["color"],
        label="inertia",
    )
    silhouette = scores["silhouette"].dropna()
    silhouette_ax.plot(
        list(silhouette.index),
        silhouette,
        marker="s",
        color=cluster_style(1)["color"],
        label="mean silhouette",
    )
    if "knee_k" in marks:
        _mark_k(
            elbow_ax,
            marks["knee_k"],
            text="knee",
            color=cluster_style(5)["color"],
            linestyle="--",
        )
    if "chosen_k" in marks:
        for ax in axes:
            # below the knee's label when both mark the same K on the elbow plot
            row = int(ax is elbow_ax and marks.get("knee_k") == marks["chosen_k"])
            _mark_k(
                ax,
                marks["chosen_k"],
                text="chosen",
                color="black",
                linestyle="-",
                row=row,
            )
    for ax, ylabel, title in (
        (elbow_ax, INERTIA_LABEL, "Elbow: inertia against K"),
        (silhouette_ax, SILHOUETTE_LABEL, "Silhouette against K"),
    ):
        ax.set_xlabel(K_LABEL)
        ax.set_ylabel(ylabel)
        ax.set_title(title)
        ax.set_xticks(ks)
        ax.legend(loc="center right", frameon=True, framealpha=0.9)
    return axes


def plot_silhouette_diagram(X, labels, *, ax=None):
    """Draw a per-sample silhouette diagram: one bar per point, sorted within each cluster.

    Each cluster is a band of horizontal bars in the cluster's course colour, longest on top;
    a dashed vertical line marks the mean silhouette. Wide bands of long bars mean tight,
    well separated clusters; bars left of 0 are points closer to another cluster than to
    their own.

    Parameters
    ----------
    X : array-like of shape (n_samples, n_features)
        The features the labels were computed on.
    labels : array-like of shape (n_samples,)
        Cluster labels (at least 2 clusters, at most ``n_samples - 1``; no noise label -1).
    ax : matplotlib Axes, optional
        Where to draw; a new figure is made when omitted.

    Returns
    -------
    matplotlib.axes.Axes

    Raises
    ------
    TypeError, ValueError
        On bad ``X`` or ``labels``, noise labels, a number of clusters the silhouette
        cannot score, or an ``ax`` that is not one matplotlib Axes.
    """
    data = check_features(X, name="X", min_samples=3)
    labels = check_labels(labels, n_samples=data.shape[0])
    if np.any(labels < 0):
        raise ValueError(
            "labels contain -1 (noise); drop the noise points before the diagram"
        )
    clusters = np.unique(labels)
    if not 2 <= clusters.size <= data.shape[0] - 1:
        raise ValueError(
            f"labels must name between 2 and n_samples - 1 = {data.shape[0] - 1} clusters, "
            f"got {clusters.size}"
        )
    if ax is not None:
        ax = check_axes(ax)
    values = silhouette_samples(data, labels)
    mean = float(values.mean())
    if ax is None:
        _, ax = plt.subplots(figsize=(8, 6))
    gap = max(2, data.shape[0] // 40)
    bottom = 0
    centres = []
    for cluster in clusters:
        band = np.sort(values[labels == cluster])
        rows = np.arange(bottom, bottom + band.size)
        color = cluster_style(int(cluster))["color"]
        ax.barh(
            rows,
            band,
            height=1.0,
            color=color,
            edgecolor=color,
            label=f"cluster {cluster} (n={band.size})",
        )
        centres.append(bottom + band.size / 2)
        bottom += band.size + gap
    ax.axvline(
        mean,
        color="black",
        linestyle="--",
        linewidth=2,
        label=f"mean silhouette = {mean:.2f}",
    )
    ax.axvline(0, color="grey", linewidth=1)
    ax.set_xlim(min(-0.1, float(values.min()) - 0.05), 1.0)
    ax.set_ylim(-gap, bottom)
    ax.set_yticks(centres, [str(cluster) for cluster in clusters])
    ax.grid(False, axis="y")
    ax.set_xlabel("silhouette value (−1 to 1)")
    ax.set_ylabel(DIAGRAM_YLABEL)
    ax.set_title(f"Silhouette diagram, K={clusters.size}")
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=True, fontsize=10)
    return ax
