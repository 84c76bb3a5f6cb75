"""Pictures of a K-Means run step by step, from ``KMeansScratch.history_``."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np

from course_utils.style import cluster_scatter


def plot_iterations(
    X,
    history,
    *,
    steps=None,
    ncols=2,
    xlabel="feature 1",
    ylabel="feature 2",
    title=None,
    panel_size=(5.0, 4.0),
):
    """Draw one panel per step of a K-Means run: labels, centres and each centre's path.

    Parameters
    ----------
    X : ndarray of shape (n_samples, 2)
        The data the model was fitted on.
    history : list of KMeansStep
        A fitted ``KMeansScratch``'s ``history_``.
    steps : list of int, optional
        The steps to draw (``0`` is the start, ``len(history) - 1`` the end); default
        all.
    ncols : int, default 2
        Panels per row.
    xlabel, ylabel : str
        Axis labels, with units.
    title : str, optional
        Title of the whole figure.
    panel_size : (float, float), default (5.0, 4.0)
        Width and height of one panel in inches.

    Returns
    -------
    matplotlib.figure.Figure
        Each panel's title names its step and its inertia.
    """
    steps = list(range(len(history))) if steps is None else list(steps)
    ncols = min(ncols, len(steps))
    nrows = -(-len(steps) // ncols)
    fig, axes = plt.subplots(
        nrows,
        ncols,
        figsize=(panel_size[0] * ncols, panel_size[1] * nrows + 1.0),
        sharex=True,
        sharey=True,
        squeeze=False,
        constrained_layout=True,
    )
    paths = np.stack([step.centers for step in history])  # (steps, clusters, 2)
    for ax, number in zip(axes.flat, steps, strict=False):
        step = history[number]
        inertia = ((X - step.centers[step.labels]) ** 2).sum()
        name = {0: "start", 1: "after 1 update"}.get(number, f"after {number} updates")
        cluster_scatter(
            X,
            step.labels,
            centers=step.centers,
            ax=ax,
            legend=False,
            s=25,
            title=f"{name}: inertia {inertia:,.1f}",
            xlabel=xlabel,
            ylabel=ylabel,
        )
        for cluster in range(paths.shape[1]):
            ax.plot(
                paths[: number + 1, cluster, 0],
                paths[: number + 1, cluster, 1],
                color="black",
                linestyle="--",
                linewidth=1.5,
                marker=".",
                label="centre's path" if cluster == 0 else None,
            )
    for ax in axes.flat[len(steps) :]:
        ax.set_visible(False)
    entries = {}  # every name used in some panel, once
    for ax in axes.flat[: len(steps)]:
        for handle, label in zip(*ax.get_legend_handles_labels(), strict=True):
            entries.setdefault(label, handle)
    names = sorted(entries, key=lambda n: (not n.startswith("cluster"), len(n), n))
    fig.legend([entries[n] for n in names], names, loc="outside lower center", ncols=4)
    if title:
        fig.suptitle(title, fontweight="bold")
    return fig


def plot_inertia_history(X, history, *, ax=None, title="Inertia at each step"):
    """Plot the inertia of every step of a run.

    Parameters
    ----------
    X : ndarray of shape (n_samples, n_features)
        The data the model was fitted on.
    history : list of KMeansStep
        A fitted ``KMeansScratch``'s ``history_``.
    ax : matplotlib Axes, optional
        Where to draw; a new figure when omitted.
    title : str, default "Inertia at each step"

    Returns
    -------
    matplotlib.axes.Axes
    """
    inertias = [((X - s.centers[s.labels]) ** 2).sum() for s in history]
    if ax is None:
        _, ax = plt.subplots(figsize=(7, 4))
    ax.plot(range(len(inertias)), inertias, marker="o", label="inertia")
    ax.set_xlabel("step (number of centre updates)")
    ax.set_ylabel("inertia (sum of squared distances)")
    ax.set_title(title)
    ax.set_xticks(range(len(inertias)))
    return ax
