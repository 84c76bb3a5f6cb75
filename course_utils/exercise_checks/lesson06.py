"""The checks of lesson 06's exercises (recomputing what the quiz says)."""

from functools import cache

import numpy as np
from sklearn.cluster import KMeans
from sklearn.metrics import silhouette_samples

from course_utils.exercises import checks, require
from course_utils.quiz import load_bank

LINE = np.array(
    [[0.0], [1.0], [4.0], [5.0]]
)  # the quiz's four customers, {0, 1} {4, 5}
SLIPS = {  # (a, b) a typical slip gives -> what to say
    (3, 4.5): "These are for the second customer at 3: give them for 0, 1, 4, 5.",
    (0.5, 4.5): "a averages over the *rest* of its cluster: leave the customer out.",
    (1, 4): "b is the *mean* distance to the other cluster, not to its nearest one.",
}


@checks("6.1")
def _check_6_1(answer):
    """give `(a, b, silhouette)` of the customer at 0 on the quiz's line 0, 1, 4, 5"""
    require(
        len(answer) == 3, "Give three numbers, (a, b, silhouette), for one customer."
    )
    a, b, value = (float(x) for x in answer)
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


@cache
def _density_counts() -> dict:
    """Loose customers K-Means puts with the tight group, by the loose group's spread."""
    counts = {}
    for spread in (1.0, 1.5, 2.0):
        rng = np.random.default_rng(1)
        X = np.vstack(
            [
                rng.normal([0.0, 0.0], 0.3, size=(250, 2)),
                rng.normal([3.5, 0.0], spread, size=(50, 2)),
            ]
        )
        labels = KMeans(n_clusters=2, n_init=10, random_state=0).fit_predict(X)
        counts[spread] = int((labels[250:] == np.bincount(labels[:250]).argmax()).sum())
    return counts


@checks("6.2")
def _check_6_2(answer):
    """give how many of the 50 loose customers K-Means puts with the tight group
    (loose spread 1.5)"""
    counts, given = _density_counts(), int(answer)
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
