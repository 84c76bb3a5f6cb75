"""The mall replica is what tools/make_mall_replica.py makes and has the real file's published
facts (each group's: the tool's MALL_GROUPS; lesson 5's findings: test_claims.py)."""

import importlib.util
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from course_utils.mall import (
    AGE_COLUMN,
    GENDER_COLUMN,
    ID_COLUMN,
    INCOME_COLUMN,
    MALL_COLUMNS,
    REPLICA_PATH,
    SCORE_COLUMN,
)

# The generator is a build tool, not part of the package; dataclasses need it in sys.modules.
_PATH = Path(__file__).resolve().parents[1] / "tools" / "make_mall_replica.py"
_spec = importlib.util.spec_from_file_location("make_mall_replica", _PATH)
tool = sys.modules[_spec.name] = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(tool)
REPLICA = tool.make_mall_replica(with_groups=True)


def test_the_committed_file_is_what_the_generator_makes(tmp_path):
    committed = REPLICA_PATH.read_bytes()
    assert committed == tool.replica_csv_text().encode("utf-8"), (
        "data/mall_customers_replica.csv is stale: run `python tools/make_mall_replica.py`"
    )
    assert tool.write_replica(tmp_path / "replica.csv").read_bytes() == committed
    assert b"\r" not in committed
    assert committed.splitlines()[0].decode() == ",".join(MALL_COLUMNS)
    assert not tool.make_mall_replica(5).equals(tool.make_mall_replica(6))


def test_two_hundred_customers_in_income_order_with_the_published_totals():
    assert REPLICA[ID_COLUMN].tolist() == list(range(1, 201))
    assert REPLICA[INCOME_COLUMN].is_monotonic_increasing
    genders = REPLICA[GENDER_COLUMN].value_counts()
    assert genders.to_dict() == {"Female": 112, "Male": 88}
    numbers = REPLICA[[AGE_COLUMN, INCOME_COLUMN, SCORE_COLUMN]]
    assert numbers.dtypes.eq(np.int64).all()
    published = pd.DataFrame(  # min, max, mean, sd of the real file
        {AGE_COLUMN: [18, 70, 38.85, 13.97], INCOME_COLUMN: [15, 137, 60.56, 26.26]}
        | {SCORE_COLUMN: [1, 99, 50.2, 25.82]},
        index=["min", "max", "mean", "std"],
    )
    found = numbers.agg(["min", "max", "mean", "std"])
    # integer values drift the moments by a few tenths: 0.3 changes nothing visible
    pd.testing.assert_frame_equal(found, published, check_dtype=False, atol=0.3)
    corr = numbers.corr()
    assert corr.loc[AGE_COLUMN, SCORE_COLUMN] == pytest.approx(-0.33, abs=0.03)
    assert abs(corr.loc[AGE_COLUMN, INCOME_COLUMN]) < 0.1
    assert abs(corr.loc[INCOME_COLUMN, SCORE_COLUMN]) < 0.1


@pytest.mark.parametrize("seed", [tool.REPLICA_SEED, 0, 1, 2])
def test_nobody_over_40_scores_above_60_whatever_the_seed(seed):
    table = tool.make_mall_replica(seed)
    assert not ((table[AGE_COLUMN] > 40) & (table[SCORE_COLUMN] > 60)).any()


@pytest.mark.parametrize("group", tool.MALL_GROUPS, ids=lambda group: group.name)
def test_each_group_has_its_published_facts(group):
    members = REPLICA[REPLICA[tool.GROUP_COLUMN] == group.name]
    genders = {"Female": group.n_female, "Male": group.n_male}
    assert members[GENDER_COLUMN].value_counts().to_dict() == genders
    spreads = {INCOME_COLUMN: group.income, SCORE_COLUMN: group.score}
    for column, spread in (spreads | {AGE_COLUMN: group.age}).items():
        values = members[column]
        assert (values.min(), values.max()) == (spread.low, spread.high), column
        assert values.mean() == pytest.approx(spread.mean, abs=0.3), column
        assert values.std() == pytest.approx(spread.sd, abs=0.3), column


@pytest.mark.parametrize(
    ("spread", "size", "message"),
    [
        ((50.0, 55.0, 0, 100), 20, "no Beta distribution"),  # sd too large
        ((120.0, 5.0, 0, 100), 20, "no Beta distribution"),  # mean out of range
        ((50.0, 10.0, 0, 100), 2, "size 2"),
        ((10.0, 2.5, 0, 20), 15, "cannot reach both ends"),
    ],
)
def test_draw_group_values_refuses_impossible_spreads(spread, size, message):
    with pytest.raises(ValueError, match=message):
        tool.draw_group_values(np.random.default_rng(0), tool.Spread(*spread), size)
