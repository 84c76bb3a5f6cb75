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
# # Lesson 1 — Scaling and encoding
#
# **Learning objectives.** By the end of this lesson you will be able to:
# - explain why K-Means and other distance-based methods depend on the units of each feature;
# - measure how much each feature weighs in a distance, and scale features so they weigh alike;
# - choose between `StandardScaler`, `MinMaxScaler` and `RobustScaler`, knowing what one
#   extreme outlier does to each;
# - encode a categorical column (label encoding or one-hot) and recognise when it has taken
#   over the clustering.
#
# **Time:** about 35 minutes. **Prerequisites:** lesson 0; basic pandas (selecting columns,
# `value_counts`).

# %% [markdown]
# ## Distances decide everything
#
# K-Means (lesson 2) puts each customer in the group of the **nearest** centre, and "nearest"
# means the ordinary straight-line (Euclidean) distance:
#
# $$d(a, b) = \sqrt{(\text{age}_a - \text{age}_b)^2 + (\text{income}_a - \text{income}_b)^2}.$$
#
# The formula simply adds up numbers, whatever their units. Here are three made-up customers:
# Ben is 30 years older than Ana and earns \$500 more; Cleo is one year older than Ana and
# earns \$2,000 more. Who is closer to Ana?

# %%
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from course_utils.datasets import AGE, INCOME, SEGMENT, make_age_income_customers
from course_utils.style import cluster_scatter, use_course_style

use_course_style()

trio = pd.DataFrame(
    {AGE: [25, 55, 26], INCOME: [50_000, 50_500, 52_000]}, index=["Ana", "Ben", "Cleo"]
)
ana_ben = np.linalg.norm(trio.loc["Ana"] - trio.loc["Ben"])
ana_cleo = np.linalg.norm(trio.loc["Ana"] - trio.loc["Cleo"])
print(f"distance Ana-Ben:  {ana_ben:8.1f}   (30 years and $500 apart)")
print(f"distance Ana-Cleo: {ana_cleo:8.1f}   (1 year and $2,000 apart)")
assert ana_ben < ana_cleo

# %% [markdown]
# To the formula, Ben — a generation older — is Ana's near twin, because \$500 is a bigger
# *number* than 30. Income is measured in tens of thousands, age in tens, so income drowns age.
#
# How much? The average squared distance between two customers is the sum, over the features,
# of twice each feature's variance; so each feature's **share** of the distances is its
# variance divided by the total. `feature_distance_shares` computes it for the course's 300
# synthetic customers (lesson 0):

# %%
from course_utils.scaling import feature_distance_shares

customers = make_age_income_customers(random_state=42)
X_raw = customers[[AGE, INCOME]]
raw_shares = feature_distance_shares(X_raw)
print(
    f"share of the squared distances, raw units: age {raw_shares[AGE]:.1e}, "
    f"income {raw_shares[INCOME]:.7f}"
)
assert raw_shares[AGE] < 1e-6

# %% [markdown]
# Age accounts for well under a millionth of every distance: on raw data, K-Means is blind to
# age.
#
# ## The same K-Means before and after scaling
#
# **[Standardising](../appendix/glossary.md#scaling)** (scikit-learn's `StandardScaler`) rewrites each feature as
# $(x - \text{mean}) / \text{standard deviation}$: every feature then has mean 0 and standard
# deviation 1, so each gets the same share of the distances. We fit *the same* K-Means
# (K = 4, the same seed, 10 restarts) on the raw and on the standardised data.
# `compare_scalings` does exactly that and also scores each result against the segments the
# data were made from, with the **[adjusted Rand index](../appendix/glossary.md#adjusted-rand-index)** (ARI: 1 = the same grouping as the
# truth, about 0 = no better than chance). A real shop has no true segments; the synthetic
# data let us check.

# %%
from sklearn.preprocessing import StandardScaler

from course_utils.scaling import compare_scalings

KMEANS = {"n_clusters": 4, "random_state": 0, "n_init": 10}
before_after = compare_scalings(
    X_raw,
    {"raw": None, "StandardScaler": StandardScaler()},
    y_true=customers[SEGMENT],
    **KMEANS,
)
before_after.table.round(3)

# %%
fig, axes = plt.subplots(1, 3, figsize=(20, 6), sharey=True, layout="constrained")
panels = [
    (customers[SEGMENT], "True segments (known only here)"),
    (before_after.labels["raw"], "K-Means on raw data"),
    (before_after.labels["StandardScaler"], "K-Means on standardised data"),
]
for ax, (labels, title) in zip(axes, panels, strict=True):
    names = (
        {s: f"segment {s}" for s in range(4)} if labels is customers[SEGMENT] else None
    )
    cluster_scatter(
        X_raw,
        labels,
        ax=ax,
        title=title,
        xlabel="Age (years)",
        ylabel="Income ($ per year)",
        label_names=names,
    )
plt.show()

# %% [markdown]
# *What to see:* on raw data the clusters are **horizontal bands** — cut by income only, at
# any age. After standardising, the boundaries are diagonal: age counts too.
#
# Is the raw result really "income only"? K-Means on the income column alone gives the same
# grouping (an ARI of 1 between the two means identical groups, whatever the label numbers):

# %%
from sklearn.cluster import KMeans
from sklearn.metrics import adjusted_rand_score

income_only = KMeans(**KMEANS).fit_predict(X_raw[[INCOME]])
raw_vs_income_only = adjusted_rand_score(before_after.labels["raw"], income_only)
print(f"ARI between raw K-Means and K-Means on income alone: {raw_vs_income_only:.3f}")
assert raw_vs_income_only == 1.0

# %% [markdown]
# ### An honest surprise: scaling did not get closer to the truth here

# %%
ari = before_after.table["ARI vs truth"]
print(
    f"ARI vs true segments: raw {ari['raw']:.3f}, standardised {ari['StandardScaler']:.3f}"
)
assert ari["raw"] > ari["StandardScaler"]

# %% [markdown]
# Tutorials usually show scaling "fixing" the clusters. On these customers it does not: the
# raw clustering matches the true segments *better*. The reason is in how the data were made.
# Here are the segments' recipes:

# %%
from course_utils.datasets import AGE_INCOME_SEGMENTS

recipes = pd.DataFrame(
    AGE_INCOME_SEGMENTS, columns=["age centre", "income centre", "age sd"]
)
recipes["income sd"] = 1000 * recipes["age sd"]
recipes.rename_axis("segment")

# %% [markdown]
# How far apart are neighbouring segments (ordered from young to old), measured in standard
# deviations of the feature? For each pair: the gap between the two centres divided by the
# mean of the two standard deviations.

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
assert (separation["income gap (in sd)"] > separation["age gap (in sd)"]).all()
separation.round(2)

# %% [markdown]
# Every pair of neighbours is further apart in income than in age, so income happens to be the
# more informative feature, and a clustering that listens only to income does well. K-Means on
# one feature at a time confirms it:

# %%
one_feature_ari = {
    feature: adjusted_rand_score(
        customers[SEGMENT], KMeans(**KMEANS).fit_predict(X_raw[[feature]])
    )
    for feature in (AGE, INCOME)
}
print(
    f"ARI vs truth, K-Means on age alone: {one_feature_ari[AGE]:.3f}, "
    f"on income alone: {one_feature_ari[INCOME]:.3f}"
)
assert one_feature_ari[INCOME] > one_feature_ari[AGE]

# %% [markdown]
# But that was luck of the **units**, not a virtue of raw data. Nothing forces us to measure
# income in dollars: in thousands of dollars, or in millions, the customers are the same, yet
# the raw K-Means changes completely. The table adds those two unit choices and the three
# common scalers:

# %%
from sklearn.preprocessing import FunctionTransformer

from course_utils.scaling import default_scalers

scalings = {
    "raw, income in $": None,
    "raw, income in k$": FunctionTransformer(lambda x: x / [1, 1_000]),
    "raw, income in $ millions": FunctionTransformer(lambda x: x / [1, 1_000_000]),
    **default_scalers(),
}
comparison = compare_scalings(X_raw, scalings, y_true=customers[SEGMENT], **KMEANS)
comparison.table.round(3)

# %%
ari = comparison.table["ARI vs truth"]
age_share = comparison.table[f"share: {AGE}"]
print(
    f"income in $ millions: age's share {age_share['raw, income in $ millions']:.3f}, "
    f"ARI {ari['raw, income in $ millions']:.3f}"
)
print(
    f"income in k$:         age's share {age_share['raw, income in k$']:.3f}, "
    f"ARI {ari['raw, income in k$']:.3f}"
)
income_share_k = comparison.table.loc["raw, income in k$", f"share: {INCOME}"]
k_ratio = income_share_k / age_share["raw, income in k$"]
print(
    f"income in k$: income weighs {k_ratio:.1f} times as much as age; best ARI: {ari.idxmax()}"
)
assert ari.idxmax() == "raw, income in k$"
assert ari["raw, income in $ millions"] == one_feature_ari[AGE]
assert age_share["raw, income in $ millions"] > 0.999
assert (
    ari["raw, income in $ millions"] < ari["StandardScaler"] < ari["raw, income in $"]
)

# %% [markdown]
# Measured in millions, income has almost no say and the raw K-Means clusters by **age alone**,
# the weaker feature — the ARI drops to that of age alone. Measured in thousands, income weighs
# about four times as much as age, and this particular mix scores best of all. Each row is a
# different, *hidden* weighting of the features, chosen by whoever picked the units.
#
# That is the real reason to scale: **without scaling, the units decide the weights**.
# Scaling makes the weights your decision. With no true labels to check against (the normal
# situation), "every feature counts the same" is the sensible default; if you know a feature
# matters more, give it more weight on purpose (exercise 1.3 shows how) and say so.
#
# ## Three scalers, and what one outlier does to each
#
# | scaler | formula | after scaling |
# |---|---|---|
# | `StandardScaler` | $(x - \text{mean}) / \text{sd}$ | mean 0, standard deviation 1 |
# | `MinMaxScaler` | $(x - \min) / (\max - \min)$ | everything between 0 and 1 |
# | `RobustScaler` | $(x - \text{median}) / \text{IQR}$ | median 0, middle half spans 1 |
#
# (IQR, the interquartile range, is the width of the middle half of the values.) On clean data
# all three give the features comparable shares (the last three rows of the table above).
# They differ when the data hold an **outlier**. Suppose one millionaire, with an income of
# \$1,000,000, joins the 300 customers. For each scaler, the table gives the range (max − min)
# the 300 ordinary incomes span after scaling, without and with the millionaire, and where the
# millionaire lands.

# %%
from course_utils.scaling import outlier_effect

MILLIONAIRE_INCOME = 1_000_000
effect = outlier_effect(X_raw[INCOME], MILLIONAIRE_INCOME)
effect.round(3)

# %%
kept = effect["range with outlier"] / effect["range without outlier"]
for scaler, fraction in kept.items():
    print(f"{scaler:<15} the ordinary incomes keep {fraction:6.1%} of their spread")
assert (
    kept["MinMaxScaler"] < 0.15
    and kept["StandardScaler"] < 0.5
    and kept["RobustScaler"] > 0.99
)
outlier_at = effect["outlier scaled to"]
assert outlier_at["RobustScaler"] > outlier_at["StandardScaler"]

# %% [markdown]
# - **MinMaxScaler** is the most fragile: the millionaire becomes the new maximum (1.0), and
#   the 300 ordinary incomes are squeezed into a sliver near 0 — income almost stops counting.
# - **StandardScaler** suffers less, but the one outlier inflates the standard deviation and
#   the ordinary incomes lose more than half their spread.
# - **RobustScaler** uses the median and the interquartile range, which one extreme value
#   hardly moves: the ordinary customers keep their spread.
#
# But no scaler makes the outlier *disappear*: under RobustScaler the millionaire sits even
# further out. Whatever the scaler, K-Means then spends one of its four clusters on this single
# customer:

# %%
millionaire = pd.DataFrame({AGE: [50.0], INCOME: [float(MILLIONAIRE_INCOME)]})
with_millionaire = pd.concat([X_raw, millionaire], ignore_index=True)
outlier_runs = compare_scalings(with_millionaire, default_scalers(), **KMEANS)
print(outlier_runs.table["smallest cluster"].to_string())
assert (outlier_runs.table["smallest cluster"] == 1).all()

# %% [markdown]
# So: look for outliers *before* clustering (a box plot or `describe()` shows them), and decide
# on purpose — correct a typo, cap the value, or set the customer aside and treat them
# separately. RobustScaler is a good default when you expect a few extreme values, not a cure.
#
# ## Encoding a categorical column
#
# Distances need numbers, so a column such as *Gender* must be **encoded** first. Our
# synthetic customers have no gender; we give each one a random gender, drawn with a fixed
# seed. Because it is random, it has nothing to do with the segments — keep that in mind.

# %%
rng = np.random.default_rng(0)
customers["Gender"] = rng.choice(["Female", "Male"], size=len(customers))
customers["Gender"].value_counts()

# %% [markdown]
# Two common encodings:
#
# - **[Label encoding](../appendix/glossary.md#label-encoding)** replaces each category by an integer (Female → 0, Male → 1; scikit-learn's
#   `OrdinalEncoder`). With more than two categories it invents an *order* and *distances*
#   that mean nothing.
# - **[One-hot encoding](../appendix/glossary.md#one-hot-encoding)** makes one 0/1 column per category (`OneHotEncoder`, or
#   `pandas.get_dummies`). Every two different categories end up the same distance apart.
#
# A tiny made-up column with three sales channels shows the difference, as distances between
# the categories:

# %%
from scipy.spatial.distance import pdist, squareform
from sklearn.preprocessing import OneHotEncoder, OrdinalEncoder

channels = pd.DataFrame({"channel": ["web", "shop", "phone"]})
encodings = {
    "label encoding": OrdinalEncoder(categories=[["web", "shop", "phone"]]),
    "one-hot encoding": OneHotEncoder(sparse_output=False),
}
report = []
for name, encoder in encodings.items():
    codes = encoder.fit_transform(channels)
    distances = pd.DataFrame(
        squareform(pdist(codes)), index=channels["channel"], columns=channels["channel"]
    )
    report.append(f"{name}: codes {codes.tolist()}\n{distances.round(3)}\n")
print("\n".join(report))

# %% [markdown]
# Label encoding claims that "phone" is twice as far from "web" as "shop" is, only because of
# the order we listed them in; one-hot puts every pair at the same distance, $\sqrt 2$. For a
# column with two values, such as Gender, the two encodings carry the same information (one
# 0/1 column is enough).
#
# ## The trap: a scaled 0/1 column weighs as much as a real feature
#
# The common recipe is "encode Gender as 0/1, then scale every column". After standardising,
# the 0/1 column has two values only, and the gap between them is large: in standard units it
# is $1/\sqrt{p(1-p)}$, at least 2 (where $p$ is the share of men). Translated back into
# years, being of the other gender then counts as much as this many years of age:

# %%
X_gender = X_raw.assign(male=(customers["Gender"] == "Male").astype(int))
scaled_gender = StandardScaler().fit(X_gender)
gap = np.ptp(scaled_gender.transform(X_gender)[:, 2])
print(f"gap between women and men after scaling: {gap:.3f} standard deviations")
print(
    f"= the same distance as an age difference of {gap * scaled_gender.scale_[0]:.1f} years"
)
assert gap >= 2

# %% [markdown]
# A 0/1 column is also perfectly split in two — no customer is "in between" — which K-Means
# loves. Here is the same K-Means (K = 4) on the scaled age, income and gender, and how its
# clusters split by gender:

# %%
from course_utils.scaling import count_single_category_clusters

gender_labels = KMeans(**KMEANS).fit_predict(scaled_gender.transform(X_gender))
single_gender = count_single_category_clusters(gender_labels, customers["Gender"])
print(f"single-gender clusters: {single_gender} of 4")
assert single_gender == 4
pd.crosstab(gender_labels, customers["Gender"], rownames=["cluster"])

# %%
fig, axes = plt.subplots(1, 2, figsize=(16, 6), sharey=True, layout="constrained")
cluster_scatter(
    X_raw,
    before_after.labels["StandardScaler"],
    ax=axes[0],
    title="Scaled age and income",
    xlabel="Age (years)",
    ylabel="Income ($ per year)",
)
cluster_scatter(
    X_raw,
    gender_labels,
    ax=axes[1],
    title="Scaled age, income and gender",
    xlabel="Age (years)",
    ylabel="Income ($ per year)",
)
plt.show()

# %% [markdown]
# *What to see:* with gender in the features, every cluster holds only women or only men. In
# the age × income picture on the right the clusters lie on top of each other — two young
# and two older groups, each split by a random coin toss. For a shop that would be two fake
# "segments" per real one. The clustering without gender (left) has both genders in every
# cluster:

# %%
mixed = count_single_category_clusters(
    before_after.labels["StandardScaler"], customers["Gender"]
)
print(f"single-gender clusters without gender in the features: {mixed} of 4")
assert mixed == 0
pd.crosstab(
    before_after.labels["StandardScaler"], customers["Gender"], rownames=["cluster"]
)

# %% [markdown]
# This really happens with real data: lesson 5 shows it on the popular mall-customers data,
# where the common recipe scales Gender together with age, income and spending score.
#
# What to do instead: cluster on the features that describe *behaviour* (income, spending,
# ...), then **describe** each cluster by gender afterwards, with a crosstab like the one
# above. If gender must take part, give its column a deliberately small weight.

# %% [markdown]
# ## Key takeaways
#
# - Distance-based methods add up differences in whatever units the features have: a feature
#   measured in big numbers (income in dollars) silently decides everything.
# - Without scaling, the **units choose the weights**; scaling makes them your choice. Scaling
#   is not guaranteed to match the truth better (here it did not), but it stops an accident of
#   units from deciding the result.
# - `StandardScaler` is the usual default; `MinMaxScaler` is the most fragile to outliers;
#   `RobustScaler` keeps ordinary values spread out. No scaler removes an outlier — find and
#   handle outliers first.
# - Encode categories with one-hot (label encoding invents an order). A scaled 0/1 column
#   weighs as much as a real feature and can split every cluster by that category: describe
#   clusters by such columns afterwards instead of clustering on them.

# %% [markdown]
# ## Exercises
#
# ### Exercise 1.1 — One-hot, but unscaled
#
# Instead of scaling a 0/1 gender column, append the two *unscaled* one-hot columns of
# `customers["Gender"]` (values 0 and 1) to the **standardised** age and income, and fit the
# same K-Means (`KMeans(**KMEANS)`). How many clusters are single-gender now? Explain the
# difference with the scaled column, using the distance between a man and a woman in each
# encoding.

# %% tags=["solution", "hide-cell"]
scaled_age_income = StandardScaler().fit_transform(X_raw)
one_hot_gender = OneHotEncoder(sparse_output=False).fit_transform(customers[["Gender"]])
labels_one_hot = KMeans(**KMEANS).fit_predict(
    np.hstack([scaled_age_income, one_hot_gender])
)
n_single = count_single_category_clusters(labels_one_hot, customers["Gender"])
print(f"single-gender clusters with unscaled one-hot gender: {n_single} of 4")
print(f"man-woman distance: one-hot {np.sqrt(2):.3f}, scaled 0/1 column {gap:.3f}")
pd.crosstab(labels_one_hot, customers["Gender"], rownames=["cluster"])

# %% [markdown]
# ### Exercise 1.2 — Find the millionaire first
#
# Pretend you do not know which customer is unusual. In `with_millionaire`, flag every
# customer whose income lies more than 3 interquartile ranges above the upper quartile (a
# common outlier rule), print how many were flagged, drop them, and run
# `compare_scalings(..., default_scalers(), **KMEANS)` again. Is any cluster still a single
# customer?

# %% tags=["solution", "hide-cell"]
income = with_millionaire[INCOME]
q1, q3 = income.quantile([0.25, 0.75])
flagged = income > q3 + 3 * (q3 - q1)
cleaned_runs = compare_scalings(with_millionaire[~flagged], default_scalers(), **KMEANS)
print(f"flagged {flagged.sum()} customer(s): incomes {income[flagged].tolist()}")
print(cleaned_runs.table["smallest cluster"].to_string())

# %% [markdown]
# ### Exercise 1.3 — Weigh gender on purpose
#
# Multiply the standardised gender column by a weight `w` (keep age and income standardised)
# and fit `KMeans(**KMEANS)` for `w` = 1, 0.75, 0.5 and 0.25. For each, count the
# single-gender clusters. From which weight on does gender stop splitting the clusters? What
# would you report to a manager about how the segments were made?

# %% tags=["solution", "hide-cell"]
standardised = scaled_gender.transform(X_gender)
single_by_weight = pd.Series(
    {
        w: count_single_category_clusters(
            KMeans(**KMEANS).fit_predict(standardised * [1, 1, w]), customers["Gender"]
        )
        for w in (1, 0.75, 0.5, 0.25)
    },
    name="single-gender clusters (of 4)",
).rename_axis("weight of gender")
print(single_by_weight.to_frame().to_string())

# %% [markdown]
# **Quiz:** lesson 06 has questions on this lesson.
