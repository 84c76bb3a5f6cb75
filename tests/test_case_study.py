"""Lesson 5's helpers: the 3-D cluster scatter, the segment table, the silhouette curves."""

import matplotlib

matplotlib.use("Agg")  # tests only; lessons never set a backend

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.cluster import KMeans
from sklearn.preprocessing import StandardScaler

from course_utils.case_study import (
    cluster_scatter_3d,
    plot_silhouette_curves,
    segment_table,
)
from course_utils.mall import AGE_COLUMN, GENDER_COLUMN, INCOME_COLUMN, SCORE_COLUMN
from course_utils.mall_replica import make_mall_replica
from course_utils.segments import (
    ACTION,
    FEMALE_SHARE,
    INCOME_CUTS,
    INCOME_LEVEL,
    MEAN_AGE,
    MEAN_INCOME,
    MEAN_SCORE,
    NAME,
    PROFILE_COLUMNS,
    SCORE_CUTS,
    SEGMENT_RULES,
    SIZE,
    SPEND_LEVEL,
)
from course_utils.style import cluster_style


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


@pytest.fixture(scope="module")
def replica_k5():
    customers = make_mall_replica()
    X = StandardScaler().fit_transform(customers[[INCOME_COLUMN, SCORE_COLUMN]])
    labels = KMeans(5, n_init=10, random_state=0).fit_predict(X)
    return customers, labels


# --- cluster_scatter_3d ------------------------------------------------------------------------


def test_3d_scatter_draws_each_cluster_in_its_style_with_labelled_axes():
    X = pd.DataFrame(
        {
            "Age (years)": [20, 30, 40, 50],
            "Income (k$)": [10, 20, 30, 40],
            "Score": [1, 5, 9, 3],
        }
    )
    ax = cluster_scatter_3d(X, [0, 0, 1, -1], title="t", label_names={1: "big"})
    assert ax.name == "3d"
    assert (ax.get_xlabel(), ax.get_ylabel(), ax.get_zlabel()) == tuple(X.columns)
    assert ax.get_title() == "t"
    assert [t.get_text() for t in ax.get_legend().get_texts()] == [
        "noise",
        "cluster 0",
        "big",
    ]
    assert len(ax.collections) == 3
    # the cluster of label 1 has label 1's colour
    big = ax.collections[2]
    assert (
        matplotlib.colors.to_hex(big.get_facecolor()[0])
        == cluster_style(1)["color"].lower()
    )
    assert big.get_offsets().shape[0] == 1


def test_3d_scatter_uses_given_axis_labels_and_axes():
    fig = plt.figure()
    ax = fig.add_subplot(projection="3d")
    points = np.arange(12, dtype=float).reshape(4, 3)
    out = cluster_scatter_3d(
        points, [0, 1, 0, 1], ax=ax, axis_labels=["a (m)", "b (s)", "c (kg)"]
    )
    assert out is ax
    assert (ax.get_xlabel(), ax.get_ylabel(), ax.get_zlabel()) == (
        "a (m)",
        "b (s)",
        "c (kg)",
    )


def test_3d_scatter_refuses_bad_input():
    points = np.zeros((4, 3))
    with pytest.raises(ValueError, match="exactly 3 columns"):
        cluster_scatter_3d(np.zeros((4, 2)), [0, 0, 1, 1])
    with pytest.raises(ValueError, match="labels"):
        cluster_scatter_3d(points, [0, 1])
    with pytest.raises(ValueError, match="axis_labels"):
        cluster_scatter_3d(points, [0, 0, 1, 1], axis_labels=["x", "y"])
    with pytest.raises(ValueError, match="axis_labels"):
        cluster_scatter_3d(points, [0, 0, 1, 1], axis_labels="xyz")
    _, flat_ax = plt.subplots()
    with pytest.raises(TypeError, match="3-D axes"):
        cluster_scatter_3d(points, [0, 0, 1, 1], ax=flat_ax)
    with pytest.raises(ValueError, match="X"):
        cluster_scatter_3d([[0.0, 1.0, np.nan]] * 4, [0, 0, 1, 1])


# --- segment_table -----------------------------------------------------------------------------


def test_segment_table_columns_order_and_sizes(replica_k5):
    customers, labels = replica_k5
    table = segment_table(customers, labels)
    assert list(table.columns) == [
        NAME,
        *PROFILE_COLUMNS,
        INCOME_LEVEL,
        SPEND_LEVEL,
        ACTION,
    ]
    assert table[SIZE].sum() == len(customers)
    assert sorted(table.index) == sorted(np.unique(labels))
    order = list(zip(table[MEAN_INCOME], table[MEAN_SCORE], strict=True))
    assert order == sorted(order)
    assert set(table.attrs) >= {INCOME_CUTS, SCORE_CUTS}


def test_segment_table_names_follow_the_rule_on_the_replica(replica_k5):
    customers, labels = replica_k5
    table = segment_table(customers, labels)
    income_cuts = np.quantile(customers[INCOME_COLUMN], [1 / 3, 2 / 3])
    score_cuts = np.quantile(customers[SCORE_COLUMN], [1 / 3, 2 / 3])

    def level(value, cuts):
        return "low" if value < cuts[0] else "high" if value > cuts[1] else "middle"

    for label, row in table.iterrows():
        group = customers[labels == label]
        levels = (
            level(group[INCOME_COLUMN].mean(), income_cuts),
            level(group[SCORE_COLUMN].mean(), score_cuts),
        )
        assert (row[INCOME_LEVEL], row[SPEND_LEVEL]) == levels
        assert (row[NAME], row[ACTION]) == SEGMENT_RULES[levels]
        assert row[MEAN_AGE] == pytest.approx(group[AGE_COLUMN].mean(), abs=0.05)
        female = (group[GENDER_COLUMN] == "Female").mean()
        assert row[FEMALE_SHARE] == pytest.approx(female, abs=0.005)
    # the five groups the replica was made from: the four corners and the middle
    assert set(table[NAME]) == {
        SEGMENT_RULES[pair][0]
        for pair in [
            ("low", "high"),
            ("low", "low"),
            ("middle", "middle"),
            ("high", "high"),
            ("high", "low"),
        ]
    }


@settings(max_examples=20, deadline=None)
@given(st.permutations(range(5)))
def test_segment_names_follow_the_customers_not_the_cluster_numbers(
    replica_k5, permutation
):
    customers, labels = replica_k5
    base = segment_table(customers, labels)
    relabelled = segment_table(customers, np.asarray(permutation)[labels])
    assert relabelled[NAME].tolist() == base[NAME].tolist()
    assert relabelled.index.tolist() == [permutation[k] for k in base.index]


def test_segment_table_refuses_bad_input(replica_k5):
    customers, labels = replica_k5
    with pytest.raises(TypeError, match="DataFrame"):
        segment_table(customers.to_numpy(), labels)
    with pytest.raises(ValueError, match="missing"):
        segment_table(customers.drop(columns=SCORE_COLUMN), labels)
    with pytest.raises(ValueError, match="labels"):
        segment_table(customers, labels[:-1])


# --- plot_silhouette_curves --------------------------------------------------------------------


def test_silhouette_curves_one_line_per_data_set_with_its_highest_marked():
    curves = {
        "flat": pd.Series([np.nan, 0.25, 0.26, 0.24], index=[1, 2, 3, 4]),
        "peaked": pd.Series([0.5, 0.8, 0.6], index=[2, 3, 4]),
    }
    ax = plot_silhouette_curves(curves, title="t")
    assert len(ax.lines) == 2
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == ["flat (highest 0.26 at K=3)", "peaked (highest 0.80 at K=3)"]
    assert list(ax.get_xticks()) == [2, 3, 4]
    assert ax.get_ylim() == (0.0, 1.0)
    assert ax.get_xlabel() and ax.get_ylabel() and ax.get_title() == "t"


def test_silhouette_curves_make_room_below_zero():
    ax = plot_silhouette_curves({"bad": pd.Series([-0.2, 0.1], index=[2, 3])})
    assert ax.get_ylim()[0] < -0.2


def test_silhouette_curves_refuse_bad_input():
    with pytest.raises(TypeError, match="dict"):
        plot_silhouette_curves([pd.Series([0.1])])
    with pytest.raises(ValueError, match="empty"):
        plot_silhouette_curves({})
    with pytest.raises(TypeError, match="Series"):
        plot_silhouette_curves({"a": [0.1, 0.2]})
    with pytest.raises(ValueError, match="no silhouette"):
        plot_silhouette_curves({"a": pd.Series([np.nan])})
    with pytest.raises(ValueError, match=r"outside \[-1, 1\]"):
        plot_silhouette_curves({"a": pd.Series([0.5, 1.5], index=[2, 3])})
    with pytest.raises(ValueError, match="curves"):
        plot_silhouette_curves({"a": pd.Series([0.5, np.inf], index=[2, 3])})
