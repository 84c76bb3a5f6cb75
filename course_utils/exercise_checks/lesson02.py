"""The checks of lesson 02's exercises (K-Means from scratch). Each answer is a function:
the check calls it on small inputs made here and compares what it returns with what it
must return."""

import warnings
from functools import partial

import numpy as np

from course_utils.datasets import make_course_blobs
from course_utils.exercises import Wrong, WrongKind, checks, require

# the corners of a 3 x 1 rectangle: from any corner, the others lie 1, 3 and √10 away
RECTANGLE = np.array([[0.0, 0.0], [3.0, 0.0], [0.0, 1.0], [3.0, 1.0]])
ON_RECTANGLE = "the 4 corners of a 3 × 1 rectangle"


def _call(function, *args, on: str) -> np.ndarray:
    """What the learner's function returns on ``args``, as floats; if it fails, say so."""
    if not callable(function):  # the machinery says which answer it wants
        raise WrongKind("not a function")
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


# The model answers (the lesson's solutions) and typical wrong ones, for the tests.
def _squared(X, C):
    return ((X[:, None, :] - C[None, :, :]) ** 2).sum(axis=2)


def _plus_plus(X, k, rng, weigh=np.square, nearest=True, first=None, p=None):
    """k-means++ (the model), or with one mistake: distances weighed by ``weigh``, from
    the first centre only, a fixed ``first`` centre, or unnormalised ``p``."""
    chosen = [X[rng.integers(len(X)) if first is None else first]]
    for _ in range(1, k):
        table = np.sqrt(_squared(X, np.array(chosen)))
        weight = weigh(table.min(axis=1) if nearest else table[:, 0])
        chosen.append(
            X[rng.choice(len(X), p=weight / weight.sum() if p is None else p)]
        )
    return np.array(chosen)


def _farthest_first(X, k, rng):
    chosen = [X[rng.integers(len(X))]]
    for _ in range(1, k):
        chosen.append(X[_squared(X, np.array(chosen)).min(axis=1).argmax()])
    return np.array(chosen)


def _keeping_empty(X, labels, old_centres, in_place=False, drop=False, zero=False):
    """The model update keeping empty clusters' centres, or with one mistake."""
    new = old_centres if in_place else old_centres.copy()
    for j in range(len(old_centres)):
        if np.any(labels == j):
            new[j] = X[labels == j].mean(axis=0)
        elif zero:
            new[j] = 0.0
    return new[np.unique(labels)] if drop else new


def _bincount(X, labels, k, axis=1, divide=True):
    """The model update by bincount, or with one mistake (transposed, no division)."""
    counts = np.bincount(labels, minlength=k)
    sums = np.stack([np.bincount(labels, weights=x, minlength=k) for x in X.T], axis)
    return sums / (counts[:, None] if axis == 1 else counts) if divide else sums


def _plus_plus_by_rows(X, k, rng):
    """Right too, drawing in another way: rows drawn by rng.choice over X itself."""
    chosen = X[[rng.choice(len(X))]]
    while len(chosen) < k:
        nearest = _squared(X, chosen).min(axis=1)
        chosen = np.vstack([chosen, rng.choice(X, p=nearest / nearest.sum())])
    return chosen


def _keeping_empty_by_where(X, labels, old_centres):
    counts = np.bincount(labels, minlength=len(old_centres))[:, None]
    return np.where(counts > 0, _bincount(X, labels, len(old_centres)), old_centres)


def _by_one_hot(X, labels, k):
    one_hot = labels[:, None] == np.arange(k)  # one comparison, not one per cluster
    return (one_hot.T @ X) / one_hot.sum(axis=0)[:, None]


def _by_loop(X, labels, k):
    return np.array([X[labels == j].mean(axis=0) for j in range(k)])


@checks(
    "2.1",
    hints=[
        "Keep the chosen centres in a list. For each new centre you need, for every "
        "point, the squared distance to the *nearest* centre chosen so far: a point "
        "already chosen gets 0, so it cannot be drawn again.",
        "`squared_distances_by_hand(X, np.array(chosen)).min(axis=1)` gives those "
        "distances; divide them by their sum to make probabilities `p`, and "
        "`X[rng.choice(len(X), p=p)]` draws the next centre. Draw the first one "
        "with `rng.integers(len(X))`.",
    ],
    model=lambda: _plus_plus,
    wrong={
        "is transposed": lambda: lambda X, k, rng: _plus_plus(X, k, rng).T,
        "not the row numbers": lambda: lambda X, k, rng: rng.choice(len(X), k, False),
        "is not a point of X": lambda: lambda X, k, rng: rng.uniform(size=(k, 2)),
        "picked a corner twice": lambda: partial(_plus_plus, nearest=False),
        "the `rng` you are given": lambda: (
            lambda X, k, _: _plus_plus(X, k, np.random.default_rng())
        ),
        "pick it uniformly at random": lambda: partial(_plus_plus, first=0),
        "not the farthest point": lambda: _farthest_first,
        "its *squared* distance": lambda: partial(_plus_plus, weigh=np.abs),
        "Probabilities do not sum to 1": lambda: partial(_plus_plus, p=np.ones(4)),
        "Cannot check an answer of type ndarray": lambda: _plus_plus(
            RECTANGLE, 2, np.random.default_rng(0)
        ),
    },
    also_right={"drawn from X itself": lambda: _plus_plus_by_rows},
)
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


@checks(
    "2.2",
    hints=[
        "Start from a copy of the old centres (`old_centres.copy()`), so that the "
        "function does not change the array it was given, and overwrite only the "
        "centres of clusters that have points.",
        "Loop over `j in range(len(old_centres))`; `np.any(labels == j)` says "
        "whether cluster `j` has points, and `X[labels == j].mean(axis=0)` is their "
        "mean.",
    ],
    model=lambda: _keeping_empty,
    wrong={
        "Empty cluster 1's centre became NaN": lambda: (
            lambda X, labels, old: _by_loop(X, labels, len(old))
        ),
        "changed the old centres": lambda: partial(_keeping_empty, in_place=True),
        "Expected shape (4, 2)": lambda: partial(_keeping_empty, drop=True),
        "moved from [8.0, 14.0] to [0.0, 0.0]": lambda: partial(
            _keeping_empty, zero=True
        ),
        "Cluster 0's centre is not its points' mean": lambda: (
            lambda X, labels, old: old.copy()
        ),
    },
    also_right={"np.where": lambda: _keeping_empty_by_where},
)
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


@checks(
    "2.3",
    hints=[
        "A mean is a sum divided by a count: get both for every cluster at once, "
        "then divide each row of sums by its cluster's count.",
        "Stack the per-feature sums into a (k, features) array with "
        "`np.stack([...], axis=1)`, and divide by `counts[:, None]` so that each "
        "row is divided by its own count.",
    ],
    model=lambda: _bincount,
    wrong={
        "a loop over the clusters": lambda: _by_loop,
        "is transposed": lambda: partial(_bincount, axis=0),
        "the sums": lambda: partial(_bincount, divide=False),
        "not the means of the clusters": lambda: (
            lambda X, labels, k: np.tile(X.mean(axis=0), (k, 1))
        ),
        "failed on the blobs": lambda: lambda X, labels, k: np.bincount(X[:, 0]),
    },
    also_right={"one-hot product": lambda: _by_one_hot},
)
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
