"""The course's files agree: each lesson's .py and .ipynb hold the same cells, executed; the
course map follows _toc.yml, as the README's lesson list does; the README's commands are
make targets (the plans: test_instructors_guide.py)."""

import re
from pathlib import Path

import jupytext
import nbformat
import pytest

from course_utils.course_map import course_map, page_title
from course_utils.lesson_info import read_lesson, read_lessons

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
STEMS = sorted(
    {p.stem for p in NOTEBOOKS.glob("[0-9]*.py")}
    | {p.stem for p in NOTEBOOKS.glob("[0-9]*.ipynb")}
)
README = (ROOT / "README.md").read_text(encoding="utf-8")


def first_difference(left: list, right: list) -> str | None:
    """The first cell where two lists of (type, source) differ, or None when equal."""
    for index, ((type_a, a), (type_b, b)) in enumerate(zip(left, right, strict=False)):
        if type_a != type_b:
            return (
                f"cell {index} differs in type: .py has {type_a}, .ipynb has {type_b}"
            )
        if a != b:
            pairs = zip([*a.splitlines(), ""], [*b.splitlines(), ""], strict=False)
            line, (py, nb) = next((n, p) for n, p in enumerate(pairs) if p[0] != p[1])
            return f"cell {index} differs at its line {line + 1}: .py {py!r}, .ipynb {nb!r}"
    if len(left) != len(right):
        return f".py has {len(left)} cells, .ipynb has {len(right)}"
    return None


@pytest.mark.parametrize("stem", STEMS)
def test_each_lesson_is_a_pair_in_sync_and_executed(stem):
    # `jupytext --test` and `--diff` were measured not to see drift: compare the cells
    paths = [NOTEBOOKS / f"{stem}{suffix}" for suffix in (".py", ".ipynb")]
    assert all(p.exists() for p in paths), f"{stem}: run `make notebooks` to pair it"
    py, ipynb = (
        [(c.cell_type, c.source.strip()) for c in jupytext.read(p).cells] for p in paths
    )
    difference = first_difference(py, ipynb)
    assert difference is None, f"notebooks/{stem}: {difference}; run `make notebooks`"
    code = [c for c in jupytext.read(paths[1]).cells if c.cell_type == "code"]
    assert all(c.get("execution_count") for c in code if c.source.strip()), (
        f"notebooks/{stem}.ipynb has unexecuted cells: run `make notebooks`"
    )


def test_first_difference_finds_each_kind_of_drift():
    base = [("markdown", "# Title"), ("code", "x = 1")]
    assert first_difference(base, list(base)) is None
    changed = first_difference(base, [base[0], ("code", "x = 2")])
    assert "cell 1 differs at its line 1" in changed
    assert "cell 0 differs in type" in first_difference(base, [("code", "#"), base[1]])
    assert "2 cells" in first_difference(base, base[:1])


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


def test_a_page_title_is_read_from_each_format_and_a_missing_one_is_named(tmp_path):
    (tmp_path / "a.md").write_text("intro\n# Title A\n", encoding="utf-8")
    (tmp_path / "b.py").write_text("# %% [markdown]\n# # Title B\n", encoding="utf-8")
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [
        nbformat.v4.new_code_cell("# no"),
        nbformat.v4.new_markdown_cell("# Title C"),
    ]
    nbformat.write(notebook, tmp_path / "c.ipynb")
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
