"""The synthetic mall replica: the committed file, the published facts it must reproduce, and the
clustering story lesson 5 tells with it.

The expected numbers are the facts about the real Kaggle file listed in the course brief ("The
mall data"); tolerances are explained where they are used.
"""

import importlib.util
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from kneed import KneeLocator
from sklearn.cluster import KMeans
from sklearn.metrics import silhouette_score
from sklearn.preprocessing import StandardScaler

from course_utils.mall import (
    AGE_COLUMN,
    GENDER_COLUMN,
    ID_COLUMN,
    INCOME_COLUMN,
    MALL_COLUMNS,
    REPLICA_PATH,
    SCORE_COLUMN,
)

# The generator is a build tool (tools/make_mall_replica.py), not part of the package.
_spec = importlib.util.spec_from_file_location(
    "make_mall_replica",
    Path(__file__).resolve().parents[1] / "tools" / "make_mall_replica.py",
)
make_mall_replica_tool = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = (
    make_mall_replica_tool  # dataclasses look their module up there
)
_spec.loader.exec_module(make_mall_replica_tool)
GROUP_COLUMN = make_mall_replica_tool.GROUP_COLUMN
MALL_GROUPS = make_mall_replica_tool.MALL_GROUPS
Spread = make_mall_replica_tool.Spread
draw_group_values = make_mall_replica_tool.draw_group_values
make_mall_replica = make_mall_replica_tool.make_mall_replica
replica_csv_text = make_mall_replica_tool.replica_csv_text
write_replica = make_mall_replica_tool.write_replica

SEED = 0  # KMeans seed used throughout the course's mall lesson
K_VALUES = range(2, 11)


@pytest.fixture(scope="module")
def replica():
    return make_mall_replica(with_groups=True)


@pytest.fixture(scope="module")
def income_score(replica):
    """Income x score, standardised (the course's choice; raw gives the same K, see below)."""
    return StandardScaler().fit_transform(replica[[INCOME_COLUMN, SCORE_COLUMN]])


def silhouettes(X, k_values=K_VALUES):
    return {
        k: silhouette_score(X, KMeans(k, n_init=10, random_state=SEED).fit_predict(X))
        for k in k_values
    }


# --- the committed file ------------------------------------------------------------------------


def test_committed_csv_is_exactly_what_the_generator_makes():
    committed = REPLICA_PATH.read_bytes()
    assert committed == replica_csv_text().encode("utf-8"), (
        "data/mall_customers_replica.csv is stale: run `python tools/make_mall_replica.py`"
    )
    assert b"\r" not in committed and committed.endswith(b"\n")
    assert committed.splitlines()[0].decode() == ",".join(MALL_COLUMNS)


def test_write_replica_writes_the_same_bytes(tmp_path):
    written = write_replica(tmp_path / "replica.csv")
    assert written.read_bytes() == REPLICA_PATH.read_bytes()


def test_same_seed_same_data_other_seed_other_data():
    pd.testing.assert_frame_equal(make_mall_replica(5), make_mall_replica(5))
    pd.testing.assert_frame_equal(
        make_mall_replica(5), make_mall_replica(np.random.default_rng(5))
    )
    assert not make_mall_replica(5).equals(make_mall_replica(6))


# --- schema and overall facts ------------------------------------------------------------------


def test_schema(replica):
    plain = make_mall_replica()
    assert list(plain.columns) == list(MALL_COLUMNS)
    assert list(replica.columns) == [*MALL_COLUMNS, GROUP_COLUMN]
    for column in (ID_COLUMN, AGE_COLUMN, INCOME_COLUMN, SCORE_COLUMN):
        assert plain[column].dtype == np.int64, column
    assert pd.api.types.is_string_dtype(plain[GENDER_COLUMN])
    assert set(plain[GENDER_COLUMN]) == {"Female", "Male"}


def test_two_hundred_customers_numbered_in_income_order(replica):
    assert len(replica) == sum(group.size for group in MALL_GROUPS) == 200
    assert replica[ID_COLUMN].tolist() == list(range(1, 201))
    assert replica[INCOME_COLUMN].is_monotonic_increasing


def test_overall_gender_split(replica):
    assert replica[GENDER_COLUMN].value_counts().to_dict() == {
        "Female": 112,
        "Male": 88,
    }


def test_overall_ranges(replica):
    assert (replica[AGE_COLUMN].min(), replica[AGE_COLUMN].max()) == (18, 70)
    assert (replica[INCOME_COLUMN].min(), replica[INCOME_COLUMN].max()) == (15, 137)
    assert (replica[SCORE_COLUMN].min(), replica[SCORE_COLUMN].max()) == (1, 99)


@pytest.mark.parametrize(
    ("column", "mean", "sd"),
    [
        (AGE_COLUMN, 38.85, 13.97),
        (INCOME_COLUMN, 60.56, 26.26),
        (SCORE_COLUMN, 50.2, 25.82),
    ],
)
def test_overall_mean_and_sd(replica, column, mean, sd):
    # The group means and sds are given to one decimal and values are rounded to integers,
    # so the overall moments can drift by a few tenths; 0.3 is well below any visible change.
    assert replica[column].mean() == pytest.approx(mean, abs=0.3)
    assert replica[column].std() == pytest.approx(sd, abs=0.3)


def test_overall_correlations(replica):
    corr = replica[[AGE_COLUMN, INCOME_COLUMN, SCORE_COLUMN]].corr()
    assert corr.loc[AGE_COLUMN, SCORE_COLUMN] == pytest.approx(-0.33, abs=0.03)
    assert abs(corr.loc[AGE_COLUMN, INCOME_COLUMN]) < 0.1
    assert abs(corr.loc[INCOME_COLUMN, SCORE_COLUMN]) < 0.1


def test_nobody_over_40_scores_above_60(replica):
    assert not ((replica[AGE_COLUMN] > 40) & (replica[SCORE_COLUMN] > 60)).any()
    for seed in range(5):  # a rule of the generator, not luck of the committed seed
        other = make_mall_replica(seed)
        assert not ((other[AGE_COLUMN] > 40) & (other[SCORE_COLUMN] > 60)).any()


# --- group facts -------------------------------------------------------------------------------


@pytest.mark.parametrize("group", MALL_GROUPS, ids=lambda group: group.name)
def test_each_group_has_its_published_facts(replica, group):
    members = replica[replica[GROUP_COLUMN] == group.name]
    assert len(members) == group.size
    assert (members[GENDER_COLUMN] == "Female").sum() == group.n_female
    assert (members[GENDER_COLUMN] == "Male").sum() == group.n_male
    for column, spread in (
        (INCOME_COLUMN, group.income),
        (SCORE_COLUMN, group.score),
        (AGE_COLUMN, group.age),
    ):
        values = members[column]
        assert (values.min(), values.max()) == (spread.low, spread.high), column
        # facts are given to 1 decimal; rounding each value to an integer moves the sample
        # moments by at most a couple of tenths
        assert values.mean() == pytest.approx(spread.mean, abs=0.3), column
        assert values.std() == pytest.approx(spread.sd, abs=0.3), column


@settings(max_examples=40, deadline=None)
@given(
    low=st.integers(0, 50),
    width=st.integers(20, 120),
    centre=st.floats(0.3, 0.7),
    sd_fraction=st.floats(0.08, 0.25),
    size=st.integers(15, 120),
    seed=st.integers(0, 2**32 - 1),
)
def test_draw_group_values_hits_range_ends_and_moments(
    low, width, centre, sd_fraction, size, seed
):
    spread = Spread(low + centre * width, sd_fraction * width, low, low + width)
    # Feasible only if the two end values alone do not spread more than the target sd allows
    # (the moments the other size - 2 values need then have a positive variance).
    rest = size - 2
    rest_mean = (size * spread.mean - spread.low - spread.high) / rest
    rest_variance = (
        (size - 1) * spread.sd**2
        + size * spread.mean**2
        - spread.low**2
        - spread.high**2
    ) / rest - rest_mean**2
    rng = np.random.default_rng(seed)
    if rest_variance <= 0:
        with pytest.raises(ValueError, match="cannot reach both ends"):
            draw_group_values(rng, spread, size)
        return
    values = draw_group_values(rng, spread, size)
    assert values.dtype == np.int64 and values.shape == (size,)
    assert values.min() == spread.low and values.max() == spread.high
    # integer rounding moves the mean by at most 0.5 and the sd by about as much
    assert abs(values.mean() - spread.mean) <= 0.5
    assert abs(values.std(ddof=1) - spread.sd) <= 0.6


def test_draw_group_values_refuses_impossible_spreads():
    rng = np.random.default_rng(0)
    with pytest.raises(ValueError, match="no Beta distribution"):
        draw_group_values(
            rng, Spread(50.0, 55.0, 0, 100), 20
        )  # sd too large for the range
    with pytest.raises(ValueError, match="no Beta distribution"):
        draw_group_values(rng, Spread(120.0, 5.0, 0, 100), 20)  # mean outside the range
    with pytest.raises(ValueError, match="size 2"):
        draw_group_values(rng, Spread(50.0, 10.0, 0, 100), 2)
    with pytest.raises(ValueError, match="cannot reach both ends"):
        draw_group_values(rng, Spread(10.0, 2.5, 0, 20), 15)


# --- the clustering story of lesson 5 ----------------------------------------------------------


def test_k5_is_best_by_silhouette_on_income_and_score(income_score, replica):
    scaled = silhouettes(income_score)
    assert max(scaled, key=scaled.get) == 5
    assert scaled[5] == pytest.approx(0.55, abs=0.03)  # the real file: about 0.55
    # income and score have almost the same sd, so standardising hardly matters
    raw = silhouettes(replica[[INCOME_COLUMN, SCORE_COLUMN]].to_numpy(float))
    assert max(raw, key=raw.get) == 5


def test_k5_recovers_the_five_group_centres(income_score, replica):
    model = KMeans(5, n_init=10, random_state=SEED).fit(income_score)
    columns = [INCOME_COLUMN, SCORE_COLUMN]
    scaler = StandardScaler().fit(replica[columns])
    fitted = scaler.inverse_transform(model.cluster_centers_)
    true = np.array([[group.income.mean, group.score.mean] for group in MALL_GROUPS])
    # each true centre has exactly one fitted centre within 5 k$ and 5 points: 5 is below every
    # group's score sd (6.5 and up) yet far below the distance between any two true centres (>28)
    distances = np.abs(fitted[:, None, :] - true[None, :, :]).max(axis=2)
    assert (distances <= 5).sum(axis=0).tolist() == [1] * 5
    assert (distances <= 5).sum(axis=1).tolist() == [1] * 5
    assert (
        min(np.linalg.norm(a - b) for i, a in enumerate(true) for b in true[i + 1 :])
        > 28
    )


def test_k5_also_wins_by_knee(income_score):
    # What a Gaussian mixture's BIC says is asserted where it is taught, in lesson 5.
    k_all = list(range(1, 11))
    inertia = [
        KMeans(k, n_init=10, random_state=SEED).fit(income_score).inertia_
        for k in k_all
    ]
    knee = KneeLocator(k_all, inertia, curve="convex", direction="decreasing").knee
    assert knee == 5


def test_four_column_recipe_splits_clusters_by_gender(replica):
    # The common tutorial recipe: drop the ID, encode Gender 0/1, scale all four columns, K=6.
    features = replica[[AGE_COLUMN, INCOME_COLUMN, SCORE_COLUMN]].assign(
        male=(replica[GENDER_COLUMN] == "Male").astype(int)
    )
    X = StandardScaler().fit_transform(features)
    labels = KMeans(6, n_init=10, random_state=SEED).fit_predict(X)
    assert silhouette_score(X, labels) == pytest.approx(0.33, abs=0.03)
    single_gender = sum(features["male"][labels == k].nunique() == 1 for k in range(6))
    assert single_gender == 4  # the real file: four of six clusters are single-gender
