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
