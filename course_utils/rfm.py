"""RFM example data: days since the last order (recency), orders in the last year
(frequency) and dollars spent in that year (monetary). Independent columns have no
segments, yet K-Means returns tidy-looking clusters; four real groups, for contrast."""

from collections import namedtuple

import numpy as np
import pandas as pd

from course_utils.settings import DATA_SEED

#: Column names (with units) of both tables, and the true group of the grouped one.
RECENCY, FREQUENCY, MONETARY = "recency (days)", "frequency (orders)", "monetary ($)"
RFM_COLUMNS = (RECENCY, FREQUENCY, MONETARY)
GROUP_COLUMN = "group"

#: A group of :func:`make_grouped_rfm`: (mean, sd) of recency, frequency and monetary.
RFMGroup = namedtuple("RFMGroup", ["name", "recency", "frequency", "monetary"])
#: Four groups that differ in recency and in (frequency, monetary) together: the corners
#: of a square once the columns are standardised.
RFM_GROUPS = (
    RFMGroup("champions", recency=(10, 6), frequency=(22, 3), monetary=(2200, 250)),
    RFMGroup("new customers", recency=(20, 10), frequency=(3, 1.5), monetary=(180, 60)),
    RFMGroup("at risk", recency=(200, 30), frequency=(15, 3), monetary=(1500, 250)),
    RFMGroup("lost", recency=(270, 35), frequency=(3, 1.5), monetary=(200, 70)),
)


def _rfm_frame(recency, frequency, monetary):
    """Whole days >= 1, whole orders >= 1, dollars >= 1 rounded to cents."""
    return pd.DataFrame(
        {
            RECENCY: np.maximum(np.rint(recency), 1).astype(np.int64),
            FREQUENCY: np.maximum(np.rint(frequency), 1).astype(np.int64),
            MONETARY: np.round(np.maximum(monetary, 1.0), 2),
        }
    )


def make_random_rfm(n_customers=500, random_state=DATA_SEED) -> pd.DataFrame:
    """Make RFM data with **no** segments: recency ~ Gamma (mean 48 days), frequency
    1 + Poisson(6) orders and monetary ~ Gamma (mean $600), drawn independently.

    Parameters
    ----------
    n_customers : int, default 500
        Number of rows.
    random_state : int or numpy.random.Generator, default DATA_SEED
        Seed of NumPy's ``default_rng``.

    Returns
    -------
    pandas.DataFrame
        The columns ``RFM_COLUMNS``: int64 days and orders, float dollars.
    """
    rng = np.random.default_rng(random_state)
    return _rfm_frame(
        recency=rng.gamma(shape=4.0, scale=12.0, size=n_customers),
        frequency=1 + rng.poisson(6.0, size=n_customers),
        monetary=rng.gamma(shape=4.0, scale=150.0, size=n_customers),
    )


def make_grouped_rfm(n_customers=500, random_state=DATA_SEED) -> pd.DataFrame:
    """Make RFM data with the four groups of ``RFM_GROUPS``: each column normal with its
    group's mean and sd, ``n_customers // 4`` customers a group (the first groups one
    more when 4 does not divide it), rows shuffled.

    Parameters are those of :func:`make_random_rfm` (here at least 4 customers); the
    table also has the column ``"group"``, the true group's name.
    """
    rng = np.random.default_rng(random_state)
    frames = []
    for i, group in enumerate(RFM_GROUPS):
        size = n_customers // 4 + (i < n_customers % 4)
        means_sds = (group.recency, group.frequency, group.monetary)
        frame = _rfm_frame(*(rng.normal(*mean_sd, size) for mean_sd in means_sds))
        frames.append(frame.assign(**{GROUP_COLUMN: group.name}))
    table = pd.concat(frames, ignore_index=True)
    table = table.iloc[rng.permutation(n_customers)].reset_index(drop=True)
    return table.astype({GROUP_COLUMN: "str"})
