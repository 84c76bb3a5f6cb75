"""Read what a lesson printed, to check the claims its prose makes.

The claims tests read the *committed* ``.ipynb``: strict nbval executes every lesson in the
same test run and fails when a fresh run prints anything else, so a claim checked here is a
claim about a fresh run, without executing the lesson a second time.
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"


def lesson_notebook(stem: str) -> nbformat.NotebookNode:
    """The committed notebook ``notebooks/<stem>.ipynb`` (e.g. ``"03_choosing_k"``)."""
    return nbformat.read(NOTEBOOKS / f"{stem}.ipynb", as_version=4)


def printed_text(notebook: nbformat.NotebookNode) -> str:
    """Everything the notebook's code cells printed or displayed as plain text, in order."""
    return "\n".join(_cell_text(cell) for cell in notebook.cells)


def cell_output(notebook: nbformat.NotebookNode, snippet: str) -> str:
    """What the one code cell whose source contains ``snippet`` printed or displayed.

    For claims about one cell's output when several cells print tables of the same shape.
    """
    cells = [c for c in notebook.cells if c.cell_type == "code" and snippet in c.source]
    assert len(cells) == 1, f"{len(cells)} code cells contain {snippet!r}"
    return _cell_text(cells[0])


def _cell_text(cell) -> str:
    chunks = []
    for output in cell.get("outputs", []):
        if output.get("output_type") == "stream":
            chunks.append(output["text"])
        elif "text/plain" in output.get("data", {}):
            chunks.append(output["data"]["text/plain"])
    return "\n".join(chunks)


def printed_value(text: str, pattern: str) -> str:
    """The first group of the one line of ``text`` that matches ``pattern``.

    Fails with the pattern in the message when no line or several lines match, so a lesson
    that stopped printing a number, or prints it twice, is caught.
    """
    found = re.findall(pattern, text, flags=re.MULTILINE)
    assert len(found) == 1, (
        f"expected one line matching {pattern!r}, found {len(found)}"
    )
    return found[0]
