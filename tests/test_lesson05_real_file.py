"""Lesson 5 runs on the real Kaggle file, in the formats its copies come in, and tells the truth.

The project does not ship the real ``Mall_Customers.csv`` (no licence), so this test makes a file
in its format from the replica — a ``Genre`` (or ``Gender``) header, zero-padded IDs, Windows line
endings — and runs the whole lesson against it in a temporary copy of the project:

    tmp/course_utils/          a copy of the package (its data path is tmp/data)
    tmp/data/Mall_Customers.csv
    tmp/notebooks/             the kernel's working directory

with ``PYTHONPATH=tmp`` so the kernel imports the copy. The project's ``data/`` is never touched.
A cell appended to the lesson saves what the lesson computed; the test then checks, with plain
pandas on the CSV file, that every segment's name follows the naming rule on its profile.
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
from sklearn.cluster import KMeans
from sklearn.preprocessing import StandardScaler

from course_utils.mall import (
    AGE_COLUMN,
    GENDER_COLUMN,
    ID_COLUMN,
    INCOME_COLUMN,
    REPLICA_PATH,
    SCORE_COLUMN,
)
from course_utils.segments import SEGMENT_RULES

ROOT = Path(__file__).resolve().parents[1]
LESSON = ROOT / "notebooks" / "05_mall_case_study.py"
RESULT = "lesson05_result.json"

#: Appended to the lesson: save what it computed, for the checks below.
DUMP_CELL = f"""
import json
import course_utils
json.dump(
    {{
        "course_utils": course_utils.__file__,
        "source": customers.attrs["source"],
        "description": customers.attrs["description"],
        "n_customers": len(customers),
        "labels": final.labels_.tolist(),
        "names": {{str(k): v for k, v in segments["name"].items()}},
        "k_choices": k_choices,
        "bic_gap": float(bic_gap),
        "best_silhouette": float(best_silhouette),
        "recipe_silhouette": float(recipe_silhouette),
        "recipe_single_gender": int(recipe_single_gender),
    }},
    open("../{RESULT}", "w"),
)
"""


def write_real_format(
    path: Path, gender_header: str, *, reverse: bool = False
) -> pd.DataFrame:
    """Write the replica as the Kaggle file looks: the given header, IDs 0001.., CRLF.

    With ``reverse`` the rows are written last to first: K-Means then starts from other points
    and numbers its clusters differently, so a lesson that named segments by cluster number
    would tell a wrong story on one of the two files.
    """
    table = pd.read_csv(REPLICA_PATH)
    if reverse:
        table = table.iloc[::-1]
    header = [ID_COLUMN, gender_header, AGE_COLUMN, INCOME_COLUMN, SCORE_COLUMN]
    lines = [",".join(header)] + [
        f"{row[ID_COLUMN]:04d},{row[GENDER_COLUMN]},{row[AGE_COLUMN]},"
        f"{row[INCOME_COLUMN]},{row[SCORE_COLUMN]}"
        for _, row in table.iterrows()
    ]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("utf-8"))
    return table


def level(value: float, cuts) -> str:
    """The naming rule's level: below the lower tercile, above the upper one, or between."""
    return "low" if value < cuts[0] else "high" if value > cuts[1] else "middle"


#: (header of the gender column, rows written in reverse order)
VARIANTS = {"Genre": ("Genre", False), "Gender-reversed": ("Gender", True)}


@pytest.fixture(scope="module", params=list(VARIANTS))
def executed(request, tmp_path_factory):
    """Run the lesson on a real-format file; return (result, executed notebook, csv path)."""
    tree = tmp_path_factory.mktemp(f"lesson05_{request.param}")
    shutil.copytree(
        ROOT / "course_utils",
        tree / "course_utils",
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    (tree / "data").mkdir()
    (tree / "notebooks").mkdir()
    csv = tree / "data" / "Mall_Customers.csv"
    header, reverse = VARIANTS[request.param]
    write_real_format(csv, header, reverse=reverse)
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
            timeout=300,
            kernel_name="python3",
            resources={"metadata": {"path": str(tree / "notebooks")}},
        ).execute()
    result = json.loads((tree / RESULT).read_text(encoding="utf-8"))
    return result, notebook, csv, tree


def test_the_file_really_has_the_real_format(executed):
    _, _, csv, _ = executed
    raw = csv.read_bytes()
    assert raw.count(b"\r\n") == 201 and b"\n" not in raw.replace(b"\r\n", b"")
    first_ids = {
        line.split(b",")[0] for line in (raw.splitlines()[1], raw.splitlines()[-1])
    }
    assert b"0001" in first_ids


def test_the_lesson_used_the_copy_and_the_real_file(executed):
    result, _, _, tree = executed
    assert Path(result["course_utils"]).resolve().is_relative_to(tree.resolve())
    assert result["source"] == "original"
    assert result["description"].startswith("Using the real mall customers file")
    assert "data/Mall_Customers.csv" in result["description"]
    assert result["n_customers"] == 200


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


def test_the_lesson_printed_which_file_it_used(executed):
    _, notebook, _, _ = executed
    first_outputs = [
        output.get("text", "")
        for cell in notebook.cells
        if cell.cell_type == "code"
        for output in cell.get("outputs", [])
    ]
    assert any("Using the real mall customers file" in text for text in first_outputs)


def test_segment_names_match_their_profiles_on_the_file(executed):
    result, _, csv, _ = executed
    customers = pd.read_csv(csv)  # plain pandas: CRLF and padded IDs are harmless here
    labels = np.asarray(result["labels"])
    income_cuts = np.quantile(customers[INCOME_COLUMN], [1 / 3, 2 / 3])
    score_cuts = np.quantile(customers[SCORE_COLUMN], [1 / 3, 2 / 3])
    names = {int(k): v for k, v in result["names"].items()}
    assert sorted(names) == sorted(np.unique(labels).tolist())
    for label, name in names.items():
        group = customers[labels == label]
        levels = (
            level(group[INCOME_COLUMN].mean(), income_cuts),
            level(group[SCORE_COLUMN].mean(), score_cuts),
        )
        assert name == SEGMENT_RULES[levels][0], (label, levels, name)
    # the five segments of the real file: the four corners of income x score and the middle
    corners = [("low", "high"), ("low", "low"), ("middle", "middle"), ("high", "high")]
    expected = {SEGMENT_RULES[pair][0] for pair in [*corners, ("high", "low")]}
    assert set(names.values()) == expected


def test_the_printed_story_names_every_segment(executed):
    result, notebook, _, _ = executed
    text = "\n".join(
        output.get("text", "")
        for cell in notebook.cells
        if cell.cell_type == "code"
        for output in cell.get("outputs", [])
    )
    for name in result["names"].values():
        assert f"{name} " in text and "customers, mean age" in text


def test_the_claims_hold_on_the_file(executed):
    result, _, _, _ = executed
    assert result["k_choices"]["knee"] == result["k_choices"]["silhouette"] == 5
    assert result["bic_gap"] < 6
    assert result["best_silhouette"] > result["recipe_silhouette"] + 0.1
    assert result["recipe_single_gender"] >= 3


def test_reversed_rows_renumber_the_same_clusters():
    """The reversed file has teeth: K-Means (the lesson's settings) finds the same five groups
    but numbers them differently, so names tied to cluster numbers would come out wrong."""
    table = pd.read_csv(REPLICA_PATH)

    def labels_by_id(rows: pd.DataFrame) -> pd.Series:
        X = StandardScaler().fit_transform(rows[[INCOME_COLUMN, SCORE_COLUMN]])
        labels = KMeans(n_clusters=5, random_state=0, n_init=10).fit_predict(X)
        return pd.Series(labels, index=rows[ID_COLUMN].to_numpy())

    forward = labels_by_id(table)
    backward = labels_by_id(table.iloc[::-1]).loc[forward.index]
    pairs = pd.crosstab(forward.to_numpy(), backward.to_numpy())
    assert ((pairs > 0).sum(axis=1) == 1).all()  # the same partition...
    assert (forward.to_numpy() != backward.to_numpy()).any()  # ...numbered differently
