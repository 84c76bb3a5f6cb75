"""The checks of lesson 03's exercises (choosing K)."""

from functools import cache

import numpy as np
import pandas as pd
from kneed import KneeLocator
from sklearn.cluster import KMeans
from sklearn.metrics import silhouette_score
from sklearn.preprocessing import StandardScaler

from course_utils.datasets import (
    AGE,
    INCOME,
    make_age_income_customers,
    make_course_blobs,
)
from course_utils.exercises import checks, read, require
from course_utils.settings import DATA_SEED, KMEANS_N_INIT, MODEL_SEED


@cache
def _scores(data: str) -> pd.DataFrame:
    """Inertia and mean silhouette for K = 1..10, as the lesson's `scores_per_k`."""
    customers = make_age_income_customers(random_state=DATA_SEED)[
        [AGE, INCOME]
    ].to_numpy()
    X = {
        "square": lambda: np.random.default_rng(0).uniform(size=(300, 2)),
        "scaled": lambda: StandardScaler().fit_transform(customers),
        "unscaled": lambda: customers,
        "blobs": lambda: make_course_blobs()[0],
    }[data]()
    rows = {}
    for k in range(1, 11):
        model = KMeans(n_clusters=k, random_state=MODEL_SEED, n_init=KMEANS_N_INIT).fit(
            X
        )
        score = silhouette_score(X, model.labels_) if k > 1 else np.nan
        rows[k] = {"inertia": model.inertia_, "silhouette": score}
    return pd.DataFrame(rows).T


def _table(answer) -> pd.DataFrame:
    table = read(pd.DataFrame, answer)
    require(
        {"inertia", "silhouette"} <= set(table.columns),
        "Expected the columns `inertia` and `silhouette`, as `scores_per_k` makes them.",
    )
    return table


def _grid(data="scaled", short=0):
    knees = _knees(data, short).copy()
    return pd.DataFrame(knees, index=range(6, 11), columns=[1, 2])


def _same(table, expected) -> bool:
    """Whether a table's inertia and silhouette are the expected ones, K by K."""
    given = table[["inertia", "silhouette"]].to_numpy(dtype=float)
    return np.allclose(given, expected, rtol=1e-9, atol=1e-12, equal_nan=True)


@cache
def _knees(data: str, short: int = 0) -> np.ndarray:
    """The knee for each K range first..last, one row per last K, one column per first."""
    inertia = _scores(data)["inertia"]
    return np.array(
        [
            [
                KneeLocator(w.index, w, curve="convex", direction="decreasing").knee
                for w in [inertia.loc[first : last - short] for first in (1, 2)]
            ]
            for last in range(6, 11)
        ],
        dtype=float,
    )


@checks(
    "3.1",
    hints=[
        "Everything you need is already in the lesson: `scores_per_k` makes the "
        "table, `best_k` reads each score's pick from it, and `KneeLocator` finds "
        "the knee of its inertia column. Only the data are new.",
        "`square_scores = scores_per_k(square, range(1, 11))` (K = 1 is needed for "
        "the knee), then `KneeLocator(square_scores.index, "
        'square_scores["inertia"], curve="convex", direction="decreasing").knee`. '
        "To see how far the best silhouette stands above the others, print "
        '`square_scores["silhouette"].sort_values()`.',
    ],
    model=lambda: _scores("square"),
    wrong={
        "the knee needs K = 1 too": lambda: _scores("square").loc[2:],
        "the customers' scores": lambda: _scores("scaled"),
        "the blobs' scores": lambda: _scores("blobs"),
        "Not the square's scores": lambda: _scores("unscaled"),
        "Expected the columns": lambda: _scores("square")[["inertia"]],
    },
)
def _check_3_1(answer):
    """give `square_scores`, the table `scores_per_k` makes for the square, K = 1..10"""
    table, square = _table(answer), _scores("square")
    require(
        list(table.index) == list(range(1, 11)),
        f"Expected one row per K = 1..10 (the knee needs K = 1 too), not K = "
        f"{list(table.index)}.",
    )
    if not _same(table, square):  # which mistake? (computed only for a wrong answer)
        for data, whose in [("scaled", "the customers'"), ("blobs", "the blobs'")]:
            require(
                not _same(table, _scores(data)),
                f"These are {whose} scores: score the square.",
            )
        require(
            False, "Not the square's scores: `default_rng(0)`, 300 points, unscaled."
        )
    best = square["silhouette"].dropna().sort_values()
    return (
        f"Right: every K scores between {best.iloc[0]:.2f} and {best.iloc[-1]:.2f}; "
        f"the best, K = {best.index[-1]}, beats the next by {best.diff().iloc[-1]:.3f}."
    )


@checks(
    "3.2",
    hints=[
        "Lesson 1 showed what happens when one feature is measured in much larger "
        "units than the other: look at which feature the distances follow here.",
        "Pass `customers[[AGE, INCOME]]` to `scores_per_k`, without "
        '`StandardScaler`, for K = 2..10, and compare its `"silhouette"` column '
        'with `customer_scores["silhouette"]`.',
    ],
    model=lambda: _scores("unscaled").loc[2:],
    wrong={
        "This looks like the scaled result": lambda: _scores("scaled"),
        "a row for each K = 2..10": lambda: _scores("unscaled").loc[2:6],
        "age and income, both unscaled": lambda: _scores("square"),
    },
    also_right={"K from 1": lambda: _scores("unscaled")},
)
def _check_3_2(answer):
    """give `raw_scores`, the table `scores_per_k` makes for the unscaled customers"""
    table, ks = _table(answer), list(range(2, 11))
    found = list(table.index)
    require(set(ks) <= set(found), f"Expected a row for each K = 2..10, not {found}.")
    table = table.loc[ks]
    raw = _scores("unscaled")
    if not _same(table, raw.loc[ks]):
        require(
            not _same(table, _scores("scaled").loc[ks]),
            "This looks like the scaled result: score `customers[[AGE, INCOME]]` as is.",
        )
        require(False, "Not the scores of age and income, both unscaled.")
    scaled = _scores("scaled")
    return (
        f"Right: unscaled, the silhouette picks K = {raw['silhouette'].idxmax()} at "
        f"{raw['silhouette'].max():.2f}, above the scaled best of "
        f"{scaled['silhouette'].max():.2f}."
    )


@checks(
    "3.3",
    hints=[
        "A K range is a slice of the table: `customer_scores.loc[first:last, "
        '"inertia"]` (`.loc` includes both ends). Run `KneeLocator` on each slice.',
        "Two nested loops, `for first in (1, 2)` and `for last in range(6, 11)`, "
        "filling a dict `knees[(last, first)] = ...knee`; "
        "`pd.Series(knees).unstack()` turns it into a table with one row per last K "
        "and one column per first K.",
        'For the "why", look back at the lesson\'s `curve` table: Kneedle rescales '
        "both axes to run from 0 to 1 over the range it is given.",
    ],
    model=_grid,
    wrong={
        "Transposed": lambda: _grid().T,
        "the blobs' knees": lambda: _grid("blobs"),
        "one K short": lambda: _grid(short=1),
        "5 rows (last K)": lambda: _grid().iloc[1:],
        "(first K, last K) = [(1, 8)]": lambda: (
            _grid() + (np.outer(range(6, 11), [1, 0]) == 8)
        ),
    },
)
def _check_3_3(answer):
    """give `knee_grid`: one row per last K (6 to 10), one column per first K (1, 2)"""
    grid, expected = read(pd.DataFrame, answer), _knees("scaled")
    require(
        grid.shape != (2, 5), "Transposed: one row per last K, one column per first K."
    )
    require(
        grid.shape == (5, 2),
        f"Expected 5 rows (last K) and 2 columns (first K), not {grid.shape}.",
    )
    given = read(lambda g: g.to_numpy(dtype=float), grid)
    for wrong, why in [
        (_knees("blobs"), "These are the blobs' knees: use `customer_scores`."),
        (_knees("scaled", 1), "Each range stops one K short: `.loc` includes `last`."),
    ]:
        require(not np.array_equal(given, wrong, equal_nan=True), why)
    rows, columns = np.nonzero(given != expected)
    off = [(int(c) + 1, int(r) + 6) for r, c in zip(rows, columns, strict=True)]
    require(not off, f"Not the expected knee for (first K, last K) = {off}.")
    answers = sorted({int(k) for k in expected.ravel()})
    return f"Right: {len(answers)} different knees, K = {answers}, from the same fits."
