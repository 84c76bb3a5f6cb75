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
# # Lesson 2 — K-Means from scratch
#
# **Learning objectives.** By the end of this lesson you will be able to:
# - describe the K-Means loop — place K centres, assign every point to its nearest
#   centre, move each centre to the mean of its points, repeat until nothing changes —
#   and say what quantity it makes smaller at every step
#   ([step 4](#step-4-repeat-until-nothing-changes));
# - write that loop in NumPy without a Python loop over the points, and explain why this
#   is so much faster ([step 1](#step-1-every-distance-at-once),
#   [why vectorise](#why-vectorise-a-loop-over-points-against-numpy));
# - explain why the starting centres matter, and how k-means++ and several restarts
#   (`n_init`) protect you from a bad start
#   ([where to start](#where-to-start-k-means-and-restarts));
# - check that a hand-written algorithm gives the same answer as scikit-learn's
#   ([the same answer](#the-same-answer-as-scikit-learn));
# - recognise the data on which K-Means fails: the wrong K, stretched or curved groups,
#   outliers, groups of different density, bad starts and empty clusters
#   ([what K-Means cannot do](#what-k-means-cannot-do)).
#
# **Time:** about 50 minutes. **Prerequisites:** lessons 0 and 1; NumPy arrays, `axis=`
# arguments and boolean masks.

# %% [markdown]
# ## The algorithm in four sentences
#
# 1. **Choose K**, the number of clusters, and place K *centres* (also called
#    [centroids](../appendix/glossary.md#centroid)).
# 2. **Assign** every point to its nearest centre.
# 3. **Update**: move every centre to the mean of the points assigned to it.
# 4. **Repeat** 2 and 3 until the assignments — and so the centres — stop changing.
#
# Each step makes the **[inertia](../appendix/glossary.md#inertia)** smaller or leaves
# it unchanged: the sum, over all points, of the squared distance from the point to its
# own centre. Assigning a point to a nearer centre can only shrink its term, and the
# mean is the place with the smallest sum of squared distances to a group of points.
# Because there are finitely many ways to assign the points, the loop must stop. We now
# build each step in NumPy, on six points you can check by hand.

# %%
import matplotlib.pyplot as plt
import numpy as np

from course_utils.settings import DATA_SEED, KMEANS_N_INIT, MODEL_SEED
from course_utils.style import cluster_scatter, use_course_style

use_course_style()

points = np.array(
    [[1.0, 1.0], [1.5, 2.0], [3.0, 4.0], [5.0, 7.0], [3.5, 5.0], [4.5, 5.0]]
)
centres = np.array(
    [[1.0, 1.0], [5.0, 7.0]]
)  # K = 2: start from the first and fourth point
print(
    f"{points.shape[0]} points and {centres.shape[0]} centres, {points.shape[1]} features"
)

# %% [markdown]
# ## Step 1: every distance at once
#
# We need the squared distance from each of the *n* points to each of the *K* centres:
# an *n × K* table. Broadcasting builds it without a loop: `points[:, None, :]` has
# shape (6, 1, 2) and `centres[None, :, :]` has shape (1, 2, 2), so their difference has
# shape (6, 2, 2) — point × centre × feature.

# %%
differences = points[:, None, :] - centres[None, :, :]
squared_distances = (differences**2).sum(axis=2)
print(squared_distances)

# %% [markdown]
# That intermediate (n, K, features) array gets large: a million customers, 8 centres
# and 8 features make 64 million numbers. Expanding the square avoids it:
#
# $$\lVert x - c\rVert^2 = \lVert x\rVert^2 - 2\,x\cdot c + \lVert c\rVert^2,$$
#
# and all the products $x\cdot c$ are **one matrix product**, `points @ centres.T`,
# which NumPy hands to an optimised linear-algebra library. Rounding can make a true
# zero come out as a tiny negative number, so we clip at 0.


# %%
def squared_distances_by_hand(X, C):
    """n x K table of squared distances, by the expansion ||x||² - 2 x·c + ||c||²."""
    table = (X**2).sum(axis=1)[:, None] - 2.0 * X @ C.T + (C**2).sum(axis=1)[None, :]
    return np.maximum(table, 0.0)


by_expansion = squared_distances_by_hand(points, centres)
print(by_expansion.round(3))
print("same table as by broadcasting:", np.allclose(by_expansion, squared_distances))

# %% [markdown]
# ## Step 2: assign each point to the nearest centre
#
# The nearest centre of each point is the column with the smallest value in its row:
# `argmin(axis=1)`. (If two centres are equally near, `argmin` takes the first.)

# %%
labels = squared_distances.argmin(axis=1)
print("labels:", labels)

# %% [markdown]
# ## Step 3: move each centre to the mean of its cluster
#
# A boolean mask picks the points of cluster *j*, and `.mean(axis=0)` averages them
# feature by feature. A loop over the K clusters is fine — K is small; what must never
# be a Python loop is the loop over the points.


# %%
def update_by_hand(X, labels, k):
    """Each centre moves to the mean of its points."""
    return np.array([X[labels == j].mean(axis=0) for j in range(k)])


centres_after_one_step = update_by_hand(points, labels, 2)
print(centres_after_one_step.round(3))

# %% [markdown]
# ## Step 4: repeat until nothing changes
#
# When an assignment gives exactly the same labels as the previous one, the update would
# give the same centres again: the loop has **converged**. We also stop after `max_iter`
# rounds, in case it takes very long.


# %%
def kmeans_by_hand(X, start, max_iter=100):
    """Lloyd's K-Means from the centres `start`; returns centres, labels and the
    number of assignments made."""
    centres, labels, n_assignments = start.copy(), None, 0
    while n_assignments < max_iter:
        n_assignments += 1
        new_labels = squared_distances_by_hand(X, centres).argmin(axis=1)
        if labels is not None and np.array_equal(new_labels, labels):
            break  # nothing changed: converged
        labels = new_labels
        centres = update_by_hand(X, labels, len(centres))
    return centres, labels, n_assignments


tiny_centres, tiny_labels, tiny_rounds = kmeans_by_hand(points, centres)
print(f"converged after {tiny_rounds} assignments; labels {tiny_labels}")
print(tiny_centres.round(3))

# %% [markdown]
# ## The packaged class: KMeansScratch
#
# `course_utils.kmeans.KMeansScratch` is the same loop, written for real use and with
# scikit-learn's interface (`fit`, `predict`, `labels_`, `cluster_centers_`, `inertia_`);
# open `course_utils/kmeans.py` and you can read it end to end. On top of our twenty
# lines it has [k-means++](../appendix/glossary.md#k-means) starts and restarts (below),
# a rule for empty clusters (below), and scikit-learn's extra stopping rule: stop early
# when the centres moved less than `tol` (relative to the spread of the data). With
# `tol=0` it stops exactly when our loop does. It also records every step in `history_`,
# for pictures.
#
# On the course's blobs (`make_course_blobs`: 300 points in four well-separated groups),
# from the same random start, our loop and `KMeansScratch` agree:

# %%
from course_utils.datasets import make_course_blobs
from course_utils.kmeans import KMeansScratch

X_blobs, y_blobs = make_course_blobs()
start_rows = np.random.default_rng(6).choice(len(X_blobs), size=4, replace=False)
start = X_blobs[start_rows]
model = KMeansScratch(n_clusters=4, init=start, tol=0.0).fit(X_blobs)
hand_centres, hand_labels, hand_rounds = kmeans_by_hand(X_blobs, start)
print("same labels:", np.array_equal(model.labels_, hand_labels))
print("same centres:", np.allclose(model.cluster_centers_, hand_centres))
print(
    f"iterations: {model.n_iter_} (ours: {hand_rounds}); inertia {model.inertia_:.3f}"
)

# %% [markdown]
# ### Watching it iterate
#
# `model.history_` holds every step of that run, and the figure shows all of them, from
# the start to the last update, two per row: colours are the current clusters, stars the
# current centres, dashed lines the path each centre has travelled. *What to see:* the
# start is poor — three stars crowd in or beside one group (the cell below the figure
# counts the true groups they start in) — yet within a few steps each star walks into a
# group of its own, and the inertia in the panels' titles never goes up (the last two
# steps tie).

# %% mystnb={"image": {"alt": "Panels of the 300 blob points, one per step of the run, two per row, coloured by their current cluster. At the start three stars sit in or beside the top-middle group and one in the right-hand group; step by step the stars walk along dashed paths until each sits in a group of its own, and the inertia in the titles falls."}}
from course_utils.plots import plot_inertia_history, plot_iterations

BLOB_AXES = {"xlabel": "feature 1 (no unit)", "ylabel": "feature 2 (no unit)"}
plot_iterations(
    X_blobs, model.history_, title="K-Means on the blobs, every step", **BLOB_AXES
)
plt.show()

# %% [markdown]
# The inertia of a step is one NumPy line: `centres[labels]` puts each point's own
# centre beside it, and we add up the squared differences.

# %% mystnb={"image": {"alt": "Line chart of the inertia at each step of the run: a steep fall at the first update, two nearly flat steps, two more steep falls, then flat: it never goes up."}}
from sklearn.metrics import adjusted_rand_score

start_groups = len(set(y_blobs[start_rows]))
final_match = adjusted_rand_score(y_blobs, model.labels_)
print(f"the 4 starting centres lie in {start_groups} of the 4 true groups")
print(f"after {model.n_iter_} iterations, ARI with the true groups: {final_match:.2f}")
inertias = [((X_blobs - s.centers[s.labels]) ** 2).sum() for s in model.history_]
print("inertia per step:", np.round(inertias, 1))
plot_inertia_history(X_blobs, model.history_, title="Inertia never goes up")
plt.show()

# %% [markdown]
# ### Step through it yourself
#
# Move the slider (or press the arrow keys). *Try:* after which step does no point
# change cluster? Change the seed of `start_rows` and re-run.

# %%
from course_utils.explorers import explore


def draw_step(step):
    """Draw one step of the run; return what it shows."""
    plot_iterations(
        X_blobs, model.history_, steps=[step], panel_size=(6.5, 4.8), **BLOB_AXES
    )
    now, before = model.history_[step], model.history_[max(step - 1, 0)]
    inertia = ((X_blobs - now.centers[now.labels]) ** 2).sum()
    changed = (now.labels != before.labels).sum()
    return (
        f"Step {step} of {model.n_iter_}: inertia {inertia:,.1f}; "
        f"{changed} points changed cluster."
    )


explore(
    draw_step,
    step=range(len(model.history_)),
    labels={"step": "step of the run (0 = start)"},
    name="lloyd-steps",
    title="Lloyd's algorithm on the blobs, step by step",
    alt="Scatter plot of the 300 blob points coloured by their current cluster, "
    "stars at the current centres, dashed lines the paths of the centres so far.",
)

# %% [markdown]
# ## Where to start: k-means++ and restarts
#
# The loop only ever goes **downhill**, so it stops at the first valley it finds — a
# *local* optimum. A start with two centres in one group and none in another can get
# stuck: one true group stays split in two and two others share a centre, and no single
# step can fix that.
#
# Here is such a start (random rows of the data, seed 3) beside a good one (seed 6, the
# run above):

# %% mystnb={"image": {"alt": "Two scatter plots of the blobs. Left, the bad start: one group is split between two centres while two other groups share one centre. Right, the good start: one centre in each of the four groups, with a much lower inertia in the title."}}
stuck = KMeansScratch(4, init="random", n_init=1, random_state=3).fit(X_blobs)
fig, axes = plt.subplots(1, 2, figsize=(12, 5), sharex=True, sharey=True)
cluster_scatter(
    X_blobs,
    stuck.labels_,
    centers=stuck.cluster_centers_,
    ax=axes[0],
    title=f"Bad start (seed 3): inertia {stuck.inertia_:.1f}",
    **BLOB_AXES,
)
cluster_scatter(
    X_blobs,
    model.labels_,
    centers=model.cluster_centers_,
    ax=axes[1],
    title=f"Good start (seed 6): inertia {model.inertia_:.1f}",
    **BLOB_AXES,
)
plt.show()

# %% [markdown]
# **k-means++** chooses the starting centres one by one, each drawn with probability
# proportional to its squared distance from the nearest centre already chosen — so the
# centres spread out over the data. (`KMeansScratch` uses the *greedy* variant, as
# scikit-learn does: it draws a few candidates each time and keeps the one that lowers
# the inertia most.) **Restarts** ([`n_init`](../appendix/glossary.md#n_init)) run the
# whole loop from several starts and keep the lowest inertia.
#
# How often does each recipe end stuck? We fit each one with 30 different seeds and
# count the runs whose inertia is more than 1 % above the best found:

# %%
import pandas as pd

recipes = {
    "random start, n_init=1": ("random", 1),
    "k-means++, n_init=1": ("k-means++", 1),
    "random starts, n_init=10": ("random", 10),
}
results = {}
for name, (init, n_init) in recipes.items():
    runs = [
        KMeansScratch(4, init=init, n_init=n_init, random_state=seed).fit(X_blobs)
        for seed in range(30)
    ]
    results[name] = [run.inertia_ for run in runs]
best = min(min(values) for values in results.values())
summary = pd.DataFrame(
    {
        "stuck runs (of 30)": {
            name: sum(v > 1.01 * best for v in values)
            for name, values in results.items()
        },
        "worst inertia": {
            name: round(max(values), 1) for name, values in results.items()
        },
    }
)
print(f"best inertia found: {best:.1f}")
print(summary.to_string())

# %% [markdown]
# Single random starts got stuck often; k-means++ and ten random restarts never did on
# these blobs. On harder data k-means++ can also get stuck, so the course always passes
# `n_init` explicitly and uses several restarts when the result matters.

# %% [markdown]
# ## The same answer as scikit-learn
#
# A hand-written algorithm is only trustworthy once it has been checked against a
# reference. Given the same starting centres, `KMeansScratch` and scikit-learn's
# `KMeans` ([Lloyd's](../appendix/glossary.md#lloyds-algorithm) algorithm, one start)
# must agree point for point. We check it on lesson 1's scaled customers (the course's
# tests check it on many more data sets and starts):

# %%
from sklearn.cluster import KMeans
from sklearn.preprocessing import StandardScaler

from course_utils.datasets import AGE, INCOME, make_age_income_customers

customers = make_age_income_customers(random_state=DATA_SEED)
X_customers = StandardScaler().fit_transform(customers[[AGE, INCOME]])
start_4 = X_customers[
    np.random.default_rng(0).choice(len(X_customers), 4, replace=False)
]
ours = KMeansScratch(4, init=start_4).fit(X_customers)
theirs = KMeans(4, init=start_4, n_init=1, algorithm="lloyd").fit(X_customers)
print(f"ours:         inertia {ours.inertia_:.4f} after {ours.n_iter_} iterations")
print(f"scikit-learn: inertia {theirs.inertia_:.4f} after {theirs.n_iter_} iterations")
same_labels = np.array_equal(ours.labels_, theirs.labels_)
print(f"labels identical for all {len(ours.labels_)} customers: {same_labels}")
print("inertia equal to 1e-9:", np.isclose(ours.inertia_, theirs.inertia_, rtol=1e-9))

# %% [markdown]
# ## Why vectorise? A loop over points against NumPy
#
# Here is K-Means the way one might first write it in plain Python, with loops over
# points, centres and features — and our NumPy steps run for the same number of rounds.
# First we check that they agree; then we time them on 3,000 points.


# %%
def kmeans_python_loops(X, start, rounds):
    """K-Means with plain Python loops: clear, correct and slow."""
    data, centres = X.tolist(), start.tolist()
    for _ in range(rounds):
        labels = []
        for point in data:
            distances = [
                sum((p - c) ** 2 for p, c in zip(point, centre, strict=True))
                for centre in centres
            ]
            labels.append(distances.index(min(distances)))
        for j in range(len(centres)):
            members = [
                point for point, label in zip(data, labels, strict=True) if label == j
            ]
            centres[j] = [
                sum(values) / len(members) for values in zip(*members, strict=True)
            ]
    return np.array(centres), np.array(labels)


def kmeans_numpy(X, start, rounds):
    """The same rounds with the vectorised steps."""
    centres = start.copy()
    for _ in range(rounds):
        labels = squared_distances_by_hand(X, centres).argmin(axis=1)
        centres = update_by_hand(X, labels, len(centres))
    return centres, labels


X_timing = make_course_blobs(n_samples=3000, random_state=1)[0]
start_timing = X_timing[:4]
loop_result = kmeans_python_loops(X_timing, start_timing, rounds=5)
numpy_result = kmeans_numpy(X_timing, start_timing, rounds=5)
print("same labels:", np.array_equal(loop_result[1], numpy_result[1]))
print("same centres:", np.allclose(loop_result[0], numpy_result[0]))

# %% tags=["nbval-ignore-output"]
import timeit

loop_seconds = min(
    timeit.repeat(
        lambda: kmeans_python_loops(X_timing, start_timing, 5), number=1, repeat=3
    )
)
numpy_seconds = min(
    timeit.repeat(lambda: kmeans_numpy(X_timing, start_timing, 5), number=1, repeat=3)
)
print(f"Python loops: {1e3 * loop_seconds:8.1f} ms")
print(f"NumPy:        {1e3 * numpy_seconds:8.1f} ms")
print(
    f"NumPy is about {loop_seconds / numpy_seconds:.0f} times faster on this computer"
)

# %% [markdown]
# The exact numbers depend on your computer; the gap comes from how much each version
# leaves to Python: the loop version runs Python code for every point, centre and
# feature, the NumPy version runs a handful of operations that each process all points
# in compiled code.
#
# How far is plain NumPy from scikit-learn? We time one iteration of `KMeansScratch` and
# of scikit-learn's `KMeans` on 100,000 points, from the same start (best of three
# fits):

# %% tags=["nbval-ignore-output"]
X_big = np.random.default_rng(0).normal(size=(100_000, 2))
start_big = X_big[:5]
per_iteration = {}
for name, estimator in {
    "KMeansScratch": KMeansScratch(5, init=start_big, max_iter=10, tol=0.0),
    "scikit-learn": KMeans(5, init=start_big, n_init=1, max_iter=10, tol=0.0),
}.items():
    fit_seconds = timeit.repeat(lambda e=estimator: e.fit(X_big), number=1, repeat=3)
    per_iteration[name] = min(fit_seconds) / estimator.n_iter_
    print(f"{name:>14}: {1e3 * per_iteration[name]:6.2f} ms per iteration")
ratio = per_iteration["KMeansScratch"] / per_iteration["scikit-learn"]
print(f"KMeansScratch takes {ratio:.1f} times as long as scikit-learn")

# %% [markdown]
# Our NumPy loop is slower, by the factor you just measured (the course's benchmark,
# `tools/bench_kmeans.py`, compares them on up to a million points). scikit-learn is
# faster because its loop is **compiled** (Cython): it takes the points in **chunks** of
# 256 that stay in the processor's cache, finds each point's nearest centre and adds it
# to its cluster's sum in the same pass, and shares the chunks among **threads** on
# several cores (a gain the factor above leaves out when `OMP_NUM_THREADS=1` allows one
# thread, as in the course's committed outputs and `make lab`). Our version makes
# several passes over the whole data per iteration — the table of scores, `argmin`, the
# sums — each one fast, but each one reading all the points again.

# %% [markdown]
# ## What K-Means cannot do
#
# K-Means is fast and simple, and its assumptions are strong: K is given; every cluster
# is a round ball around its centre, of similar size and spread; every point belongs to
# some cluster. Each limitation below has a picture.
#
# ### 1. K must be chosen
#
# K-Means returns exactly the K clusters you ask for — on the four blobs it happily
# makes 2, 3 or 6 — and the inertia falls as K grows (see the titles below), so the
# smallest inertia cannot choose K. Lesson 3 is about choosing it.

# %% mystnb={"image": {"alt": "Four scatter plots of the blobs in a two-by-two grid, clustered with K = 2, 3, 4 and 6. With 2 and 3, true groups are merged; with 4, one cluster per group; with 6, two groups are cut in two. The inertia in the titles falls as K grows."}}
fig, axes = plt.subplots(2, 2, figsize=(11, 9), sharex=True, sharey=True)
inertia_by_k = {}
for ax, k in zip(axes.flat, [2, 3, 4, 6], strict=True):
    fitted = KMeansScratch(k, n_init=KMEANS_N_INIT, random_state=MODEL_SEED)
    fitted.fit(X_blobs)
    inertia_by_k[k] = fitted.inertia_
    cluster_scatter(
        X_blobs,
        fitted.labels_,
        centers=fitted.cluster_centers_,
        ax=ax,
        legend=False,
        title=f"K = {k}: inertia {fitted.inertia_:.0f}",
        **BLOB_AXES,
    )
plt.show()
print("inertia by K:", {k: round(value, 1) for k, value in inertia_by_k.items()})

# %% [markdown]
# ### 2. Round, similar clusters only
#
# Every point goes to its *nearest* centre, so the border between two clusters is always
# the straight line halfway between their centres. Groups that are stretched, or curved
# like the two moons, are cut where the geometry says, not where the groups are. The
# adjusted Rand index (ARI; 1 = the true groups exactly, about 0 = no better than
# chance) measures the damage.

# %% mystnb={"image": {"alt": "Two scatter plots. Left, three long thin diagonal groups, cut by K-Means across their length. Right, two interleaved half-moons, cut by a straight line into a left and a right half."}}
from course_utils.datasets import make_course_moons

X_stretched, y_stretched = make_course_blobs(n_samples=300, centers=3, random_state=170)
X_stretched = X_stretched @ np.array(
    [[0.6, -0.64], [-0.41, 0.85]]
)  # shear: long thin groups
X_moons, y_moons = make_course_moons()
fig, axes = plt.subplots(1, 2, figsize=(12, 5))
shape_ari = {}
for ax, (name, X_shape, y_shape, k) in zip(
    axes,
    [("stretched blobs", X_stretched, y_stretched, 3), ("moons", X_moons, y_moons, 2)],
    strict=True,
):
    fitted = KMeansScratch(k, n_init=KMEANS_N_INIT, random_state=MODEL_SEED)
    fitted.fit(X_shape)
    shape_ari[name] = adjusted_rand_score(y_shape, fitted.labels_)
    cluster_scatter(
        X_shape,
        fitted.labels_,
        centers=fitted.cluster_centers_,
        ax=ax,
        title=f"{name}: ARI {shape_ari[name]:.2f}",
        **BLOB_AXES,
    )
plt.show()
for name, value in shape_ari.items():
    print(f"ARI on the {name}: {value:.2f}")

# %% [markdown]
# ### 3. Outliers pull centres
#
# Every point must belong to a cluster and the mean feels every point. Add five far-away
# points to the blobs and ask for K = 4: the outliers take a centre of their own, and to
# pay for it two real groups are merged under one centre.

# %% mystnb={"image": {"alt": "Scatter plot of the blobs with five outliers far to the upper right: the outliers form a cluster of their own, and two of the four real groups share one colour and one centre between them."}}
outliers = np.array(
    [[25.0, 25.0], [26.0, 24.0], [24.0, 26.0], [25.5, 25.5], [24.5, 24.0]]
)
X_outliers = np.vstack([X_blobs, outliers])
with_outliers = KMeansScratch(4, n_init=KMEANS_N_INIT, random_state=MODEL_SEED)
with_outliers.fit(X_outliers)
sizes = np.bincount(with_outliers.labels_)
outlier_cluster = with_outliers.labels_[-1]
print("cluster sizes:", sizes.tolist())
print(f"the outliers' cluster has {sizes[outlier_cluster]} points")
print(f"the largest cluster has {sizes.max()} points (each blob has 75)")
cluster_scatter(
    X_outliers,
    with_outliers.labels_,
    centers=with_outliers.cluster_centers_,
    title="Five outliers take a whole centre",
    **BLOB_AXES,
)
plt.show()

# %% [markdown]
# ## More of what K-Means cannot do
#
# Three more limits: two with a picture of their own, and a bad start, which the
# picture of the stuck run above already shows.
#
# ### 4. Groups of different density
#
# A tight group of 250 customers next to a loose group of 50: the border sits halfway
# between the centres, so the loose group's points nearest the tight group are given to
# it.

# %% mystnb={"image": {"alt": "Scatter plot of a tight round group on the left and a loose group on the right: the straight border between the two clusters runs close to the loose group, so its left-hand points are coloured as the tight group."}}
rng = np.random.default_rng(1)
X_density = np.vstack(
    [
        rng.normal([0.0, 0.0], 0.3, size=(250, 2)),
        rng.normal([3.5, 0.0], 1.5, size=(50, 2)),
    ]
)
y_density = np.repeat([0, 1], [250, 50])
density_fit = KMeansScratch(2, n_init=KMEANS_N_INIT, random_state=MODEL_SEED)
density_fit.fit(X_density)
tight_label = np.bincount(density_fit.labels_[:250]).argmax()
taken = int((density_fit.labels_[250:] == tight_label).sum())
print(
    f"{taken} of the 50 loose points are put with the tight group; "
    f"ARI {adjusted_rand_score(y_density, density_fit.labels_):.2f}"
)
cluster_scatter(
    X_density,
    density_fit.labels_,
    centers=density_fit.cluster_centers_,
    title="The border ignores density",
    **BLOB_AXES,
)
plt.show()

# %% [markdown]
# ### 5. A bad start gives a bad answer
#
# Look again at the stuck run in the picture beside the good one, above: it has
# converged — no step can improve it — yet its inertia is several times the best. Only
# another start can help: use k-means++ and several restarts (`n_init`), and compare the
# inertias of the runs.

# %%
print(
    f"stuck run: {stuck.n_iter_} iterations, inertia {stuck.inertia_:.1f} = "
    f"{stuck.inertia_ / model.inertia_:.1f} x the good run's {model.inertia_:.1f}"
)

# %% [markdown]
#
# ### 6. Empty clusters
#
# If every point has some other centre nearer than a given one, no point is assigned to
# it. Here we start from three data points near the top of the picture and a fourth
# centre just beyond the data's top-right corner. Our hand-written `update_by_hand`
# would then take the mean of nothing:

# %%
far_start = np.vstack([X_blobs[[0, 1, 2]], [[8.0, 14.0]]])  # 3 points, 1 off the data
empty_labels = squared_distances_by_hand(X_blobs, far_start).argmin(axis=1)
print(
    "points per cluster at the start:", np.bincount(empty_labels, minlength=4).tolist()
)
import warnings

with warnings.catch_warnings():
    warnings.simplefilter("ignore", RuntimeWarning)  # "Mean of empty slice"
    print("naive update:\n", update_by_hand(X_blobs, empty_labels, 4).round(2))

# %% [markdown]
# A `NaN` centre poisons every later step. `KMeansScratch` follows scikit-learn's rule
# instead: an empty cluster's centre jumps to the point that lies **farthest from its
# own centre** — the point that fits its cluster worst. The panels show the empty start,
# the jump after one update, the step after it, and the end (`steps=` chooses which to
# draw).

# %% mystnb={"image": {"alt": "Four panels of the blobs in a two-by-two grid. At the start one star sits off the top-right corner of the data with no points. After one update it has jumped onto a point of the bottom group, the point farthest from its own centre; by the end each of the four stars sits in a group of its own."}}
relocated = KMeansScratch(4, init=far_start, tol=0.0).fit(X_blobs)
plot_iterations(
    X_blobs,
    relocated.history_,
    steps=[0, 1, 2, relocated.n_iter_],
    title="An empty cluster's centre jumps to the worst-fitting point",
    **BLOB_AXES,
)
plt.show()
print("points per cluster at the end:", np.bincount(relocated.labels_).tolist())

# %% [markdown]
# ## Key takeaways
#
# - K-Means alternates two steps — assign each point to its nearest centre, move each
#   centre to the mean of its points — and each step lowers the inertia or leaves it
#   unchanged.
# - Vectorise: one matrix product gives every distance
#   ($\lVert x\rVert^2 - 2x\cdot c + \lVert c\rVert^2$), `argmin` assigns, and a boolean
#   mask per cluster updates. Never loop over the points in Python.
# - The loop stops at a *local* optimum that depends on the start: use k-means++ and
#   several restarts (`n_init`), and compare inertias.
# - Check your own implementation against a reference: from the same start,
#   `KMeansScratch` and scikit-learn give identical labels and inertia.
# - K-Means needs K, assumes round clusters of similar size and density, is pulled by
#   outliers, and needs a rule for empty clusters. Lesson 4 meets algorithms without
#   some of these assumptions.

# %% [markdown]
# ## Exercises
#
# Each exercise checks itself: here your answers are functions, and
# `exercise("2.1").check(your_function)` calls yours on small inputs of its own and says
# whether it returns the right thing (✔) or what is wrong (✘). The cell under each
# exercise gives a hint; run it again for the next one. `exercise("2.1").solution()`
# shows the model answer (on the website it is folded under the exercise).
#
# ### Exercise 2.1 — Plain k-means++ by hand
#
# Write `plus_plus_start(X, k, rng)`, which returns k starting centres, one row each:
# pick the first centre uniformly at random, then each next one with probability
# proportional to the squared distance from the nearest centre so far (use
# `squared_distances_by_hand` and `rng.choice(len(X), p=...)`). Check it with
# `exercise("2.1").check(plus_plus_start)` (the function itself, without brackets). Run
# `kmeans_by_hand` on the blobs from your starts for seeds 0–29. How many runs get stuck
# (inertia more than 1 % above the best found in the table above)? Compare with the
# random starts, and say why.

# %% mystnb={"code_prompt_hide": "Hide hint", "code_prompt_show": "Show hint"} tags=["hide-output"]
from course_utils.exercises import exercise

exercise("2.1").hint()  # run this cell again for the next hint


# %% tags=["solution", "hide-cell"]
def plus_plus_start(X, k, rng):
    chosen = [X[rng.integers(len(X))]]
    for _ in range(1, k):
        nearest = squared_distances_by_hand(X, np.array(chosen)).min(axis=1)
        chosen.append(X[rng.choice(len(X), p=nearest / nearest.sum())])
    return np.array(chosen)


exercise("2.1").check(plus_plus_start)
stuck_runs = 0
for seed in range(30):
    pp_centres, pp_labels, _ = kmeans_by_hand(
        X_blobs, plus_plus_start(X_blobs, 4, np.random.default_rng(seed))
    )
    pp_inertia = ((X_blobs - pp_centres[pp_labels]) ** 2).sum()
    stuck_runs += pp_inertia > 1.01 * best
random_stuck = summary.loc["random start, n_init=1", "stuck runs (of 30)"]
print(f"plain k-means++: {stuck_runs} of 30 runs stuck (random starts: {random_stuck})")
# Plain k-means++ gets stuck far less often than a single random start (the two numbers
# printed above). Once a centre sits in a group, that group's points are near it and are
# rarely drawn again, so the next centres tend to land in groups that have none yet, and
# a start with a centre in each group converges to the best answer. It is still a draw,
# not a guarantee: hence the greedy variant (none stuck in the table) and restarts.

# %% [markdown]
# ### Exercise 2.2 — An update that survives empty clusters
#
# Write `update_keeping_empty(X, labels, old_centres)`: like `update_by_hand`, but a
# cluster with no points keeps its old centre instead of becoming `NaN`, and the old
# centres you are given are left unchanged. Check it with
# `exercise("2.2").check(update_keeping_empty)`. Run the loop from `far_start`. Does
# the far centre ever get points? What does this tell you about the "keep the old
# centre" rule compared with `KMeansScratch`'s rule?

# %% mystnb={"code_prompt_hide": "Hide hint", "code_prompt_show": "Show hint"} tags=["hide-output"]
from course_utils.exercises import exercise

exercise("2.2").hint()  # run this cell again for the next hint


# %% tags=["solution", "hide-cell"]
def update_keeping_empty(X, labels, old_centres):
    new = old_centres.copy()
    for j in range(len(old_centres)):
        if np.any(labels == j):
            new[j] = X[labels == j].mean(axis=0)
    return new


exercise("2.2").check(update_keeping_empty)
keep_centres = far_start.copy()
for _ in range(20):
    keep_labels = squared_distances_by_hand(X_blobs, keep_centres).argmin(axis=1)
    keep_centres = update_keeping_empty(X_blobs, keep_labels, keep_centres)
print("points per cluster:", np.bincount(keep_labels, minlength=4).tolist())
keep_inertia = ((X_blobs - keep_centres[keep_labels]) ** 2).sum()
print(f"inertia {keep_inertia:.1f} vs {relocated.inertia_:.1f} with relocation")
# The far centre never gets a point: it stays where it started, off the data, and two
# groups end up sharing one centre (the 150 above), with a much higher inertia. Keeping
# the old centre only avoids the NaN; it leaves a centre that no point will ever choose.
# Moving it onto the worst-fitting point, as KMeansScratch and scikit-learn do, puts it
# back to work.

# %% [markdown]
# ### Exercise 2.3 — An update without a loop over clusters
#
# `update_by_hand` loops over the K clusters. Write `update_with_bincount(X, labels, k)`
# without any Python loop over clusters: `np.bincount(labels, minlength=k)` counts the
# points of each cluster, and `np.bincount(labels, weights=X[:, f], minlength=k)` sums
# feature `f` per cluster. Check it with `exercise("2.3").check(update_with_bincount)`,
# and check that it gives the same centres as `update_by_hand` on the blobs with
# `model.labels_`. Which loop is left, and why is it harmless?

# %% mystnb={"code_prompt_hide": "Hide hint", "code_prompt_show": "Show hint"} tags=["hide-output"]
from course_utils.exercises import exercise

exercise("2.3").hint()  # run this cell again for the next hint


# %% tags=["solution", "hide-cell"]
def update_with_bincount(X, labels, k):
    counts = np.bincount(labels, minlength=k)
    sums = np.stack(
        [np.bincount(labels, weights=X[:, f], minlength=k) for f in range(X.shape[1])],
        axis=1,
    )
    return sums / counts[:, None]


exercise("2.3").check(update_with_bincount)
by_bincount = update_with_bincount(X_blobs, model.labels_, 4)
print(by_bincount.round(3))
print(
    "same as update_by_hand:",
    np.allclose(by_bincount, update_by_hand(X_blobs, model.labels_, 4)),
)
# The loop left is over the features, which are few (here 2); each bincount handles all
# the points in one pass of compiled code, whatever K is. The mask version reads all the
# points once per cluster, so its cost grows with K; this one reads them once per
# feature.

# %% [markdown]
# **Quiz:** lesson 06 has questions on this lesson.
