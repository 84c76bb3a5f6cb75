"""Read what a lesson printed (the committed ``.ipynb``, which strict nbval proves fresh).

A value is named by a pattern: a regex for one line of the output (``{N}``: a number),
``(cell snippet, regex)`` for one line of that cell's output, :class:`Every` matching line,
or a :class:`Table` (a printed DataFrame). :func:`read_values` reads them all."""

import ast
import re
from dataclasses import dataclass
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
#: What ``{N}`` stands for in a pattern: a printed number
NUMBER = r"(-?[\d.]+(?:e[-+]?\d+)?|nan)"


@dataclass(frozen=True)
class Every:
    """Every line matching ``pattern`` (in one cell's output when ``cell`` is given)."""

    pattern: str
    cell: str | None = None


@dataclass(frozen=True)
class Table:
    """A printed table of the cell: row name (words before two spaces) -> its cells."""

    cell: str


def lesson_notebook(stem: str) -> nbformat.NotebookNode:
    """The committed notebook ``notebooks/<stem>.ipynb`` (e.g. ``"03_choosing_k"``)."""
    return nbformat.read(NOTEBOOKS / f"{stem}.ipynb", as_version=4)


def printed_text(notebook: nbformat.NotebookNode) -> str:
    """Everything the notebook's code cells printed or displayed as plain text, in order."""
    return "\n".join(cell_text(cell) for cell in notebook.cells)


def prose(notebook: nbformat.NotebookNode) -> str:
    """What a learner reads: markdown cells and the comment lines of code cells."""
    lines = []
    for cell in notebook.cells:
        for line in cell.source.splitlines():
            if cell.cell_type == "markdown" or line.lstrip().startswith("#"):
                lines.append(line.lstrip("# "))
    return " ".join(" ".join(lines).split())


def cell_output(notebook: nbformat.NotebookNode, snippet: str) -> str:
    """What the one code cell whose source contains ``snippet`` printed or displayed."""
    cells = [c for c in notebook.cells if c.cell_type == "code" and snippet in c.source]
    assert len(cells) == 1, f"{len(cells)} code cells contain {snippet!r}"
    return cell_text(cells[0])


def cell_text(cell) -> str:
    """What a code cell printed or displayed as plain text (plain JSON's lists joined)."""
    outputs = cell.get("outputs", [])
    texts = [o.get("text") or o.get("data", {}).get("text/plain") for o in outputs]
    return "\n".join("".join(text) for text in texts if text)


def parse(text: str | tuple):
    """A printed value as Python: a number, bool, list or dict literal, a list of the
    numbers of a printed NumPy array, or else the text itself (a tuple: each parsed)."""
    if isinstance(text, tuple):  # a pattern's groups
        return tuple(map(parse, text))
    for kind in (int, float, ast.literal_eval):
        try:
            return kind(text)
        except (ValueError, SyntaxError):
            pass
    words = text.replace(",", " ").split()
    try:
        return [float(word) for word in words] if words else text
    except ValueError:
        return text


def read_values(notebook: nbformat.NotebookNode, specs: dict) -> dict:
    """The values ``specs`` names (see the module's docstring), read from ``notebook``. A
    single-line pattern fails unless exactly one line matches, so a lesson that stopped
    printing a value, or prints it twice, is caught."""
    text, values = printed_text(notebook), {}
    for name, spec in specs.items():
        if isinstance(spec, Table):
            values[name] = _table(cell_output(notebook, spec.cell))
            continue
        every = isinstance(spec, Every)
        spec = (spec.cell, spec.pattern) if every else spec
        cell, pattern = (None, spec) if isinstance(spec, str) else spec
        pattern = pattern.replace("{N}", NUMBER)
        where = text if cell is None else cell_output(notebook, cell)
        found = [parse(m) for m in re.findall(pattern, where, flags=re.MULTILINE)]
        if not every:
            assert len(found) == 1, f"{name}: {len(found)} lines match {pattern!r}"
            found = found[0]
        values[name] = found
    return values


def _table(printed: str) -> dict[str, list]:
    """Row name -> cells, in order (pandas prints a wide table in blocks of columns)."""
    rows: dict[str, list] = {}
    for line in printed.splitlines():
        name, _, cells = line.partition("  ")
        rows.setdefault(name.strip(), []).extend(map(parse, cells.split()))
    return rows
