"""Lesson 06's prose against its executed output: the written answers of its exercises."""

import re

from notebook_outputs import cell_output, lesson_notebook, printed_value


def printed(snippet: str) -> str:
    return cell_output(lesson_notebook("06_quiz"), snippet)


def test_6_1_the_value_falls_from_0_78_to_0_33_as_a_grows_and_b_stays():
    """ "a = 1 and b = 4.5 give 0.78 … a = 3 while b stays 4.5 … falls to 0.33"."""
    text = printed("by_position = {}")
    line = r"a = ([\d.]+), b = ([\d.]+), by hand ([\d.]+), scikit-learn ([\d.]+)"
    at_1 = printed_value(text, rf"^second customer at 1: {line}$")
    at_3 = printed_value(text, rf"^second customer at 3: {line}$")
    assert at_1 == ("1.00", "4.50", "0.78", "0.78")
    assert at_3 == ("3.00", "4.50", "0.33", "0.33")


def test_6_2_kmeans_takes_more_as_the_spreads_differ_and_the_mixture_does_not():
    """The model answer's numbers: K-Means takes 13 (ARI 0.78) at 1.5, 2 at 1.0 and 17
    at 2.0; the mixture takes 0 at 1.5 (ARI 0.98), at most 1, and keeps ARI ≥ 0.97."""
    pattern = (
        r"^loose spread ([\d.]+): (K-Means|Gaussian mixture): (\d+) of 50 loose "
        r"customers with the tight group, ARI ([\d.]+)$"
    )
    rows = re.findall(pattern, printed("results = {}"), flags=re.MULTILINE)
    found = {(float(s), name): (int(n), float(ari)) for s, name, n, ari in rows}
    assert len(found) == 6, rows
    kmeans = {s: found[s, "K-Means"] for s in (1.0, 1.5, 2.0)}
    mixture = {s: found[s, "Gaussian mixture"] for s in (1.0, 1.5, 2.0)}
    assert kmeans[1.5] == (13, 0.78) and kmeans[1.0][0] == 2 and kmeans[2.0][0] == 17
    assert mixture[1.5] == (0, 0.98)
    assert all(n <= 1 and ari >= 0.97 for n, ari in mixture.values()), mixture
    assert all(mixture[s][1] > kmeans[s][1] for s in (1.0, 1.5, 2.0)), "mixture better"
