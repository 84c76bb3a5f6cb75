"""Lesson 07's exercises: each check passes the model answer and fails typical wrong
answers with the message meant for them.

The model answers are made the way the lesson's solution cells make them (a skops file
written and read back, pandas shares, the K of highest silhouette), not the way the checks
recompute them. The checks load the mall file as the lesson does (the real one if saved,
else the replica); ``test_the_checks_hold_on_the_real_mall_file`` runs them on the real one.
"""

import os
import tempfile
from functools import cache
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import skops.io as sio
from exercise_testing import (  # noqa: F401 (the tests run here, with this lesson's cases)
    test_a_typical_wrong_answer_fails_with_its_message,
    test_the_model_answer_passes,
    verdict,
)
from sklearn.cluster import KMeans
from sklearn.metrics import silhouette_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from course_utils import mall_loader
from course_utils.datasets import make_later_quarter, make_online_shop_customers
from course_utils.exercise_checks import lesson07
from course_utils.mall import INCOME_COLUMN, SCORE_COLUMN

FEATURES = [INCOME_COLUMN, SCORE_COLUMN]
SHOP_COLUMNS = ("orders per year", "average order ($)")
ROOT = Path(__file__).resolve().parents[1]
REAL_FILES = (
    ROOT / "data" / "Mall_Customers.csv",
    ROOT.parent / "shared" / "data" / "Mall_Customers.csv",
)


def level(gap):
    return "high" if gap > 0.5 else "low" if gap < -0.5 else "middle"


@cache
def LESSON() -> dict:  # noqa: N802 (what exercise_testing calls)
    """What lesson 07 has made by its exercises: the pipeline, names, limits, shares."""
    customers = mall_loader.load_mall_customers()
    model = make_pipeline(
        StandardScaler(), KMeans(n_clusters=5, n_init=10, random_state=0)
    )
    labels = model.fit_predict(customers[FEATURES])
    gaps = model[-1].cluster_centers_
    names = [f"{level(i)} income, {level(s)} spend" for i, s in gaps]
    train = pd.DataFrame(
        {
            "segment": [names[i] for i in labels],
            "distance": model.transform(customers[FEATURES]).min(axis=1),
        }
    )
    limits = train.groupby("segment")["distance"].quantile([0.95, 0.99]).unstack()
    train_shares = pd.Series(labels).value_counts(normalize=True).sort_index()
    return {
        "customers": customers,
        "model": model,
        "names": names,
        "labels": labels,
        "train": train,
        "limits": limits,
        "train_shares": train_shares,
    }


def saved_and_loaded(lesson, **changes):
    """The bundle of exercise 7.1, written with skops and read back (with ``changes``)."""
    bundle = {
        "pipeline": lesson["model"],
        "names": lesson["names"],
        "limits": lesson["limits"][0.99].to_dict(),
        **changes,
    }
    path = Path(tempfile.gettempdir()) / f"lesson07-bundle-{os.getpid()}.skops"
    sio.dump(bundle, path)
    try:
        return sio.load(path)  # refuses types skops does not trust: none here
    finally:
        path.unlink()


def share_moves(lesson, n_clusters=5, random_state=1, **shift):
    """Exercise 7.2's changes of share, made as the solution cell makes them."""
    quarter = make_later_quarter(
        lesson["customers"], random_state=random_state, **shift
    )
    labels = lesson["model"].predict(quarter[FEATURES])
    shares = pd.Series(labels).value_counts(normalize=True)
    shares = shares.reindex(range(n_clusters), fill_value=0.0)
    return (shares - lesson["train_shares"]).set_axis(lesson["names"])


@cache
def shop_model(scale=True, columns=SHOP_COLUMNS, n_clusters=None):
    """Exercise 7.3's fitted K-Means: the K in 2..8 of highest silhouette, unless given."""
    shop = make_online_shop_customers()
    X = shop[list(columns)].to_numpy(dtype=float)
    X = StandardScaler().fit_transform(X) if scale else X
    if n_clusters is None:
        silhouettes = {
            k: silhouette_score(
                X, KMeans(n_clusters=k, n_init=10, random_state=0).fit_predict(X)
            )
            for k in range(2, 9)
        }
        n_clusters = max(silhouettes, key=silhouettes.get)
    return KMeans(n_clusters=n_clusters, n_init=10, random_state=0).fit(X)


def overall_limits(lesson):
    limit = lesson["train"]["distance"].quantile(0.99)
    return dict.fromkeys(lesson["names"], limit)


def limits_by_number(lesson):
    train = lesson["train"].assign(cluster=lesson["labels"])
    return train.groupby("cluster")["distance"].quantile(0.99).to_dict()


# the model answer of each exercise, made as the lesson's solution cell makes it
MODEL_ANSWERS = {
    "7.1": saved_and_loaded,
    "7.2": lambda lesson: share_moves(lesson, score_shift=-20),
    "7.3": lambda lesson: shop_model(),
}

# typical wrong answers: (exercise, the wrong answer, words the message must contain)
WRONG_ANSWERS = [
    (
        "7.1",
        lambda d: saved_and_loaded(d, limits=d["limits"][0.95].to_dict()),
        "95 % limits",
    ),
    (
        "7.1",
        lambda d: saved_and_loaded(d, limits=limits_by_number(d)),
        "by segment name, not [0, 1, 2, 3, 4]",
    ),
    ("7.1", lambda d: saved_and_loaded(d, limits=overall_limits(d)), "per segment"),
    (
        "7.1",
        lambda d: saved_and_loaded(d, pipeline=d["model"][-1]),
        "save the whole `model`",
    ),
    (
        "7.1",
        lambda d: saved_and_loaded(d, names=d["names"][::-1]),
        "do not give the lesson's segments",
    ),
    (
        "7.1",
        lambda d: {"pipeline": d["model"], "names": d["names"]},
        'yours are "pipeline", "names"',
    ),
    (
        "7.1",
        lambda d: saved_and_loaded(d, limits=(d["limits"][0.99] * 1.1).to_dict()),
        "Not the 99 % quantiles",
    ),
    (
        "7.1",
        lambda d: saved_and_loaded(d, limits=d["limits"].to_dict()),
        "not [0.95, 0.99]",
    ),
    ("7.2", lambda d: -share_moves(d, score_shift=-20), "later − training"),
    ("7.2", lambda d: share_moves(d, score_shift=-20).abs(), "Keep the sign"),
    ("7.2", lambda d: share_moves(d, income_shift=-20), "when *incomes* fell"),
    ("7.2", lambda d: share_moves(d, score_shift=20), "scores rose"),
    ("7.2", lambda d: 200 * share_moves(d, score_shift=-20), "Shares are fractions"),
    (
        "7.2",
        lambda d: share_moves(d, score_shift=-20, random_state=2),
        "Not the expected changes",
    ),
    (
        "7.2",
        lambda d: share_moves(d, score_shift=-20).reset_index(drop=True),
        "by segment name",
    ),
    ("7.3", lambda d: shop_model(scale=False, n_clusters=4), "the unscaled result"),
    (
        "7.3",
        lambda d: shop_model(columns=("customer", *SHOP_COLUMNS), n_clusters=4),
        "`customer` number",
    ),
    ("7.3", lambda d: shop_model(n_clusters=3), "make 3 segments"),
    ("7.3", lambda d: shop_model().labels_[None, :], "not (1, 600)"),
    ("7.3", lambda d: shop_model().labels_[1:], "Expected 600 labels"),
]


def test_the_checks_say_the_verdict_the_lesson_prints(capsys):
    """The ✔ messages state the numbers the replica's lesson prints (see the claims)."""
    lesson = LESSON()
    said = [verdict(capsys, n, make(lesson))[1] for n, make in MODEL_ANSWERS.items()]
    assert said == [
        "✔ Right: the pipeline, names and 99 % limits travel together. Income 120 k$, "
        "score 95 goes to *high income, high spend* at distance 1.35 against its limit "
        "1.71: the customer fits it.",
        "✔ Right: *low income, low spend* gains the most (+0.085).",
        "✔ Right: 4 segments, of 247, 148, 119, 86 customers.",
    ]


def real_file():
    found = next((path for path in REAL_FILES if path.is_file()), None)
    if found is None and os.environ.get("CI") == "true":
        pytest.fail("no real Mall_Customers.csv: CI must have it")
    if found is None:
        pytest.skip("no real Mall_Customers.csv here")
    return found


def test_the_checks_hold_on_the_real_mall_file(capsys, monkeypatch):
    """On the real file the model answers pass too, and exercise 7.2's solution comment
    is true of it: the middle segment's loss crosses the share limit, and high income,
    low spend gains the most, just ahead of low income, low spend."""
    monkeypatch.setattr(mall_loader, "ORIGINAL_PATH", real_file())
    cached = (LESSON, lesson07._mall, lesson07._share_moves)
    for function in cached:
        function.cache_clear()
    try:
        lesson = LESSON()
        assert lesson["customers"].attrs["source"] == "original"
        for number, make in MODEL_ANSWERS.items():
            right, said = verdict(capsys, number, make(lesson))
            assert right is True, said
        moves = share_moves(lesson, score_shift=-20)
        rng = np.random.default_rng(0)
        n, shares = len(lesson["labels"]), lesson["train_shares"].to_numpy()
        draws = rng.integers(0, n, size=(1000, n))
        counts = [np.bincount(lesson["labels"][d], minlength=5) for d in draws]
        share_limit = np.quantile(
            np.abs(np.array(counts) / n - shares).max(axis=1), 0.99
        )
        assert moves.abs().idxmax() == "middle income, middle spend"
        assert moves.min() < -share_limit
        assert moves.idxmax() == "high income, low spend"
        assert 0 < moves.max() - moves["low income, low spend"] <= 0.005 + 1e-9
    finally:
        for function in cached:
            function.cache_clear()  # the replica again for the other tests
