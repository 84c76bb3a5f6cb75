"""The claims lesson 01's prose makes, checked against what the committed lesson printed.

Strict nbval re-executes the lesson and fails when a fresh run prints anything else, so these
are claims about a fresh run. Each test reads printed lines with ``printed_value`` (which
fails when a line is missing or printed twice) and checks what the prose says about them.
"""

from __future__ import annotations

import pandas as pd
import pytest
from notebook_outputs import lesson_notebook, printed_text, printed_value
from scipy.spatial.distance import pdist

from course_utils.datasets import AGE, INCOME, make_age_income_customers

NUMBER = r"(-?[0-9.]+(?:e[-+]?\d+)?)"


@pytest.fixture(scope="module")
def text() -> str:
    return printed_text(lesson_notebook("01_scaling_encoding"))


def value(text: str, pattern: str) -> float:
    return float(printed_value(text, pattern))


def test_ben_is_closer_to_ana_than_cleo(text):
    """'To the formula, Ben ... is Ana's near twin': Ana-Ben is the shorter distance."""
    ana_ben = value(text, rf"^distance Ana-Ben:\s+{NUMBER}")
    ana_cleo = value(text, rf"^distance Ana-Cleo:\s+{NUMBER}")
    assert ana_ben < ana_cleo


def test_age_weighs_under_a_millionth_on_average_but_not_for_every_pair(text):
    """On average well under a millionth; the median pair too; Ana and Ben far more."""
    average = value(text, rf"raw units: age {NUMBER},")
    median = value(text, rf"^median pair\s+{NUMBER}$")
    p99 = value(text, rf"^99th percentile\s+{NUMBER}$")
    largest = value(text, rf"^largest\s+{NUMBER}$")
    ana_ben = value(text, rf"^Ana and Ben: age's share {NUMBER}$")
    assert average < 1e-6 and median < 1e-6
    assert p99 < 0.0004
    assert ana_ben > 1000 * average, "'thousands of times the average'"
    assert largest > 0.5, "'most of the distance' for the most similar incomes"


def test_the_largest_age_share_is_the_pair_with_the_most_similar_incomes():
    """The prose places the largest share at the pair with the most similar incomes."""
    customers = make_age_income_customers(random_state=42)
    squared = pd.DataFrame(
        {f: pdist(customers[[f]], "sqeuclidean") for f in (AGE, INCOME)}
    )
    age_share = squared[AGE] / squared.sum(axis=1)
    assert age_share.idxmax() == squared[INCOME].idxmin()


def test_income_separates_every_pair_of_neighbouring_segments_better(text):
    wider = printed_value(
        text, r"^neighbours further apart in income than in age: (\d+ of \d+)$"
    )
    n, of = wider.split(" of ")
    assert n == of


def test_raw_beats_standardised_and_equals_income_alone(text):
    """'Scaling does worse on these customers'; raw K-Means is K-Means on income alone."""
    raw = value(text, rf"^raw\s+{NUMBER}$")
    standardised = value(text, rf"^standardised\s+{NUMBER}$")
    age_alone = value(text, rf"^age alone\s+{NUMBER}$")
    income_alone = value(text, rf"^income alone\s+{NUMBER}$")
    assert raw > standardised
    assert income_alone > age_alone
    assert value(text, rf"^raw vs income alone: ARI {NUMBER}$") == 1.0


def test_units_choose_the_weights(text):
    """In $ millions K-Means clusters by age alone; in k$ it scores best of all."""
    millions_share = value(text, rf"^raw, income in \$ millions: age's share {NUMBER},")
    millions_ari = value(text, rf"^raw, income in \$ millions: .*ARI {NUMBER}$")
    age_alone = value(text, rf"^age alone\s+{NUMBER}$")
    assert millions_share > 0.999
    assert millions_ari == age_alone, "'the ARI drops to that of age alone'"
    ratio = value(text, rf"^income in k\$: income weighs {NUMBER} times as much")
    assert 3.5 <= ratio <= 4.5, "'about four times as much as age'"
    assert printed_value(text, r"^best ARI: (.+)$") == "raw, income in k$"
    standardised = value(text, rf"^standardised\s+{NUMBER}$")
    raw = value(text, rf"^raw\s+{NUMBER}$")
    assert millions_ari < standardised < raw


def test_what_one_outlier_does_to_each_scaler(text):
    """MinMax is the most fragile, Standard loses more than half, Robust keeps its spread."""
    kept = {
        scaler: value(text, rf"^{scaler}\s+the ordinary incomes keep\s+{NUMBER}%")
        for scaler in ("StandardScaler", "MinMaxScaler", "RobustScaler")
    }
    assert kept["MinMaxScaler"] < kept["StandardScaler"] < 50
    assert kept["RobustScaler"] > 99


def test_every_scaler_spends_a_cluster_on_the_millionaire(text):
    """Without the outlier rule of exercise 1.2 the smallest cluster is the millionaire."""
    smallest = [
        int(size)
        for size in pd.Series(text.splitlines())
        .str.extract(r"^\w+Scaler\s+smallest cluster: (\d+) customer", expand=False)
        .dropna()
    ]
    assert len(smallest) == 6, "three scalers in the lesson, three in exercise 1.2"
    assert smallest[:3] == [1, 1, 1]
    assert min(smallest[3:]) > 1, "once the millionaire is dropped, no lone cluster"
    assert printed_value(text, r"^flagged (\d+) customer") == "1"


def test_the_scaled_gender_gap(text):
    gap = value(text, rf"^gap between women and men after scaling: {NUMBER}")
    assert gap >= 2


def test_the_gender_trap_and_what_helps(text):
    """Scaled gender: every cluster single-gender; left out: none; one-hot unscaled: 2 of 4
    (the takeaway's number); a weight of 0.5 or less: none (exercise 1.3)."""
    scaled = printed_value(text, r"^single-gender clusters with scaled gender: (.+)$")
    left_out = printed_value(text, r"^single-gender clusters without gender: (.+)$")
    one_hot = printed_value(
        text, r"^single-gender clusters with unscaled one-hot gender: (.+)$"
    )
    n, of = scaled.split(" of ")
    assert n == of
    assert left_out.startswith("0 of")
    assert one_hot == "2 of 4"
    weights = dict(
        pd.Series(text.splitlines())
        .str.extract(r"^(1\.00|0\.75|0\.50|0\.25)\s+(\d+)$")
        .dropna()
        .to_numpy()
    )
    assert weights == {"1.00": "4", "0.75": "4", "0.50": "0", "0.25": "0"}
