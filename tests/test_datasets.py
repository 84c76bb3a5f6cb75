"""The synthetic data sets: shapes, seeds and the facts the lessons rely on."""

import numpy as np
import pytest
from sklearn.cluster import KMeans
from sklearn.metrics import silhouette_score
from sklearn.preprocessing import StandardScaler

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


def test_the_brief_facts_on_scaled_customers():
    """Brief: after scaling silhouette is best at K=2; the true labelling scores about 0.37."""
    df = make_age_income_customers()
    X = StandardScaler().fit_transform(df[[AGE, INCOME]])
    scores = {
        k: silhouette_score(X, KMeans(k, n_init=10, random_state=0).fit_predict(X))
        for k in range(2, 9)
    }
    assert max(scores, key=scores.get) == 2
    assert silhouette_score(X, df[SEGMENT]) == pytest.approx(0.37, abs=0.03)


def test_blobs_silhouette_at_four_is_about_0_85_not_0_70():
    X, y = make_course_blobs()
    assert X.shape == (300, 2) and set(y) == {0, 1, 2, 3}
    labels = KMeans(4, n_init=10, random_state=0).fit_predict(X)
    assert silhouette_score(X, labels) == pytest.approx(0.85, abs=0.01)


def test_moons():
    X, y = make_course_moons()
    assert X.shape == (300, 2) and set(y) == {0, 1}


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (
            lambda: make_age_income_customers(n_per_segment=0),
            ValueError,
            "n_per_segment must be >= 1",
        ),
        (
            lambda: make_age_income_customers(n_per_segment=2.5),
            TypeError,
            "n_per_segment must be an integer",
        ),
        (
            lambda: make_age_income_customers(random_state="x"),
            TypeError,
            "random_state",
        ),
        (lambda: make_course_blobs(centers=500), ValueError, "centers must be <= 300"),
        (
            lambda: make_course_blobs(cluster_std=-1),
            ValueError,
            "cluster_std must be > 0",
        ),
        (
            lambda: make_course_moons(noise=float("nan")),
            ValueError,
            "noise must be finite",
        ),
    ],
)
def test_bad_parameters(call, error, message):
    with pytest.raises(error, match=message):
        call()


def test_values_are_finite():
    df = make_age_income_customers()
    assert np.isfinite(df[[AGE, INCOME]].to_numpy()).all()
