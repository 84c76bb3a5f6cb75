"""The synthetic data sets: shapes, seeds, and the parameters the lessons state."""

import numpy as np
import pytest

from course_utils.datasets import (
    AGE,
    AGE_INCOME_SEGMENTS,
    INCOME,
    SEGMENT,
    make_age_income_customers,
    make_course_blobs,
    make_course_moons,
)


def test_age_income_customers_shape_and_segments():
    df = make_age_income_customers()
    assert list(df.columns) == [AGE, INCOME, SEGMENT]
    assert len(df) == 300
    assert df[SEGMENT].value_counts().to_dict() == {0: 75, 1: 75, 2: 75, 3: 75}


def test_age_income_customers_follow_the_brief():
    df = make_age_income_customers(n_per_segment=4000, random_state=1)
    stats = df.groupby(SEGMENT).agg(["mean", "std"])
    for segment, (age, income, sd) in enumerate(AGE_INCOME_SEGMENTS):
        assert stats.loc[segment, (AGE, "mean")] == pytest.approx(age, abs=0.5)
        assert stats.loc[segment, (AGE, "std")] == pytest.approx(sd, rel=0.05)
        assert stats.loc[segment, (INCOME, "mean")] == pytest.approx(income, abs=500)
        assert stats.loc[segment, (INCOME, "std")] == pytest.approx(1000 * sd, rel=0.05)


def test_age_income_customers_are_seeded():
    a, b = (
        make_age_income_customers(random_state=7),
        make_age_income_customers(random_state=7),
    )
    assert a.equals(b)
    assert not a.equals(make_age_income_customers(random_state=8))


def test_blobs_and_moons_have_their_shapes():
    X, y = make_course_blobs()
    assert X.shape == (300, 2) and set(y) == {0, 1, 2, 3}
    X, y = make_course_moons()
    assert X.shape == (300, 2) and set(y) == {0, 1}


def test_values_are_finite():
    df = make_age_income_customers()
    assert np.isfinite(df[[AGE, INCOME]].to_numpy()).all()
