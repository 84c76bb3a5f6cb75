"""The course map: the parts and pages of the website, read from ``_toc.yml`` (lesson 00 shows
it), so that the order of the lessons is written in one place only."""

import re
from pathlib import Path

import pandas as pd
import yaml

from course_utils.lesson_info import markdown_text
from course_utils.paths import course_file

TOC_FILE = course_file("_toc.yml")  # the website's contents


def page_title(path: str | Path) -> str:
    """Return the first level-1 heading (``# Title``) of a page, without the ``#``.

    ``ValueError`` if there is none.

    Parameters
    ----------
    path : str or Path
        The page: an ``.ipynb``, ``.md`` or py:percent ``.py`` file.
    """
    title = re.search(r"^# (.+)$", markdown_text(path), re.M)
    if title is None:
        raise ValueError(f"{path} has no level-1 heading ('# Title')")
    return title[1].strip()


def course_map(toc_file: str | Path = TOC_FILE) -> pd.DataFrame:
    """Return the course's parts and pages in reading order.

    ``FileNotFoundError`` if a page the table of contents names has no file.

    Parameters
    ----------
    toc_file : str or Path
        A jb-book ``_toc.yml`` (``root``, ``parts`` of ``chapters``); by default the course's.

    Returns
    -------
    pandas.DataFrame
        One row per page: ``part`` (its caption; ``"Start"`` for the root page), ``page`` (its
        title) and ``file`` (relative to the book's root).
    """
    root = Path(toc_file).parent
    toc = yaml.safe_load(Path(toc_file).read_text(encoding="utf-8"))
    pages = [("Start", toc["root"])] + [
        (part.get("caption", ""), chapter["file"])
        for part in toc.get("parts", [])
        for chapter in part.get("chapters", [])
    ]
    rows = []
    for part, stem in pages:
        files = [root / f"{stem}{suffix}" for suffix in (".ipynb", ".md", ".py")]
        if not (found := [file for file in files if file.is_file()]):
            raise FileNotFoundError(
                f"_toc.yml names {stem!r} but no .ipynb, .md or .py"
            )
        rows.append((part, page_title(found[0]), str(found[0].relative_to(root))))
    return pd.DataFrame(rows, columns=["part", "page", "file"])
