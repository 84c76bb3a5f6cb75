"""Make a lesson's student edition: solutions out, a short prompt in their place."""

from __future__ import annotations

import copy
import re

import nbformat

#: The cell tag that marks an exercise's solution.
SOLUTION_TAG = "solution"
_EXERCISE = re.compile(r"^### Exercise (\d+\.\d+)", re.MULTILINE)


def strip_solutions(notebook):
    """Return a copy of a notebook with every solution cell replaced by a prompt cell.

    Parameters
    ----------
    notebook : nbformat.NotebookNode
        A lesson, e.g. from ``jupytext.read``.

    Returns
    -------
    nbformat.NotebookNode
        The same cells without outputs, where each cell tagged ``solution`` became a code
        cell reading ``# Exercise N.M — write your answer here`` (N.M from the exercise
        heading above it).

    Raises
    ------
    TypeError
        If ``notebook`` is not a notebook.
    ValueError
        If a solution cell has no ``### Exercise N.M`` heading before it.
    """
    if not hasattr(notebook, "cells"):
        raise TypeError(
            f"notebook must be an nbformat notebook, got {type(notebook).__name__}"
        )
    student = copy.deepcopy(notebook)
    cells, exercise = [], None
    for cell in student.cells:
        if cell.cell_type == "markdown":
            found = _EXERCISE.findall(cell.source)
            if found:
                exercise = found[-1]
        tags = cell.get("metadata", {}).get("tags", [])
        if SOLUTION_TAG in tags:
            if exercise is None:
                raise ValueError(
                    "a solution cell comes before any '### Exercise N.M' heading"
                )
            cells.append(
                nbformat.v4.new_code_cell(
                    f"# Exercise {exercise} — write your answer here\n"
                )
            )
            continue
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
        cells.append(cell)
    student.cells = cells
    for index, cell in enumerate(student.cells):
        cell.id = f"cell-{index:03d}"
    return student
