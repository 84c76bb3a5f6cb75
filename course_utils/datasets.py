"""Synthetic data sets used across the lessons, all seeded and with their true groups.

Where scikit-learn already makes a shape (blobs, moons) we call it with the course's settings
rather than re-writing it. The lessons call these with the course's own settings: the
arguments are trusted, not checked.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from sklearn.datasets import make_blobs, make_moons

#: The age/income customers of the course: four segments (age centre, income centre, age sd).
#: The income standard deviation is 1000 x the age standard deviation.
AGE_INCOME_SEGMENTS = (
    (25.0, 30_000.0, 5.0),
    (45.0, 80_000.0, 8.0),
    (35.0, 55_000.0, 6.0),
    (55.0, 100_000.0, 10.0),
)
AGE, INCOME, SEGMENT = "Age (years)", "Income ($ per year)", "segment"


def make_age_income_customers(
    n_per_segment: int = 75, random_state: int = 42
) -> pd.DataFrame:
    """Make the course's synthetic customers: age and yearly income in four known segments.

    Segment ``s`` has age ~ Normal(centre, sd) and income ~ Normal(centre, 1000 * sd), with the
    centres and spreads of :data:`AGE_INCOME_SEGMENTS`. The segments overlap on purpose.

    Parameters
    ----------
    n_per_segment : int, default 75
        Customers per segment, at least 1 (4 segments, so 300 rows by default).
    random_state : int, default 42
        Seed of the NumPy generator (``numpy.random.default_rng``).

    Returns
    -------
    pandas.DataFrame
        Columns ``"Age (years)"``, ``"Income ($ per year)"`` (floats) and ``"segment"``
        (int 0-3, the true segment), one row per customer, segment by segment.
    """
    rng = np.random.default_rng(random_state)
    frames = []
    for segment, (age_centre, income_centre, age_sd) in enumerate(AGE_INCOME_SEGMENTS):
        frames.append(
            pd.DataFrame(
                {
                    AGE: rng.normal(age_centre, age_sd, n_per_segment),
                    INCOME: rng.normal(income_centre, 1000.0 * age_sd, n_per_segment),
                    SEGMENT: segment,
                }
            )
        )
    return pd.concat(frames, ignore_index=True)


def make_course_blobs(
    n_samples: int = 300,
    centers: int = 4,
    cluster_std: float = 0.7,
    random_state: int = 42,
) -> tuple[np.ndarray, np.ndarray]:
    """Make the course's well-separated blobs (scikit-learn's ``make_blobs``).

    Parameters
    ----------
    n_samples : int, default 300
    centers : int, default 4
        Number of blobs, at most ``n_samples``.
    cluster_std : float, default 0.7
        Standard deviation of each blob (> 0).
    random_state : int, default 42
        Seed of scikit-learn's generator.

    Returns
    -------
    X : ndarray of shape (n_samples, 2)
    y : ndarray of shape (n_samples,)
        The true blob of each point.
    """
    return make_blobs(
        n_samples=n_samples,
        centers=centers,
        cluster_std=cluster_std,
        random_state=random_state,
    )


def make_course_moons(
    n_samples: int = 300, noise: float = 0.07, random_state: int = 42
) -> tuple[np.ndarray, np.ndarray]:
    """Make two interleaved half-moons (scikit-learn's ``make_moons``), a shape K-Means misses.

    Parameters
    ----------
    n_samples : int, default 300
        At least 2.
    noise : float, default 0.07
        Standard deviation of the Gaussian noise added to the points.
    random_state : int, default 42
        As in :func:`make_course_blobs`.

    Returns
    -------
    X : ndarray of shape (n_samples, 2)
    y : ndarray of shape (n_samples,)
    """
    return make_moons(n_samples=n_samples, noise=noise, random_state=random_state)
