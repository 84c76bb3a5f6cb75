"""Load the mall customers: the real Kaggle file when you have it, else the replica.

Harmless differences between copies found on the web are accepted (see the tests); a
damaged copy is refused with a message naming the file line, customer and column."""

import csv
import os
import re
from pathlib import Path

import pandas as pd

from course_utils import mall
from course_utils.mall import ORIGINAL_PATH, REPLICA_PATH, display_path

#: Each column's rule: what a value is, its lowest and highest (None: no bound). Gender
#: is one of ``mall.GENDERS``, the others are whole numbers (an age over 120 is a typo).
COLUMN_RULES = {
    mall.ID_COLUMN: ("a whole-number ID", 1, None),
    mall.GENDER_COLUMN: (" or ".join(mall.GENDERS) + " (any letter case)", None, None),
    mall.AGE_COLUMN: ("an age in whole years", 1, 120),
    mall.INCOME_COLUMN: ("a whole number of k$", 0, None),
    mall.SCORE_COLUMN: ("a whole-number score", *mall.SCORE_RANGE),
}
GET_THE_REAL_FILE = (
    f'download Mall_Customers.csv from the Kaggle dataset "{mall.KAGGLE_DATASET}" '
    "and save it as data/Mall_Customers.csv"
)


class MallDataError(ValueError):
    """A damaged mall file: its ``path`` as shown, ``line`` and ``column`` (or None)."""

    def __init__(self, message, path, line=None, column=None):
        super().__init__(message)
        self.path, self.line, self.column = path, line, column


def _key(header):
    """A header folded for matching: no case, no spaces or underscores."""
    return re.sub(r"[\s_]+", "", header).casefold()


_COLUMN_OF_KEY = {_key(name): name for name in mall.MALL_COLUMNS}
_COLUMN_OF_KEY["genre"] = mall.GENDER_COLUMN  # a spelling seen in copies of the file


def _read_rows(path, shown):
    """(file line, cells) of every non-blank line of the CSV file ``path``."""
    if not path.exists():
        raise FileNotFoundError(
            f"No mall customers file at {display_path(path)}. To use the real data, "
            f"{GET_THE_REAL_FILE} (full path: {ORIGINAL_PATH}); or load with no path."
        )
    if path.is_dir():
        raise MallDataError(f"{shown} is a folder, not a CSV file", shown)
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        message = f"{shown} is not UTF-8 text (byte {error.start}): is it the CSV file?"
        raise MallDataError(message, shown) from None
    rows, reader, start = [], csv.reader(text.splitlines()), 1
    for cells in reader:
        if any(cell.strip() for cell in cells) or len(cells) > 1:
            rows.append((start, cells))
        start = reader.line_num + 1
    if not rows:
        raise MallDataError(f"{shown} is empty: no header, no customers", shown)
    return rows


def _column_positions(header, shown):
    """{canonical column: position} from the header's cells."""
    positions, where = {}, f"{shown}, line 1"
    for position, cell in enumerate(header):
        column = _COLUMN_OF_KEY.get(_key(cell))
        if column in positions:
            message = f"{where}: column '{column}' appears twice in the header"
            raise MallDataError(message, shown, 1, column)
        if column is not None:
            positions[column] = position
    missing = [column for column in mall.MALL_COLUMNS if column not in positions]
    if missing:
        message = f"{where}: missing column(s) {', '.join(map(repr, missing))}; "
        message += f"the header has {header}, expected {list(mall.MALL_COLUMNS)}"
        raise MallDataError(message, shown, 1, missing[0])
    return positions


def _value(column, text, first_line_of):
    """The value of a cell of ``column`` by its rule, or a ValueError saying why not."""
    what, low, high = COLUMN_RULES[column]
    if not text:
        raise ValueError("the cell is blank")
    gender = {name.casefold(): name for name in mall.GENDERS}.get(text.casefold())
    if column == mall.GENDER_COLUMN and gender:
        return gender
    if column == mall.GENDER_COLUMN or not re.fullmatch(r"[+-]?\d+(\.0*)?", text):
        raise ValueError(f"expected {what}, got {text!r}")
    value = int(float(text))
    if value < low or (high is not None and value > high):
        bounds = f"at least {low}" if high is None else f"between {low} and {high}"
        raise ValueError(f"expected {what} ({bounds}), got {value}")
    if column == mall.ID_COLUMN and value in first_line_of:
        seen = f"first seen on line {first_line_of[value]}"
        raise ValueError(f"CustomerID {value} is duplicated ({seen})")
    return value


def load_mall_customers(path=None) -> pd.DataFrame:
    """Load the mall customers as the course's canonical table.

    Parameters
    ----------
    path : str or os.PathLike, optional
        The CSV file. Default: the real ``data/Mall_Customers.csv`` when it exists (see
        ``data/README.md``), else the replica ``data/mall_customers_replica.csv``.

    Returns
    -------
    pandas.DataFrame
        A row per customer, the columns ``mall.MALL_COLUMNS`` (Gender as strings, the
        others int64); ``attrs``: ``"source"`` ("original", "replica" or the path
        given), ``"path"`` and ``"description"``, a sentence to print.

    Raises
    ------
    FileNotFoundError, TypeError, MallDataError
        A missing file (the message says where to get the real one), a ``path`` that is
        not a path, a damaged file (a ``ValueError`` naming line, customer and column).
    """
    if path is None:
        source = "original" if ORIGINAL_PATH.is_file() else "replica"
        path = ORIGINAL_PATH if source == "original" else REPLICA_PATH
    elif isinstance(path, (str, os.PathLike)):
        source = display_path(path)
    else:
        raise TypeError(f"path must be a file path (str or pathlib.Path), got {path!r}")
    shown = display_path(path)
    (_, header), *rows = _read_rows(Path(path), shown)
    positions, customers, first_line_of = _column_positions(header, shown), [], {}
    for line, cells in rows:
        raw = dict(enumerate(cells)).get(positions[mall.ID_COLUMN], "").strip()
        where = f"{shown}, line {line}" + (f" (CustomerID {raw})" if raw else "")
        if len(cells) != len(header):
            message = f"{where}: the row has {len(cells)} value(s) but the header has "
            message += f"{len(header)} column(s); is a comma missing or extra?"
            raise MallDataError(message, shown, line)
        row = {}
        for column in mall.MALL_COLUMNS:  # each cell by its column's rule
            try:
                text = cells[positions[column]].strip()
                row[column] = _value(column, text, first_line_of)
            except ValueError as problem:
                message = f"{where}, column '{column}': {problem}"
                raise MallDataError(message, shown, line, column) from None
        first_line_of[row[mall.ID_COLUMN]] = line
        customers.append(row)
    if not customers:
        raise MallDataError(f"{shown} has a header but no customer rows", shown)
    table = pd.DataFrame(customers).astype({mall.GENDER_COLUMN: "str"})
    file = f"{shown} ({len(table)} customers)"
    description = {
        "original": f"Using the real mall customers file {file}.",
        "replica": f"Using the course's synthetic replica {file}: made by "
        "tools/make_mall_replica.py to match published facts about the real file. To "
        f"use the real data, {GET_THE_REAL_FILE}.",
    }.get(source, f"Using the mall customers file {file}.")
    table.attrs.update(source=source, path=shown, description=description)
    return table
