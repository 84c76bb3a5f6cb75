"""Gaussian mixture helpers: ellipses, covariance types, BIC/AIC, and soft assignments.

A Gaussian mixture model (scikit-learn's ``GaussianMixture``) describes the data as a blend of
bell-shaped clouds, each with a centre (mean), a shape (covariance matrix) and a weight. Every
point gets a **probability** of belonging to each cloud instead of a single label.

* :func:`covariance_matrices` — one full covariance matrix per component, whatever the
  model's ``covariance_type`` (full, tied, diag, spherical).
* :func:`ellipse_parameters` / :func:`draw_ellipses` / :func:`plot_mixture` — each component
  drawn as ellipses (``matplotlib.patches.Ellipse`` with keyword width/height/angle).
* :func:`compare_covariance_types` — the four covariance types at the same number of
  components: BIC, AIC, parameters, ARI, silhouette.
* :func:`information_criteria` / :func:`plot_information_criteria` — BIC and AIC over the
  number of components.
* :func:`uncertain_points` — the points whose most likely component has a probability below
  a threshold, with all their probabilities.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.colors import is_color_like
from matplotlib.patches import Ellipse
from sklearn.exceptions import NotFittedError
from sklearn.mixture import GaussianMixture
from sklearn.utils.validation import check_is_fitted

from course_utils.compare import ARI, compare_algorithms
from course_utils.style import axes_or_new, cluster_scatter, cluster_style
from course_utils.validation import (
    check_bool,
    check_choice,
    check_features,
    check_float,
    check_int,
    check_sequence,
)

#: scikit-learn's covariance types, with what each lets a component's ellipse do.
COVARIANCE_TYPES = {
    "full": "any shape and tilt, per component",
    "tied": "one shared shape and tilt for all components",
    "diag": "stretched along the axes only (no tilt), per component",
    "spherical": "circles only, one size per component",
}


def _check_mixture(model) -> GaussianMixture:
    if not isinstance(model, GaussianMixture):
        raise TypeError(
            f"model must be a sklearn GaussianMixture, got {type(model).__name__}"
        )
    try:
        check_is_fitted(model)
    except NotFittedError:
        raise ValueError("model is not fitted yet; call model.fit(X) first") from None
    return model


def covariance_matrices(model) -> np.ndarray:
    """Return one full covariance matrix per component of a fitted ``GaussianMixture``.

    scikit-learn stores ``covariances_`` in a shape that depends on ``covariance_type``:
    ``full`` (k, d, d), ``tied`` (d, d) shared by all, ``diag`` (k, d) variances,
    ``spherical`` (k,) one variance each. This expands all four to (k, d, d).

    Parameters
    ----------
    model : sklearn.mixture.GaussianMixture
        A fitted model.

    Returns
    -------
    ndarray of shape (n_components, n_features, n_features)

    Raises
    ------
    TypeError
        If ``model`` is not a ``GaussianMixture``.
    ValueError
        If it is not fitted, or its ``covariance_type`` is unknown.
    """
    model = _check_mixture(model)
    k, d = model.means_.shape
    cov = np.asarray(model.covariances_, dtype=float)
    kind = check_choice(
        model.covariance_type, name="model.covariance_type", choices=COVARIANCE_TYPES
    )
    if kind == "full":
        return cov.copy()
    if kind == "tied":
        return np.repeat(cov[np.newaxis], k, axis=0)
    if kind == "diag":
        return np.stack([np.diag(row) for row in cov])
    return np.stack([np.eye(d) * value for value in cov])


def ellipse_parameters(covariance, n_std: float = 2.0) -> tuple[float, float, float]:
    """Return the width, height and angle of the ellipse ``n_std`` standard deviations out.

    The ellipse's axes point along the eigenvectors of the 2 × 2 covariance matrix; each
    half-axis is ``n_std`` times the square root of its eigenvalue. For a Gaussian in 2-D the
    ellipse holds ``1 - exp(-n_std**2 / 2)`` of the probability: 39% at 1, 86% at 2.

    Parameters
    ----------
    covariance : array-like of shape (2, 2)
        A symmetric positive semi-definite covariance matrix.
    n_std : float, default 2.0
        How many standard deviations out (positive).

    Returns
    -------
    width : float
        Full length of the major axis (along the largest variance).
    height : float
        Full length of the minor axis.
    angle : float
        Anticlockwise rotation of the major axis from the x axis, in degrees, in [0, 180).

    Raises
    ------
    TypeError, ValueError
        If ``covariance`` is not a finite, symmetric, positive semi-definite 2 × 2 matrix,
        or ``n_std`` is not positive.

    Examples
    --------
    >>> ellipse_parameters([[4.0, 0.0], [0.0, 1.0]], n_std=1.0)
    (4.0, 2.0, 0.0)
    """
    cov = check_features(covariance, name="covariance")
    if cov.shape != (2, 2):
        raise ValueError(f"covariance must be a 2 x 2 matrix, got shape {cov.shape}")
    if not np.allclose(cov, cov.T):
        raise ValueError("covariance must be symmetric")
    n_std = check_float(n_std, name="n_std", minimum=0.0, exclusive_min=True)
    values, vectors = np.linalg.eigh(cov)  # ascending eigenvalues
    if values[0] < -1e-12 * max(1.0, abs(values[1])):
        raise ValueError(
            "covariance must be positive semi-definite (a negative variance)"
        )
    values = np.clip(values, 0.0, None)
    major = vectors[:, 1]
    angle = float(np.degrees(np.arctan2(major[1], major[0])) % 180.0)
    if np.isclose(angle, 180.0):
        angle = 0.0
    width = float(2 * n_std * np.sqrt(values[1]))
    height = float(2 * n_std * np.sqrt(values[0]))
    return width, height, angle


def draw_ellipses(
    model, ax, *, n_std=(1.0, 2.0), dims=(0, 1), colors=None
) -> list[Ellipse]:
    """Draw each component of a fitted ``GaussianMixture`` as ellipses on ``ax``.

    Parameters
    ----------
    model : sklearn.mixture.GaussianMixture
        A fitted model with at least 2 features.
    ax : matplotlib Axes
        Where to draw (in the coordinates the model was fitted on).
    n_std : float or sequence of float, default (1.0, 2.0)
        One ellipse per value, ``n_std`` standard deviations out (see
        :func:`ellipse_parameters`); the inner ones are drawn more opaque.
    dims : (int, int), default (0, 1)
        Which two features are on the x and y axes.
    colors : sequence of str, optional
        One colour per component; defaults to the course colours of labels 0, 1, ...

    Returns
    -------
    list of matplotlib.patches.Ellipse

    Raises
    ------
    TypeError, ValueError
        On an unfitted model, a non-Axes ``ax``, bad ``n_std`` or ``dims``, or too few or
        unknown colours.
    """
    model = _check_mixture(model)
    covariances = covariance_matrices(model)
    n_features = model.means_.shape[1]
    if not hasattr(ax, "add_patch"):
        raise TypeError(f"ax must be a matplotlib Axes, got {type(ax).__name__}")
    if np.isscalar(n_std) and not isinstance(n_std, (str, bytes)):
        levels = [n_std]
    else:
        levels = check_sequence(
            n_std, name="n_std", what="numbers of standard deviations"
        )
    if not levels:
        raise ValueError(
            "n_std is empty; give at least one number of standard deviations"
        )
    dims = check_sequence(dims, name="dims", what="two feature indices")
    if len(dims) != 2 or dims[0] == dims[1]:
        raise ValueError(f"dims must be two different feature indices, got {dims!r}")
    dims = [check_int(d, name="dims", minimum=0, maximum=n_features - 1) for d in dims]
    if colors is None:
        colors = [cluster_style(i)["color"] for i in range(model.n_components)]
    else:
        colors = check_sequence(
            colors, name="colors", what="colours, one per component"
        )
        if len(colors) < model.n_components:
            raise ValueError(
                f"colors has {len(colors)} entries for {model.n_components} components"
            )
        unknown = [color for color in colors if not is_color_like(color)]
        if unknown:
            raise ValueError(
                f"colors holds values matplotlib does not know as colours: {unknown}"
            )
    patches = []
    for i, (mean, cov) in enumerate(zip(model.means_, covariances, strict=True)):
        sub = cov[np.ix_(dims, dims)]
        for j, level in enumerate(sorted(levels)):
            width, height, angle = ellipse_parameters(sub, level)
            patch = Ellipse(
                xy=(mean[dims[0]], mean[dims[1]]),
                width=width,
                height=height,
                angle=angle,
                facecolor=colors[i],
                edgecolor=colors[i],
                alpha=0.25 / (j + 1),
                linewidth=2,
            )
            ax.add_patch(patch)
            patches.append(patch)
    return patches


def plot_mixture(
    X,
    model,
    *,
    ax=None,
    title=None,
    xlabel=None,
    ylabel=None,
    n_std=(1.0, 2.0),
    equal_aspect: bool = True,
):
    """Scatter ``X`` coloured by the model's most likely component, with each component's ellipses.

    Parameters
    ----------
    X : array-like of shape (n_samples, 2)
        The data, in the coordinates the model was fitted on.
    model : sklearn.mixture.GaussianMixture
        A fitted model with 2 features.
    ax : matplotlib Axes, optional
        Where to draw; a new figure is made when omitted.
    title, xlabel, ylabel : str, optional
        Texts (give units).
    n_std : float or sequence of float, default (1.0, 2.0)
        Ellipse sizes (see :func:`draw_ellipses`).
    equal_aspect : bool, default True
        Draw one unit the same length on both axes, so that the ellipses' shapes and tilts
        are not distorted (right for standardised data).

    Returns
    -------
    matplotlib.axes.Axes

    Raises
    ------
    TypeError, ValueError
        On an unfitted model, bad ``X``, anything but 2 features in ``X`` and the model, bad
        ``n_std`` (see :func:`draw_ellipses`), or ``equal_aspect`` that is not True/False.
    """
    model = _check_mixture(model)
    data = check_features(X, name="X")
    if data.shape[1] != 2 or model.means_.shape[1] != 2:
        raise ValueError("plot_mixture needs 2 features in both X and the model")
    equal_aspect = check_bool(equal_aspect, name="equal_aspect")
    ax = cluster_scatter(
        X, model.predict(data), ax=ax, title=title, xlabel=xlabel, ylabel=ylabel
    )
    draw_ellipses(model, ax, n_std=n_std)
    ax.scatter(
        model.means_[:, 0],
        model.means_[:, 1],
        marker="*",
        s=300,
        c="black",
        edgecolors="white",
        label="component means",
        zorder=5,
    )
    if equal_aspect:
        ax.set_aspect("equal", adjustable="datalim")
    ax.legend(loc="best", fontsize=10, frameon=True, framealpha=0.9)
    return ax


def n_parameters(model) -> int:
    """Return the number of free parameters of a fitted ``GaussianMixture`` (used by BIC/AIC).

    ``k`` components in ``d`` dimensions have ``k * d`` mean values and ``k - 1`` free weights
    (they sum to 1), plus the covariances: ``k * d * (d + 1) / 2`` (full), ``d * (d + 1) / 2``
    (tied), ``k * d`` (diag) or ``k`` (spherical).

    Parameters
    ----------
    model : sklearn.mixture.GaussianMixture
        A fitted model.

    Returns
    -------
    int

    Raises
    ------
    TypeError, ValueError
        As :func:`covariance_matrices`.

    Examples
    --------
    >>> import numpy as np
    >>> points = np.random.default_rng(0).normal(size=(50, 2))
    >>> model = GaussianMixture(3, random_state=0).fit(points)
    >>> n_parameters(model)
    17
    """
    model = _check_mixture(model)
    k, d = model.means_.shape
    kind = check_choice(
        model.covariance_type, name="model.covariance_type", choices=COVARIANCE_TYPES
    )
    covariance = {
        "full": k * d * (d + 1) // 2,
        "tied": d * (d + 1) // 2,
        "diag": k * d,
        "spherical": k,
    }[kind]
    return k * d + (k - 1) + covariance


def _gmm(n_components, covariance_type, random_state, n_init) -> GaussianMixture:
    return GaussianMixture(
        n_components=n_components,
        covariance_type=covariance_type,
        random_state=random_state,
        n_init=n_init,
    )


def _check_fit_settings(random_state, n_init) -> tuple[int, int]:
    return (
        check_int(random_state, name="random_state", minimum=0),
        check_int(n_init, name="n_init", minimum=1),
    )


def compare_covariance_types(
    X, n_components: int, y_true=None, *, random_state: int = 0, n_init: int = 5
) -> tuple[pd.DataFrame, dict]:
    """Fit a Gaussian mixture with each covariance type and compare them.

    Parameters
    ----------
    X : array-like of shape (n_samples, n_features)
        The (already scaled) features.
    n_components : int
        Components of every model (between 1 and ``n_samples``).
    y_true : array-like of shape (n_samples,), optional
        Known groups, for the ``ARI vs truth`` column.
    random_state : int, default 0
    n_init : int, default 5
        Restarts per model (the best likelihood is kept).

    Returns
    -------
    table : pandas.DataFrame
        Indexed by ``covariance type``: ``parameters`` (free parameters), ``BIC``, ``AIC``
        (lower is better for both), ``ARI vs truth`` (with ``y_true``) and
        ``silhouette (noise excluded)`` (there is no noise in a mixture).
    models : dict of str to GaussianMixture
        The fitted models, by covariance type.

    Raises
    ------
    TypeError, ValueError
        On bad ``X``, ``y_true`` or settings.
    """
    data = check_features(X, name="X", min_samples=2)
    n_components = check_int(
        n_components, name="n_components", minimum=1, maximum=data.shape[0]
    )
    random_state, n_init = _check_fit_settings(random_state, n_init)
    estimators = {
        kind: _gmm(n_components, kind, random_state, n_init)
        for kind in COVARIANCE_TYPES
    }
    result = compare_algorithms(data, estimators, y_true)
    models = result.estimators
    table = pd.DataFrame(
        {
            "parameters": {kind: n_parameters(m) for kind, m in models.items()},
            "BIC": {kind: float(m.bic(data)) for kind, m in models.items()},
            "AIC": {kind: float(m.aic(data)) for kind, m in models.items()},
        }
    )
    extra = [
        c for c in (ARI, "silhouette (noise excluded)") if c in result.table.columns
    ]
    table = table.join(result.table[extra])
    table.index.name = "covariance type"
    return table, models


def information_criteria(
    X,
    n_components_range=range(1, 9),
    *,
    covariance_type: str = "full",
    random_state: int = 0,
    n_init: int = 5,
) -> pd.DataFrame:
    """Fit a Gaussian mixture for each number of components and return its BIC and AIC.

    Both criteria reward fit (log-likelihood) and penalise parameters; lower is better. BIC's
    penalty grows with the number of points (``log n`` per parameter, against AIC's 2), so
    BIC tends to choose fewer components.

    Parameters
    ----------
    X : array-like of shape (n_samples, n_features)
        The (already scaled) features.
    n_components_range : iterable of int, default range(1, 9)
        Strictly increasing numbers of components, each between 1 and ``n_samples``.
    covariance_type : {"full", "tied", "diag", "spherical"}, default "full"
    random_state : int, default 0
    n_init : int, default 5

    Returns
    -------
    pandas.DataFrame
        Indexed by ``components``, with columns ``BIC`` and ``AIC``.

    Raises
    ------
    TypeError, ValueError
        On bad ``X``, an empty, unsorted or out-of-range ``n_components_range``, a misspelt
        ``covariance_type`` or bad settings.
    """
    data = check_features(X, name="X", min_samples=2)
    covariance_type = check_choice(
        covariance_type, name="covariance_type", choices=COVARIANCE_TYPES
    )
    random_state, n_init = _check_fit_settings(random_state, n_init)
    ks = [
        check_int(k, name="n_components_range", minimum=1, maximum=data.shape[0])
        for k in check_sequence(
            n_components_range, name="n_components_range", what="integers"
        )
    ]
    if not ks:
        raise ValueError("n_components_range is empty")
    if any(b <= a for a, b in zip(ks, ks[1:], strict=False)):
        raise ValueError(f"n_components_range must be strictly increasing, got {ks}")
    rows = []
    for k in ks:
        model = _gmm(k, covariance_type, random_state, n_init).fit(data)
        rows.append(
            {
                "components": k,
                "BIC": float(model.bic(data)),
                "AIC": float(model.aic(data)),
            }
        )
    return pd.DataFrame(rows).set_index("components")


def plot_information_criteria(
    table, *, ax=None, title="BIC and AIC against the number of components"
):
    """Plot BIC and AIC against the number of components, marking each minimum.

    Parameters
    ----------
    table : pandas.DataFrame
        The table from :func:`information_criteria`.
    ax : matplotlib Axes, optional
        Where to draw; a new figure is made when omitted.
    title : str
        The title.

    Returns
    -------
    matplotlib.axes.Axes

    Raises
    ------
    TypeError, ValueError
        If ``table`` is not such a table (or its BIC/AIC hold NaN/inf), or ``ax`` is not one
        matplotlib Axes.
    """
    if not isinstance(table, pd.DataFrame) or not {"BIC", "AIC"} <= set(table.columns):
        raise TypeError("table must be the DataFrame returned by information_criteria")
    if table.empty:
        raise ValueError("table is empty")
    check_features(table[["BIC", "AIC"]], name="table")
    ax = axes_or_new(ax)
    for i, column in enumerate(("BIC", "AIC")):
        style = cluster_style(i)
        best = int(table[column].idxmin())
        ax.plot(
            table.index,
            table[column],
            marker=style["marker"],
            color=style["color"],
            label=f"{column} (lowest at {best})",
        )
        ax.scatter(
            [best],
            [table[column].min()],
            s=250,
            facecolors="none",
            edgecolors=style["color"],
            linewidths=2.5,
            zorder=5,
        )
    ax.set_xticks(list(table.index))
    ax.set_xlabel("number of components")
    ax.set_ylabel("information criterion (lower is better)")
    ax.set_title(title)
    ax.legend(loc="best", frameon=True, framealpha=0.9)
    return ax


def uncertain_points(model, X, threshold: float = 0.8) -> pd.DataFrame:
    """Return the points whose most likely component has a probability below ``threshold``.

    Parameters
    ----------
    model : sklearn.mixture.GaussianMixture
        A fitted model.
    X : array-like of shape (n_samples, n_features)
        The points to assess (in the model's coordinates). A DataFrame's index is kept, so
        the rows can be joined back to the original customers; otherwise rows are numbered
        by position.
    threshold : float, default 0.8
        A point is "uncertain" when its largest membership probability is below this
        (between 0 and 1).

    Returns
    -------
    pandas.DataFrame
        One row per uncertain point, most uncertain first, with columns
        ``P(component 0)``, ``P(component 1)``, ..., ``most likely`` and
        ``max probability``. Empty (with those columns) if no point is uncertain.

    Raises
    ------
    TypeError, ValueError
        On an unfitted model, bad ``X`` (or a feature count the model was not fitted on),
        or ``threshold`` outside (0, 1].
    """
    model = _check_mixture(model)
    data = check_features(X, name="X")
    if data.shape[1] != model.means_.shape[1]:
        raise ValueError(
            f"X has {data.shape[1]} features but the model was fitted on {model.means_.shape[1]}"
        )
    threshold = check_float(
        threshold, name="threshold", minimum=0.0, exclusive_min=True, maximum=1.0
    )
    index = X.index if isinstance(X, pd.DataFrame) else pd.RangeIndex(data.shape[0])
    probabilities = model.predict_proba(data)
    table = pd.DataFrame(
        probabilities,
        index=index,
        columns=[f"P(component {i})" for i in range(model.n_components)],
    )
    table["most likely"] = probabilities.argmax(axis=1)
    table["max probability"] = probabilities.max(axis=1)
    uncertain = table[table["max probability"] < threshold]
    return uncertain.sort_values("max probability", kind="stable")
