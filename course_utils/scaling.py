"""Scaling and encoding experiments: how much each feature weighs in a distance, and what the
same K-Means finds under different scalings.

* :func:`feature_distance_shares` — each feature's share of the squared distances.
* :func:`default_scalers` — fresh StandardScaler, MinMaxScaler and RobustScaler.
* :func:`compare_scalings` — one K-Means (same K, seed, restarts) on several scalings: a tidy
  table plus the labels of each run.
* :func:`outlier_effect` — where each scaler puts the normal points once one extreme value joins.
* :func:`count_single_category_clusters` — how many clusters hold only one category (e.g. only
  women), the sign that an encoded categorical column has taken over the clustering.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
import pandas as pd
from sklearn.base import clone
from sklearn.cluster import KMeans
from sklearn.metrics import adjusted_rand_score
from sklearn.preprocessing import MinMaxScaler, RobustScaler, StandardScaler

from course_utils.validation import check_features, check_float, check_int, check_labels


def _feature_names(X, n_features: int) -> list[str]:
    if isinstance(X, pd.DataFrame):
        return [str(column) for column in X.columns]
    return [f"feature {i}" for i in range(n_features)]


def feature_distance_shares(X) -> pd.Series:
    """Return each feature's share of the squared Euclidean distances between the points.

    The mean squared distance over all pairs of points is ``2 * sum(variances)``, and each
    feature contributes ``2 * its variance`` to it; so feature ``j``'s share is
    ``var_j / sum(var)``. A share near 1 means that feature alone decides who is "close".

    Parameters
    ----------
    X : array-like of shape (n_samples, n_features)
        The features, in the units K-Means will see (raw or scaled). A DataFrame's column
        names label the result.

    Returns
    -------
    pandas.Series
        One share per feature, summing to 1, named ``"share of squared distance"``.

    Raises
    ------
    TypeError, ValueError
        If ``X`` is not a 2-D numeric array with at least 2 rows, or holds NaN/inf, or every
        feature is constant (no distances at all).

    Examples
    --------
    >>> feature_distance_shares([[0, 0], [1, 10]]).round(3).tolist()
    [0.01, 0.99]
    """
    data = check_features(X, name="X", min_samples=2)
    variances = data.var(axis=0)
    total = variances.sum()
    if total == 0:
        raise ValueError(
            "X has no spread: every feature is constant, so all distances are 0"
        )
    return pd.Series(
        variances / total,
        index=_feature_names(X, data.shape[1]),
        name="share of squared distance",
    )


def default_scalers() -> dict:
    """Return fresh instances of the three scalers the course compares.

    Returns
    -------
    dict of str to transformer
        ``{"StandardScaler": ..., "MinMaxScaler": ..., "RobustScaler": ...}`` with
        scikit-learn's default settings: (x - mean) / sd, (x - min) / (max - min), and
        (x - median) / (interquartile range).
    """
    return {
        "StandardScaler": StandardScaler(),
        "MinMaxScaler": MinMaxScaler(),
        "RobustScaler": RobustScaler(),
    }


def _check_scalers(scalers, *, allow_none: bool) -> dict:
    if not isinstance(scalers, dict):
        raise TypeError(
            "scalers must be a dict of name -> transformer (e.g. {'raw': None, "
            f"'standard': StandardScaler()}}), got {type(scalers).__name__}"
        )
    if not scalers:
        raise ValueError("scalers is empty; give at least one scaling to compare")
    for name, scaler in scalers.items():
        if not isinstance(name, str):
            raise TypeError(
                f"scalers' keys must be strings (the row names), got {name!r}"
            )
        if scaler is None and allow_none:
            continue
        if not hasattr(scaler, "fit_transform"):
            expected = "None (no scaling) or " if allow_none else ""
            raise TypeError(
                f"scalers[{name!r}] must be {expected}a transformer with fit_transform, "
                f"got {type(scaler).__name__}"
            )
    return scalers


class ScalingComparison(NamedTuple):
    """What :func:`compare_scalings` returns: a table and each run's labels."""

    #: One row per scaling: ARI vs truth (if given), smallest cluster, feature shares.
    table: pd.DataFrame
    #: The cluster labels of each run, by scaling name.
    labels: dict


def compare_scalings(
    X,
    scalers,
    *,
    y_true=None,
    n_clusters: int = 4,
    random_state: int = 0,
    n_init: int = 10,
) -> ScalingComparison:
    """Fit the same K-Means on several scalings of the same data and tabulate the results.

    Parameters
    ----------
    X : array-like of shape (n_samples, n_features)
        The raw features (a DataFrame's column names label the share columns).
    scalers : dict of str to transformer or None
        Row name -> an unfitted scikit-learn transformer (cloned before fitting, so yours is
        left untouched), or ``None`` for the raw data.
    y_true : array-like of shape (n_samples,), optional
        Known groups; when given, the table has an ``ARI vs truth`` column (adjusted Rand
        index: 1 = the same grouping, about 0 = no better than chance).
    n_clusters : int, default 4
        K for every run.
    random_state : int, default 0
        The same K-Means seed for every run.
    n_init : int, default 10
        K-Means restarts for every run.

    Returns
    -------
    ScalingComparison
        ``table`` — a DataFrame indexed by ``scaling`` with columns ``ARI vs truth`` (if
        ``y_true`` is given), ``smallest cluster`` (points in the smallest cluster) and
        ``share: <feature>`` for each feature (see :func:`feature_distance_shares`, computed
        on the scaled data; a transformer that changes the number of columns gets
        ``share: feature 0``, ... columns instead, left empty in the other rows);
        ``labels`` — a dict of each run's labels.

    Raises
    ------
    TypeError, ValueError
        On bad ``X``, ``y_true`` of the wrong length, an empty or malformed ``scalers``, or
        ``n_clusters`` outside ``[1, n_samples]``.
    """
    data = check_features(X, name="X", min_samples=2)
    names = _feature_names(X, data.shape[1])
    scalers = _check_scalers(scalers, allow_none=True)
    n_clusters = check_int(
        n_clusters, name="n_clusters", minimum=1, maximum=data.shape[0]
    )
    random_state = check_int(random_state, name="random_state", minimum=0)
    n_init = check_int(n_init, name="n_init", minimum=1)
    truth = (
        None
        if y_true is None
        else check_labels(y_true, n_samples=data.shape[0], name="y_true")
    )
    rows, labels = [], {}
    for name, scaler in scalers.items():
        scaled = (
            data
            if scaler is None
            else np.asarray(clone(scaler).fit_transform(data), float)
        )
        model = KMeans(n_clusters=n_clusters, n_init=n_init, random_state=random_state)
        labels[name] = model.fit_predict(scaled)
        row = {"scaling": name}
        if truth is not None:
            row["ARI vs truth"] = adjusted_rand_score(truth, labels[name])
        row["smallest cluster"] = int(np.bincount(labels[name]).min())
        shares = feature_distance_shares(scaled)
        if scaled.shape[1] == len(names):
            shares.index = names
        row.update({f"share: {feature}": share for feature, share in shares.items()})
        rows.append(row)
    return ScalingComparison(pd.DataFrame(rows).set_index("scaling"), labels)


def outlier_effect(values, outlier: float, scalers=None) -> pd.DataFrame:
    """Show what one extreme value does to each scaler's view of the normal values.

    Each scaler is fitted twice on one feature: on the normal values alone, and on the normal
    values plus ``outlier``. The table gives the range (max - min) the normal values span
    after scaling in each case, and where the outlier lands.

    Parameters
    ----------
    values : array-like of shape (n_samples,)
        The normal values of one feature (at least 2, not all equal).
    outlier : float
        The extreme value added.
    scalers : dict of str to transformer, optional
        Defaults to :func:`default_scalers`.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``scaler``, with columns ``range without outlier``,
        ``range with outlier`` and ``outlier scaled to``.

    Raises
    ------
    TypeError, ValueError
        On non-numeric, non-finite or constant ``values``, a non-finite ``outlier``, or bad
        ``scalers``.

    Examples
    --------
    >>> table = outlier_effect([1.0, 2.0, 3.0], 100.0)
    >>> float(table.loc["MinMaxScaler", "range with outlier"].round(3))
    0.02
    """
    if values is None or isinstance(values, (str, bytes)) or np.isscalar(values):
        raise TypeError(
            f"values must be a 1-D sequence of numbers (one feature), got {values!r}"
        )
    array = np.asarray(values)
    if array.ndim != 1:
        raise ValueError(f"values must be 1-D (one feature), got shape {array.shape}")
    column = check_features(array.reshape(-1, 1), name="values", min_samples=2)
    if np.ptp(column) == 0:
        raise ValueError(
            "values are all equal; a scaler cannot spread a constant feature"
        )
    outlier = check_float(outlier, name="outlier")
    scalers = _check_scalers(
        default_scalers() if scalers is None else scalers, allow_none=False
    )
    with_outlier = np.vstack([column, [[outlier]]])
    rows = []
    for name, scaler in scalers.items():
        alone = clone(scaler).fit_transform(column)
        fitted = clone(scaler).fit(with_outlier)
        normal = fitted.transform(column)
        rows.append(
            {
                "scaler": name,
                "range without outlier": float(np.ptp(alone)),
                "range with outlier": float(np.ptp(normal)),
                "outlier scaled to": float(fitted.transform([[outlier]])[0, 0]),
            }
        )
    return pd.DataFrame(rows).set_index("scaler")


def count_single_category_clusters(labels, categories) -> int:
    """Count the clusters whose members all share one category (e.g. all women).

    Parameters
    ----------
    labels : array-like of shape (n_samples,)
        Cluster labels.
    categories : array-like of shape (n_samples,)
        A categorical value per sample (strings or numbers, no missing values).

    Returns
    -------
    int
        How many clusters contain a single category. When the data has both categories
        everywhere, a high count means the categorical column drove the clustering.

    Raises
    ------
    TypeError, ValueError
        If the labels are not integers or empty, ``categories`` is not 1-D, the lengths differ,
        or a category is missing.

    Examples
    --------
    >>> count_single_category_clusters([0, 0, 1, 1, 2, 2], ["F", "F", "M", "F", "M", "M"])
    2
    """
    labels = check_labels(labels)
    if isinstance(categories, (str, bytes)) or np.isscalar(categories):
        raise TypeError(f"categories must be a 1-D sequence, got {categories!r}")
    categories = np.asarray(categories)
    if categories.ndim != 1:
        raise ValueError(
            f"categories must be 1-D (one value per sample), got shape {categories.shape}"
        )
    categories = pd.Series(categories)
    if categories.shape[0] != labels.shape[0]:
        raise ValueError(
            f"categories has {categories.shape[0]} entries but labels has {labels.shape[0]}"
        )
    if categories.isna().any():
        raise ValueError("categories contains missing values")
    per_cluster = categories.groupby(labels).nunique()
    return int((per_cluster == 1).sum())
