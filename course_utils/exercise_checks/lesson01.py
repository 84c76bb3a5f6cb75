"""The checks of lesson 01's exercises (scaling and encoding)."""

from functools import cache

import numpy as np
import pandas as pd
from sklearn.cluster import KMeans
from sklearn.preprocessing import StandardScaler

from course_utils.datasets import AGE, INCOME, make_age_income_customers
from course_utils.exercises import (
    checks,
    read,
    require,
    require_labels,
    same_grouping,
)
from course_utils.settings import DATA_SEED, KMEANS_N_INIT, MODEL_SEED

KMEANS_01 = {"n_clusters": 4, "random_state": MODEL_SEED, "n_init": KMEANS_N_INIT}
WEIGHTS = (1, 0.75, 0.5, 0.25)


@cache
def _lesson01():
    """The lesson's age and income, and the random gender it gives the customers."""
    customers = make_age_income_customers(random_state=DATA_SEED)
    gender = np.random.default_rng(0).choice(["Female", "Male"], size=len(customers))
    return customers[[AGE, INCOME]].to_numpy(), pd.Series(gender)


def _fit01(*columns, k=4):
    return KMeans(**{**KMEANS_01, "n_clusters": k}).fit_predict(
        np.column_stack(columns)
    )


def _n_single(labels, gender) -> int:
    return (pd.crosstab(labels, gender.to_numpy()) == 0).any(axis=1).sum()


@cache
def _data01():
    """The lesson's scaled age and income, one-hot gender, and the scaled three columns."""
    X, gender = _lesson01()
    X_gender = StandardScaler().fit_transform(np.column_stack([X, gender == "Male"]))
    return StandardScaler().fit_transform(X), pd.get_dummies(gender), X_gender


def _flags(income, upper=True):
    q1, q3 = income.quantile([0.25, 0.75])
    return (income > q3 + 3 * (q3 - q1)) if upper else (income < q1 - 3 * (q3 - q1))


def _millionaire_income():
    return pd.Series([*_lesson01()[0][:, 1], 1_000_000])


@cache
def _single_counts(every_column=False):
    """Single-gender clusters per weight of the scaled gender column (or of all)."""
    X_gender, gender = _data01()[2], _lesson01()[1]
    weigh = (lambda w: [w, w, w]) if every_column else (lambda w: [1, 1, w])
    return {w: _n_single(_fit01(X_gender * weigh(w)), gender) for w in WEIGHTS}


@checks(
    "1.1",
    hints=[
        "The one-hot columns stay 0 or 1 (*not* scaled), while age and income are "
        "in standard deviations: put them side by side with `pd.concat([X_std, "
        "...], axis=1)`.",
        '`OneHotEncoder(sparse_output=False).fit_transform(customers[["Gender"]])` '
        '(or `pd.get_dummies(customers["Gender"], dtype=int)`) makes the two '
        "columns. Count the single-gender clusters as the lesson did: `(crosstab == "
        "0).any(axis=1).sum()`.",
    ],
    model=lambda: _fit01(*_data01()[:2]),
    wrong={
        "the unscaled result": lambda: _fit01(_lesson01()[0], _data01()[1]),
        "the scaled gender column": lambda: _fit01(_data01()[2]),
        "leave gender out": lambda: _fit01(_data01()[0]),
        "Expected 4 clusters": lambda: _fit01(*_data01()[:2], k=3),
        "not (1, 300)": lambda: _fit01(*_data01()[:2])[None, :],
    },
    also_right={
        "a fitted KMeans": lambda: KMeans(**KMEANS_01).fit(
            np.column_stack(_data01()[:2])
        )
    },
)
def _check_1_1(answer):
    """give your K-Means labels, one per customer (or the fitted KMeans)"""
    X, gender = _lesson01()
    X_std, one_hot, X_gender = _data01()
    expected = _fit01(X_std, one_hot)
    labels = require_labels(answer, expected)
    if not same_grouping(labels, expected):
        for wrong_data, why in [
            ([X, one_hot], "This looks like the unscaled result: use `X_std`."),
            ([X_gender], "This is the scaled gender column: use unscaled one-hot."),
            ([X_std], "These clusters leave gender out: add the one-hot columns."),
        ]:
            require(not same_grouping(labels, _fit01(*wrong_data)), why)
        require(False, "Not the model answer's clusters: check the features and K.")
    return f"Right: {_n_single(expected, gender)} of the 4 clusters are single-gender."


@checks(
    "1.2",
    hints=[
        "Take the income column of `with_millionaire`, its quartiles `q1, q3 = "
        "income.quantile([0.25, 0.75])`, and the limit `q3 + 3 * (q3 - q1)`.",
        "`flagged = income > limit` holds one True/False per customer, and "
        "`with_millionaire[~flagged]` keeps the others: fit each scaler on those.",
    ],
    model=lambda: _flags(_millionaire_income()),
    wrong={
        "the customers to *keep*": lambda: ~_flags(_millionaire_income()),
        "You missed 1 customer(s)": lambda: _flags(_millionaire_income(), upper=False),
        "got shape (300,)": lambda: _flags(pd.Series(_lesson01()[0][:, 1])),
        "True/False values": lambda: _flags(_millionaire_income()).astype(int),
    },
)
def _check_1_2(answer):
    """give `flagged`, one True/False per customer of `with_millionaire`"""
    expected = _flags(_millionaire_income()).to_numpy()
    flagged = read(np.asarray, answer)
    n = f"{len(expected)} True/False values (one per customer of `with_millionaire`)"
    require(
        flagged.shape == expected.shape, f"Expected {n}; got shape {flagged.shape}."
    )
    require(flagged.dtype == bool, f"Expected {n}, such as `income > limit`.")
    require(any(flagged != ~expected), "You flagged the customers to *keep*: flip it.")
    missed, extra = (expected & ~flagged).sum(), (flagged & ~expected).sum()
    require(
        missed == extra == 0,
        f"You missed {missed} customer(s) the rule flags and "
        f"flagged {extra} it does not: the limit is q3 + 3 × (q3 − q1).",
    )
    return f"Right: the rule flags {expected.sum()} customer, the millionaire."


@checks(
    "1.3",
    hints=[
        '`X_gender_std.assign(male=w * X_gender_std["male"])` weighs the gender '
        "column by `w` and leaves age and income as they are.",
        "Loop over the four weights: fit `KMeans(**KMEANS)`, crosstab the labels by "
        '`customers["Gender"]`, count the rows with a zero, and keep the counts in '
        "a dict `{w: count}`.",
    ],
    model=_single_counts,
    wrong={
        "*mixed*": lambda: {w: 4 - n for w, n in _single_counts().items()},
        "*every* column": lambda: _single_counts(every_column=True),
        "weight(s) [0.5]": lambda: {**_single_counts(), 0.5: 1},
        "a count for each weight": lambda: {1: 4, 0.75: 4},
    },
)
def _check_1_3(answer):
    """give the number of single-gender clusters for each weight, as a dict or Series
    {1: ..., 0.75: ..., 0.5: ..., 0.25: ...}"""
    weights, expected = WEIGHTS, _single_counts()
    given = read(lambda a: {float(w): int(n) for w, n in dict(a).items()}, answer)
    require(set(weights) <= set(given), f"Give a count for each weight {weights}.")
    mixed = {w: KMEANS_01["n_clusters"] - n for w, n in expected.items()}
    require(
        any(given[w] != mixed[w] for w in weights),
        "These count the *mixed* "
        "clusters; single-gender ones have a zero in their crosstab row.",
    )
    require(
        len({given[w] for w in weights}) > 1 or expected[1] != given[0.25],
        "Multiplying *every* column by w changes nothing: weigh gender only.",
    )
    wrong = [w for w in weights if given[w] != expected[w]]
    require(not wrong, f"Not the expected count for the weight(s) {wrong}.")
    first = next(w for w in weights if expected[w] == 0)
    return f"Right: gender stops splitting the clusters at a weight of {first}."
