"""Pictures of a K-Means run step by step, from :attr:`KMeansScratch.history_`."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np

from course_utils.kmeans import KMeansStep, kmeans_inertia
from course_utils.style import axes_or_new, cluster_scatter
from course_utils.validation import check_features, check_int, check_panel_size


def _check_history(history, n_samples: int) -> list[KMeansStep]:
    """Return ``history`` as a list of :class:`KMeansStep`, or raise a clear error."""
    if isinstance(history, KMeansStep) or not hasattr(history, "__iter__"):
        raise TypeError(
            f"history must be a list of KMeansStep (a fitted model's history_), got "
            f"{type(history).__name__}"
        )
    history = list(history)
    if not history:
        raise ValueError("history is empty: fit with keep_history=True first")
    if not all(isinstance(step, KMeansStep) for step in history):
        raise TypeError(
            "history must hold KMeansStep objects (a fitted model's history_)"
        )
    if any(step.labels.shape[0] != n_samples for step in history):
        raise ValueError(f"history's labels do not match X's {n_samples} rows")
    return history


def default_steps(n_steps: int, most: int = 6) -> list[int]:
    """Choose at most ``most`` step numbers out of ``n_steps``: always the first and last.

    Parameters
    ----------
    n_steps : int
        Steps available (``len(history_)``).
    most : int, default 6
        The most steps to return.

    Returns
    -------
    list of int
        Increasing step numbers, evenly spread.
    """
    n_steps = check_int(n_steps, name="n_steps", minimum=1)
    most = check_int(most, name="most", minimum=2)
    if n_steps <= most:
        return list(range(n_steps))
    return sorted({int(round(i)) for i in np.linspace(0, n_steps - 1, most)})


def plot_iterations(
    X,
    history,
    *,
    steps=None,
    ncols: int = 3,
    xlabel: str | None = None,
    ylabel: str | None = None,
    title: str | None = None,
    panel_size: tuple[float, float] = (4.8, 4.2),
):
    """Draw small multiples of a K-Means run: labels, centres and each centre's path so far.

    Parameters
    ----------
    X : array-like of shape (n_samples, 2)
        The data the model was fitted on (a DataFrame's column names become axis labels).
    history : list of KMeansStep
        A fitted :class:`~course_utils.kmeans.KMeansScratch`'s ``history_``.
    steps : list of int, optional
        Which steps to draw (``0`` is the start); default: up to six, first and last included.
    ncols : int, default 3
        Panels per row.
    xlabel, ylabel : str, optional
        Axis labels, with units.
    title : str, optional
        Title of the whole figure.
    panel_size : (float, float), default (4.8, 4.2)
        Width and height of one panel in inches (the figure adds room for its title and
        legend).

    Returns
    -------
    matplotlib.figure.Figure
    """
    columns = list(X.columns) if hasattr(X, "columns") else None
    points = check_features(X, name="X")
    if points.shape[1] != 2:
        raise ValueError(
            f"X must have exactly 2 columns to plot, got {points.shape[1]}"
        )
    history = _check_history(history, points.shape[0])
    if steps is None:
        steps = default_steps(len(history))
    else:
        steps = [
            check_int(s, name="steps", minimum=0, maximum=len(history) - 1)
            for s in steps
        ]
    if not steps:
        raise ValueError(f"steps must be step numbers in 0..{len(history) - 1}, got []")
    panel_size = check_panel_size(panel_size)
    ncols = check_int(ncols, name="ncols", minimum=1)
    ncols = min(ncols, len(steps))
    nrows = -(-len(steps) // ncols)
    fig, axes = plt.subplots(
        nrows,
        ncols,
        figsize=(
            panel_size[0] * ncols,
            panel_size[1] * nrows + 1.2,
        ),  # + title and legend
        sharex=True,
        sharey=True,
        squeeze=False,
        constrained_layout=True,
    )
    paths = np.stack([step.centers for step in history])  # (n_steps, n_clusters, 2)
    for ax, step_number in zip(axes.flat, steps, strict=False):
        step = history[step_number]
        inertia = kmeans_inertia(points, step.centers, step.labels)
        name = {0: "start", 1: "after 1 update"}.get(
            step_number, f"after {step_number} updates"
        )
        cluster_scatter(
            points,
            step.labels,
            centers=step.centers,
            ax=ax,
            legend=False,
            s=25,
            title=f"{name}\ninertia {inertia:,.1f}",
            xlabel=xlabel or (columns[0] if columns else "feature 1"),
            ylabel=ylabel or (columns[1] if columns else "feature 2"),
        )
        for cluster in range(paths.shape[1]):
            ax.plot(
                paths[: step_number + 1, cluster, 0],
                paths[: step_number + 1, cluster, 1],
                color="black",
                linestyle="--",
                linewidth=1.5,
                marker=".",
                markersize=6,
                label="centre's path" if cluster == 0 else None,
            )
    for ax in axes.flat[len(steps) :]:
        ax.set_visible(False)
    legend_entries = {}  # every cluster that appears in some panel, once
    for ax in axes.flat[: len(steps)]:
        for handle, label in zip(*ax.get_legend_handles_labels(), strict=True):
            legend_entries.setdefault(label, handle)
    names = sorted(
        legend_entries, key=lambda n: (not n.startswith("cluster"), len(n), n)
    )
    fig.legend(
        [legend_entries[n] for n in names],
        names,
        loc="outside lower center",
        ncols=min(len(names), 6),
    )
    if title:
        fig.suptitle(title, fontweight="bold")
    return fig


def plot_inertia_history(X, history, *, ax=None, title="Inertia at each step"):
    """Plot the inertia of every step of a run: it never goes up.

    Parameters
    ----------
    X : array-like of shape (n_samples, n_features)
        The data the model was fitted on.
    history : list of KMeansStep
        A fitted model's ``history_``.
    ax : matplotlib Axes, optional
        Where to draw; a new figure is made when omitted.
    title : str, default "Inertia at each step"

    Returns
    -------
    matplotlib.axes.Axes
    """
    points = check_features(X, name="X")
    history = _check_history(history, points.shape[0])
    inertias = [kmeans_inertia(points, step.centers, step.labels) for step in history]
    ax = axes_or_new(ax, figsize=(7, 4))
    ax.plot(
        range(len(inertias)), inertias, marker="o", color="#0072B2", label="inertia"
    )
    ax.set_xlabel("step (number of centre updates)")
    ax.set_ylabel("inertia (sum of squared distances)")
    ax.set_title(title)
    ax.set_xticks(range(len(inertias)))
    ax.legend(loc="upper right")
    return ax
