"""Input checks: every bad input gets a clear error naming the argument."""

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from course_utils.validation import (
    check_choice,
    check_features,
    check_float,
    check_int,
    check_labels,
    check_random_state,
)


@pytest.mark.parametrize(
    ("bad", "error", "message"),
    [
        (None, TypeError, "X must be a 2-D array-like"),
        ("abc", TypeError, "X must be a 2-D array-like"),
        (3.0, TypeError, "X must be a 2-D array-like"),
        ([1.0, 2.0], ValueError, "X must be 2-D.*reshape"),
        (np.zeros((2, 2, 2)), ValueError, "X must be 2-D"),
        (np.empty((0, 2)), ValueError, "X is empty"),
        (np.empty((3, 0)), ValueError, "X is empty"),
        ([[1, np.nan], [2, 3]], ValueError, "NaN or infinite values in 1 row"),
        ([[1, np.inf], [2, -np.inf]], ValueError, "NaN or infinite values in 2 row"),
        ([["a", "b"], ["c", "d"]], TypeError, "X must hold numbers only"),
        ([[1j, 2], [3, 4]], TypeError, "real numbers"),
        (
            pd.DataFrame({"a": [1, 2], "b": ["x", "y"]}),
            TypeError,
            "non-numeric column.*b",
        ),
    ],
)
def test_check_features_refuses(bad, error, message):
    with pytest.raises(error, match=message):
        check_features(bad)


def test_check_features_names_the_argument_and_counts_rows():
    with pytest.raises(ValueError, match="centres has 1 sample.*at least 2"):
        check_features([[1.0, 2.0]], name="centres", min_samples=2)


@settings(max_examples=50, deadline=None)
@given(
    arrays(
        np.float64,
        st.tuples(st.integers(1, 20), st.integers(1, 5)),
        elements=st.floats(-1e6, 1e6),
    )
)
def test_check_features_keeps_finite_data(X):
    out = check_features(X)
    assert out.dtype == np.float64 and out.shape == X.shape
    np.testing.assert_array_equal(out, X)


def test_check_features_accepts_frames_and_bools():
    frame = pd.DataFrame({"a": [1, 2], "b": [True, False]})
    np.testing.assert_array_equal(check_features(frame), [[1.0, 1.0], [2.0, 0.0]])


def test_check_labels():
    np.testing.assert_array_equal(check_labels([0, 1, -1]), [0, 1, -1])
    np.testing.assert_array_equal(check_labels(np.array([0.0, 2.0])), [0, 2])
    with pytest.raises(TypeError, match="labels must hold integers"):
        check_labels([0.5, 1.0])
    with pytest.raises(
        ValueError, match="labels has 2 entries but the data has 3 rows"
    ):
        check_labels([0, 1], n_samples=3)
    with pytest.raises(ValueError, match="labels must be 1-D"):
        check_labels([[0, 1]])
    with pytest.raises(TypeError, match="y must be a 1-D"):
        check_labels("abc", name="y")


def test_check_int_and_float():
    assert check_int(np.int64(3), name="k", minimum=1) == 3
    with pytest.raises(TypeError, match="k must be an integer"):
        check_int(2.5, name="k")
    with pytest.raises(TypeError, match="k must be an integer"):
        check_int(True, name="k")
    with pytest.raises(ValueError, match="k must be >= 1, got 0"):
        check_int(0, name="k", minimum=1)
    with pytest.raises(ValueError, match="k must be <= 5, got 6"):
        check_int(6, name="k", maximum=5)
    assert check_float(1, name="eps", minimum=0, exclusive_min=True) == 1.0
    with pytest.raises(ValueError, match="eps must be > 0"):
        check_float(0.0, name="eps", minimum=0, exclusive_min=True)
    with pytest.raises(ValueError, match="eps must be finite"):
        check_float(float("nan"), name="eps")
    with pytest.raises(TypeError, match="eps must be a number"):
        check_float("0.5", name="eps")


def test_check_choice_lists_the_options():
    assert check_choice("ward", name="linkage", choices=["ward", "single"]) == "ward"
    with pytest.raises(
        ValueError, match=r"linkage must be one of \['ward', 'single'\], got 'wrad'"
    ):
        check_choice("wrad", name="linkage", choices=["ward", "single"])
    with pytest.raises(TypeError, match="linkage must be one of"):
        check_choice(3, name="linkage", choices=["ward"])


def test_check_random_state():
    assert check_random_state(1).integers(1000) == check_random_state(1).integers(1000)
    generator = np.random.default_rng(0)
    assert isinstance(check_random_state(generator), np.random.Generator)
    with pytest.raises(TypeError, match="random_state must be None, an int"):
        check_random_state(1.5)
    with pytest.raises(ValueError, match="random_state must be >= 0"):
        check_random_state(-1)
