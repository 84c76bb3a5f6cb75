"""Synthetic data sets of the lessons, seeded and with their true groups."""

import numpy as np
import pandas as pd
from sklearn.datasets import make_blobs, make_moons

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


def make_later_quarter(
    customers: pd.DataFrame,
    columns: tuple[str, str] = ("Annual Income (k$)", "Spending Score (1-100)"),
    *,
    n_customers: int | None = None,
    income_shift: float = 0.0,
    score_shift: float = 0.0,
    jitter: float = 2.0,
    random_state: int = 0,
) -> pd.DataFrame:
    """Make a later quarter's customers that resemble ``customers``, possibly drifted.

    Customers are drawn with replacement from ``customers``; each gets a small Gaussian
    jitter (so no row is an exact copy), then every income is moved by ``income_shift`` and
    every score by ``score_shift``. Incomes stay at least 1 k$ and scores within 1-100; both
    are rounded to whole numbers, as in the mall file.

    Parameters
    ----------
    customers : pandas.DataFrame
        The training customers, holding the two ``columns`` (income in k$, then score).
    columns : (str, str)
        Names of the income and score columns; the result has these two columns only.
    n_customers : int, optional
        Rows to draw; the length of ``customers`` when omitted.
    income_shift : float, default 0.0
        Added to every income, in k$ (a positive value: incomes grew).
    score_shift : float, default 0.0
        Added to every spending score, in points.
    jitter : float, default 2.0
        Standard deviation of the noise added to both columns before rounding.
    random_state : int, default 0
        Seed of the NumPy generator.

    Returns
    -------
    pandas.DataFrame
        ``n_customers`` rows, the two ``columns`` as int64.
    """
    rng = np.random.default_rng(random_state)
    income, score = columns
    n = len(customers) if n_customers is None else n_customers
    rows = rng.integers(0, len(customers), size=n)
    base = customers[[income, score]].to_numpy(dtype=float)[rows]
    noisy = base + rng.normal(0.0, jitter, size=base.shape)
    noisy[:, 0] = np.maximum(noisy[:, 0] + income_shift, 1.0)
    noisy[:, 1] = np.clip(noisy[:, 1] + score_shift, 1.0, 100.0)
    return pd.DataFrame(np.rint(noisy).astype(np.int64), columns=[income, score])


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
