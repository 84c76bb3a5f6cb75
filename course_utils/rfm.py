"""RFM example data (recency, frequency, monetary): one table without segments, one with.

RFM describes each customer by how many days ago they last ordered (recency), how many orders
they placed in the last year (frequency) and how much they spent in that year (monetary).

* :func:`make_random_rfm` draws the three columns **independently**: there are no segments, yet
  K-Means still returns tidy-looking clusters for any K, and the silhouette still peaks — only
  a comparison with shuffled copies of the columns gives the game away.
* :func:`make_grouped_rfm` draws customers from four real groups (:data:`RFM_GROUPS`), so the
  silhouette curve has a clear peak at K=4: what real segments look like, for comparison.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

#: Column names (with units) of both tables.
RECENCY, FREQUENCY, MONETARY = "recency (days)", "frequency (orders)", "monetary ($)"
RFM_COLUMNS = (RECENCY, FREQUENCY, MONETARY)
#: Name of the true-group column of :func:`make_grouped_rfm`.
GROUP_COLUMN = "group"


@dataclass(frozen=True)
class RFMGroup:
    """One group of :func:`make_grouped_rfm`: mean and sd of recency, frequency and monetary."""

    name: str
    recency: tuple[float, float]
    frequency: tuple[float, float]
    monetary: tuple[float, float]


#: Four groups that differ in recency and in (frequency, monetary) together, so that they sit
#: at the corners of a square once the columns are standardised.
# fmt: off
RFM_GROUPS = (
    RFMGroup("champions", recency=(10, 6), frequency=(22, 3), monetary=(2200, 250)),
    RFMGroup("new customers", recency=(20, 10), frequency=(3, 1.5), monetary=(180, 60)),
    RFMGroup("at risk", recency=(200, 30), frequency=(15, 3), monetary=(1500, 250)),
    RFMGroup("lost", recency=(270, 35), frequency=(3, 1.5), monetary=(200, 70)),
)
# fmt: on


def _rfm_frame(recency, frequency, monetary) -> pd.DataFrame:
    """Whole days >= 1, whole orders >= 1, dollars > 0 rounded to cents."""
    return pd.DataFrame(
        {
            RECENCY: np.maximum(np.rint(recency), 1).astype(np.int64),
            FREQUENCY: np.maximum(np.rint(frequency), 1).astype(np.int64),
            MONETARY: np.round(np.maximum(monetary, 1.0), 2),
        }
    )


def make_random_rfm(n_customers: int = 500, random_state: int = 42) -> pd.DataFrame:
    """Make RFM data with **no** segments: the three columns are independent.

    Recency is drawn from a Gamma distribution (mean 48 days), frequency is 1 + Poisson(6)
    orders, monetary from a Gamma distribution (mean $600), each independently of the others,
    so no customer type is more common than the product of its parts.

    Parameters
    ----------
    n_customers : int, default 500
        Number of rows (at least 4 for the grouped table: one per group).
    random_state : int or numpy.random.Generator, default 42
        Seed of NumPy's ``default_rng``.

    Returns
    -------
    pandas.DataFrame
        Columns ``"recency (days)"`` and ``"frequency (orders)"`` (int64, at least 1) and
        ``"monetary ($)"`` (float, cents).
    """
    rng = np.random.default_rng(random_state)
    return _rfm_frame(
        recency=rng.gamma(shape=4.0, scale=12.0, size=n_customers),
        frequency=1 + rng.poisson(6.0, size=n_customers),
        monetary=rng.gamma(shape=4.0, scale=150.0, size=n_customers),
    )


def make_grouped_rfm(n_customers: int = 500, random_state: int = 42) -> pd.DataFrame:
    """Make RFM data with four real segments (:data:`RFM_GROUPS`), for contrast.

    Each group gets ``n_customers // 4`` customers (the first groups one more when it does not
    divide); within a group each column is normal with the group's mean and sd. Rows are
    shuffled.

    Parameters
    ----------
    n_customers : int, default 500
        Number of rows (at least 4 for the grouped table: one per group).
    random_state : int or numpy.random.Generator, default 42
        Seed of NumPy's ``default_rng``.

    Returns
    -------
    pandas.DataFrame
        The columns of :func:`make_random_rfm` and ``"group"``, the true group's name.
    """
    rng = np.random.default_rng(random_state)
    n_groups = len(RFM_GROUPS)
    sizes = [
        n_customers // n_groups + (i < n_customers % n_groups) for i in range(n_groups)
    ]
    frames = []
    for group, size in zip(RFM_GROUPS, sizes, strict=True):
        frame = _rfm_frame(
            recency=rng.normal(*group.recency, size),
            frequency=rng.normal(*group.frequency, size),
            monetary=rng.normal(*group.monetary, size),
        )
        frames.append(frame.assign(**{GROUP_COLUMN: group.name}))
    table = pd.concat(frames, ignore_index=True)
    table = table.iloc[rng.permutation(n_customers)].reset_index(drop=True)
    table[GROUP_COLUMN] = table[GROUP_COLUMN].astype("str")
    return table
