"""Describe the clusters of the mall customers and turn them into named, actionable segments.

* :func:`profile_segments` — one row per cluster: size, share, mean income, score and age, and
  the share of women.
* :func:`name_segments` — a name and a suggested marketing action per cluster, from an explicit
  rule on the profile (never from a cluster's number, which K-Means assigns arbitrarily): a
  cluster's mean income and mean spending score are each called *low*, *middle* or *high* by
  comparing them with the terciles of **all** customers, and the pair of levels picks the row of
  :data:`SEGMENT_RULES`. The same rule tells the same story on the real file and on the replica.
"""

from __future__ import annotations

import numbers

import numpy as np
import pandas as pd

from course_utils.mall import (
    AGE_COLUMN,
    GENDER_COLUMN,
    GENDERS,
    INCOME_COLUMN,
    SCORE_COLUMN,
)
from course_utils.validation import check_features, check_labels

#: Columns of the table returned by :func:`profile_segments`.
SIZE, SHARE = "customers", "share"
MEAN_INCOME, MEAN_SCORE, MEAN_AGE = "mean income (k$)", "mean score (1-100)", "mean age"
FEMALE_SHARE = "female share"
PROFILE_COLUMNS = (SIZE, SHARE, MEAN_INCOME, MEAN_SCORE, MEAN_AGE, FEMALE_SHARE)
#: Columns of the table returned by :func:`name_segments`.
INCOME_LEVEL, SPEND_LEVEL, NAME, ACTION = "income", "spend", "name", "action"
#: Keys of ``profile.attrs`` holding the cut points the levels are judged by.
INCOME_CUTS, SCORE_CUTS = "income_cuts", "score_cuts"
#: The label DBSCAN gives to noise points.
NOISE_LABEL = -1
LEVELS = ("low", "middle", "high")

#: (income level, spend level) -> (segment name, suggested action).
SEGMENT_RULES = {
    ("high", "high"): ("Premium", "reward loyalty: VIP offers and early access"),
    ("high", "low"): (
        "Careful affluent",
        "win them over: ask what they miss; quality and service offers",
    ),
    ("low", "high"): (
        "Budget big spenders",
        "careful: they spend beyond their income; budget-friendly bundles",
    ),
    ("low", "low"): ("Value seekers", "low priority: value offers and discount days"),
    ("middle", "middle"): ("Standard", "standard campaigns"),
    ("high", "middle"): (
        "Affluent regulars",
        "upsell premium lines and personal service",
    ),
    ("middle", "high"): ("Keen spenders", "keep them engaged: loyalty points"),
    ("middle", "low"): (
        "Occasional shoppers",
        "reactivate: reminders and targeted discounts",
    ),
    ("low", "middle"): ("Budget regulars", "value bundles and loyalty points"),
}
NOISE_SEGMENT = ("Noise (no segment)", "look at them one by one: they fit no segment")

_NUMERIC = (INCOME_COLUMN, SCORE_COLUMN, AGE_COLUMN)


def _terciles(values: np.ndarray) -> tuple[float, float]:
    low, high = np.quantile(values, [1 / 3, 2 / 3])
    return round(float(low), 1), round(float(high), 1)


def profile_segments(df: pd.DataFrame, labels) -> pd.DataFrame:
    """Describe each cluster of mall customers.

    Parameters
    ----------
    df : pandas.DataFrame
        Customers with the columns ``Annual Income (k$)``, ``Spending Score (1-100)``, ``Age``
        and ``Gender`` (as :func:`course_utils.mall_loader.load_mall_customers` returns them).
    labels : array-like of shape (n_customers,)
        The cluster of each customer (``-1`` marks noise, as DBSCAN does).

    Returns
    -------
    pandas.DataFrame
        Indexed by cluster label (sorted), with the columns ``customers`` (count), ``share``
        (of all customers, 3 decimals), ``mean income (k$)``, ``mean score (1-100)``,
        ``mean age`` (1 decimal) and ``female share`` (2 decimals). ``attrs["income_cuts"]``
        and ``attrs["score_cuts"]`` hold the terciles of all customers' income and score,
        which :func:`name_segments` uses.

    Raises
    ------
    TypeError
        If ``df`` is not a DataFrame or ``labels`` are not integers.
    ValueError
        If a column is missing, a value is missing or not finite, a gender is not
        Female/Male, ``df`` is empty, or ``labels`` do not have one entry per row.
    """
    if not isinstance(df, pd.DataFrame):
        raise TypeError(
            f"df must be a pandas DataFrame of customers, got {type(df).__name__}"
        )
    missing = [col for col in (*_NUMERIC, GENDER_COLUMN) if col not in df.columns]
    if missing:
        raise ValueError(
            f"df is missing the column(s) {', '.join(map(repr, missing))}; "
            "expected the mall customers as load_mall_customers() returns them"
        )
    numbers_ = check_features(df[list(_NUMERIC)], name="df", min_samples=1)
    genders = df[GENDER_COLUMN]
    unknown = sorted(set(map(str, genders[~genders.isin(GENDERS)])))
    if unknown:
        raise ValueError(
            f"df['{GENDER_COLUMN}'] must hold {' or '.join(GENDERS)}, "
            f"got {', '.join(map(repr, unknown))}"
        )
    labels = check_labels(labels, n_samples=len(df))
    frame = pd.DataFrame(numbers_, columns=[MEAN_INCOME, MEAN_SCORE, MEAN_AGE])
    frame[FEMALE_SHARE] = (genders.to_numpy() == GENDERS[0]).astype(float)
    grouped = frame.groupby(pd.Index(labels, name="cluster"), sort=True)
    profile = grouped.mean()
    profile.insert(0, SIZE, grouped.size().astype(np.int64))
    profile.insert(1, SHARE, profile[SIZE] / len(df))
    profile = profile.round(
        {SHARE: 3, MEAN_INCOME: 1, MEAN_SCORE: 1, MEAN_AGE: 1, FEMALE_SHARE: 2}
    )
    profile.attrs[INCOME_CUTS] = _terciles(numbers_[:, 0])
    profile.attrs[SCORE_CUTS] = _terciles(numbers_[:, 1])
    return profile


def _check_cuts(cuts, *, name: str) -> tuple[float, float]:
    if (
        isinstance(cuts, (str, bytes))
        or not hasattr(cuts, "__len__")
        or len(cuts) != 2
        or not all(
            isinstance(c, numbers.Real) and not isinstance(c, bool) for c in cuts
        )
    ):
        raise TypeError(
            f"{name} must be a pair of numbers (low cut, high cut), got {cuts!r}"
        )
    low, high = float(cuts[0]), float(cuts[1])
    if not (np.isfinite(low) and np.isfinite(high)) or low > high:
        raise ValueError(
            f"{name} must be two finite numbers with low <= high, got {cuts!r}"
        )
    return low, high


def _level(value: float, cuts: tuple[float, float]) -> str:
    if value < cuts[0]:
        return "low"
    if value > cuts[1]:
        return "high"
    return "middle"


def name_segments(
    profile: pd.DataFrame, *, income_cuts=None, score_cuts=None
) -> pd.DataFrame:
    """Give each cluster a business name and a suggested action, by an explicit rule.

    A cluster's mean income is *low* below the lower income cut, *high* above the upper cut and
    *middle* otherwise; likewise its mean spending score. The (income, spend) pair picks a row of
    :data:`SEGMENT_RULES`, e.g. (high, low) is "Careful affluent: win them over". Noise (label
    ``-1``) is never named as a segment. Cluster numbers play no part, so relabelling the clusters
    relabels the names with them.

    Parameters
    ----------
    profile : pandas.DataFrame
        The table made by :func:`profile_segments` (it needs the mean income and mean score
        columns and, unless the cuts are given, its ``attrs`` cut points).
    income_cuts, score_cuts : pair of float, optional
        ``(low cut, high cut)``; by default the terciles of all customers recorded in
        ``profile.attrs``.

    Returns
    -------
    pandas.DataFrame
        Same index as ``profile``, with the columns ``income`` and ``spend`` (the levels),
        ``name`` and ``action``.

    Raises
    ------
    TypeError
        If ``profile`` is not a DataFrame or a cut is not a pair of numbers.
    ValueError
        If ``profile`` lacks the mean columns or the cut points, is empty, holds a missing
        mean, or a cut pair has low > high.
    """
    if not isinstance(profile, pd.DataFrame):
        raise TypeError(
            f"profile must be the DataFrame made by profile_segments, got {type(profile).__name__}"
        )
    missing = [col for col in (MEAN_INCOME, MEAN_SCORE) if col not in profile.columns]
    if missing or profile.empty:
        raise ValueError(
            "profile must be the non-empty table made by profile_segments (columns "
            f"{MEAN_INCOME!r} and {MEAN_SCORE!r}); "
            + (f"missing {', '.join(map(repr, missing))}" if missing else "it is empty")
        )
    means = check_features(profile[[MEAN_INCOME, MEAN_SCORE]], name="profile")
    cuts = {}
    for name, given, key in (
        ("income_cuts", income_cuts, INCOME_CUTS),
        ("score_cuts", score_cuts, SCORE_CUTS),
    ):
        if given is None:
            if key not in profile.attrs:
                raise ValueError(
                    f"profile.attrs has no {key!r}: pass {name}=(low, high) or build the "
                    "profile with profile_segments"
                )
            given = profile.attrs[key]
        cuts[name] = _check_cuts(given, name=name)
    rows = []
    for label, (income, score) in zip(profile.index, means, strict=True):
        levels = (
            _level(income, cuts["income_cuts"]),
            _level(score, cuts["score_cuts"]),
        )
        name, action = NOISE_SEGMENT if label == NOISE_LABEL else SEGMENT_RULES[levels]
        rows.append((*levels, name, action))
    return pd.DataFrame(
        rows, index=profile.index, columns=[INCOME_LEVEL, SPEND_LEVEL, NAME, ACTION]
    )
