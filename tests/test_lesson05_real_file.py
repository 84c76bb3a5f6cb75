"""Lesson 5 runs on the real Kaggle file (conftest's ``real_csv``: missing under CI=true is a
failure) in a temporary tree, and its claims (test_claims.py, ``real=True``) hold on what it
printed there."""

import os
import shutil

import jupytext
import pytest
from nbclient import NotebookClient
from notebook_outputs import NOTEBOOKS, ROOT, printed_text, prose, read_values
from test_claims import LESSONS, check

from course_utils import exercises
from course_utils.mall import GENDER_COLUMN, INCOME_COLUMN
from course_utils.mall_loader import load_mall_customers

STEM = "05_mall_case_study"


@pytest.fixture(scope="module")
def executed(real_csv, tmp_path_factory):
    tree = tmp_path_factory.mktemp("lesson05_real")
    ignore = shutil.ignore_patterns("__pycache__")
    shutil.copytree(ROOT / "course_utils", tree / "course_utils", ignore=ignore)
    (tree / "data").mkdir()
    (tree / "notebooks").mkdir()
    shutil.copyfile(real_csv, tree / "data" / "Mall_Customers.csv")
    # the exercise registry reads the headings of the executed lesson beside it
    shutil.copyfile(NOTEBOOKS / f"{STEM}.ipynb", tree / "notebooks" / f"{STEM}.ipynb")
    notebook = jupytext.read(NOTEBOOKS / f"{STEM}.py")
    notebook.metadata["kernelspec"] = {"name": "python3", "language": "python"}
    with pytest.MonkeyPatch.context() as patch:
        path = os.pathsep.join(filter(None, [str(tree), os.environ.get("PYTHONPATH")]))
        patch.setenv("PYTHONPATH", path)
        patch.setenv("OMP_NUM_THREADS", "1")
        patch.delenv("MPLBACKEND", raising=False)
        resources = {"metadata": {"path": str(tree / "notebooks")}}
        NotebookClient(notebook, timeout=900, resources=resources).execute()
    return notebook


@pytest.mark.slow
@pytest.mark.parametrize("claim", LESSONS[STEM][1])
def test_the_claims_hold_on_the_real_file(executed, claim):
    values = read_values(executed, LESSONS[STEM][0])
    check(STEM, claim, values, prose(executed), real=True)


@pytest.mark.slow
def test_the_run_read_the_real_file_raised_nothing_and_every_check_passed(executed):
    # nbclient does not raise when a figure fails after its cell ran: look for an error
    outputs = [o for cell in executed.cells for o in cell.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    text = printed_text(executed)
    assert "Using the real mall customers file data/Mall_Customers.csv" in text
    verdicts = [line for line in text.splitlines() if line[:2] in ("✔ ", "✘ ")]
    exercises.exercise("5.1")  # registers lesson 5's checks
    checked = [number for number in exercises.CHECKS if number.startswith("5.")]
    assert len(verdicts) == len(checked) > 0
    assert all(line.startswith("✔ ") for line in verdicts), verdicts


def test_the_real_file_loads_with_its_published_shape(real_csv):
    customers = load_mall_customers(real_csv)
    assert len(customers) == 200 and customers[INCOME_COLUMN].is_monotonic_increasing
    genders = customers[GENDER_COLUMN].value_counts().to_dict()
    assert genders == {"Female": 112, "Male": 88}
