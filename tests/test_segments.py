"""Segment profiles and the naming rule: hand-checked numbers, the mall story, bad input."""

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.cluster import KMeans
from sklearn.preprocessing import StandardScaler

from course_utils.mall import AGE_COLUMN, GENDER_COLUMN, INCOME_COLUMN, SCORE_COLUMN
from course_utils.mall_replica import GROUP_COLUMN, MALL_GROUPS, make_mall_replica
from course_utils.segments import (
    ACTION,
    FEMALE_SHARE,
    INCOME_LEVEL,
    MEAN_AGE,
    MEAN_INCOME,
    MEAN_SCORE,
    NAME,
    NOISE_SEGMENT,
    PROFILE_COLUMNS,
    SEGMENT_RULES,
    SHARE,
    SIZE,
    SPEND_LEVEL,
    name_segments,
    profile_segments,
)


def tiny():
    """Four customers in two clusters, small enough to check by hand."""
    customers = pd.DataFrame(
        {
            GENDER_COLUMN: ["Female", "Male", "Female", "Female"],
            AGE_COLUMN: [20, 30, 40, 51],
            INCOME_COLUMN: [10, 20, 100, 110],
            SCORE_COLUMN: [90, 80, 10, 21],
        }
    )
    return customers, np.array([1, 1, 0, 0])


@pytest.fixture(scope="module")
def replica_k5():
    customers = make_mall_replica(with_groups=True)
    X = StandardScaler().fit_transform(customers[[INCOME_COLUMN, SCORE_COLUMN]])
    labels = KMeans(5, n_init=10, random_state=0).fit_predict(X)
    return customers, labels


def test_profile_by_hand():
    customers, labels = tiny()
    profile = profile_segments(customers, labels)
    assert list(profile.columns) == list(PROFILE_COLUMNS)
    assert profile.index.tolist() == [0, 1]
    assert profile[SIZE].tolist() == [2, 2]
    assert profile[SHARE].tolist() == [0.5, 0.5]
    assert profile[MEAN_INCOME].tolist() == [105.0, 15.0]
    assert profile[MEAN_SCORE].tolist() == [15.5, 85.0]
    assert profile[MEAN_AGE].tolist() == [45.5, 25.0]
    assert profile[FEMALE_SHARE].tolist() == [1.0, 0.5]
    # terciles of all four incomes 10, 20, 100, 110 and scores 10, 21, 80, 90
    assert profile.attrs["income_cuts"] == (
        np.quantile([10, 20, 100, 110], 1 / 3).round(1),
        np.quantile([10, 20, 100, 110], 2 / 3).round(1),
    )
    assert profile.attrs["score_cuts"][0] < 80 and profile.attrs["score_cuts"][1] > 21


def test_names_by_hand():
    customers, labels = tiny()
    names = name_segments(profile_segments(customers, labels))
    assert names.loc[0, [INCOME_LEVEL, SPEND_LEVEL]].tolist() == ["high", "low"]
    assert names.loc[1, [INCOME_LEVEL, SPEND_LEVEL]].tolist() == ["low", "high"]
    assert names.loc[0, NAME] == SEGMENT_RULES[("high", "low")][0]
    assert "win them over" in names.loc[0, ACTION]


def test_every_level_pair_has_a_distinct_name():
    levels = ("low", "middle", "high")
    assert set(SEGMENT_RULES) == {(i, s) for i in levels for s in levels}
    assert len({name for name, _ in SEGMENT_RULES.values()}) == len(SEGMENT_RULES)


def test_profile_adds_up(replica_k5):
    customers, labels = replica_k5
    profile = profile_segments(customers, labels)
    assert profile[SIZE].sum() == len(customers)
    assert profile[SHARE].sum() == pytest.approx(1.0, abs=0.005)
    assert profile[FEMALE_SHARE].between(0, 1).all()
    overall = (profile[SIZE] * profile[MEAN_INCOME]).sum() / len(customers)
    assert overall == pytest.approx(customers[INCOME_COLUMN].mean(), abs=0.1)


def test_the_five_mall_segments_get_one_name_each_matching_the_groups(replica_k5):
    customers, labels = replica_k5
    names = name_segments(profile_segments(customers, labels))
    assert names[NAME].is_unique and len(names) == 5
    levels_of = {g.name: (g.income_level, g.spend_level) for g in MALL_GROUPS}
    for cluster, row in names.iterrows():
        true_group = customers.loc[labels == cluster, GROUP_COLUMN].mode()[0]
        assert (row[INCOME_LEVEL], row[SPEND_LEVEL]) == levels_of[true_group], (
            true_group
        )
        assert row[NAME] == SEGMENT_RULES[levels_of[true_group]][0]


@settings(max_examples=10, deadline=None)
@given(permutation=st.permutations(range(5)))
def test_names_follow_the_customers_not_the_cluster_numbers(replica_k5, permutation):
    customers, labels = replica_k5
    relabelled = np.asarray(permutation)[labels]
    before = name_segments(profile_segments(customers, labels))[NAME].to_numpy()[labels]
    after = name_segments(profile_segments(customers, relabelled))[NAME].to_numpy()[
        relabelled
    ]
    assert before.tolist() == after.tolist()


def test_noise_is_not_named_as_a_segment():
    customers, labels = tiny()
    labels = np.array([1, 1, 0, -1])
    names = name_segments(profile_segments(customers, labels))
    assert names.index.tolist() == [-1, 0, 1]
    assert names.loc[-1, NAME] == NOISE_SEGMENT[0]
    assert names.loc[0, NAME] != NOISE_SEGMENT[0]


def test_explicit_cuts_override_the_profile():
    customers, labels = tiny()
    profile = profile_segments(customers, labels)
    names = name_segments(profile, income_cuts=(0, 1000), score_cuts=(0, 1000))
    assert (names[NAME] == SEGMENT_RULES[("middle", "middle")][0]).all()
    bare = profile.copy()
    bare.attrs = {}
    with pytest.raises(ValueError, match="income_cuts"):
        name_segments(bare)
    assert name_segments(bare, income_cuts=(50, 60), score_cuts=(50, 60))[
        NAME
    ].tolist() == [
        SEGMENT_RULES[("high", "low")][0],
        SEGMENT_RULES[("low", "high")][0],
    ]


# --- bad input ---------------------------------------------------------------------------------


def test_profile_bad_input():
    customers, labels = tiny()
    with pytest.raises(TypeError, match="df must be a pandas DataFrame"):
        profile_segments(customers.to_numpy(), labels)
    with pytest.raises(ValueError, match="'Age'"):
        profile_segments(customers.drop(columns=AGE_COLUMN), labels)
    with pytest.raises(ValueError, match="4 rows"):
        profile_segments(customers, labels[:3])
    with pytest.raises(TypeError, match="labels"):
        profile_segments(customers, ["a", "b", "a", "b"])
    with pytest.raises(ValueError, match="NaN"):
        profile_segments(customers.assign(**{AGE_COLUMN: [20, np.nan, 40, 51]}), labels)
    with pytest.raises(TypeError, match="non-numeric"):
        profile_segments(
            customers.assign(**{AGE_COLUMN: ["20", "30", "40", "51"]}), labels
        )
    with pytest.raises(ValueError, match="'X'"):
        profile_segments(
            customers.assign(**{GENDER_COLUMN: ["Female", "X", "Male", "Male"]}), labels
        )
    with pytest.raises(ValueError, match="empty"):
        profile_segments(customers.iloc[:0], labels[:0])


def test_name_bad_input():
    customers, labels = tiny()
    profile = profile_segments(customers, labels)
    with pytest.raises(TypeError, match="profile must be the DataFrame"):
        name_segments(profile.to_dict())
    with pytest.raises(ValueError, match="mean income"):
        name_segments(profile.drop(columns=MEAN_INCOME))
    with pytest.raises(ValueError, match="empty"):
        name_segments(profile.iloc[:0])
    with pytest.raises(ValueError, match="low <= high"):
        name_segments(profile, income_cuts=(60, 50))
    with pytest.raises(ValueError, match="finite"):
        name_segments(profile, score_cuts=(np.nan, 50))
    with pytest.raises(TypeError, match="pair of numbers"):
        name_segments(profile, income_cuts=(1, 2, 3))
    with pytest.raises(TypeError, match="pair of numbers"):
        name_segments(profile, income_cuts="low")
