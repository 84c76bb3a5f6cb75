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
# # Lesson 3 — Choosing K: elbow and silhouette
#
# **Learning objectives.** By the end of this lesson you will be able to:
# - fit K-Means for a range of K in a loop and collect inertia and three other scores in
#   one table ([the loop over K](#the-loop-over-k));
# - draw an elbow curve (inertia against K) and read its elbow
#   ([the elbow](#the-elbow-inertia-against-k)), and find the knee automatically with
#   the `kneed` package — knowing why the automatic answer can move
#   ([the knee](#the-knee-found-automatically));
# - say what a point's silhouette value means, pick K by the mean silhouette
#   ([the silhouette](#the-silhouette-how-well-does-each-point-sit-in-its-cluster)), and
#   read a per-point silhouette diagram
#   ([silhouette diagrams](#silhouette-diagrams-look-at-every-point));
# - use the Calinski–Harabasz and Davies–Bouldin scores, knowing which direction is
#   better ([two more scores](#two-more-scores-in-brief));
# - decide on K when the methods disagree, judging a silhouette against a baseline with
#   no clusters at all
#   ([when the methods disagree](#when-the-methods-disagree-the-customers)).
#
# **Time:** about 45 minutes. **Prerequisites:** lesson 1 (scaling) and lesson 2 (how
# K-Means works, what inertia is).

# %% [markdown]
# ## K is your choice
#
# K-Means needs the number of clusters K before it starts, and it will happily return
# any K you ask for. This lesson is about evidence for choosing K. We start with data
# whose answer we know: 300 points drawn around 4 centres (scikit-learn's `make_blobs`,
# with the seed fixed), then turn to the harder age/income customers of lesson 1.

# %% mystnb={"image": {"alt": "Scatter plot of the 300 course blobs in one colour: four compact, well separated round groups of points."}}
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from course_utils.datasets import make_course_blobs
from course_utils.settings import DATA_SEED, KMEANS_N_INIT, MODEL_SEED
from course_utils.style import PALETTE, cluster_scatter, use_course_style

use_course_style()
X_blobs, y_blobs = make_course_blobs()
print(
    f"{X_blobs.shape[0]} points, {X_blobs.shape[1]} features, {len(set(y_blobs))} blobs"
)
cluster_scatter(
    X_blobs,
    title="The course blobs, unlabelled",
    xlabel="feature 1 (no unit)",
    ylabel="feature 2 (no unit)",
    label_names={0: "points"},
)
plt.show()

# %% [markdown]
# ## The loop over K
#
# To compare values of K we fit scikit-learn's `KMeans` once for each K — with the same
# seed and 10 restarts every time — and write down four scores per fit. The first,
# **inertia**, is the one K-Means minimises; the other three are explained below. K = 1
# is included for the elbow: its inertia is the total spread of the data. The other
# scores compare clusters with each other, so they need at least two; for K = 1 they
# stay empty (NaN). The loop goes in a small function, because we will run it on three
# data sets; a second one, `best_k`, reads off the K that each score prefers (the
# scores are explained below).

# %%
from sklearn.cluster import KMeans
from sklearn.metrics import (
    calinski_harabasz_score,
    davies_bouldin_score,
    silhouette_score,
)

KMEANS = {"random_state": MODEL_SEED, "n_init": KMEANS_N_INIT}


def scores_per_k(X, k_values):
    """Fit K-Means for each K in `k_values`; return one row of scores per K."""
    rows = []
    for k in k_values:
        model = KMeans(n_clusters=k, **KMEANS).fit(X)
        row = {"K": k, "inertia": model.inertia_}
        if k >= 2:
            row["silhouette"] = silhouette_score(X, model.labels_)
            row["calinski_harabasz"] = calinski_harabasz_score(X, model.labels_)
            row["davies_bouldin"] = davies_bouldin_score(X, model.labels_)
        rows.append(row)
    return pd.DataFrame(rows).set_index("K")


def best_k(scores):
    """The K each score picks: the highest silhouette and CH, the lowest DB."""
    highest = scores[["silhouette", "calinski_harabasz"]].idxmax()
    lowest = scores[["davies_bouldin"]].idxmin()
    return pd.concat([highest, lowest]).rename("best K")


# %% [markdown]
# For the blobs, K = 1 to 10:

# %%
blob_scores = scores_per_k(X_blobs, range(1, 11))
blob_scores.round(3)

# %% [markdown]
# ## The elbow: inertia against K
#
# **Inertia** (also called SSE, the within-cluster sum of squared errors) is the sum,
# over all points, of the squared distance from each point to its cluster's centre. More
# clusters mean shorter distances (the best fit with one more centre is never worse), so
# inertia falls as K grows — in the table, at every step — down to 0 when every point is
# its own cluster. The lowest inertia is therefore *not* the goal.
# What we look for is the **[elbow](../appendix/glossary.md#elbow-method)**: the K after
# which adding a cluster stops buying a big drop. How much does each extra cluster buy?
# The percentage change of inertia from one K to the next:

# %%
drop = blob_scores["inertia"].pct_change().dropna()
print((100 * drop).round(1).to_string())
print(f"largest later drop, from K = 5 on: {-100 * drop.loc[5:].min():.1f}%")

# %% [markdown]
# Going from 3 to 4 clusters removes most of what is left; from 4 to 5 removes only a
# little, and every later step is small too. Drawn, that is a sharp bend:

# %% mystnb={"image": {"alt": "Line plot of inertia against K from 1 to 10 for the blobs: a steep fall up to K = 4, then an almost flat line."}}
fig, ax = plt.subplots(figsize=(8, 4.5))
ax.plot(blob_scores.index, blob_scores["inertia"], marker="o")
ax.set(
    xlabel="number of clusters K",
    ylabel="inertia (sum of squared distances)",
    title="Elbow: inertia of the blobs against K",
    xticks=blob_scores.index,
)
plt.show()

# %% [markdown]
# To the eye, the elbow is at **K = 4**.
#
# ## The silhouette: how well does each point sit in its cluster?
#
# For one point $i$:
#
# - $a(i)$ = its mean distance to the *other points of its own cluster* (small is good);
# - $b(i)$ = its mean distance to the points of the *nearest other cluster* (large is
#   good);
# - the **[silhouette](../appendix/glossary.md#silhouette)** is
#   $s(i) = \dfrac{b(i) - a(i)}{\max(a(i), b(i))}$.
#
# It always lies between −1 and 1:
#
# - close to **1**: the point is much closer to its own cluster than to any other — well
#   placed;
# - around **0**: the point is about as close to the neighbouring cluster — it sits on a
#   border;
# - **negative**: the point is closer, on average, to another cluster — probably
#   misplaced.
#
# The formula is short enough to compute by hand for one point and compare with
# scikit-learn's `silhouette_samples`:

# %%
from scipy.spatial.distance import cdist
from sklearn.metrics import silhouette_samples

labels_4 = KMeans(n_clusters=4, **KMEANS).fit_predict(X_blobs)
point = 0
distances = cdist(X_blobs[[point]], X_blobs)[0]
own = labels_4 == labels_4[point]
a = distances[own].sum() / (own.sum() - 1)  # the point itself is at distance 0
others = [c for c in np.unique(labels_4) if c != labels_4[point]]
b = min(distances[labels_4 == c].mean() for c in others)
s = (b - a) / max(a, b)
print(f"point {point}: a = {a:.3f}, b = {b:.3f}")
print(f"silhouette by hand: {s:.4f}")
print(f"silhouette_samples: {silhouette_samples(X_blobs, labels_4)[point]:.4f}")

# %% [markdown]
# The **mean silhouette** over all points scores a whole clustering; our loop computed
# it for each K. The K with the highest mean silhouette is the silhouette's choice — one
# pandas call, `idxmax`, reads it from the table:

# %%
silhouette = blob_scores["silhouette"]
print(f"silhouette picks K = {silhouette.idxmax()}")
print(f"its mean silhouette: {silhouette.max():.3f}")

# %% [markdown]
# A mean silhouette around 0.85 is high: these blobs are compact and far apart. (You may
# find lower values quoted for this very data set elsewhere; the number above is
# re-computed every time this lesson runs.)
#
# ## The knee, found automatically
#
# "Where is the elbow?" is a judgement call. The **Kneedle** method, in the `kneed`
# package, makes it a rule: rescale both axes to run from 0 to 1, draw the straight line
# from the first to the last point of the curve, and pick the K where the curve lies
# furthest below that line. Our inertia curve falls (`direction="decreasing"`) and bends
# upwards (`curve="convex"`):

# %%
from kneed import KneeLocator

locator = KneeLocator(
    blob_scores.index,
    blob_scores["inertia"],
    curve="convex",
    direction="decreasing",
)
knee_blobs = locator.knee
print(f"knee of the inertia curve for K = 1..10: K = {knee_blobs}")

# %% [markdown]
# The automatic [knee](../appendix/glossary.md#knee) says **3**, not 4 — it disagrees
# with the silhouette and with our eye. Why? The locator keeps the rescaled curve it
# worked on: `drop_scaled` is the share of the whole fall in inertia achieved by each K,
# `K_scaled` the share of the K range used up; the knee is where their difference peaks.

# %%
curve = pd.DataFrame(
    {
        "K_scaled": locator.x_normalized,
        "drop_scaled": locator.y_normalized,
        "difference": locator.y_difference,
    },
    index=blob_scores.index,
)
gain = curve.loc[4, "drop_scaled"] - curve.loc[3, "drop_scaled"]
cost = curve.loc[4, "K_scaled"] - curve.loc[3, "K_scaled"]
print(f"K = 3 achieves {curve.loc[3, 'drop_scaled']:.1%} of the drop")
print(f"K = 4 adds {gain:.1%} more but uses {cost:.1%} more of the K range")
curve.round(3)

# %% [markdown]
# The fall from K = 1 to K = 3 is so large that, rescaled, K = 3 has already achieved
# over 90% of the total drop. The step to K = 4 adds less of the (rescaled) drop than it
# uses up of the (rescaled) K range, so the difference curve peaks at 3. Start the curve
# at K = 2 instead, or end it earlier, and the same rule, on the same fits, can give a
# different answer:

# %%
for first, last in [(1, 10), (2, 10), (2, 7)]:
    window = blob_scores.loc[first:last, "inertia"]
    knee = KneeLocator(
        window.index, window, curve="convex", direction="decreasing"
    ).knee
    print(f"K = {first}..{last}: knee at K = {knee}")

# %% [markdown]
# So a knee rule is not a measurement of the data alone: **it depends on the range of K
# you scan**, at both ends, because the rescaling does. Use it as a second opinion,
# report the range you used, and look at the curve yourself.
#
# Both curves side by side, with the knee (K = 1..10) and the silhouette's choice
# marked. We draw them with a small function, because the customers below get the same
# picture:


# %%
def plot_k_curves(scores, title, marks):
    """Inertia and mean silhouette against K; `marks` maps a label to the K it marks."""
    fig, axes = plt.subplots(1, 2, figsize=(12, 4.8), layout="constrained")
    axes[0].plot(scores.index, scores["inertia"], marker="o", color=PALETTE[0])
    axes[1].plot(scores.index, scores["silhouette"], marker="s", color=PALETTE[1])
    axes[0].set(title="Elbow", ylabel="inertia (sum of squared distances)")
    axes[1].set(title="Silhouette", ylabel="mean silhouette (−1 to 1)")
    for ax in axes:
        for i, (label, k) in enumerate(marks.items()):
            style = ["--", ":", "-."][i % 3]
            ax.axvline(k, color="black", linestyle=style, label=f"{label}: K = {k}")
        ax.set(xlabel="number of clusters K", xticks=scores.index)
        ax.legend(loc="upper right", frameon=True)
    fig.suptitle(title, fontsize=18)
    plt.show()


# %% mystnb={"image": {"alt": "Two line plots against K for the blobs. Left, inertia falls steeply to K = 4 and then flattens; a dashed line marks the knee at K = 3 and a dotted line the silhouette's pick at K = 4. Right, the mean silhouette peaks at K = 4."}}
plot_k_curves(
    blob_scores,
    "The course blobs",
    {"knee": knee_blobs, "silhouette's pick": silhouette.idxmax()},
)

# %% [markdown]
# *What to see:* on the left, a sharp bend at K = 4, after which the curve is almost
# flat; the automatic knee sits one step earlier. On the right, the silhouette peaks
# clearly at K = 4. (There is no silhouette point at K = 1: one cluster has no "nearest
# other cluster".)
#
# ## Silhouette diagrams: look at every point
#
# The mean hides detail. A **silhouette diagram** draws one horizontal bar per point, as
# long as its silhouette value, sorted within each cluster; each cluster is a band, as
# thick as the cluster has points. Signs of a good K: no band made mostly of short bars
# (compare the bands with each other and with the other K's diagrams), and few or no bars
# pointing left of 0. The mean line is an average, so even a good band has bars on both
# sides of it. The bands' thickness — the
# cluster sizes — is not a sign either way: real segments often differ in size (lesson 5
# finds segments of about 20 and about 80 customers). What a thick band *can* reveal is
# a merge, when its bars are also short. The four diagrams share one x-range, so bar
# lengths can be compared:

# %% mystnb={"image": {"alt": "Four silhouette diagrams of the blobs in a 2 by 2 grid, for K = 3, 4, 5 and 6. At K = 4 four equal bands of long bars; at K = 3 one thick band of shorter bars; at K = 5 and 6 some blobs are split into thin bands of short bars."}}
from course_utils.plots import silhouette_diagrams

blob_labels = {
    k: KMeans(n_clusters=k, **KMEANS).fit_predict(X_blobs) for k in (3, 4, 5, 6)
}
silhouette_diagrams(X_blobs, {f"K = {k}": labels for k, labels in blob_labels.items()})
plt.show()

# %% [markdown]
# *What to see:* with K = 3 one thick band holds two blobs merged together, and its bars
# are shorter than the others'. With K = 4 all four bands are long (and happen to be
# equal, 75 points each, because the blobs were made that size). With K = 5 one blob,
# and with K = 6 two blobs, have been cut in two: the halves' bands are thinner than a
# whole blob's, and short, because each half sits right next to its other half.
# Counting, for each true blob, how many clusters its points went to, and for each
# cluster how many true blobs it holds, confirms it:

# %%
for k, labels in blob_labels.items():
    per_blob = pd.crosstab(y_blobs, labels).gt(0).sum(axis=1).tolist()
    per_cluster = pd.crosstab(labels, y_blobs).gt(0).sum(axis=1).tolist()
    print(
        f"K = {k}: clusters per true blob {per_blob}, "
        f"true blobs per cluster {per_cluster}"
    )

# %% [markdown]
# ## Two more scores, in brief
#
# - **[Calinski–Harabasz](../appendix/glossary.md#calinskiharabasz-index)** (variance
#   ratio): spread *between* the cluster centres divided by spread *within* the
#   clusters, corrected for K. **Higher is better.**
# - **[Davies–Bouldin](../appendix/glossary.md#daviesbouldin-index)**: for each cluster,
#   its worst "similarity" to another cluster (the two clusters' spreads added up,
#   divided by the distance between their centres), averaged over clusters. **Lower is
#   better**; 0 is the minimum.
#
# Both are much cheaper than the silhouette on large data (no distances between every
# pair of points), and, like it, they prefer compact, well separated, roundish clusters.
# Each criterion's choice is one `idxmax` or `idxmin` on the table: `best_k`, defined
# with `scores_per_k` above, asks it of every score at once:


# %%
print(best_k(blob_scores).to_string())

# %% [markdown]
# On the blobs the three scores agree on 4, as the eye did on the elbow; only the
# automatic knee (over K = 1..10) said otherwise.
#
# ## When the methods disagree: the customers
#
# The blobs were easy. The customers of lessons 0–1 were made from **four** overlapping
# segments of age and income. We standardise age and income (lesson 1) and run the same
# loop.

# %%
from sklearn.preprocessing import StandardScaler

from course_utils.datasets import AGE, INCOME, SEGMENT, make_age_income_customers

customers = make_age_income_customers(random_state=DATA_SEED)
X_customers = StandardScaler().fit_transform(customers[[AGE, INCOME]])
customer_scores = scores_per_k(X_customers, range(1, 11))
print(customer_scores.round(3).to_string())
print(best_k(customer_scores).to_string())

# %% mystnb={"image": {"alt": "Two line plots against K for the standardised customers. Left, inertia falls steeply to K = 2, then ever more gently, with no single clear elbow; a dashed line marks the knee at K = 3 and a dotted line the silhouette's pick at K = 2. Right, the mean silhouette is highest at K = 2 and drifts down from there."}}
customer_knee = KneeLocator(
    customer_scores.index,
    customer_scores["inertia"],
    curve="convex",
    direction="decreasing",
).knee
plot_k_curves(
    customer_scores,
    "Age/income customers, standardised",
    {
        "knee": customer_knee,
        "silhouette's pick": customer_scores["silhouette"].idxmax(),
    },
)

# %% [markdown]
# The silhouette prefers **2** clusters, although the data were made from 4 segments.
# Is that a failure of K-Means? Score the *true* segments themselves with the silhouette
# — and, for a baseline, data with no clusters at all: 300 points spread uniformly over
# a square (K-Means still cuts them into K tidy pieces), drawn once for every K, then
# 20 times at K = 4.

# %%
true_silhouette = silhouette_score(X_customers, customers[SEGMENT])
uniform = np.random.default_rng(0).uniform(size=(300, 2))
uniform_scores = scores_per_k(uniform, range(2, 11))
print(f"true 4 segments:           {true_silhouette:.3f}")
print(f"K-Means, K = 2:            {customer_scores.loc[2, 'silhouette']:.3f}")
print(f"K-Means, K = 4:            {customer_scores.loc[4, 'silhouette']:.3f}")
print(f"K-Means, lowest of K:      {customer_scores['silhouette'].min():.3f}")
print(f"uniform square, K = 4:     {uniform_scores.loc[4, 'silhouette']:.3f}")
print(f"uniform square, best of K: {uniform_scores['silhouette'].max():.3f}")
draws = [np.random.default_rng(seed).uniform(size=(300, 2)) for seed in range(20)]
square_k4 = [silhouette_score(u, KMeans(4, **KMEANS).fit_predict(u)) for u in draws]
print(f"uniform square, K = 4, 20 draws: {min(square_k4):.3f} to {max(square_k4):.3f}")

# %% [markdown]
# Even the truth scores only about 0.37 — lower than any K-Means clustering of the
# customers in the table, and **lower than the uniform square, which has no clusters at
# all and still scores about 0.40** (0.38 to 0.45 at K = 4 over the 20 draws). So for
# 300 points in two dimensions, a mean silhouette near 0.4 is not "some structure": it
# is what K-Means reaches by cutting featureless data into pieces. Judge a silhouette
# against such a baseline, with as many points and features as your data; here K = 2,
# at 0.54, stands well above every draw, and K = 4, at 0.46, only just above the
# highest.
#
# The segments **overlap** (lesson 1 measured how close neighbouring segments are), so
# many customers sit nearer to a neighbouring segment's members than to their own. The
# silhouette measures *geometry* — how compact and separated the groups look — not how
# the data were generated. Geometrically, these customers look most like two groups. The
# diagrams show it, on one x-range:

# %% mystnb={"image": {"alt": "Two silhouette diagrams of the customers side by side on the same x-range. Left, K-Means with K = 2: two bands of mostly long, positive bars. Right, the true 4 segments: shorter bars, with negative tails in three of the four bands."}}
labels_2 = KMeans(n_clusters=2, **KMEANS).fit_predict(X_customers)
silhouette_diagrams(
    X_customers,
    {"K-Means, K = 2": labels_2, "the true 4 segments": customers[SEGMENT]},
    nouns={"the true 4 segments": "segment"},
)
plt.show()

# %%
negative_k2 = (silhouette_samples(X_customers, labels_2) < 0).mean()
true_values = pd.Series(silhouette_samples(X_customers, customers[SEGMENT]))
negative_true = (true_values < 0).mean()
with_negatives = (true_values < 0).groupby(customers[SEGMENT]).any()
print(f"share of negative silhouettes, K = 2: {negative_k2:.1%}")
print(f"share of negative silhouettes, true segments: {negative_true:.1%}")
n_negative, n_segments = with_negatives.sum(), with_negatives.size
print(f"true segments with negative values: {n_negative} of {n_segments}")
means_2 = customers.groupby(labels_2)[[AGE, INCOME]].mean()
means_2[INCOME] /= 1000
print(means_2.round(1).rename(columns={INCOME: "Income (k$ per year)"}).to_string())
older_is_richer = means_2[AGE].idxmax() == means_2[INCOME].idxmax()
print(f"the older K = 2 cluster is also the richer one: {older_is_richer}")

# %% [markdown]
# *What to see:* with K = 2 nearly every bar is positive, and the two clusters are the
# younger, lower-income customers and the older, higher-income ones. The true segments
# have negative tails in three of the four bands: those customers are, by distance,
# closer to another segment.
#
# The other criteria do not agree with each other either. Side by side, with the knee
# for two K ranges:

# %%
picks = pd.DataFrame(
    {"blobs": best_k(blob_scores), "customers": best_k(customer_scores)}
)
for first in (1, 2):
    picks.loc[f"knee, K = {first}..10"] = [
        KneeLocator(
            scores.loc[first:].index,
            scores.loc[first:, "inertia"],
            curve="convex",
            direction="decreasing",
        ).knee
        for scores in (blob_scores, customer_scores)
    ]
print(picks.to_string())

# %% [markdown]
# On the customers, silhouette and Davies–Bouldin say 2, Calinski–Harabasz says 4, and
# the knee says 3 or 4 depending on where the K range starts. No score knows the answer,
# because "the right number of segments" is partly a business question. Here, 2 segments
# are the most clearly separated; 4 segments cut the same customers more finely, with
# less clean borders, and might still be worth it if a marketing team can act on four
# groups.

# %% [markdown]
# ## Explore K on the customers
#
# See it for yourself: each frame fits K-Means at one K, as `scores_per_k` did, and
# draws the customers' clusters beside the two curves, the current K marked on both.
# Move the slider (or press the arrow keys) from 2 to 10. *Try:* which K gives clusters
# you could describe to a marketing team? From which K on does one more cluster buy
# almost no inertia? Where does the silhouette fall fastest, and what happens to the
# clusters there? In JupyterLab or Colab, your kernel fits each K as you move.

# %%
from course_utils.explorers import explore

CUSTOMER_AXES = {"xlabel": "age (standardised)", "ylabel": "income (standardised)"}


def draw_k(k):
    """Fit K-Means at this K; draw its clusters beside the inertia and silhouette."""
    model = KMeans(n_clusters=k, **KMEANS).fit(X_customers)
    silhouette_k = silhouette_score(X_customers, model.labels_)
    fig, axes = plt.subplots(1, 3, figsize=(15, 4.6), layout="constrained")
    cluster_scatter(
        X_customers,
        model.labels_,
        centers=model.cluster_centers_,
        ax=axes[0],
        legend=False,
        s=25,
        title=f"K-Means, K = {k}",
        **CUSTOMER_AXES,
    )
    for ax, column, value in [
        (axes[1], "inertia", model.inertia_),
        (axes[2], "silhouette", silhouette_k),
    ]:
        ax.plot(customer_scores.index, customer_scores[column], marker="o")
        ax.plot(k, value, marker="o", markersize=16, color="black", linestyle="")
        ax.set(xlabel="number of clusters K", ylabel=column, title=f"{column} at K")
        ax.set_xticks(customer_scores.index)
    return f"K = {k}: inertia {model.inertia_:.1f}, mean silhouette {silhouette_k:.3f}."


k_values = [k for k in customer_scores.index if k >= 2]
explore(
    draw_k,
    k=k_values,
    labels={"k": "number of clusters K"},
    start={"k": 4},
    name="choose-k",
    title=f"K-Means on the customers, K from {k_values[0]} to {k_values[-1]}",
    alt="Left, the customers coloured by K-Means cluster with black stars at the "
    "centres; middle and right, inertia and mean silhouette against K, the current K "
    "marked by a large black dot.",
)

# %% [markdown]
# ## Worked quiz question
#
# > *K = 3 gives a mean silhouette of 0.65, K = 4 gives 0.81. What should you do?*
#
# 1. **Prefer K = 4**: at K = 4 points are, on average, much closer to their own cluster
#    than to the next one, more clearly than at K = 3. Before calling either
#    "structure", compare both with a baseline made for the data at hand.
# 2. **Check the elbow**: does inertia bend at 4 (or at least not keep falling steeply
#    after it)? If the elbow and the silhouette agree, the evidence is stronger.
# 3. **Check the silhouette diagram** for K = 4: no cluster should be a band of short or
#    negative bars. (Bands of different thickness are fine: segments need not be equal
#    in size.)
# 4. **Check business sense**: describe each of the four segments (size, averages). Are
#    they different enough to treat differently, and big enough to be worth a campaign?
#
# Our blobs are exactly this situation, with slightly different numbers:

# %%
k3, k4 = blob_scores.loc[3, "silhouette"], blob_scores.loc[4, "silhouette"]
print(f"blobs: K = 3 silhouette {k3:.3f}, K = 4 silhouette {k4:.3f}")

# %% [markdown]
# ## Key takeaways
#
# - Choosing K is a loop: fit K-Means for each K and keep the scores in one table.
# - Inertia falls as K grows (more centres, shorter distances); look for the
#   **elbow**, not the minimum.
# - A point's silhouette, from −1 to 1, compares its distance to its own cluster with
#   its distance to the nearest other one; the **mean silhouette** scores a clustering,
#   and the **diagram** shows weak or misplaced points. Short bars and negative tails
#   are warnings; bands of different thickness are not — segments need not be equal in
#   size.
# - Calinski–Harabasz: higher is better. Davies–Bouldin: lower is better.
# - An automatic knee (kneed) depends on the K range scanned; report the range.
# - Judge a silhouette against a baseline made for data like yours: uniform squares,
#   with no clusters at all, cut into four by K-Means, scored higher than the
#   customers' true segments in every one of 20 draws.
# - On the blobs only the knee over K = 1..10 disagrees with K = 4. On overlapping
#   customers the criteria disagree, and even the true segments score below that
#   baseline: the scores measure how separated groups look, not the truth. Choose K
#   with several criteria **and** business sense.

# %% [markdown]
# ## Exercises
#
# ### Exercise 3.1 — Data with no clusters at all
#
# Take the uniform square from the lesson (`np.random.default_rng(0).uniform(size=(300,
# 2))`). Compute `square_scores = scores_per_k(...)` for K = 1..10, `best_k`, and the
# knee with `KneeLocator`. Does the knee rule still find a knee? Which K does each score
# pick, and how far above the others does the best silhouette stand? What does that tell
# you about trusting a single criterion? Check your table with
# `exercise("3.1").check(square_scores)`.

# %% mystnb={"code_prompt_hide": "Hide hint", "code_prompt_show": "Show hint"} tags=["hide-output"]
from course_utils.exercises import exercise

exercise("3.1").hint()  # run this cell again for the next hint

# %% tags=["solution", "hide-cell"]
square = np.random.default_rng(0).uniform(size=(300, 2))
square_scores = scores_per_k(square, range(1, 11))
exercise("3.1").check(square_scores)
square_knee = KneeLocator(
    square_scores.index,
    square_scores["inertia"],
    curve="convex",
    direction="decreasing",
).knee
print(f"knee: K = {square_knee}")
print(best_k(square_scores).to_string())
print(square_scores["silhouette"].round(3).to_string())
# A knee is always "found" on a falling curve, and every score picks some K, even with
# no groups to find. The silhouette stays between about 0.36 and 0.40 for every K: its
# "best" K beats the others by a hair. So a pick by one criterion means little on its
# own: compare its score with a baseline like this one, and with the other criteria.

# %% [markdown]
# ### Exercise 3.2 — Choosing K without scaling
#
# Repeat the customer analysis on the *unscaled* age and income
# (`customers[[AGE, INCOME]]`), for K = 2..10: call the table `raw_scores` and check it
# with `exercise("3.2").check(raw_scores)`. Which K does the silhouette pick, and is its
# mean silhouette higher or lower than on the scaled data? Using lesson 1, explain why a
# higher score here is not better news.

# %% mystnb={"code_prompt_hide": "Hide hint", "code_prompt_show": "Show hint"} tags=["hide-output"]
from course_utils.exercises import exercise

exercise("3.2").hint()  # run this cell again for the next hint

# %% tags=["solution", "hide-cell"]
raw_scores = scores_per_k(customers[[AGE, INCOME]], range(2, 11))
exercise("3.2").check(raw_scores)
print(best_k(raw_scores).to_string())
print(raw_scores["silhouette"].round(3).to_string())
# Higher: unscaled, income (tens of thousands of dollars) decides the distances alone
# (lesson 1), so these are clusterings of income only. Cutting one number into ranges
# leaves clean borders, hence the higher silhouettes, but age is ignored entirely: the
# score rewards the geometry the units created, not segments that use both features.

# %% [markdown]
# ### Exercise 3.3 — How stable is the knee?
#
# For the customers, find the knee with `KneeLocator` for every K range that starts at 1
# or 2 and ends at 6, 7, 8, 9 or 10 (use `customer_scores`). Put the results in a small
# table `knee_grid`, one row per last K and one column per first K, and check it with
# `exercise("3.3").check(knee_grid)`. How many different answers do you get, and why
# does the answer move?

# %% mystnb={"code_prompt_hide": "Hide hint", "code_prompt_show": "Show hint"} tags=["hide-output"]
from course_utils.exercises import exercise

exercise("3.3").hint()  # run this cell again for the next hint

# %% tags=["solution", "hide-cell"]
knees = {}
for first in (1, 2):
    for last in range(6, 11):
        window = customer_scores.loc[first:last, "inertia"]
        locator = KneeLocator(
            window.index, window, curve="convex", direction="decreasing"
        )
        knees[(last, first)] = locator.knee
knee_grid = pd.Series(knees).unstack().rename_axis(index="last K", columns="first K")
exercise("3.3").check(knee_grid)
print(knee_grid.to_string())
print(f"different answers: {sorted(set(knee_grid.stack()))}")
# Why it moves: Kneedle rescales both axes to 0-1 over the range it is given and picks
# the K where the share of the drop achieved most exceeds the share of the range used.
# Starting at K = 1 puts the huge first fall (inertia 600 -> 206) in the range, so K = 2
# already has most of the drop and the knee comes early; starting at 2 leaves that fall
# out, and the knee moves to 4. Ending later makes each step a smaller share of the
# range, so a later K can still beat the line (2 -> 3): the knee belongs to the range
# you chose as much as to the data.

# %% [markdown]
# **Quiz:** lesson 06 has questions on this lesson.
