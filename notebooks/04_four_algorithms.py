# %%
# Set-up for Google Colab only (elsewhere this cell does nothing): fetch the course so that
# `course_utils` and `data/` can be found.
import sys

if "google.colab" in sys.modules:
    import os
    import subprocess

    REPOSITORY_URL = "https://github.com/clustering-course/customer-segmentation"
    if not os.path.isdir("/content/course"):
        subprocess.run(
            ["git", "clone", "--depth", "1", REPOSITORY_URL, "/content/course"]
        )
    sys.path.insert(0, "/content/course")
    os.chdir("/content/course/notebooks")

# %% [markdown]
# # Lesson 4 — Four algorithms side by side
#
# **Learning objectives.** By the end of this lesson you will be able to:
# - run K-Means, agglomerative (hierarchical) clustering, DBSCAN and a Gaussian mixture on the
#   same data and compare them fairly, in one table and one figure;
# - read a dendrogram, cut it into K clusters, and say how the linkage changes the result;
# - choose DBSCAN's `eps` with a k-distance plot, use its noise points as outliers, and
#   recognise a degenerate run (one cluster, adjusted Rand index exactly 0);
# - use a Gaussian mixture's ellipses, BIC/AIC and membership probabilities, including to
#   find the customers who sit between two segments;
# - pick an algorithm for a data set from the shape of its groups.
#
# **Time:** about 50 minutes. **Prerequisites:** lesson 1 (scaling, the adjusted Rand index)
# and lesson 3 (silhouette); lesson 2 for how K-Means works.

# %% [markdown]
# ## Four ideas of what a cluster is
#
# - **K-Means** — a cluster is the set of points nearest to one centre. You choose K; clusters
#   come out round and of similar spread, and every point belongs to one.
# - **Agglomerative (hierarchical) clustering** — start with every point alone and repeatedly
#   merge the two closest groups. The *[linkage](../appendix/glossary.md#linkage)* says what "closest groups" means. The whole
#   merge history is a tree, the **[dendrogram](../appendix/glossary.md#dendrogram)**; cutting it at some height gives clusters.
# - **DBSCAN** — a cluster is a crowded region: a point with at least [`min_samples`](../appendix/glossary.md#min_samples) points
#   (itself included) within distance [`eps`](../appendix/glossary.md#eps) is a *[core point](../appendix/glossary.md#core-point)*; core points within `eps` of
#   each other chain into one cluster. Points in no crowd are labelled **[noise](../appendix/glossary.md#noise-point)** (`-1`). You
#   do not choose K, but you do choose `eps` and `min_samples`.
# - **[Gaussian mixture](../appendix/glossary.md#gaussian-mixture) (GMM)** — the data are a blend of K bell-shaped clouds, each with its
#   own centre, spread and tilt. Every point gets a **[probability](../appendix/glossary.md#responsibility)** of coming from each cloud
#   ("soft" assignment) instead of a single label.
#
# We run all four on the age/income customers of lessons 0–3, where we know the truth: the
# data were made as four segments.

# %%
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from sklearn.preprocessing import StandardScaler

from course_utils.datasets import AGE, INCOME, SEGMENT, make_age_income_customers
from course_utils.style import cluster_scatter, use_course_style

use_course_style()
customers = make_age_income_customers(random_state=42)
X = pd.DataFrame(
    StandardScaler().fit_transform(customers[[AGE, INCOME]]),
    columns=["age (standardised)", "income (standardised)"],
)
y = customers[SEGMENT]
print(
    f"{len(X)} customers, {y.nunique()} true segments; features scaled to mean 0, sd 1"
)

# %% [markdown]
# ## DBSCAN needs an `eps`: the k-distance plot
#
# Three of the algorithms take the number of clusters (we give them 4, the true number).
# DBSCAN takes a radius `eps` instead. The usual way to choose it: for every point, measure
# the distance to its `min_samples`-th nearest neighbour (the point itself counts as the
# first, as DBSCAN counts it), sort these distances and plot them. Points inside a crowd
# have small values; isolated points have large ones. The **knee** of the curve, where it
# turns upwards, separates the two — `eps` there makes the crowded points core points.
#
# For `min_samples` a common rule is "at least the number of features plus one", more for
# noisy data; we use 10 throughout this lesson. `suggest_eps` finds the knee with `kneed`.

# %%
from course_utils.density import plot_k_distance, suggest_eps

MIN_SAMPLES = 10
knee_eps = suggest_eps(X, MIN_SAMPLES)
print(f"suggested eps at the knee (min_samples={MIN_SAMPLES}): {knee_eps:.3f}")
plot_k_distance(X, MIN_SAMPLES)
plt.show()

# %% [markdown]
# ## The comparison: one table, one figure
#
# `compare_algorithms` fits each algorithm on the same scaled data and reports:
# **clusters found** (noise not counted), **noise share**, the **largest cluster's share**
# of the customers, the **silhouette** (lesson 3; noise points left out, since they belong to
# no cluster) and the **adjusted Rand index** (ARI, lesson 1) against the true segments —
# 1 for the same grouping, about 0 for no better than chance. A real shop has no truth
# column; here it lets us check.

# %%
from sklearn.cluster import DBSCAN, AgglomerativeClustering, KMeans
from sklearn.mixture import GaussianMixture

from course_utils.compare import (
    ARI,
    CLUSTERS,
    NOISE_SHARE,
    SILHOUETTE,
    compare_algorithms,
)

algorithms = {
    "K-Means": KMeans(n_clusters=4, n_init=10, random_state=0),
    "Agglomerative (ward)": AgglomerativeClustering(n_clusters=4, linkage="ward"),
    "DBSCAN (knee eps)": DBSCAN(eps=knee_eps, min_samples=MIN_SAMPLES),
    "Gaussian mixture": GaussianMixture(n_components=4, n_init=5, random_state=0),
}
comparison = compare_algorithms(X, algorithms, y)
comparison.table.round(3)

# %% [markdown]
# Fit times vary from run to run and machine to machine, so they are kept out of the table
# (the output of the next cell is not checked). On 300 customers all four are fast.

# %%
# NBVAL_IGNORE_OUTPUT
comparison.fit_seconds.round(4)

# %% [markdown]
# The figure puts the true segments beside each algorithm's clusters, in the original units
# and on the same axes. Each cluster is coloured like the true segment it overlaps most (only
# the colours are matched; the groups are the algorithm's own).

# %%
from course_utils.compare import plot_comparison

plot_comparison(customers[[AGE, INCOME]], comparison, y, ncols=3)
plt.show()

# %%
from course_utils.datasets import AGE_INCOME_SEGMENTS

table = comparison.table
age_sds = [age_sd for _, _, age_sd in AGE_INCOME_SEGMENTS]
print(
    f"spread of the widest segment / the narrowest: {max(age_sds) / min(age_sds):.0f}\n"
    f"best ARI: {table[ARI].idxmax()} ({table[ARI].max():.3f}); "
    f"best silhouette: {table[SILHOUETTE].idxmax()} ({table[SILHOUETTE].max():.3f})\n"
    f"DBSCAN with the knee eps: {table.loc['DBSCAN (knee eps)', CLUSTERS]} cluster, "
    f"{table.loc['DBSCAN (knee eps)', NOISE_SHARE]:.0%} noise, "
    f"ARI {table.loc['DBSCAN (knee eps)', ARI]:.3f}"
)
assert table[ARI].idxmax() == "Gaussian mixture"
assert table[SILHOUETTE].idxmax() == "K-Means"
assert table.loc["DBSCAN (knee eps)", CLUSTERS] == 1

# %% [markdown]
# What to read from it:
#
# - The **Gaussian mixture** is closest to the truth. The segments were made with different
#   spreads (the oldest, richest segment is twice as spread out as the youngest), and only
#   the mixture models a separate spread for each cluster. K-Means and ward both prefer
#   clusters of similar, round spread, so they move the borders.
# - The **silhouette ranks them differently**: K-Means scores best. Silhouette rewards
#   compact, well-separated clusters, which is what K-Means builds — not what the data were
#   made of. A score is not the truth.
# - **DBSCAN finds one cluster**, plus a few noise customers. That is not a bug in the
#   choice of `eps`: the four segments touch, with no sparse gap between them, so any radius
#   large enough to make the crowds core points also chains them together. DBSCAN separates
#   groups by *empty space*; these customers have none. (The DBSCAN section below shows that
#   other settings find several clusters only by calling many customers noise.)

# %% [markdown]
# ### A degenerate DBSCAN: one cluster, ARI exactly 0
#
# A published comparison of these very customers reported DBSCAN's ARI as 0.0. An ARI of
# *exactly* zero is a warning sign, not a score. Here is what produces it: an `eps` so large
# that every customer is within reach of every crowd.

# %%
from sklearn.metrics import adjusted_rand_score

degenerate = compare_algorithms(
    X,
    {
        "DBSCAN, eps=3": DBSCAN(eps=3.0, min_samples=MIN_SAMPLES),
        "DBSCAN, scikit-learn defaults": DBSCAN(),
    },
    y,
)
one_cluster_ari = adjusted_rand_score(y, degenerate.labels["DBSCAN, eps=3"])
print(f"ARI of the one-cluster run: {one_cluster_ari!r}")
assert degenerate.table.loc["DBSCAN, eps=3", CLUSTERS] == 1
assert degenerate.table.loc["DBSCAN, eps=3", NOISE_SHARE] == 0.0
assert one_cluster_ari == 0.0
defaults = degenerate.table.loc["DBSCAN, scikit-learn defaults"]
assert defaults[CLUSTERS] == 1 and defaults[NOISE_SHARE] < 0.05
degenerate.table.round(3)

# %% [markdown]
# With every customer in one cluster, the clustering says nothing, and the ARI is exactly 0
# by construction: the ARI counts pairs of customers, and "everyone together" agrees with the
# truth on exactly as many pairs as chance would. scikit-learn's default settings
# (`eps=0.5`, `min_samples=5`) are nearly as bad on standardised data: one cluster and a
# handful of noise points. The lessons:
#
# - never report DBSCAN without its **clusters found** and **noise share** beside the score;
#   "1 cluster, 0% noise" means the run found nothing;
# - choose `eps` from the k-distance plot of *your* scaled data, never the default;
# - an algorithm that fails on one data set may be the right one for another (see the moons
#   below).

# %% [markdown]
# ## Hierarchical clustering: the dendrogram and where to cut it
#
# Agglomerative clustering records every merge and the height (distance) at which it
# happened. For ward linkage the height measures how much the merge increases the spread
# inside clusters. The dendrogram draws the tree; we show only the last 30 merges (a leaf
# such as "(17)" stands for 17 customers merged lower down). Cutting the tree with a
# horizontal line leaves as many clusters as branches the line crosses: the cut height for 4
# clusters is computed from the merge heights.

# %%
from course_utils.hierarchy import (
    cut_height,
    cut_labels,
    linkage_matrix,
    plot_dendrogram,
)

Z = linkage_matrix(X, method="ward")
height = cut_height(Z, 4)
tree_vs_sklearn = adjusted_rand_score(
    cut_labels(Z, 4), comparison.labels["Agglomerative (ward)"]
)
print(
    f"cut height for 4 clusters: {height:.2f}; ARI between the cut and "
    f"AgglomerativeClustering(n_clusters=4): {tree_vs_sklearn:.1f}"
)
assert tree_vs_sklearn == 1.0
plot_dendrogram(Z, 4, height_label="merge height (ward, standardised units)")
plt.show()

# %% [markdown]
# The cut gives exactly scikit-learn's `AgglomerativeClustering` clusters. The dendrogram
# also suggests a K: look for the **longest vertical stretch** with no merge — a cut anywhere
# in it gives the same clusters, so those clusters are well separated. For each K, the range
# of heights whose cut leaves K clusters:

# %%
from course_utils.hierarchy import cut_ranges

ranges = cut_ranges(Z, max_clusters=6)
longest_gap_k = int(ranges["stretch"].idxmax())
print(f"longest stretch without a merge: the cut that leaves {longest_gap_k} clusters")
assert longest_gap_k == 2
ranges.round(2)

# %% [markdown]
# The tree, like the silhouette in lesson 3, says the clearest split is into **2** groups,
# not 4: the segments overlap, so the finer splits are weaker. That is information, not a
# failure — and a reason to check whether 4 segments make business sense.
#
# ### Linkages compared
#
# The linkage decides which groups are "closest":
#
# | linkage | distance between two groups |
# |---|---|
# | ward | how much merging them increases the within-group sum of squares |
# | complete | the distance between their two **farthest** members |
# | average | the mean distance over all pairs of members |
# | single | the distance between their two **nearest** members |

# %%
from course_utils.compare import LARGEST_SHARE
from course_utils.hierarchy import compare_linkages

linkages = compare_linkages(X, 4, y)
best_two = set(linkages.table[ARI].nlargest(2).index)
single = linkages.table.loc["single"]
single_sizes = np.bincount(linkages.labels["single"])
print(
    f"cluster sizes with single linkage: {sorted(single_sizes.tolist(), reverse=True)}"
)
assert best_two == {"ward", "average"}
assert single[LARGEST_SHARE] > 0.9 and single[ARI] < 0.05
linkages.table.round(3)

# %%
plot_comparison(customers[[AGE, INCOME]], linkages, y, ncols=3)
plt.show()

# %% [markdown]
# Ward and average linkage come closest to the segments; complete linkage cuts them
# differently. **Single linkage** fails here: since only the nearest pair of members counts,
# a chain of customers bridging two segments merges them, and one cluster swallows nearly
# everyone while a few outlying customers become "clusters" of their own. The same property
# is a strength when clusters are long, curved shapes separated by gaps (the moons below).

# %% [markdown]
# ## DBSCAN: eps × min_samples, and noise points as outliers
#
# How sensitive is DBSCAN to its two settings? `eps_grid` runs it over a grid and records
# the clusters found, the noise share and the ARI.

# %%
from course_utils.density import eps_grid, plot_eps_grid

grid = eps_grid(X, [0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5], [5, 10, 15, 20], y)
fig, axes = plt.subplots(1, 3, figsize=(21, 6), layout="constrained")
for ax, value in zip(
    axes, ["clusters found", "noise share", "ARI vs truth"], strict=True
):
    plot_eps_grid(grid, value, ax=ax)
plt.show()

# %%
best_setting = grid["ARI vs truth"].idxmax()
best = grid.loc[best_setting]
print(
    f"best ARI in the grid: {best['ARI vs truth']:.3f} at eps={best_setting[0]}, "
    f"min_samples={best_setting[1]}: {best['clusters found']:.0f} clusters, "
    f"{best['noise share']:.0%} of customers called noise"
)
assert best["ARI vs truth"] < table.loc["Gaussian mixture", ARI]
assert best["noise share"] > 0.2

# %% [markdown]
# Small `eps` or large `min_samples`: few customers are core points, most are noise. Large
# `eps`: everything merges into one cluster. In between there is a narrow band where DBSCAN
# finds several clusters, and the best of them calls more than a fifth of the customers
# noise — yet still stays below the Gaussian mixture. DBSCAN is the wrong
# tool for groups that touch.
#
# Its **noise label** is still useful. With the knee `eps`, DBSCAN found one crowd and a few
# customers outside any crowd: candidates for a closer look (a data-entry error, or an
# unusual customer worth a separate offer).

# %%
dbscan_labels = comparison.labels["DBSCAN (knee eps)"]
noise = dbscan_labels == -1
distance_from_centre = np.linalg.norm(X, axis=1)  # in standard deviations
print(
    f"{noise.sum()} noise customers ({noise.mean():.0%}); mean distance from the average "
    f"customer: noise {distance_from_centre[noise].mean():.2f} sd, "
    f"others {distance_from_centre[~noise].mean():.2f} sd"
)
assert distance_from_centre[noise].mean() > distance_from_centre[~noise].mean()
cluster_scatter(
    customers[[AGE, INCOME]],
    dbscan_labels,
    title="DBSCAN's noise points as outliers",
    label_names={-1: "noise: outlier", 0: "the one dense crowd"},
)
plt.show()

# %% [markdown]
# ## Gaussian mixtures: ellipses, covariance types, BIC and soft assignments
#
# ### Ellipses
#
# Each component of the mixture is a bell-shaped cloud: a centre and a **covariance matrix**
# that sets its spread and tilt. We draw each as two ellipses, 1 and 2 standard deviations
# out. In two dimensions, the ellipse $r$ standard deviations out holds a share
# $1 - e^{-r^2/2}$ of the component's customers:

# %%
from course_utils.mixtures import plot_mixture

print(", ".join(f"{r} sd: {1 - np.exp(-(r**2) / 2):.0%}" for r in (1, 2)))
gmm = comparison.estimators["Gaussian mixture"]
plot_mixture(X, gmm, title="Gaussian mixture, 4 components (full covariance)")
plt.show()

# %% [markdown]
# The ellipses have different sizes and tilts: the mixture learned that the older,
# richer segments are more spread out. (The colours are the mixture's component numbers,
# which need not match the segment numbers.)
#
# ### Covariance types
#
# `covariance_type` restricts the ellipses: `full` (any size and tilt per component),
# `tied` (one shared shape), `diag` (stretched along the axes only, no tilt), `spherical`
# (circles). Fewer freedoms mean fewer parameters to estimate. **[BIC](../appendix/glossary.md#bic)** and **[AIC](../appendix/glossary.md#aic)** (lower is
# better) weigh how well a model fits against how many parameters it needs.

# %%
from course_utils.mixtures import compare_covariance_types

covariance_table, covariance_models = compare_covariance_types(
    X, 4, y, random_state=0, n_init=5
)
covariance_table.round(3)

# %%
print(
    f"lowest BIC: {covariance_table['BIC'].idxmin()}; highest ARI: {covariance_table[ARI].idxmax()}"
)
assert covariance_table["BIC"].idxmin() == "diag"
assert covariance_table[ARI].idxmax() == "full"
fig, axes = plt.subplots(1, 4, figsize=(24, 6), layout="constrained")
for ax, (kind, model) in zip(axes, covariance_models.items(), strict=True):
    plot_mixture(X, model, ax=ax, title=f"covariance_type='{kind}'")
plt.show()

# %% [markdown]
# `diag` has the lowest BIC, and rightly so: the data maker drew age and income
# *independently* within each segment, which is exactly diag's assumption (ellipses without
# tilt). `full` spends extra parameters on tilts the segments do not have; here it happens
# to match the truth a little better all the same. On data whose groups are tilted
# (features correlated inside a group), only `full` can follow them.
#
# ### How many components? BIC and AIC
#
# Instead of silhouette, a mixture can choose its own number of components: fit K = 1 … 8 and
# take the lowest BIC (or AIC).

# %%
from course_utils.mixtures import information_criteria, plot_information_criteria

criteria = information_criteria(
    X, range(1, 9), covariance_type="full", random_state=0, n_init=5
)
bic_k, aic_k = int(criteria["BIC"].idxmin()), int(criteria["AIC"].idxmin())
print(f"BIC picks {bic_k} components, AIC picks {aic_k}; the data were made with 4")
assert (bic_k, aic_k) == (3, 5)
plot_information_criteria(criteria)
plt.show()

# %% [markdown]
# Neither criterion lands on 4. BIC penalises parameters more (its penalty grows with the
# number of customers), so it settles for fewer components than were made; AIC penalises
# less and asks for more. Like the silhouette and the dendrogram, the
# criteria measure how clearly the data separate — and these segments overlap. Use them as
# evidence, together with what the segments mean for the business.
#
# ### Soft assignments: the customers the model is unsure about
#
# A mixture gives each customer a probability for every component. Most customers sit
# firmly in one; those between two segments do not. `uncertain_points` lists the customers
# whose most likely component has a probability below a threshold, most uncertain first.

# %%
from course_utils.mixtures import uncertain_points

THRESHOLD = 0.6
unsure = uncertain_points(gmm, X, threshold=THRESHOLD)
print(
    f"{len(unsure)} customers ({len(unsure) / len(X):.0%}) have no component above "
    f"{THRESHOLD:.0%}; the 8 most uncertain:"
)
assert (unsure["max probability"] < THRESHOLD).all()
customers.loc[unsure.index, [AGE, INCOME]].round(0).join(unsure.round(2)).head(8)

# %%
ax = cluster_scatter(
    customers[[AGE, INCOME]],
    comparison.labels["Gaussian mixture"],
    title=f"Customers the mixture is unsure about (max probability < {THRESHOLD})",
    label_names={c: f"component {c}" for c in range(4)},
)
unsure_points = customers.loc[unsure.index]
ax.scatter(
    unsure_points[AGE],
    unsure_points[INCOME],
    s=220,
    facecolors="none",
    edgecolors="black",
    linewidths=2,
    label="unsure",
)
ax.legend(loc="lower right", frameon=True, framealpha=0.9)
plt.show()

# %% [markdown]
# The unsure customers sit on the borders between components. For a business this is
# useful: instead of forcing them into one segment's campaign, you can leave them out of a
# test, or try both offers on them.

# %% [markdown]
# ## Where density wins: moons and circles
#
# Everything so far had roughly oval groups. Now two shapes that are not: two interleaved
# half-moons (`make_course_moons`) and two concentric rings (scikit-learn's `make_circles`).
# Both features are already in the same units, so we do not scale them. The same
# `min_samples` and the same knee rule choose `eps` for each; we add single linkage too.

# %%
from sklearn.datasets import make_circles

from course_utils.datasets import make_course_moons


def shape_algorithms(X_shape):
    """The four algorithms (2 clusters; DBSCAN's eps from the knee) plus single linkage."""
    return {
        "K-Means": KMeans(n_clusters=2, n_init=10, random_state=0),
        "Agglomerative (ward)": AgglomerativeClustering(n_clusters=2, linkage="ward"),
        "Agglomerative (single)": AgglomerativeClustering(
            n_clusters=2, linkage="single"
        ),
        "DBSCAN (knee eps)": DBSCAN(
            eps=suggest_eps(X_shape, MIN_SAMPLES), min_samples=MIN_SAMPLES
        ),
        "Gaussian mixture": GaussianMixture(n_components=2, n_init=5, random_state=0),
    }


X_moons, y_moons = make_course_moons()
X_circles, y_circles = make_circles(
    n_samples=300, factor=0.5, noise=0.05, random_state=42
)
moons = compare_algorithms(X_moons, shape_algorithms(X_moons), y_moons)
circles = compare_algorithms(X_circles, shape_algorithms(X_circles), y_circles)
shapes = pd.concat({"moons": moons.table, "circles": circles.table}, names=["data"])
shapes[[CLUSTERS, NOISE_SHARE, SILHOUETTE, ARI]].round(3)

# %%
for result in (moons, circles):
    assert result.table.loc["DBSCAN (knee eps)", ARI] == 1.0
    assert result.table.loc["DBSCAN (knee eps)", NOISE_SHARE] == 0.0
    assert result.table.loc["Agglomerative (single)", ARI] == 1.0
    assert result.table.loc["K-Means", ARI] < 0.5
    assert result.table.loc["Gaussian mixture", ARI] < 0.5
    assert result.table.loc["Agglomerative (ward)", ARI] < 0.7
print(
    "DBSCAN with the knee eps: ARI "
    f"{moons.table.loc['DBSCAN (knee eps)', ARI]:.1f} on the moons and "
    f"{circles.table.loc['DBSCAN (knee eps)', ARI]:.1f} on the circles; K-Means "
    f"{moons.table.loc['K-Means', ARI]:.3f} and {circles.table.loc['K-Means', ARI]:.3f}"
)

# %%
for X_shape, y_shape, result, name in (
    (X_moons, y_moons, moons, "moons"),
    (X_circles, y_circles, circles, "circles"),
):
    fig = plot_comparison(
        X_shape,
        result,
        y_shape,
        ncols=3,
        panel_size=(5.5, 4.2),
        xlabel="x (no unit)",
        ylabel="y (no unit)",
        truth_title=f"True {name}",
    )
    fig.suptitle(
        f"Two {name}: which algorithm sees them?", fontsize=18, fontweight="bold"
    )
plt.show()

# %% [markdown]
# DBSCAN finds both moons and both rings exactly, with no noise: each shape is one connected
# crowd, and the shapes are separated by empty space — exactly DBSCAN's idea of a cluster.
# K-Means, ward and the Gaussian mixture all cut the data into two round-ish halves, because
# that is the only kind of cluster they can describe. Single linkage, which failed on the
# customers, also follows the shapes here. **No algorithm is best everywhere**: the silhouette
# column even prefers the wrong K-Means halves, since silhouette, like K-Means, rewards round,
# compact clusters.

# %%
assert moons.table[SILHOUETTE].idxmax() == "K-Means"
assert (
    circles.table.loc["K-Means", SILHOUETTE]
    > circles.table.loc["DBSCAN (knee eps)", SILHOUETTE]
)
print(
    "silhouette, K-Means vs DBSCAN: moons "
    f"{moons.table.loc['K-Means', SILHOUETTE]:.3f} vs "
    f"{moons.table.loc['DBSCAN (knee eps)', SILHOUETTE]:.3f}; circles "
    f"{circles.table.loc['K-Means', SILHOUETTE]:.3f} vs "
    f"{circles.table.loc['DBSCAN (knee eps)', SILHOUETTE]:.3f}"
)

# %% [markdown]
# ## When to choose which
#
# | the groups look like… | try first | watch out for |
# |---|---|---|
# | round blobs of similar spread | **K-Means** | choosing K (lesson 3); outliers |
# | ovals of different spread or tilt, overlapping | **Gaussian mixture** | choosing K (BIC) |
# | groups within groups; you want a tree | **Agglomerative** (ward, average) | big data |
# | any shape, apart by empty space; outliers | **DBSCAN** (k-distance eps) | touching groups |
#
# Some more detail on each:
#
# - **K-Means** gives one centre per segment, a "typical customer" easy to describe; bends,
#   rings and very different spreads defeat it.
# - **Gaussian mixtures** give a probability per customer; they still need K and, like
#   K-Means, only describe oval groups.
# - **Agglomerative clustering** compares every pair of points, so its time and memory grow
#   with the square of the number of rows; single linkage chains touching groups together.
# - **DBSCAN** needs no K and flags outliers, but one `eps` cannot fit groups of very
#   different density; always report clusters found and noise share with its scores.
#
# In practice: scale the features, try two or three algorithms that fit the shapes you
# expect, look at the pictures, and prefer the segmentation you can explain and act on.

# %% [markdown]
# ## Key takeaways
#
# - Compare algorithms on the **same scaled data**, in one table and one figure; report
#   clusters found and noise share next to every score.
# - On the overlapping customers the **Gaussian mixture** came closest to the truth, because
#   it models a different spread for each segment; K-Means won on silhouette, which rewards
#   round clusters rather than the truth.
# - A dendrogram cut at a computed height gives exactly K clusters; the longest stretch
#   without a merge suggests a K. **Single linkage** chains touching groups together.
# - Choose DBSCAN's `eps` from the **k-distance plot**. A run with one cluster and no noise
#   has an ARI of exactly 0 by construction: it is a wrong setting, not a result.
# - DBSCAN separates groups by empty space: useless for touching groups, exact for moons and
#   rings. **No algorithm is best everywhere.**

# %% [markdown]
# ## Exercises
#
# ### Exercise 4.1 — Blobs of different densities
#
# Make two tight blobs and one wide one:
# `make_blobs(n_samples=[150, 150, 150], centers=[[0, 0], [2, 0], [6, 4]],
# cluster_std=[0.25, 0.25, 1.5], random_state=1)`. Compare K-Means, ward, DBSCAN (eps from
# `suggest_eps`, `min_samples=10`) and a Gaussian mixture (all with 3 clusters where they
# take a number) with `compare_algorithms`, and draw `plot_comparison`. Which algorithms
# recover the blobs? What does DBSCAN do with the two tight blobs, and why can one `eps` not
# suit both the tight and the wide blob?

# %% tags=["solution", "hide-cell"]
from sklearn.datasets import make_blobs

X_dens, y_dens = make_blobs(
    n_samples=[150, 150, 150],
    centers=[[0, 0], [2, 0], [6, 4]],
    cluster_std=[0.25, 0.25, 1.5],
    random_state=1,
)
dens_algorithms = {
    "K-Means": KMeans(n_clusters=3, n_init=10, random_state=0),
    "Agglomerative (ward)": AgglomerativeClustering(n_clusters=3),
    "DBSCAN (knee eps)": DBSCAN(eps=suggest_eps(X_dens, 10), min_samples=10),
    "Gaussian mixture": GaussianMixture(n_components=3, n_init=5, random_state=0),
}
densities = compare_algorithms(X_dens, dens_algorithms, y_dens)
plot_comparison(
    X_dens,
    densities,
    y_dens,
    xlabel="x (no unit)",
    ylabel="y (no unit)",
    truth_title="True blobs",
)
plt.show()
densities.table.round(3)

# %% [markdown]
# ### Exercise 4.2 — Between which segments are the unsure customers?
#
# Use `uncertain_points(gmm, X, threshold=0.8)`. For each unsure customer find the two
# components with the highest probabilities, and count the pairs (e.g. with
# `value_counts`). Which pairs of components share the most unsure customers? Compare with
# the ellipses plot: do those components overlap?

# %% tags=["solution", "hide-cell"]
unsure_80 = uncertain_points(gmm, X, threshold=0.8)
probability_columns = [c for c in unsure_80.columns if c.startswith("P(")]
top_two = np.sort(
    np.argsort(-unsure_80[probability_columns].to_numpy(), axis=1)[:, :2], axis=1
)
pairs = pd.Series([f"{a} and {b}" for a, b in top_two], name="components")
print(f"{len(unsure_80)} customers below 0.8")
pairs.value_counts()

# %% [markdown]
# ### Exercise 4.3 — A smaller min_samples
#
# Repeat the DBSCAN analysis of the customers with `min_samples=4` (the "features plus one"
# rule would allow 3): compute `suggest_eps(X, 4)`, fit DBSCAN and report the clusters found,
# the noise share and the ARI with `compare_algorithms`. Does a smaller `min_samples` let
# DBSCAN separate the segments?

# %% tags=["solution", "hide-cell"]
eps_4 = suggest_eps(X, 4)
small = compare_algorithms(
    X, {f"DBSCAN eps={eps_4:.3f}, min_samples=4": DBSCAN(eps=eps_4, min_samples=4)}, y
)
small.table.round(3)

# %% [markdown]
# **Quiz:** lesson 06 has questions on this lesson.
