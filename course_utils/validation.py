"""Input checks for the course's entry points: clear errors instead of deep tracebacks.

Only where input comes from outside (``KMeansScratch``, the mall loader, the quiz bank) is it
checked; other helpers trust their input. Each check raises ``TypeError`` (wrong kind of
object) or ``ValueError`` (right kind, wrong content) naming the argument ``name``, and
returns the value in the form the caller works with.
"""

from __future__ import annotations

import numbers
import os
from pathlib import Path

import numpy as np
import pandas as pd


def check_features(X, *, name: str = "X", min_samples: int = 1) -> np.ndarray:
    """Return ``X`` (array, DataFrame or nested list) as a 2-D float64 array of finite numbers.

    Refuses a string, scalar or non-numeric values (``TypeError``); a shape that is not 2-D,
    no rows or columns, fewer than ``min_samples`` rows, NaN or inf (``ValueError``).
    """
    if X is None or isinstance(X, (str, bytes)) or np.isscalar(X):
        raise TypeError(
            f"{name} must be a 2-D array-like of numbers (n_samples, n_features), "
            f"got {type(X).__name__}"
        )
    if isinstance(X, pd.DataFrame):
        bad = [col for col in X.columns if not pd.api.types.is_numeric_dtype(X[col])]
        if bad:
            raise TypeError(
                f"{name} must hold numbers only; non-numeric column(s): "
                f"{', '.join(map(str, bad))}"
            )
        if any(pd.api.types.is_bool_dtype(X[col]) for col in X.columns):
            X = X.astype(float)
    try:
        array = np.asarray(X)
    except ValueError as error:  # ragged nested lists
        raise ValueError(
            f"{name} must be a rectangular 2-D array-like: {error}"
        ) from None
    if array.dtype == object or not (
        np.issubdtype(array.dtype, np.number) or np.issubdtype(array.dtype, np.bool_)
    ):
        raise TypeError(
            f"{name} must hold numbers only, got values of dtype {array.dtype}"
        )
    if np.iscomplexobj(array):
        raise TypeError(f"{name} must hold real numbers, got complex values")
    if array.ndim != 2:
        hint = " (use X.reshape(-1, 1) for a single feature)" if array.ndim == 1 else ""
        raise ValueError(
            f"{name} must be 2-D (n_samples, n_features), got {array.ndim}-D with shape "
            f"{array.shape}{hint}"
        )
    if array.shape[0] == 0 or array.shape[1] == 0:
        raise ValueError(
            f"{name} is empty (shape {array.shape}); expected at least one value"
        )
    if array.shape[0] < min_samples:
        raise ValueError(
            f"{name} has {array.shape[0]} sample(s); at least {min_samples} are needed"
        )
    array = array.astype(np.float64, copy=False)
    if not np.isfinite(array).all():
        n_bad = int((~np.isfinite(array)).any(axis=1).sum())
        raise ValueError(
            f"{name} contains NaN or infinite values in {n_bad} row(s); "
            "drop or impute them before clustering"
        )
    return array


def check_labels(
    labels, *, n_samples: int | None = None, name: str = "labels"
) -> np.ndarray:
    """Return cluster labels as a 1-D int64 array (whole-number floats are accepted).

    Refuses non-integers (``TypeError``), another shape, no labels, or a length other than
    ``n_samples`` when given (``ValueError``).
    """
    if labels is None or isinstance(labels, (str, bytes)) or np.isscalar(labels):
        raise TypeError(
            f"{name} must be a 1-D array-like of integers, got {type(labels).__name__}"
        )
    array = np.asarray(labels)
    if array.ndim != 1:
        raise ValueError(f"{name} must be 1-D, got shape {array.shape}")
    if array.dtype.kind not in "iub":
        whole = array.dtype.kind == "f" and np.all(np.isfinite(array))
        if not (whole and np.all(array == np.round(array))):
            raise TypeError(f"{name} must hold integers, got dtype {array.dtype}")
    if n_samples is not None and array.shape[0] != n_samples:
        raise ValueError(
            f"{name} has {array.shape[0]} entries but the data has {n_samples} rows"
        )
    if array.shape[0] == 0:
        raise ValueError(f"{name} is empty; expected one label per sample")
    return array.astype(np.int64, copy=False)


def check_int(
    value, *, name: str, minimum: int | None = None, maximum: int | None = None
) -> int:
    """Return ``value`` as an ``int`` within the inclusive bounds (a ``bool`` is refused)."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(
            f"{name} must be an integer, got {value!r} ({type(value).__name__})"
        )
    value = int(value)
    if minimum is not None and value < minimum:
        raise ValueError(f"{name} must be >= {minimum}, got {value}")
    if maximum is not None and value > maximum:
        raise ValueError(f"{name} must be <= {maximum}, got {value}")
    return value


def check_float(
    value,
    *,
    name: str,
    minimum: float | None = None,
    exclusive_min: bool = False,
    maximum: float | None = None,
) -> float:
    """Return ``value`` as a finite ``float`` within bounds (``minimum`` exclusive if asked)."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(
            f"{name} must be a number, got {value!r} ({type(value).__name__})"
        )
    value = float(value)
    if not np.isfinite(value):
        raise ValueError(f"{name} must be finite, got {value}")
    if minimum is not None and (value <= minimum if exclusive_min else value < minimum):
        raise ValueError(
            f"{name} must be {'>' if exclusive_min else '>='} {minimum}, got {value}"
        )
    if maximum is not None and value > maximum:
        raise ValueError(f"{name} must be <= {maximum}, got {value}")
    return value


def check_choice(value, *, name: str, choices) -> str:
    """Return ``value`` if it is one of the strings ``choices``; the error lists them."""
    choices = list(choices)
    if not isinstance(value, str):
        raise TypeError(
            f"{name} must be one of {choices}, got {value!r} ({type(value).__name__})"
        )
    if value not in choices:
        raise ValueError(f"{name} must be one of {choices}, got {value!r}")
    return value


def check_random_state(random_state) -> np.random.Generator:
    """Return a NumPy ``Generator`` from ``None``, a ``Generator`` or a seed ``>= 0``."""
    if random_state is None or isinstance(random_state, np.random.Generator):
        return np.random.default_rng(random_state)
    if isinstance(random_state, bool) or not isinstance(random_state, numbers.Integral):
        raise TypeError(
            f"random_state must be None, an int or a numpy Generator, got {random_state!r}"
        )
    if random_state < 0:
        raise ValueError(f"random_state must be >= 0, got {random_state}")
    return np.random.default_rng(int(random_state))


def check_bool(value, *, name: str) -> bool:
    """Return ``value`` if it is ``True`` or ``False`` (a string such as ``"no"`` is refused)."""
    if not isinstance(value, (bool, np.bool_)):
        raise TypeError(
            f"{name} must be True or False, got {value!r} ({type(value).__name__})"
        )
    return bool(value)


def check_path(path, *, name: str = "path") -> Path:
    """Return ``path`` as a ``pathlib.Path`` if it is a ``str`` or ``os.PathLike``."""
    if not isinstance(path, (str, os.PathLike)):
        raise TypeError(
            f"{name} must be a file path (str or pathlib.Path), got {path!r} "
            f"({type(path).__name__})"
        )
    return Path(path)


def check_axes(ax, *, name: str = "ax"):
    """Return ``ax`` if it is one matplotlib ``Axes`` (not an array of them)."""
    from matplotlib.axes import Axes  # here, so that importing this module stays light

    if not isinstance(ax, Axes):
        hint = " (pick one, e.g. axes[0])" if isinstance(ax, np.ndarray) else ""
        raise TypeError(
            f"{name} must be a matplotlib Axes, got {type(ax).__name__}{hint}"
        )
    return ax


# Used only by modules the redesign dissolves (compare, density, hierarchy, mixtures,
# kmeans_plots): delete these three with the last of them.
def check_seed(random_state, *, name: str = "random_state"):
    """Return a seed scikit-learn accepts: ``None``, a ``RandomState`` or an int in
    ``[0, 2**32 - 1]`` (a bool is refused)."""
    if random_state is None or isinstance(random_state, np.random.RandomState):
        return random_state
    if isinstance(random_state, bool) or not isinstance(random_state, numbers.Integral):
        raise TypeError(
            f"{name} must be None, an int or a numpy RandomState, got {random_state!r} "
            f"({type(random_state).__name__})"
        )
    return check_int(random_state, name=name, minimum=0, maximum=2**32 - 1)


def check_sequence(values, *, name: str, what: str = "values") -> list:
    """Return ``values`` as a list if it is a sequence (not a string, scalar or ``None``)."""
    if values is None or isinstance(values, (str, bytes)) or np.isscalar(values):
        raise TypeError(f"{name} must be a sequence of {what}, got {values!r}")
    try:
        return list(values)
    except TypeError:
        raise TypeError(
            f"{name} must be a sequence of {what}, got {type(values).__name__}"
        ) from None


def check_panel_size(panel_size, *, name: str = "panel_size") -> tuple[float, float]:
    """Return a panel's ``(width, height)`` in inches, both positive numbers."""
    if isinstance(panel_size, (str, bytes)) or not hasattr(panel_size, "__len__"):
        raise TypeError(f"{name} must be (width, height) in inches, got {panel_size!r}")
    if len(panel_size) != 2:
        raise ValueError(
            f"{name} must be (width, height) in inches, got {panel_size!r}"
        )
    width, height = (
        check_float(value, name=name, minimum=0.0, exclusive_min=True)
        for value in panel_size
    )
    return width, height
