"""Fixtures shared by the tests; the build tools (tools/) importable as modules."""

import os
import sys
from pathlib import Path

import matplotlib
import pytest

from course_utils.settings import real_mall_file

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
matplotlib.use("Agg")  # no windows from the tests' figures; lessons never set a backend


@pytest.fixture(autouse=True)
def fresh_learner_and_no_open_figures(monkeypatch):
    """Every test starts as a learner who has seen no exercise's hint; its figures close."""
    import matplotlib.pyplot as plt  # here, as scikit-learn: pytest's controller skips both

    from course_utils import exercises

    monkeypatch.setattr(exercises, "_hints_given", {})
    yield
    plt.close("all")


@pytest.fixture(scope="session")
def real_csv():
    """The real mall file (``real_mall_file()``): skipped without it, a failure under CI."""
    if (path := real_mall_file()) is None:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("no real Mall_Customers.csv: CI must test on it")
        pytest.skip("no real Mall_Customers.csv here (see course_utils.settings)")
    return path
