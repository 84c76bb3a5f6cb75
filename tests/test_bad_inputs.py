"""Bad input where input arrives from outside: one table per entry point.

The course checks input once, where it comes from outside the course: the mall loader (a
CSV file a learner downloads), ``KMeansScratch`` (the class a learner drives with their own
data and parameters), the quiz bank and the environment files. Each row is a bad input, the
error it must raise, and a regex the message must match: it names the argument, or the file's
line, the customer and the column, so the learner can fix the problem. Every other helper
says in its docstring what it takes, and trusts it.
"""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from course_utils import check_env, pins, quiz
from course_utils.kmeans import KMeansScratch
from course_utils.mall import REPLICA_PATH
from course_utils.mall_loader import load_mall_customers

# --- the mall loader ----------------------------------------------------------------------
# The replica's header and first customers: file line n + 1 is CustomerID n.
LINES = REPLICA_PATH.read_text(encoding="utf-8").splitlines()[:6]
COLUMNS = LINES[0].split(",")


def edited(line, column, value):
    """The first customers with one cell (file line, column name) replaced."""
    lines = [row.split(",") for row in LINES]
    lines[line - 1][COLUMNS.index(column)] = value
    return "\n".join(",".join(row) for row in lines) + "\n"


HEADER_TWICE = LINES[0].replace("Age", "Gender")
MALL_CASES = {
    # what is wrong: (file text, or a path to make, regex of the message)
    "blank cell": (
        edited(3, "Age", " "),
        r"line 3 \(CustomerID 2\), column 'Age': .*blank",
    ),
    "non-numeric age": (
        edited(2, "Age", "n/a"),
        r"line 2 \(CustomerID 1\), column 'Age'",
    ),
    "fractional age": (
        edited(4, "Age", "31.5"),
        r"line 4 .*'Age': .*whole years.*'31.5'",
    ),
    "age out of range": (edited(5, "Age", "230"), r"line 5 .*'Age'.*between 1 and 120"),
    "score 0": (edited(2, "Spending Score (1-100)", "0"), r"line 2 .*Spending.*got 0"),
    "score 101": (edited(6, "Spending Score (1-100)", "101"), r"line 6 .*got 101"),
    "negative income": (edited(3, "Annual Income (k$)", "-5"), r"line 3 .*Income.*-5"),
    "unknown gender": (edited(4, "Gender", "F"), r"line 4 .*'Gender'.*Female or Male"),
    "duplicated ID": (
        edited(4, "CustomerID", "1"),
        r"line 4 .*CustomerID 1 is dupl.*line 2",
    ),
    "missing column": (
        "\n".join(line.rsplit(",", 1)[0] for line in LINES),
        r"line 1: missing column.*'Spending Score \(1-100\)'",
    ),
    "duplicated header": (
        "\n".join([HEADER_TWICE, *LINES[1:]]),
        r"line 1: column 'Gender' appears twice",
    ),
    "short row": (
        "\n".join([*LINES[:3], "3,Male,20,16", *LINES[4:]]),
        r"line 4 \(CustomerID 3\): the row has 4 value\(s\) but the header has 5",
    ),
    "empty file": ("", r"mall\.csv is empty"),
    "header only": (LINES[0] + "\n", r"mall\.csv has a header but no customer rows"),
    "binary file": (b"\x89PNG\r\n\x1a\n\xff\xfe", r"mall\.csv is not UTF-8 text"),
    "a folder": ("FOLDER", r"mall\.csv is a folder"),
}


@pytest.mark.parametrize(("text", "message"), MALL_CASES.values(), ids=MALL_CASES)
def test_a_damaged_mall_file_is_refused_with_its_line_and_column(
    tmp_path, text, message
):
    path = tmp_path / "mall.csv"
    if text == "FOLDER":
        path.mkdir()
    elif isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        load_mall_customers(path)


def test_a_missing_mall_file_says_where_to_get_it(tmp_path):
    with pytest.raises(
        FileNotFoundError, match=r"nope\.csv.*Kaggle.*data/Mall_Customers"
    ):
        load_mall_customers(tmp_path / "nope.csv")


def test_a_path_that_is_not_a_path_is_refused():
    with pytest.raises(TypeError, match="path"):
        load_mall_customers(5)


# --- KMeansScratch: parameters and X, checked at fit and predict --------------------------
X = np.array([[0.0, 0.0], [0.0, 1.0], [5.0, 5.0], [5.0, 6.0], [9.0, 0.0]])
with_nan = X.copy()
with_nan[2, 1] = np.nan
BAD = (ValueError, TypeError)

FIT_CASES = {
    # what is wrong: (constructor arguments, X given to fit, regex naming the argument)
    "X with NaN": ({"n_clusters": 2}, with_nan, r"\bX\b"),
    "X with inf": ({"n_clusters": 2}, np.where(X == 9.0, np.inf, X), r"\bX\b"),
    "X 1-D": ({"n_clusters": 2}, X[:, 0], r"\bX\b"),
    "X empty": ({"n_clusters": 2}, np.empty((0, 2)), r"\bX\b"),
    "X of text": ({"n_clusters": 2}, [["a", "b"], ["c", "d"]], r"\bX\b"),
    "n_clusters 0": ({"n_clusters": 0}, X, r"\bn_clusters\b"),
    "n_clusters > n_samples": ({"n_clusters": 6}, X, r"\bn_clusters\b"),
    "n_clusters 2.5": ({"n_clusters": 2.5}, X, r"\bn_clusters\b"),
    "init misspelt": ({"n_clusters": 2, "init": "kmeans++"}, X, r"\binit\b"),
    "init of the wrong shape": ({"n_clusters": 3, "init": X[:2]}, X, r"\binit\b"),
    "init with NaN": ({"n_clusters": 2, "init": with_nan[1:3]}, X, r"\binit\b"),
    "n_init 0": ({"n_clusters": 2, "n_init": 0}, X, r"\bn_init\b"),
    "n_init text": ({"n_clusters": 2, "n_init": "many"}, X, r"\bn_init\b"),
    "max_iter 0": ({"n_clusters": 2, "max_iter": 0}, X, r"\bmax_iter\b"),
    "max_iter 1.5": ({"n_clusters": 2, "max_iter": 1.5}, X, r"\bmax_iter\b"),
    "tol negative": ({"n_clusters": 2, "tol": -1.0}, X, r"\btol\b"),
    "tol NaN": ({"n_clusters": 2, "tol": np.nan}, X, r"\btol\b"),
    "random_state text": (
        {"n_clusters": 2, "random_state": "0"},
        X,
        r"\brandom_state\b",
    ),
    "random_state 0.5": (
        {"n_clusters": 2, "random_state": 0.5},
        X,
        r"\brandom_state\b",
    ),
}


@pytest.mark.parametrize(
    ("params", "data", "message"), FIT_CASES.values(), ids=FIT_CASES
)
def test_fit_refuses_bad_parameters_and_data(params, data, message):
    with pytest.raises(BAD, match=message):
        KMeansScratch(**params).fit(data)


PREDICT_CASES = {
    "before fit": (None, X, r"\bfit"),
    "another feature count": (X, np.ones((2, 3)), r"\bX\b.*\b3\b|\b3\b.*\bX\b"),
    "X with NaN": (X, with_nan, r"\bX\b"),
}


@pytest.mark.parametrize(
    ("train", "data", "message"), PREDICT_CASES.values(), ids=PREDICT_CASES
)
def test_predict_refuses_before_fit_and_bad_data(train, data, message):
    model = KMeansScratch(n_clusters=2, n_init=1, random_state=0)
    if train is not None:
        model.fit(train)
    with pytest.raises(ValueError, match=message):
        model.predict(data)


@settings(max_examples=40, deadline=None)
@given(
    row=st.integers(0, 4),
    column=st.integers(0, 1),
    value=st.sampled_from([np.nan, np.inf, -np.inf]),
)
def test_any_non_finite_value_anywhere_in_X_is_refused(row, column, value):
    data = X.copy()
    data[row, column] = value
    with pytest.raises(ValueError, match=r"\bX\b"):
        KMeansScratch(n_clusters=2, n_init=1, random_state=0).fit(data)


# --- the quiz bank -------------------------------------------------------------------------
QUESTION = {"id": "q-1", "lesson": 1, "objective": 1, "question": "Why?"}


def test_a_bank_that_is_not_a_list_of_questions_is_refused():
    with pytest.raises(BAD, match="quiz bank"):
        quiz.parse_bank({"id": "q"})
    with pytest.raises(BAD, match=r"q-1.*options"):
        quiz.parse_bank([QUESTION])


def test_a_broken_bank_file_is_named(tmp_path):
    broken = tmp_path / "bank.yaml"
    broken.write_text("- id: [unclosed\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"bank\.yaml"):
        quiz.load_bank(broken)
    with pytest.raises(FileNotFoundError, match=r"gone\.yaml"):
        quiz.load_bank(tmp_path / "gone.yaml")


# --- the environment files -----------------------------------------------------------------
def test_an_unpinned_or_unreadable_environment_names_the_line(tmp_path):
    env = tmp_path / "environment.yml"
    env.write_text("dependencies:\n  - numpy\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"environment\.yml, line 2: expected a pin"):
        pins.read_environment(env)
    lock = tmp_path / "requirements-lock.txt"
    lock.write_text("numpy==2.4.6\npandas>=3\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"line 2: not an exact pin: 'pandas>=3'"):
        pins.read_lock(lock)
    with pytest.raises(FileNotFoundError, match=r"gone\.yml"):
        pins.read_environment(tmp_path / "gone.yml")


def test_an_unknown_option_of_the_check_gets_the_usage(capsys):
    assert check_env.main(["--devv"]) == 2
    assert "usage: python -m course_utils.check_env [--dev]" in capsys.readouterr().out
