"""What each lesson says about itself: number, title, learning objectives, time, exercises.

Read from the lesson's source (``notebooks/NN_topic.py``) so that the instructor's guide, the
quiz's coverage check and the student edition never restate what the lessons already say.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import jupytext

#: The lessons' folder in the course checkout.
NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"

_TITLE = re.compile(r"^# Lesson (\d+) — (.+)$", re.MULTILINE)
_TIME = re.compile(r"\*\*Time:\*\*\s*about\s+(\d+)\s+minutes", re.IGNORECASE)
_EXERCISE = re.compile(r"^### Exercise (\d+\.\d+) — (.+)$", re.MULTILINE)


@dataclass(frozen=True)
class LessonInfo:
    """A lesson's self-description.

    Attributes
    ----------
    number : int
        The lesson's number (0 for the introduction).
    title : str
        The title after "Lesson N — ".
    path : Path
        The lesson's ``.py`` source.
    objectives : list of str
        The learning objectives, as bullet texts.
    minutes : int
        The estimated time the lesson states.
    exercises : list of tuple of (str, str)
        ``(number, title)`` of each exercise, e.g. ``("1.2", "Scale with an outlier")``.
    """

    number: int
    title: str
    path: Path
    objectives: list[str] = field(default_factory=list)
    minutes: int = 0
    exercises: list[tuple[str, str]] = field(default_factory=list)


def read_lesson(path: str | Path) -> LessonInfo:
    """Read a lesson's number, title, objectives, time and exercises from its source.

    Parameters
    ----------
    path : str or Path
        A lesson's ``.py`` (py:percent) or ``.ipynb`` file, which exists.

    Returns
    -------
    LessonInfo

    Raises
    ------
    ValueError
        If the lesson lacks its title, its objectives or its time (every lesson must state them).
    """
    path = Path(path)
    notebook = jupytext.read(path)
    markdown = "\n\n".join(
        c.source for c in notebook.cells if c.cell_type == "markdown"
    )
    title = _TITLE.search(markdown)
    if title is None:
        raise ValueError(f"{path.name}: no title of the form '# Lesson N — Topic'")
    objectives = _objectives(markdown)
    if not objectives:
        raise ValueError(f"{path.name}: no '**Learning objectives.**' bullet list")
    time = _TIME.search(markdown)
    if time is None:
        raise ValueError(f"{path.name}: no '**Time:** about N minutes'")
    return LessonInfo(
        number=int(title.group(1)),
        title=title.group(2).strip(),
        path=path,
        objectives=objectives,
        minutes=int(time.group(1)),
        exercises=[
            (m.group(1), m.group(2).strip()) for m in _EXERCISE.finditer(markdown)
        ],
    )


def _objectives(markdown: str) -> list[str]:
    lines = markdown.splitlines()
    starts = [
        n for n, line in enumerate(lines) if line.startswith("**Learning objectives.**")
    ]
    if not starts:
        return []
    objectives = []
    for line in lines[starts[0] + 1 :]:
        if line.startswith("- "):
            objectives.append(line[2:].strip().rstrip(";.").strip())
        elif line.startswith("  ") and objectives:
            objectives[-1] += " " + line.strip().rstrip(";.")
        elif objectives:
            break
    return objectives


def read_lessons(folder: str | Path | None = None) -> list[LessonInfo]:
    """Read every lesson ``NN_*.py`` of a folder, in order.

    Parameters
    ----------
    folder : str or Path, optional
        Defaults to the course's ``notebooks/``.

    Returns
    -------
    list of LessonInfo

    Raises
    ------
    ValueError
        As :func:`read_lesson`.
    """
    paths = sorted(
        Path(NOTEBOOKS if folder is None else folder).glob("[0-9][0-9]_*.py")
    )
    return [read_lesson(path) for path in paths]
