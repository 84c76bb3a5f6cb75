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
# # Lesson 1 — Scaling and encoding
#
# **Learning objectives.** By the end of this lesson you will be able to:
# - explain why K-Means and other distance-based methods depend on the units of each
#   feature ([distances decide everything](#distances-decide-everything));
# - measure how much each feature weighs in a distance, and scale features so they weigh
#   alike ([the same K-Means before and after
#   scaling](#the-same-k-means-before-and-after-scaling), [the units choose the
#   weights](#the-units-choose-the-weights));
# - choose between `StandardScaler`, `MinMaxScaler` and `RobustScaler`, knowing what one
#   extreme outlier does to each ([three scalers and one
#   outlier](#three-scalers-and-one-outlier));
# - encode a categorical column (label encoding or one-hot) and recognise when it has
#   taken over the clustering ([encoding a categorical
#   column](#encoding-a-categorical-column), [the trap of a scaled gender
#   column](#the-trap-of-a-scaled-gender-column)).
#
# **Time:** about 35 minutes. **Prerequisites:** lesson 0; basic pandas (selecting
# columns, `value_counts`).

# %% [markdown]
# ## Distances decide everything
#
# K-Means (lesson 2) puts each customer in the group of the **nearest** centre, and
# "nearest" means the ordinary straight-line (Euclidean) distance:
#
# $$
# d(a, b) = \sqrt{(\text{age}_a - \text{age}_b)^2 + (\text{income}_a - \text{income}_b)^2}.
# $$
#
# The formula simply adds up numbers, whatever their units. Here are three made-up
# customers: Ben is 30 years older than Ana and earns \$500 more; Cleo is one year older
# than Ana and earns \$2,000 more. Who is closer to Ana?

# %%
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from sklearn import set_config

from course_utils.datasets import AGE, INCOME, SEGMENT, make_age_income_customers
from course_utils.settings import DATA_SEED, KMEANS_N_INIT, MODEL_SEED
from course_utils.style import cluster_scatter, use_course_style

use_course_style()
set_config(transform_output="pandas")  # scikit-learn's scalers return DataFrames

trio = pd.DataFrame(
    {AGE: [25, 55, 26], INCOME: [50_000, 50_500, 52_000]}, index=["Ana", "Ben", "Cleo"]
)
ana_ben = np.linalg.norm(trio.loc["Ana"] - trio.loc["Ben"])
ana_cleo = np.linalg.norm(trio.loc["Ana"] - trio.loc["Cleo"])
print(f"distance Ana-Ben:  {ana_ben:8.1f}   (30 years and $500 apart)")
print(f"distance Ana-Cleo: {ana_cleo:8.1f}   (1 year and $2,000 apart)")

# %% [markdown]
# To the formula, Ben — a generation older — is Ana's near twin, because \$500 is a
# bigger *number* than 30. Income is measured in tens of thousands, age in tens, so
# income drowns age.
#
# How much? Averaged over all pairs of customers, the squared distance is the sum, over
# the features, of twice each feature's variance; so each feature's **share** of the
# distances is its variance divided by the total — one line of pandas. Here it is for
# the course's 300 synthetic customers (lesson 0):

# %%
customers = make_age_income_customers(random_state=DATA_SEED)
X_raw = customers[[AGE, INCOME]]
raw_shares = X_raw.var() / X_raw.var().sum()
print(
    f"share of the squared distances, raw units: age {raw_shares[AGE]:.1e}, "
    f"income {raw_shares[INCOME]:.7f}"
)

# %% [markdown]
# **On average**, age accounts for well under a millionth of the squared distances.
# That is an average over all pairs: how much does it vary from one pair of customers
# to the next? The cell computes age's share of the squared distance for every pair of
# customers, and for Ana and Ben:

# %%
from scipy.spatial.distance import pdist

# squared differences of every pair of customers, one column per feature
squared = pd.DataFrame({f: pdist(X_raw[[f]], "sqeuclidean") for f in X_raw.columns})
age_share_per_pair = squared[AGE] / squared.sum(axis=1)
quantiles = age_share_per_pair.quantile([0.5, 0.95, 0.99, 1.0])
quantiles.index = ["median pair", "95th percentile", "99th percentile", "largest"]
print(f"age's share of the squared distance, over {len(squared)} pairs of customers:")
print(quantiles.to_string(float_format="{:.2g}".format))
ana_ben_squared = (trio.loc["Ana"] - trio.loc["Ben"]) ** 2
print(f"Ana and Ben: age's share {ana_ben_squared[AGE] / ana_ben_squared.sum():.4f}")

# %% [markdown]
# For most pairs age's share is as tiny as the average: under a millionth for the median
# pair, under 0.0004 for 99 % of the pairs. But not for every pair: when two customers
# earn nearly the same, their income difference is small and age weighs far more —
# 0.0036 for Ana and Ben (\$500 apart), thousands of times the average, and up to 0.94
# for the pair with the most similar incomes here. Such pairs are rare, and K-Means
# draws its boundaries between customers whose incomes differ a lot: on raw data it is
# all but blind to age.
#
# ## The same K-Means before and after scaling
#
# **[Standardising](../appendix/glossary.md#scaling)** (scikit-learn's `StandardScaler`)
# rewrites each feature as $(x - \text{mean}) / \text{standard deviation}$: every
# feature then has mean 0 and standard deviation 1, so each gets the same share of the
# distances. Here are the first customers before and after, and the mean and standard
# deviation of the standardised columns:

# %%
from sklearn.preprocessing import StandardScaler

X_std = StandardScaler().fit_transform(X_raw)
print(X_std.agg(["mean", "std"]).round(2).abs().to_string())  # abs: no "-0.0"
pd.concat({"raw": X_raw, "standardised": X_std}, axis=1).head(3).round(2)

# %% [markdown]
# We fit *the same* K-Means (K = 4, the same seed, 10 restarts) on the raw and on the
# standardised data:

# %%
from sklearn.cluster import KMeans

KMEANS = {"n_clusters": 4, "random_state": MODEL_SEED, "n_init": KMEANS_N_INIT}
segments = customers[SEGMENT]
raw_labels = KMeans(**KMEANS).fit_predict(X_raw)
std_labels = KMeans(**KMEANS).fit_predict(X_std)

# %% [markdown]
# To compare the clusters with the true segments in a picture, their colours must agree:
# a cluster's number is arbitrary (K-Means may call the young customers "2"). So we
# first renumber each cluster after the segment it overlaps most — a one-to-one match on
# the crosstab of clusters and segments (SciPy's `linear_sum_assignment`, the Hungarian
# method). After renumbering, the crosstab's diagonal holds the customers whose cluster
# carries the number of their segment:

# %%
from scipy.optimize import linear_sum_assignment


def match_to_segments(labels, segments):
    """Renumber clusters after the segment each overlaps most, one to one.

    Spare clusters (when K is larger than the number of segments) get new numbers.
    """
    overlap = pd.crosstab(labels, segments)
    rows, cols = linear_sum_assignment(overlap.to_numpy(), maximize=True)
    new_number = dict(zip(overlap.index[rows], overlap.columns[cols], strict=True))
    spare = [c for c in overlap.index if c not in new_number]
    first_free = overlap.columns.max() + 1
    new_number.update({c: first_free + i for i, c in enumerate(spare)})
    return pd.Series(labels).map(new_number).to_numpy()


raw_matched = match_to_segments(raw_labels, segments)
std_matched = match_to_segments(std_labels, segments)
pd.crosstab(std_matched, segments, rownames=["cluster (standardised)"])


# %% mystnb={"image": {"alt": "Four scatter plots of the 300 customers. Top: the true segments in raw units (age in years, income in k$) and in standardised units, where the cloud keeps its shape. Bottom: K-Means on raw data cuts horizontal income bands; on standardised data its boundaries are diagonal."}}
in_k = X_raw.assign(**{INCOME: X_raw[INCOME] / 1_000})  # incomes in k$ for the axes
RAW_AXES = {"xlabel": "Age (years)", "ylabel": "Income (k$ per year)"}
STD_AXES = {
    "xlabel": "Age (standard deviations)",
    "ylabel": "Income (standard deviations)",
}
names = {s: f"segment {s}" for s in sorted(segments.unique())}
panels = {
    "True segments (known only here)": (in_k, segments),
    "True segments, standardised data": (X_std, segments),
    "K-Means on raw data": (in_k, raw_matched),
    "K-Means on standardised data": (in_k, std_matched),
}
fig, axes = plt.subplots(2, 2, figsize=(12, 10), layout="constrained")
for ax, (title, (X, labels)) in zip(axes.flat, panels.items(), strict=True):
    cluster_scatter(
        X,
        labels,
        ax=ax,
        title=title,
        label_names=names if title.startswith("True") else None,
        **(STD_AXES if X is X_std else RAW_AXES),
    )
plt.show()

# %% [markdown]
# *What to see:* standardising does not move the customers relative to each other (top
# row: the same cloud, new units on the axes); it changes how much each axis counts in a
# distance. On raw data (bottom left) the clusters are **horizontal bands** — cut by
# income only, at any age. After standardising (bottom right), the boundaries are
# diagonal: age counts too. Compared with the true segments (top left), the income bands
# look *closer*.
#
# ### Why scaling does worse on these customers
#
# Tutorials usually show scaling "fixing" the clusters. Here it does not, and the reason
# is in how the data were made. Here are the segments' recipes:

# %%
from course_utils.datasets import AGE_INCOME_SEGMENTS

recipes = pd.DataFrame(
    AGE_INCOME_SEGMENTS, columns=["age centre", "income centre", "age sd"]
)
recipes["income sd"] = 1000 * recipes["age sd"]
recipes.rename_axis("segment")

# %% [markdown]
# How far apart are neighbouring segments (ordered from young to old), measured in
# standard deviations of the feature? For each pair: the gap between the two centres
# divided by the mean of the two standard deviations.

# %%
ordered = recipes.sort_values("age centre")
separation = pd.DataFrame(
    {
        "age gap (in sd)": ordered["age centre"].diff()
        / ordered["age sd"].rolling(2).mean(),
        "income gap (in sd)": ordered["income centre"].diff()
        / ordered["income sd"].rolling(2).mean(),
    }
).dropna()
pairs = zip(ordered.index[:-1], ordered.index[1:], strict=True)
separation.index = [f"{a} and {b}" for a, b in pairs]
separation.index.name = "segments"
wider = (separation["income gap (in sd)"] > separation["age gap (in sd)"]).sum()
print(f"neighbours further apart in income than in age: {wider} of {len(separation)}")
separation.round(2)

# %% [markdown]
# Every pair of neighbours is further apart in income than in age: income happens to be
# the more informative feature, and age — where the segments overlap more — mostly adds
# noise. A clustering that listens only to income therefore does well, and
# standardising, which gives age an equal say, blurs the boundaries.
#
# ### Putting a number on it: the adjusted Rand index
#
# The pictures suggest it; a score measures it. The **[adjusted Rand
# index](../appendix/glossary.md#adjusted-rand-index)** (ARI) compares two groupings of
# the same customers: 1 = the same grouping (whatever the label numbers), about 0 = no
# better than chance. A real shop has no true segments; the synthetic data let us check.
# The cell scores both clusterings, and K-Means on one feature at a time, against the
# true segments:

# %%
from sklearn.metrics import adjusted_rand_score

age_labels = KMeans(**KMEANS).fit_predict(X_raw[[AGE]])
income_labels = KMeans(**KMEANS).fit_predict(X_raw[[INCOME]])
ari = pd.Series(
    {
        "raw": adjusted_rand_score(segments, raw_labels),
        "standardised": adjusted_rand_score(segments, std_labels),
        "age alone": adjusted_rand_score(segments, age_labels),
        "income alone": adjusted_rand_score(segments, income_labels),
    }
)
print(ari.round(3).to_string())
print(f"raw vs income alone: ARI {adjusted_rand_score(raw_labels, income_labels):.3f}")

# %% [markdown]
# The raw clustering matches the true segments *better* than the standardised one, and
# it is exactly K-Means on income alone (an ARI of 1 between the two: identical groups).
# Of the two features on their own, income scores far higher than age.
#
# ## The units choose the weights
#
# But that was luck of the **units**, not a virtue of raw data. Nothing forces us to
# measure income in dollars: in thousands of dollars, or in millions, the customers are
# the same, yet the raw K-Means finds other clusters. The loop below fits the same
# K-Means on those two unit choices and on the three common scalers (introduced in the
# next section), and fills a table with the ARI against the truth and age's share of
# the distances:

# %%
from sklearn.preprocessing import FunctionTransformer, MinMaxScaler, RobustScaler

SCALERS = {
    "StandardScaler": StandardScaler(),
    "MinMaxScaler": MinMaxScaler(),
    "RobustScaler": RobustScaler(),
}
scalings = {
    "raw, income in $": FunctionTransformer(),  # leaves the data as they are
    "raw, income in k$": FunctionTransformer(lambda x: x / [1, 1_000]),
    "raw, income in $ millions": FunctionTransformer(lambda x: x / [1, 1_000_000]),
    **SCALERS,
}
rows = {}
for name, scaler in scalings.items():
    X_scaled = scaler.fit_transform(X_raw)
    labels = KMeans(**KMEANS).fit_predict(X_scaled)
    rows[name] = {
        "ARI vs truth": adjusted_rand_score(segments, labels),
        "age's share": (X_scaled.var() / X_scaled.var().sum())[AGE],
    }
comparison = pd.DataFrame.from_dict(rows, orient="index").rename_axis("scaling")
comparison.round(3)

# %%
ari = comparison["ARI vs truth"]
share = comparison["age's share"]
for units in ["raw, income in $ millions", "raw, income in k$"]:
    print(f"{units}: age's share {share[units]:.3f}, ARI {ari[units]:.3f}")
k_ratio = (1 - share["raw, income in k$"]) / share["raw, income in k$"]
print(f"income in k$: income weighs {k_ratio:.1f} times as much as age")
print(f"best ARI: {ari.idxmax()}")

# %% [markdown]
# Measured in millions, income has almost no say and the raw K-Means clusters by **age
# alone**, the weaker feature — the ARI drops to that of age alone. Measured in
# thousands, income weighs about four times as much as age, and this particular mix
# scores best of all. Each row is a different, *hidden* weighting of the features,
# chosen by whoever picked the units.
#
# That is the real reason to scale: **without scaling, the units decide the weights**.
# Scaling makes the weights your decision. With no true labels to check against (the
# normal situation), "every feature counts the same" is the sensible default; if you
# know a feature matters more, give it more weight on purpose (exercise 1.3 shows how)
# and say so.
#
# ## Three scalers and one outlier
#
# | scaler | formula | after scaling |
# |---|---|---|
# | `StandardScaler` | $(x - \text{mean}) / \text{sd}$ | mean 0, standard deviation 1 |
# | `MinMaxScaler` | $(x - \min) / (\max - \min)$ | everything between 0 and 1 |
# | `RobustScaler` | $(x - \text{median}) / \text{IQR}$ | median 0, IQR 1 |
#
# (IQR, the interquartile range, is the width of the middle half of the values.) On
# clean data all three give the features comparable shares (the last three rows of the
# table above). They differ when the data hold an **outlier**. Suppose one millionaire,
# with an income of \$1,000,000, joins the 300 customers. The loop fits each scaler on
# the incomes without and with the millionaire, and tabulates the range (max − min) the
# 300 ordinary incomes span after scaling (alone, and with him), the share of that range
# they keep, and where the millionaire lands.

# %%
MILLIONAIRE_INCOME = 1_000_000
incomes = X_raw[[INCOME]]
millionaire = pd.DataFrame({AGE: [50.0], INCOME: [float(MILLIONAIRE_INCOME)]})
plus_one = pd.concat([incomes, millionaire[[INCOME]]], ignore_index=True)
rows = {}
for name, scaler in SCALERS.items():
    alone = scaler.fit_transform(incomes)[INCOME]
    together = scaler.fit_transform(plus_one)[INCOME]
    rows[name] = {
        "range alone": np.ptp(alone),
        "range with him": np.ptp(together.iloc[:-1]),
        "millionaire at": together.iloc[-1],
    }
effect = pd.DataFrame.from_dict(rows, orient="index").rename_axis("scaler")
effect["spread kept"] = effect["range with him"] / effect["range alone"]
effect.round(3)

# %%
for scaler, fraction in effect["spread kept"].items():
    print(f"{scaler:<15} the ordinary incomes keep {fraction:6.1%} of their spread")

# %% [markdown]
# - **MinMaxScaler** is the most fragile: the millionaire becomes the new maximum (1.0),
#   and the 300 ordinary incomes are squeezed into a sliver near 0 — income almost stops
#   counting.
# - **StandardScaler** suffers less, but the one outlier inflates the standard deviation
#   and the ordinary incomes lose more than half their spread.
# - **RobustScaler** uses the median and the interquartile range, which one extreme
#   value hardly moves: the ordinary customers keep their spread.
#
# But no scaler makes the outlier *disappear*: under RobustScaler the millionaire sits
# even further out. Whatever the scaler, K-Means then spends one of its four clusters on
# this single customer:

# %%
with_millionaire = pd.concat([X_raw, millionaire], ignore_index=True)
for name, scaler in SCALERS.items():
    labels = KMeans(**KMEANS).fit_predict(scaler.fit_transform(with_millionaire))
    print(f"{name:<15} smallest cluster: {np.bincount(labels).min()} customer(s)")

# %% [markdown]
# So: look for outliers *before* clustering (a box plot or `describe()` shows them), and
# decide on purpose — correct a typo, cap the value, or set the customer aside and treat
# them separately. RobustScaler is a good default when you expect a few extreme values,
# not a cure.
#
# ## Encoding a categorical column
#
# Distances need numbers, so a column such as *Gender* must be **encoded** first. Our
# synthetic customers have no gender; we give each one a random gender, drawn with a
# fixed seed. Because it is random, it has nothing to do with the segments — keep that
# in mind.

# %%
rng = np.random.default_rng(0)
customers["Gender"] = rng.choice(["Female", "Male"], size=len(customers))
customers["Gender"].value_counts()

# %% [markdown]
# Two common encodings:
#
# - **[Label encoding](../appendix/glossary.md#label-encoding)** replaces each category
#   by an integer (Female → 0, Male → 1; scikit-learn's `OrdinalEncoder`). With more
#   than two categories it invents an *order* and *distances* that mean nothing.
# - **[One-hot encoding](../appendix/glossary.md#one-hot-encoding)** makes one 0/1
#   column per category (`OneHotEncoder`, or `pandas.get_dummies`). Every two different
#   categories end up the same distance apart.
#
# A tiny made-up column with three sales channels shows the difference: each encoding's
# codes, and the distances between the categories they give.

# %%
from scipy.spatial.distance import squareform
from sklearn.preprocessing import OrdinalEncoder

channels = pd.DataFrame({"channel": ["web", "shop", "phone"]})
encoded = {
    "label encoding": OrdinalEncoder(
        categories=[["web", "shop", "phone"]]
    ).fit_transform(channels),
    "one-hot encoding": pd.get_dummies(channels["channel"], dtype=int),
}
for name, codes in encoded.items():
    codes.index = channels["channel"]
    distances = pd.DataFrame(squareform(pdist(codes)), codes.index, codes.index)
    print(f"{name}, codes:\n{codes}\ndistances:\n{distances.round(3)}\n")

# %% [markdown]
# Label encoding claims that "phone" is twice as far from "web" as "shop" is, only
# because of the order we listed them in; one-hot puts every pair at the same distance,
# $\sqrt 2$. For a column with two values, such as Gender, the two encodings carry the
# same information (one 0/1 column is enough).
#
# ## The trap of a scaled gender column
#
# The common recipe is "encode Gender as 0/1, then scale every column". After
# standardising, the 0/1 column has two values only, and the gap between them is large:
# in standard units it is $1/\sqrt{p(1-p)}$, at least 2 (where $p$ is the share of men).
# Translated back into years, being of the other gender then counts as much as this many
# years of age:

# %%
X_gender = X_raw.assign(male=(customers["Gender"] == "Male").astype(int))
gender_scaler = StandardScaler().fit(X_gender)
X_gender_std = gender_scaler.transform(X_gender)
gap = X_gender_std["male"].max() - X_gender_std["male"].min()
print(f"gap between women and men after scaling: {gap:.3f} standard deviations")
years = gap * gender_scaler.scale_[0]
print(f"= the same distance as an age difference of {years:.1f} years")

# %% [markdown]
# A 0/1 column is also perfectly split in two — no customer is "in between" — which
# K-Means loves. Here is the same K-Means on the scaled age, income and gender. A
# crosstab of clusters by gender shows how its clusters split, and counting the rows
# with a zero gives the clusters that hold one gender only (a zero in their row):


# %%
gender_labels = KMeans(**KMEANS).fit_predict(X_gender_std)
by_gender = pd.crosstab(gender_labels, customers["Gender"], rownames=["cluster"])
n_single = (by_gender == 0).any(axis=1).sum()  # clusters with no woman or no man
print(f"single-gender clusters with scaled gender: {n_single} of {len(by_gender)}\n")
print(by_gender)

# %% mystnb={"image": {"alt": "Two scatter plots of age against income in k$. Left: K-Means on scaled age and income, four clusters side by side. Right: with scaled gender added, the clusters lie on top of each other in two age groups, each split by gender."}}
fig, axes = plt.subplots(1, 2, figsize=(12, 5.5), sharey=True, layout="constrained")
cluster_scatter(
    in_k,
    std_matched,
    ax=axes[0],
    title="Scaled age and income",
    **RAW_AXES,
)
cluster_scatter(
    in_k,
    match_to_segments(gender_labels, segments),
    ax=axes[1],
    title="Scaled age, income and gender",
    **RAW_AXES,
)
plt.show()

# %% [markdown]
# *What to see:* with gender in the features, every cluster holds only women or only
# men. In the age × income picture on the right the clusters lie on top of each other —
# two young and two older groups, each split by a random coin toss. For a shop that
# would be two fake "segments" per real one. The clustering without gender (left) has
# both genders in every cluster:

# %%
by_gender_std = pd.crosstab(std_labels, customers["Gender"], rownames=["cluster"])
n_mixed = (by_gender_std == 0).any(axis=1).sum()
print(f"single-gender clusters without gender: {n_mixed} of {len(by_gender_std)}\n")
print(by_gender_std)

# %% [markdown]
# This really happens with real data: lesson 5 shows it on the popular mall-customers
# data, where the common recipe scales Gender together with age, income and spending
# score.
#
# What to do instead: cluster on the features that describe *behaviour* (income,
# spending, ...), then **describe** each cluster by gender afterwards, with a crosstab
# like the one above. If gender must take part, give its column a deliberately small
# weight.

# %% [markdown]
# ## Key takeaways
#
# - Distance-based methods add up differences in whatever units the features have: a
#   feature measured in big numbers (income in dollars) silently decides almost every
#   distance.
# - Without scaling, the **units choose the weights**; scaling makes them your choice.
#   Scaling is not guaranteed to match the truth better (here it did not, because income
#   was the more informative feature), but it stops an accident of units from deciding
#   the result.
# - `StandardScaler` is the usual default; `MinMaxScaler` is the most fragile to
#   outliers; `RobustScaler` keeps ordinary values spread out. No scaler removes an
#   outlier — find and handle outliers first.
# - For a category with more than two values, one-hot avoids the order label encoding
#   invents. A scaled 0/1 column can take over the clustering (here it split every
#   cluster by a random gender): cluster on behaviour, and describe the clusters by such
#   a column afterwards. Exercises 1.1 and 1.3 try other ways of letting it take part.

# %% [markdown]
# ## Exercises
#
# Each exercise checks itself: `exercise("1.1").check(your_answer)` says whether your
# answer is right (✔) or what is wrong with it (✘). The cell under each exercise gives a
# hint; run it again for the next one. `exercise("1.1").solution()` shows the model
# answer (on the website it is folded under the exercise).
#
# ### Exercise 1.1 — One-hot, but unscaled
#
# Instead of scaling a 0/1 gender column, append the two *unscaled* one-hot columns of
# `customers["Gender"]` (values 0 and 1) to the **standardised** age and income
# (`X_std`), and fit the same K-Means (`KMeans(**KMEANS)`). How many clusters are
# single-gender now (count them with a crosstab, as above)? Check your labels with
# `exercise("1.1").check(labels)`. Then explain the difference with the scaled column,
# using the distance between a man and a woman in each encoding.

# %% mystnb={"code_prompt_hide": "Hide hint", "code_prompt_show": "Show hint"} tags=["hide-output"]
from course_utils.exercises import exercise

exercise("1.1").hint()  # run this cell again for the next hint

# %% tags=["solution", "hide-cell"]
from sklearn.preprocessing import OneHotEncoder

one_hot_gender = OneHotEncoder(sparse_output=False).fit_transform(customers[["Gender"]])
labels_one_hot = KMeans(**KMEANS).fit_predict(
    pd.concat([X_std, one_hot_gender], axis=1)
)
exercise("1.1").check(labels_one_hot)
by_gender_one_hot = pd.crosstab(labels_one_hot, customers["Gender"])
n_single_one_hot = (by_gender_one_hot == 0).any(axis=1).sum()
print(
    f"single-gender clusters with unscaled one-hot gender: {n_single_one_hot} "
    f"of {len(by_gender_one_hot)}"
)
print(f"man-woman distance: one-hot {np.sqrt(2):.3f}, scaled 0/1 column {gap:.3f}")
# Why: one-hot puts a man and a woman 1 apart in each of its two columns, a distance of
# √2 ≈ 1.41, while the scaled 0/1 column puts them about 2 apart (printed above). Next to
# age and income, which now spread over about 1 unit each, 1.41 weighs less than 2, so
# fewer clusters split by gender, but still enough to split two of them. The encoding
# changes gender's weight, not whether it takes part: leaving it out (or weighing it
# down, exercise 1.3) is what stops the split.

# %% [markdown]
# ### Exercise 1.2 — Find the millionaire first
#
# Pretend you do not know which customer is unusual. In `with_millionaire`, flag every
# customer whose income lies more than 3 interquartile ranges above the upper quartile
# (a common outlier rule): make `flagged`, one True/False per customer, and check it
# with `exercise("1.2").check(flagged)`. Print how many were flagged, drop them, and
# run the loop over `SCALERS` from the outlier section again. Is any cluster still a
# single customer?

# %% mystnb={"code_prompt_hide": "Hide hint", "code_prompt_show": "Show hint"} tags=["hide-output"]
from course_utils.exercises import exercise

exercise("1.2").hint()  # run this cell again for the next hint

# %% tags=["solution", "hide-cell"]
income = with_millionaire[INCOME]
q1, q3 = income.quantile([0.25, 0.75])
flagged = income > q3 + 3 * (q3 - q1)
exercise("1.2").check(flagged)
print(f"flagged {flagged.sum()} customer(s): incomes {income[flagged].tolist()}")
for name, scaler in SCALERS.items():
    X_clean = scaler.fit_transform(with_millionaire[~flagged])
    labels = KMeans(**KMEANS).fit_predict(X_clean)
    print(f"{name:<15} smallest cluster: {np.bincount(labels).min()} customer(s)")
# No cluster is a single customer any more: each scaler's smallest cluster now holds
# dozens. The rule found the millionaire from the incomes alone, because the quartiles
# it uses hardly move when one value is extreme, unlike the mean and the standard
# deviation.

# %% [markdown]
# ### Exercise 1.3 — Weigh gender on purpose
#
# Multiply the standardised gender column (`X_gender_std["male"]`) by a weight `w` (keep
# age and income standardised) and fit `KMeans(**KMEANS)` for `w` = 1, 0.75, 0.5 and
# 0.25. For each, count the single-gender clusters, keep the counts by weight (a dict
# or a Series) and check them with `exercise("1.3").check(counts)`. From which weight
# on does gender stop splitting the clusters? What would you report to a manager about
# how the segments were made?

# %% mystnb={"code_prompt_hide": "Hide hint", "code_prompt_show": "Show hint"} tags=["hide-output"]
from course_utils.exercises import exercise

exercise("1.3").hint()  # run this cell again for the next hint

# %% tags=["solution", "hide-cell"]
single_by_weight = {}
for w in (1, 0.75, 0.5, 0.25):
    weighted = X_gender_std.assign(male=w * X_gender_std["male"])
    labels = KMeans(**KMEANS).fit_predict(weighted)
    by_gender_w = pd.crosstab(labels, customers["Gender"])
    single_by_weight[w] = (by_gender_w == 0).any(axis=1).sum()
exercise("1.3").check(single_by_weight)
single_by_weight = pd.Series(single_by_weight, name="single-gender clusters")
print(single_by_weight.rename_axis("weight of gender").to_frame().to_string())
# From a weight of 0.5 down, gender stops splitting the clusters: at 1 and 0.75 every
# cluster holds one gender only, at 0.5 and 0.25 none does. To a manager: "The segments
# were made from age and income; gender counted at half the weight of each, so it could
# not split a segment by itself, and each segment's share of women and men is reported
# beside it." Whatever the weight, say it: it is a decision, not a fact of the data.

# %% [markdown]
# **Quiz:** lesson 06 has questions on this lesson.
