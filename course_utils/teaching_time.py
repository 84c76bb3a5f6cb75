"""``python -m course_utils.teaching_time``: how long each lesson takes to teach, estimated
from what it contains, so that the workshop plan can be checked against the lessons.

The model is deliberately plain: reading or explaining prose at 150 words a minute, half a
minute for each code cell (run it, glance at the output), a minute for each figure (look at
it together). It counts the teaching part of a lesson: every cell before ``## Exercises``
except the Colab set-up cell; the exercises have their own minutes in the plan.
"""

import json
import re
from dataclasses import dataclass
from pathlib import Path

from course_utils.exercises import exercise_cells

WORDS_PER_MINUTE = 150
MINUTES_PER_CODE_CELL = 0.5
MINUTES_PER_FIGURE = 1.0
_HEADING = re.compile(r"^## (.+)$", re.M)
_SPLIT = re.compile(r"^(?=## )", re.M)  # a markdown cell splits at its sections


@dataclass(frozen=True)
class Estimate:
    """The counts of a lesson's teaching part and the minutes the model gives them."""

    words: int
    code_cells: int
    figures: int

    @property
    def minutes(self) -> float:
        """Estimated minutes: words / 150 + ½ per code cell + 1 per figure."""
        return (
            self.words / WORDS_PER_MINUTE
            + self.code_cells * MINUTES_PER_CODE_CELL
            + self.figures * MINUTES_PER_FIGURE
        )


def _words(markdown: str) -> int:
    prose = re.sub(r"\]\([^)]*\)", "]", markdown)  # a link's address is not read out
    return len(re.findall(r"[\w’'-]+", prose))


def sections(cells: list[dict]):
    """Yield ``(heading, cell)`` for the cells of a notebook (dicts, as in the ``.ipynb``),
    with the ``##`` section each belongs to (None before the first one). Code cells are
    yielded as they are; a markdown cell that holds several headings, in parts."""
    section = None
    for cell in cells:
        if cell["cell_type"] != "markdown":
            yield section, cell
            continue
        for part in _SPLIT.split("".join(cell["source"])):
            heading = _HEADING.match(part)
            section = heading[1].strip() if heading else section
            if part.strip():
                yield section, {**cell, "source": part}


def estimate(notebook: str | Path, skip: tuple[str, ...] = ()) -> Estimate:
    """Estimate the teaching part of an executed lesson.

    Parameters
    ----------
    notebook : str or Path
        The lesson's executed ``.ipynb`` (its figures are counted from its outputs).
    skip : tuple of str
        Headings of ``##`` sections left out (a workshop's cuts): their cells are not
        counted.
    """
    cells = json.loads(Path(notebook).read_text(encoding="utf-8"))["cells"]
    words = code_cells = figures = 0
    for section, cell in sections(cells):
        if section == "Exercises":
            break
        if section in skip:
            continue
        if cell["cell_type"] == "markdown":
            words += _words("".join(cell["source"]))
        elif "remove-input" not in cell["metadata"].get("tags", []):
            code_cells += 1
            figures += sum(
                "image/png" in out.get("data", {}) for out in cell["outputs"]
            )
    return Estimate(words, code_cells, figures)


def workshop_code(cells: list[dict], cuts=(), exercises=()) -> list[dict]:
    """The code cells a class runs when it leaves out the ``##`` sections ``cuts`` and
    does only the ``exercises`` (numbers such as ``"1.1"``) in class."""
    section_of = {id(cell): section for section, cell in sections(cells)}
    return [
        cell
        for number, cell in exercise_cells(cells)
        if cell["cell_type"] == "code"
        and section_of[id(cell)] not in cuts
        and (number is None or number in exercises)
    ]


def main() -> None:
    """Print each lesson's counts and estimated teaching minutes."""
    from course_utils.lesson_info import NOTEBOOKS

    print(f"{'lesson':<32}{'words':>7}{'code cells':>12}{'figures':>9}{'minutes':>9}")
    for path in sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb")):
        found = estimate(path)
        print(
            f"{path.stem:<32}{found.words:>7}{found.code_cells:>12}"
            f"{found.figures:>9}{found.minutes:>9.0f}"
        )


if __name__ == "__main__":
    main()
