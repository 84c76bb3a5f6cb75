"""The claims lesson 02's prose makes, checked against what the committed lesson
printed.

Strict nbval re-executes the lesson and fails when a fresh run prints anything else, so
these are claims about a fresh run. Each test reads the output of the one code cell whose
source contains a given snippet.
"""

import ast

import pytest
from notebook_outputs import cell_output, lesson_notebook, printed_value


@pytest.fixture(scope="module")
def notebook():
    return lesson_notebook("02_kmeans_from_scratch")


def number(text: str, pattern: str) -> float:
    return float(printed_value(text, pattern))


def test_every_check_against_a_reference_prints_true(notebook):
    # the expansion against broadcasting, the class against our loop, against
    # scikit-learn, the Python loops against NumPy, bincount against the mask
    for snippet in [
        "by_expansion =",
        "hand_centres, hand_labels",
        "theirs = KMeans(4",
        "numpy_result = kmeans_numpy",
        "by_bincount =",
    ]:
        text = cell_output(notebook, snippet)
        verdicts = [
            line.rsplit(" ", 1)[-1] for line in text.splitlines() if ":" in line
        ]
        assert "True" in verdicts and "False" not in verdicts, snippet


def test_the_class_stops_when_our_loop_does(notebook):
    text = cell_output(notebook, "hand_centres, hand_labels")
    ours = printed_value(text, r"^iterations: (\d+) \(ours: \d+\)")
    assert ours == printed_value(text, r"^iterations: \d+ \(ours: (\d+)\)")


def test_a_poor_start_still_finds_the_groups_and_inertia_never_rises(notebook):
    text = cell_output(notebook, "start_groups =")
    assert number(text, r"starting centres lie in (\d+) of the 4 true groups") < 4
    assert number(text, r"ARI with the true groups: ([\d.]+)") == 1.0
    inertias = [
        float(v) for v in printed_value(text, r"^inertia per step: \[(.*)\]").split()
    ]
    assert inertias == sorted(inertias, reverse=True)
    assert inertias[-1] < inertias[0]


def test_single_random_starts_get_stuck_and_the_remedies_do_not(notebook):
    text = cell_output(notebook, "recipes = {")
    assert number(text, r"^random start, n_init=1\s+(\d+)") > 0
    assert number(text, r"^k-means\+\+, n_init=1\s+(\d+)") == 0
    assert number(text, r"^random starts, n_init=10\s+(\d+)") == 0


def test_the_stuck_run_is_several_times_worse(notebook):
    text = cell_output(notebook, "stuck run:")
    assert number(text, r"= ([\d.]+) x the good run's") >= 2


def test_inertia_always_falls_as_k_grows(notebook):
    text = cell_output(notebook, "inertia_by_k = {}")
    by_k = ast.literal_eval(printed_value(text, r"^inertia by K: (\{.*\})"))
    values = [by_k[k] for k in sorted(by_k)]
    assert values == sorted(values, reverse=True)


def test_stretched_and_curved_groups_are_cut_wrongly(notebook):
    text = cell_output(notebook, "shape_ari = {}")
    assert number(text, r"ARI on the stretched blobs: ([\d.]+)") < 0.9
    assert number(text, r"ARI on the moons: ([\d.]+)") < 0.9


def test_outliers_take_a_centre_and_two_blobs_merge(notebook):
    text = cell_output(notebook, "X_outliers =")
    assert number(text, r"the outliers' cluster has (\d+) points") == 5
    assert number(text, r"the largest cluster has (\d+) points") == 150


def test_the_tight_group_takes_loose_points(notebook):
    text = cell_output(notebook, "tight_label =")
    assert (
        number(text, r"(\d+) of the 50 loose points are put with the tight group") > 0
    )


def test_the_far_centre_starts_empty_and_relocation_fills_it(notebook):
    start = cell_output(notebook, "far_start = ")
    counts = ast.literal_eval(printed_value(start, r"at the start: (\[.*\])"))
    assert counts[-1] == 0
    end = cell_output(notebook, "relocated = KMeansScratch")
    counts = ast.literal_eval(printed_value(end, r"at the end: (\[.*\])"))
    assert len(counts) == 4 and min(counts) > 0


def test_plain_kmeans_plus_plus_gets_stuck_less_than_random_starts(notebook):
    random_stuck = number(
        cell_output(notebook, "recipes = {"), r"^random start, n_init=1\s+(\d+)"
    )
    text = cell_output(notebook, "def plus_plus_start")
    assert number(text, r"plain k-means\+\+: (\d+) of 30 runs stuck") < random_stuck


def test_keeping_an_empty_centre_leaves_it_empty(notebook):
    text = cell_output(notebook, "def update_keeping_empty")
    counts = ast.literal_eval(printed_value(text, r"^points per cluster: (\[.*\])"))
    assert 0 in counts
    assert 150 in counts, "two groups of 75 share one centre, as the answer says"
    assert number(text, r"^inertia ([\d.]+) vs") > number(text, r"vs ([\d.]+) with")
