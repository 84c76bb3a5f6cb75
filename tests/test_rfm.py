"""RFM example data: independent columns give a low silhouette band, real groups a clear peak.

Whether the independent table's small peak clears a shuffled baseline is a claim of lesson 5,
checked in tests/test_lesson05_claims.py.
"""

import numpy as np
import pandas as pd
import pytest
from scipy.stats import spearmanr
from sklearn.cluster import KMeans
from sklearn.metrics import adjusted_rand_score, silhouette_score
from sklearn.preprocessing import StandardScaler

from course_utils.rfm import (
    FREQUENCY,
    GROUP_COLUMN,
    MONETARY,
    RECENCY,
    RFM_COLUMNS,
    RFM_GROUPS,
    make_grouped_rfm,
    make_random_rfm,
)

K_VALUES = range(2, 9)


def scaled(table):
    return StandardScaler().fit_transform(table[list(RFM_COLUMNS)])


def silhouettes(X):
    return {
        k: silhouette_score(X, KMeans(k, n_init=10, random_state=0).fit_predict(X))
        for k in K_VALUES
    }


@pytest.fixture(scope="module")
def random_curve():
    return silhouettes(scaled(make_random_rfm()))


@pytest.fixture(scope="module")
def grouped_curve():
    return silhouettes(scaled(make_grouped_rfm()))


def check_columns(table):
    assert list(table.columns[:3]) == list(RFM_COLUMNS)
    assert table[RECENCY].dtype == np.int64 and table[FREQUENCY].dtype == np.int64
    assert (table[RECENCY] >= 1).all() and (table[FREQUENCY] >= 1).all()
    assert (table[MONETARY] > 0).all()
    assert np.allclose(table[MONETARY], table[MONETARY].round(2))


def test_random_rfm_columns_and_independence():
    table = make_random_rfm()
    assert len(table) == 500 and list(table.columns) == list(RFM_COLUMNS)
    check_columns(table)
    # independent draws: rank correlations stay within sampling noise (about 0.045 for n=500)
    for i, a in enumerate(RFM_COLUMNS):
        for b in RFM_COLUMNS[i + 1 :]:
            assert abs(spearmanr(table[a], table[b]).statistic) < 0.15, (a, b)


def test_random_rfm_silhouette_stays_in_a_low_band(random_curve, grouped_curve):
    values = np.array(list(random_curve.values()))
    # about a quarter for every K: a narrow, low band, far below the real groups' peak
    assert values.min() > 0.2 and values.max() < 0.32
    assert values.max() - values.min() < 0.07
    assert max(grouped_curve.values()) - values.max() > 0.3


@pytest.mark.parametrize("seed", [0, 1])
def test_the_low_band_is_not_luck_of_one_seed(seed):
    values = np.array(list(silhouettes(scaled(make_random_rfm(300, seed))).values()))
    assert values.min() > 0.18 and values.max() < 0.34
    assert values.max() - values.min() < 0.08


def test_grouped_rfm_has_a_clear_peak_at_its_true_k(grouped_curve):
    true_k = len(RFM_GROUPS)
    ranked = sorted(grouped_curve, key=grouped_curve.get, reverse=True)
    assert ranked[0] == true_k
    assert grouped_curve[true_k] > 0.6
    assert grouped_curve[true_k] - grouped_curve[ranked[1]] > 0.05


def test_grouped_rfm_k4_recovers_the_groups():
    table = make_grouped_rfm()
    check_columns(table)
    counts = table[GROUP_COLUMN].value_counts()
    assert sorted(counts.index) == sorted(group.name for group in RFM_GROUPS)
    assert set(counts) == {125}
    labels = KMeans(len(RFM_GROUPS), n_init=10, random_state=0).fit_predict(
        scaled(table)
    )
    assert adjusted_rand_score(table[GROUP_COLUMN], labels) > 0.95
    means = table.groupby(GROUP_COLUMN)[list(RFM_COLUMNS)].mean()
    for group in RFM_GROUPS:
        assert means.loc[group.name, RECENCY] == pytest.approx(
            group.recency[0], rel=0.15
        )
        assert means.loc[group.name, MONETARY] == pytest.approx(
            group.monetary[0], rel=0.15
        )


def test_uneven_sizes_and_determinism():
    table = make_grouped_rfm(n_customers=102, random_state=3)
    assert table[GROUP_COLUMN].value_counts().sort_values().tolist() == [25, 25, 26, 26]
    pd.testing.assert_frame_equal(
        table, make_grouped_rfm(n_customers=102, random_state=3)
    )
    pd.testing.assert_frame_equal(make_random_rfm(50, 7), make_random_rfm(50, 7))
    assert not make_random_rfm(50, 7).equals(make_random_rfm(50, 8))
