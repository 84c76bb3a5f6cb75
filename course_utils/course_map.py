"""The course map: the parts and pages of the website, read from ``_toc.yml``.

Lesson 00 shows this map, so the order of the lessons is written in one place only.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import yaml

from course_utils.validation import check_path

#: ``_toc.yml`` at the root of the course checkout.
TOC_FILE = Path(__file__).resolve().parents[1] / "_toc.yml"


def page_title(path: str | Path) -> str:
    """Return the first level-1 heading of a page (``.ipynb``, ``.md`` or py:percent ``.py``).

    Parameters
    ----------
    path : str or Path
        The page's file.

    Returns
    -------
    str
        The heading's text without the leading ``#``.

    Raises
    ------
    FileNotFoundError
        If the file does not exist.
    TypeError
        If ``path`` is not a ``str`` or ``os.PathLike``.
    ValueError
        If the page has no level-1 heading, or a notebook is not valid JSON with cells.
    """
    path = check_path(path)
    if not path.is_file():
        raise FileNotFoundError(f"page not found: {path}")
    if path.suffix == ".ipynb":
        try:
            cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        except (ValueError, KeyError, TypeError) as error:
            raise ValueError(
                f"{path} is not a notebook (JSON with a 'cells' list): {error!r}"
            ) from None
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
        A jb-book ``_toc.yml``; defaults to the course's own.

    Returns
    -------
    pandas.DataFrame
        One row per page: ``part`` (the part's caption), ``page`` (its title) and ``file``
        (relative to the book's root), in the order of the table of contents. The root page
        comes first, in part ``"Start"``.

    Raises
    ------
    FileNotFoundError
        If ``toc_file`` or a page it names does not exist.
    TypeError
        If ``toc_file`` is not a ``str`` or ``os.PathLike``.
    ValueError
        If ``toc_file`` is not valid YAML or not a jb-book table of contents.
    """
    toc_file = check_path(TOC_FILE if toc_file is None else toc_file, name="toc_file")
    if not toc_file.is_file():
        raise FileNotFoundError(f"table of contents not found: {toc_file}")
    try:
        toc = yaml.safe_load(toc_file.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise ValueError(f"{toc_file} is not valid YAML: {error}") from None
    if not isinstance(toc, dict) or toc.get("format") != "jb-book" or "root" not in toc:
        raise ValueError(
            f"{toc_file} is not a jb-book table of contents (format: jb-book, root)"
        )
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
