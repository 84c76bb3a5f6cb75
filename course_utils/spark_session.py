"""A quiet Spark session on one machine for lesson 09, and a checked read of its Parquet data.

Machinery only (the lesson's subject, the pipeline, stays in the lesson): find the Java that
``make spark`` set up, start Spark in local mode with its start-up chatter turned off (so a
lesson's outputs hold only what the lesson prints), say what to run when PySpark or Java is
missing instead of showing a Java stack trace, and stop the session when done.
"""

from __future__ import annotations

import atexit
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import warnings
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
#: Holds the ``log4j2.properties`` that keeps Spark's logging to errors.
CONF_DIR = ROOT / "tools" / "spark_conf"
#: What to run when PySpark or Java is missing.
SETUP_ADVICE = (
    "In the course folder run `make spark` (it installs PySpark and, if this machine has "
    "no Java 17 or 21, a Java runtime from pip: 456 MB, 490 MB with Java), then restart "
    "the kernel. With conda: `conda env create -f environment.yml` installs both."
)


class SparkUnavailable(SystemExit):
    """Spark cannot start here. A ``SystemExit``, so that a notebook shows its message in
    one line and stops, rather than a Java or Python stack trace."""


def _java_major(java: str) -> int | None:
    """The major version of the ``java`` executable (17 for 17.0.15), or None."""
    try:
        run = subprocess.run(
            [java, "-XX:-UsePerfData", "-version"], capture_output=True, timeout=30
        )
    except OSError:
        return None
    found = re.search(rb'version "(\d+)', run.stderr + run.stdout)
    return int(found[1]) if found else None


def find_java_home() -> Path | None:
    """The Java home Spark should use: the wrapper ``make spark`` wrote into this Python's
    environment, else ``JAVA_HOME``, else the ``java`` on ``PATH``; None if there is none."""
    candidates = [Path(sys.prefix) / "spark-java"]
    if os.environ.get("JAVA_HOME"):
        candidates.append(Path(os.environ["JAVA_HOME"]))
    on_path = shutil.which("java")
    if on_path:
        candidates.append(Path(on_path).resolve().parents[1])
    return next(
        (home for home in candidates if (home / "bin" / "java").is_file()), None
    )


def spark_problem() -> str | None:
    """Why Spark cannot start here (PySpark or a Java 17+ missing), or None if it can."""
    if importlib.util.find_spec("pyspark") is None:
        return f"PySpark is not installed in this Python ({sys.executable})."
    home = find_java_home()
    if home is None:
        return "PySpark is installed but no Java runtime was found."
    major = _java_major(str(home / "bin" / "java"))
    if major is None or major < 17:
        return f"Spark 4 needs Java 17 or newer; {home} has Java {major}."
    return None


def start_spark(work_dir: str | Path, app_name: str = "segments", cores: int = 2):
    """Start (or return the running) Spark session in local mode, quietly.

    Spark's scratch files go to ``work_dir/spark-tmp``; the session is stopped when Python
    exits (and by :func:`local_spark` or ``spark.stop()`` before that).

    Parameters
    ----------
    work_dir : str or Path
        The lesson's working folder (created if missing).
    app_name : str, default "segments"
        The application's name.
    cores : int, default 2
        Worker threads (``local[cores]``).

    Returns
    -------
    pyspark.sql.SparkSession

    Raises
    ------
    SparkUnavailable
        When PySpark or Java is missing, or Spark fails to start; the message says what to do.
    """
    problem = spark_problem()
    if problem:
        raise SparkUnavailable(f"{problem} {SETUP_ADVICE}")
    home = find_java_home()
    os.environ["JAVA_HOME"] = str(home)
    os.environ["SPARK_CONF_DIR"] = str(
        CONF_DIR
    )  # the course's logging, no other settings
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    os.environ["SPARK_LAUNCHER_OPTS"] = "-XX:-UsePerfData"  # no /tmp/hsperfdata_<user>
    # PySpark 4.3 warns about pandas 3 on import, and toPandas about a pandas 4 change.
    warnings.filterwarnings("ignore", message=".*does not yet fully support pandas")
    warnings.filterwarnings("ignore", message=".*(Pandas4Warning|pandas 4).*")
    from pyspark.sql import SparkSession

    scratch = Path(work_dir).resolve() / "spark-tmp"
    scratch.mkdir(parents=True, exist_ok=True)
    java_options = (
        "-Ddev.ludovic.netlib.blas.allowNative=false -XX:-UsePerfData "
        f"-Djava.io.tmpdir={scratch}"
    )
    builder = (
        SparkSession.builder.master(f"local[{cores}]")
        .appName(app_name)
        .config("spark.driver.memory", "1g")
        .config("spark.driver.extraJavaOptions", java_options)
        .config("spark.local.dir", str(scratch))
        .config("spark.sql.warehouse.dir", str(scratch / "warehouse"))
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.execution.arrow.pyspark.enabled", "false")  # no pyarrow here
        .config("spark.sql.shuffle.partitions", str(4 * cores))
    )
    try:
        spark = builder.getOrCreate()
    except Exception as error:  # a JVM that failed to start: its first line says why
        first = (
            str(error).strip().splitlines()[0] if str(error).strip() else repr(error)
        )
        raise SparkUnavailable(
            f"Spark did not start (Java at {home}): {first}. {SETUP_ADVICE}"
        ) from None
    spark.sparkContext.setLogLevel("ERROR")
    atexit.register(spark.stop)
    return spark


@contextmanager
def local_spark(work_dir: str | Path, app_name: str = "segments", cores: int = 2):
    """:func:`start_spark` as a context manager: the session is stopped on leaving the block,
    whether or not the block raised."""
    spark = start_spark(work_dir, app_name, cores)
    try:
        yield spark
    finally:
        spark.stop()


def read_customers(spark, path: str | Path, columns, k: int):
    """Read customers from Parquet, checked for the K-Means pipeline: the ``columns`` exist
    and are numeric, and there are at least ``k`` rows.

    Parameters
    ----------
    spark : pyspark.sql.SparkSession
    path : str or Path
        A Parquet file or folder (a local path is checked to exist; ``s3://...`` and other
        URLs are left to Spark).
    columns : sequence of str
        The feature columns.
    k : int
        The number of clusters that will be fitted.

    Returns
    -------
    pyspark.sql.DataFrame
        The Parquet data, all columns.

    Raises
    ------
    FileNotFoundError, ValueError, TypeError
        A missing local path; a missing column or fewer rows than ``k``; a column that is
        not numeric.
    """
    from pyspark.sql.types import NumericType

    if "://" not in str(path) and not Path(path).exists():
        raise FileNotFoundError(
            f"no Parquet data at {path}: write it first, or fix the path"
        )
    frame = spark.read.parquet(str(path))
    types = {field.name: field.dataType for field in frame.schema.fields}
    for column in columns:
        if column not in types:
            raise ValueError(f"no column {column!r} in {path}; it has {list(types)}")
        if not isinstance(types[column], NumericType):
            raise TypeError(
                f"column {column!r} holds {types[column].simpleString()}, not numbers: "
                "convert it (or leave it out) before clustering"
            )
    rows = frame.count()
    if isinstance(k, bool) or not isinstance(k, int) or not 2 <= k <= rows:
        raise ValueError(f"k must be an integer from 2 to the {rows} rows, got {k!r}")
    return frame
