"""The course's shared settings: defined once here, imported by the lessons, the exercise
checks, the tools and the tests.

Change a value here and every place that uses it follows (then run ``make notebooks``).
"""

from pathlib import Path

from course_utils.mall import INCOME_COLUMN, ORIGINAL_PATH, SCORE_COLUMN

#: Restarts of every K-Means fit in the lessons (scikit-learn's ``n_init``).
KMEANS_N_INIT = 10
#: Restarts of every Gaussian-mixture fit in the lessons, unless a lesson shows the effect of
#: another number of restarts.
MIXTURE_N_INIT = 5
#: ``random_state`` of every model the lessons fit.
MODEL_SEED = 0
#: ``random_state`` of the course's data makers (the synthetic customers, blobs, moons, RFM).
DATA_SEED = 42

#: The mall customers' behaviour: the two columns lessons 05 and 07 segment on.
MALL_FEATURES = (INCOME_COLUMN, SCORE_COLUMN)
#: The number of mall segments lessons 05 and 07 settle on.
MALL_K = 5

#: Where a copy of the real mall file may be found, in order: the user's own copy in the
#: project's data/ folder, then the copy kept beside a checkout in ``../shared/data/`` (CI and
#: the developers' machines have it; the project never ships it).
REAL_MALL_CANDIDATES = (
    ORIGINAL_PATH,
    ORIGINAL_PATH.parents[2] / "shared" / "data" / ORIGINAL_PATH.name,
)


def real_mall_file() -> Path | None:
    """The first copy of the real mall file that exists, or None when there is none."""
    return next((path for path in REAL_MALL_CANDIDATES if path.is_file()), None)
