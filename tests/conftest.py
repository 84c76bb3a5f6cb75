"""Fixtures shared by the tests; the build tools (tools/) importable as modules."""

import sys
from pathlib import Path

import matplotlib
import matplotlib.pyplot as plt
import pytest

from course_utils import exercises

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
matplotlib.use("Agg")  # no windows from the tests' figures; lessons never set a backend


@pytest.fixture(autouse=True)
def fresh_learner_and_no_open_figures(monkeypatch):
    """Every test starts as a learner who has seen no exercise's hint; its figures close."""
    monkeypatch.setattr(exercises, "_hints_given", {})
    yield
    plt.close("all")
