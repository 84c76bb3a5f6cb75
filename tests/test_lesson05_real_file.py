"""Lesson 5 runs on the real Kaggle file and its prose is true of what it printed there.

The project does not ship the real ``Mall_Customers.csv`` (no licence). The tests use
``data/Mall_Customers.csv`` when a user saved one, else the copy kept beside the project in
``../shared/data/`` (CI and every developer machine have it). In CI (``CI=true``) a missing
file is a failure, never a skip. The lesson runs once per test session, in a temporary copy:

    tmp/course_utils/          a copy of the package (its data path is tmp/data)
    tmp/data/Mall_Customers.csv
    tmp/notebooks/             the kernel's working directory

with ``PYTHONPATH=tmp`` so the kernel imports the copy; the project's ``data/`` is never
touched. The claims are the ones checked on the replica's committed outputs
(:func:`test_lesson05_claims.check_claims`). The formats copies of the file come in (a
``Genre`` header, zero-padded IDs, Windows line endings, a byte-order mark) are checked on the
loader alone, which is cheap.
"""

import json
import os
import shutil
from pathlib import Path

import jupytext
import nbformat
import numpy as np
import pandas as pd
import pytest
from nbclient import NotebookClient
from notebook_outputs import printed_text
from sklearn.cluster import KMeans
from sklearn.preprocessing import StandardScaler
from test_lesson05_claims import check_claims

from course_utils import exercises
from course_utils.exercises import exercise
from course_utils.mall import (
    GENDER_COLUMN,
    ID_COLUMN,
    INCOME_COLUMN,
    MALL_COLUMNS,
    SCORE_COLUMN,
)
from course_utils.mall_loader import load_mall_customers

ROOT = Path(__file__).resolve().parents[1]
LESSON = ROOT / "notebooks" / "05_mall_case_study.py"
CANDIDATES = (
    ROOT / "data" / "Mall_Customers.csv",
    ROOT.parent / "shared" / "data" / "Mall_Customers.csv",
)
RESULT = "lesson05_result.json"
exercise("5.1")  # registers lesson 05's checks

#: Appended to the lesson: save the labels and names it computed, for the naming check.
DUMP_CELL = f"""
import json
import course_utils
json.dump(
    {{
        "course_utils": course_utils.__file__,
        "labels": final.labels_.tolist(),
        "names": {{str(k): v for k, v in segments["name"].items()}},
        "rule": [[*key, row["name"]] for key, row in NAMING_RULE.iterrows()],
    }},
    open("../{RESULT}", "w"),
)
"""


@pytest.fixture(scope="module")
def real_csv() -> Path:
    """The real file: the user's copy if saved, else the one beside the project."""
    for path in CANDIDATES:
        if path.is_file():
            return path
    message = "no real Mall_Customers.csv at " + " or ".join(map(str, CANDIDATES))
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(message + " (CI must run lesson 5 on the real file)")
    pytest.skip(message)


@pytest.fixture(scope="module")
def executed(real_csv, tmp_path_factory):
    """Run the lesson once on the real file; return (result, notebook, csv, tree)."""
    tree = tmp_path_factory.mktemp("lesson05_real")
    shutil.copytree(
        ROOT / "course_utils",
        tree / "course_utils",
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    (tree / "data").mkdir()
    (tree / "notebooks").mkdir()
    csv = tree / "data" / "Mall_Customers.csv"
    shutil.copyfile(real_csv, csv)
    notebook = jupytext.read(LESSON)
    notebook.cells.append(nbformat.v4.new_code_cell(DUMP_CELL))
    notebook.metadata["kernelspec"] = {"name": "python3", "language": "python"}
    with pytest.MonkeyPatch.context() as patch:
        pythonpath = os.environ.get("PYTHONPATH")
        patch.setenv(
            "PYTHONPATH", os.pathsep.join(filter(None, [str(tree), pythonpath]))
        )
        patch.setenv("OMP_NUM_THREADS", "1")
        patch.delenv("MPLBACKEND", raising=False)
        NotebookClient(
            notebook,
            timeout=900,
            kernel_name="python3",
            resources={"metadata": {"path": str(tree / "notebooks")}},
        ).execute()
    result = json.loads((tree / RESULT).read_text(encoding="utf-8"))
    return result, notebook, csv, tree


@pytest.mark.slow
def test_the_lesson_used_the_copy_and_the_real_file(executed):
    result, notebook, _, tree = executed
    assert Path(result["course_utils"]).resolve().is_relative_to(tree.resolve())
    text = printed_text(notebook)
    assert "Using the real mall customers file data/Mall_Customers.csv" in text
    assert "data: real file" in text


@pytest.mark.slow
def test_no_cell_reported_an_error(executed):
    # nbclient does not raise when a figure fails to render after its cell ran (the inline
    # backend then records an "error" output instead of the picture), so look for one.
    _, notebook, _, _ = executed
    errors = [
        (index, output.get("ename"), output.get("evalue"))
        for index, cell in enumerate(notebook.cells)
        if cell.cell_type == "code"
        for output in cell.get("outputs", [])
        if output.get("output_type") == "error"
    ]
    assert errors == []


@pytest.mark.slow
def test_the_claims_hold_on_the_real_file(executed):
    _, notebook, _, _ = executed
    check_claims(printed_text(notebook), real_file=True)


@pytest.mark.slow
def test_every_exercise_check_passes_its_model_answer_on_the_real_file(executed):
    """The checks recompute from the loader, so on the real file too the lesson shows one
    ✔ per checked exercise and no ✘ (the replica's run is held to the same in
    tests/test_exercises.py)."""
    _, notebook, _, _ = executed
    text = printed_text(notebook)
    verdicts = [line for line in text.splitlines() if line[:2] in ("✔ ", "✘ ")]
    checked = [n for n in exercises.CHECKS if n.startswith("5.")]
    assert checked and len(verdicts) == len(checked), verdicts
    assert all(line.startswith("✔ Right") for line in verdicts), verdicts


@pytest.mark.slow
def test_segment_names_follow_the_rule_on_the_file(executed):
    """Recompute each cluster's levels with plain pandas on the CSV file."""
    result, _, csv, _ = executed
    customers = pd.read_csv(csv)
    labels = np.asarray(result["labels"])
    rule = {(income, spend): name for income, spend, name in result["rule"]}
    cuts = {
        column: np.quantile(customers[column], [1 / 3, 2 / 3])
        for column in (INCOME_COLUMN, SCORE_COLUMN)
    }

    def level(value, column):
        low, high = cuts[column]
        return "low" if value < low else "high" if value > high else "middle"

    names = {int(k): v for k, v in result["names"].items()}
    assert sorted(names) == sorted(np.unique(labels).tolist())
    for label, name in names.items():
        group = customers[labels == label]
        levels = tuple(level(group[c].mean(), c) for c in (INCOME_COLUMN, SCORE_COLUMN))
        assert name == rule[levels], (label, levels, name)


# --- the formats copies of the file come in: the loader alone -------------------------------


def rewrite(
    real_csv: Path, path: Path, *, header: str, pad: bool, crlf: bool, bom: bool
):
    table = pd.read_csv(real_csv)
    columns = [header if c == GENDER_COLUMN else c for c in MALL_COLUMNS]
    lines = [",".join(columns)] + [
        ",".join(
            [f"{row[ID_COLUMN]:04d}" if pad else str(row[ID_COLUMN])]
            + [str(row[c]) for c in MALL_COLUMNS[1:]]
        )
        for _, row in table.iterrows()
    ]
    ending = "\r\n" if crlf else "\n"
    data = (ending.join(lines) + ending).encode("utf-8")
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + data)


VARIANTS = {
    "Genre header": {"header": "Genre", "pad": False, "crlf": False, "bom": False},
    "padded IDs": {"header": "Gender", "pad": True, "crlf": False, "bom": False},
    "CRLF": {"header": "Gender", "pad": False, "crlf": True, "bom": False},
    "BOM": {"header": "Gender", "pad": False, "crlf": False, "bom": True},
    "all at once": {"header": "Genre", "pad": True, "crlf": True, "bom": True},
}


@pytest.mark.parametrize("variant", list(VARIANTS))
def test_every_format_variant_loads_as_the_real_file(real_csv, tmp_path, variant):
    path = tmp_path / "Mall_Customers.csv"
    rewrite(real_csv, path, **VARIANTS[variant])
    pd.testing.assert_frame_equal(
        load_mall_customers(path), load_mall_customers(real_csv)
    )


def test_the_real_file_loads_with_its_published_shape(real_csv):
    customers = load_mall_customers(real_csv)
    assert len(customers) == 200
    assert customers[GENDER_COLUMN].value_counts().to_dict() == {
        "Female": 112,
        "Male": 88,
    }
    assert customers[INCOME_COLUMN].is_monotonic_increasing


def test_reversed_rows_renumber_the_same_clusters(real_csv):
    """Why names come from a rule: the same five groups, numbered differently, when the
    rows come in another order."""
    table = pd.read_csv(real_csv)

    def labels_by_id(rows: pd.DataFrame) -> pd.Series:
        X = StandardScaler().fit_transform(rows[[INCOME_COLUMN, SCORE_COLUMN]])
        labels = KMeans(n_clusters=5, random_state=0, n_init=10).fit_predict(X)
        return pd.Series(labels, index=rows[ID_COLUMN].to_numpy())

    forward = labels_by_id(table)
    backward = labels_by_id(table.iloc[::-1]).loc[forward.index]
    pairs = pd.crosstab(forward.to_numpy(), backward.to_numpy())
    assert ((pairs > 0).sum(axis=1) == 1).all()  # the same partition...
    assert (forward.to_numpy() != backward.to_numpy()).any()  # ...numbered differently
