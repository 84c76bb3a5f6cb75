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
# # Lesson 7 — Segments in practice
#
# **Learning objectives.** By the end of this lesson you will be able to:
# - save a fitted scaling + K-Means pipeline with its segment names in a format that is safe
#   to load, and load it back ([a model you can keep](#a-model-you-can-keep));
# - score new customers with the saved model and flag those who fit no segment well
#   ([new customers](#new-customers));
# - notice drift: compare a later quarter with the training customers and decide by a
#   computed rule when to refit ([drift](#drift));
# - cluster a million customers, in memory and chunk by chunk from a CSV file, and say when
#   one machine stops being enough ([a million customers](#a-million-customers));
# - follow a checklist to find, check and use segments in your own table
#   ([your own data](#your-own-data)).
#
# **Time:** about 40 minutes. **Prerequisites:** lesson 5 (the mall case study); lessons 1
# and 3 (scaling, choosing K).
#
# Lesson 5 ended with five named segments. This lesson is about what happens next: next
# week's customers must be put in the right segment, the segments must be watched in case
# they stop fitting, and the same recipe must run on a far bigger customer base — and on
# yours.

# %% [markdown]
# ## A model you can keep
#
# The loader reads the real `data/Mall_Customers.csv` if you saved it there, else the
# course's synthetic replica, and says which:

# %%
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from course_utils.mall import INCOME_COLUMN, SCORE_COLUMN
from course_utils.mall_loader import load_mall_customers
from course_utils.settings import KMEANS_N_INIT, MALL_FEATURES, MALL_K, MODEL_SEED
from course_utils.style import cluster_scatter, use_course_style

use_course_style()
customers = load_mall_customers()
print(customers.attrs["description"])
FEATURES = list(MALL_FEATURES)  # income and spending score
UNITS = ["Annual income (k$)", "Spending score (1-100)"]

# %% [markdown]
# Lesson 5 scaled income and score, then ran K-Means with K = 5. To keep that as *one*
# object, put both steps in a scikit-learn `Pipeline`: `fit` learns the means and standard
# deviations *and* the centres, and `predict` applies the same scaling to new customers
# before it picks their nearest centre. Nothing can be forgotten or scaled twice.

# %%
from sklearn.cluster import KMeans
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

K = MALL_K  # the number of segments lesson 5 found
model = make_pipeline(
    StandardScaler(),
    KMeans(n_clusters=K, n_init=KMEANS_N_INIT, random_state=MODEL_SEED),
)
labels = model.fit_predict(customers[FEATURES])
scaler, kmeans = model[0], model[-1]
centres = pd.DataFrame(
    scaler.inverse_transform(kmeans.cluster_centers_), columns=FEATURES
)
centres.insert(0, "customers", np.bincount(labels, minlength=K))
centres.round(1)

# %% [markdown]
# Cluster numbers are arbitrary (lesson 5), so each segment gets a name from its centre by a
# small rule. The pipeline's K-Means works in standardised units, so its centres already
# say how many standard deviations each centre lies above (+) or below (−) the mean of all
# customers. The rule: more than +0.5 is *high*, less than −0.5 is *low*, otherwise
# *middle*.


# %%
def level(gap):
    """'high', 'low' or 'middle': a centre's distance from the mean, in sds."""
    return "high" if gap > 0.5 else "low" if gap < -0.5 else "middle"


gaps = pd.DataFrame(kmeans.cluster_centers_, columns=FEATURES)
names = [f"{level(i)} income, {level(s)} spend" for i, s in gaps.to_numpy()]
print(f"income mean {scaler.mean_[0]:.1f} k$, sd {scaler.scale_[0]:.1f} k$")
print(f"score mean {scaler.mean_[1]:.1f}, sd {scaler.scale_[1]:.1f}")
print(f"distinct names: {len(set(names))} of {K}")
gaps.round(2).set_axis(names)

# %% [markdown]
# Five segments, five different names (the count is printed above): the four corners and the
# middle of lesson 5. Now save the pipeline *and* its names in one file, in the lesson's
# working folder `notebooks/lesson07_files/`: git ignores it, each run writes over what the
# last one saved, and you can delete it after the lesson.
#
# We save with [skops](https://skops.readthedocs.io)' `skops.io` rather than Python's
# `pickle`. **Why not pickle?** Loading a pickle file does not just read data: the file
# tells Python which functions to call to rebuild the objects, and Python calls them. A
# pickle made by someone else can therefore run any command on your computer — delete
# files, send your data away — the moment you load it, before you have looked at anything.
# Never load a pickle (or a `joblib` file, which is a pickle) that you did not make yourself.
# `skops.io` stores the objects' contents instead, and rebuilds only types it trusts: any
# other type it lists, and it refuses to load the file until you say you trust them.

# %%
from pathlib import Path

import skops.io as sio

work = Path("lesson07_files")  # beside the lesson; each run writes over the last one's
work.mkdir(exist_ok=True)
model_file = work / "mall_segments.skops"
sio.dump({"pipeline": model, "names": names}, model_file)
print(f"saved {model_file.name}")

# %% tags=["nbval-ignore-output"]
print(f"size on disk: {model_file.stat().st_size / 1000:.1f} kB")

# %% [markdown]
# A few tens of kilobytes (the size is printed above; it varies a little with the library
# versions): the centres, the scaling and the names are only a few numbers. Before loading,
# ask skops which types in the file it would not rebuild without your say-so:

# %%
untrusted = sio.get_untrusted_types(file=model_file)
print(f"types skops does not trust by default: {untrusted}")
saved = sio.load(model_file)  # no `trusted=`: skops refuses any type it does not trust
loaded, segment_names = saved["pipeline"], saved["names"]
same = (loaded.predict(customers[FEATURES]) == labels).all()
print(f"loaded model gives the same segments: {same}")

# %% [markdown]
# The list is empty: the file holds only scikit-learn estimators, NumPy arrays, strings and
# a dictionary, which skops rebuilds safely, so `load` needs no `trusted=` at all. Had it
# listed a type you do not recognise, the right reaction is to stop and ask where the file
# came from — not to pass the list to `trusted` unread. The loaded pipeline puts every training customer in the same segment as
# before.
#
# ## New customers
#
# Next week, seven new customers join. Their income and score are typed in below; one of
# them earns 300 k$ a year, far more than anyone the model has seen.

# %%
new_customers = pd.DataFrame(
    [(20, 85), (25, 15), (60, 50), (90, 90), (95, 10), (140, 50), (300, 50)],
    columns=FEATURES,
)
new_customers["segment"] = [segment_names[i] for i in loaded.predict(new_customers)]
new_customers.round(2)

# %% [markdown]
# `predict` always answers: every customer gets the *nearest* segment, however far it is. A
# centre 2 k$ away and one 200 k$ away look the same in that column. So measure the distance
# too. `transform` gives each customer's distance to every centre (in standardised units);
# the smallest is the distance to their own segment's centre. How far are the *training*
# customers from their centres? Per segment, the 95th and 99th percentiles:

# %%
train_distance = loaded.transform(customers[FEATURES]).min(axis=1)
train = pd.DataFrame(
    {"segment": [segment_names[i] for i in labels], "distance": train_distance}
)
limits = train.groupby("segment")["distance"].quantile([0.95, 0.99]).unstack()
limits.round(3)

# %% [markdown]
# A new customer further from their centre than 99 % of that segment's own customers does
# not really belong to it. We flag them "fits no segment well" instead of assigning them
# silently:

# %%
distance = loaded.transform(new_customers[FEATURES]).min(axis=1)
new_customers["distance"] = distance.round(2)
new_customers["limit (99 %)"] = limits.loc[new_customers["segment"], 0.99].to_numpy()
fits = new_customers["distance"] <= new_customers["limit (99 %)"]
new_customers["verdict"] = np.where(fits, "fits", "fits no segment well")
for income, verdict in zip(
    new_customers[INCOME_COLUMN], new_customers["verdict"], strict=True
):
    print(f"income {income} k$: {verdict}")
new_customers.round(2)

# %% [markdown]
# The five customers inside the mall's ranges fit their segments. The customers earning
# 140 k$ and 300 k$ get the nearest segment's name, but they are further from it than
# nearly all of its own customers: they are flagged. For such customers a person should
# decide — or, if more of them come, the segments need refitting. On the map (the flagged
# ones as large red crosses):

# %% mystnb={"image": {"alt": "The mall customers coloured by their five named segments, with the seven new customers drawn on top: five fall inside segments, the customers with 140 and 300 k$ income lie far to the right, marked as fitting no segment well."}}
fig, ax = plt.subplots(figsize=(9.5, 6))
legend = dict(enumerate(segment_names))
cluster_scatter(
    customers[FEATURES], labels, centers=centres[FEATURES], ax=ax, label_names=legend
)
new_style = {"s": 250, "linewidths": 2, "zorder": 6}
fit, misfit = new_customers[fits], new_customers[~fits]
ax.scatter(
    fit[INCOME_COLUMN],
    fit[SCORE_COLUMN],
    marker="o",
    facecolors="none",
    edgecolors="black",
    label="new: fits",
    **new_style,
)
ax.scatter(
    misfit[INCOME_COLUMN],
    misfit[SCORE_COLUMN],
    marker="X",
    color="#D55E00",
    label="new: fits no segment well",
    **new_style,
)
ax.set(xlabel=UNITS[0], ylabel=UNITS[1], title="New customers on the mall's segments")
ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=True)
plt.show()

# %% [markdown]
# ## Drift
#
# Customers change. Suppose incomes rose across the board: a later quarter's customers look
# like the mall's, but everyone earns 15 k$ more. `make_later_quarter` draws such a quarter
# from the training customers (with a little noise, so that nobody is an exact copy) and
# shifts the incomes. Score it with the saved model and compare with the training quarter:
# the share of customers in each segment and the mean distance to the nearest centre.

# %%
from course_utils.datasets import make_later_quarter

train_shares = pd.Series(labels).value_counts(normalize=True).sort_index()


def drift_report(quarter):
    """Segment shares and mean distance to the nearest centre of a quarter's customers."""
    quarter_labels = loaded.predict(quarter[FEATURES])
    shares = pd.Series(quarter_labels).value_counts(normalize=True)
    shares = shares.reindex(range(K), fill_value=0.0)
    mean_distance = loaded.transform(quarter[FEATURES]).min(axis=1).mean()
    return shares, mean_distance


# %%
later = make_later_quarter(customers, income_shift=15, random_state=1)
later_shares, later_distance = drift_report(later)
print(
    f"mean distance: training {train_distance.mean():.3f}, later {later_distance:.3f}"
)
pd.DataFrame(
    {"training": train_shares, "later quarter": later_shares}, index=range(K)
).set_axis(segment_names).round(3)

# %% [markdown]
# Some shares move and the customers sit further from the centres. But how much change is
# *normal*? Even without drift, a new quarter is a different sample and its numbers differ
# a little. Measure that: draw 1,000 resamples of the training customers (with replacement,
# same size) and see how far their mean distance and their shares wander by chance alone.
# Changes beyond the 99th percentile of that chance variation are the **refit rule**:

# %%
rng = np.random.default_rng(0)
draws = rng.integers(0, len(customers), size=(1000, len(customers)))
chance_distance = train_distance[draws].mean(axis=1)
chance_shift = np.array(
    [
        np.abs(np.bincount(labels[d], minlength=K) / len(d) - train_shares).max()
        for d in draws
    ]
)
distance_limit = np.quantile(chance_distance, 0.99)
share_limit = np.quantile(chance_shift, 0.99)
print(f"refit if the mean distance exceeds {distance_limit:.3f}", end=" ")
print(f"(training: {train_distance.mean():.3f})")
print(f"or if a segment's share moves by more than {share_limit:.3f}")

# %% [markdown]
# Is it sensitive enough? Apply the rule to quarters whose incomes shifted by 0 to 30 k$:

# %%
shifts = range(0, 35, 5)
rows = []
for shift in shifts:
    quarter = make_later_quarter(customers, income_shift=shift, random_state=1)
    shares, mean_distance = drift_report(quarter)
    share_move = (shares - train_shares).abs().max()
    refit = mean_distance > distance_limit or share_move > share_limit
    rows.append((shift, mean_distance, share_move, refit))
sweep = pd.DataFrame(
    rows, columns=["income shift (k$)", "distance", "share move", "refit"]
)
sweep.round(3)

# %%
shift_axis = sweep["income shift (k$)"]
distance_from = shift_axis[sweep["distance"] > distance_limit].min()
shares_from = shift_axis[sweep["share move"] > share_limit].min()
print(f"no shift: refit {sweep['refit'].iloc[0]}")
print(f"distance crosses its limit from {distance_from} k$")
print(f"shares cross their limit from {shares_from} k$")

# %% [markdown]
# The unshifted quarter stayed under both limits, but that is one draw. How often does a
# quarter with **no drift at all** trip the rule? Draw 200 of them:

# %%
alarms = []
for seed in range(200):
    quarter = make_later_quarter(customers, random_state=seed)
    shares, mean_distance = drift_report(quarter)
    share_move = (shares - train_shares).abs().max()
    alarms.append((mean_distance > distance_limit, share_move > share_limit))
alarms = pd.DataFrame(alarms, columns=["distance", "share"])
print(
    f"of 200 quarters with no drift, over the distance limit: {alarms['distance'].mean():.1%}"
)
print(f"over the share limit: {alarms['share'].mean():.1%}")
print(f"either (the rule fires): {alarms.any(axis=1).mean():.1%}")
print(f"customers in the smallest segment: {np.bincount(labels).min()}")

# %% mystnb={"image": {"alt": "Two panels against the income shift from 0 to 30 k$: the mean distance to the nearest centre rises steadily and crosses its refit limit; the largest change in a segment's share rises more slowly and crosses its limit later."}}
fig, axes = plt.subplots(1, 2, figsize=(11, 5), layout="constrained")
panels = [
    ("distance", distance_limit, "Mean distance to nearest centre\n(standardised)"),
    ("share move", share_limit, "Largest change in a segment's share"),
]
for ax, (column, limit, ylabel) in zip(axes, panels, strict=True):
    ax.plot(
        sweep["income shift (k$)"], sweep[column], marker="o", label="later quarter"
    )
    ax.axhline(limit, color="#D55E00", linestyle="--", label="refit limit (99 %)")
    ax.set(xlabel="Shift of every income (k$)", ylabel=ylabel)
    ax.legend(loc="upper left")
fig.suptitle("Drift: when do the segments stop fitting?")
plt.show()

# %% [markdown]
# *What to see:* as incomes drift, the mean distance rises first and crosses its limit at the shift
# printed above; segment shares cross theirs only at a larger shift, because customers first
# move *within* their segment before they cross into another. Watching shares alone would
# notice drift late.
#
# Expect false alarms. Two limits at 99 % each would, if they described new quarters
# exactly, let about 2 % of unchanged quarters through by chance. The rates printed above
# are this run's; if the distance's is higher, that is because a new quarter's customers
# carry a little noise that resampling the training customers does not, so they sit a
# little further from the centres. And the limits are themselves estimates: a segment as
# small as the smallest one (printed above) moves its share by several points between
# samples. So every quarter, score the new customers and compute these two numbers; treat
# one alarm as a reason to look, and refit (and
# re-check K, lesson 3) when an alarm repeats or the distance keeps rising.
#
# ## A million customers
#
# A big shop has millions of customers, not 200. To try it, draw 1,000,000 mall-like
# customers with the same maker (no shift) and scale them with the pipeline's scaler:

# %%
from sklearn.cluster import MiniBatchKMeans

million = make_later_quarter(customers, n_customers=1_000_000, random_state=2)
X_million = scaler.transform(million)
print(f"{len(million):,} customers, {X_million.nbytes / 1e6:.0f} MB as a float array")

# %% [markdown]
# `KMeans` uses every customer in every iteration. `MiniBatchKMeans` moves the centres after
# each small random batch of customers, so an iteration costs far less, at the price of
# slightly less exact centres. Both start from the mall model's centres (`init=`, with
# `n_init=1`): the million look like the mall's customers, so that is a good start, and the
# comparison is about the algorithms rather than the luck of a random start. The times
# depend on your machine, so they are not checked:

# %% tags=["nbval-ignore-output"]
import time

start = {"init": kmeans.cluster_centers_, "n_init": 1, "random_state": MODEL_SEED}
tic = time.perf_counter()
full = KMeans(n_clusters=K, **start).fit(X_million)
full_seconds = time.perf_counter() - tic
tic = time.perf_counter()
mini = MiniBatchKMeans(n_clusters=K, batch_size=4096, **start).fit(X_million)
mini_seconds = time.perf_counter() - tic
print(f"KMeans: {full_seconds:.2f} s, MiniBatchKMeans: {mini_seconds:.2f} s")

# %%
inertia_ratio = mini.inertia_ / full.inertia_
print(f"inertia of MiniBatchKMeans / KMeans: {inertia_ratio:.3f}")

# %% [markdown]
# The mini-batch centres are practically as good: their inertia (the sum of squared
# distances, lesson 2) is within 1 % of K-Means' (the ratio is printed above). Compare the
# two times printed before it: with two features, five clusters and a good start, full
# K-Means needs only a few passes over the data and is already quick, so the saving is
# modest here, if any. Mini-batches save more when each pass is expensive: many features,
# many clusters, many iterations.
#
# The bigger gain of mini-batches is that the data **need not fit in memory**.
# `MiniBatchKMeans.partial_fit` updates the centres from one chunk at a time, and pandas
# reads a CSV file chunk by chunk (`chunksize`). Write the million customers to a CSV file
# in the working folder, then read it twice, 100,000 rows at a time: once to learn the
# scaling (`StandardScaler.partial_fit`), once to move the centres.

# %%
csv_file = work / "million_customers.csv"
million.to_csv(csv_file, index=False)
stream_scaler = StandardScaler()
for chunk in pd.read_csv(csv_file, chunksize=100_000):
    stream_scaler.partial_fit(chunk)
mall_centres = stream_scaler.transform(centres[FEATURES])  # the start, in these units
stream = MiniBatchKMeans(
    n_clusters=K, init=mall_centres, n_init=1, random_state=MODEL_SEED
)
for chunk in pd.read_csv(csv_file, chunksize=100_000):
    stream.partial_fit(stream_scaler.transform(chunk))
stream_centres = stream_scaler.inverse_transform(stream.cluster_centers_)
print(f"chunks read twice: {-(-len(million) // 100_000)} per pass")

# %% [markdown]
# Only one chunk was ever in memory. Are the centres good? Express them in the pipeline's
# scaled units and compare their inertia on all million customers with full K-Means':

# %%
from sklearn.metrics import pairwise_distances_argmin_min

_, stream_distance = pairwise_distances_argmin_min(
    X_million, scaler.transform(pd.DataFrame(stream_centres, columns=FEATURES))
)
stream_ratio = (stream_distance**2).sum() / full.inertia_
print(f"inertia of the chunk-by-chunk centres / KMeans: {stream_ratio:.3f}")
pd.DataFrame(stream_centres, columns=FEATURES).round(1)

# %% [markdown]
# Again within 1 % of full K-Means (printed above), and the centres are close to the mall's
# five centres. Like the in-memory runs, the stream started from the mall model's centres
# (converted to the stream's scaling). Started instead by k-means++ on the first chunk
# alone, it can settle in a worse local optimum: try `init="k-means++"` above and compare
# the ratio.
#
# **When one machine is not enough.** A CSV read in chunks takes you far: a laptop streams
# hundreds of millions of rows this way, just slowly. When the data live in a data lake,
# are too big to read in an acceptable time, or must be clustered every night, the same
# recipe — assemble the columns, scale, K-Means with K = 5 — runs on a cluster of machines
# with Spark MLlib. [Lesson 9](09_beyond_one_machine.ipynb) runs it, on this laptop in Spark's
# local mode, checks it against scikit-learn, and says what it costs. Start on one machine:
# most customer tables fit, and the checks of this course (a baseline, several criteria
# for K, names by rule) are far easier to run there.
#
# ## Your own data
#
# A checklist for your own customer table. Lesson 8 is this checklist as a runnable
# template: give it your CSV and it runs every step, deciding each from evidence and
# printing why.
#
# 1. **Decide what each column is.** An ID (a different value in every row) is never a
#    feature. Whole numbers with only a few values (a channel coded 1–2, a region coded
#    1–3) are categories, not measurements: like text columns, they describe the segments
#    afterwards (lesson 1's encoding trap). Cluster on the columns that describe the
#    behaviour you want to act on.
# 2. **Check each column's shape, then scale.** Spends are usually right-skewed: take
#    `log1p` (not `log`: spends can be zero) of strongly skewed columns, or a few giants
#    decide the segments; then scale, so that the units do not choose the weights
#    (lesson 1). Set outliers aside by a stated rule, and score them at the end.
# 3. **Check that there is structure at all**: compare the best silhouette with the same
#    score on tables without groups that keep each column's shape — each column shuffled
#    on its own (lesson 5), and one correlated cloud made of each column's own values —
#    several draws of each, reading the spread. A symmetric Gaussian cloud fitted to
#    skewed columns has negative spends and flatters any clustering. Look at the
#    per-segment silhouettes too (lesson 3): one good segment can hold a mean up.
# 4. **Choose K with evidence**: the silhouette, the knee, Calinski–Harabasz, a mixture's
#    BIC (lessons 3–5). When they disagree, take the smallest K close to the best
#    silhouette that has no tiny segment and is stable.
# 5. **Check stability**: refit with other seeds and on 80 % subsamples and compare the
#    groupings (ARI). Tiny or unstable segments send you back to steps 1–2.
# 6. **Profile** each segment with a `groupby` in the original units, and describe it by
#    the category columns; **name** it by a rule on its profile, never by its number.
# 7. **Save** the pipeline and names with `skops.io`, with the distance limits (this
#    lesson).
# 8. **Score** new customers, flag those who fit no segment well, and watch for drift.
#
# Exercise 7.3 runs steps 2–6 on a second table the course makes: an online shop's
# customers, with orders per year and average order value. Neither column is strongly
# skewed, so one Gaussian cloud with the same means and covariance is a usable, if rough,
# baseline there; lesson 8's baselines keep each column's own values.

# %% [markdown]
# ## Key takeaways
#
# - A `Pipeline` keeps the scaling and the clustering together, so new customers are scaled
#   exactly like the training customers.
# - Save models with `skops.io` and read its list of untrusted types before loading; never
#   load a pickle you did not make — loading it can run any code.
# - `predict` always names a segment; the distance to the centre, compared with the training
#   customers' distances, says whether the customer really fits.
# - Drift shows first in the distances, later in the segment shares; a limit computed by
#   resampling the training data tells you when a change is more than chance.
# - A million rows fit on a laptop; `MiniBatchKMeans.partial_fit` with pandas `chunksize`
#   clusters a file that does not fit in memory; Spark MLlib's `KMeans` (k-means||) runs the
#   same recipe on many machines (lesson 9).

# %% [markdown]
# ## Exercises
#
# Each exercise checks itself: `exercise("7.1").check(your_answer)` says whether your
# answer is right (✔) or what is wrong with it (✘). The cell under each exercise gives a
# hint; run it again for the next one. `exercise("7.1").solution()` shows the model
# answer (on the website it is folded under the exercise).
#
# ### Exercise 7.1 — Keep the limits with the model
#
# The flagging needed the training customers' distances. Save the 99 % limits (as a dict of
# segment name → limit) in the same skops file as the pipeline and the names, load the file
# back into a fresh variable after checking its untrusted types, and use *only* what you
# loaded to score a customer with income 120 k$ and score 95. Which segment, and does the
# customer fit it? Check the dictionary you loaded with `exercise("7.1").check(kept)`.

# %% mystnb={"code_prompt_hide": "Hide hint", "code_prompt_show": "Show hint"} tags=["hide-output"]
from course_utils.exercises import exercise

exercise("7.1").hint()  # run this cell again for the next hint

# %% tags=["solution", "hide-cell"]
bundle_file = work / "mall_segments_with_limits.skops"
bundle = {"pipeline": model, "names": names, "limits": limits[0.99].to_dict()}
sio.dump(bundle, bundle_file)
to_vet = sio.get_untrusted_types(file=bundle_file)  # read them before loading
kept = sio.load(bundle_file)  # no `trusted=`: skops refuses any type it does not trust
exercise("7.1").check(kept)
customer = pd.DataFrame([(120, 95)], columns=FEATURES)
name = kept["names"][kept["pipeline"].predict(customer)[0]]
gap = kept["pipeline"].transform(customer).min()
fits_well = gap <= kept["limits"][name]
print(f"untrusted types: {to_vet}")
print(f"segment: {name}; distance {gap:.2f}, limit {kept['limits'][name]:.2f}")
print("fits" if fits_well else "fits no segment well")
# The customer earning 120 k$ with score 95 goes to "high income, high spend", at a
# distance of 1.35 from its centre, inside that segment's 99 % limit of 1.71: they fit.
# Saved with the model, the limits let whoever scores next week's customers apply the
# same rule without the training data. The margin is thin: the segment's 95 % limit is
# 1.341 (the limits table above), so a 95 % rule would flag this customer. The limit is
# a choice, and the file should hold the one you chose.

# %% [markdown]
# ### Exercise 7.2 — When spending drifts
#
# Make a later quarter whose spending scores fell by 20 points
# (`make_later_quarter(customers, score_shift=-20, random_state=1)`). Does the refit rule
# fire, and by which of its two numbers? Which segment gains the most customers? Make
# `moves`, each segment's change of share (later quarter minus training, indexed by the
# segment names), and check it with `exercise("7.2").check(moves)`.

# %% mystnb={"code_prompt_hide": "Hide hint", "code_prompt_show": "Show hint"} tags=["hide-output"]
from course_utils.exercises import exercise

exercise("7.2").hint()  # run this cell again for the next hint

# %% tags=["solution", "hide-cell"]
spend_quarter = make_later_quarter(customers, score_shift=-20, random_state=1)
spend_shares, spend_distance = drift_report(spend_quarter)
moves = (spend_shares - train_shares).set_axis(segment_names)
exercise("7.2").check(moves)
print(f"mean distance {spend_distance:.3f} (limit {distance_limit:.3f})")
print(f"largest share move {moves.abs().max():.3f} (limit {share_limit:.3f})")
print(f"segment gaining most: {moves.idxmax()} ({moves.max():+.3f})")
print(moves.round(3).to_string())
# The rule fires, by the mean distance: 0.750 against a limit of 0.548. The largest
# share move, 0.085, stays under its limit of 0.090, so watching shares alone would miss
# a 20-point fall in every score. Customers slide down the spending axis: the low-spend
# segments gain (low income, low spend the most, +0.085), the middle segment and the
# high spenders lose. On the real mall file the middle segment's loss (0.105) crosses the
# share limit too, and high income, low spend gains most, just ahead of the other.

# %% [markdown]
# ### Exercise 7.3 — The checklist on an online shop
#
# `make_online_shop_customers()` (from `course_utils.datasets`) returns 600 customers of an
# online shop: `orders per year` and `average order ($)`. Follow steps 2–6 of the
# checklist: scale the two columns; find the K in 2..8 with the highest silhouette; compare
# that silhouette with one Gaussian cloud of the same means and covariance
# (`rng.multivariate_normal`: is there structure?);
# profile the segments with a `groupby`; name them by a rule like this lesson's. How many
# segments, and what are they? Check your K-Means labels (or the fitted `KMeans`) with
# `exercise("7.3").check(labels)`.

# %% mystnb={"code_prompt_hide": "Hide hint", "code_prompt_show": "Show hint"} tags=["hide-output"]
from course_utils.exercises import exercise

exercise("7.3").hint()  # run this cell again for the next hint

# %% tags=["solution", "hide-cell"]
from sklearn.metrics import silhouette_score

from course_utils.datasets import make_online_shop_customers

shop = make_online_shop_customers()
columns = ["orders per year", "average order ($)"]
X_shop = StandardScaler().fit_transform(shop[columns])
no_groups = rng.multivariate_normal(X_shop.mean(axis=0), np.cov(X_shop.T), len(X_shop))
scores = {}
for k in range(2, 9):
    for data, kind in [(X_shop, "shop"), (no_groups, "no groups")]:
        fitted = KMeans(
            n_clusters=k, n_init=KMEANS_N_INIT, random_state=MODEL_SEED
        ).fit_predict(data)
        scores[(kind, k)] = silhouette_score(data, fitted)
scores = pd.Series(scores).unstack()
best_k = int(scores.loc["shop"].idxmax())
print(f"best K: {best_k}; silhouette {scores.loc['shop'].max():.3f}", end=" ")
print(f"against {scores.loc['no groups'].max():.3f} for one Gaussian cloud")

# %% tags=["solution", "hide-cell"]
shop_model = KMeans(
    n_clusters=best_k, n_init=KMEANS_N_INIT, random_state=MODEL_SEED
).fit(X_shop)
exercise("7.3").check(shop_model)
shop["segment"] = shop_model.labels_
profile = shop.groupby("segment")[columns].mean()
profile.insert(0, "customers", shop["segment"].value_counts().sort_index())
profile["name"] = [
    f"{level(o).replace('high', 'frequent').replace('low', 'occasional')} buyers, "
    f"{level(b).replace('high', 'big').replace('low', 'small')} baskets"
    for o, b in shop_model.cluster_centers_
]
profile.round(1)
# Four segments: the silhouette peaks at K = 4 with 0.704, far above the 0.341 of one
# Gaussian cloud with the same means and covariance, so the groups are real, not an
# artefact of K-Means. They are the four corners of the table: occasional buyers with
# small baskets (247 customers), frequent buyers with small baskets (148), occasional
# buyers with big baskets (119) and frequent buyers with big baskets (86).

# %% [markdown]
# **Quiz:** lesson 6 has questions on this lesson too (the last ones in the bank).
