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
# # Lesson 5 — Case study: mall customers
#
# **Learning objectives.** By the end of this lesson you will be able to:
# - run the common tutorial recipe for the mall data and show, with numbers, what is wrong
#   with it (clusters split by gender, a modest silhouette);
# - choose the features that describe behaviour, and choose K with the knee, the silhouette
#   and a Gaussian mixture's BIC — weighing them with business sense where they differ;
# - profile each segment (size, averages, age, gender mix) and give it a name and an action by
#   an explicit rule, so that the story does not depend on arbitrary cluster numbers;
# - recognise data without segments: K-Means returns tidy clusters anyway, and only a flat
#   silhouette curve gives it away.
#
# **Time:** about 45 minutes. **Prerequisites:** lesson 1 (scaling, the gender trap),
# lesson 3 (elbow, knee and silhouette) and lesson 4 (Gaussian mixtures and BIC).

# %% [markdown]
# ## The data
#
# A mall recorded 200 customers: an ID, gender, age, annual income (in thousands of dollars)
# and a *spending score* from 1 to 100 that the mall assigned from their buying behaviour. The
# real file is a public Kaggle download without a licence, so the course ships a **synthetic
# replica** with the same columns and the same published facts (see `data/README.md`). The
# loader says which file it read:

# %%
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from course_utils.mall import (
    AGE_COLUMN,
    GENDER_COLUMN,
    ID_COLUMN,
    INCOME_COLUMN,
    SCORE_COLUMN,
)
from course_utils.mall_loader import load_mall_customers
from course_utils.style import cluster_scatter, use_course_style

use_course_style()
customers = load_mall_customers()
print(customers.attrs["description"])
customers.head()

# %% [markdown]
# If you download the real `Mall_Customers.csv` and save it as `data/Mall_Customers.csv`, the
# same lesson runs on it unchanged: every number below is computed, not typed, and each claim
# the text makes is checked by an `assert` that holds on the real file as well as on the
# replica.

# %%
customers.drop(columns=ID_COLUMN).describe().round(1)

# %% [markdown]
# ## The common tutorial recipe
#
# Many tutorials treat this data the same way: drop the ID, turn Gender into a number
# (Female → 0, Male → 1), standardise **all four** columns, draw an elbow curve for K = 1 to
# 19, pick K = 6, and show the clusters in a 3-D scatter. We follow it step by step first.

# %%
from sklearn.preprocessing import StandardScaler

recipe_features = customers.drop(columns=ID_COLUMN).assign(
    **{GENDER_COLUMN: (customers[GENDER_COLUMN] == "Male").astype(int)}
)
X_recipe = StandardScaler().fit_transform(recipe_features)
recipe_features.head()

# %%
from course_utils.kselect import INERTIA_LABEL, K_LABEL, find_knee, scores_by_k

KMEANS = {"random_state": 0, "n_init": 10}
recipe_scores = scores_by_k(X_recipe, range(1, 20), **KMEANS)
recipe_knee = find_knee(recipe_scores.index, recipe_scores["inertia"])
print(
    f"knee of the inertia curve for K = 1..19 (lesson 3's automatic rule): K = {recipe_knee}"
)
fig, ax = plt.subplots(figsize=(10, 5.5))
ax.plot(recipe_scores.index, recipe_scores["inertia"], marker="o", label="inertia")
ax.axvline(6, color="black", linewidth=2, label="the recipe's choice: K = 6")
ax.set(xlabel=K_LABEL, ylabel=INERTIA_LABEL, xticks=list(recipe_scores.index))
ax.set_title("The recipe's elbow curve: four scaled columns")
ax.legend()
plt.show()

# %% [markdown]
# *What to see:* the curve bends gradually, with no sharp corner, which is why tutorials
# read different elbows from it. The recipe takes K = 6; the knee printed above is what the
# automatic rule of lesson 3 reads. Next, the 3-D scatter the recipe ends with: age, income and
# score, one colour and marker per cluster.

# %%
from sklearn.cluster import KMeans

from course_utils.case_study import cluster_scatter_3d

recipe_labels = KMeans(n_clusters=6, **KMEANS).fit_predict(X_recipe)
UNITS = {
    AGE_COLUMN: "Age (years)",
    INCOME_COLUMN: "Annual income (k$)",
    SCORE_COLUMN: "Spending score (1-100)",
}
cluster_scatter_3d(
    customers[list(UNITS)],
    recipe_labels,
    axis_labels=list(UNITS.values()),
    title="The recipe: K-Means, K = 6, on four scaled columns",
)
plt.show()

# %% [markdown]
# Six colourful clusters, and it looks like a result. But the clustering used **four**
# columns and the picture shows three: the fourth, gender, is invisible here. That is why some
# clusters seem to overlap in the picture.
#
# ## The critique, with numbers
#
# Lesson 1 warned that a standardised 0/1 column weighs as much as a real feature, and that
# K-Means likes to cut along it. A crosstab of clusters against gender shows whether that
# happened:

# %%
from course_utils.scaling import count_single_category_clusters

recipe_single_gender = count_single_category_clusters(
    recipe_labels, customers[GENDER_COLUMN]
)
print(f"single-gender clusters: {recipe_single_gender} of 6")
assert recipe_single_gender >= 3
pd.crosstab(recipe_labels, customers[GENDER_COLUMN], rownames=["cluster"])

# %% [markdown]
# At least half of the recipe's clusters (the count is printed above) hold only women or only
# men. Gender became the easiest line for K-Means to cut along: a shop would get separate
# "segments" for women and for men without any evidence that they shop differently. How well
# separated are the six clusters? The mean silhouette (lesson 3) of this solution:

# %%
from sklearn.metrics import silhouette_score

recipe_silhouette = silhouette_score(X_recipe, recipe_labels)
print(
    f"mean silhouette of the recipe (K = 6, four scaled columns): {recipe_silhouette:.3f}"
)
assert recipe_silhouette < 0.45

# %% [markdown]
# A modest value: many customers sit almost as close to a neighbouring cluster as to their
# own. We can do better by asking first what the segments are *for*.
#
# ## Doing better: cluster on behaviour
#
# A marketing team acts on what customers can spend and what they do spend, so we cluster on
# **annual income** and **spending score** only. Age and gender are not thrown away: they
# *describe* the segments afterwards. With two features we can also see the data directly:

# %%
income_score = customers[[INCOME_COLUMN, SCORE_COLUMN]]
cluster_scatter(
    income_score,
    title="Mall customers: income against spending score",
    xlabel=UNITS[INCOME_COLUMN],
    ylabel=UNITS[SCORE_COLUMN],
)
plt.show()

# %% [markdown]
# *What to see:* a dense middle and four corners — low or high income, each with low or high
# spending. Both columns have similar spreads, but we standardise anyway (lesson 1: then the
# weights are our decision, not the units'). Now three criteria give their opinion on K, each
# in its own way: the **knee** of the inertia curve (K = 1..10), the highest **silhouette**
# (K = 2..10) and the lowest **BIC** of a Gaussian mixture (1 to 10 components, lesson 4). The
# mixture gets several restarts per number of components (`MIXTURE` below): with few it can miss its best
# fit, and then its BIC changes with something as irrelevant as the order of the rows.

# %%
from course_utils.kselect import best_k_by_criterion, plot_elbow_silhouette
from course_utils.mixtures import information_criteria

income_score_scaler = StandardScaler().fit(income_score)
X_behaviour = income_score_scaler.transform(income_score)
behaviour_scores = scores_by_k(X_behaviour, range(1, 11), **KMEANS)
MIXTURE = {"random_state": 0, "n_init": 15}
mixture_criteria = information_criteria(X_behaviour, range(1, 11), **MIXTURE)
k_choices = {
    "knee": int(best_k_by_criterion(behaviour_scores)["knee"]),
    "silhouette": int(behaviour_scores["silhouette"].idxmax()),
    "GMM BIC": int(mixture_criteria["BIC"].idxmin()),
}
print(k_choices)
assert k_choices["knee"] == k_choices["silhouette"] == 5

# %%
from course_utils.mixtures import plot_information_criteria

fig, axes = plt.subplots(1, 3, figsize=(21, 5.5), layout="constrained")
plot_elbow_silhouette(behaviour_scores, chosen_k=5, axes=axes[:2])
plot_information_criteria(
    mixture_criteria, ax=axes[2], title="Gaussian mixture: BIC and AIC"
)
plt.show()

# %% [markdown]
# The knee and the silhouette both pick **K = 5**. BIC's lowest point is printed above; how
# far is K = 5 from it?

# %%
bic = mixture_criteria["BIC"]
bic_gap = bic[5] - bic.min()
print(bic.loc[3:7].round(1).to_string())
print(f"BIC at K = 5 is {bic_gap:.1f} above the lowest BIC (at K = {bic.idxmin()})")
assert bic_gap < 6
assert mixture_criteria["AIC"].idxmin() >= k_choices["GMM BIC"]

# %% [markdown]
# Only a few points, at most. A BIC difference that small is weak evidence: a common rule of
# thumb (Kass and Raftery, 1995) calls a difference below 2 "not worth more than a bare
# mention" and one below 6 at most "positive". So BIC does not argue against five clusters;
# where it leans to another K, the question is what that K would mean for the shop (the
# section "Four or five?" below asks it for four).
# (The right panel also shows AIC: its penalty for extra components is smaller than BIC's, so
# it never prefers fewer components than BIC does; lesson 4 explains the difference.)
#
# How much better is the K = 5 clustering on income and score than the recipe's?

# %%
best_silhouette = behaviour_scores.loc[5, "silhouette"]
print(
    f"mean silhouette: income and score, K = 5: {best_silhouette:.3f}; "
    f"the recipe, K = 6: {recipe_silhouette:.3f}"
)
assert best_silhouette > recipe_silhouette + 0.1

# %% [markdown]
# Two features, one fewer cluster, and much better separated clusters.
#
# ## Profile and name the segments
#
# K-Means numbers its clusters arbitrarily: re-run it with another seed, or on the real file,
# and "cluster 2" may be a different group. So we never name a segment by its number. Instead,
# `segment_table` profiles each cluster (size, mean income, score and age, share of women) and
# names it by an explicit rule from `course_utils.segments`: a mean income below the lower
# tercile of all customers' incomes is *low*, above the upper tercile *high*, otherwise
# *middle*; the same for the score; and each (income, spend) pair has a name and a suggested
# action.

# %%
from course_utils.case_study import segment_table

final = KMeans(n_clusters=5, **KMEANS).fit(X_behaviour)
segments = segment_table(customers, final.labels_)
print(f"income terciles (k$): {segments.attrs['income_cuts']}")
print(f"score terciles:       {segments.attrs['score_cuts']}")
segments.drop(columns=["share", "action"])

# %%
for _, row in segments.iterrows():
    print(
        f"{row['name']:<20} {row['customers']:>3} customers, mean age {row['mean age']:4.1f}, "
        f"{row['female share']:.0%} women -> {row['action']}"
    )
assert segments["name"].is_unique

# %% [markdown]
# Every segment gets a different name. Seen on the map, with each cluster's centre (a black
# star) and the tercile cuts that the names are judged by (dotted lines):

# %%
centres = income_score_scaler.inverse_transform(final.cluster_centers_)
fig, ax = plt.subplots(figsize=(11, 7))
for i, cut in enumerate(segments.attrs["income_cuts"]):
    ax.axvline(
        cut,
        color="grey",
        linestyle=":",
        linewidth=2,
        label="terciles" if i == 0 else None,
    )
for cut in segments.attrs["score_cuts"]:
    ax.axhline(cut, color="grey", linestyle=":", linewidth=2)
cluster_scatter(
    income_score,
    final.labels_,
    centers=centres,
    ax=ax,
    title="Five segments on income and spending score",
    xlabel=UNITS[INCOME_COLUMN],
    ylabel=UNITS[SCORE_COLUMN],
    label_names=segments["name"].to_dict(),
)
ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=True)
plt.show()

# %% [markdown]
# The profile adds what the two features did not use. Age: the segments with a *high* spending
# level are the youngest. Gender: the share of women differs little from segment to segment,
# and no segment is single-gender — gender describes the segments, it does not define them.

# %%
high_spend = segments["spend"] == "high"
youngest = segments["mean age"].nsmallest(high_spend.sum()).index
female = segments["female share"]
print(f"mean age, high spend: {segments.loc[high_spend, 'mean age'].tolist()}")
print(f"mean age, the others: {segments.loc[~high_spend, 'mean age'].tolist()}")
print(f"share of women: from {female.min():.0%} to {female.max():.0%}")
single = count_single_category_clusters(final.labels_, customers[GENDER_COLUMN])
print(f"single-gender segments: {single}")
assert high_spend.any() and set(youngest) == set(segments.index[high_spend])
assert female.max() - female.min() < 0.25 and single == 0

# %% [markdown]
# These are *suggestions* to discuss with the people who know the shop: the data say who is
# different, not what will work. Test an action on a small part of a segment before rolling it
# out.
#
# ### Four or five?
#
# Why not four? It is the natural question whenever two groups look alike from some angle,
# and a Gaussian mixture makes it concrete: fit one with four components and see where the
# customers of each named segment go.

# %%
from sklearn.mixture import GaussianMixture

four = GaussianMixture(n_components=4, **MIXTURE).fit(X_behaviour)
segment_names = segments["name"].reindex(final.labels_).to_numpy()
components = four.predict(X_behaviour)
merge = pd.crosstab(
    segment_names, components, rownames=["segment"], colnames=["component of 4"]
)
merge.sort_index()

# %%
low_income = segments.index[segments["income"] == "low"]
home = merge.loc[segments.loc[low_income, "name"]].idxmax(axis=1)
share_home = merge.loc[home.index].max(axis=1) / merge.loc[home.index].sum(axis=1)
age_gap = np.ptp(segments.loc[low_income, "mean age"])
print(f"low-income segments and their component: {home.to_dict()}")
print(f"share of each in that component: {share_home.round(2).to_dict()}")
print(f"difference in their mean ages: {age_gap:.1f} years")
assert len(low_income) == 2 and home.nunique() == 1 and (share_home > 0.8).all()
assert set(segments.loc[low_income, "spend"]) == {"low", "high"} and age_gap > 10

# %%
from course_utils.mixtures import plot_mixture

SCALED = ("Annual income (standardised)", "Spending score (standardised)")
fig, axes = plt.subplots(1, 2, figsize=(18, 6.5), layout="constrained")
for ax, k in zip(axes, (4, 5), strict=True):
    model = (
        four if k == 4 else GaussianMixture(n_components=5, **MIXTURE).fit(X_behaviour)
    )
    plot_mixture(X_behaviour, model, ax=ax, title=f"Gaussian mixture, {k} components")
    ax.set(xlabel=SCALED[0], ylabel=SCALED[1])
plt.show()

# %% [markdown]
# *What to see:* with four components, the two low-income segments become one tall cloud
# (left): the mixture covers both with one stretched ellipse, which costs fewer parameters
# than two. Statistically that is a fair trade; for the shop it is not. One of the two spends
# big and the other hardly at all, their mean ages differ by more than ten years (printed
# above), and the suggested actions differ. Five segments it is: the criteria give evidence,
# the decision also needs business sense.
#
# ## RFM: when there are no segments
#
# Shops often describe customers by **[RFM](../appendix/glossary.md#rfm)**: *recency* (days since the last order),
# *frequency* (orders in the last year) and *monetary* value (dollars spent in that year).
# Here are 500 simulated customers whose three columns are drawn **independently** of each
# other (`make_random_rfm`): by construction there are no customer types. K-Means with K = 4:

# %%
from course_utils.rfm import RFM_COLUMNS, make_random_rfm

random_rfm = make_random_rfm(n_customers=500, random_state=42)
X_random = StandardScaler().fit_transform(random_rfm[list(RFM_COLUMNS)])
random_labels = KMeans(n_clusters=4, **KMEANS).fit_predict(X_random)
rfm_profile = random_rfm.groupby(pd.Index(random_labels, name="cluster")).mean()
rfm_profile.insert(0, "customers", np.bincount(random_labels))
assert rfm_profile[list(RFM_COLUMNS)].idxmax().nunique() == len(RFM_COLUMNS)
rfm_profile.round(1)

# %% [markdown]
# A tidy table: each of the three columns has its own "top" cluster — the biggest spenders,
# the most frequent buyers, the longest absent — easy to name "Champions" or "At risk", and
# tutorials do. Yet the data have no segments. For contrast,
# `make_grouped_rfm` draws 500 customers from four real groups. The silhouette for K = 2..10
# on both:

# %%
from course_utils.rfm import make_grouped_rfm

grouped_rfm = make_grouped_rfm(n_customers=500, random_state=42)
X_grouped = StandardScaler().fit_transform(grouped_rfm[list(RFM_COLUMNS)])
rfm_silhouettes = pd.DataFrame(
    {
        "independent (no segments)": scores_by_k(X_random, range(2, 11), **KMEANS)[
            "silhouette"
        ],
        "four real groups": scores_by_k(X_grouped, range(2, 11), **KMEANS)[
            "silhouette"
        ],
    }
)
rfm_silhouettes.round(3).transpose()

# %%
flat, peaked = (
    rfm_silhouettes["independent (no segments)"],
    rfm_silhouettes["four real groups"],
)
print(f"independent columns: silhouette from {flat.min():.3f} to {flat.max():.3f}")
print(f"  best K beats worst K by {flat.max() - flat.min():.3f}")
print(f"four real groups:    highest {peaked.max():.3f} at K = {peaked.idxmax()}")
assert 0.2 < flat.min() and flat.max() < 0.3 and flat.max() - flat.min() < 0.05
assert peaked.idxmax() == 4 and peaked.max() > flat.max() + 0.3

# %% [markdown]
# On the independent columns the silhouette is **flat and low**: about a quarter whatever K
# (the range is printed above), and the best K beats the worst by only a few hundredths — a
# bump that means nothing. (A published tutorial quotes about 0.23 for its own random data;
# here the computation gives the values printed above.) With real groups the curve has a clear
# peak at the true number of groups, far above the flat curve.

# %%
from course_utils.case_study import plot_silhouette_curves

plot_silhouette_curves(
    rfm_silhouettes.to_dict("series"), title="RFM: silhouette against K"
)
plt.show()

# %% [markdown]
# Side by side, the two data sets coloured by their K = 4 clusters. On the left K-Means has cut
# one continuous cloud into four slices (two of them overlap in this view because frequency,
# the column not shown, separates them); on the right it has found four separate groups.

# %%
grouped_labels = KMeans(n_clusters=4, **KMEANS).fit_predict(X_grouped)
RFM_AXES = ["recency (days since the last order)", "monetary ($ in the last year)"]
fig, axes = plt.subplots(1, 2, figsize=(18, 6.5), layout="constrained")
panels = [
    (random_rfm, random_labels, "Independent RFM columns, K = 4"),
    (grouped_rfm, grouped_labels, "Four real groups, K = 4"),
]
for ax, (table, labels, title) in zip(axes, panels, strict=True):
    columns = [RFM_COLUMNS[0], RFM_COLUMNS[2]]
    cluster_scatter(
        table[columns],
        labels,
        ax=ax,
        title=title,
        xlabel=RFM_AXES[0],
        ylabel=RFM_AXES[1],
    )
plt.show()

# %% [markdown]
# **A clustering algorithm always returns clusters.** Asked for four, K-Means delivers four,
# with averages that read like personas, whether or not the customers form groups. Before acting
# on segments, check that they are real (a silhouette curve with a clear peak, well above what
# shapeless data give), stable (they come back on other samples and seeds) and actionable
# (each one calls for something different).

# %% [markdown]
# ## Key takeaways
#
# - The popular recipe for the mall data scales a 0/1 gender column with the real features;
#   several of its six clusters then hold one gender only, and its silhouette is modest.
# - Cluster on the features that describe the behaviour you want to act on (here income and
#   spending score); describe the segments by the rest (age, gender) afterwards.
# - Choose K with several criteria — knee, silhouette, mixture BIC — and read them as evidence,
#   not verdicts: here the knee and the silhouette pick five, BIC does not argue against it,
#   and merging two segments would hide customers who need opposite actions.
# - Name segments by a rule on their profiles, never by cluster numbers, which are arbitrary:
#   then the same code tells the same story on new data.
# - K-Means returns tidy clusters even for data with no groups: a flat, low silhouette curve is
#   the warning sign. No real segments, nothing to act on.

# %% [markdown]
# ## Exercises
#
# ### Exercise 5.1 — Do the segments come back?
#
# Take five random samples of 80% of the customers (`customers.sample(frac=0.8,
# random_state=seed)` for seeds 0 to 4). On each, standardise income and score, fit
# `KMeans(n_clusters=5, **KMEANS)` and print the sorted segment names from `segment_table`.
# Do the same five names come back every time? What does that say about the segments?

# %% tags=["solution", "hide-cell"]
for seed in range(5):
    sample = customers.sample(frac=0.8, random_state=seed)
    X_sample = StandardScaler().fit_transform(sample[[INCOME_COLUMN, SCORE_COLUMN]])
    sample_labels = KMeans(n_clusters=5, **KMEANS).fit_predict(X_sample)
    print(f"seed {seed}: {sorted(segment_table(sample, sample_labels)['name'])}")

# %% [markdown]
# ### Exercise 5.2 — The recipe without gender
#
# Repeat the recipe with three columns only: standardise age, income and score, and fit
# `KMeans(n_clusters=6, **KMEANS)`. How many clusters are single-gender now? Compare the mean
# silhouette with the recipe's, and explain why the two numbers cannot simply be compared as
# "better" or "worse" (hint: are the distances measured in the same space?).

# %% tags=["solution", "hide-cell"]
X_three = StandardScaler().fit_transform(
    customers[[AGE_COLUMN, INCOME_COLUMN, SCORE_COLUMN]]
)
three_labels = KMeans(n_clusters=6, **KMEANS).fit_predict(X_three)
n_single = count_single_category_clusters(three_labels, customers[GENDER_COLUMN])
print(f"single-gender clusters without gender: {n_single} of 6")
print(
    f"silhouette: three columns {silhouette_score(X_three, three_labels):.3f}, ", end=""
)
print(f"the recipe's four columns {recipe_silhouette:.3f}")
pd.crosstab(three_labels, customers[GENDER_COLUMN], rownames=["cluster"])

# %% [markdown]
# ### Exercise 5.3 — Is flat really flat?
#
# The independent RFM table gave a flat silhouette curve. Draw three more independent tables
# (`make_random_rfm(random_state=seed)` for seeds 1, 2, 3), compute the silhouette for
# K = 2..10 on each (standardised), and print the lowest and highest value per table and
# where the highest falls. Would any of them justify acting on K = 4 "segments"? Does the K
# with the highest silhouette always deserve to be called the number of segments?

# %% tags=["solution", "hide-cell"]
for seed in (1, 2, 3):
    table = make_random_rfm(random_state=seed)
    X_table = StandardScaler().fit_transform(table[list(RFM_COLUMNS)])
    curve = scores_by_k(X_table, range(2, 11), **KMEANS)["silhouette"]
    print(
        f"seed {seed}: silhouette from {curve.min():.3f} to {curve.max():.3f}, ", end=""
    )
    print(f"highest at K = {curve.idxmax()}, at K = 4: {curve[4]:.3f}")

# %% [markdown]
# **Quiz:** lesson 06 has questions on this lesson.
