"""The mall replica is what tools/make_mall_replica.py makes and has the real file's published
facts (each group's: the tool's MALL_GROUPS; lesson 5's findings: test_claims.py)."""

import make_mall_replica as tool  # a build tool (tools/), not in the package
import numpy as np
import pytest

from course_utils import mall

REPLICA = tool.make_mall_replica(with_groups=True)
AGE, INCOME, SCORE = mall.AGE_COLUMN, mall.INCOME_COLUMN, mall.SCORE_COLUMN


def test_the_committed_file_is_the_generators_200_customers_in_income_order(tmp_path):
    committed = mall.REPLICA_PATH.read_bytes()
    stale = "the replica is stale: run `python tools/make_mall_replica.py`"
    assert committed == tool.replica_csv_text().encode("utf-8"), stale
    assert tool.write_replica(tmp_path / "replica.csv").read_bytes() == committed
    assert b"\r" not in committed
    assert committed.splitlines()[0].decode() == ",".join(mall.MALL_COLUMNS)
    assert not tool.make_mall_replica(5).equals(tool.make_mall_replica(6))
    assert REPLICA[mall.ID_COLUMN].tolist() == list(range(1, 201))
    assert REPLICA[INCOME].is_monotonic_increasing
    genders = REPLICA[mall.GENDER_COLUMN].value_counts()
    assert genders.to_dict() == {"Female": 112, "Male": 88}
    numbers = REPLICA[[AGE, INCOME, SCORE]]
    assert numbers.dtypes.eq(np.int64).all()
    # the real file's min, max, mean and sd; integer values drift the moments by a few
    # tenths: 0.3 changes nothing visible
    found = numbers.agg(["min", "max", "mean", "std"]).T
    np.testing.assert_allclose(found.loc[AGE], [18, 70, 38.85, 13.97], atol=0.3)
    np.testing.assert_allclose(found.loc[INCOME], [15, 137, 60.56, 26.26], atol=0.3)
    np.testing.assert_allclose(found.loc[SCORE], [1, 99, 50.2, 25.82], atol=0.3)
    corr = numbers.corr()
    assert corr.loc[AGE, SCORE] == pytest.approx(-0.33, abs=0.03)
    assert abs(corr.loc[AGE, INCOME]) < 0.1
    assert abs(corr.loc[INCOME, SCORE]) < 0.1
    # whatever the seed, nobody over 40 scores above 60
    for table in [REPLICA, *map(tool.make_mall_replica, (0, 1, 2))]:
        assert not ((table[AGE] > 40) & (table[SCORE] > 60)).any()


@pytest.mark.parametrize("group", tool.MALL_GROUPS, ids=lambda group: group.name)
def test_each_group_has_its_published_facts(group):
    members = REPLICA[REPLICA[tool.GROUP_COLUMN] == group.name]
    genders = {"Female": group.n_female, "Male": group.n_male}
    assert members[mall.GENDER_COLUMN].value_counts().to_dict() == genders
    spreads = {INCOME: group.income, SCORE: group.score}
    for column, spread in (spreads | {AGE: group.age}).items():
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
