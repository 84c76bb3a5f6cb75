"""Re-execute lessons deterministically and write both files of each pair.

Usage: ``python tools/execute_notebooks.py [notebooks/NN_topic.py ...]`` (default: every lesson).

For each lesson the ``.py`` (py:percent, the source) is read with jupytext, cell ids are set from
the cell's position (so re-running changes no bytes), the notebook is executed with nbclient in
``notebooks/`` with one OpenMP thread and no timing metadata, and the result is written to the
paired ``.ipynb`` (with outputs) and back to the ``.py`` (normalised). Run twice, it leaves
``git status`` clean.

Before executing, it rewrites each lesson's Colab set-up cell (its first code cell) from
:data:`COLAB_CELL`, with the repository URL of ``_config.yml`` and the locked versions of the
packages Colab lacks, and tags it ``remove-input`` so that the website hides it.
"""

from __future__ import annotations

import importlib.util
import json
import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import jupytext
import nbformat
import yaml
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
KERNELSPEC = {
    "display_name": "Python 3 (ipykernel)",
    "language": "python",
    "name": "python3",
}
sys.path.insert(0, str(ROOT))
from course_utils.pins import read_lock  # noqa: E402

#: What Colab lacks of the lessons' packages (``course_utils`` imports them at module top).
COLAB_MISSING = ("kneed", "skops")
#: The first cell of every lesson: fetch the course and install what Colab lacks, on Colab
#: only. ``{url}`` and ``{packages}`` are filled in by :func:`colab_cell_source`.
COLAB_CELL = """\
# Set-up for Google Colab only (elsewhere this cell does nothing): fetch the course so that
# `course_utils` and `data/` can be found, and install the packages Colab lacks.
import sys

if "google.colab" in sys.modules:
    import importlib.util
    import os
    import subprocess

    REPOSITORY_URL = "{url}"
    if not os.path.isdir("/content/course"):
        subprocess.run(
            ["git", "clone", "--depth", "1", REPOSITORY_URL, "/content/course"],
            check=True,
        )
    # Colab has the lessons' libraries but these (module name: pip requirement)
    NEEDED = {packages}
    missing = [
        NEEDED[name] for name in NEEDED if importlib.util.find_spec(name) is None
    ]
    if missing:
        subprocess.run([sys.executable, "-m", "pip", "install", *missing], check=True)
    sys.path.insert(0, "/content/course")
    os.chdir("/content/course/notebooks")"""
#: Tags that make nbval skip a cell's output (the comment ``# NBVAL_IGNORE_OUTPUT`` too).
IGNORE_OUTPUT_TAG = "nbval-ignore-output"


def repository_url() -> str:
    """The repository URL, set in one place: ``repository.url`` in ``_config.yml``."""
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    return config["repository"]["url"]


def colab_cell_source(url: str) -> str:
    """The Colab set-up cell for the repository ``url`` (str), with locked package pins."""
    lock = read_lock()
    packages = ", ".join(f'"{name}": "{name}=={lock[name]}"' for name in COLAB_MISSING)
    return COLAB_CELL.format(url=url, packages="{" + packages + "}")


def set_colab_cell(notebook, url: str) -> None:
    """Rewrite a lesson's first code cell as the Colab set-up cell, tagged ``remove-input``.

    ``notebook`` is a lesson (nbformat); its first code cell must be the set-up cell.
    """
    cell = next(cell for cell in notebook.cells if cell.cell_type == "code")
    if "google.colab" not in cell.source:
        raise ValueError("a lesson's first code cell must be the Colab set-up cell")
    cell.source = colab_cell_source(url)
    tags = cell.metadata.get("tags", [])
    cell.metadata["tags"] = tags + ["remove-input"] * ("remove-input" not in tags)


def ignores_output(cell) -> bool:
    """Whether nbval skips a cell's output: ``# NBVAL_IGNORE_OUTPUT`` or the tag."""
    return cell.source.lstrip().startswith("# NBVAL_IGNORE_OUTPUT") or (
        IGNORE_OUTPUT_TAG in cell.metadata.get("tags", [])
    )


def coalesce_streams(outputs: list) -> list:
    """Merge consecutive stdout (or stderr) chunks: how a print is split depends on timing."""
    merged = []
    for output in outputs:
        previous = merged[-1] if merged else None
        if (
            output.get("output_type") == "stream"
            and previous is not None
            and previous.get("output_type") == "stream"
            and previous.get("name") == output.get("name")
        ):
            previous["text"] += output["text"]
        else:
            merged.append(output)
    return merged


def keep_ignored_outputs(notebook, committed_path: Path) -> None:
    """Keep the committed outputs of unchanged cells whose output nbval ignores.

    Such cells show timings or machine details that differ on every run; nbval does not check
    them. Re-using the committed output when the cell's source is unchanged is what lets a
    re-run leave ``git status`` clean.
    """
    if not committed_path.exists():
        return
    committed = jupytext.read(committed_path)
    previous = {
        cell.source: cell.outputs
        for cell in committed.cells
        if cell.cell_type == "code" and ignores_output(cell)
    }
    for cell in notebook.cells:
        if cell.cell_type == "code" and cell.source in previous:
            cell.outputs = previous[cell.source]


def execute(py_path: Path, url: str) -> float:
    """Execute one lesson and write its pair; return the execution time in seconds."""
    notebook = jupytext.read(py_path)
    set_colab_cell(notebook, url)
    jupytext_metadata = notebook.metadata.get("jupytext", {})
    # jupytext lists the cell metadata keys in set order, which changes from run to run
    if "cell_metadata_filter" in jupytext_metadata:
        keys = jupytext_metadata["cell_metadata_filter"].split(",")
        jupytext_metadata["cell_metadata_filter"] = ",".join(
            sorted(k for k in keys if not k.startswith("-"))
            + [k for k in keys if k.startswith("-")]
        )
    notebook.metadata["kernelspec"] = KERNELSPEC
    for index, cell in enumerate(notebook.cells):
        cell.id = f"cell-{index:03d}"
        # in the .ipynb's order (sorted keys), or JupyterLab refuses a freshly cloned pair
        # whose .ipynb happens to be a second newer than its .py (the texts would differ)
        cell.metadata = nbformat.from_dict(
            json.loads(json.dumps(cell.metadata, sort_keys=True))
        )
    client = NotebookClient(
        notebook,
        timeout=600,
        kernel_name="python3",
        record_timing=False,
        resources={"metadata": {"path": str(py_path.parent)}},
    )
    start = time.perf_counter()
    client.execute()
    seconds = time.perf_counter() - start
    for index, cell in enumerate(notebook.cells):
        if cell.cell_type == "code":
            cell.outputs = coalesce_streams(cell.outputs)
            # a figure that fails to render records an error output without raising
            errors = [o for o in cell.outputs if o.get("output_type") == "error"]
            if errors:
                raise RuntimeError(
                    f"{py_path.name}, cell {index}: {errors[0]['ename']}: {errors[0]['evalue']}"
                )
    keep_ignored_outputs(notebook, py_path.with_suffix(".ipynb"))
    jupytext.write(notebook, py_path.with_suffix(".ipynb"), fmt="ipynb")
    jupytext.write(notebook, py_path, fmt="py:percent")
    return seconds


def main(argv: list[str]) -> int:
    os.environ["OMP_NUM_THREADS"] = "1"
    os.environ.pop("MPLBACKEND", None)  # a set backend makes figures silently vanish
    paths = [Path(p).resolve() for p in argv] or sorted(
        NOTEBOOKS.glob("[0-9][0-9]_*.py")
    )
    if not argv and importlib.util.find_spec("pyspark") is None:
        spark = NOTEBOOKS / "09_beyond_one_machine.py"
        paths.remove(spark)
        print(f"{spark.name:<34} skipped: it needs Spark (`make spark` installs it)")
    for path in paths:
        if path.suffix != ".py" or not path.is_file():
            print(f"not a lesson script: {path}", file=sys.stderr)
            return 2
    url = repository_url()
    with ProcessPoolExecutor(max_workers=min(2, len(paths))) as pool:
        futures = {path: pool.submit(execute, path, url) for path in paths}
        failed = False
        for path, future in futures.items():
            try:
                print(f"{path.name:<34} executed in {future.result():6.1f} s")
            except Exception as error:  # report every lesson, then fail
                failed = True
                print(f"{path.name:<34} FAILED: {error}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
