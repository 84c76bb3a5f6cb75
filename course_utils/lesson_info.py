"""What each lesson says about itself, read from its source so that the instructor's guide,
the quiz's coverage check and the student edition never restate what the lessons say."""

import json
import re
from dataclasses import dataclass
from pathlib import Path

from course_utils.exercises import exercise_headings
from course_utils.paths import NOTEBOOKS  # the lessons' folder

_OBJECTIVES = re.compile(
    r"^\*\*Learning objectives\.\*\*.*\n((?:(?:- |  ).*\n?)+)", re.M
)


@dataclass(frozen=True)
class LessonInfo:
    """A lesson's number (0 for the introduction), title (after "Lesson N — "), source
    ``path``, learning ``objectives`` (the bullets' texts), ``minutes`` (the time it states)
    and ``exercises``: ``(number, title)`` pairs, e.g. ``("1.2", "Scale with an outlier")``."""

    number: int
    title: str
    path: Path
    objectives: list[str]
    minutes: int
    exercises: list[tuple[str, str]]


def markdown_text(path: str | Path) -> str:
    """Return the markdown of a page ``path`` (str or Path): a ``.md`` file's text, or the
    markdown cells of a notebook (``.ipynb``) or of its py:percent ``.py`` pair."""
    if Path(path).suffix == ".md":
        return Path(path).read_text(encoding="utf-8")
    # a notebook is read as JSON: lesson 00's kernel need not import jupytext
    if Path(path).suffix == ".ipynb":
        cells = json.loads(Path(path).read_text(encoding="utf-8"))["cells"]
    else:
        import jupytext

        cells = jupytext.read(path, as_version=4).dict()["cells"]
    return "\n\n".join(
        "".join(cell["source"]) for cell in cells if cell["cell_type"] == "markdown"
    )


def read_lesson(path: str | Path) -> LessonInfo:
    """Read a lesson's number, title, objectives, time and exercises from its source.

    ``ValueError`` names what a lesson lacks: its title, objectives or time.

    Parameters
    ----------
    path : str or Path
        A lesson's ``.py`` (py:percent) or ``.ipynb`` file.
    """
    text = markdown_text(path)
    title = re.search(r"^# Lesson (\d+) — (.+)$", text, re.M)
    objectives = _OBJECTIVES.search(text)
    time = re.search(r"\*\*Time:\*\*\s*about\s+(\d+)\s+minutes", text, re.I)
    for found, what in [
        (title, "title of the form '# Lesson N — Topic'"),
        (objectives, "'**Learning objectives.**' bullet list"),
        (time, "'**Time:** about N minutes'"),
    ]:
        if found is None:
            raise ValueError(f"{Path(path).name}: no {what}")
    bullets = re.split(r"^- ", objectives[1], flags=re.M)[1:]
    return LessonInfo(
        number=int(title[1]),
        title=title[2].strip(),
        path=Path(path),
        objectives=[" ".join(bullet.split()).rstrip(";.") for bullet in bullets],
        minutes=int(time[1]),
        exercises=exercise_headings(text),
    )


def read_lessons(folder: str | Path = NOTEBOOKS) -> list[LessonInfo]:
    """Read every lesson ``NN_*.py`` of ``folder`` (str or Path; by default the course's
    ``notebooks/``), in order."""
    return [read_lesson(path) for path in sorted(Path(folder).glob("[0-9][0-9]_*.py"))]
