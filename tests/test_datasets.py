"""The course's data makers draw what their parameters say, and groups clustering can find
(what the lessons find on them is checked on the lessons' outputs, in test_claims.py)."""

from itertools import combinations

import numpy as np
import pytest
from scipy.stats import spearmanr
from sklearn.cluster import KMeans
from sklearn.metrics import adjusted_rand_score
from sklearn.preprocessing import StandardScaler

from course_utils import datasets, rfm
from course_utils.mall import INCOME_COLUMN, SCORE_COLUMN
from course_utils.mall_loader import load_mall_customers


def kmeans_labels(table, columns, k):
    X = StandardScaler().fit_transform(table[list(columns)])
    return KMeans(n_clusters=k, n_init=10, random_state=0).fit_predict(X)


def test_age_income_customers_follow_their_segments():
    df = datasets.make_age_income_customers(n_per_segment=4000, random_state=1)
    stats = df.groupby(datasets.SEGMENT).agg(["mean", "std"])
    for segment, (age, income, sd) in enumerate(datasets.AGE_INCOME_SEGMENTS):
        row = stats.loc[segment]
        assert row[datasets.AGE, "mean"] == pytest.approx(age, abs=0.5)
        assert row[datasets.AGE, "std"] == pytest.approx(sd, rel=0.05)
        assert row[datasets.INCOME, "mean"] == pytest.approx(income, abs=500)
        assert row[datasets.INCOME, "std"] == pytest.approx(1000 * sd, rel=0.05)
    # lesson 4 explains the mixture's win by it: the oldest segment twice as spread out
    ages = stats[datasets.AGE]
    oldest, youngest = ages["mean"].idxmax(), ages["mean"].idxmin()
    assert ages["std"][oldest] / ages["std"][youngest] == pytest.approx(2, rel=0.1)
    other_seed = datasets.make_age_income_customers(random_state=8)
    assert not datasets.make_age_income_customers(random_state=7).equals(other_seed)


def test_the_later_quarter_shifts_as_asked_and_keeps_scores_in_range():
    mall = load_mall_customers()
    kw = {"n_customers": 20_000, "random_state": 3}  # many customers, the same draws
    base = datasets.make_later_quarter(mall, **kw)
    shifted = datasets.make_later_quarter(mall, income_shift=15, score_shift=-20, **kw)
    assert list(shifted.columns) == [INCOME_COLUMN, SCORE_COLUMN]
    gain = shifted[INCOME_COLUMN].mean() - base[INCOME_COLUMN].mean()
    assert gain == pytest.approx(15, abs=0.2)
    assert shifted[SCORE_COLUMN].between(1, 100).all()
    assert shifted[SCORE_COLUMN].mean() < base[SCORE_COLUMN].mean() - 15
    for column in (INCOME_COLUMN, SCORE_COLUMN):
        assert abs(base[column].mean() - mall[column].mean()) < 1.0
    assert len(datasets.make_later_quarter(mall)) == len(mall)


def test_the_online_shop_has_its_four_groups():
    shop = datasets.make_online_shop_customers(n_customers=2000, random_state=0)
    assert shop["customer"].is_unique and (shop[datasets.ORDERS] >= 1).all()
    assert (shop[datasets.BASKET] >= 5).all()
    labels = kmeans_labels(shop, [datasets.ORDERS, datasets.BASKET], 4)
    shares = sorted(share for share, *_ in datasets.ONLINE_SHOP_GROUPS)
    assert np.allclose(sorted(np.bincount(labels) / len(shop)), shares, atol=0.03)


def test_rfm_tables_have_whole_days_orders_and_cents_random_columns_and_grouped_means():
    # the random table's columns are independent (sampling noise: 0.045 at n = 500)
    for seed in (42, 1):
        table = rfm.make_random_rfm(random_state=seed)
        for a, b in combinations(rfm.RFM_COLUMNS, 2):
            assert abs(spearmanr(table[a], table[b]).statistic) < 0.15, (seed, a, b)
        assert not table.equals(rfm.make_random_rfm(random_state=seed + 1))
    grouped = rfm.make_grouped_rfm()
    for table in (rfm.make_random_rfm(), grouped):
        assert list(table.columns[:3]) == list(rfm.RFM_COLUMNS)
        whole = table[[rfm.RECENCY, rfm.FREQUENCY]]
        assert (whole.dtypes == np.int64).all() and (whole >= 1).all().all()
        assert (table[rfm.MONETARY] > 0).all()
        assert np.allclose(table[rfm.MONETARY], table[rfm.MONETARY].round(2))
    sizes = rfm.make_grouped_rfm(n_customers=102)[rfm.GROUP_COLUMN].value_counts()
    assert sorted(sizes) == [25, 25, 26, 26]
    labels = kmeans_labels(grouped, rfm.RFM_COLUMNS, len(rfm.RFM_GROUPS))
    assert adjusted_rand_score(grouped[rfm.GROUP_COLUMN], labels) > 0.95
    means = grouped.groupby(rfm.GROUP_COLUMN)[[rfm.RECENCY, rfm.MONETARY]].mean()
    means = means.loc[[g.name for g in rfm.RFM_GROUPS]]
    expected = [[g.recency[0], g.monetary[0]] for g in rfm.RFM_GROUPS]
    np.testing.assert_allclose(means, expected, rtol=0.15)
