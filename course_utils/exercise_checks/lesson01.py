"""The checks of lesson 01's exercises (scaling and encoding)."""

from functools import cache

import numpy as np
import pandas as pd
from sklearn.cluster import KMeans
from sklearn.preprocessing import StandardScaler

from course_utils.datasets import AGE, INCOME, make_age_income_customers
from course_utils.exercises import checks, require, require_labels, same_grouping

KMEANS_01 = {"n_clusters": 4, "random_state": 0, "n_init": 10}


@cache
def _lesson01():
    """The lesson's age and income, and the random gender it gives the customers."""
    customers = make_age_income_customers(random_state=42)
    gender = np.random.default_rng(0).choice(["Female", "Male"], size=len(customers))
    return customers[[AGE, INCOME]].to_numpy(), pd.Series(gender)


def _fit01(*columns):
    return KMeans(**KMEANS_01).fit_predict(np.column_stack(columns))


def _n_single(labels, gender) -> int:
    return (pd.crosstab(labels, gender.to_numpy()) == 0).any(axis=1).sum()


@checks("1.1")
def _check_1_1(answer):
    """give your K-Means labels, one per customer (or the fitted KMeans)"""
    X, gender = _lesson01()
    X_std, one_hot = StandardScaler().fit_transform(X), pd.get_dummies(gender)
    expected = _fit01(X_std, one_hot)
    labels = require_labels(answer, expected)
    if not same_grouping(labels, expected):
        X_gender = StandardScaler().fit_transform(np.column_stack([X, one_hot.Male]))
        for wrong_data, why in [
            ([X, one_hot], "This looks like the unscaled result: use `X_std`."),
            ([X_gender], "This is the scaled gender column: use unscaled one-hot."),
            ([X_std], "These clusters leave gender out: add the one-hot columns."),
        ]:
            require(not same_grouping(labels, _fit01(*wrong_data)), why)
        require(False, "Not the model answer's clusters: check the features and K.")
    return f"Right: {_n_single(expected, gender)} of the 4 clusters are single-gender."


@checks("1.2")
def _check_1_2(answer):
    """give `flagged`, one True/False per customer of `with_millionaire`"""
    income = pd.Series([*_lesson01()[0][:, 1], 1_000_000])
    q1, q3 = income.quantile([0.25, 0.75])
    expected, flagged = (income > q3 + 3 * (q3 - q1)).to_numpy(), np.asarray(answer)
    n = f"{len(income)} True/False values (one per customer of `with_millionaire`)"
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


@checks("1.3")
def _check_1_3(answer):
    """give the number of single-gender clusters for each weight, as a dict or Series
    {1: ..., 0.75: ..., 0.5: ..., 0.25: ...}"""
    X, gender = _lesson01()
    X_gender = StandardScaler().fit_transform(np.column_stack([X, gender == "Male"]))
    weights = (1, 0.75, 0.5, 0.25)
    expected = {w: _n_single(_fit01(X_gender * [1, 1, w]), gender) for w in weights}
    given = {float(w): int(n) for w, n in dict(answer).items()}
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
