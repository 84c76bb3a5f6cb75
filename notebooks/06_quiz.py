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
# # Lesson 6 — Quiz: check what you have learned
#
# **Learning objectives.** By the end of this lesson you will be able to:
# - check your understanding of every lesson's objectives, with an explanation for each
#   answer ([the quiz](#the-quiz));
# - spot the course's common misconceptions (units, the silhouette, eps, invented segments)
#   ([the quiz](#the-quiz), and [the exercises](#exercises));
# - recompute a quiz answer yourself with scikit-learn instead of trusting the key
#   ([where the questions come from](#where-the-questions-come-from), and
#   [the exercises](#exercises)).
#
# **Time:** about 20 minutes. **Prerequisites:** lessons 0–5.
#
# ## The quiz
#
# **How it works.** Click an option: the quiz says at once whether it is right and *why* — for
# every option, not only the right one. The score (it stays at the top of the quiz while you
# scroll) counts your first answer to each question; click the other options afterwards to
# read their explanations too. Questions marked "choose all that apply" have several right
# options: tick them, then press *Check answer*; a right option you did not tick is then shown
# with a dashed border. When every question is answered, a summary under the last one names
# the lessons to revisit. Your answers stay in this browser if you reload the page; *Start
# again* clears them.
#
# In JupyterLab, run the cell below (the quiz needs a trusted output: if the buttons do nothing,
# run the cell again). On the website the quiz works directly in the page.

# %%
from course_utils.quiz import Quiz, load_bank

questions = load_bank()
print(f"{len(questions)} questions on lessons {sorted({q.lesson for q in questions})}")
Quiz(questions)

# %% [markdown]
# ## Where the questions come from
#
# The questions live in `course_utils/quiz_bank.yaml`, each tagged with the lesson and the
# learning objective it tests. The quiz shows each question's options in an order fixed by the
# question (the same on the website, in JupyterLab and in the instructors' answer key), so the
# right answer is not always in the same place. Questions whose answer is a computation — a
# point's silhouette, the best K on the mall data — are recomputed with scikit-learn by the
# course's tests, so a new version of a library cannot make the key silently wrong. Here is
# how the questions spread over the lessons:

# %%
import pandas as pd

pd.Series(
    [q.lesson for q in questions], name="questions"
).value_counts().sort_index().rename_axis("lesson").to_frame()

# %% [markdown]
# ## Key takeaways
#
# - The explanation of a wrong option is often the most useful part: read them.
# - A quiz key that is a computation should be recomputed, not trusted — as the exercises show.

# %% [markdown]
# ## Exercises
#
# ### Exercise 6.1 — Recompute a key
#
# One question puts four customers on a line, at 0, 1, 4 and 5, clustered as {0, 1} and
# {4, 5}, and asks for the silhouette value of the customer at 0. Do not trust the key:
# compute *a* (the mean distance to the rest of its own cluster) and *b* (the mean distance to
# the other cluster) by hand, then the silhouette, and compare with scikit-learn's
# `silhouette_samples`. Then move the second customer from 1 to 3 and predict, before you
# run it, whether the first customer's value rises or falls.

# %% tags=["solution", "hide-cell"]
import numpy as np
from sklearn.metrics import silhouette_samples

labels_line = np.array([0, 0, 1, 1])
for second in (1.0, 3.0):
    X_line = np.array([[0.0], [second], [4.0], [5.0]])
    a = abs(X_line[1, 0] - X_line[0, 0])
    b = np.mean(np.abs(X_line[2:, 0] - X_line[0, 0]))
    by_hand = (b - a) / max(a, b)
    sklearn_value = silhouette_samples(X_line, labels_line)[0]
    print(
        f"second customer at {second:.0f}: a = {a:.2f}, b = {b:.2f}, "
        f"by hand {by_hand:.2f}, scikit-learn {sklearn_value:.2f}"
    )

# %% [markdown]
# ### Exercise 6.2 — A dense group next to a loose one
#
# One question says K-Means struggles with groups of different density. See it for yourself:
# make a tight group of 250 customers (spread 0.3) next to a loose group of 50 (spread 1.5)
# with NumPy, as lesson 2 did, and fit `KMeans(n_clusters=2)`. How many of the loose
# customers are put with the tight group? Then fit a `GaussianMixture(n_components=2)`, which
# learns a spread for each group, and compare the counts and the adjusted Rand index. Try a
# loose spread of 1.0 and of 2.0 too.

# %% tags=["solution", "hide-cell"]
from sklearn.cluster import KMeans
from sklearn.metrics import adjusted_rand_score
from sklearn.mixture import GaussianMixture

rng = np.random.default_rng(1)
loose_spread = 1.5
X_density = np.vstack(
    [
        rng.normal([0.0, 0.0], 0.3, size=(250, 2)),
        rng.normal([3.5, 0.0], loose_spread, size=(50, 2)),
    ]
)
truth = np.repeat([0, 1], [250, 50])
models = {
    "K-Means": KMeans(n_clusters=2, n_init=10, random_state=0),
    "Gaussian mixture": GaussianMixture(n_components=2, n_init=5, random_state=0),
}
for name, model in models.items():
    labels = model.fit_predict(X_density)
    tight = np.bincount(labels[:250]).argmax()  # the tight group's cluster
    taken = int((labels[250:] == tight).sum())
    ari = adjusted_rand_score(truth, labels)
    print(f"{name}: {taken} of 50 loose customers with the tight group, ARI {ari:.2f}")

# %% [markdown]
# **Quiz:** this is the quiz — lessons 0 to 5 each point here.
