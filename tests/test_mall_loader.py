"""The mall loader: which file it picks, the harmless variants it accepts, the damage it refuses.

Every file here is written to ``tmp_path`` from the replica's own text, so the tests never need
the real Kaggle file (and do not notice whether a user has saved one).
"""

import re

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from course_utils import mall_loader
from course_utils.mall import (
    AGE_COLUMN,
    GENDER_COLUMN,
    ID_COLUMN,
    INCOME_COLUMN,
    KAGGLE_DATASET,
    MALL_COLUMNS,
    REPLICA_PATH,
    SCORE_COLUMN,
)
from course_utils.mall_loader import MallDataError, load_mall_customers


def make_mall_replica() -> pd.DataFrame:
    """The committed replica read with plain pandas, in the loader's dtypes."""
    table = pd.read_csv(REPLICA_PATH)
    return table.assign(**{GENDER_COLUMN: table[GENDER_COLUMN].astype("str")})


HEADER = ",".join(MALL_COLUMNS)
# The replica's first customers, as text: line 1 is the header, line n + 1 is CustomerID n.
REPLICA_LINES = REPLICA_PATH.read_text(encoding="utf-8").splitlines()
SMALL_LINES = REPLICA_LINES[:6]


@pytest.fixture
def no_original(monkeypatch, tmp_path):
    """Pretend no real file has been saved, whatever the user's data/ folder holds."""
    monkeypatch.setattr(
        mall_loader, "ORIGINAL_PATH", tmp_path / "absent" / "Mall_Customers.csv"
    )


def write(tmp_path, lines, name="mall.csv", newline="\n"):
    path = tmp_path / name
    path.write_bytes((newline.join(lines) + newline).encode("utf-8"))
    return path


def replace_cell(lines, line_number, column, value):
    """Return ``lines`` with one cell (1-based file line, canonical column) replaced."""
    lines = list(lines)
    cells = lines[line_number - 1].split(",")
    cells[MALL_COLUMNS.index(column)] = value
    lines[line_number - 1] = ",".join(cells)
    return lines


# --- which file ------------------------------------------------------------------------------


def test_default_is_the_replica_when_no_original_is_saved(no_original):
    customers = load_mall_customers()
    pd.testing.assert_frame_equal(customers, make_mall_replica())
    assert customers.attrs["source"] == "replica"
    assert customers.attrs["path"] == "data/mall_customers_replica.csv"
    description = customers.attrs["description"]
    assert "synthetic replica" in description and "200 customers" in description
    assert "data/Mall_Customers.csv" in description and KAGGLE_DATASET in description


def test_default_is_the_original_when_it_is_saved(monkeypatch, tmp_path):
    original = write(tmp_path, SMALL_LINES, name="Mall_Customers.csv")
    monkeypatch.setattr(mall_loader, "ORIGINAL_PATH", original)
    customers = load_mall_customers()
    assert customers.attrs["source"] == "original"
    assert customers.attrs["description"].startswith(
        "Using the real mall customers file"
    )
    assert len(customers) == 5


def test_a_given_path_is_recorded_as_the_source(tmp_path):
    path = write(tmp_path, SMALL_LINES)
    customers = load_mall_customers(path)
    assert customers.attrs["source"] == str(path) == customers.attrs["path"]
    assert str(path) in customers.attrs["description"]
    assert customers[ID_COLUMN].tolist() == [1, 2, 3, 4, 5]
    pd.testing.assert_frame_equal(load_mall_customers(str(path)), customers)


def test_canonical_schema(no_original):
    customers = load_mall_customers()
    assert list(customers.columns) == list(MALL_COLUMNS)
    for column in (ID_COLUMN, AGE_COLUMN, INCOME_COLUMN, SCORE_COLUMN):
        assert customers[column].dtype == np.int64
    assert pd.api.types.is_string_dtype(customers[GENDER_COLUMN])
    assert customers[GENDER_COLUMN].dtype == make_mall_replica()[GENDER_COLUMN].dtype


# --- copies found in the wild ------------------------------------------------------------------


def variant_lines(genre, zero_pad, spaces, lower_gender, upper_header, float_numbers):
    lines = []
    for number, line in enumerate(REPLICA_LINES):
        cells = line.split(",")
        if number == 0:
            if genre:
                cells[1] = "Genre"
            if upper_header:
                cells = [cell.upper() for cell in cells]
        else:
            if zero_pad:
                cells[0] = cells[0].zfill(4)
            if lower_gender:
                cells[1] = cells[1].lower() if number % 2 else cells[1].upper()
            if float_numbers:
                cells[2:] = [f"{cell}.0" for cell in cells[2:]]
        if spaces:
            cells = [f"  {cell} " for cell in cells]
        lines.append(",".join(cells))
    return lines


@pytest.mark.parametrize(
    "variant",
    ["genre", "zero_pad", "spaces", "lower_gender", "upper_header", "float_numbers"],
)
def test_each_variant_loads_as_the_replica(tmp_path, variant):
    flags = dict.fromkeys(
        [
            "genre",
            "zero_pad",
            "spaces",
            "lower_gender",
            "upper_header",
            "float_numbers",
        ],
        False,
    )
    flags[variant] = True
    path = write(tmp_path, variant_lines(**flags))
    pd.testing.assert_frame_equal(load_mall_customers(path), make_mall_replica())


def test_windows_line_endings_and_byte_order_mark_load(tmp_path):
    path = tmp_path / "windows.csv"
    path.write_bytes(
        b"\xef\xbb\xbf" + ("\r\n".join(REPLICA_LINES) + "\r\n").encode("utf-8")
    )
    pd.testing.assert_frame_equal(load_mall_customers(path), make_mall_replica())


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(flags=st.tuples(*[st.booleans()] * 6), newline=st.sampled_from(["\n", "\r\n"]))
def test_any_mix_of_variants_loads_as_the_replica(tmp_path, flags, newline):
    path = write(tmp_path, variant_lines(*flags), name="mixed.csv", newline=newline)
    pd.testing.assert_frame_equal(load_mall_customers(path), make_mall_replica())


def test_blank_lines_are_skipped_and_extra_columns_ignored(tmp_path):
    lines = [line + ",x" for line in SMALL_LINES]
    lines[0] = HEADER + ",Notes"
    path = write(tmp_path, [lines[0], "", *lines[1:3], "   ", *lines[3:], ""])
    customers = load_mall_customers(path)
    assert list(customers.columns) == list(MALL_COLUMNS)
    assert customers[ID_COLUMN].tolist() == [1, 2, 3, 4, 5]


def test_reordered_columns_load_in_canonical_order(tmp_path):
    order = [4, 2, 0, 3, 1]
    lines = [",".join(line.split(",")[i] for i in order) for line in SMALL_LINES]
    customers = load_mall_customers(write(tmp_path, lines))
    expected = load_mall_customers(write(tmp_path, SMALL_LINES, name="plain.csv"))
    pd.testing.assert_frame_equal(customers, expected)


# --- damaged copies ----------------------------------------------------------------------------

# (case, lines, line named, column named, words the message must contain)
DAMAGED = [
    (
        "blank cell",
        replace_cell(SMALL_LINES, 4, AGE_COLUMN, " "),
        4,
        AGE_COLUMN,
        ["CustomerID 3", "blank"],
    ),
    (
        "non-numeric age",
        replace_cell(SMALL_LINES, 3, AGE_COLUMN, "twenty"),
        3,
        AGE_COLUMN,
        ["CustomerID 2", "'twenty'", "whole years"],
    ),
    (
        "fractional age",
        replace_cell(SMALL_LINES, 3, AGE_COLUMN, "20.5"),
        3,
        AGE_COLUMN,
        ["'20.5'"],
    ),
    (
        "age out of range",
        replace_cell(SMALL_LINES, 3, AGE_COLUMN, "240"),
        3,
        AGE_COLUMN,
        ["between 1 and 120", "240"],
    ),
    (
        "score above 100",
        replace_cell(SMALL_LINES, 5, SCORE_COLUMN, "101"),
        5,
        SCORE_COLUMN,
        ["CustomerID 4", "between 1 and 100", "101"],
    ),
    (
        "score of zero",
        replace_cell(SMALL_LINES, 5, SCORE_COLUMN, "0"),
        5,
        SCORE_COLUMN,
        ["between 1 and 100", "got 0"],
    ),
    (
        "negative income",
        replace_cell(SMALL_LINES, 6, INCOME_COLUMN, "-15"),
        6,
        INCOME_COLUMN,
        ["CustomerID 5", "at least 0", "-15"],
    ),
    (
        "unknown gender",
        replace_cell(SMALL_LINES, 2, GENDER_COLUMN, "X"),
        2,
        GENDER_COLUMN,
        ["CustomerID 1", "Female or Male", "'X'"],
    ),
    (
        "duplicated ID",
        replace_cell(SMALL_LINES, 5, ID_COLUMN, "2"),
        5,
        ID_COLUMN,
        ["CustomerID 2 is duplicated", "first seen on line 3"],
    ),
    (
        "non-numeric ID",
        replace_cell(SMALL_LINES, 5, ID_COLUMN, "C-4"),
        5,
        ID_COLUMN,
        ["'C-4'"],
    ),
    (
        "missing column",
        [",".join(line.split(",")[:4]) for line in SMALL_LINES],
        1,
        SCORE_COLUMN,
        ["missing column", "'Spending Score (1-100)'"],
    ),
    (
        "duplicated column",
        [SMALL_LINES[0] + ",Genre", *(x + ",Male" for x in SMALL_LINES[1:])],
        1,
        GENDER_COLUMN,
        ["appears twice"],
    ),
    (
        "short row",
        [*SMALL_LINES[:3], SMALL_LINES[3].rsplit(",", 1)[0], *SMALL_LINES[4:]],
        4,
        None,
        ["CustomerID 3", "4 value(s)", "5 column(s)"],
    ),
]


@pytest.mark.parametrize(
    ("lines", "line", "column", "words"),
    [case[1:] for case in DAMAGED],
    ids=[case[0] for case in DAMAGED],
)
def test_damaged_file_is_refused_naming_line_and_column(
    tmp_path, lines, line, column, words
):
    path = write(tmp_path, lines)
    with pytest.raises(MallDataError) as caught:
        load_mall_customers(path)
    error = caught.value
    message = str(error)
    assert isinstance(error, ValueError)
    assert (error.line, error.column) == (line, column)
    assert message.startswith(f"{path}, line {line}")
    if column is not None:
        assert f"column '{column}'" in message or repr(column) in message
    for word in words:
        assert word in message, (word, message)


def test_an_error_in_a_windows_file_names_the_right_line(tmp_path):
    lines = replace_cell(REPLICA_LINES, 150, SCORE_COLUMN, "abc")
    path = write(tmp_path, lines, newline="\r\n")
    with pytest.raises(
        MallDataError, match=r"line 150 \(CustomerID 149\), column 'Spending"
    ):
        load_mall_customers(path)


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"", "is empty"),
        (b"\n \r\n\n", "is empty"),
        (HEADER.encode() + b"\n", "no customer rows"),
    ],
    ids=["zero bytes", "only blank lines", "header only"],
)
def test_empty_files_are_refused(tmp_path, content, words):
    path = tmp_path / "empty.csv"
    path.write_bytes(content)
    with pytest.raises(MallDataError, match=words):
        load_mall_customers(path)


def test_a_binary_file_is_refused(tmp_path):
    path = tmp_path / "mall.xlsx"
    path.write_bytes(b"PK\x03\x04\xff\xfe\x00")
    with pytest.raises(MallDataError, match="not UTF-8 text"):
        load_mall_customers(path)


def test_a_missing_file_says_where_to_get_and_put_the_real_one(tmp_path):
    with pytest.raises(FileNotFoundError) as caught:
        load_mall_customers(tmp_path / "nope.csv")
    message = str(caught.value)
    assert str(tmp_path / "nope.csv") in message
    assert "data/Mall_Customers.csv" in message
    assert f'Kaggle dataset "{KAGGLE_DATASET}"' in message


def test_a_folder_and_a_non_path_are_refused(tmp_path):
    with pytest.raises(MallDataError, match="is a folder"):
        load_mall_customers(tmp_path)
    with pytest.raises(TypeError, match="path must be a file path"):
        load_mall_customers(42)


def test_paths_inside_the_project_are_shown_relative_to_it():
    customers = load_mall_customers(REPLICA_PATH)
    assert customers.attrs["path"] == "data/mall_customers_replica.csv"
    assert not re.search(r"/(work|home|tmp)/", customers.attrs["description"])
