"""Bad-input sweep: every public callable of ``course_utils`` refuses invalid input clearly.

The requirement ("prove the course"): every public function is exercised with invalid input —
NaN, inf, empty, wrong shape, wrong dtype, out-of-range parameters, wrong types — and each
raises ``ValueError`` or ``TypeError`` (``FileNotFoundError`` for a missing path) with a message
that names the argument; none returns a silent wrong answer.

What is tried, so that a reader can see it:

* :data:`CASES` — hand-written cases per public callable (``"module.name"``): what is wrong,
  the call, the exception expected and a regex the message must match (it names the argument).
* :data:`FEATURE_ARGS` — every argument that takes a 2-D feature array. Hypothesis draws, for
  each example, one input of every kind in :data:`BAD_FEATURE_KINDS` (NaN/inf, no rows, no
  columns, 1-D, 3-D, object dtype with text, str dtype, complex, a text column in a DataFrame,
  a non-array).
* :data:`LABEL_ARGS` — every argument that takes cluster labels: non-integer floats, NaN,
  strings, 2-D, the wrong length, empty, a non-array (:data:`BAD_LABEL_KINDS`).
* :data:`SCALAR_ARGS` — integer, float and option parameters: out-of-range values, floats for
  ints, bools, None (where None is not allowed), strings, misspelt options.
* :data:`EXEMPT` — the public callables without cases, each with its reason. A completeness
  test fails when a public function or class has neither a case nor an exemption.

A case marked ``xfail`` (strict) is a known gap in a module this sweep was not allowed to edit;
its reason says the fix.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import shutil
import tempfile
from pathlib import Path
from typing import Any, NamedTuple

import matplotlib

matplotlib.use("Agg")  # tests only; lessons never set a backend

import matplotlib.pyplot as plt
import nbformat
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from sklearn.cluster import KMeans
from sklearn.exceptions import NotFittedError
from sklearn.mixture import GaussianMixture

import course_utils
from course_utils import (
    case_study,
    check_env,
    compare,
    course_map,
    datasets,
    density,
    hierarchy,
    kmeans,
    kmeans_plots,
    kselect,
    lesson_info,
    mall,
    mall_loader,
    mall_replica,
    mixtures,
    pins,
    quiz,
    rfm,
    scaling,
    segments,
    student,
    style,
    validation,
)

#: The errors the requirement accepts for bad values and types.
BAD = (ValueError, TypeError)
#: A missing path may also raise FileNotFoundError (an OSError), which says which file.
MISSING = FileNotFoundError
#: ``sklearn.exceptions.NotFittedError`` subclasses ValueError (and AttributeError).
NOT_FITTED = NotFittedError
assert issubclass(NOT_FITTED, ValueError)


class Case(NamedTuple):
    """One bad call and what must happen."""

    what: str  #: the bad input, in words
    call: Any  #: a function of no arguments making the bad call
    error: Any  #: the exception type(s) expected
    match: str  #: regex the message must match: it names the argument
    xfail: str | None = (
        None  #: a known gap in a module this sweep may not edit, and its fix
    )


# --------------------------------------------------------------------------------------------
# Valid objects the cases start from (small, so the sweep stays fast)
# --------------------------------------------------------------------------------------------
X, Y = datasets.make_course_blobs(n_samples=40, centers=3, random_state=0)
N = X.shape[0]
X3 = np.column_stack([X, X[:, 0] - X[:, 1]])  # three features
Z = hierarchy.linkage_matrix(X)
GMM = GaussianMixture(2, random_state=0).fit(X)
GMM3 = GaussianMixture(2, random_state=0).fit(X3)
SCORES = kselect.scores_by_k(X, range(1, 6), n_init=2)
GRID = density.eps_grid(X, [0.5, 1.0], [3, 5], Y)
COMPARISON = compare.compare_algorithms(
    X, {"K-Means": KMeans(3, n_init=2, random_state=0)}, Y
)
MODEL = kmeans.KMeansScratch(3, random_state=0).fit(X)
HISTORY = MODEL.history_
IC_TABLE = mixtures.information_criteria(X, range(1, 4), n_init=1)
CUSTOMERS = pd.DataFrame(
    {
        "CustomerID": [1, 2, 3, 4, 5, 6],
        "Gender": ["Female", "Male", "Female", "Male", "Female", "Male"],
        "Age": [20, 35, 50, 28, 44, 61],
        "Annual Income (k$)": [15, 16, 60, 62, 120, 125],
        "Spending Score (1-100)": [80, 10, 50, 55, 90, 15],
    }
)
SEGMENT_LABELS = [0, 0, 1, 1, 2, 2]
PROFILE = segments.profile_segments(CUSTOMERS, SEGMENT_LABELS)
QUESTIONS = quiz.load_bank()[:2]
SPREAD = mall_replica.Spread(50.0, 10.0, 0, 100)
MALL_HEADER = "CustomerID,Gender,Age,Annual Income (k$),Spending Score (1-100)\n"


def _with(frame: pd.DataFrame, **changes) -> pd.DataFrame:
    """A copy of ``frame`` with some cells changed: ``column=(row, value)``."""
    frame = frame.copy()
    for column, (row, value) in changes.items():
        frame[column] = frame[column].astype(object)
        frame.loc[row, column] = value
    return frame


def _gmm_with_type(kind: str) -> GaussianMixture:
    """A fitted mixture whose ``covariance_type`` was changed after fitting (a user's slip)."""
    model = GaussianMixture(2, random_state=0).fit(X)
    model.covariance_type = kind
    return model


def _notebook_solution_first():
    return nbformat.v4.new_notebook(
        cells=[nbformat.v4.new_code_cell("x = 1", metadata={"tags": ["solution"]})]
    )


_SCRATCH: list[Path] = []  # this module's scratch folder, made on first use


def _scratch() -> Path:
    if not _SCRATCH:
        _SCRATCH.append(Path(tempfile.mkdtemp(prefix="course-bad-input-")))
    return _SCRATCH[0]


def _file(name: str, text: str) -> Path:
    """Write a small file into this module's scratch folder and return its path."""
    path = _scratch() / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _folder(name: str) -> Path:
    path = _scratch() / name
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture(scope="module", autouse=True)
def _remove_scratch_folder():
    yield
    for folder in _SCRATCH:
        shutil.rmtree(folder, ignore_errors=True)


def _axes_pair():
    return plt.subplots(1, 2)[1]


MISSING_PATH = "no/such/file.csv"

# --------------------------------------------------------------------------------------------
# The table: module.callable -> cases
# --------------------------------------------------------------------------------------------
CASES: dict[str, list[Case]] = {
    # ---- validation -------------------------------------------------------------------------
    "validation.check_features": [
        Case("None", lambda: validation.check_features(None), BAD, r"X must be a 2-D"),
        Case(
            "1-D list",
            lambda: validation.check_features([1.0, 2.0]),
            BAD,
            r"X must be 2-D",
        ),
        Case(
            "NaN",
            lambda: validation.check_features([[np.nan, 1.0]]),
            BAD,
            r"X contains NaN",
        ),
        Case(
            "the name given appears",
            lambda: validation.check_features([[np.inf]], name="centers"),
            BAD,
            r"centers contains NaN or infinite",
        ),
        Case(
            "min_samples as a string",
            lambda: validation.check_features([[1.0]], min_samples="2"),
            BAD,
            r"min_samples",
        ),
        Case(
            "fewer rows than min_samples",
            lambda: validation.check_features([[1.0]], min_samples=2),
            BAD,
            r"X has 1 sample",
        ),
    ],
    "validation.check_labels": [
        Case("None", lambda: validation.check_labels(None), BAD, r"labels must be"),
        Case(
            "2-D", lambda: validation.check_labels([[0, 1]]), BAD, r"labels must be 1-D"
        ),
        Case(
            "non-integer floats",
            lambda: validation.check_labels([0.5, 1]),
            BAD,
            r"labels",
        ),
        Case("NaN", lambda: validation.check_labels([0, np.nan]), BAD, r"labels"),
        Case("strings", lambda: validation.check_labels(["a", "b"]), BAD, r"labels"),
        Case("empty", lambda: validation.check_labels([]), BAD, r"labels is empty"),
        Case(
            "wrong length",
            lambda: validation.check_labels([0, 1], n_samples=3),
            BAD,
            r"labels has 2 entries",
        ),
        Case(
            "the name given appears",
            lambda: validation.check_labels([0.5], name="y_true"),
            BAD,
            r"y_true",
        ),
    ],
    "validation.check_int": [
        Case(
            "a string",
            lambda: validation.check_int("3", name="k"),
            BAD,
            r"\bk\b must be",
        ),
        Case(
            "a float",
            lambda: validation.check_int(3.0, name="k"),
            BAD,
            r"\bk\b must be",
        ),
        Case(
            "a bool",
            lambda: validation.check_int(True, name="k"),
            BAD,
            r"\bk\b must be",
        ),
        Case(
            "below minimum",
            lambda: validation.check_int(0, name="k", minimum=1),
            BAD,
            r"k must",
        ),
        Case(
            "above maximum",
            lambda: validation.check_int(9, name="k", maximum=8),
            BAD,
            r"k must",
        ),
    ],
    "validation.check_float": [
        Case(
            "NaN",
            lambda: validation.check_float(np.nan, name="eps"),
            BAD,
            r"eps must be finite",
        ),
        Case(
            "inf",
            lambda: validation.check_float(np.inf, name="eps"),
            BAD,
            r"eps must be finite",
        ),
        Case(
            "a string",
            lambda: validation.check_float("1", name="eps"),
            BAD,
            r"eps must be",
        ),
        Case(
            "a bool",
            lambda: validation.check_float(False, name="eps"),
            BAD,
            r"eps must be",
        ),
        Case(
            "zero where > 0 is needed",
            lambda: validation.check_float(
                0.0, name="eps", minimum=0.0, exclusive_min=True
            ),
            BAD,
            r"eps must be > 0",
        ),
        Case(
            "above maximum",
            lambda: validation.check_float(2.0, name="p", maximum=1.0),
            BAD,
            r"p must be <= 1",
        ),
    ],
    "validation.check_choice": [
        Case(
            "misspelt",
            lambda: validation.check_choice("Ward", name="method", choices=["ward"]),
            BAD,
            r"method must be one of",
        ),
        Case(
            "None",
            lambda: validation.check_choice(None, name="method", choices=["ward"]),
            BAD,
            r"method must be one of",
        ),
        Case(
            "a list",
            lambda: validation.check_choice(["ward"], name="method", choices=["ward"]),
            BAD,
            r"method must be one of",
        ),
    ],
    "validation.check_random_state": [
        Case(
            "negative", lambda: validation.check_random_state(-1), BAD, r"random_state"
        ),
        Case(
            "a float", lambda: validation.check_random_state(1.5), BAD, r"random_state"
        ),
        Case(
            "a string",
            lambda: validation.check_random_state("42"),
            BAD,
            r"random_state",
        ),
        Case(
            "a bool", lambda: validation.check_random_state(True), BAD, r"random_state"
        ),
        Case(
            "a legacy RandomState",
            lambda: validation.check_random_state(np.random.RandomState(0)),
            BAD,
            r"random_state",
        ),
    ],
    "validation.check_seed": [
        Case(
            "negative",
            lambda: validation.check_seed(-1),
            BAD,
            r"random_state must be >= 0",
        ),
        Case(
            "above 2**32 - 1",
            lambda: validation.check_seed(2**32),
            BAD,
            r"random_state",
        ),
        Case(
            "a bool",
            lambda: validation.check_seed(False),
            BAD,
            r"random_state must be None",
        ),
        Case(
            "a float",
            lambda: validation.check_seed(1.0),
            BAD,
            r"random_state must be None",
        ),
        Case(
            "a Generator (scikit-learn cannot use one)",
            lambda: validation.check_seed(np.random.default_rng(0)),
            BAD,
            r"random_state",
        ),
    ],
    "validation.check_bool": [
        Case(
            "a string",
            lambda: validation.check_bool("no", name="legend"),
            BAD,
            r"legend must",
        ),
        Case(
            "an int",
            lambda: validation.check_bool(1, name="legend"),
            BAD,
            r"legend must",
        ),
        Case(
            "None",
            lambda: validation.check_bool(None, name="legend"),
            BAD,
            r"legend must",
        ),
    ],
    "validation.check_sequence": [
        Case(
            "None",
            lambda: validation.check_sequence(None, name="ks"),
            BAD,
            r"ks must be",
        ),
        Case(
            "a string",
            lambda: validation.check_sequence("2-8", name="ks"),
            BAD,
            r"ks must be",
        ),
        Case(
            "a number",
            lambda: validation.check_sequence(3, name="ks"),
            BAD,
            r"ks must be",
        ),
        Case(
            "an object",
            lambda: validation.check_sequence(object(), name="ks"),
            BAD,
            r"ks must",
        ),
    ],
    "validation.check_path": [
        Case(
            "None",
            lambda: validation.check_path(None),
            BAD,
            r"path must be a file path",
        ),
        Case(
            "a number",
            lambda: validation.check_path(3, name="toc_file"),
            BAD,
            r"toc_file must",
        ),
    ],
    "validation.check_axes": [
        Case(
            "None",
            lambda: validation.check_axes(None),
            BAD,
            r"ax must be a matplotlib Axes",
        ),
        Case(
            "an array of Axes",
            lambda: validation.check_axes(_axes_pair()),
            BAD,
            r"axes\[0\]",
        ),
        Case(
            "a Figure",
            lambda: validation.check_axes(plt.figure(), name="axes"),
            BAD,
            r"axes",
        ),
    ],
    "validation.check_panel_size": [
        Case(
            "a number",
            lambda: validation.check_panel_size(4),
            BAD,
            r"panel_size must be",
        ),
        Case(
            "three values",
            lambda: validation.check_panel_size((1, 2, 3)),
            BAD,
            r"panel_size",
        ),
        Case(
            "zero width",
            lambda: validation.check_panel_size((0, 2)),
            BAD,
            r"panel_size",
        ),
        Case(
            "a NaN",
            lambda: validation.check_panel_size((np.nan, 2)),
            BAD,
            r"panel_size",
        ),
        Case(
            "a string", lambda: validation.check_panel_size("4x3"), BAD, r"panel_size"
        ),
    ],
    # ---- style --------------------------------------------------------------------------------
    "style.check_label_names": [
        Case(
            "a list",
            lambda: style.check_label_names(["a"]),
            BAD,
            r"label_names must be a dict",
        ),
        Case(
            "a string",
            lambda: style.check_label_names("a"),
            BAD,
            r"label_names must be a dict",
        ),
    ],
    "style.axes_or_new": [
        Case("a string", lambda: style.axes_or_new("ax"), BAD, r"\bax\b"),
        Case(
            "an array of Axes",
            lambda: style.axes_or_new(_axes_pair()),
            BAD,
            r"axes\[0\]",
        ),
    ],
    "style.legend_name": [
        Case(
            "names not a dict", lambda: style.legend_name(0, ["a"]), BAD, r"label_names"
        ),
    ],
    "style.cluster_style": [
        Case("a string", lambda: style.cluster_style("a"), BAD, r"\blabel\b"),
        Case("a float", lambda: style.cluster_style(1.5), BAD, r"\blabel\b"),
        Case("None", lambda: style.cluster_style(None), BAD, r"\blabel\b"),
        Case("a bool", lambda: style.cluster_style(True), BAD, r"\blabel\b"),
    ],
    "style.cluster_scatter": [
        Case(
            "3 columns",
            lambda: style.cluster_scatter(X3, Y),
            BAD,
            r"X must have exactly 2",
        ),
        Case(
            "labels too short",
            lambda: style.cluster_scatter(X, Y[:5]),
            BAD,
            r"labels has 5",
        ),
        Case(
            "centers with 3 columns",
            lambda: style.cluster_scatter(X, Y, centers=X3[:3]),
            BAD,
            r"centers must have 2",
        ),
        Case(
            "centers with NaN",
            lambda: style.cluster_scatter(X, Y, centers=[[np.nan, 0.0]]),
            BAD,
            r"centers contains NaN",
        ),
        Case(
            "label_names a list",
            lambda: style.cluster_scatter(X, Y, label_names=["a", "b", "c"]),
            BAD,
            r"label_names",
        ),
        Case(
            "ax a string",
            lambda: style.cluster_scatter(X, Y, ax="left"),
            BAD,
            r"\bax\b",
        ),
        Case(
            "ax an array of Axes",
            lambda: style.cluster_scatter(X, Y, ax=_axes_pair()),
            BAD,
            r"\bax\b",
        ),
        Case(
            "legend a string",
            lambda: style.cluster_scatter(X, legend="no"),
            BAD,
            r"legend",
        ),
        Case(
            "alpha above 1", lambda: style.cluster_scatter(X, alpha=2.0), BAD, r"alpha"
        ),
    ],
    # ---- datasets -----------------------------------------------------------------------------
    "datasets.make_age_income_customers": [
        Case(
            "zero", lambda: datasets.make_age_income_customers(0), BAD, r"n_per_segment"
        ),
        Case(
            "a float",
            lambda: datasets.make_age_income_customers(2.5),
            BAD,
            r"n_per_segment",
        ),
        Case(
            "random_state a string",
            lambda: datasets.make_age_income_customers(random_state="x"),
            BAD,
            r"random_state",
        ),
    ],
    "datasets.make_course_blobs": [
        Case("no samples", lambda: datasets.make_course_blobs(0), BAD, r"n_samples"),
        Case(
            "more centers than points",
            lambda: datasets.make_course_blobs(3, 4),
            BAD,
            r"centers",
        ),
        Case(
            "cluster_std 0",
            lambda: datasets.make_course_blobs(cluster_std=0.0),
            BAD,
            r"cluster_std",
        ),
        Case(
            "cluster_std NaN",
            lambda: datasets.make_course_blobs(cluster_std=np.nan),
            BAD,
            r"cluster_std",
        ),
        Case(
            "random_state a string",
            lambda: datasets.make_course_blobs(random_state="x"),
            BAD,
            r"random_state",
        ),
        Case(
            "random_state negative",
            lambda: datasets.make_course_blobs(random_state=-1),
            BAD,
            r"random_state",
        ),
    ],
    "datasets.make_course_moons": [
        Case("one sample", lambda: datasets.make_course_moons(1), BAD, r"n_samples"),
        Case(
            "negative noise",
            lambda: datasets.make_course_moons(noise=-0.1),
            BAD,
            r"noise",
        ),
        Case(
            "infinite noise",
            lambda: datasets.make_course_moons(noise=np.inf),
            BAD,
            r"noise",
        ),
        Case(
            "random_state a float",
            lambda: datasets.make_course_moons(random_state=0.5),
            BAD,
            r"random_state",
        ),
    ],
    # ---- scaling ------------------------------------------------------------------------------
    "scaling.feature_distance_shares": [
        Case(
            "one row",
            lambda: scaling.feature_distance_shares([[1.0, 2.0]]),
            BAD,
            r"X has 1",
        ),
        Case(
            "constant features",
            lambda: scaling.feature_distance_shares([[1.0, 2.0]] * 3),
            BAD,
            r"X has no spread",
        ),
        Case(
            "NaN",
            lambda: scaling.feature_distance_shares([[1.0, np.nan], [2.0, 3.0]]),
            BAD,
            r"X contains NaN",
        ),
    ],
    "scaling.compare_scalings": [
        Case(
            "scalers a list",
            lambda: scaling.compare_scalings(X, [None]),
            BAD,
            r"scalers",
        ),
        Case(
            "scalers empty",
            lambda: scaling.compare_scalings(X, {}),
            BAD,
            r"scalers is empty",
        ),
        Case(
            "a scaler given by name",
            lambda: scaling.compare_scalings(X, {"std": "StandardScaler"}),
            BAD,
            r"scalers\['std'\]",
        ),
        Case(
            "a key not a string",
            lambda: scaling.compare_scalings(X, {1: None}),
            BAD,
            r"keys",
        ),
        Case(
            "y_true too short",
            lambda: scaling.compare_scalings(X, {"raw": None}, y_true=Y[:3]),
            BAD,
            r"y_true",
        ),
        Case(
            "n_clusters above n_samples",
            lambda: scaling.compare_scalings(X, {"raw": None}, n_clusters=N + 1),
            BAD,
            r"n_clusters",
        ),
        Case(
            "n_init 0",
            lambda: scaling.compare_scalings(X, {"raw": None}, n_init=0),
            BAD,
            r"n_init",
        ),
    ],
    "scaling.outlier_effect": [
        Case("None", lambda: scaling.outlier_effect(None, 100.0), BAD, r"values"),
        Case(
            "2-D", lambda: scaling.outlier_effect([[1.0, 2.0]], 100.0), BAD, r"values"
        ),
        Case(
            "strings", lambda: scaling.outlier_effect(["a", "b"], 100.0), BAD, r"values"
        ),
        Case(
            "one value",
            lambda: scaling.outlier_effect([1.0], 100.0),
            BAD,
            r"values has 1",
        ),
        Case(
            "NaN",
            lambda: scaling.outlier_effect([1.0, np.nan], 9.0),
            BAD,
            r"values contains",
        ),
        Case(
            "constant",
            lambda: scaling.outlier_effect([2.0, 2.0], 9.0),
            BAD,
            r"values are all",
        ),
        Case(
            "outlier NaN",
            lambda: scaling.outlier_effect([1.0, 2.0], np.nan),
            BAD,
            r"outlier",
        ),
        Case(
            "outlier a string",
            lambda: scaling.outlier_effect([1.0, 2.0], "9"),
            BAD,
            r"outlier",
        ),
        Case(
            "a None scaler",
            lambda: scaling.outlier_effect([1.0, 2.0], 9.0, {"raw": None}),
            BAD,
            r"scalers\['raw'\]",
        ),
    ],
    "scaling.count_single_category_clusters": [
        Case(
            "float labels",
            lambda: scaling.count_single_category_clusters([0.5, 1], ["F", "M"]),
            BAD,
            r"labels",
        ),
        Case(
            "categories a string",
            lambda: scaling.count_single_category_clusters([0, 1], "FM"),
            BAD,
            r"categories",
        ),
        Case(
            "categories too short",
            lambda: scaling.count_single_category_clusters([0, 1, 1], ["F", "M"]),
            BAD,
            r"categories has 2",
        ),
        Case(
            "categories 2-D",
            lambda: scaling.count_single_category_clusters(
                [0, 1], [["F", "M"], ["M", "F"]]
            ),
            BAD,
            r"categories",
        ),
        Case(
            "a missing category",
            lambda: scaling.count_single_category_clusters([0, 1], ["F", None]),
            BAD,
            r"categories contains missing",
        ),
        Case(
            "empty",
            lambda: scaling.count_single_category_clusters([], []),
            BAD,
            r"labels is empty",
        ),
    ],
    # ---- compare ------------------------------------------------------------------------------
    "compare.cluster_summary": [
        Case(
            "NaN data",
            lambda: compare.cluster_summary([[np.nan], [1.0]], [0, 1]),
            BAD,
            r"data",
        ),
        Case(
            "labels too short",
            lambda: compare.cluster_summary(X, Y[:3]),
            BAD,
            r"labels has 3",
        ),
        Case(
            "truth too short",
            lambda: compare.cluster_summary(X, Y, Y[:3]),
            BAD,
            r"truth has 3",
        ),
    ],
    "compare.compare_algorithms": [
        Case(
            "estimators a list",
            lambda: compare.compare_algorithms(X, [KMeans(2)]),
            BAD,
            r"estimators must be a dict",
        ),
        Case(
            "estimators empty",
            lambda: compare.compare_algorithms(X, {}),
            BAD,
            r"estimators",
        ),
        Case(
            "a key not a string",
            lambda: compare.compare_algorithms(X, {1: KMeans(2)}),
            BAD,
            r"estimators' keys",
        ),
        Case(
            "an estimator given by name",
            lambda: compare.compare_algorithms(X, {"km": "KMeans"}),
            BAD,
            r"estimators\['km'\]",
        ),
        Case(
            "an estimator with more clusters than points",
            lambda: compare.compare_algorithms(X[:3], {"km": KMeans(5, n_init=1)}),
            BAD,
            r"n_clusters",
        ),
        Case(
            "y_true too long",
            lambda: compare.compare_algorithms(X, {"km": KMeans(2)}, np.append(Y, 0)),
            BAD,
            r"y_true has 41",
        ),
    ],
    "compare.match_labels": [
        Case(
            "float labels",
            lambda: compare.match_labels([0.5, 1], [0, 1]),
            BAD,
            r"labels",
        ),
        Case(
            "negative reference",
            lambda: compare.match_labels([0, 1], [0, -1]),
            BAD,
            r"reference",
        ),
        Case(
            "lengths differ",
            lambda: compare.match_labels([0, 1], [0]),
            BAD,
            r"reference has 1",
        ),
        Case("empty", lambda: compare.match_labels([], []), BAD, r"labels is empty"),
    ],
    "compare.plot_comparison": [
        Case(
            "comparison a dict",
            lambda: compare.plot_comparison(X, {}),
            BAD,
            r"comparison",
        ),
        Case(
            "3 columns",
            lambda: compare.plot_comparison(X3, COMPARISON),
            BAD,
            r"X must have",
        ),
        Case(
            "other rows",
            lambda: compare.plot_comparison(X[:5], COMPARISON),
            BAD,
            r"X has 5",
        ),
        Case(
            "ncols 0",
            lambda: compare.plot_comparison(X, COMPARISON, ncols=0),
            BAD,
            r"ncols",
        ),
        Case(
            "y_true too short",
            lambda: compare.plot_comparison(X, COMPARISON, Y[:3]),
            BAD,
            r"y_true has 3",
        ),
        Case(
            "match_truth a string",
            lambda: compare.plot_comparison(X, COMPARISON, Y, match_truth="no"),
            BAD,
            r"match_truth",
        ),
        Case(
            "panel_size zero",
            lambda: compare.plot_comparison(X, COMPARISON, panel_size=(0, 0)),
            BAD,
            r"panel_size",
        ),
        Case(
            "panel_size a number",
            lambda: compare.plot_comparison(X, COMPARISON, panel_size=5),
            BAD,
            r"panel_size",
        ),
    ],
    # ---- hierarchy ----------------------------------------------------------------------------
    "hierarchy.linkage_matrix": [
        Case(
            "one row", lambda: hierarchy.linkage_matrix([[1.0, 2.0]]), BAD, r"X has 1"
        ),
        Case(
            "method misspelt",
            lambda: hierarchy.linkage_matrix(X, "Ward"),
            BAD,
            r"method",
        ),
        Case("method None", lambda: hierarchy.linkage_matrix(X, None), BAD, r"method"),
    ],
    "hierarchy.cut_height": [
        Case("Z None", lambda: hierarchy.cut_height(None, 2), BAD, r"\bZ\b"),
        Case(
            "Z data, not a linkage", lambda: hierarchy.cut_height(X, 2), BAD, r"\bZ\b"
        ),
        Case(
            "Z of strings", lambda: hierarchy.cut_height([["a"] * 4], 2), BAD, r"\bZ\b"
        ),
        Case(
            "Z with a NaN height",
            lambda: hierarchy.cut_height(np.where(np.arange(4) == 2, np.nan, Z), 2),
            BAD,
            r"\bZ\b",
        ),
        Case("n_clusters 1", lambda: hierarchy.cut_height(Z, 1), BAD, r"n_clusters"),
        Case(
            "n_clusters = n_samples",
            lambda: hierarchy.cut_height(Z, N),
            BAD,
            r"n_clusters",
        ),
        Case(
            "n_clusters a float",
            lambda: hierarchy.cut_height(Z, 2.0),
            BAD,
            r"n_clusters",
        ),
    ],
    "hierarchy.cut_labels": [
        Case(
            "Z a list of lists",
            lambda: hierarchy.cut_labels([[0, 1]], 2),
            BAD,
            r"\bZ\b",
        ),
        Case(
            "n_clusters None", lambda: hierarchy.cut_labels(Z, None), BAD, r"n_clusters"
        ),
    ],
    "hierarchy.cut_ranges": [
        Case(
            "max_clusters 1", lambda: hierarchy.cut_ranges(Z, 1), BAD, r"max_clusters"
        ),
        Case(
            "max_clusters too big",
            lambda: hierarchy.cut_ranges(Z, N),
            BAD,
            r"max_clusters",
        ),
        Case("Z a string", lambda: hierarchy.cut_ranges("Z", 3), BAD, r"\bZ\b"),
    ],
    "hierarchy.plot_dendrogram": [
        Case("Z None", lambda: hierarchy.plot_dendrogram(None, 3), BAD, r"\bZ\b"),
        Case(
            "truncate_p below n_clusters",
            lambda: hierarchy.plot_dendrogram(Z, 3, truncate_p=2),
            BAD,
            r"truncate_p",
        ),
        Case(
            "n_clusters 0", lambda: hierarchy.plot_dendrogram(Z, 0), BAD, r"n_clusters"
        ),
        Case(
            "ax a string",
            lambda: hierarchy.plot_dendrogram(Z, 3, ax="ax"),
            BAD,
            r"\bax\b",
        ),
    ],
    "hierarchy.compare_linkages": [
        Case("two rows", lambda: hierarchy.compare_linkages(X[:2], 2), BAD, r"X has 2"),
        Case(
            "n_clusters 1", lambda: hierarchy.compare_linkages(X, 1), BAD, r"n_clusters"
        ),
        Case(
            "methods a string",
            lambda: hierarchy.compare_linkages(X, 2, methods="ward"),
            BAD,
            r"methods",
        ),
        Case(
            "methods None",
            lambda: hierarchy.compare_linkages(X, 2, methods=None),
            BAD,
            r"methods",
        ),
        Case(
            "methods empty",
            lambda: hierarchy.compare_linkages(X, 2, methods=[]),
            BAD,
            r"methods",
        ),
        Case(
            "methods misspelt",
            lambda: hierarchy.compare_linkages(X, 2, methods=["wards"]),
            BAD,
            r"methods",
        ),
        Case(
            "methods repeated",
            lambda: hierarchy.compare_linkages(X, 2, methods=["ward", "ward"]),
            BAD,
            r"methods",
        ),
        Case(
            "y_true too short",
            lambda: hierarchy.compare_linkages(X, 2, Y[:3]),
            BAD,
            r"y_true has 3",
        ),
    ],
    # ---- density ------------------------------------------------------------------------------
    "density.k_distances": [
        Case("min_samples 1", lambda: density.k_distances(X, 1), BAD, r"min_samples"),
        Case(
            "min_samples a float",
            lambda: density.k_distances(X, 2.5),
            BAD,
            r"min_samples",
        ),
        Case("too few rows", lambda: density.k_distances(X[:5], 5), BAD, r"X has 5"),
    ],
    "density.suggest_eps": [
        Case(
            "evenly spaced points (a flat curve)",
            lambda: density.suggest_eps(np.arange(10.0).reshape(-1, 1), 2),
            BAD,
            r"\bX\b",
        ),
        Case(
            "NaN",
            lambda: density.suggest_eps(np.full((10, 2), np.nan)),
            BAD,
            r"X contains",
        ),
    ],
    "density.plot_k_distance": [
        Case("eps 0", lambda: density.plot_k_distance(X, eps=0.0), BAD, r"eps"),
        Case(
            "eps a string", lambda: density.plot_k_distance(X, eps="0.5"), BAD, r"eps"
        ),
        Case(
            "ax a list",
            lambda: density.plot_k_distance(X, eps=0.5, ax=[1]),
            BAD,
            r"\bax\b",
        ),
    ],
    "density.eps_grid": [
        Case(
            "eps_values a string",
            lambda: density.eps_grid(X, "0.5", [3]),
            BAD,
            r"eps_values",
        ),
        Case(
            "eps_values None",
            lambda: density.eps_grid(X, None, [3]),
            BAD,
            r"eps_values",
        ),
        Case(
            "eps_values empty", lambda: density.eps_grid(X, [], [3]), BAD, r"eps_values"
        ),
        Case("eps 0", lambda: density.eps_grid(X, [0.0], [3]), BAD, r"eps_values\[0\]"),
        Case(
            "eps NaN",
            lambda: density.eps_grid(X, [np.nan], [3]),
            BAD,
            r"eps_values\[0\]",
        ),
        Case(
            "eps repeated",
            lambda: density.eps_grid(X, [0.5, 0.5], [3]),
            BAD,
            r"eps_values",
        ),
        Case(
            "min_samples 0",
            lambda: density.eps_grid(X, [0.5], [0]),
            BAD,
            r"min_samples_values\[0\]",
        ),
        Case(
            "min_samples a float",
            lambda: density.eps_grid(X, [0.5], [2.5]),
            BAD,
            r"min_samples_values\[0\]",
        ),
        Case(
            "min_samples_values None",
            lambda: density.eps_grid(X, [0.5], None),
            BAD,
            r"min_samples_values",
        ),
        Case(
            "y_true too short",
            lambda: density.eps_grid(X, [0.5], [3], Y[:3]),
            BAD,
            r"y_true",
        ),
    ],
    "density.plot_eps_grid": [
        Case("grid a dict", lambda: density.plot_eps_grid({}), BAD, r"grid"),
        Case(
            "grid another table",
            lambda: density.plot_eps_grid(SCORES),
            BAD,
            r"grid",
        ),
        Case(
            "value misspelt",
            lambda: density.plot_eps_grid(GRID, "clusters"),
            BAD,
            r"value",
        ),
        Case(
            "fmt not a format",
            lambda: density.plot_eps_grid(GRID, fmt="zz"),
            BAD,
            r"fmt",
        ),
        Case("fmt a number", lambda: density.plot_eps_grid(GRID, fmt=2), BAD, r"fmt"),
        Case(
            "ax a string", lambda: density.plot_eps_grid(GRID, ax="ax"), BAD, r"\bax\b"
        ),
    ],
    # ---- mixtures -----------------------------------------------------------------------------
    "mixtures.covariance_matrices": [
        Case(
            "a KMeans", lambda: mixtures.covariance_matrices(KMeans(2)), BAD, r"model"
        ),
        Case(
            "not fitted",
            lambda: mixtures.covariance_matrices(GaussianMixture(2)),
            BAD,
            r"model",
        ),
        Case(
            "covariance_type changed to a typo after fitting",
            lambda: mixtures.covariance_matrices(_gmm_with_type("fulll")),
            BAD,
            r"covariance_type",
        ),
    ],
    "mixtures.ellipse_parameters": [
        Case(
            "3 x 3", lambda: mixtures.ellipse_parameters(np.eye(3)), BAD, r"covariance"
        ),
        Case(
            "not symmetric",
            lambda: mixtures.ellipse_parameters([[1.0, 0.5], [0.0, 1.0]]),
            BAD,
            r"covariance",
        ),
        Case(
            "negative variance",
            lambda: mixtures.ellipse_parameters([[-1.0, 0.0], [0.0, 1.0]]),
            BAD,
            r"covariance",
        ),
        Case(
            "NaN",
            lambda: mixtures.ellipse_parameters([[np.nan, 0.0], [0.0, 1.0]]),
            BAD,
            r"covariance",
        ),
        Case(
            "n_std 0",
            lambda: mixtures.ellipse_parameters(np.eye(2), 0.0),
            BAD,
            r"n_std",
        ),
        Case(
            "n_std a string",
            lambda: mixtures.ellipse_parameters(np.eye(2), "2"),
            BAD,
            r"n_std",
        ),
    ],
    "mixtures.draw_ellipses": [
        Case("ax None", lambda: mixtures.draw_ellipses(GMM, None), BAD, r"\bax\b"),
        Case(
            "unfitted",
            lambda: mixtures.draw_ellipses(GaussianMixture(2), None),
            BAD,
            r"model",
        ),
        Case(
            "n_std empty",
            lambda: mixtures.draw_ellipses(GMM, plt.gca(), n_std=[]),
            BAD,
            r"n_std",
        ),
        Case(
            "n_std None",
            lambda: mixtures.draw_ellipses(GMM, plt.gca(), n_std=None),
            BAD,
            r"n_std",
        ),
        Case(
            "n_std negative",
            lambda: mixtures.draw_ellipses(GMM, plt.gca(), n_std=[-1.0]),
            BAD,
            r"n_std",
        ),
        Case(
            "dims the same twice",
            lambda: mixtures.draw_ellipses(GMM, plt.gca(), dims=(0, 0)),
            BAD,
            r"dims",
        ),
        Case(
            "dims out of range",
            lambda: mixtures.draw_ellipses(GMM, plt.gca(), dims=(0, 5)),
            BAD,
            r"dims",
        ),
        Case(
            "dims one number",
            lambda: mixtures.draw_ellipses(GMM, plt.gca(), dims=1),
            BAD,
            r"dims",
        ),
        Case(
            "too few colors",
            lambda: mixtures.draw_ellipses(GMM, plt.gca(), colors=["red"]),
            BAD,
            r"colors",
        ),
        Case(
            "a colour matplotlib does not know",
            lambda: mixtures.draw_ellipses(GMM, plt.gca(), colors=["red", "bleu"]),
            BAD,
            r"colors",
        ),
        Case(
            "colors one string",
            lambda: mixtures.draw_ellipses(GMM, plt.gca(), colors="red"),
            BAD,
            r"colors",
        ),
    ],
    "mixtures.plot_mixture": [
        Case("3 features", lambda: mixtures.plot_mixture(X3, GMM3), BAD, r"X"),
        Case(
            "unfitted",
            lambda: mixtures.plot_mixture(X, GaussianMixture(2)),
            BAD,
            r"model",
        ),
        Case(
            "X of strings",
            lambda: mixtures.plot_mixture([["a", "b"]], GMM),
            BAD,
            r"X must",
        ),
        Case(
            "equal_aspect a string",
            lambda: mixtures.plot_mixture(X, GMM, equal_aspect="yes"),
            BAD,
            r"equal_aspect",
        ),
    ],
    "mixtures.n_parameters": [
        Case("a string", lambda: mixtures.n_parameters("gmm"), BAD, r"model"),
        Case(
            "unfitted", lambda: mixtures.n_parameters(GaussianMixture(2)), BAD, r"model"
        ),
        Case(
            "covariance_type changed to a typo after fitting",
            lambda: mixtures.n_parameters(_gmm_with_type("Full")),
            BAD,
            r"covariance_type",
        ),
    ],
    "mixtures.compare_covariance_types": [
        Case(
            "n_components 0",
            lambda: mixtures.compare_covariance_types(X, 0),
            BAD,
            r"n_comp",
        ),
        Case(
            "too many",
            lambda: mixtures.compare_covariance_types(X, N + 1),
            BAD,
            r"n_comp",
        ),
        Case(
            "n_init 0",
            lambda: mixtures.compare_covariance_types(X, 2, n_init=0),
            BAD,
            r"n_init",
        ),
        Case(
            "y_true too short",
            lambda: mixtures.compare_covariance_types(X, 2, Y[:3]),
            BAD,
            r"y_true",
        ),
    ],
    "mixtures.information_criteria": [
        Case(
            "covariance_type misspelt",
            lambda: mixtures.information_criteria(X, covariance_type="ful"),
            BAD,
            r"covariance_type",
        ),
        Case(
            "range empty",
            lambda: mixtures.information_criteria(X, []),
            BAD,
            r"n_components_range",
        ),
        Case(
            "range None",
            lambda: mixtures.information_criteria(X, None),
            BAD,
            r"n_components_range",
        ),
        Case(
            "range decreasing",
            lambda: mixtures.information_criteria(X, [3, 2]),
            BAD,
            r"n_components_range",
        ),
        Case(
            "range has 0",
            lambda: mixtures.information_criteria(X, [0, 1]),
            BAD,
            r"n_components_range",
        ),
        Case(
            "range a string",
            lambda: mixtures.information_criteria(X, "1-8"),
            BAD,
            r"n_components_range",
        ),
        Case(
            "random_state negative",
            lambda: mixtures.information_criteria(X, [1], random_state=-1),
            BAD,
            r"random_state",
        ),
    ],
    "mixtures.plot_information_criteria": [
        Case("a list", lambda: mixtures.plot_information_criteria([1]), BAD, r"table"),
        Case(
            "empty table",
            lambda: mixtures.plot_information_criteria(IC_TABLE.iloc[:0]),
            BAD,
            r"table",
        ),
        Case(
            "NaN BIC",
            lambda: mixtures.plot_information_criteria(IC_TABLE.assign(BIC=np.nan)),
            BAD,
            r"table",
        ),
        Case(
            "ax a string",
            lambda: mixtures.plot_information_criteria(IC_TABLE, ax="ax"),
            BAD,
            r"\bax\b",
        ),
    ],
    "mixtures.uncertain_points": [
        Case(
            "unfitted",
            lambda: mixtures.uncertain_points(GaussianMixture(2), X),
            BAD,
            r"model",
        ),
        Case("3 features", lambda: mixtures.uncertain_points(GMM, X3), BAD, r"X has 3"),
        Case(
            "threshold 0",
            lambda: mixtures.uncertain_points(GMM, X, 0.0),
            BAD,
            r"threshold",
        ),
        Case(
            "threshold 1.5",
            lambda: mixtures.uncertain_points(GMM, X, 1.5),
            BAD,
            r"threshold",
        ),
        Case(
            "threshold text",
            lambda: mixtures.uncertain_points(GMM, X, "hi"),
            BAD,
            r"threshold",
        ),
    ],
    # ---- kselect ------------------------------------------------------------------------------
    "kselect.scores_by_k": [
        Case("one row", lambda: kselect.scores_by_k([[1.0, 2.0]]), BAD, r"X has 1"),
        Case(
            "k_values a string",
            lambda: kselect.scores_by_k(X, "2-10"),
            BAD,
            r"k_values",
        ),
        Case("k_values None", lambda: kselect.scores_by_k(X, None), BAD, r"k_values"),
        Case("k_values empty", lambda: kselect.scores_by_k(X, []), BAD, r"k_values"),
        Case(
            "k_values decreasing",
            lambda: kselect.scores_by_k(X, [3, 2]),
            BAD,
            r"k_values",
        ),
        Case("K = 0", lambda: kselect.scores_by_k(X, [0, 2]), BAD, r"k_values\[0\]"),
        Case(
            "K = n_samples",
            lambda: kselect.scores_by_k(X, [2, N]),
            BAD,
            r"k_values\[1\]",
        ),
        Case("K a float", lambda: kselect.scores_by_k(X, [2.5]), BAD, r"k_values\[0\]"),
        Case(
            "duplicate points: fewer clusters than K",
            lambda: kselect.scores_by_k(
                np.repeat([[0.0, 0.0], [1.0, 1.0]], 5, axis=0), [3]
            ),
            BAD,
            r"k_values|X",
        ),
        Case("n_init 0", lambda: kselect.scores_by_k(X, [2], n_init=0), BAD, r"n_init"),
        Case(
            "random_state a string",
            lambda: kselect.scores_by_k(X, [2], random_state="0"),
            BAD,
            r"random_state",
        ),
    ],
    "kselect.find_knee": [
        Case(
            "k_values None",
            lambda: kselect.find_knee(None, [3, 2, 1]),
            BAD,
            r"k_values",
        ),
        Case(
            "lengths differ",
            lambda: kselect.find_knee([1, 2, 3], [3, 2]),
            BAD,
            r"same length",
        ),
        Case(
            "two points", lambda: kselect.find_knee([1, 2], [3, 2]), BAD, r"at least 3"
        ),
        Case(
            "NaN inertia",
            lambda: kselect.find_knee([1, 2, 3], [3, np.nan, 1]),
            BAD,
            r"inertias",
        ),
        Case(
            "K unsorted",
            lambda: kselect.find_knee([1, 3, 2], [3, 2, 1]),
            BAD,
            r"k_values",
        ),
        Case(
            "K not whole",
            lambda: kselect.find_knee([1, 2.5, 3], [3, 2, 1]),
            BAD,
            r"k_values",
        ),
        Case(
            "flat curve",
            lambda: kselect.find_knee([1, 2, 3], [5, 5, 5]),
            BAD,
            r"inertias",
        ),
        Case(
            "strings",
            lambda: kselect.find_knee(["a", "b", "c"], [3, 2, 1]),
            BAD,
            r"k_values",
        ),
        Case(
            "2-D", lambda: kselect.find_knee([[1, 2, 3]], [3, 2, 1]), BAD, r"k_values"
        ),
    ],
    "kselect.knee_difference_curve": [
        Case(
            "inertias a string",
            lambda: kselect.knee_difference_curve([1, 2, 3], "321"),
            BAD,
            r"inertias",
        ),
        Case(
            "inf inertia",
            lambda: kselect.knee_difference_curve([1, 2, 3], [np.inf, 2, 1]),
            BAD,
            r"inertias",
        ),
    ],
    "kselect.best_k_by_criterion": [
        Case("a dict", lambda: kselect.best_k_by_criterion({}), BAD, r"scores"),
        Case(
            "a column missing",
            lambda: kselect.best_k_by_criterion(SCORES.drop(columns="davies_bouldin")),
            BAD,
            r"scores",
        ),
        Case(
            "empty",
            lambda: kselect.best_k_by_criterion(SCORES.iloc[:0]),
            BAD,
            r"scores",
        ),
        Case(
            "only K = 1",
            lambda: kselect.best_k_by_criterion(SCORES.iloc[:1]),
            BAD,
            r"scores",
        ),
    ],
    "kselect.plot_elbow_silhouette": [
        Case(
            "scores a list", lambda: kselect.plot_elbow_silhouette([1]), BAD, r"scores"
        ),
        Case(
            "chosen_k not in scores",
            lambda: kselect.plot_elbow_silhouette(SCORES, chosen_k=9),
            BAD,
            r"chosen_k",
        ),
        Case(
            "knee_k a float",
            lambda: kselect.plot_elbow_silhouette(SCORES, knee_k=2.5),
            BAD,
            r"knee_k",
        ),
        Case(
            "three Axes",
            lambda: kselect.plot_elbow_silhouette(SCORES, axes=plt.subplots(1, 3)[1]),
            BAD,
            r"axes",
        ),
        Case(
            "axes two numbers",
            lambda: kselect.plot_elbow_silhouette(SCORES, axes=[1, 2]),
            BAD,
            r"axes",
        ),
    ],
    "kselect.plot_silhouette_diagram": [
        Case(
            "one cluster",
            lambda: kselect.plot_silhouette_diagram(X, np.zeros(N, int)),
            BAD,
            r"labels",
        ),
        Case(
            "noise label",
            lambda: kselect.plot_silhouette_diagram(X, np.where(Y == 0, -1, Y)),
            BAD,
            r"labels",
        ),
        Case(
            "labels too short",
            lambda: kselect.plot_silhouette_diagram(X, Y[:3]),
            BAD,
            r"labels",
        ),
        Case(
            "two rows",
            lambda: kselect.plot_silhouette_diagram(X[:2], [0, 1]),
            BAD,
            r"X has 2",
        ),
        Case(
            "ax a string",
            lambda: kselect.plot_silhouette_diagram(X, Y, ax="ax"),
            BAD,
            r"\bax",
        ),
    ],
    # ---- kmeans (not edited by this sweep) ----------------------------------------------------
    "kmeans.kmeans_inertia": [
        Case(
            "centers with another feature count",
            lambda: kmeans.kmeans_inertia(X, X3[:3], Y),
            BAD,
            r"centers",
        ),
        Case(
            "label out of range",
            lambda: kmeans.kmeans_inertia(X, X[:2], Y),
            BAD,
            r"labels",
        ),
        Case(
            "NaN centers",
            lambda: kmeans.kmeans_inertia(X, [[np.nan, 0]], Y),
            BAD,
            r"centers",
        ),
        Case(
            "labels too short",
            lambda: kmeans.kmeans_inertia(X, X[:3], Y[:5]),
            BAD,
            r"labels",
        ),
    ],
    "kmeans.squared_distances": [
        Case(
            "centers with another feature count",
            lambda: kmeans.squared_distances(X, X3[:3]),
            BAD,
            r"centers",
        ),
        Case(
            "centers 1-D",
            lambda: kmeans.squared_distances(X, [0.0, 1.0]),
            BAD,
            r"centers",
        ),
    ],
    "kmeans.kmeans_plusplus": [
        Case("n_clusters 0", lambda: kmeans.kmeans_plusplus(X, 0), BAD, r"n_clusters"),
        Case("too many", lambda: kmeans.kmeans_plusplus(X, N + 1), BAD, r"n_clusters"),
        Case(
            "n_local_trials 0",
            lambda: kmeans.kmeans_plusplus(X, 2, n_local_trials=0),
            BAD,
            r"n_local_trials",
        ),
        Case(
            "random_state a string",
            lambda: kmeans.kmeans_plusplus(X, 2, random_state="0"),
            BAD,
            r"random_state",
        ),
    ],
    "kmeans.KMeansScratch": [
        Case(
            "n_clusters 0", lambda: kmeans.KMeansScratch(0).fit(X), BAD, r"n_clusters"
        ),
        Case(
            "n_clusters a float",
            lambda: kmeans.KMeansScratch(3.0).fit(X),
            BAD,
            r"n_clusters",
        ),
        Case(
            "too many", lambda: kmeans.KMeansScratch(N + 1).fit(X), BAD, r"n_clusters"
        ),
        Case(
            "init misspelt",
            lambda: kmeans.KMeansScratch(init="kmeans++").fit(X),
            BAD,
            r"init",
        ),
        Case("init None", lambda: kmeans.KMeansScratch(init=None).fit(X), BAD, r"init"),
        Case(
            "init of the wrong shape",
            lambda: kmeans.KMeansScratch(3, init=X[:2]).fit(X),
            BAD,
            r"init",
        ),
        Case(
            "init with NaN",
            lambda: kmeans.KMeansScratch(1, init=[[np.nan, 0.0]]).fit(X),
            BAD,
            r"init",
        ),
        Case(
            "n_init misspelt",
            lambda: kmeans.KMeansScratch(n_init="Auto").fit(X),
            BAD,
            r"n_init",
        ),
        Case(
            "n_init 2 with an array init",
            lambda: kmeans.KMeansScratch(2, init=X[:2], n_init=2).fit(X),
            BAD,
            r"n_init",
        ),
        Case(
            "max_iter 0",
            lambda: kmeans.KMeansScratch(max_iter=0).fit(X),
            BAD,
            r"max_iter",
        ),
        Case(
            "tol negative", lambda: kmeans.KMeansScratch(tol=-1.0).fit(X), BAD, r"tol"
        ),
        Case("tol NaN", lambda: kmeans.KMeansScratch(tol=np.nan).fit(X), BAD, r"tol"),
        Case(
            "keep_history a string",
            lambda: kmeans.KMeansScratch(keep_history="yes").fit(X),
            BAD,
            r"keep_history",
        ),
        Case(
            "random_state a float",
            lambda: kmeans.KMeansScratch(random_state=0.5).fit(X),
            BAD,
            r"random_state",
        ),
        Case(
            "NaN X",
            lambda: kmeans.KMeansScratch(2).fit([[np.nan, 0]] * 3),
            BAD,
            r"X contains",
        ),
        Case(
            "predict before fit",
            lambda: kmeans.KMeansScratch(2).predict(X),
            NOT_FITTED,
            r"not fitted",
        ),
        Case("predict on 3 features", lambda: MODEL.predict(X3), BAD, r"X has 3"),
        Case(
            "predict on NaN", lambda: MODEL.predict([[np.nan, 0.0]]), BAD, r"X contains"
        ),
    ],
    # ---- kmeans_plots (not edited by this sweep) ----------------------------------------------
    "kmeans_plots.default_steps": [
        Case("n_steps 0", lambda: kmeans_plots.default_steps(0), BAD, r"n_steps"),
        Case("most 1", lambda: kmeans_plots.default_steps(5, 1), BAD, r"most"),
        Case(
            "n_steps a string", lambda: kmeans_plots.default_steps("5"), BAD, r"n_steps"
        ),
    ],
    "kmeans_plots.plot_iterations": [
        Case(
            "3 columns",
            lambda: kmeans_plots.plot_iterations(X3, HISTORY),
            BAD,
            r"X must have",
        ),
        Case(
            "history a fitted model",
            lambda: kmeans_plots.plot_iterations(X, MODEL),
            BAD,
            r"history",
        ),
        Case(
            "history empty",
            lambda: kmeans_plots.plot_iterations(X, []),
            BAD,
            r"history",
        ),
        Case(
            "history of another data set",
            lambda: kmeans_plots.plot_iterations(X[:5], HISTORY),
            BAD,
            r"history",
        ),
        Case(
            "a step out of range",
            lambda: kmeans_plots.plot_iterations(X, HISTORY, steps=[99]),
            BAD,
            r"steps",
        ),
        Case(
            "a bool step",
            lambda: kmeans_plots.plot_iterations(X, HISTORY, steps=[True]),
            BAD,
            r"steps",
        ),
        Case(
            "ncols 0",
            lambda: kmeans_plots.plot_iterations(X, HISTORY, ncols=0),
            BAD,
            r"ncols",
        ),
        Case(
            "panel_size zero",
            lambda: kmeans_plots.plot_iterations(X, HISTORY, panel_size=(0, 0)),
            BAD,
            r"panel_size",
        ),
    ],
    "kmeans_plots.plot_inertia_history": [
        Case(
            "history a string",
            lambda: kmeans_plots.plot_inertia_history(X, "history"),
            BAD,
            r"history",
        ),
        Case(
            "history of another data set",
            lambda: kmeans_plots.plot_inertia_history(X[:5], HISTORY),
            BAD,
            r"history",
        ),
        Case(
            "NaN X",
            lambda: kmeans_plots.plot_inertia_history(np.full((N, 2), np.nan), HISTORY),
            BAD,
            r"X contains",
        ),
        Case(
            "ax a string",
            lambda: kmeans_plots.plot_inertia_history(X, HISTORY, ax="ax"),
            BAD,
            r"\bax\b",
        ),
    ],
    # ---- case_study (not edited by this sweep) ------------------------------------------------
    "case_study.cluster_scatter_3d": [
        Case(
            "2 columns",
            lambda: case_study.cluster_scatter_3d(X, Y),
            BAD,
            r"X must have",
        ),
        Case(
            "labels short",
            lambda: case_study.cluster_scatter_3d(X3, Y[:3]),
            BAD,
            r"labels",
        ),
        Case(
            "axis_labels two texts",
            lambda: case_study.cluster_scatter_3d(X3, Y, axis_labels=["a", "b"]),
            BAD,
            r"axis_labels",
        ),
        Case(
            "ax 2-D axes",
            lambda: case_study.cluster_scatter_3d(X3, Y, ax=plt.gca()),
            BAD,
            r"\bax\b",
        ),
        Case(
            "label_names a list",
            lambda: case_study.cluster_scatter_3d(X3, Y, label_names=["a", "b", "c"]),
            BAD,
            r"label_names",
        ),
    ],
    "case_study.segment_table": [
        Case(
            "customers an array",
            lambda: case_study.segment_table(X, Y),
            BAD,
            r"df|customers",
        ),
        Case(
            "labels too short",
            lambda: case_study.segment_table(CUSTOMERS, [0, 1]),
            BAD,
            r"labels has 2",
        ),
    ],
    "case_study.plot_silhouette_curves": [
        Case(
            "a list", lambda: case_study.plot_silhouette_curves([0.5]), BAD, r"curves"
        ),
        Case("empty", lambda: case_study.plot_silhouette_curves({}), BAD, r"curves"),
        Case(
            "a curve as a list",
            lambda: case_study.plot_silhouette_curves({"a": [0.5, 0.6]}),
            BAD,
            r"curves\['a'\]",
        ),
        Case(
            "a curve all NaN",
            lambda: case_study.plot_silhouette_curves(
                {"a": SCORES["silhouette"].iloc[:1]}
            ),
            BAD,
            r"curves\['a'\]",
        ),
        Case(
            "a value above 1 (inertias passed by mistake)",
            lambda: case_study.plot_silhouette_curves({"a": SCORES["inertia"]}),
            BAD,
            r"curves\['a'\]",
        ),
        Case(
            "ax a string",
            lambda: case_study.plot_silhouette_curves(
                {"a": SCORES["silhouette"]}, ax="ax"
            ),
            BAD,
            r"\bax\b",
        ),
    ],
    # ---- segments -----------------------------------------------------------------------------
    "segments.profile_segments": [
        Case("an array", lambda: segments.profile_segments(X, Y), BAD, r"\bdf\b"),
        Case(
            "a column missing",
            lambda: segments.profile_segments(
                CUSTOMERS.drop(columns="Age"), SEGMENT_LABELS
            ),
            BAD,
            r"\bdf\b.*'Age'",
        ),
        Case(
            "a NaN income",
            lambda: segments.profile_segments(
                _with(CUSTOMERS, **{"Annual Income (k$)": (0, np.nan)}), SEGMENT_LABELS
            ),
            BAD,
            r"\bdf\b",
        ),
        Case(
            "a text score",
            lambda: segments.profile_segments(
                _with(CUSTOMERS, **{"Spending Score (1-100)": (0, "high")}),
                SEGMENT_LABELS,
            ),
            BAD,
            r"\bdf\b",
        ),
        Case(
            "an unknown gender",
            lambda: segments.profile_segments(
                _with(CUSTOMERS, Gender=(0, "F")), SEGMENT_LABELS
            ),
            BAD,
            r"df\['Gender'\]",
        ),
        Case(
            "empty",
            lambda: segments.profile_segments(CUSTOMERS.iloc[:0], []),
            BAD,
            r"\bdf\b",
        ),
        Case(
            "labels short",
            lambda: segments.profile_segments(CUSTOMERS, [0]),
            BAD,
            r"labels",
        ),
    ],
    "segments.name_segments": [
        Case("an array", lambda: segments.name_segments(X), BAD, r"profile"),
        Case(
            "a mean column missing",
            lambda: segments.name_segments(PROFILE.drop(columns="mean score (1-100)")),
            BAD,
            r"profile",
        ),
        Case(
            "empty", lambda: segments.name_segments(PROFILE.iloc[:0]), BAD, r"profile"
        ),
        Case(
            "a NaN mean",
            lambda: segments.name_segments(
                PROFILE.assign(**{"mean income (k$)": np.nan})
            ),
            BAD,
            r"profile",
        ),
        Case(
            "no cut points recorded",
            lambda: segments.name_segments(pd.DataFrame(PROFILE.to_dict())),
            BAD,
            r"income_cuts",
        ),
        Case(
            "income_cuts one number",
            lambda: segments.name_segments(PROFILE, income_cuts=(40,)),
            BAD,
            r"income_cuts",
        ),
        Case(
            "score_cuts the wrong way round",
            lambda: segments.name_segments(PROFILE, score_cuts=(60, 40)),
            BAD,
            r"score_cuts",
        ),
        Case(
            "income_cuts text",
            lambda: segments.name_segments(PROFILE, income_cuts=("a", "b")),
            BAD,
            r"income_cuts",
        ),
    ],
    # ---- rfm ----------------------------------------------------------------------------------
    "rfm.make_random_rfm": [
        Case("too few", lambda: rfm.make_random_rfm(19), BAD, r"n_customers"),
        Case("a float", lambda: rfm.make_random_rfm(100.0), BAD, r"n_customers"),
        Case(
            "random_state text",
            lambda: rfm.make_random_rfm(random_state="a"),
            BAD,
            r"random_state",
        ),
    ],
    "rfm.make_grouped_rfm": [
        Case("too few", lambda: rfm.make_grouped_rfm(3), BAD, r"n_customers"),
        Case("None", lambda: rfm.make_grouped_rfm(None), BAD, r"n_customers"),
        Case(
            "random_state negative",
            lambda: rfm.make_grouped_rfm(random_state=-5),
            BAD,
            r"random_state",
        ),
    ],
    # ---- mall, mall_loader, mall_replica ------------------------------------------------------
    "mall.display_path": [
        Case("None", lambda: mall.display_path(None), BAD, r"path"),
        Case("a number", lambda: mall.display_path(5), BAD, r"path"),
    ],
    "mall_loader.load_mall_customers": [
        Case("a number", lambda: mall_loader.load_mall_customers(5), BAD, r"path"),
        Case(
            "a missing file",
            lambda: mall_loader.load_mall_customers(MISSING_PATH),
            MISSING,
            r"file\.csv",
        ),
        Case(
            "a folder",
            lambda: mall_loader.load_mall_customers(_folder("a_folder")),
            BAD,
            r"a_folder is a folder",
        ),
        Case(
            "an empty file",
            lambda: mall_loader.load_mall_customers(_file("empty.csv", "")),
            BAD,
            r"empty\.csv is empty",
        ),
        Case(
            "a column missing",
            lambda: mall_loader.load_mall_customers(
                _file(
                    "no_score.csv",
                    "CustomerID,Gender,Age,Annual Income (k$)\n1,Male,20,15\n",
                )
            ),
            BAD,
            r"no_score\.csv.*missing column",
        ),
        Case(
            "a blank cell",
            lambda: mall_loader.load_mall_customers(
                _file("blank.csv", MALL_HEADER + "1,Male,,15,39\n")
            ),
            BAD,
            r"blank\.csv, line 2.*'Age'",
        ),
        Case(
            "a non-numeric income",
            lambda: mall_loader.load_mall_customers(
                _file("text.csv", MALL_HEADER + "1,Male,20,lots,39\n")
            ),
            BAD,
            r"text\.csv, line 2.*'Annual Income \(k\$\)'",
        ),
        Case(
            "a score of 101",
            lambda: mall_loader.load_mall_customers(
                _file("score.csv", MALL_HEADER + "1,Male,20,15,101\n")
            ),
            BAD,
            r"score\.csv, line 2.*'Spending Score \(1-100\)'",
        ),
    ],
    "mall_replica.draw_group_values": [
        Case(
            "rng a seed",
            lambda: mall_replica.draw_group_values(42, SPREAD, 10),
            BAD,
            r"\brng\b",
        ),
        Case(
            "spread a tuple",
            lambda: mall_replica.draw_group_values(
                np.random.default_rng(0), (50, 10, 0, 100), 10
            ),
            BAD,
            r"\bspread\b",
        ),
        Case(
            "size a string",
            lambda: mall_replica.draw_group_values(
                np.random.default_rng(0), SPREAD, "10"
            ),
            BAD,
            r"\bsize\b",
        ),
        Case(
            "size 2",
            lambda: mall_replica.draw_group_values(np.random.default_rng(0), SPREAD, 2),
            BAD,
            r"size 2",
        ),
        Case(
            "an empty range",
            lambda: mall_replica.draw_group_values(
                np.random.default_rng(0), mall_replica.Spread(5.0, 1.0, 5, 5), 10
            ),
            BAD,
            r"spread",
        ),
        Case(
            "a reversed range",
            lambda: mall_replica.draw_group_values(
                np.random.default_rng(0), mall_replica.Spread(5.0, 1.0, 10, 0), 10
            ),
            BAD,
            r"spread",
        ),
        Case(
            "sd too large for the range",
            lambda: mall_replica.draw_group_values(
                np.random.default_rng(0), mall_replica.Spread(50.0, 55.0, 0, 100), 10
            ),
            BAD,
            r"spread|Spread",
        ),
    ],
    "mall_replica.make_mall_replica": [
        Case(
            "random_state text",
            lambda: mall_replica.make_mall_replica("31"),
            BAD,
            r"random_state",
        ),
        Case(
            "with_groups a string",
            lambda: mall_replica.make_mall_replica(with_groups="yes"),
            BAD,
            r"with_groups",
        ),
    ],
    "mall_replica.replica_csv_text": [
        Case(
            "random_state -1",
            lambda: mall_replica.replica_csv_text(-1),
            BAD,
            r"random_state",
        ),
    ],
    "mall_replica.write_replica": [
        Case("path None", lambda: mall_replica.write_replica(None), BAD, r"path"),
        Case("path a number", lambda: mall_replica.write_replica(5), BAD, r"path"),
        Case(
            "a folder that does not exist",
            lambda: mall_replica.write_replica(_scratch() / "absent" / "replica.csv"),
            MISSING,
            r"replica\.csv",
        ),
        Case(
            "random_state a float",
            lambda: mall_replica.write_replica(_scratch() / "replica.csv", 1.5),
            BAD,
            r"random_state",
        ),
    ],
    # ---- quiz ---------------------------------------------------------------------------------
    "quiz.parse_bank": [
        Case("a dict", lambda: quiz.parse_bank({"id": "q"}), BAD, r"quiz bank"),
        Case("empty", lambda: quiz.parse_bank([]), BAD, r"quiz bank"),
        Case(
            "a question not a mapping",
            lambda: quiz.parse_bank(["q"]),
            BAD,
            r"question 1",
        ),
        Case(
            "a question without options",
            lambda: quiz.parse_bank(
                [{"id": "q-1", "lesson": 1, "objective": 1, "question": "Why?"}]
            ),
            BAD,
            r"question 'q-1'.*options",
        ),
        Case(
            "two correct options",
            lambda: quiz.parse_bank(
                [
                    {
                        "id": "q-1",
                        "lesson": 1,
                        "objective": 1,
                        "question": "Why?",
                        "options": [
                            {"text": "a", "correct": True, "explanation": "yes"},
                            {"text": "b", "correct": True, "explanation": "yes"},
                        ],
                    }
                ]
            ),
            BAD,
            r"question 'q-1'.*exactly 1 correct",
        ),
    ],
    "quiz.load_bank": [
        Case(
            "a missing file",
            lambda: quiz.load_bank(MISSING_PATH),
            MISSING,
            r"file\.csv",
        ),
        Case("path a number", lambda: quiz.load_bank(5), BAD, r"path"),
        Case(
            "broken YAML",
            lambda: quiz.load_bank(_file("broken_bank.yaml", "- id: [unclosed\n")),
            BAD,
            r"broken_bank\.yaml",
        ),
        Case(
            "YAML that is not a list",
            lambda: quiz.load_bank(_file("dict_bank.yaml", "a: 1\n")),
            BAD,
            r"quiz bank",
        ),
        Case(
            "no question on lesson 99",
            lambda: quiz.load_bank(lessons=[99]),
            BAD,
            r"lesson",
        ),
        Case("lessons a number", lambda: quiz.load_bank(lessons=5), BAD, r"lessons"),
        Case("lessons a string", lambda: quiz.load_bank(lessons="1"), BAD, r"lessons"),
        Case(
            "lessons of floats", lambda: quiz.load_bank(lessons=[1.0]), BAD, r"lessons"
        ),
    ],
    "quiz.quiz_html": [
        Case("empty", lambda: quiz.quiz_html([]), BAD, r"questions"),
        Case("None", lambda: quiz.quiz_html(None), BAD, r"questions"),
        Case("strings", lambda: quiz.quiz_html(["Why?"]), BAD, r"questions"),
        Case(
            "quiz_id with a space",
            lambda: quiz.quiz_html(QUESTIONS, quiz_id="my quiz"),
            BAD,
            r"quiz_id",
        ),
        Case(
            "quiz_id a number",
            lambda: quiz.quiz_html(QUESTIONS, quiz_id=1),
            BAD,
            r"quiz_id",
        ),
    ],
    "quiz.Quiz": [
        Case("None", lambda: quiz.Quiz(None), BAD, r"questions"),
        Case("a number", lambda: quiz.Quiz(5), BAD, r"questions"),
        Case(
            "quiz_id upper case", lambda: quiz.Quiz(QUESTIONS, "Quiz"), BAD, r"quiz_id"
        ),
    ],
    # ---- lesson_info, course_map, student -----------------------------------------------------
    "lesson_info.read_lesson": [
        Case(
            "a missing file",
            lambda: lesson_info.read_lesson(MISSING_PATH),
            MISSING,
            r"file",
        ),
        Case("a number", lambda: lesson_info.read_lesson(5), BAD, r"path"),
        Case(
            "no title",
            lambda: lesson_info.read_lesson(
                _file("untitled.py", "# %% [markdown]\n# Hello\n")
            ),
            BAD,
            r"untitled\.py: no title",
        ),
    ],
    "lesson_info.read_lessons": [
        Case(
            "a folder without lessons",
            lambda: lesson_info.read_lessons(_folder("no_lessons")),
            MISSING,
            r"no_lessons",
        ),
        Case("a number", lambda: lesson_info.read_lessons(5), BAD, r"folder"),
    ],
    "course_map.page_title": [
        Case(
            "a missing file",
            lambda: course_map.page_title(MISSING_PATH),
            MISSING,
            r"file\.csv",
        ),
        Case("a number", lambda: course_map.page_title(5), BAD, r"path"),
        Case(
            "no heading",
            lambda: course_map.page_title(_file("plain.md", "just text\n")),
            BAD,
            r"plain\.md",
        ),
        Case(
            "a notebook that is not JSON",
            lambda: course_map.page_title(_file("broken.ipynb", "not json")),
            BAD,
            r"broken\.ipynb",
        ),
        Case(
            "a notebook without cells",
            lambda: course_map.page_title(_file("no_cells.ipynb", "{}")),
            BAD,
            r"no_cells\.ipynb",
        ),
    ],
    "course_map.course_map": [
        Case(
            "a missing file",
            lambda: course_map.course_map(MISSING_PATH),
            MISSING,
            r"file\.csv",
        ),
        Case("a number", lambda: course_map.course_map(5), BAD, r"toc_file"),
        Case(
            "not a jb-book",
            lambda: course_map.course_map(_file("article.yml", "format: jb-article\n")),
            BAD,
            r"article\.yml",
        ),
        Case(
            "broken YAML",
            lambda: course_map.course_map(
                _file("broken_toc.yml", "format: [unclosed\n")
            ),
            BAD,
            r"broken_toc\.yml",
        ),
    ],
    "student.strip_solutions": [
        Case(
            "a string",
            lambda: student.strip_solutions("lesson.ipynb"),
            BAD,
            r"notebook",
        ),
        Case(
            "a solution before any exercise heading",
            lambda: student.strip_solutions(_notebook_solution_first()),
            BAD,
            r"solution cell",
        ),
    ],
    # ---- check_env, pins ----------------------------------------------------------------------
    "check_env.installed_version": [
        Case("None", lambda: check_env.installed_version(None), BAD, r"name"),
        Case("empty", lambda: check_env.installed_version(""), BAD, r"name"),
    ],
    "check_env.check_environment": [
        Case("pins empty", lambda: check_env.check_environment({}), BAD, r"pins"),
        Case(
            "pins a list", lambda: check_env.check_environment(["numpy"]), BAD, r"pins"
        ),
        Case(
            "a version not a string",
            lambda: check_env.check_environment({"numpy": 2.4}),
            BAD,
            r"pins",
        ),
        Case(
            "a missing environment file",
            lambda: check_env.check_environment(environment_file=MISSING_PATH),
            MISSING,
            r"file\.csv",
        ),
    ],
    "check_env.format_report": [
        Case("None", lambda: check_env.format_report(None), BAD, r"checks"),
        Case("empty", lambda: check_env.format_report([]), BAD, r"checks"),
        Case("strings", lambda: check_env.format_report(["numpy"]), BAD, r"checks"),
        Case(
            "system a string",
            lambda: check_env.format_report(
                [check_env.PackageCheck("numpy", "1", "1")], system="no"
            ),
            BAD,
            r"system",
        ),
    ],
    "check_env.main": [
        Case(
            "a missing environment file",
            lambda: check_env.main([MISSING_PATH]),
            MISSING,
            r"file",
        ),
    ],
    "pins.normalize": [
        Case("empty", lambda: pins.normalize(""), BAD, r"name"),
        Case("None", lambda: pins.normalize(None), BAD, r"name"),
        Case("a number", lambda: pins.normalize(3), BAD, r"name"),
    ],
    "pins.read_pins": [
        Case(
            "a missing file",
            lambda: pins.read_pins(MISSING_PATH),
            MISSING,
            r"file\.csv",
        ),
        Case("a number", lambda: pins.read_pins(5), BAD, r"path"),
        Case(
            "an unpinned dependency",
            lambda: pins.read_pins(
                _file("environment.yml", "dependencies:\n  - numpy\n")
            ),
            BAD,
            r"environment\.yml, line 2",
        ),
    ],
}

#: Public callables without cases, and why.
EXEMPT = {
    "style.use_course_style": "takes no arguments: there is no input to get wrong",
    "scaling.default_scalers": "takes no arguments: there is no input to get wrong",
    "pins.main": "command-line entry point without arguments; its work is read_pins (swept)",
    "check_env.PackageCheck": "frozen record that check_environment builds; format_report is "
    "swept with things that are not PackageChecks",
    "compare.AlgorithmComparison": "result record of compare_algorithms; plot_comparison, "
    "which takes one back, is swept with other objects",
    "scaling.ScalingComparison": "result record (NamedTuple) of compare_scalings; no function "
    "takes one back",
    "kmeans.KMeansStep": "record of one step of KMeansScratch.history_; the plots that take "
    "histories are swept with bad ones",
    "lesson_info.LessonInfo": "result record of read_lesson; no function takes one back",
    "mall_loader.MallDataError": "an exception class: the clear error itself",
    "mall_replica.Spread": "frozen record of published facts; draw_group_values, which takes "
    "one, is swept with impossible spreads",
    "mall_replica.MallGroup": "frozen record of published facts (MALL_GROUPS), read only by "
    "make_mall_replica",
    "quiz.Option": "frozen record that parse_bank builds after validating the raw bank",
    "quiz.Question": "frozen record that parse_bank builds after validating the raw bank",
    "rfm.RFMGroup": "frozen record of the module's constants (RFM_GROUPS)",
}


# --------------------------------------------------------------------------------------------
# Hypothesis: bad feature arrays, bad labels, bad scalars
# --------------------------------------------------------------------------------------------
_FINITE = st.floats(-1e3, 1e3)
_ROWS, _COLS = st.integers(1, 6), st.integers(1, 4)


@st.composite
def _with_non_finite(draw):
    data = draw(arrays(np.float64, st.tuples(_ROWS, _COLS), elements=_FINITE))
    row = draw(st.integers(0, data.shape[0] - 1))
    col = draw(st.integers(0, data.shape[1] - 1))
    data[row, col] = draw(st.sampled_from([np.nan, np.inf, -np.inf]))
    return data


@st.composite
def _object_with_text(draw):
    data = draw(arrays(np.float64, st.tuples(_ROWS, _COLS), elements=_FINITE)).astype(
        object
    )
    data[draw(st.integers(0, data.shape[0] - 1)), 0] = draw(st.text(max_size=4))
    return data


@st.composite
def _frame_with_text_column(draw):
    n = draw(_ROWS)
    numbers = draw(arrays(np.float64, n, elements=_FINITE))
    words = draw(st.lists(st.text(max_size=4), min_size=n, max_size=n))
    return pd.DataFrame({"income": numbers, "gender": words})


#: Kinds of bad 2-D feature input, each a hypothesis strategy.
BAD_FEATURE_KINDS = {
    "NaN or inf in a float array": _with_non_finite(),
    "no rows": _COLS.map(lambda d: np.empty((0, d))),
    "no columns": _ROWS.map(lambda n: np.empty((n, 0))),
    "1-D": arrays(np.float64, st.integers(1, 8), elements=_FINITE),
    "3-D": arrays(
        np.float64, st.tuples(_ROWS, _COLS, st.integers(2, 3)), elements=_FINITE
    ),
    "object dtype holding text": _object_with_text(),
    "str dtype": arrays(
        "U3", st.tuples(_ROWS, _COLS), elements=st.text("ab1 .", max_size=3)
    ),
    "complex dtype": arrays(
        np.complex128,
        st.tuples(_ROWS, _COLS),
        elements=st.complex_numbers(
            max_magnitude=1e3, allow_nan=False, allow_infinity=False, min_magnitude=1e-3
        ),
    ),
    "a DataFrame with a text column": _frame_with_text_column(),
    "not an array": st.one_of(st.text(max_size=5), st.floats(), st.integers()),
    "None": st.none(),
}
#: Feature arguments for which None is valid: it means "not given".
OPTIONAL_FEATURE_ARGS = {"style.cluster_scatter(centers=)"}
#: Label arguments for which None is valid: it means "not given" (unlabelled, no truth).
OPTIONAL_LABEL_ARGS = {
    "style.cluster_scatter",
    "scaling.compare_scalings",
    "compare.cluster_summary(truth=)",
    "compare.compare_algorithms",
    "compare.plot_comparison",
    "hierarchy.compare_linkages",
    "density.eps_grid",
    "mixtures.compare_covariance_types",
}

#: Arguments taking a 2-D feature array: callable name -> (call with the bad value, regex).
FEATURE_ARGS = {
    "validation.check_features": (lambda bad: validation.check_features(bad), r"\bX\b"),
    "style.cluster_scatter": (lambda bad: style.cluster_scatter(bad), r"\bX\b"),
    "style.cluster_scatter(centers=)": (
        lambda bad: style.cluster_scatter(X, centers=bad),
        r"\bcenters\b",
    ),
    "scaling.feature_distance_shares": (scaling.feature_distance_shares, r"\bX\b"),
    "scaling.compare_scalings": (
        lambda bad: scaling.compare_scalings(bad, {"r": None}),
        r"\bX\b",
    ),
    "compare.cluster_summary": (
        lambda bad: compare.cluster_summary(bad, [0, 1]),
        r"\bdata\b",
    ),
    "compare.compare_algorithms": (
        lambda bad: compare.compare_algorithms(bad, {"km": KMeans(2)}),
        r"\bX\b",
    ),
    "compare.plot_comparison": (
        lambda bad: compare.plot_comparison(bad, COMPARISON),
        r"\bX\b",
    ),
    "hierarchy.linkage_matrix": (hierarchy.linkage_matrix, r"\bX\b"),
    "hierarchy.compare_linkages": (
        lambda bad: hierarchy.compare_linkages(bad, 2),
        r"\bX\b",
    ),
    "density.k_distances": (lambda bad: density.k_distances(bad, 2), r"\bX\b"),
    "density.suggest_eps": (lambda bad: density.suggest_eps(bad, 2), r"\bX\b"),
    "density.plot_k_distance": (lambda bad: density.plot_k_distance(bad, 2), r"\bX\b"),
    "density.eps_grid": (lambda bad: density.eps_grid(bad, [0.5], [3]), r"\bX\b"),
    "mixtures.ellipse_parameters": (mixtures.ellipse_parameters, r"\bcovariance\b"),
    "mixtures.plot_mixture": (lambda bad: mixtures.plot_mixture(bad, GMM), r"\bX\b"),
    "mixtures.compare_covariance_types": (
        lambda bad: mixtures.compare_covariance_types(bad, 1),
        r"\bX\b",
    ),
    "mixtures.information_criteria": (
        lambda bad: mixtures.information_criteria(bad, [1]),
        r"\bX\b",
    ),
    "mixtures.uncertain_points": (
        lambda bad: mixtures.uncertain_points(GMM, bad),
        r"\bX\b",
    ),
    "kselect.scores_by_k": (lambda bad: kselect.scores_by_k(bad, [1]), r"\bX\b"),
    "kselect.plot_silhouette_diagram": (
        lambda bad: kselect.plot_silhouette_diagram(bad, [0, 1, 1]),
        r"\bX\b",
    ),
    "kmeans.kmeans_inertia": (
        lambda bad: kmeans.kmeans_inertia(bad, [[0.0]], [0]),
        r"\bX\b",
    ),
    "kmeans.kmeans_inertia(centers=)": (
        lambda bad: kmeans.kmeans_inertia(X, bad, Y),
        r"\bcenters\b",
    ),
    "kmeans.squared_distances": (
        lambda bad: kmeans.squared_distances(bad, [[0.0]]),
        r"\bX\b",
    ),
    "kmeans.kmeans_plusplus": (lambda bad: kmeans.kmeans_plusplus(bad, 1), r"\bX\b"),
    "kmeans.KMeansScratch.fit": (
        lambda bad: kmeans.KMeansScratch(1).fit(bad),
        r"\bX\b",
    ),
    "kmeans.KMeansScratch.predict": (lambda bad: MODEL.predict(bad), r"\bX\b"),
    "kmeans_plots.plot_iterations": (
        lambda bad: kmeans_plots.plot_iterations(bad, HISTORY),
        r"\bX\b",
    ),
    "kmeans_plots.plot_inertia_history": (
        lambda bad: kmeans_plots.plot_inertia_history(bad, HISTORY),
        r"\bX\b",
    ),
    "case_study.cluster_scatter_3d": (
        lambda bad: case_study.cluster_scatter_3d(bad, [0]),
        r"\bX\b",
    ),
}


def _non_integer_floats(n):
    """Whole numbers plus a half: floats that are never whole."""
    return arrays(np.int64, n, elements=st.integers(-1000, 1000)).map(lambda a: a + 0.5)


#: Kinds of bad labels for data of ``n`` rows, each a function of ``n`` giving a strategy.
BAD_LABEL_KINDS = {
    "non-integer floats": _non_integer_floats,
    "NaN among integers": lambda n: st.just(np.where(np.arange(n) == 0, np.nan, 0.0)),
    "strings": lambda n: st.lists(st.text(max_size=3), min_size=n, max_size=n),
    "2-D": lambda n: st.just(np.zeros((n, 2), dtype=int)),
    "wrong length": lambda n: (
        st.integers(0, 2 * n)
        .filter(lambda m: m != n)
        .map(lambda m: np.zeros(m, dtype=int))
    ),
    "not an array": lambda n: st.one_of(st.text(max_size=5), st.integers()),
    "None": lambda n: st.none(),
}

#: Arguments taking labels: name -> (rows expected, call with the bad labels, regex).
LABEL_ARGS = {
    "validation.check_labels": (
        N,
        lambda bad: validation.check_labels(bad, n_samples=N),
        r"labels",
    ),
    "style.cluster_scatter": (
        N,
        lambda bad: style.cluster_scatter(X, bad),
        r"\blabels\b",
    ),
    "scaling.compare_scalings": (
        N,
        lambda bad: scaling.compare_scalings(X, {"r": None}, y_true=bad),
        r"\by_true\b",
    ),
    "scaling.count_single_category_clusters": (
        3,
        lambda bad: scaling.count_single_category_clusters(bad, ["F", "M", "F"]),
        r"\blabels\b",
    ),
    "compare.cluster_summary": (
        N,
        lambda bad: compare.cluster_summary(X, bad),
        r"\blabels\b",
    ),
    "compare.cluster_summary(truth=)": (
        N,
        lambda bad: compare.cluster_summary(X, Y, bad),
        r"\btruth\b",
    ),
    "compare.compare_algorithms": (
        N,
        lambda bad: compare.compare_algorithms(X, {"km": KMeans(2)}, bad),
        r"\by_true\b",
    ),
    "compare.match_labels": (
        3,
        lambda bad: compare.match_labels(bad, [0, 1, 1]),
        r"labels|refer",
    ),
    "compare.match_labels(reference=)": (
        3,
        lambda bad: compare.match_labels([0, 1, 1], bad),
        r"\breference\b",
    ),
    "compare.plot_comparison": (
        N,
        lambda bad: compare.plot_comparison(X, COMPARISON, bad),
        r"\by_true\b",
    ),
    "hierarchy.compare_linkages": (
        N,
        lambda bad: hierarchy.compare_linkages(X, 2, bad),
        r"\by_true\b",
    ),
    "density.eps_grid": (
        N,
        lambda bad: density.eps_grid(X, [0.5], [3], bad),
        r"\by_true\b",
    ),
    "mixtures.compare_covariance_types": (
        N,
        lambda bad: mixtures.compare_covariance_types(X, 1, bad),
        r"\by_true\b",
    ),
    "kselect.plot_silhouette_diagram": (
        N,
        lambda bad: kselect.plot_silhouette_diagram(X, bad),
        r"\blabels\b",
    ),
    "kmeans.kmeans_inertia": (
        N,
        lambda bad: kmeans.kmeans_inertia(X, X[:3], bad),
        r"\blabels\b",
    ),
    "segments.profile_segments": (
        6,
        lambda bad: segments.profile_segments(CUSTOMERS, bad),
        r"\blabels\b",
    ),
    "case_study.segment_table": (
        6,
        lambda bad: case_study.segment_table(CUSTOMERS, bad),
        r"\blabels\b",
    ),
    "case_study.cluster_scatter_3d": (
        N,
        lambda bad: case_study.cluster_scatter_3d(X3, bad),
        r"\blabels\b",
    ),
}


def bad_ints(minimum=None, maximum=None, *, none_ok=False):
    """Values an integer parameter must refuse: out of range, floats, bools, text, lists."""
    options = [st.floats(), st.booleans(), st.text(max_size=4), st.just([1])]
    if not none_ok:
        options.append(st.none())
    if minimum is not None:
        options.append(st.integers(max_value=minimum - 1))
    if maximum is not None:
        options.append(st.integers(min_value=maximum + 1))
    return st.one_of(options)


def bad_floats(minimum=None, *, exclusive_min=False, maximum=None, none_ok=False):
    """Values a float parameter must refuse: NaN, inf, out of range, bools, None, text."""
    options = [
        st.sampled_from([np.nan, np.inf, -np.inf]),
        st.booleans(),
        st.text(max_size=4),
    ]
    if not none_ok:
        options.append(st.none())
    # the filters keep -0.0 out where 0.0 itself is allowed (hypothesis tells the zeros apart)
    if minimum is not None:
        below = st.floats(max_value=minimum, allow_infinity=False)
        options.append(
            below.filter(lambda v: v <= minimum if exclusive_min else v < minimum)
        )
    if maximum is not None:
        above = st.floats(min_value=maximum, allow_infinity=False)
        options.append(above.filter(lambda v: v > maximum))
    return st.one_of(options)


def bad_choices(choices):
    """Values an option parameter must refuse: misspellings, other text, non-strings."""
    choices = list(choices)
    misspelt = (
        [c.upper() for c in choices]
        + [c + "s" for c in choices]
        + [f" {c}" for c in choices]
    )
    return st.one_of(
        st.sampled_from([m for m in misspelt if m not in choices]),
        st.text(max_size=8).filter(lambda s: s not in choices),
        st.none(),
        st.integers(),
    )


_RANDOM_STATE = bad_ints(
    0
)  # a seed checked with check_int: only an int >= 0 is accepted
_SKLEARN_SEED = bad_ints(0, 2**32 - 1, none_ok=True)  # a seed checked with check_seed

#: Scalar parameters: name -> (call with the bad value, strategy of bad values, regex).
SCALAR_ARGS = {
    "style.cluster_style(label)": (style.cluster_style, bad_ints(), r"\blabel\b"),
    "datasets.make_age_income_customers(n_per_segment)": (
        datasets.make_age_income_customers,
        bad_ints(1),
        r"n_per_segment",
    ),
    "datasets.make_age_income_customers(random_state)": (
        lambda v: datasets.make_age_income_customers(4, random_state=v),
        bad_ints(0, none_ok=True),
        r"random_state",
    ),
    "datasets.make_course_blobs(n_samples)": (
        datasets.make_course_blobs,
        bad_ints(1),
        r"n_samp",
    ),
    "datasets.make_course_blobs(centers)": (
        lambda v: datasets.make_course_blobs(20, centers=v),
        bad_ints(1, 20),
        r"centers",
    ),
    "datasets.make_course_blobs(cluster_std)": (
        lambda v: datasets.make_course_blobs(20, cluster_std=v),
        bad_floats(0.0, exclusive_min=True),
        r"cluster_std",
    ),
    "datasets.make_course_blobs(random_state)": (
        lambda v: datasets.make_course_blobs(20, random_state=v),
        _SKLEARN_SEED,
        r"random_state",
    ),
    "datasets.make_course_moons(n_samples)": (
        datasets.make_course_moons,
        bad_ints(2),
        r"n_samp",
    ),
    "datasets.make_course_moons(noise)": (
        lambda v: datasets.make_course_moons(20, noise=v),
        bad_floats(0.0),
        r"noise",
    ),
    "datasets.make_course_moons(random_state)": (
        lambda v: datasets.make_course_moons(20, random_state=v),
        _SKLEARN_SEED,
        r"random_state",
    ),
    "scaling.compare_scalings(n_clusters)": (
        lambda v: scaling.compare_scalings(X, {"r": None}, n_clusters=v),
        bad_ints(1, N),
        r"n_clusters",
    ),
    "scaling.compare_scalings(random_state)": (
        lambda v: scaling.compare_scalings(X, {"r": None}, random_state=v),
        bad_ints(0),
        r"random_state",
    ),
    "scaling.compare_scalings(n_init)": (
        lambda v: scaling.compare_scalings(X, {"r": None}, n_init=v),
        bad_ints(1),
        r"n_init",
    ),
    "scaling.outlier_effect(outlier)": (
        lambda v: scaling.outlier_effect([1.0, 2.0], v),
        bad_floats(),
        r"outlier",
    ),
    "compare.plot_comparison(ncols)": (
        lambda v: compare.plot_comparison(X, COMPARISON, ncols=v),
        bad_ints(1),
        r"ncols",
    ),
    "hierarchy.linkage_matrix(method)": (
        lambda v: hierarchy.linkage_matrix(X, v),
        bad_choices(hierarchy.LINKAGES),
        r"method",
    ),
    "hierarchy.cut_height(n_clusters)": (
        lambda v: hierarchy.cut_height(Z, v),
        bad_ints(2, N - 1),
        r"n_clusters",
    ),
    "hierarchy.cut_ranges(max_clusters)": (
        lambda v: hierarchy.cut_ranges(Z, v),
        bad_ints(2, N - 1),
        r"max_clusters",
    ),
    "hierarchy.plot_dendrogram(truncate_p)": (
        lambda v: hierarchy.plot_dendrogram(Z, 3, truncate_p=v),
        bad_ints(3),
        r"truncate_p",
    ),
    "hierarchy.compare_linkages(n_clusters)": (
        lambda v: hierarchy.compare_linkages(X, v),
        bad_ints(2, N - 1),
        r"n_clusters",
    ),
    "density.k_distances(min_samples)": (
        lambda v: density.k_distances(X, v),
        bad_ints(2, N - 1),
        r"min_samples|X has",
    ),
    "density.plot_k_distance(eps)": (
        lambda v: density.plot_k_distance(X, eps=v),
        bad_floats(0.0, exclusive_min=True, none_ok=True),
        r"\beps\b",
    ),
    "density.plot_eps_grid(value)": (
        lambda v: density.plot_eps_grid(GRID, v),
        bad_choices(GRID.columns),
        r"\bvalue\b",
    ),
    "mixtures.ellipse_parameters(n_std)": (
        lambda v: mixtures.ellipse_parameters(np.eye(2), v),
        bad_floats(0.0, exclusive_min=True),
        r"n_std",
    ),
    "mixtures.compare_covariance_types(n_components)": (
        lambda v: mixtures.compare_covariance_types(X, v),
        bad_ints(1, N),
        r"n_components",
    ),
    "mixtures.compare_covariance_types(n_init)": (
        lambda v: mixtures.compare_covariance_types(X, 1, n_init=v),
        bad_ints(1),
        r"n_init",
    ),
    "mixtures.information_criteria(covariance_type)": (
        lambda v: mixtures.information_criteria(X, [1], covariance_type=v),
        bad_choices(mixtures.COVARIANCE_TYPES),
        r"covariance_type",
    ),
    "mixtures.information_criteria(random_state)": (
        lambda v: mixtures.information_criteria(X, [1], random_state=v),
        _RANDOM_STATE,
        r"random_state",
    ),
    "mixtures.uncertain_points(threshold)": (
        lambda v: mixtures.uncertain_points(GMM, X, v),
        bad_floats(0.0, exclusive_min=True, maximum=1.0),
        r"threshold",
    ),
    "kselect.scores_by_k(n_init)": (
        lambda v: kselect.scores_by_k(X, [2], n_init=v),
        bad_ints(1),
        r"n_init",
    ),
    "kselect.scores_by_k(random_state)": (
        lambda v: kselect.scores_by_k(X, [2], random_state=v),
        bad_ints(0, none_ok=True),
        r"random_state",
    ),
    "kselect.plot_elbow_silhouette(chosen_k)": (
        lambda v: kselect.plot_elbow_silhouette(SCORES, chosen_k=v),
        bad_ints(1, 5, none_ok=True),
        r"chosen_k",
    ),
    "rfm.make_random_rfm(n_customers)": (
        rfm.make_random_rfm,
        bad_ints(20),
        r"n_customers",
    ),
    "rfm.make_grouped_rfm(random_state)": (
        lambda v: rfm.make_grouped_rfm(20, v),
        bad_ints(0, none_ok=True),
        r"random_state",
    ),
    "mall_replica.make_mall_replica(random_state)": (
        mall_replica.make_mall_replica,
        bad_ints(0, none_ok=True),
        r"random_state",
    ),
    "kmeans.KMeansScratch(n_clusters)": (
        lambda v: kmeans.KMeansScratch(v).fit(X),
        bad_ints(1, N),
        r"n_clusters",
    ),
    "kmeans.KMeansScratch(init)": (
        lambda v: kmeans.KMeansScratch(2, init=v).fit(X),
        bad_choices(kmeans.INIT_METHODS),
        r"\binit\b",
    ),
    "kmeans.KMeansScratch(max_iter)": (
        lambda v: kmeans.KMeansScratch(2, max_iter=v).fit(X),
        bad_ints(1),
        r"max_iter",
    ),
    "kmeans.KMeansScratch(tol)": (
        lambda v: kmeans.KMeansScratch(2, tol=v).fit(X),
        bad_floats(0.0),
        r"\btol\b",
    ),
    "kmeans.kmeans_plusplus(n_local_trials)": (
        lambda v: kmeans.kmeans_plusplus(X, 2, n_local_trials=v),
        bad_ints(1, none_ok=True),
        r"n_local_trials",
    ),
    "kmeans_plots.default_steps(most)": (
        lambda v: kmeans_plots.default_steps(5, v),
        bad_ints(2),
        r"\bmost\b",
    ),
}


# --------------------------------------------------------------------------------------------
# The tests
# --------------------------------------------------------------------------------------------
def _public_callables() -> dict[str, object]:
    """Every public function and class defined in a course_utils module, by "module.name"."""
    found = {}
    for info in pkgutil.iter_modules(course_utils.__path__):
        module = importlib.import_module(f"course_utils.{info.name}")
        for name, obj in vars(module).items():
            if name.startswith("_") or not (
                inspect.isfunction(obj) or inspect.isclass(obj)
            ):
                continue
            if obj.__module__ == module.__name__:
                found[f"{info.name}.{name}"] = obj
    return found


def _expect_refusal(call, error, match):
    try:
        with pytest.raises(error, match=match):
            call()
    finally:
        plt.close("all")


def test_every_public_callable_has_cases_or_a_stated_exemption():
    public = _public_callables()
    missing = sorted(set(public) - set(CASES) - set(EXEMPT))
    assert not missing, (
        f"public callables with no bad-input case and no exemption: {missing}"
    )
    unknown = sorted((set(CASES) | set(EXEMPT)) - set(public))
    assert not unknown, f"table entries that name no public callable: {unknown}"
    assert not set(CASES) & set(EXEMPT), "a callable is both swept and exempt"
    assert all(CASES.values()), "every swept callable has at least one case"


def test_the_hypothesis_tables_name_public_callables():
    public = set(_public_callables())
    for key in [*FEATURE_ARGS, *LABEL_ARGS, *SCALAR_ARGS]:
        name = key.split("(")[0]
        assert name in public or name.rsplit(".", 1)[0] in public, key


def test_the_new_validation_helpers_pass_valid_values_through():
    legacy = np.random.RandomState(0)
    assert (
        validation.check_seed(None) is None and validation.check_seed(legacy) is legacy
    )
    assert validation.check_seed(np.int64(42)) == 42
    assert validation.check_bool(np.True_, name="flag") is True
    assert validation.check_sequence(range(3), name="ks") == [0, 1, 2]
    assert validation.check_path("data/x.csv") == Path("data/x.csv")
    ax = plt.figure().add_subplot()
    assert validation.check_axes(ax) is ax
    plt.close("all")


def _case_params():
    for name, cases in CASES.items():
        for case in cases:
            marks = (
                [pytest.mark.xfail(strict=True, reason=case.xfail)]
                if case.xfail
                else []
            )
            yield pytest.param(case, id=f"{name}: {case.what}", marks=marks)


# scores_by_k's duplicate-points case warns (scikit-learn's ConvergenceWarning) before it refuses
@pytest.mark.filterwarnings("ignore::sklearn.exceptions.ConvergenceWarning")
@pytest.mark.parametrize("case", list(_case_params()))
def test_bad_input_gets_a_clear_error(case):
    _expect_refusal(case.call, case.error, case.match)


@pytest.mark.parametrize("name", list(FEATURE_ARGS))
@settings(max_examples=6, deadline=None)
@given(data=st.data())
def test_bad_feature_arrays_are_refused(name, data):
    call, match = FEATURE_ARGS[name]
    for kind, strategy in BAD_FEATURE_KINDS.items():
        if kind == "None" and name in OPTIONAL_FEATURE_ARGS:
            continue
        bad = data.draw(strategy, label=kind)
        _expect_refusal(lambda: call(bad), BAD, match)  # noqa: B023 - called at once


@pytest.mark.parametrize("name", list(LABEL_ARGS))
@settings(max_examples=6, deadline=None)
@given(data=st.data())
def test_bad_labels_are_refused(name, data):
    n, call, match = LABEL_ARGS[name]
    for kind, strategy in BAD_LABEL_KINDS.items():
        if kind == "None" and name in OPTIONAL_LABEL_ARGS:
            continue
        bad = data.draw(strategy(n), label=kind)
        _expect_refusal(lambda: call(bad), BAD, match)  # noqa: B023 - called at once


@pytest.mark.parametrize("name", list(SCALAR_ARGS))
@settings(max_examples=10, deadline=None)
@given(data=st.data())
def test_bad_scalar_parameters_are_refused(name, data):
    call, strategy, match = SCALAR_ARGS[name]
    bad = data.draw(strategy, label="bad value")
    _expect_refusal(lambda: call(bad), BAD, match)
