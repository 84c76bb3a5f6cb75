"""Mark every test that executes lesson 09 ``spark``: `make spark` runs them, `make test`
leaves them out."""

import pytest

SPARK_LESSON = "09_beyond_one_machine"


def pytest_collection_modifyitems(items):
    for item in items:
        runs = item.nodeid.startswith("notebooks/") or item.get_closest_marker("slow")
        if SPARK_LESSON in item.nodeid and runs:
            item.add_marker(pytest.mark.spark)
