"""The claims lesson 7's prose makes, checked on what the committed lesson printed.

Strict nbval re-executes the lesson in the same test run and fails when a fresh run prints
anything else, so these checks hold for a fresh run too (see tests/notebook_outputs.py).
"""

import ast
import re

import pytest
from notebook_outputs import lesson_notebook, printed_text, printed_value

TEXT = printed_text(lesson_notebook("07_segments_in_practice"))


def test_every_segment_gets_its_own_name():
    assert printed_value(TEXT, r"^distinct names: (\d+ of \d+)$") == "5 of 5"


def test_saved_model_is_small_and_loads_without_untrusted_types():
    size_kb = float(printed_value(TEXT, r"^size on disk: ([\d.]+) kB$"))
    assert size_kb < 100  # "a few tens of kilobytes"
    untrusted = printed_value(TEXT, r"^types skops does not trust by default: (.*)$")
    assert ast.literal_eval(untrusted) == []  # "the list is empty"
    assert (
        printed_value(TEXT, r"^loaded model gives the same segments: (\w+)$") == "True"
    )


def test_only_the_customers_outside_the_malls_ranges_are_flagged():
    verdicts = dict(re.findall(r"^income (\d+) k\$: (.+)$", TEXT, flags=re.MULTILINE))
    flagged = {int(income) for income, v in verdicts.items() if v != "fits"}
    assert len(verdicts) == 7
    assert flagged == {140, 300}
    assert set(verdicts.values()) == {"fits", "fits no segment well"}


def test_the_shifted_quarter_sits_further_from_the_centres():
    training, later = printed_value(
        TEXT, r"^mean distance: training ([\d.]+), later ([\d.]+)$"
    )
    limit = float(printed_value(TEXT, r"^refit if the mean distance exceeds ([\d.]+)"))
    assert float(training) < limit < float(later)


def test_no_false_alarm_and_distances_react_before_shares():
    assert printed_value(TEXT, r"^no shift: refit (\w+)$") == "False"
    distance_from = float(
        printed_value(TEXT, r"^distance crosses its limit from ([\d.]+) k\$$")
    )
    shares_from = float(
        printed_value(TEXT, r"^shares cross their limit from (\S+) k\$$")
    )
    assert distance_from < shares_from  # nan (never crossed) fails too


@pytest.mark.parametrize(
    "pattern",
    [
        r"^inertia of MiniBatchKMeans / KMeans: ([\d.]+)$",
        r"^inertia of the chunk-by-chunk centres / KMeans: ([\d.]+)$",
    ],
)
def test_mini_batch_centres_are_within_one_percent_of_kmeans(pattern):
    assert abs(float(printed_value(TEXT, pattern)) - 1) <= 0.01
