# %% tags=["remove-input"]
# Set-up for Google Colab only (elsewhere this cell does nothing): fetch the course so that
# `course_utils` and `data/` can be found, and install the packages Colab lacks.
import sys

if "google.colab" in sys.modules:
    import importlib.util
    import os
    import subprocess

    REPOSITORY_URL = "https://github.com/clustering-course/customer-segmentation"
    if not os.path.isdir("/content/course"):
        subprocess.run(
            ["git", "clone", "--depth", "1", REPOSITORY_URL, "/content/course"],
            check=True,
        )
    # Colab has the lessons' libraries but these (module name: pip requirement)
    NEEDED = {"kneed": "kneed==0.9.0", "skops": "skops==0.16.0"}
    missing = [
        NEEDED[name] for name in NEEDED if importlib.util.find_spec(name) is None
    ]
    if missing:
        subprocess.run([sys.executable, "-m", "pip", "install", *missing], check=True)
    sys.path.insert(0, "/content/course")
    os.chdir("/content/course/notebooks")

# %% [markdown]
# # Lesson 4 — Five algorithms side by side
#
# **Learning objectives.** By the end of this lesson you will be able to:
# - run K-Means, agglomerative (hierarchical) clustering, DBSCAN, HDBSCAN and a Gaussian
#   mixture on the same data and compare them fairly, in one table and one figure ([the
#   comparison](#the-comparison-one-loop-one-table-one-figure));
# - read a dendrogram, cut it into K clusters, and say how the linkage changes the
#   result ([the
#   dendrogram](#hierarchical-clustering-the-dendrogram-and-where-to-cut-it));
# - start DBSCAN's `eps` from a k-distance plot, check it against a grid of settings,
#   use noise points as outliers, and recognise a degenerate run (one cluster, or all
#   noise: adjusted Rand index exactly 0) ([the k-distance
#   plot](#dbscan-needs-a-radius-the-k-distance-plot), [the
#   grid](#dbscan-and-hdbscan-settings-noise-and-outliers));
# - use a Gaussian mixture's ellipses, BIC/AIC and membership probabilities, including
#   to find the customers who sit between two segments
#   ([mixtures](#gaussian-mixtures-ellipses-bic-and-soft-assignments));
# - pick an algorithm for a data set from the shape of its groups ([moons and
#   circles](#where-density-wins-moons-and-circles), [when to choose
#   which](#when-to-choose-which)).
#
# **Time:** about 50 minutes. **Prerequisites:** lesson 1 (scaling, the adjusted Rand
# index) and lesson 3 (silhouette); lesson 2 for how K-Means works.

# %% [markdown]
# ## Four ideas of what a cluster is
#
# - **K-Means** — a cluster is the set of points nearest to one centre. You choose K;
#   clusters come out round and of similar spread, and every point belongs to one.
# - **Agglomerative (hierarchical) clustering** — start with every point alone and
#   repeatedly merge the two closest groups. The
#   *[linkage](../appendix/glossary.md#linkage)* says what "closest groups" means. The
#   whole merge history is a tree, the
#   **[dendrogram](../appendix/glossary.md#dendrogram)**; cutting it at some height
#   gives clusters.
# - **DBSCAN** — a cluster is a crowded region: a point with at least
#   [`min_samples`](../appendix/glossary.md#min_samples) points (itself included) within
#   distance [`eps`](../appendix/glossary.md#eps) is a *[core
#   point](../appendix/glossary.md#core-point)*; core points within `eps` of each other
#   chain into one cluster. Points in no crowd are labelled
#   **[noise](../appendix/glossary.md#noise-point)** (`-1`). You do not choose K, but
#   you do choose `eps` and `min_samples`. Its younger sibling **HDBSCAN** tries every
#   radius at once and keeps the crowds that last longest as the radius grows: no `eps`
#   to choose, only the smallest cluster size you care about.
# - **[Gaussian mixture](../appendix/glossary.md#gaussian-mixture) (GMM)** — the data
#   are a blend of K bell-shaped clouds, each with its own centre, spread and tilt.
#   Every point gets a **[probability](../appendix/glossary.md#responsibility)** of
#   coming from each cloud ("soft" assignment) instead of a single label.
#
# We run them all on the age/income customers of lessons 0–3, where we know the truth:
# the data were made as four segments.

# %%
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from sklearn.preprocessing import StandardScaler

from course_utils.datasets import AGE, INCOME, SEGMENT, make_age_income_customers
from course_utils.settings import DATA_SEED, KMEANS_N_INIT, MIXTURE_N_INIT, MODEL_SEED
from course_utils.style import cluster_scatter, use_course_style

use_course_style()
customers = make_age_income_customers(random_state=DATA_SEED)
X = StandardScaler().fit_transform(customers[[AGE, INCOME]])
y = customers[SEGMENT].to_numpy()
# The same customers in readable units, for the pictures.
in_units = pd.DataFrame(
    {"age (years)": customers[AGE], "income (k$ per year)": customers[INCOME] / 1000}
)
print(f"{len(X)} customers, {len(np.unique(y))} true segments; features scaled")

# %% [markdown]
# ## DBSCAN needs a radius: the k-distance plot
#
# Three of the algorithms take the number of clusters (we give them 4, the true number).
# DBSCAN takes a radius `eps` instead. A common starting point: for every point, measure
# the distance to its `min_samples`-th nearest neighbour (the point itself counts as the
# first, as DBSCAN counts it), sort these distances and plot them. Points inside a crowd
# have small values; isolated points have large ones. The **knee** of the curve, where
# it turns upwards, separates the two — `eps` there makes the crowded points core
# points.
#
# For `min_samples` a common rule is "at least the number of features plus one", more
# for noisy data; we use 10 throughout this lesson. `KneeLocator` (from the `kneed`
# package) finds the knee.

# %%
from kneed import KneeLocator
from sklearn.neighbors import NearestNeighbors

MIN_SAMPLES = 10


def k_distance_knee(X, min_samples):
    """Sorted distances to the min_samples-th neighbour, and the value at the knee."""
    distances, _ = NearestNeighbors(n_neighbors=min_samples).fit(X).kneighbors(X)
    k_distances = np.sort(distances[:, -1])
    steps = np.arange(k_distances.size)
    knee = KneeLocator(steps, k_distances, curve="convex", direction="increasing").knee
    return k_distances, float(k_distances[knee])


k_distances, knee_eps = k_distance_knee(X, MIN_SAMPLES)
print(f"eps at the knee (min_samples={MIN_SAMPLES}): {knee_eps:.3f}")

# %% mystnb={"image": {"alt": "The sorted k-distance curve of the 300 customers rises slowly and then turns sharply upwards for the last few customers; a dashed line marks the knee."}}
fig, ax = plt.subplots(figsize=(8, 4.5))
ax.plot(k_distances, label=f"distance to the {MIN_SAMPLES}th neighbour")
ax.axhline(knee_eps, color="black", linestyle="--", label=f"knee: {knee_eps:.2f}")
ax.set_xlabel("customers, sorted by that distance")
ax.set_ylabel("distance (standard deviations)")
ax.set_title("k-distance plot")
ax.legend()
plt.show()

# %% [markdown]
# ## The comparison: one loop, one table, one figure
#
# For each clustering we record: **clusters found** (noise not counted), **noise
# share**, the **silhouette** (lesson 3; noise points left out, since they belong to no
# cluster) and the **adjusted Rand index** (ARI, lesson 1) against the true segments — 1
# for the same grouping, about 0 for no better than chance. A real shop has no truth
# column; here it lets us check. The silhouette needs at least two clusters, so a run
# with fewer gets `NaN`.

# %%
from sklearn.metrics import adjusted_rand_score, silhouette_score


def summarise(labels, X, y):
    """One row of the table: clusters, noise share, silhouette, ARI against y."""
    clustered = labels >= 0
    n_clusters = np.unique(labels[clustered]).size
    has_silhouette = 2 <= n_clusters < clustered.sum()
    return {
        "clusters found": n_clusters,
        "noise share": np.mean(~clustered),
        "silhouette": (
            silhouette_score(X[clustered], labels[clustered])
            if has_silhouette
            else np.nan
        ),
        "ARI vs truth": adjusted_rand_score(y, labels),
    }


# %% [markdown]
# The loop fits every model on the same scaled data and fills the table, one row per
# model. `fit_predict` fits and returns the labels, for all five.

# %%
from sklearn.cluster import DBSCAN, HDBSCAN, AgglomerativeClustering, KMeans
from sklearn.mixture import GaussianMixture


def compare(models, X, y):
    """Fit each model; return the table (one row per model) and the labels."""
    rows, labels_of = {}, {}
    for name, model in models.items():
        labels_of[name] = model.fit_predict(X)
        rows[name] = summarise(labels_of[name], X, y)
    return pd.DataFrame.from_dict(rows, orient="index"), labels_of


models = {
    "K-Means": KMeans(n_clusters=4, n_init=KMEANS_N_INIT, random_state=MODEL_SEED),
    "Agglomerative (ward)": AgglomerativeClustering(n_clusters=4, linkage="ward"),
    "DBSCAN (knee eps)": DBSCAN(eps=knee_eps, min_samples=MIN_SAMPLES),
    "HDBSCAN": HDBSCAN(min_cluster_size=20, min_samples=MIN_SAMPLES, copy=True),
    "Gaussian mixture": GaussianMixture(
        n_components=4, n_init=MIXTURE_N_INIT, random_state=MODEL_SEED
    ),
}
comparison, labels_of = compare(models, X, y)
comparison.round(3)

# %% [markdown]
# Fit times vary from run to run and machine to machine, so they are kept out of the
# table (the output of the next cell is not checked). On 300 customers all are fast.

# %% tags=["nbval-ignore-output"]
import time

fit_seconds = {}
for name, model in models.items():
    start = time.perf_counter()
    model.fit(X)
    fit_seconds[name] = time.perf_counter() - start
pd.Series(fit_seconds, name="fit time (s)").round(4)

# %% [markdown]
# The figure puts the true segments beside each algorithm's clusters, in the original
# units and on the same axes. Each cluster is coloured like the true segment it overlaps
# most (only the colours are matched; the groups are the algorithm's own).

# %% mystnb={"image": {"alt": "Six scatter plots of age against income: the true four segments, then K-Means, ward, DBSCAN, HDBSCAN and the Gaussian mixture. DBSCAN colours nearly everyone as one cluster; HDBSCAN leaves many grey noise crosses between its clusters; the mixture's clusters look most like the true segments."}}
from course_utils.plots import plot_comparison


def panel_titles(table):
    """Panel titles: the name, clusters found, noise share and ARI of each row."""
    return {
        name: f"{name}\n{row['clusters found']:.0f} clusters, "
        f"{row['noise share']:.0%} noise, ARI {round(row['ARI vs truth'], 2) + 0.0:.2f}"
        for name, row in table.iterrows()
    }


plot_comparison(in_units, labels_of, panel_titles(comparison), truth=y)
plt.show()

# %%
print(f"best ARI: {comparison['ARI vs truth'].idxmax()}")
print(f"best silhouette: {comparison['silhouette'].idxmax()}")
everyone = comparison[comparison["noise share"] == 0]
print(f"best silhouette without noise: {everyone['silhouette'].idxmax()}")
for name in ["DBSCAN (knee eps)", "HDBSCAN"]:
    row = comparison.loc[name]
    print(
        f"{name}: {row['clusters found']:.0f} cluster(s), "
        f"{row['noise share']:.0%} noise, ARI {row['ARI vs truth']:.3f}"
    )

# %% [markdown]
# What to read from it:
#
# - The **Gaussian mixture** is closest to the truth. The segments were made with
#   different spreads (the oldest, richest segment is twice as spread out as the
#   youngest), and only the mixture models a separate spread for each cluster. K-Means
#   and ward both prefer clusters of similar, round spread, so they move the borders.
# - The **silhouette ranks them differently**. Among the algorithms that place every
#   customer, K-Means scores best: silhouette rewards compact, well-separated clusters,
#   which is what K-Means builds — not what the data were made of. HDBSCAN scores higher
#   still, but only because the silhouette leaves its noise out: it is scored only on
#   the customers it did not call noise, about half of them (the noise share above). A score is not the truth.
# - **DBSCAN with the knee's `eps` finds one cluster**, plus a small share of noise customers (printed above): the
#   k-distance plot is a starting point, not an answer. At that radius every customer
#   left of the knee is a core point, and because the four segments touch, with no
#   sparse gap between them, the crowds chain into one. Smaller radii do split them, but
#   only by calling many customers noise (the grid below measures it).
# - **HDBSCAN** needs no `eps` and does find several clusters — by the same trade: it
#   labels a large share of the customers noise, the ones in the thinner regions:
#   between the segments and in the widest, oldest one.

# %% [markdown]
# ### A degenerate DBSCAN: one cluster or all noise, ARI exactly 0
#
# A published comparison on customers made the same way (other random draws) reported
# DBSCAN's ARI as 0.0. An ARI of
# *exactly* zero is a warning sign, not a score. Two settings produce it: an `eps` so
# large that every customer is within reach of every crowd, and one so small that nobody
# is a core point, so every customer is noise.

# %%
degenerate_models = {
    "DBSCAN, eps=3 (too large)": DBSCAN(eps=3.0, min_samples=MIN_SAMPLES),
    "DBSCAN, eps=0.01 (too small)": DBSCAN(eps=0.01, min_samples=MIN_SAMPLES),
    "DBSCAN, scikit-learn defaults": DBSCAN(),
}
degenerate, degenerate_labels = compare(degenerate_models, X, y)
for name in list(degenerate_models)[:2]:
    ari = adjusted_rand_score(y, degenerate_labels[name])
    print(f"{name}: ARI {ari!r}")
degenerate.round(3)

# %% [markdown]
# "Everyone in one cluster" and "everyone noise" are the same clustering as far as the
# ARI can tell: noise is one more label (`-1`), so an all-noise run also puts every
# customer in one group. Either way the clustering says nothing, and the ARI is exactly
# 0 by construction: it counts pairs of customers, and "everyone together" agrees with
# the truth on exactly as many pairs as chance would. scikit-learn's default settings
# (`eps=0.5`, `min_samples=5`) are nearly as bad on standardised data: one cluster and a
# handful of noise points. The lessons:
#
# - never report DBSCAN without its **clusters found** and **noise share** beside the
#   score; "1 cluster, 0 % noise" and "0 clusters, 100 % noise" both mean the run found
#   nothing;
# - start `eps` from the k-distance plot of *your* scaled data, never the default — then
#   check what it found;
# - an algorithm that fails on one data set may be the right one for another (see the
#   moons below).

# %% [markdown]
# ## Hierarchical clustering: the dendrogram and where to cut it
#
# Agglomerative clustering records every merge and the height (distance) at which it
# happened. SciPy's `linkage` returns that history as a table, one row per merge; for
# ward linkage the height measures how much the merge increases the spread inside
# clusters. Cutting the tree with a horizontal line leaves as many clusters as branches
# the line crosses; `fcluster(..., criterion="maxclust")` cuts it into a given number of
# clusters. The cut for 4 clusters lies between the merge that leaves 4 clusters and the
# next one.

# %%
from scipy.cluster.hierarchy import (
    dendrogram,
    fcluster,
    linkage,
    set_link_color_palette,
)

Z = linkage(X, method="ward")
tree_labels = fcluster(Z, t=4, criterion="maxclust")
heights = Z[::-1, 2]  # merge heights, the last (highest) merge first
cut = (heights[3] + heights[2]) / 2  # between the merges that leave 4 and 3 clusters
same = adjusted_rand_score(tree_labels, labels_of["Agglomerative (ward)"])
print(
    f"cut height for 4 clusters: {cut:.2f}; ARI between the cut and "
    f"AgglomerativeClustering(n_clusters=4): {same:.1f}"
)

# %% [markdown]
# The dendrogram draws the tree. All 300 leaves would be unreadable, so we show only the
# last 16 merges (`truncate_mode="lastp"`): a leaf such as "(17)" stands for 17
# customers merged lower down.

# %% mystnb={"image": {"alt": "A dendrogram truncated to 16 leaves, each labelled with the number of customers it holds. A dashed horizontal cut line crosses four branches, coloured as four clusters; the two highest branches join far above the cut."}}
from course_utils.style import PALETTE

set_link_color_palette(PALETTE)
fig, ax = plt.subplots(figsize=(10, 5.5))
dendrogram(
    Z,
    truncate_mode="lastp",
    p=16,
    color_threshold=cut,
    above_threshold_color="grey",
    leaf_font_size=13,
    ax=ax,
)
ax.axhline(cut, color="black", linestyle="--", label="cut: 4 clusters")
ax.set_xlabel("groups of customers (in brackets: how many)")
ax.set_ylabel("merge height (ward, sd units)")
ax.legend()
plt.show()

# %% [markdown]
# The cut gives exactly scikit-learn's `AgglomerativeClustering` clusters. The
# dendrogram also suggests a K: look for the **longest vertical stretch** with no merge
# — a cut anywhere in it gives the same clusters, so those clusters are well separated.
# For each K, the range of heights whose cut leaves K clusters:

# %%
ks = np.arange(2, 7)
ranges = pd.DataFrame(
    {"from height": heights[ks - 1], "to height": heights[ks - 2]},
    index=pd.Index(ks, name="clusters"),
)
ranges["stretch"] = ranges["to height"] - ranges["from height"]
print(
    f"longest stretch without a merge: the cut that leaves {ranges['stretch'].idxmax()}"
)
ranges.round(2)

# %% [markdown]
# The tree, like the silhouette in lesson 3, says the clearest split is into **2**
# groups, not 4: the segments overlap, so the finer splits are weaker. That is
# information, not a failure — and a reason to check whether 4 segments make business
# sense.
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
rows = {}
for method in ["ward", "complete", "average", "single"]:
    found = fcluster(linkage(X, method=method), t=4, criterion="maxclust")
    rows[method] = summarise(found, X, y)
    rows[method]["cluster sizes"] = sorted(np.bincount(found)[1:].tolist())[::-1]
linkages = pd.DataFrame.from_dict(rows, orient="index")
top_two = linkages["ARI vs truth"].nlargest(2).index
print(f"closest to the truth: {' and '.join(top_two)} linkage")
print(f"cluster sizes with single linkage: {linkages.loc['single', 'cluster sizes']}")
linkages.round(3)

# %% [markdown]
# Ward and average linkage come closest to the segments; complete linkage cuts them
# differently. **Single linkage** fails here: since only the nearest pair of members
# counts, a chain of customers bridging two segments merges them, and one cluster
# swallows nearly everyone while a few outlying customers become "clusters" of their
# own. The same property is a strength when clusters are long, curved shapes separated
# by gaps (the moons below).

# %% [markdown]
# ## DBSCAN and HDBSCAN: settings, noise and outliers
#
# How sensitive is DBSCAN to its two settings? A loop over a grid of `eps` and
# `min_samples` records the same columns for every pair.

# %%
grid_rows = []
for eps in [0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5]:
    for min_samples in [5, 10, 15, 20]:
        found = DBSCAN(eps=eps, min_samples=min_samples).fit_predict(X)
        row = {"eps": eps, "min_samples": min_samples}
        grid_rows.append(row | summarise(found, X, y))
grid = pd.DataFrame(grid_rows)
grid.pivot(
    index="eps",
    columns="min_samples",
    values=["clusters found", "noise share", "ARI vs truth"],
).round(2)

# %%
best = grid.loc[grid["ARI vs truth"].idxmax()]
print(
    f"best ARI in the grid: {best['ARI vs truth']:.3f} at eps={best['eps']}, "
    f"min_samples={best['min_samples']:.0f}: {best['clusters found']:.0f} clusters, "
    f"{best['noise share']:.0%} noise"
)
one_cluster = grid.groupby("eps")["clusters found"].max() == 1
print(f"one cluster for every min_samples from eps={one_cluster.idxmax()} on")
print(
    f"Gaussian mixture's ARI: {comparison.loc['Gaussian mixture', 'ARI vs truth']:.3f}"
)

# %% [markdown]
# Read the grid from top to bottom. With a small `eps` most customers are noise; as
# `eps` grows the noise shrinks, the crowds join, and from a radius near the knee's
# (0.37) on DBSCAN finds one cluster. In between there is a band where DBSCAN finds
# several clusters — the best setting above comes fairly close to the segments — but
# only by calling a large share of the customers noise, and still below the Gaussian
# mixture. So the k-distance knee is where to *start*, not where to stop: scan a few
# settings around it, and read clusters found and noise share beside any score (without
# a truth column, the silhouette).
#
# HDBSCAN replaces the radius by the smallest cluster size you care about. It is less
# touchy than `eps`, but still a setting:

# %%
rows = {}
for size in [5, 10, 20, 40]:
    hdbscan = HDBSCAN(min_cluster_size=size, min_samples=MIN_SAMPLES, copy=True)
    rows[size] = summarise(hdbscan.fit_predict(X), X, y)
pd.DataFrame.from_dict(rows, orient="index").rename_axis("min_cluster_size").round(3)

# %% [markdown]
# On touching groups both density methods give the same verdict: they separate groups by
# *empty space*, and these customers have little. DBSCAN's **noise label** is still
# useful. With the knee `eps`, DBSCAN found one crowd and some customers outside any
# crowd (counted below): candidates for a closer look (a data-entry error, or an unusual customer worth
# a separate offer).

# %% mystnb={"image": {"alt": "Age against income: nearly all customers form one DBSCAN cluster; a few grey crosses marked as noise sit at the outer edges of the crowd, most of them among the oldest customers or the highest incomes."}}
dbscan_labels = labels_of["DBSCAN (knee eps)"]
noise = dbscan_labels == -1
distance_from_centre = np.linalg.norm(X, axis=1)  # in standard deviations
print(
    f"{noise.sum()} noise customers ({noise.mean():.0%}); mean distance from the "
    f"average customer: noise {distance_from_centre[noise].mean():.2f} sd, "
    f"others {distance_from_centre[~noise].mean():.2f} sd"
)
cluster_scatter(
    in_units,
    dbscan_labels,
    title="DBSCAN's noise points as outliers",
    label_names={-1: "noise: outlier", 0: "the one dense crowd"},
)
plt.show()

# %% [markdown]
# ## Gaussian mixtures: ellipses, BIC and soft assignments
#
# ### Ellipses and covariance types
#
# Each component of the mixture is a bell-shaped cloud: a centre and a **covariance
# matrix** that sets its spread and tilt. We draw each as two ellipses, 1 and 2 standard
# deviations out. In two dimensions, the ellipse $r$ standard deviations out holds a
# share $1 - e^{-r^2/2}$ of the component's customers:

# %%
print(", ".join(f"{r} sd: {1 - np.exp(-(r**2) / 2):.0%}" for r in (1, 2)))

# %% [markdown]
# `covariance_type` restricts the ellipses: `full` (any size and tilt per component),
# `tied` (one shared shape), `diag` (stretched along the axes only, no tilt),
# `spherical` (circles). Fewer freedoms mean fewer parameters to estimate.
# **[BIC](../appendix/glossary.md#bic)** and **[AIC](../appendix/glossary.md#aic)**
# (lower is better) weigh how well a model fits against how many parameters it needs.

# %%
rows, mixtures = {}, {}
for kind in ["full", "tied", "diag", "spherical"]:
    mixtures[kind] = GaussianMixture(
        n_components=4,
        covariance_type=kind,
        n_init=MIXTURE_N_INIT,
        random_state=MODEL_SEED,
    ).fit(X)
    rows[kind] = {
        "BIC": mixtures[kind].bic(X),
        "AIC": mixtures[kind].aic(X),
        "ARI vs truth": adjusted_rand_score(y, mixtures[kind].predict(X)),
    }
covariance_table = pd.DataFrame.from_dict(rows, orient="index")
print(f"lowest BIC: {covariance_table['BIC'].idxmin()}")
print(f"highest ARI: {covariance_table['ARI vs truth'].idxmax()}")
covariance_table.round(3)

# %% mystnb={"image": {"alt": "Four panels, one per covariance type, of the standardised customers coloured by mixture component, each component drawn as two shaded ellipses around a black star: full and diag ellipses differ in size per component, tied ones share one shape, spherical ones are circles."}}
from course_utils.plots import plot_mixture

fig, axes = plt.subplots(2, 2, figsize=(10.5, 9.5), layout="constrained")
for ax, (kind, model) in zip(axes.ravel(), mixtures.items(), strict=True):
    plot_mixture(
        X,
        model,
        ax=ax,
        title=f"covariance_type='{kind}'",
        xlabel="age (standardised)",
        ylabel="income (standardised)",
    )
plt.show()

# %% [markdown]
# With `full` covariance the ellipses have different sizes: the mixture learned that the
# older, richer segments are more spread out. (The colours are the mixture's component
# numbers, which need not match the segment numbers.) `diag` has the lowest BIC, and
# rightly so: the data maker drew age and income *independently* within each segment,
# which is exactly diag's assumption (ellipses without tilt). `full` spends extra
# parameters on tilts the segments do not have; here it happens to match the truth a
# little better all the same. On data whose groups are tilted (features correlated
# inside a group), only `full` can follow them.
#
# ### How many components? BIC and AIC
#
# Instead of silhouette, a mixture can choose its own number of components: fit K = 1 …
# 8 and take the lowest BIC (or AIC).

# %%
rows = {}
for k in range(1, 9):
    mixture = GaussianMixture(
        n_components=k, n_init=MIXTURE_N_INIT, random_state=MODEL_SEED
    ).fit(X)
    rows[k] = {"BIC": mixture.bic(X), "AIC": mixture.aic(X)}
criteria = pd.DataFrame.from_dict(rows, orient="index").rename_axis("components")
bic_k, aic_k = criteria["BIC"].idxmin(), criteria["AIC"].idxmin()
print(f"BIC picks {bic_k} components, AIC picks {aic_k}; the data were made with 4")

# %% mystnb={"image": {"alt": "BIC and AIC against the number of mixture components from 1 to 8: both fall steeply at first; BIC is lowest at 3 components and AIC at 5."}}
ax = criteria.plot(marker="o", figsize=(8, 4.5))
ax.set_xlabel("number of components")
ax.set_ylabel("criterion (lower is better)")
ax.set_title("BIC and AIC of Gaussian mixtures")
plt.show()

# %% [markdown]
# Neither criterion lands on 4. BIC penalises parameters more (its penalty grows with
# the number of customers), so it settles for fewer components than were made; AIC
# penalises less and asks for more. Like the silhouette and the dendrogram, the criteria
# measure how clearly the data separate — and these segments overlap. Use them as
# evidence, together with what the segments mean for the business.
#
# ### Soft assignments: the customers the model is unsure about
#
# A mixture gives each customer a probability for every component (`predict_proba`).
# Most customers sit firmly in one; those between two segments do not. We list the
# customers whose most likely component has a probability below a threshold, most
# uncertain first.

# %%
gmm = models["Gaussian mixture"]
THRESHOLD = 0.6
probabilities = pd.DataFrame(
    gmm.predict_proba(X),
    columns=[f"P(component {c})" for c in range(gmm.n_components)],
)
most_likely = probabilities.max(axis=1)
unsure = most_likely[most_likely < THRESHOLD].sort_values().index
print(
    f"{len(unsure)} customers ({len(unsure) / len(X):.0%}) have no component above "
    f"{THRESHOLD:.0%}; the 8 most uncertain:"
)
in_units.round(0).join(probabilities.round(2)).loc[unsure].head(8)

# %% mystnb={"image": {"alt": "Age against income coloured by mixture component; the customers the mixture is unsure about are circled in black and sit on the borders between neighbouring components."}}
ax = cluster_scatter(
    in_units,
    labels_of["Gaussian mixture"],
    title=f"Customers the mixture is unsure about (max probability < {THRESHOLD})",
    label_names={c: f"component {c}" for c in range(gmm.n_components)},
)
ax.scatter(
    *in_units.loc[unsure].to_numpy().T,
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
# useful: instead of forcing them into one segment's campaign, you can leave them out of
# a test, or try both offers on them.

# %% [markdown]
# ## Where density wins: moons and circles
#
# Everything so far had roughly oval groups. Now two shapes that are not: two
# interleaved half-moons (`make_course_moons`) and two concentric rings (scikit-learn's
# `make_circles`). Both features are already in the same units, so we do not scale them.
# The same `min_samples` and the same knee rule choose `eps` for each; we add single
# linkage too.

# %%
from sklearn.datasets import make_circles

from course_utils.datasets import make_course_moons


def shape_models(X_shape):
    """The algorithms with 2 clusters where they take a number; eps from the knee."""
    _, eps = k_distance_knee(X_shape, MIN_SAMPLES)
    return {
        "K-Means": KMeans(n_clusters=2, n_init=KMEANS_N_INIT, random_state=MODEL_SEED),
        "Agglomerative (ward)": AgglomerativeClustering(n_clusters=2),
        "Agglomerative (single)": AgglomerativeClustering(2, linkage="single"),
        "DBSCAN (knee eps)": DBSCAN(eps=eps, min_samples=MIN_SAMPLES),
        "HDBSCAN": HDBSCAN(min_cluster_size=20, min_samples=MIN_SAMPLES, copy=True),
        "Gaussian mixture": GaussianMixture(
            2, n_init=MIXTURE_N_INIT, random_state=MODEL_SEED
        ),
    }


# %%
shapes = {
    "moons": make_course_moons(),
    "circles": make_circles(
        n_samples=300, factor=0.5, noise=0.05, random_state=DATA_SEED
    ),
}
tables, shape_labels = {}, {}
for name, (X_shape, y_shape) in shapes.items():
    tables[name], shape_labels[name] = compare(shape_models(X_shape), X_shape, y_shape)
pd.concat(tables, names=["data", "algorithm"]).round(3)

# %%
for name, table in tables.items():
    ari = table["ARI vs truth"]
    print(
        f"{name}: DBSCAN (knee eps) ARI {ari['DBSCAN (knee eps)']:.1f} with "
        f"{table.loc['DBSCAN (knee eps)', 'noise share']:.0%} noise; single linkage "
        f"ARI {ari['Agglomerative (single)']:.1f}; K-Means ARI {ari['K-Means']:.3f}"
    )
    print(f"{name}: best silhouette: {table['silhouette'].idxmax()}")

# %% [markdown]
# The figure shows the two extremes on both shapes: K-Means on the left, DBSCAN on the
# right (the table has the others).

# %% mystnb={"image": {"alt": "Four panels: on the two moons and on the two rings, K-Means (left) cuts the data into two straight-edged halves, while DBSCAN (right) colours each moon and each ring as its own cluster."}}
fig, axes = plt.subplots(2, 2, figsize=(10.5, 8.6), layout="constrained")
for row_axes, (name, (X_shape, _)) in zip(axes, shapes.items(), strict=True):
    for ax, algorithm in zip(row_axes, ["K-Means", "DBSCAN (knee eps)"], strict=True):
        ari = tables[name].loc[algorithm, "ARI vs truth"]
        cluster_scatter(
            X_shape,
            shape_labels[name][algorithm],
            ax=ax,
            title=f"{name}: {algorithm}, ARI {round(ari, 2) + 0.0:.2f}",
            xlabel="x (no unit)",
            ylabel="y (no unit)",
            s=25,
        )
plt.show()

# %% [markdown]
# DBSCAN finds both moons and both rings exactly, with no noise: each shape is one
# connected crowd, and the shapes are separated by empty space — exactly DBSCAN's idea
# of a cluster, and here the knee's `eps` is right. HDBSCAN, with no `eps` at all, finds
# them too, leaving a few ring points as noise (the table's noise column). K-Means, ward
# and the Gaussian
# mixture all cut the data into two round-ish halves, because that is the only kind of
# cluster they can describe. Single linkage, which failed on the customers, also follows
# the shapes here. **No algorithm is best everywhere**: the silhouette column even
# prefers the wrong K-Means halves, since silhouette, like K-Means, rewards round,
# compact clusters.

# %% [markdown]
# ### Explore eps and min_samples yourself
#
# Each frame runs DBSCAN with one `eps` and one `min_samples` on the moons and on the
# scaled customers, noise points drawn as grey crosses. `eps` is a distance in each data
# set's units: the moons' coordinates, the customers' standard deviations. Move the
# sliders (or press the arrow keys). *Try:* drag `eps` up until the two moons join into
# one cluster — at what `eps`? Does a larger `min_samples` move that point? On the
# customers, which setting finds the most clusters, and how many customers does it call
# noise? In JupyterLab or Colab, your kernel runs DBSCAN as you move.

# %%
from course_utils.explorers import explore

X_moons = shapes["moons"][0]


def draw_dbscan(eps, min_samples):
    """DBSCAN on the moons and the customers; draw both, say what it found."""
    fig, axes = plt.subplots(1, 2, figsize=(10, 4), layout="constrained")
    found = []
    for ax, name, X_fit, shown in [
        (axes[0], "moons", X_moons, X_moons),
        (axes[1], "customers", X, in_units),
    ]:
        labels = DBSCAN(eps=eps, min_samples=min_samples).fit_predict(X_fit)
        n_clusters, n_noise = labels.max() + 1, (labels == -1).sum()
        found.append(f"{name}: {n_clusters} cluster(s), {n_noise} noise points")
        title = f"{name}\n{n_clusters} cluster(s), {n_noise} noise points"
        cluster_scatter(shown, labels, ax=ax, legend=False, s=20, title=title)
    axes[0].set(xlabel="x (no unit)", ylabel="y (no unit)")
    return f"eps = {eps:.2f}, min_samples = {min_samples}: " + "; ".join(found) + "."


explore(
    draw_dbscan,
    eps=[0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4],
    min_samples=[MIN_SAMPLES, 20],
    start={"eps": 0.2, "min_samples": MIN_SAMPLES},
    labels={"eps": "eps (radius)", "min_samples": "min_samples (crowd size)"},
    name="dbscan-eps",
    title="DBSCAN on the moons and on the customers",
    alt="Two scatter plots coloured by DBSCAN cluster, noise points as grey crosses: "
    "left the two moons, right the customers' age against income.",
)

# %% [markdown]
# ## When to choose which
#
# | the groups look like… | try first | watch out for |
# |---|---|---|
# | round blobs of similar spread | **K-Means** | choosing K (lesson 3); outliers |
# | ovals of different spread or tilt, overlapping | **Gaussian mixture** | choosing K |
# | groups within groups; you want a tree | **Agglomerative** | big data |
# | any shape, apart by empty space; outliers | **(H)DBSCAN** | touching groups |
#
# Some more detail on each:
#
# - **K-Means** gives one centre per segment, a "typical customer" easy to describe;
#   bends, rings and very different spreads defeat it.
# - **Gaussian mixtures** give a probability per customer; they still need K and, like
#   K-Means, only describe oval groups.
# - **Agglomerative clustering** compares every pair of points, so its time and memory
#   grow with the square of the number of rows; single linkage chains touching groups
#   together.
# - **DBSCAN** needs no K and flags outliers, but one `eps` cannot fit groups of very
#   different density; **HDBSCAN** copes with that and needs no `eps`. Both call points
#   in thin regions noise: always report clusters found and noise share with their
#   scores.
#
# In practice: scale the features, try two or three algorithms that fit the shapes you
# expect, look at the pictures, and prefer the segmentation you can explain and act on.

# %% [markdown]
# ## Key takeaways
#
# - Compare algorithms on the **same scaled data**, in one table and one figure; report
#   clusters found and noise share next to every score.
# - On the overlapping customers the **Gaussian mixture** came closest to the truth,
#   because it models a different spread for each segment; of the methods that place
#   every customer K-Means won on silhouette, which rewards round clusters rather than
#   the truth (and a silhouette that leaves noise out flattered HDBSCAN).
# - A dendrogram cut at a computed height gives exactly K clusters; the longest stretch
#   without a merge suggests a K. **Single linkage** chains touching groups together.
# - The **k-distance plot** gives a first `eps` for DBSCAN. It was exactly right for the
#   moons and rings and useless for the touching customers (one cluster): check what it
#   found, scan a few settings around it, or let HDBSCAN drop `eps` altogether.
# - A run with one cluster and no noise, or with every point noise, has an ARI of
#   exactly 0 by construction: it is a wrong setting, not a result.
# - DBSCAN and HDBSCAN separate groups by empty space: weak on touching groups (several
#   clusters only by calling many customers noise), exact for moons and rings. **No
#   algorithm is best everywhere.**

# %% [markdown]
# ## Exercises
#
# Each exercise checks itself: `exercise("4.1").check(your_answer)` says whether your
# answer is right (✔) or what is wrong with it (✘). The cell under each exercise gives a
# hint; run it again for the next one. `exercise("4.1").solution()` shows the model
# answer (on the website it is folded under the exercise).
#
# ### Exercise 4.1 — Blobs of different densities
#
# Make two tight blobs and one wide one: `make_blobs(n_samples=[150, 150, 150],
# centers=[[0, 0], [2, 0], [6, 4]], cluster_std=[0.25, 0.25, 1.5], random_state=1)`.
# Compare K-Means, ward, DBSCAN (eps from `k_distance_knee`, `min_samples=10`), HDBSCAN
# and a Gaussian mixture (all with 3 clusters where they take a number) with `compare`,
# and draw the true blobs beside DBSCAN's and HDBSCAN's clusters with `plot_comparison`.
# Check DBSCAN's labels with `exercise("4.1").check(labels)`. Which algorithms recover
# the blobs? What does DBSCAN do with the tight blobs and the wide one, and why can one
# `eps` not suit both?

# %% mystnb={"code_prompt_hide": "Hide hint", "code_prompt_show": "Show hint"} tags=["hide-output"]
from course_utils.exercises import exercise

exercise("4.1").hint()  # run this cell again for the next hint

# %% tags=["solution", "hide-cell"]
from sklearn.datasets import make_blobs

X_dens, y_dens = make_blobs(
    n_samples=[150, 150, 150],
    centers=[[0, 0], [2, 0], [6, 4]],
    cluster_std=[0.25, 0.25, 1.5],
    random_state=1,
)
_, eps_dens = k_distance_knee(X_dens, 10)
dens_models = {
    "K-Means": KMeans(n_clusters=3, n_init=KMEANS_N_INIT, random_state=MODEL_SEED),
    "Agglomerative (ward)": AgglomerativeClustering(n_clusters=3),
    "DBSCAN (knee eps)": DBSCAN(eps=eps_dens, min_samples=10),
    "HDBSCAN": HDBSCAN(min_cluster_size=20, min_samples=10, copy=True),
    "Gaussian mixture": GaussianMixture(
        n_components=3, n_init=MIXTURE_N_INIT, random_state=MODEL_SEED
    ),
}
densities, dens_labels = compare(dens_models, X_dens, y_dens)
knee_labels = dens_labels["DBSCAN (knee eps)"]
exercise("4.1").check(knee_labels)
tight = set(knee_labels[y_dens < 2]) - {-1}
print(f"knee eps: {eps_dens:.3f}; tight blobs in one cluster: {len(tight) == 1}")
small_eps = DBSCAN(eps=0.3, min_samples=10).fit_predict(X_dens)
tight = set(small_eps[y_dens < 2]) - {-1}
noise_in_wide = np.mean(small_eps[y_dens == 2] == -1)
print(
    f"eps=0.3: tight blobs in one cluster: {len(tight) == 1}; "
    f"wide blob noise: {noise_in_wide:.0%}"
)

# %% mystnb={"image": {"alt": "Three panels of the blobs: the truth with two tight blobs and one wide one; DBSCAN with the knee eps colours both tight blobs as one cluster; HDBSCAN finds all three blobs, leaving a few outlying points as noise."}} tags=["solution", "hide-cell"]
shown = {name: dens_labels[name] for name in ["DBSCAN (knee eps)", "HDBSCAN"]}
plot_comparison(
    X_dens,
    shown,
    panel_titles(densities),
    truth=y_dens,
    truth_title="True blobs",
    truth_name="blob",
    xlabel="x (no unit)",
    ylabel="y (no unit)",
)
plt.show()
densities.round(3)
# Why: K-Means, ward, HDBSCAN and the mixture recover the blobs (ARI 0.96 or more);
# DBSCAN finds 2 clusters for 3 blobs. The knee's eps (1.02) is large enough to make the
# wide blob's points core points, but it also spans the narrow gap between the two
# tight blobs, which chain into one cluster. A radius small enough to keep them apart
# (0.3) leaves the whole wide blob as noise: no single eps suits both densities.
# HDBSCAN, which tries every radius, keeps all three.

# %% [markdown]
# ### Exercise 4.2 — Between which segments are the unsure customers?
#
# Use the mixture's `predict_proba` with a threshold of 0.8. For each unsure customer
# find the two components with the highest probabilities, and count the pairs (e.g. with
# `value_counts`). Check the two components of every unsure customer, an array with one
# row per customer and 2 columns, with `exercise("4.2").check(top_two)`. Which pairs of
# components share the most unsure customers? Compare with the ellipses plot (`full`):
# do those components overlap?

# %% mystnb={"code_prompt_hide": "Hide hint", "code_prompt_show": "Show hint"} tags=["hide-output"]
from course_utils.exercises import exercise

exercise("4.2").hint()  # run this cell again for the next hint

# %% tags=["solution", "hide-cell"]
unsure_80 = probabilities[probabilities.max(axis=1) < 0.8]
top_two = np.sort(np.argsort(-unsure_80.to_numpy(), axis=1)[:, :2], axis=1)
exercise("4.2").check(top_two)
pairs = pd.Series([f"{a} and {b}" for a, b in top_two], name="components")
print(f"{len(unsure_80)} customers below 0.8")
print(f"most shared pair: components {pairs.value_counts().index[0]}")
distances = np.linalg.norm(gmm.means_[:, None] - gmm.means_[None], axis=2)
np.fill_diagonal(distances, np.inf)
a, b = sorted(np.unravel_index(distances.argmin(), distances.shape))
print(f"closest pair of component means: components {a} and {b}")
pairs.value_counts()
# Why: yes. 39 of the 46 unsure customers sit between components 1 and 2, the pair whose
# means are closest and whose ellipses in the `full` panel overlap most. A customer is
# unsure only where two clouds overlap; pairs whose ellipses barely touch (0 and 2, 0
# and 3) share a few customers, and the pairs far apart share none, since one of the two
# probabilities is then near 0.

# %% [markdown]
# ### Exercise 4.3 — A smaller min_samples
#
# Repeat the DBSCAN analysis of the customers with `min_samples=4` (the "features plus
# one" rule would allow 3): compute `k_distance_knee(X, 4)`, fit DBSCAN with that `eps`
# and report the clusters found, the noise share and the ARI with `compare`. Check
# DBSCAN's labels with `exercise("4.3").check(labels)`. Does a smaller `min_samples` let
# DBSCAN separate the segments? Why?

# %% mystnb={"code_prompt_hide": "Hide hint", "code_prompt_show": "Show hint"} tags=["hide-output"]
from course_utils.exercises import exercise

exercise("4.3").hint()  # run this cell again for the next hint

# %% tags=["solution", "hide-cell"]
_, eps_4 = k_distance_knee(X, 4)
small_models = {"DBSCAN, min_samples=4": DBSCAN(eps=eps_4, min_samples=4)}
small, small_labels = compare(small_models, X, y)
exercise("4.3").check(small_labels["DBSCAN, min_samples=4"])
print(f"knee eps with min_samples=4: {eps_4:.3f}")
small.round(3)
# Why: no: one cluster again, with 6% noise and an ARI near 0. With min_samples=4 a
# customer needs fewer neighbours to be a core point, and the knee moves to a smaller
# eps (0.28 instead of 0.37); the two changes offset each other, so again nearly every
# customer is a core point and, since the segments touch, core points chain from one
# segment into the next. A smaller min_samples makes chaining easier, not harder: in the
# grid, min_samples=5 gives one cluster from eps=0.25 on, where min_samples=10 still
# found 5 clusters (ARI 0.59, with 21% noise).

# %% [markdown]
# **Quiz:** lesson 06 has questions on this lesson.
