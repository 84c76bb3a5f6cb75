"""The course's files agree: each lesson's .py and .ipynb are one text (as JupyterLab compares
them), executed; the course map follows _toc.yml, as the README's lesson list does; the
README's commands are make targets (the plans: test_instructors_guide.py)."""

import re
from difflib import unified_diff

import jupytext
import nbformat
import pytest
from notebook_outputs import NOTEBOOKS, ROOT

from course_utils.course_map import course_map, page_title
from course_utils.lesson_info import read_lesson, read_lessons

PAIR = (".py", ".ipynb")
STEMS = sorted({p.stem for p in NOTEBOOKS.glob("[0-9]*") if p.suffix in PAIR})
README = (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("stem", STEMS)
def test_each_lesson_is_a_pair_in_sync_and_executed(stem):
    # the texts JupyterLab compares when a fresh clone's .ipynb is a second newer than its
    # .py: on any difference (a cell, or only metadata key order) it refuses the lesson
    paths = [NOTEBOOKS / f"{stem}{suffix}" for suffix in PAIR]
    assert all(p.exists() for p in paths), f"{stem}: run `make notebooks` to pair it"
    notebooks = [jupytext.read(p) for p in paths]
    py, ipynb = (jupytext.writes(notebook, "py:percent") for notebook in notebooks)
    diff = unified_diff(py.splitlines(), ipynb.splitlines(), ".py", ".ipynb", n=0)
    assert py == ipynb, f"notebooks/{stem}: run `make notebooks`\n" + "\n".join(diff)
    code = [c for c in notebooks[1].cells if c.cell_type == "code" and c.source.strip()]
    unexecuted = f"notebooks/{stem}.ipynb has unexecuted cells: run `make notebooks`"
    assert all(c.get("execution_count") for c in code), unexecuted


def test_the_course_map_and_the_readme_follow_the_toc():
    pages = course_map()
    lessons = pages[pages["file"].str.startswith("notebooks/")]
    assert pages.loc[0, "part"] == "Start"
    assert lessons["page"].str.match(r"Lesson \d+ — ").all()
    assert list(lessons["file"]) == sorted(lessons["file"]), "out of order in _toc.yml"
    block = README.split("<!-- lessons:start -->")[1].split("<!-- lessons:end -->")[0]
    lines = block.strip().splitlines()
    listed = [re.sub(r"^\d+\.\s+", "", line.strip()) for line in lines]
    assert listed == list(lessons["page"]), "update the README's list to match _toc.yml"
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for target in ("lab", "book", "test", "check"):
        assert f"make {target}" in README and re.search(rf"^{target}:", makefile, re.M)
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


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


def test_page_titles_and_lesson_descriptions_are_read_and_what_lacks_named(tmp_path):
    (tmp_path / "a.md").write_text("intro\n# Title A\n", encoding="utf-8")
    (tmp_path / "b.py").write_text("# %% [markdown]\n# # Title B\n", encoding="utf-8")
    cells = "# %%\n# no\n\n# %% [markdown]\n# # Title C\n"  # a code comment first
    nbformat.write(jupytext.reads(cells, "py:percent"), tmp_path / "c.ipynb")
    titles = [page_title(tmp_path / name) for name in ("a.md", "b.py", "c.ipynb")]
    assert titles == ["Title A", "Title B", "Title C"]
    (tmp_path / "x.md").write_text("no heading\n", encoding="utf-8")
    with pytest.raises(ValueError, match="no level-1 heading"):
        page_title(tmp_path / "x.md")
    (tmp_path / "home.md").write_text("# Home\n", encoding="utf-8")
    toc = tmp_path / "_toc.yml"
    toc.write_text("format: jb-book\nroot: home\nparts:\n  - caption: A\n    chapters:\n"
                   "      - file: gone\n", encoding="utf-8")  # fmt: skip
    with pytest.raises(FileNotFoundError, match="'gone' but no .ipynb, .md or .py"):
        course_map(toc)
    lesson = tmp_path / "09_test.py"
    lesson.write_text(LESSON, encoding="utf-8")
    (info,) = read_lessons(tmp_path)
    assert (info.number, info.title, info.minutes) == (9, "A test lesson", 12)
    objectives = ["read a lesson ([a link](#a-link))", "name what it lacks"]
    assert info.objectives == objectives
    assert info.exercises == [("9.1", "Read it")]
    lesson.write_text(LESSON.replace("**Time:**", "Time:"), encoding="utf-8")
    with pytest.raises(ValueError, match=r"09_test.py: no '\*\*Time:\*\* about N"):
        read_lesson(lesson)
