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
# # Lesson 8 — Your own customers
#
# **Learning objectives.** By the end of this lesson you will be able to:
# - decide from evidence which columns of a customer table to cluster: IDs never,
#   integer-coded categories not as numbers ([roles](#what-each-column-is));
# - check each column's shape and tame skewed spends with `log1p`, and set outliers
#   aside by a stated rule ([shape](#shape-skewed-columns),
#   [outliers](#outliers-set-aside-not-dropped));
# - test whether there are segments at all against baselines that keep each column's
#   shape, and choose K by one rule when the criteria disagree
#   ([structure](#is-there-structure-at-all), [K](#choose-k-with-evidence));
# - check that the segments are stable, name them, save the model and export each
#   customer's segment ([stability](#stability), [outputs](#save-score-and-export)).
#
# **Time:** about 30 minutes (the notebook itself runs in seconds). **Prerequisites:**
# lessons 1, 3 and 5; lesson 7 (saving a pipeline with skops, distance limits).
#
# This lesson is a **template**: it runs the whole recipe of the course on *any*
# customer CSV. Every step decides from evidence and prints what it decided and why, so
# you can read the notebook as a report on your table. Its default input is a table the
# course makes: 440 business customers of a wholesaler, with yearly spends in six
# product groups — skewed, with zeros and a few giant customers, as real spends are —
# two integer-coded categories and an ID. The mall table of lesson 5 is friendly; this
# one is not, and every step below has something to do.
#
# ## Your table
#
# To run the template on your own table, change `CSV_PATH` in the next cell (or set the
# environment variable `SEGMENT_CSV` before starting Jupyter) and run all cells. The
# outputs go to `OUT_DIR` (`SEGMENT_OUT`). The roles and the rules' thresholds are set
# here too: `None` lets the evidence decide, a value overrules it.

# %%
import os
from pathlib import Path

from course_utils.business import BUSINESS_PATH

# The customer table (a CSV with a header row, one customer per row)
CSV_PATH = Path(os.environ.get("SEGMENT_CSV", BUSINESS_PATH))
# Where segments.csv, report.json and the model go (created if missing)
OUT_DIR = Path(os.environ.get("SEGMENT_OUT", "lesson08_files"))
# Roles: None lets the evidence decide; give column names to overrule it
ID_COLUMN = None  # the column that names each customer, e.g. "customer_id"
CATEGORY_COLUMNS = None  # columns that describe segments, e.g. ["channel", "region"]
FEATURE_COLUMNS = None  # the columns to cluster on; None: every other numeric column
# The rules' thresholds
MAX_CATEGORY_LEVELS = (
    10  # whole-number columns with this many values or fewer: categories
)
SKEW_LIMIT = 1.0  # log1p a column with no negative value whose skewness exceeds this
OUTLIER_Z = 3.5  # set aside a customer this many robust sds from a column's median
K_RANGE = range(2, 9)  # the numbers of segments to try
SILHOUETTE_MARGIN = 0.05  # "close to the best silhouette"
MIN_SEGMENT_SHARE = 0.05  # a smaller segment is "tiny"
MIN_STABILITY = 0.8  # the median ARI a K needs to count as stable
N_DRAWS = 5  # draws of each baseline, and re-fits of each stability check

# %% [markdown]
# The table is read once, here; a path that does not exist, an empty table, a table
# without a numeric column, fewer than 10 rows or blank cells in a numeric column stop
# the notebook with a message that says what is wrong.

# %%
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from course_utils.business import load_customer_table
from course_utils.settings import DATA_SEED, KMEANS_N_INIT, MIXTURE_N_INIT, MODEL_SEED
from course_utils.style import use_course_style

use_course_style()
customers = load_customer_table(CSV_PATH)
print(f"{CSV_PATH.name}: {len(customers)} customers, {customers.shape[1]} columns")
customers.head()

# %% [markdown]
# ## What each column is
#
# Not every numeric column is a measurement. An **ID** (one different value per row) says
# nothing about behaviour: keep it to name the customers in the output, never cluster on
# it. Whole-number columns with only a few distinct values — a channel coded 1–2, a
# region coded 1–3 — are **categories** that arrived as numbers: they pass every numeric
# check and would walk straight into the scaler, where code 3 counts as "more" than code 1
# (lesson 1's encoding trap). They describe the segments afterwards. Text columns do the
# same. The rest are the **features** to cluster on.


# %%
def is_numbering(column):
    """Whether a whole-number column numbers the rows: distinct, consecutive values."""
    if not pd.api.types.is_integer_dtype(column) or not column.is_unique:
        return False
    return bool((np.diff(np.sort(column.to_numpy())) == 1).all())


roles = {}
for name, column in customers.items():
    distinct = column.nunique()
    text = not pd.api.types.is_numeric_dtype(column)
    if is_numbering(column) or (text and column.is_unique):
        roles[name] = ("ID", "a different value in every row")
    elif text or pd.api.types.is_bool_dtype(column):
        roles[name] = ("category", f"text or yes/no, {distinct} values")
    elif pd.api.types.is_integer_dtype(column) and distinct <= MAX_CATEGORY_LEVELS:
        roles[name] = ("category", f"whole numbers, only {distinct} values")
    else:
        roles[name] = ("feature", f"numbers, {distinct} values")
roles = pd.DataFrame(roles, index=["role", "why"]).T
roles.rename_axis("column")

# %% [markdown]
# Your choices in the first cell overrule the evidence. One ID names the customers in
# the output (a second one is left out); without an ID the row number serves.

# %%
ids = list(roles.index[roles["role"] == "ID"])
ID = ID_COLUMN or (ids[0] if ids else None)
CATEGORIES = CATEGORY_COLUMNS or list(roles.index[roles["role"] == "category"])
FEATURES = FEATURE_COLUMNS or [
    c for c in roles.index[roles["role"] == "feature"] if c not in CATEGORIES + [ID]
]
if not FEATURES:
    raise ValueError("no column left to cluster: set FEATURE_COLUMNS in the first cell")
customer_ids = customers[ID] if ID else pd.Series(customers.index + 1, name="row")
left_out = [c for c in customers.columns if c not in FEATURES + CATEGORIES + [ID]]
print(f"ID: {customer_ids.name}")
print(f"clustering on: {', '.join(FEATURES)}")
print(f"describing segments by: {', '.join(CATEGORIES) or 'nothing'}")
print(f"left out: {', '.join(left_out) or 'nothing'}")

# %% [markdown]
# ## Shape: skewed columns
#
# Spending is **right-skewed**: most customers buy a little, a few buy a lot. Scaled as
# they are, the few giants decide the clustering: the silhouette rewards splitting them
# off, a high score for a useless split (exercise 8.1 shows it). The usual remedy is a log
# before scaling; `log1p(x) = log(1 + x)` rather than `log`, because `log(0)` is minus
# infinity and spends can be zero. The rule: a column with no negative value whose
# skewness exceeds `SKEW_LIMIT` gets `log1p`; skewness 0 is symmetric.

# %%
raw = customers[FEATURES].astype(float)
skew_before = raw.skew()
transforms = {
    c: "log1p" if skew_before[c] > SKEW_LIMIT and raw[c].min() >= 0 else "none"
    for c in FEATURES
}
LOG_COLUMNS = [c for c in FEATURES if transforms[c] == "log1p"]
shaped = raw.copy()
shaped[LOG_COLUMNS] = np.log1p(raw[LOG_COLUMNS])
shape = pd.DataFrame(
    {
        "skewness": skew_before,
        "min": raw.min(),
        "zeros": (raw == 0).sum(),
        "transform": pd.Series(transforms),
        "skewness after": shaped.skew(),
    }
)
print(f"log1p: {', '.join(LOG_COLUMNS) or 'none'} (rule: skewness > {SKEW_LIMIT})")
shape.round(2)

# %% [markdown]
# Before and after, for the transformed columns (at most six are drawn; the values are
# in each column's own unit). A long tail to the right becomes a hump; zeros sit apart at
# the far left:

# %% mystnb={"image": {"alt": "Histograms of each log-transformed column, side by side: before (blue, a tall bar near zero and a long tail to the right) and after log1p (orange, a rounded hump, with a few zeros apart at the left)."}}
shown = LOG_COLUMNS[:6]
if shown:
    rows = -(-len(shown) // 2)  # two columns per row: before and after, side by side
    fig, axes = plt.subplots(rows, 4, figsize=(12, 3.2 * rows), squeeze=False)
    for ax in axes.flat[2 * len(shown) :]:
        ax.set_visible(False)
    for j, column in enumerate(shown):
        before, after = axes.flat[2 * j], axes.flat[2 * j + 1]
        before.hist(raw[column], bins=30, color="#0072B2")
        after.hist(shaped[column], bins=30, color="#E69F00")
        before.set(title=f"{column}: before", xlabel="value", ylabel="customers")
        after.set(title="after log1p", xlabel="log1p(value)")
        before.xaxis.set_major_locator(plt.MaxNLocator(3))
    fig.suptitle("Skewed columns before (blue) and after log1p (orange)")
    fig.tight_layout()
else:
    print("no column is strongly skewed: nothing to draw")
plt.show()

# %% [markdown]
# ## Outliers: set aside, not dropped
#
# Even after the shape step a few customers may lie far from everyone — in a spend table,
# often those who bought *nothing* of one product group (a zero sits far below the log of
# a typical spend). The rule, on the shaped columns: a customer is **set aside** when any
# column lies more than `OUTLIER_Z` robust standard deviations from the column's median
# (the robust sd is 1.4826 × the median absolute deviation, which the outliers themselves
# barely move). They are listed here, left out of the fitting, and scored into their
# nearest segment at the end, marked as set aside.

# %%
median = shaped.median()
robust_sd = 1.4826 * (shaped - median).abs().median()
robust_z = (shaped - median) / robust_sd.replace(0, np.nan)  # constant columns: no rule
far = robust_z.abs().max(axis=1) > OUTLIER_Z
print(f"set aside: {far.sum()} customers ({far.mean():.1%}), rule |z| > {OUTLIER_Z}")
set_aside = pd.DataFrame(
    {
        "customer": customer_ids[far],
        "farthest in": robust_z[far].abs().idxmax(axis=1),
        "robust z": robust_z[far].abs().max(axis=1).round(1),
    }
)
set_aside.head(10)

# %% [markdown]
# If the rule sets aside many customers (more than a tenth, say), it is describing the
# table's shape rather than a few odd customers: look at the shape step again (another
# transform, or leave a column out).
#
# The customers kept are scaled (lesson 1) for everything that follows:

# %%
from sklearn.preprocessing import StandardScaler

kept = ~far
X = StandardScaler().fit_transform(shaped[kept])
print(f"{kept.sum()} customers × {X.shape[1]} features, scaled")

# %% [markdown]
# ## Is there structure at all?
#
# K-Means always returns K groups, even from data without any (lesson 5). So first fit
# each K and note its silhouette:

# %%
from sklearn.cluster import KMeans
from sklearn.metrics import silhouette_score

ks = [k for k in K_RANGE if k < len(X)]
fits = {
    k: KMeans(n_clusters=k, n_init=KMEANS_N_INIT, random_state=MODEL_SEED).fit(X)
    for k in ks
}
silhouettes = pd.Series({k: silhouette_score(X, fits[k].labels_) for k in ks})
best_k = int(silhouettes.idxmax())
print(f"best silhouette {silhouettes.max():.3f} at K = {best_k}")

# %% [markdown]
# Is that high? Compare it with tables that have **no groups but the same columns**.
# Such a baseline must keep each column's shape: a symmetric Gaussian cloud fitted to
# skewed spends has customers with negative spending and a low silhouette that flatters
# any clustering (exercise 8.2). Two baselines keep every column's values exactly:
# - *columns shuffled*: each column shuffled on its own (lesson 5), which also breaks the
#   links between columns;
# - *one cloud, same columns*: one correlated cloud (a Gaussian copula) with the columns'
#   rank correlations, each column then given back its own values in that order.
#
# Each is drawn `N_DRAWS` times, and each draw gets its best silhouette over the same K.
# The rule: there is structure when the table's best silhouette beats **every** draw.


# %%
def columns_shuffled(X, rng):
    """Each column shuffled on its own: the same values, no link between columns."""
    return np.column_stack([rng.permutation(column) for column in X.T])


def one_cloud(X, rng):
    """One Gaussian-copula cloud: each column's own values, the rank correlations kept."""
    from scipy.stats import norm, rankdata

    normal = norm.ppf((rankdata(X, axis=0) - 0.5) / len(X))
    draw = rng.multivariate_normal(np.zeros(X.shape[1]), np.corrcoef(normal.T), len(X))
    order = np.argsort(np.argsort(draw, axis=0), axis=0)
    return np.take_along_axis(np.sort(X, axis=0), order, axis=0)


def best_silhouette(data):
    """The highest silhouette of K-Means on ``data`` over the lesson's K."""
    return max(
        silhouette_score(
            data,
            KMeans(n_clusters=k, n_init=KMEANS_N_INIT, random_state=MODEL_SEED)
            .fit(data)
            .labels_,
        )
        for k in ks
    )


rng = np.random.default_rng(DATA_SEED)
draws = {
    name: [best_silhouette(make(X, rng)) for _ in range(N_DRAWS)]
    for name, make in [("columns shuffled", columns_shuffled), ("one cloud", one_cloud)]
}
for name, values in draws.items():
    print(
        f"baseline '{name}': mean {np.mean(values):.3f} over {N_DRAWS} draws "
        f"({min(values):.3f} to {max(values):.3f})"
    )
highest_baseline = max(max(values) for values in draws.values())
structure = silhouettes.max() > highest_baseline
print(f"table {silhouettes.max():.3f} vs highest draw {highest_baseline:.3f}:", end=" ")
print("structure" if structure else "no more structure than a table without groups")

# %% [markdown]
# A mean silhouette can be held up by one segment. Per segment, at the best K (lesson 3's
# per-sample silhouettes): a segment whose own mean is near 0 is barely a group.

# %%
from sklearn.metrics import silhouette_samples

per_customer = silhouette_samples(X, fits[best_k].labels_)
per_segment = (
    pd.DataFrame({"cluster": fits[best_k].labels_, "silhouette": per_customer})
    .groupby("cluster")["silhouette"]
    .agg(["size", "mean"])
)
per_segment.round(3)

# %% [markdown]
# ## Choose K with evidence
#
# Four criteria side by side (lessons 3–5): the silhouette (highest), the knee of the
# inertia curve, Calinski–Harabasz (highest) and a Gaussian mixture's BIC (lowest). Two
# more columns say what the decision rule needs: the smallest segment's share of the
# customers, and **stability** — the median adjusted Rand index (ARI, 1 = the same
# grouping) between the fit and `N_DRAWS` refits with other seeds plus `N_DRAWS` refits
# on 80 % subsamples (each subsample's model then labels every customer).

# %%
from kneed import KneeLocator
from sklearn.metrics import adjusted_rand_score, calinski_harabasz_score
from sklearn.mixture import GaussianMixture


def refits(k):
    """ARI of N_DRAWS refits with other seeds and N_DRAWS on 80 % subsamples."""
    labels, rng = fits[k].labels_, np.random.default_rng(DATA_SEED)
    scores = []
    for i in range(1, N_DRAWS + 1):
        seed = KMeans(n_clusters=k, n_init=KMEANS_N_INIT, random_state=MODEL_SEED + i)
        scores.append(adjusted_rand_score(labels, seed.fit(X).labels_))
        rows = rng.choice(len(X), size=int(0.8 * len(X)), replace=False)
        part = KMeans(n_clusters=k, n_init=KMEANS_N_INIT, random_state=MODEL_SEED)
        scores.append(adjusted_rand_score(labels, part.fit(X[rows]).predict(X)))
    return np.array(scores)


stability = {k: refits(k) for k in ks}
criteria = pd.DataFrame(
    {
        "silhouette": silhouettes,
        "inertia": [fits[k].inertia_ for k in ks],
        "Calinski-Harabasz": [calinski_harabasz_score(X, fits[k].labels_) for k in ks],
        "BIC": [
            GaussianMixture(k, n_init=MIXTURE_N_INIT, random_state=MODEL_SEED)
            .fit(X)
            .bic(X)
            for k in ks
        ],
        "smallest share": [np.bincount(fits[k].labels_).min() / len(X) for k in ks],
        "stability (ARI)": [np.median(stability[k]) for k in ks],
    },
    index=pd.Index(ks, name="K"),
)
knee = KneeLocator(ks, criteria["inertia"], curve="convex", direction="decreasing").knee
picks = {
    "silhouette": best_k,
    "knee": knee,
    "Calinski-Harabasz": int(criteria["Calinski-Harabasz"].idxmax()),
    "BIC": int(criteria["BIC"].idxmin()),
}
print("each criterion's K:", ", ".join(f"{n} {k}" for n, k in picks.items()))
criteria.round(3)

# %% [markdown]
# When they disagree — they often do — one rule decides, and it is printed: **the
# smallest K whose silhouette is within `SILHOUETTE_MARGIN` of the best, whose smallest
# segment holds at least `MIN_SEGMENT_SHARE` of the customers, and whose median ARI is at
# least `MIN_STABILITY`** — and K = 1 (no segments) when the structure test above failed
# or no K passes. Small K first, because fewer segments are easier to act on, and a
# segment of a handful of customers or one that changes with the seed is no segment.

# %%
passes = criteria[
    (criteria["silhouette"] >= silhouettes.max() - SILHOUETTE_MARGIN)
    & (criteria["smallest share"] >= MIN_SEGMENT_SHARE)
    & (criteria["stability (ARI)"] >= MIN_STABILITY)
]
K = int(passes.index.min()) if structure and len(passes) else 1
print(f"K passing the rule: {list(passes.index) or 'none'}")
print(f"decision: K = {K}")
if K == 1:
    print("no segments to act on: see 'No structure?' below for what to try")
else:
    print(f"silhouette at K = {K}: {silhouettes[K]:.3f}")

# %% [markdown]
# The four criteria beside each other, with the decision marked:

# %% mystnb={"image": {"alt": "Four panels against K: the silhouette, the inertia with its knee (dotted line), Calinski\u2013Harabasz and the mixture's BIC; a dashed vertical line marks the K the rule chose."}}
fig, axes = plt.subplots(2, 2, figsize=(11, 8), layout="constrained")
for ax, column in zip(
    axes.flat, ["silhouette", "inertia", "Calinski-Harabasz", "BIC"], strict=True
):
    ax.plot(criteria.index, criteria[column], marker="o")
    if K > 1:
        ax.axvline(K, color="#D55E00", linestyle="--", label=f"chosen K = {K}")
    ax.set(xlabel="K (number of segments)", ylabel=f"{column} (no unit)")
if knee is not None:
    axes[0, 1].axvline(knee, color="black", linestyle=":", label=f"knee K = {knee}")
    axes[0, 1].legend(loc="best")
if K > 1:
    axes[0, 0].legend(loc="best")
fig.suptitle("The criteria for K side by side")
plt.show()

# %% [markdown]
# ## Stability
#
# The chosen segmentation against the refits with other seeds and on 80 % subsamples
# (the spread, not just the median). Tiny or unstable segments send you back to the
# shape and outlier steps: a segment that exists only for one seed is not something to
# act on.

# %%
if K > 1:
    spread = stability[K]
    print(
        f"stability: median ARI {np.median(spread):.3f} "
        f"({spread.min():.3f} to {spread.max():.3f}) over {len(spread)} refits"
    )
    per_segment = (
        pd.DataFrame(
            {
                "segment": fits[K].labels_,
                "silhouette": silhouette_samples(X, fits[K].labels_),
            }
        )
        .groupby("segment")["silhouette"]
        .agg(["size", "mean"])
    )
    print(f"lowest segment silhouette: {per_segment['mean'].min():.3f}")
else:
    print("one segment: nothing to check")

# %% [markdown]
# ## Profile and name
#
# The final model is one scikit-learn `Pipeline` (lesson 7): the `log1p` of the skewed
# columns, the scaling and K-Means, fitted on the customers kept. The profile is in the
# original units — medians, since spends are skewed — and each segment is named by a
# rule on its centre (in standard deviations from the mean of the shaped columns): the
# one or two columns furthest from the mean, *high* above +0.5, *low* below −0.5.

# %%
from sklearn.compose import ColumnTransformer
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import FunctionTransformer

log_step = FunctionTransformer(np.log1p, feature_names_out="one-to-one")
shape_step = ColumnTransformer(
    [("log1p", log_step, LOG_COLUMNS)], remainder="passthrough"
)
model = make_pipeline(
    shape_step,
    StandardScaler(),
    KMeans(n_clusters=K, n_init=KMEANS_N_INIT, random_state=MODEL_SEED),
)
labels = model.fit_predict(raw[kept])
centres = pd.DataFrame(
    model[-1].cluster_centers_,
    columns=LOG_COLUMNS + [c for c in FEATURES if c not in LOG_COLUMNS],
)[FEATURES]


def segment_name(gaps):
    """The one or two columns furthest from the mean, or 'typical' if none is far."""
    far_out = gaps[gaps.abs() > 0.5].abs().sort_values(ascending=False).index[:2]
    words = [f"{'high' if gaps[c] > 0 else 'low'} {c}" for c in far_out]
    return ", ".join(words) or ("all customers" if K == 1 else "typical")


names = [segment_name(row) for _, row in centres.iterrows()]
names = [n if names.count(n) == 1 else f"{n} ({i})" for i, n in enumerate(names)]
profile = raw[kept].groupby(labels).median().set_axis(names)
profile.insert(0, "customers", np.bincount(labels))
profile.round(0)

# %% [markdown]
# ## What the categories say
#
# The category columns were not clustered; now they describe the segments. The adjusted
# mutual information (AMI; 0 = unrelated, 1 = the same grouping) says how closely the
# segments follow each category, and the table gives each segment's mix.

# %%
from sklearn.metrics import adjusted_mutual_info_score

segment = pd.Series(np.array(names)[labels], index=raw.index[kept], name="segment")
for column in CATEGORIES:
    ami = adjusted_mutual_info_score(customers.loc[kept, column], labels)
    print(f"AMI of the segments with {column}: {ami:.3f}")
    print(pd.crosstab(segment, customers.loc[kept, column], normalize="index").round(2))

# %% [markdown]
# **The one-hot alternative and its pitfall.** You could instead put the categories into
# the clustering, one-hot encoded (a 0/1 column per value, lesson 1). Scaled like the
# other columns, each 0/1 column weighs as much as a spend — and K-Means splits the
# customers by the category rather than by what they buy. See how closely clusters with
# one-hot columns follow each category, against the segments above:

# %%
trial_ks = [k for k in (max(K, 2), max(K, 2) + 1) if k in fits]
if CATEGORIES:
    dummies = pd.get_dummies(customers.loc[kept, CATEGORIES].astype(str), dtype=float)
    with_dummies = np.hstack([X, StandardScaler().fit_transform(dummies)])
    rows = {}
    for k in trial_ks:
        onehot = KMeans(
            n_clusters=k, n_init=KMEANS_N_INIT, random_state=MODEL_SEED
        ).fit_predict(with_dummies)
        for column in CATEGORIES:
            values = customers.loc[kept, column]
            rows[(k, column)] = {
                "AMI, one-hot clusters": adjusted_mutual_info_score(values, onehot),
                "AMI, segments": adjusted_mutual_info_score(values, fits[k].labels_),
            }
    comparison = pd.DataFrame(rows).T.rename_axis(["K", "category"]).round(3)
else:
    comparison = "no category columns: nothing to compare"
comparison if CATEGORIES else print(comparison)

# %% [markdown]
# A category that the one-hot clusters follow far more closely than the segments do
# (compare the two columns, at the chosen K and at one segment more) was *imposed* by its
# 0/1 columns, not found in the behaviour: the clusters split by a code, and a category
# unrelated to buying can start to divide the segments. Describe segments by
# categories; cluster on behaviour.
#
# ## Save, score and export
#
# As in lesson 7: the pipeline, the names and each segment's 99 % distance limit go into
# one skops file. It is loaded back with an **explicit list of trusted types**: the file
# should hold only types that skops trusts already, so the list is empty — if skops
# finds anything else it refuses to load, and you should ask where the file came from.

# %%
import skops.io as sio

OUT_DIR.mkdir(parents=True, exist_ok=True)
distance = model.transform(raw[kept]).min(axis=1)
limits = pd.Series(distance).groupby(labels).quantile(0.99).set_axis(names).to_dict()
model_file = OUT_DIR / "segments.skops"
sio.dump({"pipeline": model, "names": names, "limits": limits}, model_file)
print(
    f"types skops would not load without your say: {sio.get_untrusted_types(file=model_file)}"
)
TRUSTED = []  # the types you have checked and trust, beyond skops' own list
saved = sio.load(model_file, trusted=TRUSTED)
print(f"saved and loaded {model_file.name}")

# %% [markdown]
# Now score **every** customer with the loaded model — the ones set aside are new rows to
# it — and flag those further from their segment's centre than 99 % of its own customers:

# %%
pipeline, segment_names = saved["pipeline"], saved["names"]
scored = pipeline.predict(raw)
gap = pipeline.transform(raw).min(axis=1)
segments = pd.DataFrame(
    {
        customer_ids.name: customer_ids,
        "segment": np.array(segment_names)[scored],
        "set_aside": far,
    }
)
limit = segments["segment"].map(saved["limits"])
segments["fits_well"] = (gap <= limit) & ~far
same = (scored[kept] == labels).all()
print(f"loaded model gives the same segments to the customers kept: {same}")
print(
    f"set aside, scored at the end: {far.sum()}; fitting well: {segments['fits_well'].sum()}"
)
segments[far].head()

# %% [markdown]
# Finally the outputs: `segments.csv` (each customer's ID, segment, `fits_well` and
# whether they were set aside) and `report.json`, what this run decided.

# %%
import json

sizes = segments.loc[kept, "segment"].value_counts().reindex(names)
report = {
    "features": FEATURES,
    "transforms": transforms,
    "k": K,
    "silhouette": round(float(silhouettes[K]), 3) if K > 1 else None,
    "baselines": {name: round(float(np.mean(v)), 3) for name, v in draws.items()},
    "stability_ari": round(float(np.median(stability[K])), 3) if K > 1 else None,
    "sizes": {name: int(n) for name, n in sizes.items()},
    "set_aside": customer_ids[far].tolist(),
}
segments.to_csv(OUT_DIR / "segments.csv", index=False)
(OUT_DIR / "report.json").write_text(json.dumps(report, indent=2))
print(f"wrote segments.csv and report.json to the folder {OUT_DIR.name}")
print(json.dumps(report, indent=1))

# %% [markdown]
# ## No structure?
#
# "No segments" is an honest result, and the template says so: `k` is 1 in the report,
# every customer is in one segment, and the silhouette and stability are `null`. Before
# you accept it, try: other features (leave out a column that is only noise, add one
# that describes behaviour); the shape step (a different transform, a lower
# `SKEW_LIMIT`); a stricter or looser outlier rule; another algorithm for groups that are
# not round (lesson 4). If the table still has no more structure than its baselines, the
# customers differ by degree, not by kind: rank them on one score instead of segmenting.
#
# ## On three tables
#
# What the template decides on the course's business customers is printed above: the
# six spends, all log-transformed, and segments that follow the channel. Run on the mall
# table of lesson 5 (`SEGMENT_CSV=../data/mall_customers_replica.csv`, or the real file)
# it takes the ID and gender for what they are, clusters age, income and score,
# transforms nothing and sets nobody aside; the rule then prefers fewer segments than
# lesson 5's five, because age joins the features and K = 4 comes within the margin of
# the best silhouette. The course's tests run it on the replica and on the real mall
# file and check that each report agrees with what the run printed.

# %% [markdown]
# ## Key takeaways
#
# - Decide the role of every column from evidence: an ID is never a feature, and
#   integer-coded categories are categories — they describe segments afterwards.
# - Check each column's skewness; `log1p` tames skewed spends (with zeros) so that a few
#   giants do not decide the segments.
# - Set outliers aside by a stated rule, then score them at the end — never drop them
#   silently.
# - Judge the silhouette against baselines that keep each column's shape, over several
#   draws; look at per-segment silhouettes too.
# - When the criteria for K disagree, one printed rule decides: the smallest K close to
#   the best silhouette, with no tiny segment, stable across seeds and subsamples.

# %% [markdown]
# ## Exercises
#
# Each exercise checks itself: `exercise("8.1").check(your_answer)` says whether your
# answer is right (✔) or what is wrong with it (✘). The cell under each exercise gives a
# hint; run it again for the next one. Both use the course's business table, whatever
# `CSV_PATH` says.
#
# ### Exercise 8.1 — Let the giants decide
#
# Skip the shape and outlier steps: scale the six raw spend columns of the business
# table (`load_customer_table(BUSINESS_PATH)`, columns `SPENDS` from
# `course_utils.business`) and fit K-Means with K = 2. What is the silhouette, how big
# are the two segments, and how closely do they follow the channel (AMI)? Why would you
# not act on this split? Check your labels with `exercise("8.1").check(labels)`.

# %% mystnb={"code_prompt_hide": "Hide hint", "code_prompt_show": "Show hint"} tags=["hide-output"]
from course_utils.exercises import exercise

exercise("8.1").hint()  # run this cell again for the next hint

# %% tags=["solution", "hide-cell"]
from course_utils.business import CHANNEL, SPENDS

business = load_customer_table(BUSINESS_PATH)
X_raw = StandardScaler().fit_transform(business[list(SPENDS)])
raw_labels = KMeans(
    n_clusters=2, n_init=KMEANS_N_INIT, random_state=MODEL_SEED
).fit_predict(X_raw)
exercise("8.1").check(raw_labels)
print(f"silhouette {silhouette_score(X_raw, raw_labels):.3f}")
print(f"sizes {sorted(np.bincount(raw_labels).tolist())}")
print(
    f"AMI with channel {adjusted_mutual_info_score(business[CHANNEL], raw_labels):.3f}"
)
# The silhouette is very high, but one "segment" is a handful of giant customers and
# the other is everyone else: the split follows size, not the channel (AMI near 0).
# A high score for a useless split: the giants' distances dominate the scaled raw
# spends. log1p first, and the segments follow how customers buy.

# %% [markdown]
# ### Exercise 8.2 — A baseline that flatters
#
# A common baseline is one symmetric Gaussian cloud with the same means and covariance
# as the *raw* spends (`rng.multivariate_normal`). Draw one, 440 customers, from the
# business table's six spend columns. What share of its customers spend a negative
# amount in at least one column? Why can such a baseline not tell you whether skewed
# spends have segments? Check the share with `exercise("8.2").check(share)`.

# %% mystnb={"code_prompt_hide": "Hide hint", "code_prompt_show": "Show hint"} tags=["hide-output"]
exercise("8.2").hint()  # run this cell again for the next hint

# %% tags=["solution", "hide-cell"]
spends = business[list(SPENDS)].to_numpy(dtype=float)
cloud = np.random.default_rng(DATA_SEED).multivariate_normal(
    spends.mean(axis=0), np.cov(spends.T), len(spends)
)
share = (cloud < 0).any(axis=1).mean()
exercise("8.2").check(share)
print(f"customers with a negative spend: {share:.1%}")
# Most of the cloud's customers spend a negative amount somewhere: the cloud has the
# raw spends' means and covariance but not their shape (a long right tail, nothing
# below zero). Its silhouette measures a table that cannot exist, so beating it says
# nothing. Baselines must keep each column's own values, as this lesson's do.

# %% [markdown]
# **Quiz:** lesson 6 has questions on this lesson too (the last ones in the bank).
