"""The course map: the parts and pages of the website, read from ``_toc.yml``.

Lesson 00 shows this map, so the order of the lessons is written in one place only.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import yaml

#: ``_toc.yml`` at the root of the course checkout.
TOC_FILE = Path(__file__).resolve().parents[1] / "_toc.yml"


def page_title(path: str | Path) -> str:
    """Return the first level-1 heading of a page (``.ipynb``, ``.md`` or py:percent ``.py``).

    Parameters
    ----------
    path : str or Path
        The page's file, which exists.

    Returns
    -------
    str
        The heading's text without the leading ``#``.

    Raises
    ------
    ValueError
        If the page has no level-1 heading.
    """
    path = Path(path)
    if path.suffix == ".ipynb":
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        lines = [
            line
            for cell in cells
            if cell["cell_type"] == "markdown"
            for line in "".join(cell["source"]).splitlines()
        ]
    elif path.suffix == ".py":
        lines = [
            line.removeprefix("# ")
            for line in path.read_text(encoding="utf-8").splitlines()
        ]
    else:
        lines = path.read_text(encoding="utf-8").splitlines()
    for line in lines:
        if line.startswith("# "):
            return line[2:].strip()
    raise ValueError(f"{path} has no level-1 heading ('# Title')")


def _resolve(root: Path, stem: str) -> Path:
    for suffix in (".ipynb", ".md", ".py"):
        candidate = root / f"{stem}{suffix}"
        if candidate.is_file():
            return candidate
    raise FileNotFoundError(
        f"_toc.yml names {stem!r} but no .ipynb, .md or .py file exists"
    )


def course_map(toc_file: str | Path | None = None) -> pd.DataFrame:
    """Return the course's parts and pages in reading order.

    Parameters
    ----------
    toc_file : str or Path, optional
        A jb-book ``_toc.yml`` (``root``, ``parts`` of ``chapters``); defaults to the
        course's own.

    Returns
    -------
    pandas.DataFrame
        One row per page: ``part`` (the part's caption), ``page`` (its title) and ``file``
        (relative to the book's root), in the order of the table of contents. The root page
        comes first, in part ``"Start"``.

    Raises
    ------
    FileNotFoundError
        If a page the table of contents names does not exist.
    """
    toc_file = Path(TOC_FILE if toc_file is None else toc_file)
    toc = yaml.safe_load(toc_file.read_text(encoding="utf-8"))
    root = toc_file.parent
    rows = [("Start", toc["root"])]
    for part in toc.get("parts", []):
        for chapter in part.get("chapters", []):
            rows.append((part.get("caption", ""), chapter["file"]))
    records = []
    for part, stem in rows:
        path = _resolve(root, stem)
        records.append(
            {
                "part": part,
                "page": page_title(path),
                "file": str(path.relative_to(root)),
            }
        )
    return pd.DataFrame.from_records(records)
