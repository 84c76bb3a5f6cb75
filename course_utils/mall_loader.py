"""Load the mall customers: the real Kaggle file when you have it, else the course's replica.

:func:`load_mall_customers` reads one CSV file and returns the canonical table (see
:data:`course_utils.mall.MALL_COLUMNS`). It accepts the harmless differences between copies of
the file found on the web — a ``Genre`` header instead of ``Gender``, zero-padded IDs (``0001``),
Windows line endings, a byte-order mark, spaces around values and headers, any letter case in
headers and genders — and refuses damaged copies with a :class:`MallDataError` that names the
file line, the customer and the column, so the problem can be fixed by hand.
"""

from __future__ import annotations

import csv
import io
import os
import re
from pathlib import Path

import numpy as np
import pandas as pd

from course_utils.mall import (
    AGE_COLUMN,
    GENDER_COLUMN,
    GENDERS,
    ID_COLUMN,
    INCOME_COLUMN,
    KAGGLE_DATASET,
    MALL_COLUMNS,
    ORIGINAL_PATH,
    REPLICA_PATH,
    SCORE_COLUMN,
    SCORE_RANGE,
    display_path,
)

#: Header spellings seen in copies of the file, besides the canonical ones.
HEADER_ALIASES = {"genre": GENDER_COLUMN}
#: Accepted ages in years (inclusive): anything else is a typing error.
AGE_RANGE = (1, 120)
#: What ``df.attrs["source"]`` says when no path was given.
SOURCE_ORIGINAL, SOURCE_REPLICA = "original", "replica"

_WHOLE_NUMBER = re.compile(r"[+-]?\d+(?:\.0*)?")


class MallDataError(ValueError):
    """A mall customers file that cannot be used as it is.

    Attributes
    ----------
    path : str
        The file, as shown to the user.
    line : int or None
        The line of the file (1 is the header), when the problem is in one row.
    column : str or None
        The canonical column name, when the problem is in one column.
    """

    def __init__(
        self,
        message: str,
        *,
        path: str,
        line: int | None = None,
        column: str | None = None,
    ):
        super().__init__(message)
        self.path, self.line, self.column = path, line, column


def _header_key(name: str) -> str:
    """Fold a header for matching: no case, no spaces or underscores."""
    return re.sub(r"[\s_]+", "", name).casefold()


_CANONICAL_KEYS = {_header_key(column): column for column in MALL_COLUMNS}
_CANONICAL_KEYS.update(
    {_header_key(alias): column for alias, column in HEADER_ALIASES.items()}
)


def _not_found_message(path: Path) -> str:
    return (
        f"No mall customers file at {display_path(path)}. To use the real data, download "
        f'Mall_Customers.csv from the public Kaggle dataset "{KAGGLE_DATASET}" and save it as '
        f"data/Mall_Customers.csv (full path: {ORIGINAL_PATH}); or call load_mall_customers() "
        "without a path to use the course's synthetic replica."
    )


def _resolve_source(path) -> tuple[Path, str]:
    """Return the file to read and the value of ``attrs["source"]``."""
    if path is None:
        if ORIGINAL_PATH.is_file():
            return ORIGINAL_PATH, SOURCE_ORIGINAL
        return REPLICA_PATH, SOURCE_REPLICA
    if not isinstance(path, (str, os.PathLike)):
        raise TypeError(
            f"path must be a file path (str or pathlib.Path), got {path!r} "
            f"({type(path).__name__})"
        )
    path = Path(path)
    return path, display_path(path)


def _describe(source: str, shown: str, n_rows: int) -> str:
    """The sentence a lesson prints to say which data it is using."""
    if source == SOURCE_ORIGINAL:
        return f"Using the real mall customers file {shown} ({n_rows} customers)."
    if source == SOURCE_REPLICA:
        return (
            f"Using the course's synthetic replica {shown} ({n_rows} customers): made by "
            "tools/make_mall_replica.py to match published facts about the real file. To use the "
            f'real data, download Mall_Customers.csv from the Kaggle dataset "{KAGGLE_DATASET}" '
            "and save it as data/Mall_Customers.csv."
        )
    return f"Using the mall customers file {shown} ({n_rows} customers)."


def _read_rows(path: Path, shown: str) -> list[tuple[int, list[str]]]:
    """Return (line number, cells) for every non-blank line of the CSV file."""
    if not path.exists():
        raise FileNotFoundError(_not_found_message(path))
    if path.is_dir():
        raise MallDataError(f"{shown} is a folder, not a CSV file", path=shown)
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise MallDataError(
            f"{shown} is not UTF-8 text (byte {error.start}): is it really the CSV file?",
            path=shown,
        ) from None
    rows = []
    reader = csv.reader(io.StringIO(text, newline=""))
    start = 1
    for cells in reader:
        if any(cell.strip() for cell in cells) or len(cells) > 1:
            rows.append((start, cells))
        start = reader.line_num + 1
    if not rows:
        raise MallDataError(
            f"{shown} is empty: expected a header line and one row per customer",
            path=shown,
        )
    return rows


def _map_header(cells: list[str], shown: str) -> dict[str, int]:
    """Return {canonical column: position} from the header cells."""
    positions: dict[str, int] = {}
    for position, cell in enumerate(cells):
        column = _CANONICAL_KEYS.get(_header_key(cell))
        if column is None:
            continue
        if column in positions:
            raise MallDataError(
                f"{shown}, line 1: column '{column}' appears twice in the header "
                f"({cells[positions[column]].strip()!r} and {cell.strip()!r})",
                path=shown,
                line=1,
                column=column,
            )
        positions[column] = position
    missing = [column for column in MALL_COLUMNS if column not in positions]
    if missing:
        found = ", ".join(repr(cell.strip()) for cell in cells)
        raise MallDataError(
            f"{shown}, line 1: missing column(s) {', '.join(map(repr, missing))}; "
            f"the header has {found}. Expected the columns {', '.join(MALL_COLUMNS)}",
            path=shown,
            line=1,
            column=missing[0],
        )
    return positions


def _whole_number(
    text: str, *, what: str, low: int, high: int | None
) -> tuple[int | None, str]:
    """Parse a whole number within bounds; return (value, "") or (None, the problem)."""
    if not _WHOLE_NUMBER.fullmatch(text):
        return None, f"expected {what}, got {text!r}"
    value = int(float(text))
    if value < low or (high is not None and value > high):
        bounds = f"between {low} and {high}" if high is not None else f"at least {low}"
        return None, f"expected {what} ({bounds}), got {value}"
    return value, ""


def _parse_cell(column: str, text: str) -> tuple[object, str]:
    """Return (value, "") for a valid cell of ``column``, else (None, the problem)."""
    if column == GENDER_COLUMN:
        for gender in GENDERS:
            if text.casefold() == gender.casefold():
                return gender, ""
        return None, f"expected {' or '.join(GENDERS)} (any letter case), got {text!r}"
    if column == ID_COLUMN:
        return _whole_number(text, what="a whole-number ID", low=1, high=None)
    if column == AGE_COLUMN:
        return _whole_number(
            text, what="an age in whole years", low=AGE_RANGE[0], high=AGE_RANGE[1]
        )
    if column == INCOME_COLUMN:
        return _whole_number(text, what="a whole number of k$", low=0, high=None)
    if column == SCORE_COLUMN:
        return _whole_number(
            text, what="a whole-number score", low=SCORE_RANGE[0], high=SCORE_RANGE[1]
        )
    raise KeyError(f"no parser for column {column!r}")


def _parse_rows(rows, positions: dict[str, int], shown: str) -> dict[str, list]:
    """Check every data row and return the values column by column."""
    values: dict[str, list] = {column: [] for column in MALL_COLUMNS}
    first_line_of_id: dict[int, int] = {}
    width = len(rows[0][1])
    for line, cells in rows[1:]:
        raw = (
            cells[positions[ID_COLUMN]].strip()
            if len(cells) > positions[ID_COLUMN]
            else ""
        )
        where = f"{shown}, line {line}" + (f" (CustomerID {raw})" if raw else "")
        if len(cells) != width:
            raise MallDataError(
                f"{where}: the row has {len(cells)} value(s) but the header has {width} "
                "column(s); is a comma missing or extra?",
                path=shown,
                line=line,
            )
        for column in MALL_COLUMNS:
            text = cells[positions[column]].strip()
            if not text:
                raise MallDataError(
                    f"{where}, column '{column}': the cell is blank",
                    path=shown,
                    line=line,
                    column=column,
                )
            value, problem = _parse_cell(column, text)
            if problem:
                raise MallDataError(
                    f"{where}, column '{column}': {problem}",
                    path=shown,
                    line=line,
                    column=column,
                )
            values[column].append(value)
        customer = values[ID_COLUMN][-1]
        if customer in first_line_of_id:
            raise MallDataError(
                f"{where}, column '{ID_COLUMN}': CustomerID {customer} is duplicated "
                f"(first seen on line {first_line_of_id[customer]})",
                path=shown,
                line=line,
                column=ID_COLUMN,
            )
        first_line_of_id[customer] = line
    if not values[ID_COLUMN]:
        raise MallDataError(f"{shown} has a header but no customer rows", path=shown)
    return values


def load_mall_customers(path=None) -> pd.DataFrame:
    """Load the mall customers as the course's canonical table.

    Parameters
    ----------
    path : str or os.PathLike, optional
        The CSV file to read. By default the real file ``data/Mall_Customers.csv`` when it
        exists (you download it from Kaggle, see ``data/README.md``), else the synthetic replica
        ``data/mall_customers_replica.csv`` shipped with the course.

    Returns
    -------
    pandas.DataFrame
        One row per customer, in file order, with the columns ``CustomerID``, ``Age``,
        ``Annual Income (k$)``, ``Spending Score (1-100)`` (int64) and ``Gender``
        ("Female"/"Male", pandas string dtype), in the order of
        :data:`course_utils.mall.MALL_COLUMNS`. ``df.attrs`` records where it came from:
        ``"source"`` is ``"original"``, ``"replica"`` or the path given; ``"path"`` is the file
        (relative to the project when inside it); ``"description"`` is a sentence to print.

    Raises
    ------
    FileNotFoundError
        If ``path`` does not exist; the message says where to download and save the real file.
    MallDataError
        (a ``ValueError``) if the file is empty, lacks a column, or has a blank or invalid cell
        (non-numeric, not a whole number, an age outside 1-120, a negative income, a score
        outside 1-100, a gender other than Female/Male) or a duplicated ``CustomerID``; the
        message names the file line, the customer and the column.
    TypeError
        If ``path`` is not a path.
    """
    file, source = _resolve_source(path)
    shown = display_path(file)
    rows = _read_rows(file, shown)
    positions = _map_header(rows[0][1], shown)
    values = _parse_rows(rows, positions, shown)
    table = pd.DataFrame(
        {
            column: (
                pd.array(values[column], dtype="str")
                if column == GENDER_COLUMN
                else np.array(values[column], dtype=np.int64)
            )
            for column in MALL_COLUMNS
        }
    )
    table.attrs.update(
        source=source, path=shown, description=_describe(source, shown, len(table))
    )
    return table
