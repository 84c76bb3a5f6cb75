"""The mall loader: which file it picks and the harmless variants it accepts (damaged copies:
test_bad_inputs.py); files are written to tmp_path from the replica's text."""

import re

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from course_utils import mall_loader
from course_utils.mall import GENDER_COLUMN, REPLICA_PATH, SCORE_COLUMN
from course_utils.mall_loader import load_mall_customers

LINES = REPLICA_PATH.read_text(encoding="utf-8").splitlines()
REPLICA = pd.read_csv(REPLICA_PATH).astype({GENDER_COLUMN: "str"})


def write(path, lines, crlf=False, bom=False):
    newline = "\r\n" if crlf else "\n"
    path.write_bytes(b"\xef\xbb\xbf" * bom + (newline.join(lines) + newline).encode())
    return path


def test_the_default_is_the_saved_original_else_the_replica(monkeypatch, tmp_path):
    monkeypatch.setattr(mall_loader, "ORIGINAL_PATH", tmp_path / "Mall_Customers.csv")
    customers = load_mall_customers()
    pd.testing.assert_frame_equal(customers, REPLICA)
    assert customers.dtypes.drop(GENDER_COLUMN).eq(np.int64).all()
    source = customers.attrs["source"], customers.attrs["path"]  # no machine path
    assert source == ("replica", "data/mall_customers_replica.csv")
    description = customers.attrs["description"]
    assert "synthetic replica" in description and "200 customers" in description
    assert mall_loader.GET_THE_REAL_FILE in description
    original = write(tmp_path / "Mall_Customers.csv", LINES[:6])  # saved: the default
    customers = load_mall_customers()
    assert customers.attrs["source"] == "original" and len(customers) == 5
    assert customers.attrs["description"].startswith("Using the real mall customers")
    given_path = load_mall_customers(str(original))
    assert given_path.attrs["source"] == str(original) == given_path.attrs["path"]


VARIANTS = ["genre", "zero_pad", "spaces", "mixed_case", "upper_header", "floats"]
VARIANTS += ["reordered_and_extra", "blank_lines"]


def variant(flags):
    """The replica's lines as a copy in the wild might write them."""
    on = dict(zip(VARIANTS, flags, strict=True))
    out = []
    for number, line in enumerate(LINES):
        cells = line.split(",")
        if number == 0:
            cells[1] = "Genre" if on["genre"] else cells[1]
            cells = [c.upper() for c in cells] if on["upper_header"] else cells
        else:
            cells[0] = cells[0].zfill(4) if on["zero_pad"] else cells[0]
            if on["mixed_case"]:
                cells[1] = cells[1].lower() if number % 2 else cells[1].upper()
            cells[2:] = [f"{c}.0" for c in cells[2:]] if on["floats"] else cells[2:]
        if on["reordered_and_extra"]:
            cells = [cells[i] for i in (4, 2, 0, 3, 1)] + ["x" if number else "Notes"]
        out.append(",".join(f"  {c} " if on["spaces"] else c for c in cells))
        if on["blank_lines"] and number in (0, 2):
            out.append("" if number == 0 else "   ")
    return out


@pytest.mark.parametrize("name", [*VARIANTS, "windows"])
def test_each_variant_loads_as_the_replica(tmp_path, name):
    flags, windows = [v == name for v in VARIANTS], name == "windows"
    path = write(tmp_path / "mall.csv", variant(flags), windows, windows)
    pd.testing.assert_frame_equal(load_mall_customers(path), REPLICA)


@settings(max_examples=15, deadline=None)
@given(st.tuples(*[st.booleans()] * len(VARIANTS)), st.booleans(), st.booleans())
def test_any_mix_of_variants_loads_as_the_replica(tmp_path_factory, flags, crlf, bom):
    path = write(tmp_path_factory.mktemp("mix") / "mall.csv", variant(flags), crlf, bom)
    pd.testing.assert_frame_equal(load_mall_customers(path), REPLICA)


def test_the_score_rule_is_the_range_the_column_name_states():
    low, high = re.search(r"\((\d+)-(\d+)\)", SCORE_COLUMN).groups()
    assert mall_loader.COLUMN_RULES[SCORE_COLUMN][1:] == (int(low), int(high))
