"""The checks of lesson 06's exercises (recomputing what the quiz says)."""

from functools import cache

import numpy as np
from sklearn.cluster import KMeans
from sklearn.metrics import silhouette_samples
from sklearn.mixture import GaussianMixture

from course_utils.exercises import checks, read, require
from course_utils.quiz import load_bank
from course_utils.settings import KMEANS_N_INIT, MIXTURE_N_INIT, MODEL_SEED

LINE = np.array(
    [[0.0], [1.0], [4.0], [5.0]]
)  # the quiz's four customers, {0, 1} {4, 5}
SLIPS = {  # (a, b) a typical slip gives -> what to say
    (3, 4.5): "These are for the second customer at 3: give them for 0, 1, 4, 5.",
    (0.5, 4.5): "a averages over the *rest* of its cluster: leave the customer out.",
    (1, 4): "b is the *mean* distance to the other cluster, not to its nearest one.",
}


def _by_hand(second=1.0, include_itself=False, nearest=False):
    """(a, b, silhouette) of the customer at 0, as the solution computes them."""
    X = np.array([0.0, second, 4.0, 5.0])
    a = np.mean(np.abs(X[:2] - X[0])) if include_itself else abs(X[1] - X[0])
    b = np.min(np.abs(X[2:] - X[0])) if nearest else np.mean(np.abs(X[2:] - X[0]))
    return a, b, (b - a) / max(a, b)


@checks(
    "6.1",
    hints=[
        "Only distances along the line count. The customer at 0 has one other "
        "customer in its own cluster, and two in the other: *a* averages over the "
        "first, *b* over the second.",
        "The silhouette is `(b - a) / max(a, b)`. For scikit-learn, put the four "
        "positions in a column, `np.array([[0.0], [1.0], [4.0], [5.0]])`, and call "
        "`silhouette_samples(X_line, [0, 0, 1, 1])`: its first value is the "
        "customer at 0.",
    ],
    model=_by_hand,
    wrong={
        "the second customer at 3": lambda: _by_hand(second=3.0),
        "*rest* of its cluster": lambda: _by_hand(include_itself=True),
        "the *mean* distance": lambda: _by_hand(nearest=True),
        "That is a / b": lambda: (1.0, 4.5, 1.0 / 4.5),
        "That is b − a": lambda: (1.0, 4.5, 4.5 - 1.0),
        "has a positive value": lambda: (1.0, 4.5, -0.78),
        "Not the silhouette": lambda: (1.0, 4.5, 3.5 / 5.5),
        "three numbers": lambda: silhouette_samples(LINE, [0, 0, 1, 1]),
    },
)
def _check_6_1(answer):
    """give `(a, b, silhouette)` of the customer at 0 on the quiz's line 0, 1, 4, 5"""
    numbers = read(lambda a: np.asarray(a, dtype=float), answer)
    require(
        numbers.shape == (3,),
        "Give three numbers, (a, b, silhouette), for one customer.",
    )
    a, b, value = numbers
    for slip, why in SLIPS.items():
        require(not np.allclose([a, b], slip), why)
    require(
        np.allclose([a, b], [1, 4.5]),
        "Not a and b: the mean distances to the rest "
        "of its own cluster and to the other cluster.",
    )
    (question,) = (q for q in load_bank() if q.id == "silhouette-by-hand")
    for option in question.options:  # the quiz explains each wrong value
        wrong = not option.correct and abs(value - option.value) < 0.006
        require(not wrong, f"The quiz says of {option.text}: {option.explanation}")
    expected = silhouette_samples(LINE, [0, 0, 1, 1])[0]
    require(abs(value - expected) < 0.006, "Not the silhouette: (b − a) / max(a, b).")
    key = next(option.text for option in question.options if option.correct)
    return (
        f"Right: {expected:.2f}, as `silhouette_samples` says; the quiz's key: {key}."
    )


def _density_data(spread=1.5):
    rng = np.random.default_rng(1)
    return np.vstack(
        [
            rng.normal([0.0, 0.0], 0.3, size=(250, 2)),
            rng.normal([3.5, 0.0], spread, size=(50, 2)),
        ]
    )


def _loose_taken(labels) -> int:
    return int((labels[250:] == np.bincount(labels[:250]).argmax()).sum())


@cache
def _density_counts() -> dict:
    """Loose customers K-Means puts with the tight group, by the loose group's spread."""
    kmeans = KMeans(n_clusters=2, n_init=KMEANS_N_INIT, random_state=MODEL_SEED)
    return {s: _loose_taken(kmeans.fit_predict(_density_data(s))) for s in (1, 1.5, 2)}


def _mixture_count() -> int:
    mixture = GaussianMixture(2, n_init=MIXTURE_N_INIT, random_state=MODEL_SEED)
    return _loose_taken(mixture.fit_predict(_density_data()))


@checks(
    "6.2",
    hints=[
        "Build the data in one `np.vstack` of two `rng.normal(centre, spread, "
        "size=(n, 2))` calls, tight group first, so that rows 250 to 299 are the "
        "loose customers.",
        "Find the tight group's cluster as the most common label of its rows, "
        "`np.bincount(labels[:250]).argmax()`, then count the loose rows "
        "(`labels[250:]`) with that label. `adjusted_rand_score(truth, labels)` "
        "compares with the truth `np.repeat([0, 1], [250, 50])`.",
    ],
    model=lambda: _density_counts()[1.5],
    wrong={
        "keeps apart": lambda: 50 - _density_counts()[1.5],
        "whole cluster": lambda: 250 + _density_counts()[1.5],
        "mixture's count": _mixture_count,
        "spread of 1.0": lambda: _density_counts()[1.0],
        "spread of 2.0": lambda: _density_counts()[2.0],
        "Not the expected count": lambda: _density_counts()[1.5] + 1,
        "whole number": lambda: 12.5,
    },
)
def _check_6_2(answer):
    """give how many of the 50 loose customers K-Means puts with the tight group
    (loose spread 1.5)"""
    counts, given = _density_counts(), read(int, answer)
    require(given == answer, "Give a whole number of loose customers.")
    slips = {
        50 - counts[1.5]: "That counts the loose customers K-Means keeps apart.",
        250 + counts[1.5]: "That is the tight group's whole cluster: count only the "
        "loose customers in it (the last 50 rows).",
        counts[1.0]: "That is the count for a loose spread of 1.0: give it for 1.5.",
        counts[2.0]: "That is the count for a loose spread of 2.0: give it for 1.5.",
        0: "0 is the Gaussian mixture's count: give K-Means' count.",
    }
    require(given not in slips, slips.get(given))
    require(
        given == counts[1.5],
        "Not the expected count: make the data with "
        "`np.random.default_rng(1)` as the task says, and fit "
        "`KMeans(n_clusters=2, n_init=10, random_state=0)`.",
    )
    return f"Right: K-Means puts {counts[1.5]} of the 50 loose customers with the tight group."
