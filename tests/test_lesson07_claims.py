"""The claims lesson 7's prose makes, checked on what the committed lesson printed.

Strict nbval re-executes the lesson in the same test run and fails when a fresh run prints
anything else, so these checks hold for a fresh run too (see tests/notebook_outputs.py).
"""

import ast
import re

import pytest
from notebook_outputs import cell_output, lesson_notebook, printed_text, printed_value

NOTEBOOK = lesson_notebook("07_segments_in_practice")
TEXT = printed_text(NOTEBOOK)


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


def test_exercise_7_1_customer_fits_at_99_but_not_at_95_percent():
    """7.1's answer: the customer fits their segment's 99 % limit, not its 95 % one."""
    name, distance, limit = printed_value(
        TEXT, r"^segment: (.+); distance ([\d.]+), limit ([\d.]+)$"
    )
    assert printed_value(TEXT, r"^(fits|fits no segment well)$") == "fits"
    table = cell_output(NOTEBOOK, "limits = train.groupby")
    at_95, at_99 = printed_value(table, rf"^{name} +([\d.]+) +([\d.]+)$")
    assert float(at_95) < float(distance) <= float(limit)
    assert abs(float(at_99) - float(limit)) < 0.01


def test_exercise_7_2_fires_by_distance_and_the_low_spenders_gain():
    """7.2's answer: the distance fires, the share move stays under its limit, the
    low-spend segments gain and the middle and high-spend ones lose."""
    distance, limit = printed_value(
        TEXT, r"^mean distance ([\d.]+) \(limit ([\d.]+)\)$"
    )
    assert float(distance) > float(limit)
    move, limit = printed_value(
        TEXT, r"^largest share move ([\d.]+) \(limit ([\d.]+)\)$"
    )
    assert float(move) < float(limit)
    gainer = r"^segment gaining most: (.+) \(\+[\d.]+\)$"
    assert printed_value(TEXT, gainer) == "low income, low spend"
    moves = dict(re.findall(r"^(\w+ income, \w+ spend) +(-?[\d.]+)$", TEXT, re.M))
    assert len(moves) == 5
    assert {name for name, move in moves.items() if float(move) > 0} == {
        "low income, low spend",
        "high income, low spend",
    }


def test_exercise_7_3_finds_four_segments_well_above_the_no_group_cloud():
    best, shop, cloud = printed_value(
        TEXT, r"^best K: (\d+); silhouette ([\d.]+) against ([\d.]+) for one Gaussian"
    )
    assert int(best) == 4
    assert float(shop) > 1.5 * float(cloud)
