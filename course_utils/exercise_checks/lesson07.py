"""The checks of lesson 07's exercises (segments in practice).

They fit the lesson's mall pipeline on what ``load_mall_customers`` loads (the real file
when saved, else the replica), as the lesson does, so they are right on either file.
"""

from functools import cache

import numpy as np
import pandas as pd
from sklearn.cluster import KMeans
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from course_utils.datasets import (
    BASKET,
    ONLINE_SHOP_GROUPS,
    ORDERS,
    make_later_quarter,
    make_online_shop_customers,
)
from course_utils.exercises import checks, read, require, same_grouping
from course_utils.mall_loader import load_mall_customers
from course_utils.settings import KMEANS_N_INIT, MALL_FEATURES, MALL_K, MODEL_SEED

FEATURES = list(MALL_FEATURES)
KMEANS_07 = {"n_init": KMEANS_N_INIT, "random_state": MODEL_SEED}


def _level(gap):
    return "high" if gap > 0.5 else "low" if gap < -0.5 else "middle"


@cache
def _mall():
    """The lesson's customers, pipeline, names, each customer's segment and distances."""
    customers = load_mall_customers()[FEATURES]
    kmeans = KMeans(n_clusters=MALL_K, **KMEANS_07)
    model = make_pipeline(StandardScaler(), kmeans).fit(customers)
    names = [
        f"{_level(i)} income, {_level(s)} spend" for i, s in kmeans.cluster_centers_
    ]
    segment = pd.Series(np.array(names)[kmeans.labels_])
    return customers, model, names, segment, model.transform(customers).min(axis=1)


def _bundle(quantile=0.99, by="name", **changes):
    """The dict exercise 7.1 saves, its limits the ``quantile`` of each segment's
    distances (by "name", by cluster "number", or "all" segments together)."""
    customers, model, names, segment, distance = _mall()
    if by == "all":
        limits = dict.fromkeys(names, np.quantile(distance, quantile))
    else:
        keys = segment if by == "name" else model[-1].labels_
        limits = pd.Series(distance).groupby(keys).quantile(quantile).to_dict()
    return {"pipeline": model, "names": names, "limits": limits, **changes}


@checks(
    "7.1",
    hints=[
        "The 99 % limits are one column of the `limits` table, one value per "
        'segment name. Put them in the dictionary you save, beside `"pipeline"` and '
        '`"names"`, as a plain dict.',
        "`limits[0.99].to_dict()` maps each name to its limit. Save the dict with "
        "`sio.dump(...)`, look at `sio.get_untrusted_types(file=...)`, then "
        "`sio.load(...)` it into a new variable and score the customer with *its* "
        '`"pipeline"`: `predict` for the segment number (look its name up in '
        '`"names"`), `transform(...).min()` for the distance.',
    ],
    model=_bundle,
    wrong={
        "95 % limits": lambda: _bundle(0.95),
        "by segment name, not [0, 1, 2, 3, 4]": lambda: _bundle(by="number"),
        "per segment": lambda: _bundle(by="all"),
        "save the whole `model`": lambda: _bundle(pipeline=_mall()[1][-1]),
        "do not give the lesson's segments": lambda: _bundle(names=_mall()[2][::-1]),
        'yours are "pipeline", "names"': lambda: {
            k: v for k, v in _bundle().items() if k != "limits"
        },
        "Not the 99 % quantiles": lambda: _bundle(0.98),
    },
)
def _check_7_1(answer):
    """give the dict you loaded back from your file, with "pipeline", "names", "limits\""""
    customers, model, names, segment, distance = _mall()
    answer = read(dict, answer)
    keys = ", ".join(f'"{key}"' for key in answer)
    require(
        {"pipeline", "names", "limits"} <= set(answer),
        f'Expected the keys "pipeline", "names" and "limits"; yours are {keys}.',
    )
    predict = getattr(answer["pipeline"], "predict", None)
    require(predict is not None, 'Save the fitted pipeline as "pipeline".')
    named = np.array(answer["names"])[predict(customers)]
    require(
        (named == segment).all(),
        "Your pipeline and names do not give the lesson's segments: save the whole "
        "`model` (scaling and K-Means) and its `names`.",
    )
    limits = pd.Series(answer["limits"])
    require(
        set(limits.index) == set(names),
        f"Key the limits by segment name, not {list(limits.index)}.",
    )
    by_segment = pd.Series(distance).groupby(segment)
    limits, expected = limits[names].astype(float), by_segment.quantile(0.99)[names]
    if not np.allclose(limits, expected):
        require(
            not np.allclose(limits, by_segment.quantile(0.95)[names]),
            "These are the 95 % limits: keep the 99 % ones.",
        )
        require(
            not np.allclose(limits, np.quantile(distance, 0.99)),
            "One limit for all: take the 99 % quantile per segment.",
        )
        require(False, "Not the 99 % quantiles of each segment's training distances.")
    new = pd.DataFrame([(120, 95)], columns=FEATURES)
    name, gap = names[model.predict(new)[0]], model.transform(new).min()
    verdict = "fits it" if gap <= expected[name] else "fits no segment well"
    return (
        f"Right: the pipeline, names and 99 % limits travel together. Income 120 k$, "
        f"score 95 goes to *{name}* at distance {gap:.2f} against its limit "
        f"{expected[name]:.2f}: the customer {verdict}."
    )


@cache
def _share_moves(**shift):
    """Each segment's share in the later quarter made with ``shift``, minus training."""
    customers, model, names, segment, _ = _mall()
    quarter = make_later_quarter(customers, random_state=1, **shift)
    later = pd.Series(np.array(names)[model.predict(quarter)])
    shares = later.value_counts(normalize=True).reindex(names, fill_value=0.0)
    return shares - segment.value_counts(normalize=True)[names]


@checks(
    "7.2",
    hints=[
        "The lesson's `drift_report(quarter)` gives the quarter's segment shares "
        "and mean distance; compare them with `train_shares`, `distance_limit` and "
        "`share_limit`.",
        "`(shares - train_shares).set_axis(segment_names)` gives each segment's "
        "change of share, later minus training: a gain is positive. `.abs().max()` "
        "is the number the rule compares, `.idxmax()` the segment that gains the "
        "most.",
    ],
    model=lambda: _share_moves(score_shift=-20),
    wrong={
        "later − training": lambda: -_share_moves(score_shift=-20),
        "Keep the sign": lambda: _share_moves(score_shift=-20).abs(),
        "when *incomes* fell": lambda: _share_moves(income_shift=-20),
        "scores rose": lambda: _share_moves(score_shift=20),
        "Shares are fractions": lambda: 100 * _share_moves(score_shift=-20),
        "Not the expected changes": lambda: _share_moves(score_shift=-20) + 0.01,
        "by segment name": lambda: _share_moves(score_shift=-20).reset_index(drop=True),
    },
)
def _check_7_2(answer):
    """give each segment's change of share (later quarter minus training), as a Series
    or dict indexed by segment name"""
    expected = _share_moves(score_shift=-20)
    moves = read(lambda a: pd.Series(a, dtype=float), answer)
    require(
        set(moves.index) == set(expected.index),
        f"Index the changes by segment name; yours has {list(moves.index)}.",
    )
    moves = moves[expected.index]
    require(moves.abs().max() <= 1, "Shares are fractions: use `normalize=True`.")
    if not np.allclose(moves, expected):
        for other, why in [
            (-expected, "Gains come out negative: take later − training."),
            (expected.abs(), "Keep the sign: a segment can lose customers."),
            (
                _share_moves(income_shift=-20),
                "These are the changes when *incomes* fell: shift the scores.",
            ),
            (
                _share_moves(score_shift=20),
                "Here the scores rose: the quarter's scores fell by 20.",
            ),
        ]:
            require(not np.allclose(moves, other), why)
        require(
            False,
            "Not the expected changes: score the quarter made with "
            "`score_shift=-20, random_state=1` with the loaded pipeline.",
        )
    return f"Right: *{expected.idxmax()}* gains the most ({expected.max():+.3f})."


@cache
def _shop_labels(*columns, scale=True):
    """K-Means labels of the shop's customers, with as many clusters as it has groups."""
    X = make_online_shop_customers()[list(columns)]
    X = StandardScaler().fit_transform(X) if scale else X
    kmeans = KMeans(n_clusters=len(ONLINE_SHOP_GROUPS), **KMEANS_07)
    return kmeans.fit_predict(X)


@cache
def _shop_fit(k):
    X = StandardScaler().fit_transform(make_online_shop_customers()[[ORDERS, BASKET]])
    return KMeans(n_clusters=k, **KMEANS_07).fit(X)


@checks(
    "7.3",
    hints=[
        "Scale the two columns with `StandardScaler`, then loop over K = 2..8: fit "
        "`KMeans` with `n_init` and `random_state` set, and keep each K's "
        "`silhouette_score`. Do the same on the Gaussian cloud to see what a score "
        "looks like on data with no groups.",
        "`rng.multivariate_normal(X.mean(axis=0), np.cov(X.T), len(X))` draws the "
        "cloud. Fit the best K again, then `shop.groupby(labels)[columns].mean()` "
        "profiles the segments; the lesson's `level` function turns a scaled centre "
        "into high / middle / low.",
    ],
    model=lambda: _shop_fit(len(ONLINE_SHOP_GROUPS)),
    wrong={
        "the unscaled result": lambda: _shop_labels(ORDERS, BASKET, scale=False),
        "`customer` number": lambda: _shop_labels("customer", ORDERS, BASKET),
        "make 3 segments": lambda: _shop_fit(3),
        "not (1, 600)": lambda: _shop_labels(ORDERS, BASKET)[None, :],
        "Expected 600 labels": lambda: _shop_labels(ORDERS, BASKET)[1:],
    },
    also_right={"labels": lambda: _shop_labels(ORDERS, BASKET)},
)
def _check_7_3(answer):
    """give your K-Means labels, one per shop customer (or the fitted KMeans)"""
    expected = _shop_labels(ORDERS, BASKET)
    labels = read(np.asarray, getattr(answer, "labels_", answer))
    require(
        labels.shape == expected.shape,
        f"Expected {len(expected)} labels, one per shop customer: not {labels.shape}.",
    )
    found = len(np.unique(labels))
    require(
        found == len(np.unique(expected)),
        f"Your labels make {found} segments: take the K in 2..8 of highest silhouette.",
    )
    if not same_grouping(labels, expected):
        for wrong, why in [
            (
                _shop_labels(ORDERS, BASKET, scale=False),
                "This looks like the unscaled result: scale the two columns first.",
            ),
            (
                _shop_labels("customer", ORDERS, BASKET),
                "The `customer` number is no feature: cluster the two columns only.",
            ),
        ]:
            require(not same_grouping(labels, wrong), why)
        require(False, "Not the expected segments: K-Means on the two scaled columns.")
    sizes = ", ".join(map(str, sorted(np.bincount(expected), reverse=True)))
    return f"Right: {found} segments, of {sizes} customers."
