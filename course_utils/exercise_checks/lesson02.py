"""The checks of lesson 02's exercises (K-Means from scratch). Each answer is a function:
the check calls it on small inputs made here and compares what it returns with what it
must return."""

import warnings

import numpy as np

from course_utils.datasets import make_course_blobs
from course_utils.exercises import Wrong, checks, require

# the corners of a 3 x 1 rectangle: from any corner, the others lie 1, 3 and √10 away
RECTANGLE = np.array([[0.0, 0.0], [3.0, 0.0], [0.0, 1.0], [3.0, 1.0]])
ON_RECTANGLE = "the 4 corners of a 3 × 1 rectangle"


def _call(function, *args, on: str) -> np.ndarray:
    """What the learner's function returns on ``args``, as floats; if it fails, say so."""
    if not callable(function):  # the machinery says which answer it wants
        raise TypeError("not a function")
    try:
        with warnings.catch_warnings(), np.errstate(all="ignore"):
            warnings.simplefilter("ignore")
            return np.asarray(function(*args), dtype=float)
    except Exception as error:
        said = f"{type(error).__name__}: {str(error).rstrip('.')}"
        raise Wrong(f"Your function failed on {on}: `{said}`.") from None


def _require_shape(result, shape, what) -> None:
    transposed = result.shape == shape[::-1] != shape
    require(not transposed, f"Shape {result.shape} is transposed: one row per {what}.")
    require(result.ndim == 2, f"Got shape {result.shape}: return one row per {what}.")
    require(result.shape == shape, f"Expected shape {shape}, one row per {what}.")


@checks("2.1")
def _check_2_1(answer):
    """give your function itself: `plus_plus_start`, without brackets"""
    rng = np.random.default_rng(0)
    starts = _call(answer, RECTANGLE, 3, rng, on=f"{ON_RECTANGLE} with k = 3")
    _require_shape(starts, (3, 2), "centre (`X[rows]`, not the row numbers)")
    odd = next(
        (c.round(2) for c in starts if not (c == RECTANGLE).all(axis=1).any()), None
    )
    require(odd is None, f"Centre {odd} is not a point of X: start from rows of X.")
    for _ in range(20):
        starts = _call(answer, RECTANGLE, 4, rng, on=f"{ON_RECTANGLE} with k = 4")
        require(
            len(np.unique(starts, axis=0)) == 4,
            f"With k = 4 on {ON_RECTANGLE}, you picked a corner twice: weigh each "
            "point by its squared distance to the *nearest* centre chosen so far.",
        )
    blobs, rng_1 = make_course_blobs()[0], lambda: np.random.default_rng(1)
    twice = [_call(answer, blobs, 4, rng_1(), on="the blobs") for _ in "ab"]
    require(
        np.array_equal(*twice),
        "Two calls with `np.random.default_rng(1)` gave different centres: draw "
        "with the `rng` you are given, not with `np.random`.",
    )
    pairs = [_call(answer, RECTANGLE, 2, rng, on=ON_RECTANGLE) for _ in range(500)]
    first = np.mean([(pair[0] == RECTANGLE[0]).all() for pair in pairs])
    require(
        0.15 < first < 0.35,
        f"Your first centre was the corner (0, 0) in {100 * first:.0f} % of 500 runs, "
        "not about 25 %: pick it uniformly at random.",
    )
    near = np.mean([pair[0, 0] == pair[1, 0] for pair in pairs])  # a short side
    said = f"your 2 centres were 1 apart in {100 * near:.1f} % of 500 runs"
    said = f"On {ON_RECTANGLE}, {said} (k-means++: 5 %)"
    require(near > 0.01, f"{said}: draw at random, not the farthest point.")
    require(near < 0.09, f"{said}: weigh each point by its *squared* distance.")
    return f"Right: data points, spread as k-means++ spreads them. {said}."


@checks("2.2")
def _check_2_2(answer):
    """give your function itself: `update_keeping_empty`, without brackets"""
    X = np.array([[1, 1], [1.5, 2], [3, 4], [5, 7], [3.5, 5], [4.5, 5]])  # the lesson's
    labels = np.array([0, 0, 2, 2, 2, 2])  # clusters 1 and 3 are empty
    old = np.array([[0.0, 0.0], [8.0, 14.0], [2.0, 2.0], [-5.0, 5.0]])
    given = old.copy()
    new = _call(answer, X, labels, given, on="six points with clusters 1 and 3 empty")
    _require_shape(new, (4, 2), "old centre, empty clusters too")
    require(
        np.array_equal(given, old),
        "Your function changed the old centres it was given: work on a copy.",
    )
    for j in (1, 3):  # the empty clusters
        require(
            not np.isnan(new[j]).any(),
            f"Empty cluster {j}'s centre became NaN: keep its old centre.",
        )
        require(
            np.allclose(new[j], old[j]),
            f"Empty cluster {j}'s centre moved from {old[j].tolist()} to "
            f"{new[j].tolist()}: keep it.",
        )
    for j in (0, 2):
        mean = X[labels == j].mean(axis=0)
        require(
            np.allclose(new[j], mean), f"Cluster {j}'s centre is not its points' mean."
        )
    return "Right: each centre moves to its points' mean, and empty ones stay put."


class _Labels(np.ndarray):
    """Labels that count how often they are compared with ``==`` (a loop over clusters
    compares them with each cluster's number)."""

    comparisons = 0

    def __eq__(self, other):
        _Labels.comparisons += 1
        return np.asarray(self) == other


@checks("2.3")
def _check_2_3(answer):
    """give your function itself: `update_with_bincount`, without brackets"""
    X = make_course_blobs()[0]
    labels = np.digitize(X[:, 0], [-8, -4, 2])  # 4 bands of unequal sizes
    means = np.array([X[labels == j].mean(axis=0) for j in range(4)])
    _Labels.comparisons = 0
    new = _call(answer, X, labels.view(_Labels), 4, on="the blobs in 4 bands")
    _require_shape(new, (4, 2), "cluster")
    sums = means * np.bincount(labels)[:, None]
    require(not np.allclose(new, sums), "These are the sums: divide by the counts.")
    require(
        np.allclose(new, means),
        "These are not the means of the clusters: check the sums and counts.",
    )
    require(
        _Labels.comparisons < 4,
        f"Right centres, but your function compared `labels` {_Labels.comparisons} "
        "times with a number: that is a loop over the clusters.",
    )
    return "Right: each cluster's mean, with no Python loop over the clusters."
