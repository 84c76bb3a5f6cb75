"""The Colab cell at the top of every lesson fetches the course and installs what Colab lacks
(on a fake ``google.colab``), does nothing elsewhere; its rewrite, tag and ignored outputs."""

import importlib.util
import os
import subprocess
import sys
import types

import execute_notebooks
import jupytext
import nbformat
import pytest

from course_utils.check_env import LESSON_PACKAGES
from course_utils.pins import read_lock

URL = "https://example.org/fork/course"
SOURCE = execute_notebooks.colab_cell_source(URL)


def run_cell(monkeypatch, *, on_colab, cloned, installed):
    """Execute the cell with Colab faked as asked; return the commands it ran."""
    commands, spec = [], object() if installed else None  # of each package it needs
    monkeypatch.setattr(subprocess, "run", lambda args, **kw: commands.append(args))
    monkeypatch.setattr(os.path, "isdir", lambda path: cloned)
    monkeypatch.setattr(os, "chdir", lambda path: commands.append(["chdir", path]))
    monkeypatch.setattr(sys, "path", list(sys.path))
    monkeypatch.setattr(importlib.util, "find_spec", lambda name: spec)
    if on_colab:
        monkeypatch.setitem(sys.modules, "google.colab", types.ModuleType("colab"))
    else:
        monkeypatch.delitem(sys.modules, "google.colab", raising=False)
    exec(compile(SOURCE, "colab-cell", "exec"), {})
    return commands


def test_on_colab_it_clones_installs_what_is_missing_and_moves_in_once(monkeypatch):
    commands = run_cell(monkeypatch, on_colab=True, cloned=False, installed=False)
    lock = read_lock()
    pins = [f"{name}=={lock[name]}" for name in execute_notebooks.COLAB_MISSING]
    assert commands == [
        ["git", "clone", "--depth", "1", URL, "/content/course"],
        [sys.executable, "-m", "pip", "install", *pins],
        ["chdir", "/content/course/notebooks"],
    ]
    assert sys.path[0] == "/content/course"
    again = run_cell(monkeypatch, on_colab=True, cloned=True, installed=True)
    assert again == [["chdir", "/content/course/notebooks"]]
    assert run_cell(monkeypatch, on_colab=False, cloned=False, installed=False) == []
    assert set(execute_notebooks.COLAB_MISSING) <= set(LESSON_PACKAGES)


def lesson(first_cell_source):
    title = nbformat.v4.new_markdown_cell("# Lesson 9 — Test")
    code = map(nbformat.v4.new_code_cell, [first_cell_source, "print(1)"])
    return nbformat.v4.new_notebook(cells=[title, *code])


def test_the_rewrite_replaces_the_cell_hides_its_input_keeps_ignored_outputs(tmp_path):
    notebook = lesson('import sys\nif "google.colab" in sys.modules:\n    pass\n')
    execute_notebooks.set_colab_cell(notebook, URL)
    execute_notebooks.set_colab_cell(notebook, URL)  # twice: one tag, same text
    assert notebook.cells[1].source == SOURCE
    assert notebook.cells[1].metadata["tags"] == ["remove-input"]
    # jupytext keeps the tag in the lesson's .py, so the .py stays the source of truth
    path = tmp_path / "99_test.py"
    jupytext.write(notebook, path, fmt="py:percent")
    assert '# %% tags=["remove-input"]' in path.read_text(encoding="utf-8")
    assert jupytext.read(path).cells[1].metadata["tags"] == ["remove-input"]
    with pytest.raises(ValueError, match="first code cell must be the Colab set-up"):
        execute_notebooks.set_colab_cell(lesson("print(0)"), URL)

    def run(text):  # the outputs nbval ignores (by comment or tag) are kept
        notebook = lesson("# NBVAL_IGNORE_OUTPUT\nprint(2)")
        tag = {"tags": ["nbval-ignore-output"]}
        notebook.cells.append(nbformat.v4.new_code_cell("print(3)", metadata=tag))
        for cell in notebook.cells[1:]:
            cell.outputs = [nbformat.v4.new_output("stream", text=text)]
        return notebook

    nbformat.write(run("old\n"), tmp_path / "99_test.ipynb")
    fresh = run("new\n")
    execute_notebooks.keep_ignored_outputs(fresh, tmp_path / "99_test.ipynb")
    texts = [cell.outputs[0]["text"] for cell in fresh.cells[1:]]
    assert texts == ["old\n", "new\n", "old\n"]  # print(1) is checked: it keeps "new"
