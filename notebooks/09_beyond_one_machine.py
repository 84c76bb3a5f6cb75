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
# # Lesson 9 — Beyond one machine
#
# **Learning objectives.** By the end of this lesson you will be able to:
# - run the course's segmentation recipe (assemble, scale, K-Means with K = 5) as a Spark
#   MLlib `Pipeline` on customers stored as Parquet ([the pipeline](#the-pipeline-in-spark));
# - check a Spark result against scikit-learn: match the centres up to their numbering and
#   compare the inertia ([the same with scikit-learn](#the-same-with-scikit-learn));
# - save a fitted Spark pipeline, load it back and score new customers
#   ([a model you can keep](#a-model-you-can-keep));
# - say what Spark costs on one machine, and what changes when the same notebook runs on a
#   cluster ([honest about cost](#honest-about-cost)).
#
# **Time:** about 30 minutes (Spark itself needs a minute or two to start and fit).
# **Prerequisites:** lesson 7 (a saved pipeline, a million customers); lesson 5 (the
# mall's five segments). **Set-up:** `make spark` in the course folder, once (it installs
# PySpark and, if your machine has no Java 17 or 21, a Java runtime from pip).
#
# Lesson 7 clustered a million customers on a laptop in seconds. When the customer base no
# longer fits on one machine — billions of rows in a data lake, or a team that already
# runs everything on a cluster — the same recipe runs on
# [Apache Spark](https://spark.apache.org/docs/latest/ml-clustering.html), which splits the
# data into *partitions* and works on them in parallel, on as many machines as you have.
# This lesson runs it on one machine, in Spark's *local mode*: the code is the code of a
# cluster, only the address of the "cluster" differs.

# %% [markdown]
# ## Starting Spark
#
# Spark runs on Java; PySpark talks to it from Python. `start_spark` (course machinery)
# starts a session in local mode with two worker threads (`local[2]`), keeps Spark's
# start-up messages out of the lesson, keeps its scratch files in the lesson's working
# folder, and — if PySpark or Java is missing — says what to install instead of showing a
# Java stack trace:

# %%
from pathlib import Path

from course_utils.spark_session import start_spark

work = Path("lesson09_files")  # beside the lesson; each run writes over the last one's
spark = start_spark(work, cores=2)
print(f"Spark {spark.version}, master {spark.sparkContext.master}")

# %% [markdown]
# ## A million customers as Parquet
#
# The customers are lesson 7's million: drawn from the mall customers (the real file if you
# saved it in `data/`, else the course's replica) with a little noise. Spark's files prefer
# plain column names, so income and score get short ones.

# %%
import numpy as np
import pandas as pd

from course_utils.datasets import make_later_quarter
from course_utils.mall_loader import load_mall_customers
from course_utils.settings import KMEANS_N_INIT, MALL_FEATURES, MALL_K, MODEL_SEED

customers = load_mall_customers()
print(customers.attrs["description"])
FEATURES = ["income", "score"]  # Annual Income (k$), Spending Score (1-100)
million = make_later_quarter(
    customers, MALL_FEATURES, n_customers=1_000_000, random_state=2
)
million.columns = FEATURES
print(f"{len(million):,} customers")

# %% [markdown]
# Customer data usually arrive as CSV files. Spark reads them, and writes them back as
# [Parquet](https://parquet.apache.org/): a compressed, column-by-column format that Spark
# reads much faster, split into several files (*partitions*) that different workers — or
# different machines — can read at the same time. Here: eight partitions.

# %%
csv_file = work / "million_customers.csv"
million.to_csv(csv_file, index=False)
parquet_dir = work / "customers.parquet"
raw = spark.read.csv(str(csv_file), header=True, schema="income INT, score INT")
raw.repartition(8).write.mode("overwrite").parquet(str(parquet_dir))
parts = sorted(parquet_dir.glob("part-*.parquet"))
print(
    f"{len(parts)} partition files, {sum(p.stat().st_size for p in parts) / 1e6:.1f} MB"
)

# %% [markdown]
# Now read them as a Spark `DataFrame`. Nothing is computed yet: Spark is *lazy*, and only
# an action (`count`, `fit`, `show`) makes it work. `cache()` keeps the rows in memory once
# read, because K-Means passes over them many times. `read_customers` (course machinery)
# checks what the pipeline needs: the path exists, the two columns are numbers, and there
# are at least K rows.

# %%
from course_utils.spark_session import read_customers

frame = read_customers(spark, parquet_dir, FEATURES, MALL_K).cache()
print(f"{frame.count():,} rows in {frame.rdd.getNumPartitions()} partitions")
frame.printSchema()

# %% [markdown]
# ## The pipeline in Spark
#
# The recipe of lessons 5 and 7, in Spark MLlib's words. Spark's models read one column
# holding a *vector* per row, so a `VectorAssembler` comes first; then `StandardScaler`
# (`withMean=True`: subtract the mean too, as scikit-learn's does) and `KMeans` with K = 5.
# Spark's `KMeans` starts with *k-means||* ("k-means parallel"): k-means++ (lesson 2) picks
# one new centre per pass over the data, k-means|| picks many candidates per pass and
# needs only a few passes — on a cluster, a pass over the data is the expensive part.

# %%
from pyspark.ml import Pipeline
from pyspark.ml.clustering import KMeans as SparkKMeans
from pyspark.ml.feature import StandardScaler as SparkScaler
from pyspark.ml.feature import VectorAssembler

pipeline = Pipeline(
    stages=[
        VectorAssembler(inputCols=FEATURES, outputCol="raw"),
        SparkScaler(inputCol="raw", outputCol="features", withMean=True, withStd=True),
        SparkKMeans(
            k=MALL_K, initMode="k-means||", seed=MODEL_SEED, featuresCol="features"
        ),
    ]
)

# %% [markdown]
# Fit it, and time the fit (the time depends on your machine, so it is not checked):

# %% tags=["nbval-ignore-output"]
import time

tic = time.perf_counter()
spark_model = pipeline.fit(frame)
spark_seconds = time.perf_counter() - tic
print(f"Spark fit: {spark_seconds:.1f} s")

# %% [markdown]
# The fitted `PipelineModel` holds each stage fitted. The scaler knows each column's mean
# and standard deviation; the K-Means model its centres in scaled units — standard
# deviations above (+) or below (−) the mean, so lesson 7's rule names them: above +0.5 is
# *high*, below −0.5 *low*, otherwise *middle*.

# %%
scaler_model, kmeans_model = spark_model.stages[1], spark_model.stages[2]
mean, std = scaler_model.mean.toArray(), scaler_model.std.toArray()
gaps = np.array(kmeans_model.clusterCenters())


def level(gap):
    """'high', 'low' or 'middle': a centre's distance from the mean, in sds."""
    return "high" if gap > 0.5 else "low" if gap < -0.5 else "middle"


names = [f"{level(i)} income, {level(s)} spend" for i, s in gaps]
print(f"income mean {mean[0]:.1f} k$, sd {std[0]:.1f} k$; score mean {mean[1]:.1f}")
print(f"iterations: {kmeans_model.summary.numIter}, distinct names: {len(set(names))}")

# %% [markdown]
# `transform` adds a `prediction` column (the segment number) to every row; a `groupBy`
# counts them — on a cluster, each machine counts its own partitions and Spark adds up the
# counts. Only the five totals come back to Python (`toPandas`), never the million rows:

# %%
scored = spark_model.transform(frame)
counts = scored.groupBy("prediction").count().toPandas().set_index("prediction")
spark_segments = pd.DataFrame(gaps * std + mean, columns=FEATURES, index=names)
spark_segments.insert(
    0, "share (%)", 100 * counts["count"].sort_index().to_numpy() / 1e6
)
spark_segments.sort_index().round(1)

# %% [markdown]
# The five segments of lesson 5 — the four corners and the middle — with their share of
# the million customers and their centres in the original units (k$ and score points).
#
# ## The same with scikit-learn
#
# Now the same recipe on the same million rows in memory, with scikit-learn as in lesson 7,
# with the course's 10 restarts (one start can land in a worse local optimum here; Spark's
# `KMeans` makes a single k-means|| start) and `tol=0`: iterate until no customer changes
# segment, as Spark's fit did here. Timed too:

# %% tags=["nbval-ignore-output"]
from sklearn.cluster import KMeans
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

sk_model = make_pipeline(
    StandardScaler(),
    KMeans(n_clusters=MALL_K, n_init=KMEANS_N_INIT, random_state=MODEL_SEED, tol=0),
)
tic = time.perf_counter()
sk_model.fit(million)
sk_seconds = time.perf_counter() - tic
print(f"scikit-learn fit: {sk_seconds:.1f} s ({KMEANS_N_INIT} starts)")

# %% [markdown]
# Cluster numbers are arbitrary in both libraries (lesson 5), so match each Spark centre
# with a scikit-learn centre first: the pairing with the smallest total distance
# (`linear_sum_assignment`, the "assignment problem"). Then compare, in scikit-learn's
# scaled units, the centres and the inertia — the sum of squared distances of all million
# customers to their nearest centre (lesson 2):

# %%
from scipy.optimize import linear_sum_assignment
from sklearn.metrics import pairwise_distances, pairwise_distances_argmin_min

sk_scaler, sk_kmeans = sk_model[0], sk_model[-1]
spark_centres = sk_scaler.transform(pd.DataFrame(gaps * std + mean, columns=FEATURES))
rows, cols = linear_sum_assignment(
    pairwise_distances(spark_centres, sk_kmeans.cluster_centers_)
)
difference = np.abs(spark_centres[rows] - sk_kmeans.cluster_centers_[cols]).max()
_, nearest = pairwise_distances_argmin_min(sk_scaler.transform(million), spark_centres)
inertia_ratio = (nearest**2).sum() / sk_kmeans.inertia_
print(f"largest centre difference: {difference:.4f} scaled units")
print(f"inertia of Spark's centres / scikit-learn's: {inertia_ratio:.3f}")

# %% [markdown]
# The two libraries agree: no centre moves by more than a thousandth of a standard
# deviation, and Spark's centres fit the customers exactly as well as scikit-learn's (the
# ratio is printed above). The tiny differences come from when each stops iterating (its
# tolerance), not from the method. A result you can reproduce with another library is one
# you can trust.
#
# ## A model you can keep
#
# A Spark pipeline is saved as a folder (the stages' parameters and fitted values, as
# Parquet and JSON — no pickle, so loading it runs no code from the file), and loaded
# back with `PipelineModel.load`. Score lesson 7's seven new customers with the loaded
# model:

# %%
from pyspark.ml import PipelineModel

model_dir = work / "spark_segments"
spark_model.write().overwrite().save(str(model_dir))
loaded = PipelineModel.load(str(model_dir))
new_customers = spark.createDataFrame(
    [(20, 85), (25, 15), (60, 50), (90, 90), (95, 10), (140, 50), (300, 50)],
    schema="income INT, score INT",
)
new = loaded.transform(new_customers).select(*FEATURES, "prediction").toPandas()
new["segment"] = [names[i] for i in new["prediction"]]
new.drop(columns="prediction")

# %% [markdown]
# Every new customer gets a segment — even the one earning 300 k$, far beyond anyone the
# model has seen. Lesson 7's distance check (`transform` of scikit-learn's pipeline)
# carries over: Spark's `KMeansModel` has no distances column, but the centres are in
# `clusterCenters()` and a distance is one line of Spark SQL functions.
#
# ## Another algorithm, in brief
#
# MLlib has other clustering models with the same interface. `BisectingKMeans` splits the
# customers in two, then splits the segment with the largest spread, until there are K: a
# *divisive* hierarchical clustering (lesson 4 showed the agglomerative kind). Swap it into
# the pipeline's last stage and compare its inertia with K-Means':

# %%
from pyspark.ml.clustering import BisectingKMeans

bisecting = Pipeline(
    stages=[*pipeline.getStages()[:2], BisectingKMeans(k=MALL_K, seed=MODEL_SEED)]
).fit(frame)
bisect_gaps = np.array(bisecting.stages[-1].clusterCenters())
bisect_centres = sk_scaler.transform(
    pd.DataFrame(bisect_gaps * std + mean, columns=FEATURES)
)
_, bisect_nearest = pairwise_distances_argmin_min(
    sk_scaler.transform(million), bisect_centres
)
print(
    f"inertia of BisectingKMeans / K-Means: {(bisect_nearest**2).sum() / sk_kmeans.inertia_:.3f}"
)
print(
    "segments:", sorted(f"{level(i)} income, {level(s)} spend" for i, s in bisect_gaps)
)

# %% [markdown]
# The divisive splits find the same five segments by name, but their inertia is higher
# (the ratio is printed above): each split is final, so customers put on the wrong side of
# an early split stay there, and no later step moves them back. It is cheaper per step on
# large data (each step splits one segment in two), and a common start for K-Means.
#
# ## Honest about cost
#
# The two fits, side by side (this run's times, on your machine; not checked):

# %% tags=["nbval-ignore-output"]
print(f"Spark (local[2]): {spark_seconds:.1f} s; scikit-learn: {sk_seconds:.1f} s")
per_start = sk_seconds / KMEANS_N_INIT
print(f"Spark's one start took {spark_seconds / per_start:.0f} times as long as one of")
print(f"scikit-learn's {KMEANS_N_INIT} starts ({per_start:.2f} s)")

# %% [markdown]
# **On one machine, Spark is tens of times slower than scikit-learn** (the ratio is
# printed above). Measured when this lesson was written, on a 2-core machine shared with
# other jobs (PySpark 4.3.0, one million customers): `make spark` downloads 456 MB (PySpark;
# 490 MB when Java comes from pip too) and took 1.5 minutes on a first run, a few seconds
# when pip's cache already held the files; starting the session took 20–30 s; Spark's fit
# took 45–90 s against 0.3–1.2 s per scikit-learn start (2.6–11.5 s for the ten); the Spark
# driver's Java process peaked at 1.2–1.5 GB of memory. Every Spark job pays for planning the
# work, starting tasks and moving rows between Java and its workers — costs that buy
# nothing when all the data fit in one computer's memory. Spark exists for data that do
# **not** fit on one machine, and for teams whose data already live on a cluster: there,
# the alternative to Spark is not scikit-learn, but a sample.
#
# **On a real cluster**, the same notebook runs as a script — jupytext already keeps every
# lesson as a plain Python file (`09_beyond_one_machine.py`). What changes:
#
# - **where Spark runs**: instead of `start_spark(...)` (local mode, `local[2]`), the script
#   calls `SparkSession.builder.getOrCreate()` and the cluster is named when the job is
#   submitted: `spark-submit --master yarn` (or `spark://host:7077`, or `k8s://...`)
#   `--num-executors 20 segments.py`;
# - **where the data live**: `spark.read.parquet("s3a://shop/customers/")` (or `hdfs://...`)
#   instead of a local folder, written there by the shop's data pipeline rather than from
#   pandas, and the model saved beside it;
# - **nothing from pandas**: the million-row pandas table and the scikit-learn comparison
#   exist only to check Spark on one machine; on a cluster the data never pass through
#   Python.
#
# What does not change: the `Pipeline` — assembler, scaler, `KMeans` — its `fit`,
# `transform`, `groupBy` and `save`, line for line.


# %% [markdown]
# ## Key takeaways
#
# - Spark MLlib's `Pipeline` of `VectorAssembler`, `StandardScaler(withMean=True)` and
#   `KMeans` (k-means|| start) is the course's recipe, and finds the same centres as
#   scikit-learn on the same data.
# - Keep data for Spark as partitioned Parquet; Spark is lazy, `cache()` what an iterative
#   model reads many times, and bring only small results back to Python.
# - Check a new tool against a known one: match centres up to their numbering, compare
#   the inertia.
# - On one machine Spark is tens of times slower than scikit-learn: use it when the data
#   do not fit on one machine or already live on a cluster; the pipeline code is the same
#   there, only the master and the data's address change.

# %% [markdown]
# ## Exercises
#
# Each exercise checks itself: `exercise("9.1").check(your_answer)` says whether your
# answer is right (✔) or what is wrong with it (✘). The cell under each exercise gives a
# hint; run it again for the next one. `exercise("9.1").solution()` shows the model
# answer (on the website it is folded under the exercise).
#
# ### Exercise 9.1 — One partition
#
# A quick look at big data often reads only part of it. Read *one* of the eight partition
# files (`parts[0]`) with `read_customers` and fit the same `pipeline` on it. Spark's
# `KMeans` makes one start, and on a smaller read k-means|| can stop in a worse local
# optimum: make your own restarts — fit with `seed` = 0 to 3 (`pipeline.copy` with a new
# seed, or a new `Pipeline`) and keep the fit with the lowest
# `stages[2].summary.trainingCost`. Express its five centres in the original units (k$
# and score points), one row per centre. How far are they from the centres fitted on all
# eight partitions? When would one partition not be good enough? Check the centres with
# `exercise("9.1").check(partial_centres)`.

# %% mystnb={"code_prompt_hide": "Hide hint", "code_prompt_show": "Show hint"} tags=["hide-output"]
from course_utils.exercises import exercise

exercise("9.1").hint()  # run this cell again for the next hint

# %% tags=["solution", "hide-cell"]
one_part = read_customers(spark, parts[0], FEATURES, MALL_K).cache()
fits = {}
for seed in range(4):
    stages = [*pipeline.getStages()[:2], SparkKMeans(k=MALL_K, seed=seed)]
    fitted = Pipeline(stages=stages).fit(one_part)
    fits[seed] = (fitted.stages[2].summary.trainingCost, fitted)
costs = {seed: round(cost) for seed, (cost, _) in fits.items()}
partial = min(fits.values(), key=lambda pair: pair[0])[1]
partial_centres = (
    np.array(partial.stages[2].clusterCenters()) * partial.stages[1].std.toArray()
    + partial.stages[1].mean.toArray()
)
exercise("9.1").check(partial_centres)
full_centres = gaps * std + mean
pair_rows, pair_cols = linear_sum_assignment(
    pairwise_distances(partial_centres, full_centres)
)
gap = np.abs(partial_centres[pair_rows] - full_centres[pair_cols]).max()
print(f"training cost per seed: {costs}")
print(f"rows read: {one_part.count():,}; largest centre difference: {gap:.1f} units")
# Seed 0 stops in a worse optimum on this partition (a much higher cost); the best of four
# starts gives centres within a fraction of a unit (k$ or score points) of the full fit:
# the partitions are random shares of the same customers, and 125,000 rows pin five
# centres down well. One partition would not do if the files were not random shares —
# written per month, region or shop, they hold different customers — or if a small
# segment had too few customers in one file.

# %% [markdown]
# ### Exercise 9.2 — Choose K with Spark
#
# Spark has the silhouette of lesson 3 too: `ClusteringEvaluator` from
# `pyspark.ml.evaluation` (its default is the silhouette with squared Euclidean distances,
# computed in one pass over the data). On a 1 % sample of the customers
# (`frame.sample(fraction=0.01, seed=MODEL_SEED)`), fit the pipeline with K = 3 to 7 and
# compute each K's silhouette on the scaled features. Which K wins? Check it with
# `exercise("9.2").check(best_k)`.

# %% mystnb={"code_prompt_hide": "Hide hint", "code_prompt_show": "Show hint"} tags=["hide-output"]
exercise("9.2").hint()  # run this cell again for the next hint

# %% tags=["solution", "hide-cell"]
from pyspark.ml.evaluation import ClusteringEvaluator

sample = frame.sample(fraction=0.01, seed=MODEL_SEED).cache()
evaluator = ClusteringEvaluator(featuresCol="features", predictionCol="prediction")
silhouettes = {}
for k in range(3, 8):
    stages = [*pipeline.getStages()[:2], SparkKMeans(k=k, seed=MODEL_SEED)]
    fitted = Pipeline(stages=stages).fit(sample)
    silhouettes[k] = evaluator.evaluate(fitted.transform(sample))
best_k = max(silhouettes, key=silhouettes.get)
exercise("9.2").check(best_k)
print({k: round(value, 2) for k, value in silhouettes.items()})
# K = 5 has the highest silhouette, as on the 200 mall customers in lessons 3 and 5: the
# million are mall customers with a little noise. A 1 % sample is plenty to choose K, and
# far cheaper than the full million — on a cluster too, where each K is a new job. Spark's
# silhouette uses squared distances, so its values are higher than scikit-learn's.

# %% [markdown]
# ## Quiz
#
# Test yourself with the course's quiz, [lesson 6](06_quiz.ipynb).
#
# ## When you are done
#
# Spark's session holds a Java process and its memory: stop it (shutting the kernel down
# stops it too).

# %%
spark.stop()
print("Spark session stopped")
