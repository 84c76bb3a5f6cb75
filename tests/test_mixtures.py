"""Tests for course_utils.mixtures: covariances, ellipses, BIC/AIC, soft assignments."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from matplotlib.patches import Ellipse
from sklearn.datasets import make_blobs
from sklearn.mixture import GaussianMixture

from course_utils.mixtures import (
    COVARIANCE_TYPES,
    compare_covariance_types,
    covariance_matrices,
    draw_ellipses,
    ellipse_parameters,
    information_criteria,
    n_parameters,
    plot_information_criteria,
    plot_mixture,
    uncertain_points,
)

CENTRES = [[0.0, 0.0], [10.0, 0.0], [0.0, 10.0], [10.0, 10.0]]


@pytest.fixture(scope="module")
def blobs():
    return make_blobs(n_samples=200, centers=CENTRES, cluster_std=0.7, random_state=0)


@pytest.fixture(scope="module")
def stretched():
    """Three tilted, overlapping clouds: a model that is unsure about some points."""
    rng = np.random.default_rng(0)
    shear = np.array([[1.0, 0.0], [0.8, 0.4]])
    clouds = [
        rng.normal(size=(80, 2)) @ shear + centre
        for centre in ([0, 0], [2.5, 1], [5, 0])
    ]
    return np.vstack(clouds)


@pytest.fixture(scope="module")
def models(stretched):
    return {
        kind: GaussianMixture(3, covariance_type=kind, random_state=0).fit(stretched)
        for kind in COVARIANCE_TYPES
    }


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


# --- covariances and ellipses -------------------------------------------------------------


def test_covariance_matrices_are_full_for_every_type(models):
    for kind, model in models.items():
        matrices = covariance_matrices(model)
        assert matrices.shape == (3, 2, 2), kind
        # each matrix is the inverse of sklearn's precision matrix, whatever the storage
        if kind == "full":
            precisions = model.precisions_
        elif kind == "tied":
            precisions = np.repeat(model.precisions_[np.newaxis], 3, axis=0)
        elif kind == "diag":
            precisions = np.stack([np.diag(p) for p in model.precisions_])
        else:
            precisions = np.stack([np.eye(2) * p for p in model.precisions_])
        for cov, precision in zip(matrices, precisions, strict=True):
            np.testing.assert_allclose(cov @ precision, np.eye(2), atol=1e-8)


def test_tied_diag_spherical_shapes(models):
    tied = covariance_matrices(models["tied"])
    assert np.allclose(tied[0], tied[1]) and np.allclose(tied[1], tied[2])
    for kind in ("diag", "spherical"):
        off_diagonal = covariance_matrices(models[kind])[:, 0, 1]
        assert np.all(off_diagonal == 0), kind
    spherical = covariance_matrices(models["spherical"])
    assert np.allclose(spherical[:, 0, 0], spherical[:, 1, 1])


@settings(max_examples=50, deadline=None)
@given(
    st.floats(0.01, 100),
    st.floats(0.01, 100),
    st.floats(0, 179.9),
    st.floats(0.5, 3),
)
def test_ellipse_parameters_recover_a_rotated_covariance(var_a, var_b, angle, n_std):
    # build covariance = R diag(a, b) R^T with a >= b, rotated by `angle`
    big, small = max(var_a, var_b), min(var_a, var_b)
    theta = np.radians(angle)
    rotation = np.array(
        [[np.cos(theta), -np.sin(theta)], [np.sin(theta), np.cos(theta)]]
    )
    covariance = rotation @ np.diag([big, small]) @ rotation.T
    width, height, found_angle = ellipse_parameters(covariance, n_std)
    assert width == pytest.approx(2 * n_std * np.sqrt(big), rel=1e-6)
    assert height == pytest.approx(2 * n_std * np.sqrt(small), rel=1e-6, abs=1e-9)
    assert 0 <= found_angle < 180
    if big > 1.01 * small:  # the angle is defined only when the ellipse is not a circle
        difference = abs(found_angle - angle) % 180
        assert min(difference, 180 - difference) < 1.0


def test_ellipse_parameters_bad_input():
    with pytest.raises(ValueError, match="2 x 2"):
        ellipse_parameters(np.eye(3))
    with pytest.raises(ValueError, match="symmetric"):
        ellipse_parameters([[1.0, 0.5], [0.0, 1.0]])
    with pytest.raises(ValueError, match="positive semi-definite"):
        ellipse_parameters([[1.0, 0.0], [0.0, -1.0]])
    with pytest.raises(ValueError, match="n_std must be > 0"):
        ellipse_parameters(np.eye(2), 0)
    with pytest.raises(ValueError, match="NaN"):
        ellipse_parameters([[np.nan, 0.0], [0.0, 1.0]])


def test_draw_ellipses_for_every_covariance_type(stretched, models):
    for kind, model in models.items():
        _, ax = plt.subplots()
        patches = draw_ellipses(model, ax, n_std=(1.0, 2.0))
        assert len(patches) == 6, kind  # 3 components x 2 sizes
        assert all(isinstance(p, Ellipse) for p in patches)
        covariances = covariance_matrices(model)
        for i, patch in enumerate(patches[::2]):
            width, height, angle = ellipse_parameters(covariances[i], 1.0)
            assert patch.center == pytest.approx(tuple(model.means_[i]))
            assert (patch.width, patch.height, patch.angle) == pytest.approx(
                (width, height, angle)
            )
    ax = plot_mixture(
        stretched, models["full"], xlabel="x (sd)", ylabel="y (sd)", title="t"
    )
    assert ax.get_legend() is not None and ax.get_xlabel() == "x (sd)"


def test_helpers_refuse_unfitted_or_foreign_models(stretched):
    with pytest.raises(ValueError, match="not fitted"):
        covariance_matrices(GaussianMixture(2))
    with pytest.raises(TypeError, match="GaussianMixture"):
        covariance_matrices("model")
    model = GaussianMixture(2, random_state=0).fit(stretched)
    _, ax = plt.subplots()
    with pytest.raises(ValueError, match="dims must be two different"):
        draw_ellipses(model, ax, dims=(0, 0))
    with pytest.raises(ValueError, match="colors has 1 entries"):
        draw_ellipses(model, ax, colors=["red"])
    with pytest.raises(TypeError, match="matplotlib Axes"):
        draw_ellipses(model, "ax")


# --- covariance types and information criteria --------------------------------------------


def test_n_parameters_matches_the_bic_formula(stretched, models):
    n = stretched.shape[0]
    for kind, model in models.items():
        log_likelihood = model.score(stretched) * n
        expected_bic = -2 * log_likelihood + n_parameters(model) * np.log(n)
        assert model.bic(stretched) == pytest.approx(expected_bic), kind
    assert n_parameters(models["full"]) == 3 * 2 + 2 + 3 * 3


def test_compare_covariance_types(blobs):
    X, y = blobs
    table, fitted = compare_covariance_types(X, 4, y, n_init=1)
    assert list(table.index) == list(COVARIANCE_TYPES)
    assert list(table.columns) == [
        "parameters",
        "BIC",
        "AIC",
        "ARI vs truth",
        "silhouette (noise excluded)",
    ]
    assert (table["ARI vs truth"] == 1.0).all()  # round blobs: every type finds them
    for kind, model in fitted.items():
        assert table.loc[kind, "parameters"] == n_parameters(model)
    assert table["parameters"].idxmax() == "full"
    assert table.loc["full", "BIC"] == pytest.approx(fitted["full"].bic(X))
    with pytest.raises(ValueError, match="n_components must be <= 200"):
        compare_covariance_types(X, 201)


def test_bic_is_lowest_at_the_true_number_of_components(blobs):
    X, _ = blobs
    table = information_criteria(X, range(1, 8), n_init=1)
    assert list(table.index) == list(range(1, 8))
    assert int(table["BIC"].idxmin()) == 4
    ax = plot_information_criteria(table)
    assert "lowest at 4" in ax.get_legend().get_texts()[0].get_text()


def test_information_criteria_bad_input(blobs):
    X, _ = blobs
    with pytest.raises(ValueError, match="covariance_type must be one of"):
        information_criteria(X, [1, 2], covariance_type="fulll")
    with pytest.raises(ValueError, match="strictly increasing"):
        information_criteria(X, [3, 2])
    with pytest.raises(ValueError, match="empty"):
        information_criteria(X, [])
    with pytest.raises(ValueError, match="n_components_range must be >= 1"):
        information_criteria(X, [0, 1])
    with pytest.raises(TypeError, match="sequence of integers"):
        information_criteria(X, 4)
    with pytest.raises(TypeError, match="information_criteria"):
        plot_information_criteria(pd.DataFrame({"BIC": [1.0]}))


# --- soft assignments ---------------------------------------------------------------------


@pytest.mark.parametrize("threshold", [0.6, 0.8, 0.95])
def test_uncertain_points_are_exactly_those_below_the_threshold(
    stretched, models, threshold
):
    model = models["full"]
    uncertain = uncertain_points(model, stretched, threshold)
    probabilities = model.predict_proba(stretched)
    expected = np.flatnonzero(probabilities.max(axis=1) < threshold)
    assert sorted(uncertain.index) == expected.tolist()
    assert len(uncertain) > 0
    assert (uncertain["max probability"] < threshold).all()
    assert uncertain["max probability"].is_monotonic_increasing
    component_columns = [f"P(component {i})" for i in range(3)]
    np.testing.assert_allclose(uncertain[component_columns].sum(axis=1), 1.0)
    np.testing.assert_array_equal(
        uncertain["most likely"], uncertain[component_columns].to_numpy().argmax(axis=1)
    )


def test_uncertain_points_keep_a_dataframes_index(stretched, models):
    frame = pd.DataFrame(stretched, index=[f"c{i}" for i in range(len(stretched))])
    uncertain = uncertain_points(models["full"], frame, 0.9)
    assert set(uncertain.index) <= set(frame.index)
    assert uncertain_points(models["full"], frame, 1e-9).empty


def test_uncertain_points_bad_input(stretched, models):
    with pytest.raises(ValueError, match="threshold must be <= 1"):
        uncertain_points(models["full"], stretched, 1.5)
    with pytest.raises(ValueError, match="threshold must be > 0"):
        uncertain_points(models["full"], stretched, 0)
    with pytest.raises(ValueError, match="3 features but the model was fitted on 2"):
        uncertain_points(models["full"], np.hstack([stretched, stretched[:, :1]]))
