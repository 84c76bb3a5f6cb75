"""The claims lesson 04's prose makes, checked against what the committed lesson printed.

nbval checks that a fresh run prints the same, so these are claims about a fresh run.
"""

from __future__ import annotations

import pytest
from notebook_outputs import lesson_notebook, printed_text, printed_value


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


def test_exercise_4_1_one_eps_cannot_suit_both_densities(text):
    assert (
        printed_value(text, r"^knee eps: [\d.]+; tight blobs in one cluster: (\w+)$")
        == "True"
    )
    merged, noise = printed_value(
        text, r"^eps=0.3: tight blobs in one cluster: (\w+); wide blob noise: (\d+)%$"
    )
    assert merged == "False" and int(noise) > 50


def test_exercise_4_2_unsure_customers_sit_between_the_closest_components(text):
    shared = printed_value(text, r"^most shared pair: components (\d+ and \d+)$")
    closest = printed_value(text, r"^closest pair of component means: components (.+)$")
    assert shared == closest


def test_exercise_4_3_a_smaller_min_samples_still_finds_one_cluster(text):
    line = r"^DBSCAN, min_samples=4\s+(\d+)\s+[\d.]+\s+NaN\s+(-?[\d.]+)$"
    clusters, ari = printed_value(text, line)
    assert clusters == "1" and abs(float(ari)) < 0.05


def test_the_oldest_segment_is_twice_as_spread_out_as_the_youngest():
    # the prose explains the mixture's win by this fact of the data maker
    from course_utils.datasets import AGE_INCOME_SEGMENTS

    by_age = sorted(AGE_INCOME_SEGMENTS)  # (age centre, income centre, age sd)
    assert by_age[-1][2] / by_age[0][2] == 2
