"""Lesson 05's exercises: each check passes the model answer and fails typical wrong
answers with the message meant for them.

The mall check (5.2) recomputes from the lesson's loader, so it is tested on the file the
project loads (the replica, unless data/Mall_Customers.csv was saved) and on the real
Kaggle file kept beside the project (skipped when absent, except in CI). The RFM checks
(5.1, 5.3) use the course's synthetic tables, the same on both.
"""

import os
from functools import cache
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from exercise_testing import (  # noqa: F401 (the tests run here, with this lesson's cases)
    test_a_typical_wrong_answer_fails_with_its_message,
    test_the_model_answer_passes,
    verdict,
)
from sklearn.cluster import KMeans
from sklearn.metrics import adjusted_rand_score, silhouette_score
from sklearn.preprocessing import StandardScaler

from course_utils.exercise_checks import lesson05
from course_utils.mall import (
    AGE_COLUMN,
    GENDER_COLUMN,
    ID_COLUMN,
    INCOME_COLUMN,
    SCORE_COLUMN,
)
from course_utils.mall_loader import load_mall_customers
from course_utils.rfm import RFM_COLUMNS, make_random_rfm

ROOT = Path(__file__).resolve().parents[1]
REAL_FILE = ROOT.parent / "shared" / "data" / "Mall_Customers.csv"
KMEANS = {"random_state": 0, "n_init": 10}
THREE = [AGE_COLUMN, INCOME_COLUMN, SCORE_COLUMN]


def lesson_data(customers) -> dict:
    """What lesson 05 has made by its exercises, from the customers it loaded."""
    male = (customers[GENDER_COLUMN] == "Male").astype(int)
    recipe = customers.drop(columns=ID_COLUMN).assign(**{GENDER_COLUMN: male})
    random_rfm = make_random_rfm(n_customers=500, random_state=42)
    X_random = StandardScaler().fit_transform(random_rfm[list(RFM_COLUMNS)])
    return {
        "customers": customers,
        "X_recipe": StandardScaler().fit_transform(recipe),
        "random_rfm": random_rfm,
        "X_random": X_random,
        "random_labels": KMeans(n_clusters=4, **KMEANS).fit_predict(X_random),
    }


@cache
def LESSON() -> dict:  # noqa: N802 (what exercise_testing calls)
    return lesson_data(load_mall_customers())


# --- 5.1: the five ARIs of the independent RFM table ---------------------------------


def rfm_aris(lesson, seeds=range(5), score=adjusted_rand_score, how="scaled"):
    """Each sample's refit against the full fit, as the solution cell makes them; `how`
    makes a typical mistake: "restandardised" (each sample scaled on its own, also
    right), "unscaled" (the raw table), "misaligned" (the first rows of the full fit)."""
    rfm, X, full = lesson["random_rfm"], lesson["X_random"], lesson["random_labels"]
    if how == "unscaled":
        X = rfm[list(RFM_COLUMNS)].to_numpy(float)
        full = KMeans(n_clusters=4, **KMEANS).fit_predict(X)
    aris = []
    for seed in seeds:
        rows = rfm.sample(frac=0.8, random_state=seed).index
        X_rows = (
            StandardScaler().fit_transform(X[rows])
            if how == "restandardised"
            else X[rows]
        )
        again = KMeans(n_clusters=4, **KMEANS).fit_predict(X_rows)
        aris.append(
            score(full[: len(rows)] if how == "misaligned" else full[rows], again)
        )
    return aris


def same_numbers(a, b):
    return (a == b).mean()


# --- 5.2: K = 6 on age, income and score -------------------------------------------


def fit6(lesson, columns=THREE, scale=True, n_clusters=6):
    X = lesson["customers"][columns].to_numpy(float)
    X = StandardScaler().fit_transform(X) if scale else X
    return KMeans(n_clusters=n_clusters, **KMEANS).fit_predict(X)


def recipe_labels(lesson):
    return KMeans(n_clusters=6, **KMEANS).fit_predict(lesson["X_recipe"])


# --- 5.3: the silhouette curves of three more independent RFM tables -----------------


def silhouette_curve(X):
    """The lesson's function: mean silhouette of K-Means for K = 2..10, n_init=3."""
    return {
        k: silhouette_score(
            X, KMeans(n_clusters=k, random_state=0, n_init=3).fit_predict(X)
        )
        for k in range(2, 11)
    }


@cache
def rfm_curves(what="data") -> dict:
    """{seed: curve} for seeds 1, 2, 3: of the standardised tables ("data"), of their
    shuffled copies ("shuffled", as the solution draws them) or of the raw tables."""
    rng, curves = np.random.default_rng(1), {}
    for seed in (1, 2, 3):
        table = make_random_rfm(random_state=seed)[list(RFM_COLUMNS)].to_numpy(float)
        X = table if what == "unscaled" else StandardScaler().fit_transform(table)
        if what == "shuffled":
            X = np.column_stack([rng.permutation(column) for column in X.T])
        curves[seed] = silhouette_curve(X)
    return {seed: pd.Series(curve) for seed, curve in curves.items()}


# the model answer of each exercise, made as the lesson's solution cell makes it
MODEL_ANSWERS = {
    "5.1": rfm_aris,
    "5.2": fit6,
    "5.3": lambda lesson: rfm_curves(),
}

# typical wrong answers: (exercise, the wrong answer, words the message must contain)
WRONG_ANSWERS = [
    (
        "5.1",
        lambda d: rfm_aris(d, score=same_numbers),
        "shares of equal cluster numbers",
    ),
    ("5.1", lambda d: rfm_aris(d, how="unscaled"), "the unscaled table"),
    ("5.1", lambda d: rfm_aris(d, how="misaligned"), "the *same* customers"),
    ("5.1", lambda d: rfm_aris(d, seeds=range(1, 6)), "Not the expected ARIs"),
    ("5.1", lambda d: rfm_aris(d, seeds=range(4)), "Expected 5 ARIs"),
    ("5.2", recipe_labels, "still uses gender"),
    ("5.2", lambda d: fit6(d, scale=False), "the unscaled result"),
    ("5.2", lambda d: fit6(d, columns=THREE[1:]), "leave age out"),
    ("5.2", lambda d: fit6(d, n_clusters=5), "Expected 6 clusters"),
    ("5.2", lambda d: fit6(d)[None, :], "not (1, 200)"),
    ("5.3", lambda d: rfm_curves("shuffled"), "not a shuffled copy"),
    ("5.3", lambda d: rfm_curves("unscaled"), "peak at K = 2 is not the silhouette"),
    (
        "5.3",
        lambda d: {s: c.to_list() for s, c in rfm_curves().items()},
        "index the curve by K = 2..10",
    ),
    (
        "5.3",
        lambda d: dict(enumerate(rfm_curves().values())),
        "one curve for each seed 1, 2 and 3",
    ),
]


def test_5_1_each_sample_scaled_on_its_own_passes_too(capsys):
    right, said = verdict(capsys, "5.1", rfm_aris(LESSON(), how="restandardised"))
    assert right is True, said


def test_5_1_says_how_closely_the_samples_agree(capsys):
    aris = rfm_aris(LESSON())
    assert min(aris) >= 0.85  # the solution's comment: "ARI 0.85 or more"
    assert verdict(capsys, "5.1", np.round(aris, 2))[1] == (
        "✔ Right: on data with no segments, every sample's clusters agree closely "
        f"with the full fit's (ARI {min(aris):.2f} to {max(aris):.2f})."
    )


def test_5_2_says_how_many_clusters_are_single_gender(capsys):
    assert verdict(capsys, "5.2", fit6(LESSON()))[1] == (
        "✔ Right: without gender, 0 of the 6 clusters hold one gender only."
    )
    fitted = KMeans(n_clusters=6, **KMEANS).fit(
        StandardScaler().fit_transform(LESSON()["customers"][THREE])
    )
    assert verdict(capsys, "5.2", fitted)[0] is True, "a fitted KMeans is an answer too"


def test_5_3_says_where_the_curves_peak(capsys):
    peaks = ", ".join(
        f"K = {c.idxmax()} ({c.max():.3f})" for c in rfm_curves().values()
    )
    assert verdict(capsys, "5.3", rfm_curves())[1] == (
        f"✔ Right: the three curves peak at {peaks}; now set each beside its baseline."
    )


# --- 5.2 on the real Kaggle file -----------------------------------------------------


@cache
def REAL_LESSON() -> dict:  # noqa: N802
    return lesson_data(load_mall_customers(REAL_FILE))


@pytest.fixture
def real_file(monkeypatch):
    """The checks read the real file, as in a lesson run where it is saved in data/."""
    if not REAL_FILE.is_file():
        message = f"no real Mall_Customers.csv at {REAL_FILE}"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message + " (CI must test the checks on the real file)")
        pytest.skip(message)
    real = load_mall_customers(REAL_FILE)
    monkeypatch.setattr(lesson05, "load_mall_customers", lambda: real)
    lesson05._customers_5_2.cache_clear()
    yield REAL_LESSON()
    lesson05._customers_5_2.cache_clear()


def test_5_2_on_the_real_file_passes_its_model_answer(capsys, real_file):
    assert verdict(capsys, "5.2", fit6(real_file))[1] == (
        "✔ Right: without gender, 0 of the 6 clusters hold one gender only."
    )


@pytest.mark.parametrize(
    "make_answer, words",
    [(make, words) for number, make, words in WRONG_ANSWERS if number == "5.2"],
    ids=[words for number, _, words in WRONG_ANSWERS if number == "5.2"],
)
def test_5_2_on_the_real_file_fails_a_wrong_answer(
    capsys, real_file, make_answer, words
):
    right, said = verdict(capsys, "5.2", make_answer(real_file))
    assert right is False and words in said, said


def test_5_2_checks_against_the_file_it_loaded(capsys, real_file):
    """The replica's model answer is not the real file's: the check read the real file."""
    if LESSON()["customers"].attrs["source"] == "original":
        pytest.skip("the project loads the real file too (data/Mall_Customers.csv)")
    right, said = verdict(capsys, "5.2", fit6(LESSON()))
    assert right is False, said
