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
# # Lesson 3 — Choosing K: elbow and silhouette
#
# **Learning objectives.** By the end of this lesson you will be able to:
# - draw an elbow curve (inertia against K), read its elbow, and find the knee automatically
#   with the `kneed` package — knowing why the automatic answer can move;
# - say what a point's silhouette value means, compute the mean silhouette for each K, and
#   read a per-point silhouette diagram;
# - use the Calinski–Harabasz and Davies–Bouldin scores, knowing which direction is better;
# - decide on K when the methods disagree, checking the choice against the elbow, the
#   silhouette diagram and business sense.
#
# **Time:** about 40 minutes. **Prerequisites:** lesson 1 (scaling) and lesson 2 (how K-Means
# works, what inertia is).

# %% [markdown]
# ## K is your choice
#
# K-Means needs the number of clusters K before it starts, and it will happily return any K
# you ask for. This lesson is about evidence for choosing K. We start with data whose answer
# we know: 300 points drawn around 4 centres (scikit-learn's `make_blobs`, with the seed
# fixed), then turn to the harder age/income customers of lesson 1.

# %%
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from course_utils.datasets import make_course_blobs
from course_utils.style import cluster_scatter, use_course_style

use_course_style()
X_blobs, y_blobs = make_course_blobs()
print(
    f"{X_blobs.shape[0]} points, {X_blobs.shape[1]} features, {len(np.unique(y_blobs))} blobs"
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
# ## The elbow: inertia against K
#
# **Inertia** (also called SSE, the within-cluster sum of squared errors) is the sum, over all
# points, of the squared distance from each point to its cluster's centre — the quantity
# K-Means minimises. More clusters always mean shorter distances, so inertia falls every time
# K grows, down to 0 when every point is its own cluster. The lowest inertia is therefore
# *not* the goal. What we look for is the **[elbow](../appendix/glossary.md#elbow-method)**: the K after which adding a cluster stops
# buying a big drop.
#
# `scores_by_k` fits scikit-learn's `KMeans` for each K (the same seed and 10 restarts each
# time) and records the inertia and three other scores we meet below. K = 1 is included for
# the elbow: its inertia is the total spread of the data; the other scores need at least two
# clusters and are left empty (NaN).

# %%
from course_utils.kselect import scores_by_k

KMEANS = {"random_state": 0, "n_init": 10}
blob_scores = scores_by_k(X_blobs, range(1, 11), **KMEANS)
blob_scores.round(3)

# %% [markdown]
# How much does each extra cluster buy? The percentage change of inertia from one K to the
# next:

# %%
drop = blob_scores["inertia"].pct_change().dropna()
print((100 * drop).round(1).to_string())
assert drop[4] < -0.8 and (drop.loc[5:] > -0.15).all()

# %% [markdown]
# Going from 3 to 4 clusters removes most of what is left; from 4 to 5 removes only a
# little, and every later step is small too. To the eye, the elbow is at **K = 4**. We will
# see the curve in a moment, together with a second opinion.
#
# ## The silhouette: how well does each point sit in its cluster?
#
# For one point $i$:
#
# - $a(i)$ = its mean distance to the *other points of its own cluster* (small is good);
# - $b(i)$ = its mean distance to the points of the *nearest other cluster* (large is good);
# - the **[silhouette](../appendix/glossary.md#silhouette)** is $s(i) = \dfrac{b(i) - a(i)}{\max(a(i), b(i))}$.
#
# It always lies between −1 and 1:
#
# - close to **1**: the point is much closer to its own cluster than to any other — well placed;
# - around **0**: the point is about as close to the neighbouring cluster — it sits on a border;
# - **negative**: the point is closer, on average, to another cluster — probably misplaced.
#
# The formula is short enough to compute by hand for one point and compare with
# scikit-learn's `silhouette_samples`:

# %%
from scipy.spatial.distance import cdist
from sklearn.cluster import KMeans
from sklearn.metrics import silhouette_samples

labels_4 = KMeans(n_clusters=4, **KMEANS).fit_predict(X_blobs)
point = 0
distances = cdist(X_blobs[[point]], X_blobs)[0]
own = labels_4 == labels_4[point]
a = distances[own].sum() / (own.sum() - 1)  # the point itself is at distance 0
b = min(
    distances[labels_4 == c].mean() for c in np.unique(labels_4) if c != labels_4[point]
)
s = (b - a) / max(a, b)
print(f"point {point}: a = {a:.3f}, b = {b:.3f}, silhouette = {s:.3f}")
assert np.isclose(s, silhouette_samples(X_blobs, labels_4)[point])

# %% [markdown]
# The **mean silhouette** over all points scores a whole clustering; `scores_by_k` computed it
# for each K. The K with the highest mean silhouette is the silhouette's choice:

# %%
silhouette = blob_scores["silhouette"]
print(
    f"best K by silhouette: {silhouette.idxmax()}, mean silhouette {silhouette.max():.3f}"
)
assert silhouette.idxmax() == 4 and abs(silhouette.max() - 0.85) < 0.01

# %% [markdown]
# A mean silhouette around 0.85 is high: these blobs are compact and far apart. (You may find
# lower values quoted for this very data set elsewhere; the number above is re-computed every
# time this lesson runs.)
#
# ## The knee, found automatically
#
# "Where is the elbow?" is a judgement call. The **Kneedle** method, in the `kneed` package,
# makes it a rule: rescale both axes to run from 0 to 1, draw the straight line from the first
# to the last point of the curve, and pick the K where the curve lies furthest below that
# line. `find_knee` applies it to our inertia curve:

# %%
from course_utils.kselect import find_knee

knee_from_1 = find_knee(blob_scores.index, blob_scores["inertia"])
print(f"knee of the inertia curve for K = 1..10: K = {knee_from_1}")

# %% [markdown]
# The automatic [knee](../appendix/glossary.md#knee) says **3**, not 4 — it disagrees with the silhouette and with our eye.
# Why? `knee_difference_curve` shows the rescaled curve `kneed` works on: `drop_scaled` is the
# share of the whole fall in inertia achieved by each K, `K_scaled` the share of the K range
# used up; the knee is where their difference peaks.

# %%
from course_utils.kselect import knee_difference_curve

curve = knee_difference_curve(blob_scores.index, blob_scores["inertia"])
gain = curve.loc[4, "drop_scaled"] - curve.loc[3, "drop_scaled"]
cost = curve.loc[4, "K_scaled"] - curve.loc[3, "K_scaled"]
print(
    f"K = 3 achieves {curve.loc[3, 'drop_scaled']:.0%} of the drop; K = 4 adds {gain:.0%} "
    f"more but uses {cost:.0%} more of the K range"
)
assert (
    curve["difference"].idxmax() == 3
    and curve.loc[3, "drop_scaled"] > 0.9
    and gain < cost
)
curve.round(3)

# %% [markdown]
# The fall from K = 1 to K = 3 is so large that, rescaled, K = 3 has already achieved over 90%
# of the total drop. The step to K = 4 adds less of the (rescaled) drop than it uses up of
# the (rescaled) K range, so the difference curve peaks at 3. Start the curve at K = 2
# instead, and the same rule, on the same fits, gives a different answer:

# %%
knee_ranges = {
    "K = 1..10": range(1, 11),
    "K = 2..10": range(2, 11),
    "K = 2..7": range(2, 8),
}
knees = {
    name: find_knee(list(ks), blob_scores.loc[list(ks), "inertia"])
    for name, ks in knee_ranges.items()
}
print(knees)
assert knees == {"K = 1..10": 3, "K = 2..10": 4, "K = 2..7": 3}

# %% [markdown]
# So a knee rule is not a measurement of the data alone: **it depends on the range of K you
# scan**, at both ends, because the rescaling does. Use it as a second opinion, report the
# range you used, and look at the curve yourself.
#
# Here are both curves, with the knee (K = 1..10) and our choice, K = 4, marked:

# %%
from course_utils.kselect import plot_elbow_silhouette

axes = plot_elbow_silhouette(blob_scores, chosen_k=4, knee_k=knee_from_1)
axes[0].figure.suptitle("The course blobs", fontsize=18)
plt.show()

# %% [markdown]
# *What to see:* on the left, a sharp bend at K = 4, after which the curve is almost flat; the
# automatic knee sits one step earlier. On the right, the silhouette peaks clearly at K = 4.
# (There is no silhouette point at K = 1: one cluster has no "nearest other cluster".)
#
# ## Silhouette diagrams: look at every point
#
# The mean hides detail. A **silhouette diagram** draws one horizontal bar per point, sorted
# within each cluster. Signs of a good K: every cluster's band reaches past the mean line,
# bands have similar thickness, few or no bars point left of 0.

# %%
from course_utils.kselect import plot_silhouette_diagram

blob_labels = {
    k: KMeans(n_clusters=k, **KMEANS).fit_predict(X_blobs) for k in (3, 4, 6)
}
fig, axes = plt.subplots(1, 3, figsize=(21, 6), layout="constrained")
for ax, labels in zip(axes, blob_labels.values(), strict=True):
    plot_silhouette_diagram(X_blobs, labels, ax=ax)
plt.show()

# %% [markdown]
# *What to see:* with K = 3 one thick band holds two blobs merged together, and its bars are
# shorter than the others'. With K = 4 all four bands are equal (75 points each) and long.
# With K = 6 two blobs have each been cut in two: their four thin bands are short, because
# each half sits right next to its other half. Counting, for each true blob, how many clusters
# its points went to confirms it:

# %%
pieces = {
    k: (
        pd.crosstab(y_blobs, labels).gt(0).sum(axis=1),
        pd.crosstab(labels, y_blobs).gt(0).sum(axis=1),
    )
    for k, labels in blob_labels.items()
}
print(
    "\n".join(
        f"K = {k}: clusters per true blob {per_blob.tolist()}, "
        f"true blobs per cluster {per_cluster.tolist()}"
        for k, (per_blob, per_cluster) in pieces.items()
    )
)
assert pd.crosstab(blob_labels[3], y_blobs).gt(0).sum(axis=1).max() == 2
assert sorted(pd.crosstab(y_blobs, blob_labels[6]).gt(0).sum(axis=1)) == [1, 1, 2, 2]

# %% [markdown]
# ## Two more scores, in brief
#
# - **[Calinski–Harabasz](../appendix/glossary.md#calinskiharabasz-index)** (variance ratio): spread *between* the cluster centres divided by
#   spread *within* the clusters, corrected for K. **Higher is better.**
# - **[Davies–Bouldin](../appendix/glossary.md#daviesbouldin-index)**: for each cluster, its worst "similarity" to another cluster (the two
#   clusters' spreads added up, divided by the distance between their centres), averaged over
#   clusters. **Lower is better**; 0 is the minimum.
#
# Both are much cheaper than the silhouette on large data (no distances between every pair of
# points), and, like it, they prefer compact, well separated, roundish clusters.
# `best_k_by_criterion` reads each criterion's choice from the table:

# %%
from course_utils.kselect import best_k_by_criterion

blob_picks = best_k_by_criterion(blob_scores)
print(blob_picks.to_string())
assert blob_picks[["silhouette", "calinski_harabasz", "davies_bouldin"]].eq(4).all()

# %% [markdown]
# ## When the methods disagree: the age/income customers
#
# The blobs were easy. The customers of lessons 0–1 were made from **four** overlapping
# segments. We standardise age and income (lesson 1) and run the same scores.

# %%
from sklearn.preprocessing import StandardScaler

from course_utils.datasets import AGE, INCOME, SEGMENT, make_age_income_customers

customers = make_age_income_customers(random_state=42)
X_customers = StandardScaler().fit_transform(customers[[AGE, INCOME]])
customer_scores = scores_by_k(X_customers, range(1, 11), **KMEANS)
customer_picks = best_k_by_criterion(customer_scores)
print(customer_picks.to_string())
assert customer_picks["silhouette"] == 2

# %%
axes = plot_elbow_silhouette(customer_scores, knee_k=customer_picks["knee"])
axes[0].figure.suptitle("Age/income customers, standardised", fontsize=18)
plt.show()

# %% [markdown]
# The silhouette prefers **2** clusters, although the data were made with 4. Is that a failure
# of K-Means? Score the *true* segments themselves with the silhouette:

# %%
from sklearn.metrics import silhouette_score

true_silhouette = silhouette_score(X_customers, customers[SEGMENT])
print(f"mean silhouette of the true 4 segments: {true_silhouette:.3f}")
print(
    f"mean silhouette of K-Means, K = 2:      {customer_scores.loc[2, 'silhouette']:.3f}"
)
print(
    f"mean silhouette of K-Means, K = 4:      {customer_scores.loc[4, 'silhouette']:.3f}"
)
assert true_silhouette < customer_scores["silhouette"].min()
assert customer_scores.loc[4, "silhouette"] < customer_scores.loc[2, "silhouette"]
assert round(true_silhouette, 2) == 0.37

# %% [markdown]
# Even the truth scores only about 0.37 — lower than any K-Means clustering in the table. The
# segments **overlap** (lesson 1 measured how close neighbouring segments are), so many
# customers sit nearer to a neighbouring segment's members than to their own. The silhouette
# measures *geometry* — how compact and separated the groups look — not how the data were
# generated. Geometrically, these customers look most like two groups. The diagrams show it:

# %%
fig, axes = plt.subplots(1, 2, figsize=(16, 6), layout="constrained")
labels_2 = KMeans(n_clusters=2, **KMEANS).fit_predict(X_customers)
plot_silhouette_diagram(X_customers, labels_2, ax=axes[0])
plot_silhouette_diagram(X_customers, customers[SEGMENT], ax=axes[1])
axes[1].set_title("Silhouette diagram, the true 4 segments")
plt.show()

negative_k2 = (silhouette_samples(X_customers, labels_2) < 0).mean()
true_values = silhouette_samples(X_customers, customers[SEGMENT])
negative_true = (true_values < 0).mean()
segments_with_negatives = int(
    pd.Series(true_values < 0).groupby(customers[SEGMENT]).any().sum()
)
print(
    f"share of negative silhouettes: K = 2 {negative_k2:.1%}, true segments {negative_true:.1%}"
)
print(f"true segments with negative values: {segments_with_negatives} of 4")
means_2 = customers.groupby(labels_2)[[AGE, INCOME]].mean()
print(f"K = 2 cluster means:\n{means_2.round(1).to_string()}")
assert negative_k2 < 0.02 and segments_with_negatives == 3
assert means_2[AGE].idxmax() == means_2[INCOME].idxmax()  # older = richer cluster

# %% [markdown]
# *What to see:* with K = 2 nearly every bar is positive, and the two clusters are the younger,
# lower-income customers and the older, higher-income ones. The true segments have negative
# tails in three of the four bands: those customers are, by distance, closer to another
# segment.
#
# The other criteria do not agree with each other either:

# %%
picks = pd.DataFrame({"blobs": blob_picks, "customers": customer_picks})
picks.loc["knee, K = 2..10"] = [
    find_knee(scores.index[1:], scores["inertia"].iloc[1:])
    for scores in (blob_scores, customer_scores)
]
print(picks.to_string())
assert picks.loc["davies_bouldin", "customers"] == 2
assert picks.loc["calinski_harabasz", "customers"] == 4
assert (
    picks.loc["knee", "customers"] == 3
    and picks.loc["knee, K = 2..10", "customers"] == 4
)

# %% [markdown]
# On the customers, silhouette and Davies–Bouldin say 2, Calinski–Harabasz says 4, and the
# knee says 3 or 4 depending on where the K range starts. No score knows the answer, because
# "the right number of segments" is partly a business question. Here, 2 segments are the most
# clearly separated; 4 segments cut the same customers more finely, with less clean borders,
# and might still be worth it if a marketing team can act on four groups.
#
# ## Worked quiz question
#
# > *K = 3 gives a mean silhouette of 0.65, K = 4 gives 0.81. What should you do?*
#
# 1. **Prefer K = 4**: at K = 4 points are, on average, much closer to their own cluster than
#    to the next one; 0.81 is a strong structure, 0.65 a weaker one.
# 2. **Check the elbow**: does inertia bend at 4 (or at least not keep falling steeply after
#    it)? If the elbow and the silhouette agree, the evidence is stronger.
# 3. **Check the silhouette diagram** for K = 4: no cluster should be a thin band of short or
#    negative bars.
# 4. **Check business sense**: describe each of the four segments (size, averages). Are they
#    different enough to treat differently, and big enough to be worth a campaign?
#
# Our blobs are exactly this situation, with slightly different numbers:

# %%
k3, k4 = blob_scores.loc[3, "silhouette"], blob_scores.loc[4, "silhouette"]
print(f"blobs: K = 3 silhouette {k3:.2f}, K = 4 silhouette {k4:.2f}; the elbow is at 4")
assert k4 > k3

# %% [markdown]
# ## Key takeaways
#
# - Inertia always falls as K grows; look for the **elbow**, not the minimum.
# - A point's silhouette, from −1 to 1, compares its distance to its own cluster with its
#   distance to the nearest other one; the **mean silhouette** scores a clustering, and the
#   **diagram** shows weak or misplaced points.
# - Calinski–Harabasz: higher is better. Davies–Bouldin: lower is better.
# - An automatic knee (kneed) depends on the K range scanned; report the range.
# - On the blobs every criterion agrees (K = 4, silhouette about 0.85). On overlapping
#   customers they disagree, and even the true segments score low: the scores measure how
#   separated groups look, not the truth. Choose K with several criteria **and** business sense.

# %% [markdown]
# ## Exercises
#
# ### Exercise 3.1 — Data with no clusters at all
#
# Draw 300 points uniformly in the unit square with `np.random.default_rng(0).uniform(size=(300,
# 2))`. Compute `scores_by_k` for K = 1..10 and `best_k_by_criterion`. Does the knee rule
# still find a knee? How high does the mean silhouette get, compared with the blobs? What does
# that tell you about trusting a single criterion?

# %% tags=["solution", "hide-cell"]
uniform = np.random.default_rng(0).uniform(size=(300, 2))
uniform_scores = scores_by_k(uniform, range(1, 11), **KMEANS)
print(best_k_by_criterion(uniform_scores).to_string())
print(uniform_scores["silhouette"].round(3).to_string())
# A knee is always "found" on a falling curve; the silhouette stays flat and modest for every
# K: no K stands out because there are no groups.

# %% [markdown]
# ### Exercise 3.2 — Choosing K without scaling
#
# Repeat the customer analysis on the *unscaled* age and income (`customers[[AGE, INCOME]]`).
# Which K does the silhouette pick, and is its mean silhouette higher or lower than on the
# scaled data? Using lesson 1, explain why a higher score here is not better news.

# %% tags=["solution", "hide-cell"]
raw_scores = scores_by_k(customers[[AGE, INCOME]], range(2, 11), **KMEANS)
print(best_k_by_criterion(raw_scores).to_string())
print(raw_scores["silhouette"].round(3).to_string())
# Unscaled, income decides the distances alone, so these are 1-D clusterings of income: easy
# to separate, hence higher silhouettes, but age is ignored entirely.

# %% [markdown]
# ### Exercise 3.3 — How stable is the knee?
#
# For the customers, compute `find_knee` for every K range that starts at 1 or 2 and ends at
# 6, 7, 8, 9 or 10 (use `customer_scores`). Put the results in a small table. How many
# different answers do you get?

# %% tags=["solution", "hide-cell"]
knee_grid = pd.DataFrame(
    {
        start: {
            end: find_knee(
                list(range(start, end + 1)), customer_scores.loc[start:end, "inertia"]
            )
            for end in range(6, 11)
        }
        for start in (1, 2)
    }
).rename_axis(index="last K", columns="first K")
print(knee_grid.to_string())
print(f"different answers: {sorted(set(knee_grid.stack()))}")

# %% [markdown]
# **Quiz:** lesson 06 has questions on this lesson.
