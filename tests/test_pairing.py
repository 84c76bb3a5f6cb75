"""Every lesson is a pair: notebooks/NN_topic.py and notebooks/NN_topic.ipynb with the same cells.

`jupytext --test` and `--diff` were measured not to detect drift between the two files, so this
compares the cells as `jupytext.read` gives them: type and source, cell by cell.
"""

from pathlib import Path

import jupytext
import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
STEMS = sorted(
    {p.stem for p in NOTEBOOKS.glob("*.py")}
    | {p.stem for p in NOTEBOOKS.glob("*.ipynb")}
)


def cells(path: Path) -> list[tuple[str, str]]:
    notebook = jupytext.read(path)
    return [(cell.cell_type, cell.source.strip()) for cell in notebook.cells]


def first_difference(left: list, right: list) -> str | None:
    """Describe the first cell where two cell lists differ, or return None when equal."""
    for index, (a, b) in enumerate(zip(left, right, strict=False)):
        if a[0] != b[0]:
            return f"cell {index} differs in type: .py has {a[0]}, .ipynb has {b[0]}"
        if a[1] != b[1]:
            pairs = zip(
                a[1].splitlines() + [""], b[1].splitlines() + [""], strict=False
            )
            line, (py_line, nb_line) = next(
                (n, p) for n, p in enumerate(pairs) if p[0] != p[1]
            )
            return (
                f"cell {index} differs in source at its line {line + 1}: "
                f".py has {py_line!r}, .ipynb has {nb_line!r}"
            )
    if len(left) != len(right):
        return f".py has {len(left)} cells, .ipynb has {len(right)}"
    return None


def test_there_are_lessons():
    assert STEMS, "notebooks/ holds no lesson"


@pytest.mark.parametrize("stem", STEMS)
def test_pair_is_in_sync(stem):
    py, ipynb = NOTEBOOKS / f"{stem}.py", NOTEBOOKS / f"{stem}.ipynb"
    assert py.exists(), f"{ipynb.name} has no paired {py.name}: run `make notebooks`"
    assert ipynb.exists(), f"{py.name} has no paired {ipynb.name}: run `make notebooks`"
    difference = first_difference(cells(py), cells(ipynb))
    assert difference is None, (
        f"notebooks/{stem}: {difference}. Re-execute with `make notebooks` "
        f"(or tools/execute_notebooks.py notebooks/{stem}.py)."
    )


def test_first_difference_finds_drift():
    base = [("markdown", "# Title"), ("code", "x = 1")]
    assert first_difference(base, list(base)) is None
    assert "cell 1 differs in source" in first_difference(
        base, [base[0], ("code", "x = 2")]
    )
    assert "cell 0 differs in type" in first_difference(
        base, [("code", "# Title"), base[1]]
    )
    assert "2 cells" in first_difference(base, base[:1])


@pytest.mark.parametrize("stem", STEMS)
def test_committed_notebook_is_executed(stem):
    notebook = jupytext.read(NOTEBOOKS / f"{stem}.ipynb")
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert code and all(
        cell.get("execution_count") for cell in code if cell.source.strip()
    ), f"notebooks/{stem}.ipynb has unexecuted code cells: run `make notebooks`"
