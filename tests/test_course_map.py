"""The course map is read from _toc.yml, with each page's own title."""

import json

import pytest

from course_utils.course_map import course_map, page_title


def test_course_map_follows_the_toc():
    pages = course_map()
    assert pages.loc[0, "part"] == "Start"
    lessons = pages[pages["file"].str.startswith("notebooks/")]
    assert list(lessons["file"]) == sorted(lessons["file"]), (
        "lessons out of order in _toc.yml"
    )
    assert lessons["page"].str.match(r"Lesson \d+ — ").all()


def test_page_title_of_each_format(tmp_path):
    (tmp_path / "a.md").write_text("intro\n# Title A\n", encoding="utf-8")
    (tmp_path / "b.py").write_text("# %% [markdown]\n# # Title B\n", encoding="utf-8")
    nb = {
        "cells": [
            {"cell_type": "code", "source": ["# not this"]},
            {"cell_type": "markdown", "source": ["# Title C\n", "text"]},
        ]
    }
    (tmp_path / "c.ipynb").write_text(json.dumps(nb), encoding="utf-8")
    assert [page_title(tmp_path / n) for n in ("a.md", "b.py", "c.ipynb")] == [
        "Title A",
        "Title B",
        "Title C",
    ]


def test_errors(tmp_path):
    (tmp_path / "x.md").write_text("no heading\n", encoding="utf-8")
    with pytest.raises(ValueError, match="no level-1 heading"):
        page_title(tmp_path / "x.md")
    toc = tmp_path / "_toc.yml"
    (tmp_path / "home.md").write_text("# Home\n", encoding="utf-8")
    toc.write_text(
        "format: jb-book\nroot: home\nparts:\n  - caption: A\n    chapters:\n      - file: gone\n",
        encoding="utf-8",
    )
    with pytest.raises(FileNotFoundError, match="'gone' but no .ipynb, .md or .py"):
        course_map(toc)
