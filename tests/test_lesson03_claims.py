"""The claims lesson 03's prose makes, checked against what the committed lesson printed.

Strict nbval re-executes the lesson and fails when a fresh run prints anything else, so these
are claims about a fresh run. Each test reads the output of the one code cell whose source
contains a given snippet, so that tables printed in the same shape by several cells (the
blobs', the customers', the exercises') cannot be confused.
"""

import re

import pytest
from notebook_outputs import cell_output, lesson_notebook, printed_value


@pytest.fixture(scope="module")
def notebook():
    return lesson_notebook("03_choosing_k")


def number(text: str, pattern: str) -> float:
    return float(printed_value(text, pattern))


def series(text: str) -> dict[str, str]:
    """A printed ``Series.to_string()``: first word of each line -> last word."""
    rows = (line.split() for line in text.splitlines())
    return {row[0]: row[-1] for row in rows if len(row) >= 2}


def test_blobs_elbow_is_at_4(notebook):
    text = cell_output(notebook, 'drop = blob_scores["inertia"].pct_change()')
    drops = series(text)
    assert float(drops["4"]) < -80  # 3 -> 4 removes most of what is left
    assert number(text, r"^largest later drop, from K = 5 on: ([\d.]+)%") < 15


def test_silhouette_by_hand_equals_scikit_learn(notebook):
    text = cell_output(notebook, "silhouette by hand")
    by_hand = printed_value(text, r"^silhouette by hand: (-?[\d.]+)")
    assert by_hand == printed_value(text, r"^silhouette_samples: (-?[\d.]+)")


def test_silhouette_picks_4_on_the_blobs_at_about_085(notebook):
    text = cell_output(notebook, 'print(f"silhouette picks K')
    assert printed_value(text, r"^silhouette picks K = (\d+)") == "4"
    assert 0.84 <= number(text, r"^its mean silhouette: ([\d.]+)") <= 0.87


def test_knee_of_the_blobs_is_3_because_k3_has_most_of_the_drop(notebook):
    assert "K = 3" in cell_output(notebook, "knee_blobs = locator.knee")
    text = cell_output(notebook, "curve = pd.DataFrame(")
    assert number(text, r"^K = 3 achieves ([\d.]+)% of the drop") > 90
    gain, cost = printed_value(
        text, r"^K = 4 adds ([\d.]+)% more but uses ([\d.]+)% more of the K range"
    )
    assert float(gain) < float(cost)


def test_knee_moves_with_the_range_of_k(notebook):
    text = cell_output(notebook, "for first, last in [(1, 10), (2, 10), (2, 7)]")
    knees = dict(re.findall(r"^K = (\d+\.\.\d+): knee at K = (\d+)", text, re.M))
    assert knees == {"1..10": "3", "2..10": "4", "2..7": "3"}


def test_blob_diagrams_show_a_merge_at_3_and_splits_at_5_and_6(notebook):
    text = cell_output(notebook, "per_blob = pd.crosstab(")
    found = re.findall(
        r"^K = (\d+): clusters per true blob \[([\d, ]+)\], "
        r"true blobs per cluster \[([\d, ]+)\]",
        text,
        re.M,
    )
    pieces = {
        int(k): (sorted(map(int, b.split(","))), sorted(map(int, c.split(","))))
        for k, b, c in found
    }
    assert pieces[3][1][-1] == 2  # one cluster holds two blobs
    assert pieces[4] == ([1, 1, 1, 1], [1, 1, 1, 1])
    assert pieces[5][0] == [1, 1, 1, 2]  # one blob cut in two
    assert pieces[6][0] == [1, 1, 2, 2]  # two blobs cut in two


def test_every_criterion_picks_4_on_the_blobs(notebook):
    picks = series(cell_output(notebook, "print(best_k(blob_scores).to_string())"))
    assert picks == {"silhouette": "4", "calinski_harabasz": "4", "davies_bouldin": "4"}


def test_criteria_disagree_on_the_customers(notebook):
    text = cell_output(notebook, "picks = pd.DataFrame(")
    rows = {
        line.rsplit(maxsplit=2)[0]: line.split()[-2:] for line in text.splitlines()[1:]
    }
    assert rows["silhouette"] == ["4", "2"]
    assert rows["calinski_harabasz"] == ["4", "4"]
    assert rows["davies_bouldin"] == ["4", "2"]
    assert rows["knee, K = 1..10"] == ["3", "3"]
    assert rows["knee, K = 2..10"] == ["4", "4"]


def test_truth_scores_below_every_k_and_below_the_no_cluster_baseline(notebook):
    text = cell_output(notebook, "true_silhouette = silhouette_score(")
    truth = number(text, r"^true 4 segments:\s+([\d.]+)")
    k2 = number(text, r"^K-Means, K = 2:\s+([\d.]+)")
    k4 = number(text, r"^K-Means, K = 4:\s+([\d.]+)")
    lowest = number(text, r"^K-Means, lowest of K:\s+([\d.]+)")
    square_4 = number(text, r"^uniform square, K = 4:\s+([\d.]+)")
    square_best = number(text, r"^uniform square, best of K:\s+([\d.]+)")
    assert round(truth, 2) == 0.37
    assert truth < lowest  # "lower than any K-Means clustering of the customers"
    assert truth < square_4 and round(square_4, 2) == 0.40 <= round(square_best, 2)
    assert round(square_best, 2) <= 0.41  # "still scores about 0.40"
    assert k2 - square_best > 0.1  # K = 2 "well above"
    assert 0 < k4 - square_best < 0.1  # K = 4 "only a little"
    assert k4 < k2


def test_k2_is_young_versus_old_and_the_truth_has_negative_tails(notebook):
    text = cell_output(notebook, "negative_k2 = (")
    assert number(text, r"^share of negative silhouettes, K = 2: ([\d.]+)%") < 2
    assert printed_value(
        text, r"^true segments with negative values: (\d+ of \d+)"
    ) == ("3 of 4")
    older_is_richer = r"^the older K = 2 cluster is also the richer one: (\w+)"
    assert printed_value(text, older_is_richer) == "True"


def test_worked_quiz_blobs_prefer_4_over_3(notebook):
    text = cell_output(notebook, "k3, k4 = ")
    k3, k4 = printed_value(
        text, r"^blobs: K = 3 silhouette ([\d.]+), K = 4 silhouette ([\d.]+)"
    )
    assert float(k3) < float(k4)


def test_exercise_31_uniform_square_has_a_knee_but_a_flat_silhouette(notebook):
    text = cell_output(notebook, "square_scores = scores_per_k(")
    assert re.search(r"^knee: K = \d+$", text, re.M)  # a knee is "found"
    silhouettes = [
        float(v)
        for k, v in re.findall(r"^(\d+)\s+([\d.]+)$", text, re.M)
        if int(k) >= 2 and "." in v
    ]
    assert len(silhouettes) == 9
    assert 0.35 <= min(silhouettes) and max(silhouettes) <= 0.41


def test_exercise_32_unscaled_scores_higher(notebook):
    text = cell_output(notebook, "raw_scores = scores_per_k(")
    raw = [float(v) for v in re.findall(r"^\d+\s+(0\.\d+)$", text, re.M)]
    scaled = cell_output(notebook, "true_silhouette = silhouette_score(")
    assert max(raw) > number(scaled, r"^K-Means, K = 2:\s+([\d.]+)")


def test_exercise_33_knee_moves_from_2_to_3_from_k1_and_is_4_from_k2(notebook):
    text = cell_output(notebook, "knee_grid = pd.Series(knees)")
    grid = {
        int(row[0]): (row[1], row[2])
        for row in (line.split() for line in text.splitlines())
        if len(row) == 3 and row[0].isdigit()
    }
    assert [grid[last][0] for last in range(6, 11)] == ["2", "2", "3", "3", "3"]
    assert {grid[last][1] for last in range(6, 11)} == {"4"}
    assert printed_value(text, r"^different answers: (.*)$") == "[2, 3, 4]"


def test_exercise_33_why_quotes_the_customers_first_fall_in_inertia(notebook):
    """The written answer's "inertia 600 -> 206" is the customers' K = 1 and K = 2."""
    text = cell_output(notebook, "customer_scores = scores_per_k(")
    rows = [line.split() for line in text.splitlines()]
    inertia = {int(row[0]): float(row[1]) for row in rows if row and row[0].isdigit()}
    assert (round(inertia[1]), round(inertia[2])) == (600, 206)
    (solution,) = [c.source for c in notebook.cells if "knees = {}" in c.source]
    assert "inertia 600 -> 206" in solution


def test_cluster_sizes_are_not_a_sign_of_a_good_k(notebook):
    """The diagram guidance agrees with the quiz and lesson 05: sizes may differ."""
    prose = " ".join(
        " ".join(c.source.split()) for c in notebook.cells if c.cell_type == "markdown"
    )
    assert "similar thickness" not in prose
    assert (
        "The bands' thickness — the cluster sizes — is not a sign either way" in prose
    )
    assert "bands of different thickness are not" in prose  # the takeaway
