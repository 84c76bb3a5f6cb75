"""Lesson 08's exercises: each check passes the model answer and fails typical wrong ones."""

import numpy as np
from exercise_testing import (  # noqa: F401 (the tests run here, with this lesson's cases)
    test_a_typical_wrong_answer_fails_with_its_message,
    test_the_model_answer_passes,
)
from sklearn.cluster import KMeans
from sklearn.preprocessing import StandardScaler

from course_utils.business import SPENDS, make_business_customers


def LESSON():  # noqa: N802 (what exercise_testing calls)
    return make_business_customers()[list(SPENDS)].to_numpy(dtype=float)


def k2(X):
    kmeans = KMeans(n_clusters=2, n_init=10, random_state=0)
    return kmeans.fit_predict(StandardScaler().fit_transform(X))


def cloud_share(s, cov=lambda s: np.cov(s.T)):
    rng = np.random.default_rng(42)
    return (rng.multivariate_normal(s.mean(0), cov(s), len(s)) < 0).any(axis=1).mean()


MODEL_ANSWERS = {"8.1": k2, "8.2": cloud_share}
WRONG_ANSWERS = [
    ("8.1", lambda s: k2(np.log1p(s)), "skip log1p"),
    ("8.1", lambda s: np.arange(len(s)) % 2, "Not the expected split"),
    ("8.2", lambda s: (s < 0).any(axis=1).mean(), "Too few"),
    ("8.2", lambda s: cloud_share(s, lambda s: np.diag(s.var(0))), "Expected about"),
]
