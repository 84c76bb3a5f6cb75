"""Fixtures shared by the tests."""

import matplotlib
import pytest

from course_utils import exercises

matplotlib.use("Agg")  # no windows from the tests' figures; lessons never set a backend


@pytest.fixture(autouse=True)
def fresh_hints(monkeypatch):
    """Every test starts as a learner who has seen no exercise's hint."""
    monkeypatch.setattr(exercises, "_hints_given", {})
