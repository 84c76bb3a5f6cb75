"""Lesson 09 needs Spark, which `make spark` installs and `make test` must not need: every
test that executes lesson 09 (its strict nbval run, its student edition's run) is marked
`spark` here, so `make test` (-m "not spark") leaves it to `make spark` (-m spark)."""

import pytest

SPARK_LESSON = "09_beyond_one_machine"


def pytest_collection_modifyitems(items):
    for item in items:
        runs_it = item.nodeid.startswith("notebooks/") or item.get_closest_marker(
            "slow"
        )
        if SPARK_LESSON in item.nodeid and runs_it:
            item.add_marker(pytest.mark.spark)
