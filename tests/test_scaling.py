"""Tests for course_utils.scaling: distance shares, scaling comparisons, outliers, categories."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from scipy.spatial.distance import pdist
from sklearn.preprocessing import FunctionTransformer, StandardScaler

from course_utils.datasets import AGE, INCOME, SEGMENT, make_age_income_customers
from course_utils.scaling import (
    compare_scalings,
    count_single_category_clusters,
    default_scalers,
    feature_distance_shares,
    outlier_effect,
)


@pytest.fixture(scope="module")
def customers():
    return make_age_income_customers(random_state=42)


# --- feature_distance_shares --------------------------------------------------------------


@settings(max_examples=40, deadline=None)
@given(
    arrays(
        np.float64,
        st.tuples(st.integers(2, 12), st.integers(1, 4)),
        elements=st.integers(-1000, 1000).map(float),  # exact arithmetic in both ways
    )
)
def test_shares_equal_each_features_part_of_the_pairwise_squared_distances(X):
    # Independent computation: sum the per-feature squared differences over all pairs.
    per_feature = np.array(
        [pdist(X[:, [j]], "sqeuclidean").sum() for j in range(X.shape[1])]
    )
    if per_feature.sum() == 0:
        with pytest.raises(ValueError, match="no spread"):
            feature_distance_shares(X)
        return
    shares = feature_distance_shares(X)
    np.testing.assert_allclose(
        shares.to_numpy(), per_feature / per_feature.sum(), atol=1e-9
    )
    assert shares.sum() == pytest.approx(1.0)


def test_shares_use_column_names_and_standard_scaling_equalises_them(customers):
    raw = customers[[AGE, INCOME]]
    shares = feature_distance_shares(raw)
    assert list(shares.index) == [AGE, INCOME]
    assert shares[INCOME] > 0.999  # income in dollars swamps age in years
    scaled = feature_distance_shares(StandardScaler().fit_transform(raw))
    np.testing.assert_allclose(scaled.to_numpy(), [0.5, 0.5])
    assert list(scaled.index) == ["feature 0", "feature 1"]


def test_shares_bad_input():
    with pytest.raises(ValueError, match="no spread"):
        feature_distance_shares([[1.0, 2.0], [1.0, 2.0]])
    with pytest.raises(ValueError, match="at least 2"):
        feature_distance_shares([[1.0, 2.0]])
    with pytest.raises(ValueError, match="NaN"):
        feature_distance_shares([[1.0, np.nan], [2.0, 3.0]])


# --- compare_scalings ---------------------------------------------------------------------


def test_compare_scalings_table(customers):
    X = customers[[AGE, INCOME]]
    result = compare_scalings(
        X, {"raw": None, **default_scalers()}, y_true=customers[SEGMENT], n_init=3
    )
    table, labels = result
    assert list(table.index) == [
        "raw",
        "StandardScaler",
        "MinMaxScaler",
        "RobustScaler",
    ]
    assert table.index.name == "scaling"
    assert list(table.columns) == [
        "ARI vs truth",
        "smallest cluster",
        f"share: {AGE}",
        f"share: {INCOME}",
    ]
    assert table["ARI vs truth"].between(-1, 1).all()
    np.testing.assert_allclose(table.filter(like="share").sum(axis=1), 1.0)
    assert table.loc["StandardScaler", f"share: {AGE}"] == pytest.approx(0.5)
    assert set(labels) == set(table.index)
    assert all(
        len(run) == len(X) and len(np.unique(run)) == 4 for run in labels.values()
    )
    assert (
        table["smallest cluster"] == [np.bincount(labels[n]).min() for n in table.index]
    ).all()


def test_raw_kmeans_on_dollars_is_kmeans_on_income_alone(customers):
    # Age's share of the raw distances is ~1e-7, so dropping it must not change the clusters.
    X = customers[[AGE, INCOME]]
    income_only = FunctionTransformer(lambda x: x[:, [1]])
    _, labels = compare_scalings(X, {"raw": None, "income only": income_only}, n_init=3)
    assert (
        pd.crosstab(labels["raw"], labels["income only"]).gt(0).sum(axis=1).eq(1).all()
    )


def test_labels_are_ari_1_with_themselves_and_table_without_truth(customers):
    X = customers[[AGE, INCOME]]
    scaler = StandardScaler()
    result = compare_scalings(X, {"standard": scaler}, n_init=2)
    assert "ARI vs truth" not in result.table.columns
    assert not hasattr(scaler, "mean_")  # the caller's scaler is cloned, not fitted
    again = compare_scalings(X, {"standard": StandardScaler()}, n_init=2)
    np.testing.assert_array_equal(result.labels["standard"], again.labels["standard"])


def test_compare_scalings_bad_input(customers):
    X = customers[[AGE, INCOME]]
    with pytest.raises(TypeError, match="scalers must be a dict"):
        compare_scalings(X, [StandardScaler()])
    with pytest.raises(ValueError, match="scalers is empty"):
        compare_scalings(X, {})
    with pytest.raises(
        TypeError, match=r"scalers\['bad'\] must be None \(no scaling\) or"
    ):
        compare_scalings(X, {"bad": "standard"})
    with pytest.raises(TypeError, match="keys must be strings"):
        compare_scalings(X, {1: None})
    with pytest.raises(ValueError, match="y_true has 299 entries"):
        compare_scalings(X, {"raw": None}, y_true=customers[SEGMENT][:-1])
    with pytest.raises(ValueError, match="n_clusters must be >= 1"):
        compare_scalings(X, {"raw": None}, n_clusters=0)
    with pytest.raises(TypeError, match="non-numeric"):
        compare_scalings(customers.assign(g="F"), {"raw": None})


# --- outlier_effect -----------------------------------------------------------------------


def test_outlier_effect_matches_the_scalers_formulas():
    values = np.arange(1.0, 11.0)  # 1..10: min 1, max 10, quartiles 3.25 and 7.75
    table = outlier_effect(values, 1000.0)
    assert list(table.index) == ["StandardScaler", "MinMaxScaler", "RobustScaler"]
    # MinMax: the normal values keep (10 - 1) / (1000 - 1) of the unit range.
    assert table.loc["MinMaxScaler", "range with outlier"] == pytest.approx(9 / 999)
    assert table.loc["MinMaxScaler", "outlier scaled to"] == pytest.approx(1.0)
    # Standard: range / population sd, with and without the outlier.
    with_outlier = np.append(values, 1000.0)
    assert table.loc["StandardScaler", "range without outlier"] == pytest.approx(
        9 / values.std()
    )
    assert table.loc["StandardScaler", "range with outlier"] == pytest.approx(
        9 / with_outlier.std()
    )
    # Robust: range / interquartile range; one extra point barely moves the quartiles.
    q1, q3 = np.percentile(values, [25, 75])
    assert table.loc["RobustScaler", "range without outlier"] == pytest.approx(
        9 / (q3 - q1)
    )
    assert table.loc["RobustScaler", "range with outlier"] > 0.8 * 9 / (q3 - q1)


def test_outlier_effect_bad_input():
    with pytest.raises(TypeError, match="1-D sequence"):
        outlier_effect("12", 5.0)
    with pytest.raises(ValueError, match="1-D"):
        outlier_effect([[1.0, 2.0]], 5.0)
    with pytest.raises(ValueError, match="all equal"):
        outlier_effect([3.0, 3.0], 5.0)
    with pytest.raises(ValueError, match="outlier must be finite"):
        outlier_effect([1.0, 2.0], np.inf)
    with pytest.raises(TypeError, match="must be a transformer"):
        outlier_effect([1.0, 2.0], 5.0, scalers={"none": None})


# --- count_single_category_clusters -------------------------------------------------------


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 4), st.sampled_from(["F", "M"])), min_size=1))
def test_single_category_count_against_a_direct_count(pairs):
    labels = [label for label, _ in pairs]
    categories = [category for _, category in pairs]
    expected = sum(
        len({c for lab, c in pairs if lab == cluster}) == 1 for cluster in set(labels)
    )
    assert count_single_category_clusters(labels, categories) == expected


def test_single_category_bad_input():
    with pytest.raises(ValueError, match="categories has 2 entries but labels has 3"):
        count_single_category_clusters([0, 1, 1], ["F", "M"])
    with pytest.raises(ValueError, match="missing"):
        count_single_category_clusters([0, 1], ["F", None])
    with pytest.raises(TypeError, match="1-D sequence"):
        count_single_category_clusters([0, 1], "FM")
