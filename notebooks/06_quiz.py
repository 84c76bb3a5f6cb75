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
# # Lesson 6 — Quiz: check what you have learned
#
# **Learning objectives.** By the end of this lesson you will be able to:
# - check your understanding of every lesson's objectives, with an explanation for each answer;
# - spot the course's common misconceptions (units, the silhouette, eps, invented segments);
# - recompute a quiz answer yourself with `course_utils` instead of trusting the key.
#
# **Time:** about 20 minutes. **Prerequisites:** lessons 0–5.
#
# **How it works.** Click an option: the quiz says at once whether it is right and *why* — for
# every option, not only the right one. The score counts your first answer to each question; click
# the other options afterwards to read their explanations too. Questions marked "choose all that
# apply" have several right options: tick them, then press *Check answer*.
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
# learning objective it tests. Questions whose answer is a computation — which K the silhouette
# picks, how many clusters DBSCAN finds — are re-computed by the course's tests, so a new version
# of a library cannot make the key silently wrong. Here is how the questions spread over the
# lessons:

# %%
import pandas as pd

pd.Series(
    [q.lesson for q in questions], name="questions"
).value_counts().sort_index().rename_axis("lesson").to_frame()

# %% [markdown]
# ## Key takeaways
#
# - The explanation of a wrong option is often the most useful part: read them.
# - A quiz key that is a computation should be re-computed, not trusted — as the exercises show.

# %% [markdown]
# ## Exercises
#
# ### Exercise 6.1 — Recompute a key
#
# One question asks which K the silhouette prefers on the course's 300 blobs. Do not trust the
# key: compute the mean silhouette for K = 2..10 with `course_utils.kselect.scores_by_k` on
# `course_utils.datasets.make_course_blobs()` and print the best K.

# %% tags=["solution", "hide-cell"]
from course_utils.datasets import make_course_blobs
from course_utils.kselect import scores_by_k

X_blobs, _ = make_course_blobs()
blob_scores = scores_by_k(X_blobs, range(2, 11), random_state=0, n_init=10)
print(f"best K by silhouette: {blob_scores['silhouette'].idxmax()}")

# %% [markdown]
# ### Exercise 6.2 — Write a question of your own
#
# Write a question on lesson 1 as a Python list holding one dictionary in the bank's format
# (see the top of `course_utils/quiz_bank.yaml`: `id`, `lesson`, `objective`, `question`,
# `options` with `text`, `correct` and `explanation`). Check it with
# `course_utils.quiz.parse_bank`, then show it with `Quiz`. What error do you get if you mark
# two options correct?

# %% tags=["solution", "hide-cell"]
from IPython.display import display

from course_utils.quiz import parse_bank

mine = [
    {
        "id": "my-question",
        "lesson": 1,
        "objective": 2,
        "question": "After StandardScaler, what is each feature's standard deviation?",
        "options": [
            {
                "text": "1",
                "correct": True,
                "explanation": "That is what standardising does.",
            },
            {
                "text": "0",
                "correct": False,
                "explanation": "The mean becomes 0, not the sd.",
            },
        ],
    }
]
display(Quiz(parse_bank(mine), quiz_id="my-quiz"))
mine[0]["options"][1]["correct"] = True
try:
    parse_bank(mine)
except ValueError as error:
    print(f"ValueError: {error}")

# %% [markdown]
# **Quiz:** this is the quiz — lessons 0 to 5 each point here.
