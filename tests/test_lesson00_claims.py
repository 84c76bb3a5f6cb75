"""Lesson 00's prose against its executed output: exercise 0.1's written answer."""

import re

from notebook_outputs import cell_output, lesson_notebook


def income_ranges() -> dict[int, tuple[float, float]]:
    """Exercise 0.1's printed table: each segment's lowest and highest income (k$)."""
    printed = cell_output(lesson_notebook("00_introduction"), "n_segments = ")
    rows = re.findall(r"^(\d+)\s+([\d.]+)\s+([\d.]+)$", printed, flags=re.MULTILINE)
    return {int(s): (float(low), float(high)) for s, low, high in rows}


def shared(first, second) -> float:
    ranges = income_ranges()
    (low1, high1), (low2, high2) = ranges[first], ranges[second]
    return min(high1, high2) - max(low1, low2)


def test_0_1_segments_1_and_3_share_the_longest_stretch_and_0_barely_touches_2():
    """The model answer: "Segment 0 barely touches segment 2, but the incomes of segments
    1 and 3, the two widest, share a long stretch"."""
    ranges = income_ranges()
    assert sorted(ranges) == [0, 1, 2, 3]
    widths = {s: high - low for s, (low, high) in ranges.items()}
    assert sorted(widths, key=widths.get)[-2:] in ([1, 3], [3, 1]), widths
    pairs = [(0, 1), (0, 2), (0, 3), (1, 2), (1, 3), (2, 3)]
    longest = max(pairs, key=lambda pair: shared(*pair))
    assert longest == (1, 3)
    assert 0 < shared(0, 2) < shared(1, 3) / 4
    assert shared(0, 1) < 0 and shared(0, 3) < 0, "segment 0 meets segment 2 only"
