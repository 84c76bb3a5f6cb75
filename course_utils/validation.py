"""Input checks shared by every helper: clear errors instead of deep library tracebacks.

Each check raises ``TypeError`` (wrong kind of object) or ``ValueError`` (right kind, wrong
content) with a message that names the argument and says what was expected.
"""

from __future__ import annotations

import numbers
import os
from pathlib import Path

import numpy as np
import pandas as pd


def check_features(X, *, name: str = "X", min_samples: int = 1) -> np.ndarray:
    """Return ``X`` as a 2-D float array of finite numbers, or raise a clear error.

    Parameters
    ----------
    X : array-like of shape (n_samples, n_features)
        A NumPy array, a pandas DataFrame or a nested list of numbers.
    name : str, default "X"
        The argument's name, used in error messages.
    min_samples : int, default 1
        The fewest rows accepted.

    Returns
    -------
    ndarray of shape (n_samples, n_features), dtype float64

    Raises
    ------
    TypeError
        If ``X`` is a string, a scalar, or holds non-numeric values.
    ValueError
        If ``X`` is not 2-D, is empty, has fewer than ``min_samples`` rows, or holds NaN/inf.
    """
    min_samples = check_int(min_samples, name="min_samples", minimum=1)
    if X is None or isinstance(X, (str, bytes)) or np.isscalar(X):
        raise TypeError(
            f"{name} must be a 2-D array-like of numbers (n_samples, n_features), "
            f"got {type(X).__name__}"
        )
    if isinstance(X, pd.DataFrame):
        bad = [col for col in X.columns if not pd.api.types.is_numeric_dtype(X[col])]
        if bad:
            raise TypeError(
                f"{name} must hold numbers only; non-numeric column(s): {', '.join(map(str, bad))}"
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
    """Return cluster labels as a 1-D integer array, or raise a clear error.

    Parameters
    ----------
    labels : array-like of shape (n_samples,)
        Integer cluster labels (``-1`` marks noise).
    n_samples : int, optional
        The number of samples the labels must match.
    name : str, default "labels"
        The argument's name, used in error messages.

    Returns
    -------
    ndarray of shape (n_samples,), dtype int64

    Raises
    ------
    TypeError
        If ``labels`` is not an array-like of integers (whole-number floats are accepted).
    ValueError
        If ``labels`` is not 1-D, is empty, or does not have ``n_samples`` entries.
    """
    if labels is None or isinstance(labels, (str, bytes)) or np.isscalar(labels):
        raise TypeError(
            f"{name} must be a 1-D array-like of integers, got {type(labels).__name__}"
        )
    array = np.asarray(labels)
    if array.ndim != 1:
        raise ValueError(f"{name} must be 1-D, got shape {array.shape}")
    if array.dtype.kind not in "iub":
        if (
            array.dtype.kind == "f"
            and np.all(np.isfinite(array))
            and np.all(array == np.round(array))
        ):
            array = array.astype(np.int64)
        else:
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
    """Return ``value`` as an ``int`` within bounds, or raise a clear error.

    Parameters
    ----------
    value : int
        The value to check (``bool`` is refused).
    name : str
        The argument's name, used in error messages.
    minimum, maximum : int, optional
        Inclusive bounds.

    Returns
    -------
    int
    """
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
    """Return ``value`` as a finite ``float`` within bounds, or raise a clear error.

    Parameters
    ----------
    value : float
        The value to check (``bool`` is refused).
    name : str
        The argument's name, used in error messages.
    minimum, maximum : float, optional
        Bounds; ``minimum`` is exclusive when ``exclusive_min`` is true, otherwise inclusive.
    exclusive_min : bool, default False

    Returns
    -------
    float
    """
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
    """Return ``value`` if it is one of ``choices``, else raise a ``ValueError`` listing them.

    Parameters
    ----------
    value : str
        The option given.
    name : str
        The argument's name, used in error messages.
    choices : iterable of str
        The accepted options.

    Returns
    -------
    str
    """
    choices = list(choices)
    if not isinstance(value, str):
        raise TypeError(
            f"{name} must be one of {choices}, got {value!r} ({type(value).__name__})"
        )
    if value not in choices:
        raise ValueError(f"{name} must be one of {choices}, got {value!r}")
    return value


def check_random_state(random_state) -> np.random.Generator:
    """Return a NumPy ``Generator`` from a seed, a ``Generator`` or ``None``.

    Parameters
    ----------
    random_state : None, int or numpy.random.Generator
        ``None`` gives fresh entropy (not reproducible); an int gives a seeded generator.

    Returns
    -------
    numpy.random.Generator
    """
    if random_state is None or isinstance(random_state, np.random.Generator):
        return np.random.default_rng(random_state)
    if isinstance(random_state, bool) or not isinstance(random_state, numbers.Integral):
        raise TypeError(
            f"random_state must be None, an int or a numpy Generator, got {random_state!r}"
        )
    if random_state < 0:
        raise ValueError(f"random_state must be >= 0, got {random_state}")
    return np.random.default_rng(int(random_state))


def check_seed(random_state, *, name: str = "random_state"):
    """Return a seed that scikit-learn accepts: ``None``, an int in ``[0, 2**32 - 1]`` or a
    ``numpy.random.RandomState``; otherwise raise a clear error.

    Use it where ``random_state`` is handed on to scikit-learn (which would otherwise accept a
    bool as a seed, or fail with a message that does not name the argument).

    Parameters
    ----------
    random_state : None, int or numpy.random.RandomState
    name : str, default "random_state"
        The argument's name, used in error messages.

    Returns
    -------
    None, int or numpy.random.RandomState
        ``random_state`` unchanged.
    """
    if random_state is None or isinstance(random_state, np.random.RandomState):
        return random_state
    if isinstance(random_state, bool) or not isinstance(random_state, numbers.Integral):
        raise TypeError(
            f"{name} must be None, an int or a numpy RandomState, got {random_state!r} "
            f"({type(random_state).__name__})"
        )
    return check_int(random_state, name=name, minimum=0, maximum=2**32 - 1)


def check_bool(value, *, name: str) -> bool:
    """Return ``value`` as a ``bool`` if it is ``True`` or ``False``, else raise a ``TypeError``.

    A string such as ``"no"`` is refused: it would silently count as true.

    Parameters
    ----------
    value : bool
    name : str
        The argument's name, used in error messages.

    Returns
    -------
    bool
    """
    if not isinstance(value, (bool, np.bool_)):
        raise TypeError(
            f"{name} must be True or False, got {value!r} ({type(value).__name__})"
        )
    return bool(value)


def check_sequence(values, *, name: str, what: str = "values") -> list:
    """Return ``values`` as a list if it is a sequence (not a string, scalar or ``None``).

    Parameters
    ----------
    values : iterable
    name : str
        The argument's name, used in error messages.
    what : str, default "values"
        What the sequence should hold, for the message (e.g. ``"linkage names"``).

    Returns
    -------
    list
    """
    if values is None or isinstance(values, (str, bytes)) or np.isscalar(values):
        raise TypeError(f"{name} must be a sequence of {what}, got {values!r}")
    try:
        return list(values)
    except TypeError:
        raise TypeError(
            f"{name} must be a sequence of {what}, got {type(values).__name__}"
        ) from None


def check_path(path, *, name: str = "path") -> Path:
    """Return ``path`` as a ``pathlib.Path`` if it is a ``str`` or ``os.PathLike``.

    Parameters
    ----------
    path : str or os.PathLike
    name : str, default "path"
        The argument's name, used in error messages.

    Returns
    -------
    pathlib.Path
    """
    if not isinstance(path, (str, os.PathLike)):
        raise TypeError(
            f"{name} must be a file path (str or pathlib.Path), got {path!r} "
            f"({type(path).__name__})"
        )
    return Path(path)


def check_axes(ax, *, name: str = "ax"):
    """Return ``ax`` if it is one matplotlib ``Axes``, else raise a ``TypeError``.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
    name : str, default "ax"
        The argument's name, used in error messages.

    Returns
    -------
    matplotlib.axes.Axes
    """
    from matplotlib.axes import Axes  # here, so that importing this module stays light

    if not isinstance(ax, Axes):
        hint = " (pick one, e.g. axes[0])" if isinstance(ax, np.ndarray) else ""
        raise TypeError(
            f"{name} must be a matplotlib Axes, got {type(ax).__name__}{hint}"
        )
    return ax


def check_panel_size(panel_size, *, name: str = "panel_size") -> tuple[float, float]:
    """Return a figure panel's ``(width, height)`` in inches, both positive, or raise.

    Parameters
    ----------
    panel_size : sequence of two numbers
    name : str, default "panel_size"
        The argument's name, used in error messages.

    Returns
    -------
    tuple of (float, float)
    """
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
