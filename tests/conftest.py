"""Fixtures for the exercise tests; see ``exercise_testing.py``."""

import pytest

from course_utils import exercises


@pytest.fixture(autouse=True)
def fresh_hints(monkeypatch):
    """Every test starts as a learner who has seen no hint."""
    monkeypatch.setattr(exercises, "_hints_given", {})


def pytest_generate_tests(metafunc):
    """Give a lesson's exercise tests its MODEL_ANSWERS and WRONG_ANSWERS, one case each."""
    module = metafunc.module
    if "model_case" in metafunc.fixturenames:
        cases = sorted(module.MODEL_ANSWERS.items())
        metafunc.parametrize("model_case", cases, ids=[n for n, _ in cases])
    if "wrong_case" in metafunc.fixturenames:
        cases = module.WRONG_ANSWERS
        ids = [f"{n}-{words}" for n, _, words in cases]
        metafunc.parametrize("wrong_case", cases, ids=ids)
