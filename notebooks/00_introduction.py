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
# # Lesson 0 — Introduction: finding groups nobody labelled
#
# **Learning objectives.** By the end of this lesson you will be able to:
# - say what clustering is and how it differs from classification
#   ([what clustering is](#what-clustering-is));
# - name places where clustering is used, and why businesses segment their customers
#   ([where it is used](#where-it-is-used));
# - find your way around the course and check that your computer is ready for it
#   ([the course map](#the-course-map), [is your computer ready?](#is-your-computer-ready));
# - look at a scatter plot of unlabelled customers and describe the groups you see
#   ([a first look](#a-first-look-at-customers-without-labels)).
#
# **Time:** about 15 minutes. **Prerequisites:** basic Python and a little pandas
# (`DataFrame`, selecting columns, `describe()`). Lesson 2 writes K-Means in NumPy, so by then
# you need NumPy arrays: their `shape`, indexing rows and columns (`X[:, 0]`), arithmetic
# between arrays of different shapes (broadcasting: `X - centre` subtracts one row from every
# row) and reductions along an axis (`X.mean(axis=0)` is the mean of each column).

# %% [markdown]
# ## What clustering is
#
# In *classification* every example in the training data comes with its answer — this e-mail
# is spam, that one is not — and a model learns to predict the answer. In **clustering** there
# are no answers at all: we only have the examples, and we ask the computer to put similar ones
# together. That is why clustering is called *unsupervised* learning.
#
# "Similar" has to be made precise. Most methods in this course measure similarity as a
# **distance** between rows of numbers: two customers whose ages and incomes are close are
# similar. Lesson 1 shows why that choice has consequences.
#
# ## Where it is used
#
# - **Customer segmentation** — groups of customers who buy alike, so that each group can get
#   its own offer (this course).
# - **Document topics** — news articles that share vocabulary fall into topics.
# - **Anomaly detection** — a payment that belongs to no group of normal payments is suspicious.
# - **Gene grouping** — genes whose activity rises and falls together probably work together.
# - **Image compression** — replace millions of colours by a few [cluster](../appendix/glossary.md#cluster) centres.
#
# ## Why businesses segment customers
#
# One message for everybody fits nobody. A shop that knows it has, say, young customers on a
# budget and well-off customers who spend little can write a different campaign for each,
# stock different products, and measure each group's response. [Segments](../appendix/glossary.md#segment) are only useful if they
# are **real** (the data really has groups), **stable** (they come back when you re-run the
# analysis) and **actionable** (you can do something different for each). The course keeps
# coming back to these three tests — an algorithm will *always* return clusters, even when the
# data has none.

# %% [markdown]
# ## The course map
#
# The table below is read from the website's table of contents (`_toc.yml`), so it is always
# the current list of the course's pages, in order: the start page, the lessons in the order
# to follow them, then the appendices and the instructor's guide.

# %%
from course_utils.course_map import course_map

course_map()

# %% [markdown]
# ## Is your computer ready?
#
# The course is run and checked with one exact version of each package
# (`requirements-lock.txt`). The next cell compares the packages the lessons import with those
# versions: `[ OK ]` is the same version, `[ ~~ ]` the same minor version (close enough: the
# lessons run), `[FAIL]` a missing package or another version. If a line says `[FAIL]`, the
# report ends with the command that installs the course's versions; the website's launch
# buttons (Binder, Colab) are another way. Your output differs from the one shown here where
# your machine does.

# %% tags=["nbval-ignore-output"]
from course_utils.check_env import check_environment, format_report

print(format_report(check_environment()))

# %% [markdown]
# ## A first look at customers without labels
#
# Here are the synthetic customers the first lessons use: for each one we know only an age and a
# yearly income. The data maker also records which segment each customer was drawn from, but a
# real shop never has that column — so we hide it for now.

# %%
import matplotlib.pyplot as plt

from course_utils.datasets import AGE, INCOME, make_age_income_customers
from course_utils.settings import DATA_SEED
from course_utils.style import cluster_scatter, use_course_style

use_course_style()
customers = make_age_income_customers(random_state=DATA_SEED)
print(f"{len(customers)} customers, columns: {list(customers.columns)}")
customers[[AGE, INCOME]].describe().round(1)

# %% mystnb={"image": {"alt": "Scatter plot of 300 customers, age in years against yearly income in thousands of dollars, all drawn alike: denser regions run from young and low-income to older and high-income."}}
in_k = customers[[AGE, INCOME]] / [1, 1000]  # income in thousands of dollars
cluster_scatter(
    in_k, title="Customers, unlabelled", ylabel="Income (k$ per year)", legend=False
)
plt.show()

# %% [markdown]
# *What to see:* points are not spread evenly — there are denser regions, roughly along a line
# from young and low-income to older and high-income. How many groups would you draw? Write
# your number down before you go on: lesson 3 shows how to choose one with evidence rather
# than by eye. Exercise 0.1 below reveals the true segments the data maker kept, and
# lesson 1 compares the clusters it finds with them.
#
# Notice also the sizes of the numbers: income runs over tens of thousands of dollars (the axis
# counts thousands), age over a few decades. Lesson 1 starts from that.

# %% [markdown]
# ## Key takeaways
#
# - Clustering groups examples **without labels**; "similar" usually means "close" by a distance.
# - It is used for customers, documents, anomalies, genes and images.
# - Segments are worth acting on only if they are real, stable and actionable.
# - An algorithm always returns clusters — whether the data has groups is for you to check.

# %% [markdown]
# ## Exercises
#
# Each exercise checks itself: `exercise("0.1").check(your_answer)` says whether your
# answer is right (✔) or what is wrong with it (✘). The cell under each exercise gives a
# hint; run it again for the next one. `exercise("0.1").solution()` shows the model
# answer (on the website it is folded under the exercise).
#
# ### Exercise 0.1 — How many groups do you see?
#
# Write down how many groups you see in the scatter above. Then reveal the true segments:
# plot the customers again, coloured by the `segment` column, with a legend that says
# "segment" (a segment is the truth; a cluster is what an algorithm finds). Count the
# segments with pandas and check the count with `exercise("0.1").check(n_segments)`. Were
# you close? Where do the segments overlap?

# %% mystnb={"code_prompt_hide": "Hide hint", "code_prompt_show": "Show hint"} tags=["hide-output"]
from course_utils.exercises import exercise

exercise("0.1").hint()  # run this cell again for the next hint

# %% mystnb={"image": {"alt": "The same scatter of customers, coloured and marked by the four true segments, which overlap where they meet."}} tags=["solution", "hide-cell"]
segments = customers["segment"]
n_segments = segments.nunique()
exercise("0.1").check(n_segments)
cluster_scatter(
    in_k,
    segments,
    title="Customers coloured by their true segment",
    ylabel="Income (k$ per year)",
    label_names={segment: f"segment {segment}" for segment in range(n_segments)},
)
plt.show()
incomes = in_k[INCOME].groupby(segments).agg(["min", "max"]).round(0)
print(incomes.rename_axis("segment").add_prefix("income k$ ").to_string())
# There are 4 segments: compare with the number you wrote down. They run along one diagonal,
# from young and low-income (segment 0) to older and well-off (segment 3). Segment 0
# barely touches segment 2, but the incomes of segments 1 and 3, the two widest, share
# a long stretch (printed above): there the points mix, and no method can sort every
# customer back. A count by eye is a guess; lesson 3 gives evidence.

# %% [markdown]
# ### Exercise 0.2 — Which feature is bigger?
#
# Using pandas, compute the range (maximum minus minimum) of age and of income (in
# dollars, as in `customers`). By what factor is income's range larger than age's? Check
# the factor with `exercise("0.2").check(factor)`, and keep it in mind for lesson 1: what
# does it mean for a distance that adds up differences in age and in income?

# %% mystnb={"code_prompt_hide": "Hide hint", "code_prompt_show": "Show hint"} tags=["hide-output"]
from course_utils.exercises import exercise

exercise("0.2").hint()  # run this cell again for the next hint

# %% tags=["solution", "hide-cell"]
ranges = customers[[AGE, INCOME]].max() - customers[[AGE, INCOME]].min()
factor = ranges[INCOME] / ranges[AGE]
exercise("0.2").check(factor)
print(ranges.round(1))
print(f"income's range is {factor:.0f} times age's")
# Income's range is about 1,500 times age's, only because it is counted in dollars and
# age in years. A distance adds up the differences, so a gap of a few thousand dollars
# outweighs the whole range of ages: K-Means on these raw numbers would group by income
# alone. Lesson 1 shows this and what scaling does about it.

# %% [markdown]
# **Quiz:** lesson 06 has questions on this lesson.
