"""The claims lesson 04's prose makes, checked against what the committed lesson printed.

nbval checks that a fresh run prints the same, so these are claims about a fresh run.
"""

from __future__ import annotations

import re

import pytest
from notebook_outputs import cell_output, lesson_notebook, printed_text, printed_value


@pytest.fixture(scope="module")
def text() -> str:
    return printed_text(lesson_notebook("04_four_algorithms"))


def number(text: str, pattern: str) -> float:
    return float(printed_value(text, pattern))


def test_the_mixture_is_closest_to_the_truth_and_k_means_wins_silhouette(text):
    assert printed_value(text, r"^best ARI: (.+)$") == "Gaussian mixture"
    # the prose: HDBSCAN's silhouette is the highest only because noise is left out
    assert printed_value(text, r"^best silhouette: (.+)$") == "HDBSCAN"
    assert printed_value(text, r"^best silhouette without noise: (.+)$") == "K-Means"


def test_dbscan_at_the_knee_finds_one_cluster_and_scores_near_zero(text):
    line = r"^DBSCAN \(knee eps\): (\d+) cluster\(s\), (\d+)% noise, ARI (-?[\d.]+)$"
    assert printed_value(text, line)[0] == "1"
    assert 0 < int(printed_value(text, line)[1]) < 10  # "a few noise customers"
    assert abs(float(printed_value(text, line)[2])) < 0.05


def test_hdbscan_finds_several_clusters_by_calling_many_customers_noise(text):
    line = r"^HDBSCAN: (\d+) cluster\(s\), (\d+)% noise, ARI ([\d.]+)$"
    clusters, noise, ari = printed_value(text, line)
    assert int(clusters) >= 2 and int(noise) >= 20
    mixture_ari = number(text, r"^Gaussian mixture's ARI: ([\d.]+)$")
    assert float(ari) < mixture_ari


def test_both_degenerate_runs_score_exactly_zero(text):
    assert printed_value(text, r"^DBSCAN, eps=3 \(too large\): ARI (\S+)$") == "0.0"
    assert printed_value(text, r"^DBSCAN, eps=0.01 \(too small\): ARI (\S+)$") == "0.0"


def test_the_tree_cut_is_scikit_learns_and_suggests_two(text):
    assert (
        printed_value(text, r"AgglomerativeClustering\(n_clusters=4\): (\S+)$") == "1.0"
    )
    assert printed_value(text, r"^longest stretch .* leaves (\d+)$") == "2"


def test_ward_and_average_best_and_single_linkage_swallows_nearly_everyone(text):
    best = printed_value(text, r"^closest to the truth: (\w+) and (\w+) linkage$")
    assert set(best) == {"ward", "average"}
    sizes = printed_value(text, r"^cluster sizes with single linkage: \[(.*)\]$")
    sizes = [int(size) for size in sizes.split(",")]
    assert max(sizes) / sum(sizes) > 0.9


def test_the_grid_finds_several_clusters_only_with_much_noise(text):
    line = (
        r"^best ARI in the grid: ([\d.]+) at eps=([\d.]+), min_samples=\d+: "
        r"(\d+) clusters, (\d+)% noise$"
    )
    ari, eps, clusters, noise = printed_value(text, line)
    knee = number(text, r"^eps at the knee \(min_samples=10\): ([\d.]+)$")
    assert float(eps) < knee  # the best setting is below the knee's radius
    assert int(clusters) >= 2 and int(noise) > 20  # "more than a fifth"
    assert 0.5 < float(ari) < number(text, r"^Gaussian mixture's ARI: ([\d.]+)$")
    one_from = number(text, r"^one cluster for every min_samples from eps=([\d.]+) on$")
    assert abs(one_from - knee) < 0.1  # "from a radius near the knee's"


def test_noise_customers_are_far_from_the_average_customer(text):
    line = r"average customer: noise ([\d.]+) sd, others ([\d.]+) sd$"
    noise, others = printed_value(text, line)
    assert float(noise) > float(others)


def test_diag_has_lowest_bic_full_highest_ari_and_neither_criterion_picks_four(text):
    assert printed_value(text, r"^lowest BIC: (\w+)$") == "diag"
    assert printed_value(text, r"^highest ARI: (\w+)$") == "full"
    bic_k, aic_k = printed_value(text, r"^BIC picks (\d+) components, AIC picks (\d+)")
    assert int(bic_k) < 4 < int(aic_k)


@pytest.mark.parametrize("data", ["moons", "circles"])
def test_density_and_single_linkage_find_the_shapes_and_silhouette_does_not(text, data):
    line = (
        rf"^{data}: DBSCAN \(knee eps\) ARI ([\d.]+) with (\d+)% noise; single linkage "
        r"ARI ([\d.]+); K-Means ARI (-?[\d.]+)$"
    )
    dbscan, noise, single, kmeans = printed_value(text, line)
    assert (dbscan, noise, single) == ("1.0", "0", "1.0")
    assert float(kmeans) < 0.5
    assert printed_value(text, rf"^{data}: best silhouette: (.+)$") == "K-Means"


def table_rows(table: str) -> dict[str, list[str]]:
    """A printed table's rows: the row name (words before two spaces) -> its cells, in
    order (pandas prints a wide table in blocks of columns, each block every row)."""
    rows = {}
    for line in table.splitlines():
        name, _, cells = line.partition("  ")
        rows.setdefault(name.strip(), []).extend(cells.split())
    return rows


def test_exercise_4_1_one_eps_cannot_suit_both_densities(text):
    # its answer: the knee's eps (1.02) merges the tight blobs, 0.3 leaves the wide noise
    knee, merged = printed_value(
        text, r"^knee eps: ([\d.]+); tight blobs in one cluster: (\w+)$"
    )
    assert f"{float(knee):.2f}" == "1.02" and merged == "True"
    merged, noise = printed_value(
        text, r"^eps=0.3: tight blobs in one cluster: (\w+); wide blob noise: (\d+)%$"
    )
    assert merged == "False" and noise == "100"  # "the whole wide blob"
    # "K-Means, ward, HDBSCAN and the mixture recover the blobs (ARI 0.96 or more);
    # DBSCAN finds 2 clusters for 3 blobs"
    rows = table_rows(
        cell_output(lesson_notebook("04_four_algorithms"), "densities.round(3)")
    )
    for name in ["K-Means", "Agglomerative (ward)", "HDBSCAN", "Gaussian mixture"]:
        assert rows[name][0] == "3" and float(rows[name][3]) >= 0.96, name
    assert rows["DBSCAN (knee eps)"][0] == "2"
    assert float(rows["DBSCAN (knee eps)"][3]) < 0.6


def test_exercise_4_2_unsure_customers_sit_between_the_closest_components(text):
    shared = printed_value(text, r"^most shared pair: components (\d+ and \d+)$")
    closest = printed_value(text, r"^closest pair of component means: components (.+)$")
    assert shared == closest == "1 and 2"
    # its answer: "39 of the 46 ... between components 1 and 2"; 0 and 2, 0 and 3 share
    # a few; the other pairs none
    assert printed_value(text, r"^(\d+) customers below 0.8$") == "46"
    counts = dict(re.findall(r"^(\d and \d)\s+(\d+)$", text, re.MULTILINE))
    assert counts == {"1 and 2": "39", "0 and 2": "5", "0 and 3": "2"}


def test_exercise_4_3_a_smaller_min_samples_still_finds_one_cluster(text):
    line = r"^DBSCAN, min_samples=4\s+(\d+)\s+([\d.]+)\s+NaN\s+(-?[\d.]+)$"
    clusters, noise, ari = printed_value(text, line)
    assert clusters == "1" and abs(float(ari)) < 0.05
    assert f"{float(noise):.0%}" == "6%"  # "one cluster again, with 6% noise"
    # "the knee moves to a smaller eps (0.28 instead of 0.37)"
    eps_4 = number(text, r"^knee eps with min_samples=4: ([\d.]+)$")
    knee = number(text, r"^eps at the knee \(min_samples=10\): ([\d.]+)$")
    assert (f"{eps_4:.2f}", f"{knee:.2f}") == ("0.28", "0.37")
    # "in the grid, min_samples=5 gives one cluster from eps=0.25 on, where
    # min_samples=10 still found 5 clusters (ARI 0.59, with 21% noise)"
    grid = table_rows(cell_output(lesson_notebook("04_four_algorithms"), "grid.pivot("))
    for eps in ["0.25", "0.30", "0.40", "0.50"]:
        assert grid[eps][0] == "1.0", eps  # min_samples=5: clusters found
    assert grid["0.20"][0] != "1.0"
    assert (grid["0.25"][1], grid["0.25"][5], grid["0.25"][9]) == (
        "5.0",
        "0.21",
        "0.59",
    )


def test_the_oldest_segment_is_twice_as_spread_out_as_the_youngest():
    # the prose explains the mixture's win by this fact of the data maker
    from course_utils.datasets import AGE_INCOME_SEGMENTS

    by_age = sorted(AGE_INCOME_SEGMENTS)  # (age centre, income centre, age sd)
    assert by_age[-1][2] / by_age[0][2] == 2
