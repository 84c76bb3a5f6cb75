"""The checks of lesson 04's exercises (four algorithms side by side)."""

from collections import Counter
from functools import cache, partial

import numpy as np
from kneed import KneeLocator
from sklearn.cluster import DBSCAN, HDBSCAN
from sklearn.datasets import make_blobs
from sklearn.mixture import GaussianMixture
from sklearn.neighbors import NearestNeighbors
from sklearn.preprocessing import StandardScaler

from course_utils.datasets import AGE, INCOME, make_age_income_customers
from course_utils.exercises import checks, read, require, same_grouping
from course_utils.settings import DATA_SEED, MIXTURE_N_INIT, MODEL_SEED


@cache
def _data04():
    """The lesson's customers (raw, scaled) and exercise 4.1's blobs."""
    raw = make_age_income_customers(random_state=DATA_SEED)[[AGE, INCOME]].to_numpy()
    blobs = make_blobs(
        n_samples=[150, 150, 150],
        centers=[[0, 0], [2, 0], [6, 4]],
        cluster_std=[0.25, 0.25, 1.5],
        random_state=1,
    )[0]
    return raw, StandardScaler().fit_transform(raw), blobs


def _dbscan(X, knee_of=10, min_samples=10, eps_from=None, fitted=False):
    """DBSCAN's labels on X, eps at the knee of the k-distances (of ``eps_from``), as
    the lesson's `k_distance_knee` finds it."""
    on = X if eps_from is None else eps_from
    k_distances = np.sort(
        NearestNeighbors(n_neighbors=knee_of).fit(on).kneighbors(on)[0][:, -1]
    )
    steps = np.arange(k_distances.size)
    knee = KneeLocator(steps, k_distances, curve="convex", direction="increasing").knee
    model = DBSCAN(eps=k_distances[knee], min_samples=min_samples).fit(X)
    return model if fitted else model.labels_


def _dbscan_check(answer, expected, wrong_ones, fix):
    """Labels (or a fitted model) grouping the points as ``expected``; ``wrong_ones``:
    {what to say: a function making a typical mistake's labels}; ``fix``: what else."""
    labels = read(np.asarray, getattr(answer, "labels_", answer))
    n = len(expected)
    require(
        labels.shape == (n,), f"Expected {n} labels, one per point: not {labels.shape}."
    )
    if not same_grouping(labels, expected):
        for why, make_wrong in wrong_ones.items():
            require(not same_grouping(labels, make_wrong()), why)
        require(False, fix)


def _hdbscan(X):
    return HDBSCAN(min_cluster_size=20, min_samples=10, copy=True).fit_predict(X)


@checks(
    "4.1",
    hints=[
        "Reuse the lesson's tools on the blobs: `k_distance_knee` for their own "
        "`eps` (not `knee_eps`, which belongs to the customers) and "
        "`compare(models, X_dens, y_dens)`, which returns the table and every "
        "model's labels.",
        "Build a dict like the lesson's `models`, with 3 wherever a number of "
        "clusters or components goes and `DBSCAN(eps=..., min_samples=10)`; the "
        "labels to check are the DBSCAN entry of `compare`'s second result. To see "
        "*why*, refit DBSCAN with a much smaller `eps` (say 0.3) and look at what "
        "each blob becomes.",
        "`plot_comparison(X_dens, {name: labels, ...}, panel_titles(table), "
        "truth=y_dens)` draws the true blobs beside the clusterings you pass it.",
    ],
    model=lambda: _dbscan(_data04()[2]),
    wrong={
        "the customers' eps": lambda: _dbscan(_data04()[2], eps_from=_data04()[1]),
        "HDBSCAN's clusters": lambda: _hdbscan(_data04()[2]),
        "scaled blobs": lambda: _dbscan(StandardScaler().fit_transform(_data04()[2])),
        "the default is 5": lambda: _dbscan(_data04()[2], min_samples=5),
        "Expected 450 labels": lambda: _dbscan(_data04()[1]),
        "Not DBSCAN's clusters at the blobs' knee": lambda: DBSCAN(
            eps=0.3, min_samples=10
        ).fit_predict(_data04()[2]),
    },
    also_right={
        "a fitted DBSCAN": lambda: _dbscan(_data04()[2], fitted=True),
    },
)
def _check_4_1(answer):
    """give DBSCAN's labels on the blobs (or the fitted DBSCAN), with eps from
    `k_distance_knee(X_dens, 10)` and min_samples=10"""
    _, X, blobs = _data04()
    expected = _dbscan(blobs)
    scaled = StandardScaler().fit_transform(blobs)
    wrong_ones = {  # what to say: how a typical mistake makes its labels
        "This is the customers' eps (`knee_eps`): use the blobs' own knee.": partial(
            _dbscan, blobs, eps_from=X
        ),
        "These are HDBSCAN's clusters: give DBSCAN's.": partial(_hdbscan, blobs),
        "These are scaled blobs: x and y share one unit, use them as they are.": (
            partial(_dbscan, scaled)
        ),
        "Check min_samples: the default is 5, the exercise's 10.": partial(
            _dbscan, blobs, min_samples=5
        ),
    }
    fix = "Not DBSCAN's clusters at the blobs' knee: check eps and min_samples=10."
    _dbscan_check(answer, expected, wrong_ones, fix)
    n = len(set(expected) - {-1})
    return f"Right: at the knee's eps DBSCAN finds {n} clusters for 3 blobs."


@cache
def _probabilities04():
    """Each customer's probability of each component of the lesson's mixture."""
    X = _data04()[1]
    mixture = GaussianMixture(
        n_components=4, n_init=MIXTURE_N_INIT, random_state=MODEL_SEED
    ).fit(X)
    return mixture.predict_proba(X)


def _pairs(rows) -> Counter:
    return Counter(tuple(sorted(row)) for row in np.asarray(rows).tolist())


def _top_two(threshold=0.8, highest=True):
    """Each unsure customer's two most (or least) likely components, sorted."""
    p = _probabilities04()
    unsure = p[p.max(axis=1) < threshold]
    return np.sort(np.argsort(-unsure if highest else unsure, axis=1)[:, :2], axis=1)


def _first_row_off():
    """The model answer with the first customer's most and third most likely."""
    answer, p = _top_two(), _probabilities04()
    answer[0] = sorted(np.argsort(-p[p.max(axis=1) < 0.8][0])[[0, 2]])
    return answer


@checks(
    "4.2",
    hints=[
        "Start from the lesson's `probabilities` table (one column per component) "
        "and keep the rows whose highest probability, `.max(axis=1)`, is below 0.8.",
        "`np.argsort` orders each row's columns by probability, lowest first "
        "(negate the probabilities for highest first); keep two columns, and sort "
        'each pair with `np.sort(..., axis=1)` so that "2 and 1" counts as "1 and '
        '2".',
        "For the overlap, the ellipses figure's `full` panel is labelled with the "
        "same component numbers, and `gmm.means_` holds the components' centres.",
    ],
    model=_top_two,
    wrong={
        "transposed": lambda: _top_two().T,
        "below 0.8": lambda: _top_two(threshold=0.6),
        "*least* likely": lambda: _top_two(highest=False),
        "not probabilities": lambda: np.sort(_probabilities04(), axis=1)[:, -2:][
            _probabilities04().max(axis=1) < 0.8
        ],
        "not the customer's two most likely": _first_row_off,
    },
    also_right={"rows and pairs reordered": lambda: _top_two()[::-1, ::-1]},
)
def _check_4_2(answer):
    """give the two most likely components of each unsure customer (highest probability
    below 0.8): an array with one row per unsure customer and 2 columns"""
    probabilities = _probabilities04()
    unsure = probabilities[probabilities.max(axis=1) < 0.8]
    n, given = len(unsure), read(np.asarray, answer)
    require(
        given.shape != (2, n),
        "Your array is transposed: one row per unsure customer, 2 columns.",
    )
    require(
        (given.shape or [0])[0]
        not in (len(probabilities), np.sum(probabilities.max(axis=1) < 0.6)),
        "Keep the customers whose highest probability is below 0.8 (not `THRESHOLD`).",
    )
    require(given.shape == (n, 2), f"Expected shape ({n}, 2), not {given.shape}.")
    require(
        np.isin(given, range(4)).all(),
        "Give component numbers (0 to 3), not probabilities.",
    )
    least = np.argsort(unsure, axis=1)[:, :2]
    require(
        _pairs(given) != _pairs(least),
        "These are the two *least* likely components: sort the probabilities "
        "from the highest.",
    )
    expected = _pairs(np.argsort(-unsure, axis=1)[:, :2])
    require(
        _pairs(given) == expected,
        "Some rows are not the customer's two most likely components.",
    )
    (a, b), count = expected.most_common(1)[0]
    return f"Right: components {a} and {b} share the most, {count} of the {n}."


@checks(
    "4.3",
    hints=[
        "Do what the lesson did for DBSCAN, with 4 in both places: the neighbour "
        "whose distance you plot, and `min_samples`.",
        "`k_distance_knee(X, 4)` gives the new `eps`; `compare({name: DBSCAN(...)}, "
        "X, y)` gives the table and, as its second result, the labels. For the "
        "*why*, read the DBSCAN grid above at `min_samples=5`.",
    ],
    model=lambda: _dbscan(_data04()[1], knee_of=4, min_samples=4),
    wrong={
        "the unscaled result": lambda: _dbscan(_data04()[0], 4, 4),
        "refit with min_samples=4": lambda: _dbscan(_data04()[1]),
        "`knee_eps`": lambda: _dbscan(_data04()[1], min_samples=4),
        "min_samples=4 too": lambda: _dbscan(_data04()[1], knee_of=4),
        "Expected 300 labels": lambda: _dbscan(_data04()[1], 4, 4)[:-1],
    },
    also_right={
        "a fitted DBSCAN": lambda: _dbscan(_data04()[1], 4, 4, fitted=True),
    },
)
def _check_4_3(answer):
    """give DBSCAN's labels on the customers (or the fitted DBSCAN), with eps from
    `k_distance_knee(X, 4)` and min_samples=4"""
    raw, X, _ = _data04()
    expected = _dbscan(X, knee_of=4, min_samples=4)
    wrong_ones = {
        "This looks like the unscaled result: use the scaled `X`.": partial(
            _dbscan, raw, 4, 4
        ),
        "These are the lesson's clusters: refit with min_samples=4.": partial(
            _dbscan, X
        ),
        "This eps is `knee_eps`: compute `k_distance_knee(X, 4)`.": partial(
            _dbscan, X, min_samples=4
        ),
        "Give DBSCAN min_samples=4 too.": partial(_dbscan, X, knee_of=4),
    }
    fix = "Not the clusters at the knee for 4 neighbours: check eps and min_samples."
    _dbscan_check(answer, expected, wrong_ones, fix)
    found, noise = len(set(expected) - {-1}), np.mean(expected == -1)
    return f"Right: with min_samples=4 DBSCAN finds {found} cluster, {noise:.0%} noise."
