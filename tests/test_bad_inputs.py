"""Bad input is refused where it arrives (mall file, KMeansScratch, quiz bank, environment
files), naming what is wrong; the cases come from the tables the modules check with."""

import copy
import functools

import numpy as np
import pytest
import yaml

from course_utils import check_env, pins, quiz
from course_utils.kmeans import KMeansScratch
from course_utils.mall import ID_COLUMN, MALL_COLUMNS, REPLICA_PATH
from course_utils.mall_loader import COLUMN_RULES, MallDataError, load_mall_customers

# --- the mall file: line n + 1 of the replica is CustomerID n ------------------------------
LINES = REPLICA_PATH.read_text(encoding="utf-8").splitlines()[:6]


def edited(line, column, value):
    rows = [row.split(",") for row in LINES]
    rows[line - 1][MALL_COLUMNS.index(column)] = value
    return [",".join(row) for row in rows]


def bad_cells():
    """For each column of COLUMN_RULES: blank, text, fractional and out-of-range cells."""
    for column, (_, low, high) in COLUMN_RULES.items():
        values = [" ", "x?"] + ([] if low is None else [f"{low}.5", str(low - 1)])
        values += [] if high is None else [str(high + 1)]
        for value in values:
            yield pytest.param(column, value, id=f"{column}={value!r}")


@pytest.mark.parametrize(("column", "value"), list(bad_cells()))
def test_a_bad_cell_is_refused_naming_line_customer_and_column(tmp_path, column, value):
    path = tmp_path / "mall.csv"
    path.write_text("\n".join(edited(4, column, value)) + "\n", encoding="utf-8")
    with pytest.raises(MallDataError) as caught:
        load_mall_customers(path)
    assert (caught.value.line, caught.value.column) == (4, column)
    message = str(caught.value)
    assert message.startswith(f"{path}, line 4")
    assert f"column '{column}'" in message and (value.strip() or "blank") in message


# fmt: off
DAMAGED = {  # what is wrong: (file content, regex of the message)
    "duplicated ID": (edited(4, ID_COLUMN, "1"), r"line 4 .*CustomerID 1 is dupl.*line 2"),
    "missing column": ([x.rsplit(",", 1)[0] for x in LINES], r"line 1: missing column"),
    "duplicated header": ([LINES[0].replace("Age", "Gender"), *LINES[1:]], r"'Gender' appears"),
    "short row": ([*LINES[:3], "3,Male,20,16", *LINES[4:]],
                  r"line 4 \(CustomerID 3\): the row has 4 value\(s\) but the header has 5"),
    "empty file": (b"", r"mall\.csv is empty"),
    "only blank lines": (b"\n \r\n\n", r"mall\.csv is empty"),
    "header only": ([LINES[0]], r"mall\.csv has a header but no customer rows"),
    "binary file": (b"PK\x03\x04\xff\xfe\x00", r"mall\.csv is not UTF-8 text"),
    "a folder": (None, r"mall\.csv is a folder"),
    "Windows line ends": (("\r\n".join(edited(4, MALL_COLUMNS[-1], "abc")) + "\r\n").encode(),
                          r"line 4 \(CustomerID 3\), column 'Spe"),
}
# fmt: on


@pytest.mark.parametrize(("content", "message"), DAMAGED.values(), ids=DAMAGED)
def test_a_damaged_mall_file_is_refused(tmp_path, content, message):
    path = tmp_path / "mall.csv"
    if content is None:
        path.mkdir()
    else:
        text = content if isinstance(content, bytes) else "\n".join([*content, ""])
        path.write_bytes(text if isinstance(text, bytes) else text.encode())
    with pytest.raises(MallDataError, match=message):
        load_mall_customers(path)


def test_a_missing_file_says_where_to_get_it_and_a_non_path_is_refused(tmp_path):
    with pytest.raises(FileNotFoundError, match=r"nope\.csv.*Kaggle.*data/Mall_Cust"):
        load_mall_customers(tmp_path / "nope.csv")
    with pytest.raises(TypeError, match="path must be a file path"):
        load_mall_customers(42)


# --- KMeansScratch: every parameter, and X, checked at fit and predict ---------------------
X = np.array([[0.0, 0.0], [0.0, 1.0], [5.0, 5.0], [5.0, 6.0], [9.0, 0.0]])
BAD = (ValueError, TypeError)
PARAMS = KMeansScratch().get_params()
#: every parameter gets text, a negative number and NaN; the integer ones a fraction too
BAD_PARAMS = [(n, v) for n in PARAMS for v in ("nonsense", -1, np.nan)]
BAD_PARAMS += [(n, 1.5) for n, default in PARAMS.items() if isinstance(default, int)]


@pytest.mark.parametrize(("name", "value"), BAD_PARAMS)
def test_a_bad_parameter_is_refused_naming_it(name, value):
    with pytest.raises(BAD, match=rf"^{name}\b"):
        KMeansScratch(**{"n_clusters": 2, name: value}).fit(X)


NAN = np.where(X == 9.0, np.nan, X)
FIT_CASES = {  # what is wrong: (parameters, X, regex the message starts with)
    "X with NaN": ({}, NAN, "X"),
    "X with inf": ({}, np.where(X == 9.0, np.inf, X), "X"),
    "X 1-D": ({}, X[:, 0], "X"),
    "X empty": ({}, np.empty((0, 2)), "X"),
    "X of text": ({}, [["a", "b"], ["c", "d"]], "X"),
    "more clusters than points": ({"n_clusters": 6}, X, "n_clusters"),
    "init of the wrong shape": ({"init": X[:3]}, X, r"init must have shape \(2, 2\)"),
    "init with NaN": ({"init": NAN[3:]}, X, "init"),
    "init array, n_init 3": ({"init": X[:2], "n_init": 3}, X, "n_init must be 1"),
}


@pytest.mark.parametrize("case", FIT_CASES)
def test_fit_refuses_bad_data_and_inconsistent_parameters(case):
    params, data, message = FIT_CASES[case]
    with pytest.raises(BAD, match=f"^{message}"):
        KMeansScratch(**{"n_clusters": 2, **params}).fit(data)


def test_predict_refuses_before_fit_and_bad_data():
    with pytest.raises(ValueError, match="not fitted"):
        KMeansScratch(2).predict(X)
    model = KMeansScratch(2, n_init=1, random_state=0).fit(X)
    with pytest.raises(ValueError, match="^X must have 2 features, got 3"):
        model.predict(np.ones((2, 3)))
    with pytest.raises(ValueError, match="^X"):
        model.predict(NAN)


# --- the quiz bank: every field of its schema, and its rules ---------------------------------
RAW = yaml.safe_load(quiz.BANK_FILE.read_text(encoding="utf-8"))
SAMPLES = (5, "one", ["x"])
FIELDS = [((0,), name, kind) for name, kind in quiz._QUESTION.items()]
FIELDS += [((0, "options", 0), name, kind) for name, kind in quiz._OPTION.items()]


def changed(where, name, value):
    """The course's bank with one field changed (``None``: deleted)."""
    bank = copy.deepcopy(RAW)
    parent = functools.reduce(lambda node, step: node[step], where, bank)
    parent[name] = value
    if value is None:
        del parent[name]
    return bank


@pytest.mark.parametrize(("where", "name", "kind"), FIELDS, ids=[f[1] for f in FIELDS])
def test_a_field_of_the_wrong_type_or_missing_is_refused_naming_it(where, name, kind):
    wrong = next(v for v in SAMPLES if not isinstance(v, kind) or kind is bool)
    with pytest.raises(TypeError, match=f"field '{name}' has the wrong type"):
        quiz.parse_bank(changed(where, name, wrong))
    if name not in quiz._OPTIONAL:
        with pytest.raises(ValueError, match=f"missing field '{name}'"):
            quiz.parse_bank(changed(where, name, None))


FIRST, OPTION_1 = RAW[0]["id"], (0, "options", 1)
A_CASE = next(q["case"] for q in RAW if "case" in q)  # question 0 has no values
# fmt: off
RULES = {  # a rule of parse_bank: (where, field, new value, regex of the message)
    "empty text": ((0,), "question", " ", "field 'question' is empty"),
    "bad id": ((0,), "id", "Bad Id", "field 'id' must use"),
    "duplicate id": ((1,), "id", FIRST, f"question '{FIRST}': duplicate id"),
    "lesson -1": ((0,), "lesson", -1, "field 'lesson' must be 0 or more"),
    "objective 0": ((0,), "objective", 0, "field 'objective' must be 1"),
    "one option": ((0,), "options", RAW[0]["options"][:1], "needs 2 to 8"),
    "two right": (OPTION_1, "correct", True, "expected exactly 1"),
    "none right": ((0, "options", 0), "correct", False, "expected exactly 1"),
    "same texts": (OPTION_1, "text", RAW[0]["options"][0]["text"], "duplicate"),
    "computed, no value": ((0,), "computed", "x", "field 'computed' needs a 'value'"),
    "unknown kind": ((0,), "kind", "recite", "field 'kind' must"),
    "unknown case": ((0,), "case", "no_such_case", "field 'case' must be one of"),
    "case, no value": ((0,), "case", A_CASE, "field 'case' needs a 'value'"),
    "unknown field": ((0,), "colour", "red", r"unknown field\(s\) \['colour'\]"),
    "unknown option field": (OPTION_1, "colour", "red", r"option 2: unknown field"),
}
# fmt: on


@pytest.mark.parametrize("rule", RULES)
def test_a_bank_breaking_a_rule_is_refused(rule):
    where, name, value, message = RULES[rule]
    with pytest.raises(ValueError, match=message):
        quiz.parse_bank(changed(where, name, value))


def test_a_bank_that_is_not_a_list_or_not_yaml_is_refused(tmp_path):
    for data in ({}, [], None):
        with pytest.raises(ValueError, match="quiz bank: expected a non-empty list"):
            quiz.parse_bank(data)
    with pytest.raises(TypeError, match="question 1: expected a mapping"):
        quiz.parse_bank(["Why?"])
    broken = tmp_path / "bank.yaml"
    broken.write_text("- id: [unclosed\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"bank\.yaml is not valid YAML"):
        quiz.load_bank(broken)
    with pytest.raises(FileNotFoundError, match=r"gone\.yaml"):
        quiz.load_bank(tmp_path / "gone.yaml")


# --- the environment files and the check's command line ------------------------------------
def test_an_unpinned_or_unreadable_environment_names_the_line(tmp_path, capsys):
    env = tmp_path / "environment.yml"
    env.write_text("dependencies:\n  - python=3.11\n  - numpy\n", encoding="utf-8")
    with pytest.raises(ValueError, match="line 3: expected a pin like '  - numpy=2.4'"):
        pins.read_environment(env)
    env.write_text("dependencies:\n  - pip:\n      - ruff\n", encoding="utf-8")
    with pytest.raises(ValueError, match="line 3: expected a pin like .*pytest=="):
        pins.read_environment(env)
    lock = tmp_path / "requirements-lock.txt"
    lock.write_text("numpy==2.4.6\npandas>=3\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"line 2: not an exact pin: 'pandas>=3'"):
        pins.read_lock(lock)
    with pytest.raises(FileNotFoundError, match=r"gone\.yml"):
        pins.read_environment(tmp_path / "gone.yml")
    assert check_env.main(["--devv"]) == 2
    assert "usage: python -m course_utils.check_env [--dev]" in capsys.readouterr().out
