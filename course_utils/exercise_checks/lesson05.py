"""The checks of lesson 05's exercises (the mall case study). The mall data come from the
lesson's loader, so the checks hold on the file the learner has (the real one or the replica).
"""

from functools import cache

import numpy as np
import pandas as pd
from sklearn.cluster import KMeans
from sklearn.metrics import adjusted_rand_score, silhouette_score
from sklearn.preprocessing import StandardScaler

from course_utils.exercises import (
    checks,
    read,
    require,
    require_labels,
    same_grouping,
)
from course_utils.mall import AGE_COLUMN, GENDER_COLUMN, INCOME_COLUMN, SCORE_COLUMN
from course_utils.mall_loader import load_mall_customers
from course_utils.rfm import RFM_COLUMNS, make_random_rfm
from course_utils.settings import DATA_SEED, KMEANS_N_INIT, MODEL_SEED

KMEANS_05 = {"random_state": MODEL_SEED, "n_init": KMEANS_N_INIT}
THREE = [AGE_COLUMN, INCOME_COLUMN, SCORE_COLUMN]


def _fit05(X, k):
    return KMeans(n_clusters=k, **KMEANS_05).fit_predict(np.asarray(X, dtype=float))


def _std(table):
    return StandardScaler().fit_transform(table)


@cache
def _customers_5_2():
    """The lesson's customers (the real file if saved in data/, else the replica) and the
    model answer's labels: K = 6 on age, income and score, standardised."""
    customers = load_mall_customers()
    return customers, _fit05(_std(customers[THREE]), 6)


@cache
def _rfm_refits(how):
    """The full K = 4 fit of the lesson's independent RFM, and each sample's refit:
    (full labels of the sample's rows, refit labels) for seeds 0 to 4; ``how`` says how
    the table was scaled ("scaled", "restandardised" per sample, "unscaled"), or
    "misaligned": the full fit's first rows instead of the sample's."""
    rfm = make_random_rfm(n_customers=500, random_state=DATA_SEED)[list(RFM_COLUMNS)]
    X = rfm.to_numpy(float) if how == "unscaled" else _std(rfm)
    full, pairs = _fit05(X, 4), []
    for seed in range(5):
        rows = rfm.sample(frac=0.8, random_state=seed).index
        again = _fit05(_std(rfm.loc[rows]) if how == "restandardised" else X[rows], 4)
        pairs.append((full[: len(rows)] if how == "misaligned" else full[rows], again))
    return pairs


def _aris(how="scaled", score=adjusted_rand_score):
    return [score(*pair) for pair in _rfm_refits(how)]


def _like(aris, how, score=adjusted_rand_score) -> bool:
    return np.allclose(aris, [score(*pair) for pair in _rfm_refits(how)], atol=6e-3)


@checks(
    "5.1",
    hints=[
        "Inside one loop over the seeds, do the lesson's steps on each sample: "
        "standardise, fit, profile with `groupby`, and `name_segments(profile, "
        "sample)`. Names, not cluster numbers, can be compared across samples.",
        "For the RFM table, `rows = random_rfm.sample(frac=0.8, "
        "random_state=seed).index` picks the customers; refit `KMeans(n_clusters=4, "
        "**KMEANS)` on `X_random[rows]` and compare the new labels with the full "
        "fit's labels of the same customers, `random_labels[rows]`, using "
        "`adjusted_rand_score` (1: the same grouping). Keep one ARI per seed in a "
        "list.",
    ],
    model=_aris,
    wrong={
        "shares of equal cluster numbers": lambda: _aris(
            score=lambda a, b: (a == b).mean()
        ),
        "the unscaled table": lambda: _aris("unscaled"),
        "the *same* customers": lambda: _aris("misaligned"),
        "Not the expected ARIs": lambda: np.array(_aris()) - 0.05,
        "Expected 5 ARIs": lambda: _aris()[:4],
    },
    also_right={"each sample scaled": lambda: _aris("restandardised")},
)
def _check_5_1(answer):
    """give the five ARIs of the independent RFM table, one per seed 0 to 4"""
    aris = read(lambda a: pd.Series(a, dtype=float).to_numpy(), answer)
    require(
        aris.shape == (5,), f"Expected 5 ARIs, one per seed 0 to 4: not {aris.shape}."
    )
    if not (_like(aris, "scaled") or _like(aris, "restandardised")):
        same = _like(aris, "scaled", lambda a, b: (a == b).mean())
        require(
            not same,
            "These are shares of equal cluster numbers, but the numbers "
            "are arbitrary: compare the groupings with `adjusted_rand_score`.",
        )
        require(
            not _like(aris, "unscaled"), "This looks like the unscaled table: scale."
        )
        require(
            aris.max() > 0.2,
            "ARIs near 0: compare with the full fit's labels "
            "of the *same* customers, `random_labels[rows]`.",
        )
        require(
            False,
            "Not the expected ARIs: sample with `random_state=seed` and fit "
            "`KMeans(n_clusters=4, **KMEANS)` on the standardised rows.",
        )
    return (
        "Right: on data with no segments, every sample's clusters agree closely with "
        f"the full fit's (ARI {aris.min():.2f} to {aris.max():.2f})."
    )


@checks(
    "5.2",
    hints=[
        "The recipe's steps without the `Gender` column: select the three other "
        "columns of `customers` (not the ID), standardise them, fit, and crosstab "
        "the labels against `customers[GENDER_COLUMN]` as the critique did.",
        "`StandardScaler().fit_transform(customers[[AGE_COLUMN, INCOME_COLUMN, "
        "SCORE_COLUMN]])`, then `silhouette_score(X, labels)` for the mean "
        "silhouette. To see why the two scores are not comparable, score each "
        "clustering in the *other* space as well: `silhouette_score(X_recipe, "
        "your_labels)`.",
    ],
    model=lambda: _customers_5_2()[1],
    wrong={
        "still uses gender": lambda: _fit05(
            _std(
                _customers_5_2()[0][THREE].assign(
                    male=_customers_5_2()[0][GENDER_COLUMN] == "Male"
                )
            ),
            6,
        ),
        "the unscaled result": lambda: _fit05(_customers_5_2()[0][THREE], 6),
        "leave age out": lambda: _fit05(_std(_customers_5_2()[0][THREE[1:]]), 6),
        "Expected 6 clusters": lambda: _fit05(_std(_customers_5_2()[0][THREE]), 5),
        "not (1, 200)": lambda: _customers_5_2()[1][None, :],
    },
    also_right={
        "a fitted KMeans": lambda: KMeans(n_clusters=6, **KMEANS_05).fit(
            _std(_customers_5_2()[0][THREE])
        )
    },
)
def _check_5_2(answer):
    """give your K-Means labels for age, income and score, one per customer"""
    customers, expected = _customers_5_2()
    labels = require_labels(answer, expected)
    if not same_grouping(labels, expected):
        male = customers[GENDER_COLUMN] == "Male"
        for X, why in [
            (
                _std(customers[THREE].assign(male=male)),
                "This still uses gender: drop it.",
            ),
            (customers[THREE], "This looks like the unscaled result: standardise."),
            (_std(customers[THREE[1:]]), "These leave age out: keep it."),
        ]:
            require(not same_grouping(labels, _fit05(X, 6)), why)
        require(False, "Not the expected clusters: check the columns and KMEANS.")
    by_gender = pd.crosstab(expected, customers[GENDER_COLUMN].to_numpy())
    single = (by_gender == 0).any(axis=1).sum()
    return f"Right: without gender, {single} of the 6 clusters hold one gender only."


def _rfm_table(seed, scaled=True):
    table = make_random_rfm(random_state=seed)[list(RFM_COLUMNS)].to_numpy(float)
    return _std(table) if scaled else table


@cache
def _silhouette(X_key, k):
    """The lesson's `silhouette_curve` at K (three starts): X_key is (seed, how)."""
    X = _curve_data(*X_key)
    labels = KMeans(n_clusters=k, random_state=MODEL_SEED, n_init=3).fit_predict(X)
    return silhouette_score(X, labels)


@cache
def _curve_data(seed, how):
    if how != "shuffled":
        return _rfm_table(seed, scaled=how == "scaled")
    rng = np.random.default_rng(seed)  # the lesson draws its own baselines
    return np.column_stack([rng.permutation(c) for c in _rfm_table(seed).T])


def _curves(how="scaled"):
    """{seed: curve} for seeds 1, 2 and 3, as the solution makes them (``how``:
    "scaled", or the typical mistakes "shuffled" and "unscaled")."""
    return {
        seed: pd.Series({k: _silhouette((seed, how), k) for k in range(2, 11)})
        for seed in (1, 2, 3)
    }


@checks(
    "5.3",
    hints=[
        "Loop over the seeds; in each, make the table, standardise its three "
        "`RFM_COLUMNS`, and compute two curves: the data's and a shuffled copy's. "
        "Keep the data's curves in a dict by seed.",
        "Make `rng = np.random.default_rng(1)` once, before the loop; "
        "`silhouette_curve(X)` and `silhouette_curve(shuffled(X, rng))` give the "
        "two curves, `curve.idxmax()` the K of the peak, and `curve[k] - "
        "baseline[k]` the margin at that K.",
    ],
    model=_curves,
    wrong={
        "not a shuffled copy": lambda: _curves("shuffled"),
        "is not the silhouette of the table": lambda: _curves("unscaled"),
        "index the curve by K = 2..10": lambda: {
            seed: curve.to_list() for seed, curve in _curves().items()
        },
        "one curve for each seed 1, 2 and 3": lambda: dict(
            enumerate(_curves().values())
        ),
    },
)
def _check_5_3(answer):
    """give the data's silhouette curves as a dict {seed: curve} for seeds 1, 2, 3"""
    curves = read(
        lambda a: {seed: pd.Series(c, dtype=float) for seed, c in dict(a).items()},
        answer,
    )
    require(sorted(curves) == [1, 2, 3], "Give one curve for each seed 1, 2 and 3.")
    for seed, curve in curves.items():
        require(
            list(curve.index) == list(range(2, 11)),
            f"Seed {seed}: index the curve by K = 2..10, as `silhouette_curve` does.",
        )
        k = curve.idxmax()
        require(
            abs(curve[k] - _silhouette((seed, "scaled"), k)) < 6e-4,
            f"Seed {seed}: your peak at K = {k} is not the silhouette of the table there:"
            " pass its standardised columns (not a shuffled copy) to `silhouette_curve`.",
        )
    peaks = ", ".join(f"K = {c.idxmax()} ({c.max():.3f})" for c in curves.values())
    return f"Right: the three curves peak at {peaks}; now set each beside its baseline."
