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
# **Time:** about 25 minutes. **Prerequisites:** lessons 0–5; the last questions are on the
# optional lesson 7 (skip them if you have not taken it).
#
# ## The quiz
#
# **How it works.** Most questions show a case no lesson showed — a small table, a figure, a
# printed result or a new situation — and ask what you would conclude or do: read it before
# the options. Click an option: the quiz says at once whether it is right and *why* — for
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
# learning objective it tests, and with its kind. Most *apply* a lesson to a case it did not
# show — a new table, an elbow or silhouette figure, a printed result, a new situation — and
# ask what you would conclude or do, as you will on your own data; the others *recall* a key
# point of a lesson. The tables and figures in the questions are not typed in: they are
# computed with scikit-learn (small, seeded runs) each time the quiz is drawn, and the
# course's tests check that they still make the key right. The quiz shows each question's
# options in an order fixed by the question (the same on the website, in JupyterLab and in the
# instructors' answer key), so the right answer is not always in the same place. Here is how
# the questions spread over the lessons and the two kinds:

# %%
import pandas as pd

pd.crosstab(
    pd.Series([q.lesson for q in questions], name="lesson"),
    pd.Series([q.kind for q in questions], name="kind"),
    margins=True,
    margins_name="all",
)

# %% [markdown]
# ## Key takeaways
#
# - The explanation of a wrong option is often the most useful part: read them.
# - A quiz key that is a computation should be recomputed, not trusted — as the exercises show.

# %% [markdown]
# ## Exercises
#
# Each exercise checks itself: `exercise("6.1").check(your_answer)` says whether your
# answer is right (✔) or what is wrong with it (✘). The cell under each exercise gives a
# hint; run it again for the next one. `exercise("6.1").solution()` shows the model
# answer (on the website it is folded under the exercise).
#
# ### Exercise 6.1 — Recompute a key
#
# One question puts four customers on a line, at 0, 1, 4 and 5, clustered as {0, 1} and
# {4, 5}, and asks for the silhouette value of the customer at 0. Do not trust the key:
# compute *a* (the mean distance to the rest of its own cluster) and *b* (the mean
# distance to the other cluster) by hand, then the silhouette, check the three with
# `exercise("6.1").check((a, b, silhouette))`, and compare with scikit-learn's
# `silhouette_samples`. Then move the second customer from 1 to 3 and predict, before you
# run it, whether the first customer's value rises or falls. Why?

# %% mystnb={"code_prompt_hide": "Hide hint", "code_prompt_show": "Show hint"} tags=["hide-output"]
from course_utils.exercises import exercise

exercise("6.1").hint()  # run this cell again for the next hint

# %% tags=["solution", "hide-cell"]
import numpy as np
from sklearn.metrics import silhouette_samples

labels_line = np.array([0, 0, 1, 1])
by_position = {}
for second in (1.0, 3.0):
    X_line = np.array([[0.0], [second], [4.0], [5.0]])
    a = abs(X_line[1, 0] - X_line[0, 0])  # the rest of its own cluster: one customer
    b = np.mean(np.abs(X_line[2:, 0] - X_line[0, 0]))  # every customer of the other
    sklearn_value = silhouette_samples(X_line, labels_line)[0]
    by_position[second] = (a, b, (b - a) / max(a, b), sklearn_value)
exercise("6.1").check(by_position[1.0][:3])
for second, (a, b, by_hand, sklearn_value) in by_position.items():
    print(
        f"second customer at {second:.0f}: a = {a:.2f}, b = {b:.2f}, "
        f"by hand {by_hand:.2f}, scikit-learn {sklearn_value:.2f}"
    )
# By hand, a = 1 and b = 4.5 give (4.5 − 1) / 4.5 = 0.78: the same as scikit-learn
# and the quiz's key. Moving the second customer to 3 makes a = 3 while b stays 4.5
# (b depends only on the other cluster), so the value falls to 0.33: its own cluster
# is now almost as far away as the other one. It stays positive, as the customer is
# still nearer its own cluster on average.

# %% [markdown]
# ### Exercise 6.2 — A dense group next to a loose one
#
# One question says K-Means struggles with groups of different density. See it for
# yourself, as lesson 2 did: with `rng = np.random.default_rng(1)`, make a tight group of
# 250 customers around (0, 0) with a spread of 0.3, then a loose group of 50 around
# (3.5, 0) with a spread of 1.5 (`rng.normal`, tight group first), and fit
# `KMeans(n_clusters=2, n_init=10, random_state=0)`. How many of the loose customers are
# put with the tight group? Check the count with `exercise("6.2").check(taken)`. Then fit
# a `GaussianMixture(n_components=2, n_init=5, random_state=0)`, which learns a spread for
# each group, and compare the counts and the adjusted Rand index: why does it do better?
# Try a loose spread of 1.0 and of 2.0 too: what changes?

# %% mystnb={"code_prompt_hide": "Hide hint", "code_prompt_show": "Show hint"} tags=["hide-output"]
from course_utils.exercises import exercise

exercise("6.2").hint()  # run this cell again for the next hint

# %% tags=["solution", "hide-cell"]
from sklearn.cluster import KMeans
from sklearn.metrics import adjusted_rand_score
from sklearn.mixture import GaussianMixture

from course_utils.settings import KMEANS_N_INIT, MIXTURE_N_INIT, MODEL_SEED

truth = np.repeat([0, 1], [250, 50])
models = {
    "K-Means": KMeans(n_clusters=2, n_init=KMEANS_N_INIT, random_state=MODEL_SEED),
    "Gaussian mixture": GaussianMixture(
        n_components=2, n_init=MIXTURE_N_INIT, random_state=MODEL_SEED
    ),
}


def loose_taken(labels):
    """How many of the loose customers share the tight group's cluster."""
    tight = np.bincount(labels[:250]).argmax()  # the tight group's cluster
    return int((labels[250:] == tight).sum())


# %% tags=["solution", "hide-cell"]
results = {}
for loose_spread in (1.0, 1.5, 2.0):
    rng = np.random.default_rng(1)
    X_density = np.vstack(
        [
            rng.normal([0.0, 0.0], 0.3, size=(250, 2)),
            rng.normal([3.5, 0.0], loose_spread, size=(50, 2)),
        ]
    )
    for name, model in models.items():
        labels = model.fit_predict(X_density)
        ari = adjusted_rand_score(truth, labels)
        results[loose_spread, name] = (loose_taken(labels), ari)
exercise("6.2").check(results[1.5, "K-Means"][0])
for (loose_spread, name), (taken, ari) in results.items():
    print(
        f"loose spread {loose_spread}: {name}: {taken} of 50 loose customers "
        f"with the tight group, ARI {ari:.2f}"
    )
# With a loose spread of 1.5, K-Means puts 13 of the 50 loose customers with the tight
# group (ARI 0.78): its border lies halfway between the two centres whatever the
# spreads, so the loose customers on the near side are cut off. The mixture learns a
# spread for each group: 2 units from the tight centre is far for a spread of 0.3 but
# near for 1.5, so those customers stay with the loose group (0 taken, ARI 0.98). The
# more the spreads differ, the more K-Means takes (2 at 1.0, 17 at 2.0), while the
# mixture takes at most 1 and keeps an ARI of 0.97 or more.

# %% [markdown]
# **Quiz:** this is the quiz — lessons 0 to 5 and 7 each point here.
