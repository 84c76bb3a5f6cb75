"""Synthetic data sets of the lessons, seeded and with their true groups."""

import numpy as np
import pandas as pd
from sklearn.datasets import make_blobs, make_moons

from course_utils.mall import INCOME_COLUMN, SCORE_COLUMN, SCORE_RANGE

#: The four segments of the age/income customers: (age centre, income centre, age sd);
#: the income sd is 1000 x the age sd.
AGE_INCOME_SEGMENTS = (
    (25.0, 30_000.0, 5.0),
    (45.0, 80_000.0, 8.0),
    (35.0, 55_000.0, 6.0),
    (55.0, 100_000.0, 10.0),
)
AGE, INCOME, SEGMENT = "Age (years)", "Income ($ per year)", "segment"


def make_age_income_customers(n_per_segment=75, random_state=42) -> pd.DataFrame:
    """Make the course's customers: age and yearly income in four overlapping segments.

    Segment ``s`` has age ~ Normal(centre, sd) and income ~ Normal(centre, 1000 * sd),
    from :data:`AGE_INCOME_SEGMENTS`.

    Parameters
    ----------
    n_per_segment : int, default 75
        Customers per segment (300 rows by default).
    random_state : int, default 42
        Seed of ``numpy.random.default_rng``.

    Returns
    -------
    pandas.DataFrame
        Columns ``AGE``, ``INCOME`` (floats) and ``SEGMENT`` (the true segment, 0-3),
        segment by segment.
    """
    rng = np.random.default_rng(random_state)
    frames = [
        pd.DataFrame(
            {
                AGE: rng.normal(age, age_sd, n_per_segment),
                INCOME: rng.normal(income, 1000.0 * age_sd, n_per_segment),
                SEGMENT: segment,
            }
        )
        for segment, (age, income, age_sd) in enumerate(AGE_INCOME_SEGMENTS)
    ]
    return pd.concat(frames, ignore_index=True)


def make_course_blobs(n_samples=300, centers=4, cluster_std=0.7, random_state=42):
    """Make the course's well-separated blobs with ``sklearn.datasets.make_blobs``.

    Parameters
    ----------
    n_samples, centers, cluster_std, random_state
        Points, blobs, each blob's standard deviation and scikit-learn's seed.

    Returns
    -------
    X, y : ndarray of shape (n_samples, 2) and (n_samples,)
        The points and each one's true blob.
    """
    return make_blobs(
        n_samples=n_samples,
        centers=centers,
        cluster_std=cluster_std,
        random_state=random_state,
    )


def make_course_moons(n_samples=300, noise=0.07, random_state=42):
    """Make two interleaved half-moons (``make_moons``), a shape K-Means misses.

    Parameters and returns as :func:`make_course_blobs`; ``noise`` is the standard
    deviation of the Gaussian noise added to the points.
    """
    return make_moons(n_samples=n_samples, noise=noise, random_state=random_state)


# Lesson 07: a later quarter (drift) and a second customer table for the checklist.
#: The online shop's customer groups: (share, orders per year: mean and sd,
#: average order in $: mean and sd).
ONLINE_SHOP_GROUPS = (
    (0.40, 3.0, 1.2, 35.0, 9.0),
    (0.25, 14.0, 2.5, 32.0, 8.0),
    (0.20, 4.0, 1.5, 140.0, 25.0),
    (0.15, 15.0, 3.0, 115.0, 20.0),
)
ORDERS, BASKET = "orders per year", "average order ($)"


#: The range a mall column may take in a drawn quarter: incomes at least 1 k$, scores
#: within the score's own scale. Other columns keep their sign (see make_later_quarter).
MALL_BOUNDS = {INCOME_COLUMN: (1.0, None), SCORE_COLUMN: tuple(map(float, SCORE_RANGE))}
#: Noise added to the mall's columns in a drawn quarter (2 k$ of income, 2 score points);
#: other columns get :data:`JITTER_SHARE` of their own standard deviation.
MALL_JITTER, JITTER_SHARE = 2.0, 0.02


def make_later_quarter(
    customers: pd.DataFrame,
    columns=(INCOME_COLUMN, SCORE_COLUMN),
    *,
    n_customers: int | None = None,
    shifts: dict | None = None,
    income_shift: float = 0.0,
    score_shift: float = 0.0,
    jitter: dict | None = None,
    bounds: dict | None = None,
    random_state: int = 0,
) -> pd.DataFrame:
    """Make a later quarter's customers that resemble ``customers``, possibly drifted.

    Customers are drawn with replacement from ``customers``; each value gets a small
    Gaussian jitter (so no row is an exact copy), then is moved by its column's shift and
    kept within its column's bounds. Whole-number columns are rounded, as in the mall file.
    Works on any numeric columns, each in its own unit and range.

    Parameters
    ----------
    customers : pandas.DataFrame
        The training customers, holding the ``columns``.
    columns : sequence of str, default the mall's income and score
        The numeric columns to draw. **The result has these columns only**, in this order;
        the other columns of ``customers`` are not drawn.
    n_customers : int, optional
        Rows to draw; the length of ``customers`` when omitted.
    shifts : dict of str to float, optional
        Column -> amount added to every value of it, in the column's own unit.
    income_shift, score_shift : float, default 0.0
        Shorthands for the mall's income (k$) and score (points) shifts; a non-zero one
        needs its column among ``columns``.
    jitter : dict of str to float, optional
        Column -> standard deviation of its noise, in its own unit. Defaults:
        :data:`MALL_JITTER` for the mall's income and score, :data:`JITTER_SHARE` of the
        column's standard deviation for any other column.
    bounds : dict of str to (float or None, float or None), optional
        Column -> (lowest, highest) value allowed. Defaults: :data:`MALL_BOUNDS` for the
        mall's columns; for any other column, no bound, except that a column without
        negative values stays non-negative. How many values each bound moved is kept in
        the result's ``attrs["clipped"]`` (column -> count).
    random_state : int, default 0
        Seed of the NumPy generator.

    Returns
    -------
    pandas.DataFrame
        ``n_customers`` rows of ``columns``: int64 where the column was whole numbers,
        float otherwise.

    Raises
    ------
    ValueError
        If a column (of ``columns``, ``shifts``, ``jitter`` or ``bounds``) is not in
        ``customers`` or not among ``columns``.
    TypeError
        If a column is not numeric.
    """
    columns = list(columns)
    for column in columns:
        if column not in customers.columns:
            raise ValueError(
                f"customers has no column {column!r}; it has {list(customers.columns)}"
            )
        if not pd.api.types.is_numeric_dtype(customers[column]):
            raise TypeError(
                f"column {column!r} is {customers[column].dtype}, not numbers: "
                "a quarter can only be drawn for numeric columns"
            )
    shift = dict(shifts or {})
    for name, amount, word in (
        (INCOME_COLUMN, income_shift, "income_shift"),
        (SCORE_COLUMN, score_shift, "score_shift"),
    ):
        if amount and name not in columns:
            raise ValueError(
                f"{word} moves the mall's {name!r}, which is not among columns: "
                "use shifts={column: amount}"
            )
        if amount:
            shift[name] = shift.get(name, 0.0) + amount
    for what, given in (("shifts", shift), ("jitter", jitter), ("bounds", bounds)):
        unknown = sorted(set(given or {}) - set(columns))
        if unknown:
            raise ValueError(f"{what} names {unknown[0]!r}, which is not among columns")
    sds = customers[columns].std()
    noise = {
        c: MALL_JITTER if c in MALL_BOUNDS else JITTER_SHARE * sds[c] for c in columns
    }
    noise.update(jitter or {})
    limits = {
        c: MALL_BOUNDS.get(c, (0.0 if customers[c].min() >= 0 else None, None))
        for c in columns
    }
    limits.update(bounds or {})
    rng = np.random.default_rng(random_state)
    n = len(customers) if n_customers is None else n_customers
    rows = rng.integers(0, len(customers), size=n)
    base = customers[columns].to_numpy(dtype=float)[rows]
    scale = np.array([noise[c] for c in columns], dtype=float)
    noisy = base + rng.normal(0.0, scale, size=base.shape)
    result, clipped = {}, {}
    for j, column in enumerate(columns):
        moved = noisy[:, j] + shift.get(column, 0.0)
        low = -np.inf if limits[column][0] is None else limits[column][0]
        high = np.inf if limits[column][1] is None else limits[column][1]
        kept = np.clip(moved, low, high)
        clipped[column] = int((kept != moved).sum())
        if pd.api.types.is_integer_dtype(customers[column]):
            kept = np.rint(kept).astype(np.int64)
        result[column] = kept
    quarter = pd.DataFrame(result)
    quarter.attrs["clipped"] = clipped
    return quarter


def make_online_shop_customers(
    n_customers: int = 600, random_state: int = 7
) -> pd.DataFrame:
    """Make an online shop's customers: orders per year and average order value.

    Four groups (occasional small baskets, frequent small baskets, occasional big baskets,
    frequent big baskets) with the shares and spreads of :data:`ONLINE_SHOP_GROUPS`. The
    two columns are in very different units, so they must be scaled before clustering. The
    table has no group column: like a learner's own data, it does not say its segments.

    Parameters
    ----------
    n_customers : int, default 600
        Rows in the table (split over the groups by their shares, the last group gets the
        rest).
    random_state : int, default 7
        Seed of the NumPy generator.

    Returns
    -------
    pandas.DataFrame
        Columns ``"customer"`` (1..n), ``"orders per year"`` (int64, at least 1) and
        ``"average order ($)"`` (float, at least 5, two decimals), rows shuffled.
    """
    rng = np.random.default_rng(random_state)
    sizes = [round(share * n_customers) for share, *_ in ONLINE_SHOP_GROUPS[:-1]]
    sizes.append(n_customers - sum(sizes))
    orders, basket = [], []
    for size, (_, o_mean, o_sd, b_mean, b_sd) in zip(
        sizes, ONLINE_SHOP_GROUPS, strict=True
    ):
        orders.append(rng.normal(o_mean, o_sd, size))
        basket.append(rng.normal(b_mean, b_sd, size))
    order = rng.permutation(n_customers)
    return pd.DataFrame(
        {
            "customer": np.arange(1, n_customers + 1),
            ORDERS: np.maximum(np.rint(np.concatenate(orders)), 1).astype(np.int64)[
                order
            ],
            BASKET: np.maximum(np.concatenate(basket), 5.0).round(2)[order],
        }
    )
