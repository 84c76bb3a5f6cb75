"""The course map is read from _toc.yml, with each page's own title; a lesson describes itself."""

import nbformat
import pytest

from course_utils.course_map import course_map, page_title
from course_utils.lesson_info import read_lesson, read_lessons


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
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_code_cell("# not this"),
        nbformat.v4.new_markdown_cell("# Title C\ntext"),
    ]
    nbformat.write(nb, tmp_path / "c.ipynb")
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


LESSON = """# %% [markdown]
# # Lesson 9 — A test lesson
#
# **Learning objectives.** By the end of this lesson you will be able to:
# - read a lesson
#   ([a link](#a-link));
# - name what it lacks.
#
# **Time:** about 12 minutes.

# %% [markdown]
# ### Exercise 9.1 — Read it
"""


def test_a_lesson_describes_itself_and_a_lacking_one_is_named(tmp_path):
    lesson = tmp_path / "09_test.py"
    lesson.write_text(LESSON, encoding="utf-8")
    (info,) = read_lessons(tmp_path)
    assert (info.number, info.title, info.minutes) == (9, "A test lesson", 12)
    assert info.objectives == [
        "read a lesson ([a link](#a-link))",
        "name what it lacks",
    ]
    assert info.exercises == [("9.1", "Read it")]
    lesson.write_text(LESSON.replace("**Time:**", "Time:"), encoding="utf-8")
    with pytest.raises(ValueError, match=r"09_test.py: no '\*\*Time:\*\* about N"):
        read_lesson(lesson)
