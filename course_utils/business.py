"""The course's second customer table (business customers) and the loader of any customer CSV.

Lesson 08 segments any customer table. Its default input is :data:`BUSINESS_PATH`, written by
``tools/make_business_customers.py`` from :func:`make_business_customers`: a few hundred
business customers with right-skewed, correlated yearly spends (log-normal, some zeros, a few
giants), an integer-coded sales channel that drives the main split, an integer-coded region
that does not, and an ID. :func:`load_customer_table` reads any customer CSV and refuses one
that cannot be clustered, saying why.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from course_utils.paths import course_file
from course_utils.settings import DATA_SEED

#: Where the committed table lives.
BUSINESS_PATH = course_file("data", "business_customers.csv")
ID, CHANNEL, REGION = "customer_id", "channel", "region"
#: The yearly spend columns, in $ per year.
SPENDS = ("fresh", "dairy", "grocery", "frozen", "household", "deli")
#: Channel code -> (name, share of customers, median yearly spend per column in $).
CHANNELS = {
    1: ("restaurants and hotels", 0.65, (9000, 2000, 2500, 2500, 300, 900)),
    2: ("shops", 0.35, (4000, 8000, 12000, 1000, 5000, 1200)),
}
#: Region code -> share of customers (the region does not change what anyone buys).
REGIONS = {1: 0.2, 2: 0.15, 3: 0.65}
#: Spread of log spend around the channel's medians: a customer-size factor shared by all
#: columns (it makes the spends correlated) and each column's own part.
SIZE_SD, OWN_SD = 0.55, 0.6
#: Share of customers who buy nothing of a column (a zero), per column.
ZERO_SHARE = (0.0, 0.0, 0.0, 0.015, 0.015, 0.01)
#: How many giant customers, and how many times a typical customer they buy.
N_GIANTS, GIANT_FACTOR = 5, 15.0
#: The fewest rows the loader accepts: fewer cannot show segments of several customers.
MIN_ROWS = 10


def make_business_customers(
    n_customers: int = 440, random_state: int = DATA_SEED
) -> pd.DataFrame:
    """Make business customers with skewed, correlated yearly spends and coded categories.

    Each customer gets a channel (by :data:`CHANNELS`' shares) and, independently, a region
    (:data:`REGIONS`). Log spend = log of the channel's median for the column + a size
    factor shared by the customer's columns (sd :data:`SIZE_SD`) + the column's own noise
    (sd :data:`OWN_SD`); some spends are zero (:data:`ZERO_SHARE`) and :data:`N_GIANTS`
    customers buy :data:`GIANT_FACTOR` times more of everything.

    Parameters
    ----------
    n_customers : int, default 440
        Rows in the table.
    random_state : int, default DATA_SEED
        Seed of ``numpy.random.default_rng``.

    Returns
    -------
    pandas.DataFrame
        ``customer_id`` (1001, 1002, ... in row order), ``channel`` (1 or 2), ``region``
        (1-3), then the :data:`SPENDS` columns in whole $ per year; all int64.
    """
    rng = np.random.default_rng(random_state)
    codes = list(CHANNELS)
    shares = [CHANNELS[c][1] for c in codes]
    channel = rng.choice(codes, size=n_customers, p=shares)
    region = rng.choice(list(REGIONS), size=n_customers, p=list(REGIONS.values()))
    medians = np.array([CHANNELS[c][2] for c in channel], dtype=float)
    size = rng.normal(0.0, SIZE_SD, size=(n_customers, 1))
    own = rng.normal(0.0, OWN_SD, size=medians.shape)
    spend = medians * np.exp(size + own)
    spend[rng.random(spend.shape) < np.array(ZERO_SHARE)] = 0.0
    giants = rng.choice(n_customers, size=N_GIANTS, replace=False)
    spend[giants] *= GIANT_FACTOR
    table = pd.DataFrame(np.rint(spend).astype(np.int64), columns=list(SPENDS))
    table.insert(0, REGION, region.astype(np.int64))
    table.insert(0, CHANNEL, channel.astype(np.int64))
    table.insert(0, ID, np.arange(1001, 1001 + n_customers, dtype=np.int64))
    return table


def business_csv_text() -> str:
    """The committed table as CSV text (header, whole numbers, ``\\n`` line endings)."""
    return make_business_customers().to_csv(index=False, lineterminator="\n")


def load_customer_table(path) -> pd.DataFrame:
    """Read a customer CSV for segmentation, refusing one that cannot be clustered.

    Parameters
    ----------
    path : str or os.PathLike
        A CSV file with a header row, one customer per row.

    Returns
    -------
    pandas.DataFrame
        The table as pandas reads it (numbers as numbers, text as text).

    Raises
    ------
    FileNotFoundError
        If there is no file at ``path``.
    ValueError
        If the table is empty, has fewer than :data:`MIN_ROWS` rows, has no numeric
        column, or has blank cells in a numeric column (the message names the column).
    """
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(
            f"no customer file at {path}: set SEGMENT_CSV (or CSV_PATH in the first "
            "cell) to the path of a CSV file"
        )
    try:
        table = pd.read_csv(path)
    except pd.errors.EmptyDataError:
        raise ValueError(f"{path.name} is empty: no header, no customers") from None
    if table.empty:
        raise ValueError(f"{path.name} has a header but no customers (no rows)")
    numeric = table.select_dtypes("number").columns
    if len(numeric) == 0:
        kinds = ", ".join(f"{c!r} ({table[c].dtype})" for c in table.columns)
        raise ValueError(
            f"{path.name} has no numeric column to cluster: {kinds}. Numbers written "
            "with thousands separators or units are read as text: clean them first"
        )
    if len(table) < MIN_ROWS:
        raise ValueError(
            f"{path.name} has {len(table)} rows: segmenting needs at least {MIN_ROWS}"
        )
    for column in numeric:
        blank = table.index[table[column].isna()]
        if len(blank):
            rows = ", ".join(str(r + 2) for r in blank[:5])
            raise ValueError(
                f"column {column!r} of {path.name} has {len(blank)} blank cells (file "
                f"lines {rows}{', ...' if len(blank) > 5 else ''}): fill or drop them "
                "first, e.g. with pandas' dropna"
            )
    return table
