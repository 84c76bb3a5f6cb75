"""Lesson 7's data makers: the drift they are asked for, and groups that clustering can find."""

import numpy as np
from sklearn.cluster import KMeans
from sklearn.preprocessing import StandardScaler

from course_utils.datasets import (
    BASKET,
    ONLINE_SHOP_GROUPS,
    ORDERS,
    make_later_quarter,
    make_online_shop_customers,
)
from course_utils.mall import INCOME_COLUMN, SCORE_COLUMN
from course_utils.mall_loader import load_mall_customers

MALL = load_mall_customers()


def test_later_quarter_shifts_incomes_and_keeps_scores_in_range():
    base = make_later_quarter(MALL, n_customers=20_000, random_state=3)
    shifted = make_later_quarter(
        MALL, n_customers=20_000, income_shift=15, score_shift=-20, random_state=3
    )
    assert list(shifted.columns) == [INCOME_COLUMN, SCORE_COLUMN]
    gap = shifted[INCOME_COLUMN].mean() - base[INCOME_COLUMN].mean()
    assert abs(gap - 15) < 0.2
    assert shifted[SCORE_COLUMN].between(1, 100).all()
    assert shifted[SCORE_COLUMN].mean() < base[SCORE_COLUMN].mean() - 15


def test_later_quarter_resembles_its_source_and_is_seeded():
    quarter = make_later_quarter(MALL, n_customers=50_000, random_state=1)
    for column in (INCOME_COLUMN, SCORE_COLUMN):
        assert abs(quarter[column].mean() - MALL[column].mean()) < 1.0
    assert quarter.equals(make_later_quarter(MALL, n_customers=50_000, random_state=1))
    assert len(make_later_quarter(MALL)) == len(MALL)


def test_online_shop_has_its_four_groups():
    shop = make_online_shop_customers(n_customers=2000, random_state=0)
    assert len(shop) == 2000 and shop["customer"].is_unique
    assert (shop[ORDERS] >= 1).all() and (shop[BASKET] >= 5).all()
    X = StandardScaler().fit_transform(shop[[ORDERS, BASKET]])
    labels = KMeans(n_clusters=4, n_init=10, random_state=0).fit_predict(X)
    sizes = sorted(np.bincount(labels) / len(shop))
    expected = sorted(share for share, *_ in ONLINE_SHOP_GROUPS)
    assert np.allclose(sizes, expected, atol=0.03)
