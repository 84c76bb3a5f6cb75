"""The instructor's guide's plans (appendix/workshop_plan.yaml) hold: every lesson, exercise
and cut section they name exists, each lesson gets at least its estimated teaching time,
each plan keeps 15 % of its length as slack, and the workshop's path through every lesson
runs with its cuts removed."""

import math
import re
from pathlib import Path

import jupytext
import nbformat
import pytest
import yaml
from nbclient import NotebookClient

from course_utils.lesson_info import markdown_text, read_lessons
from course_utils.teaching_time import estimate, workshop_code

ROOT = Path(__file__).resolve().parents[1]
PLAN = yaml.safe_load(
    (ROOT / "appendix/workshop_plan.yaml").read_text(encoding="utf-8")
)
WORKSHOP = PLAN["workshop"]
LESSONS = {lesson.number: lesson for lesson in read_lessons()}
SLACK = 0.15


def needed(number: int, cuts=()) -> int:
    return math.ceil(estimate(LESSONS[number].path.with_suffix(".ipynb"), cuts).minutes)


def test_the_workshop_gives_each_lesson_its_estimate_and_keeps_slack():
    used = 0
    for number, part in WORKSHOP["lessons"].items():
        known = dict(LESSONS[number].exercises)
        assert set(part["exercises"]) <= set(known), f"lesson {number}"
        headings = re.findall(r"^## (.+)$", markdown_text(LESSONS[number].path), re.M)
        assert set(part["cuts"]) <= set(headings), f"lesson {number}: unknown cut"
        assert part["teach"] >= needed(number, tuple(part["cuts"])), f"lesson {number}"
        used += part["teach"] + sum(part["exercises"].values()) + part.get("break", 0)
    length = 60 * WORKSHOP["length_hours"]
    assert length - used >= SLACK * length, f"{length - used} minutes of slack"
    guide = (ROOT / "appendix/instructors.md").read_text(encoding="utf-8")
    assert f"**{WORKSHOP['length_hours']}-hour workshop**" in guide
    assert not re.search(r"3½|3-4 hours|3–4 hours", guide), "another length is stated"


def test_the_course_teaches_every_lesson_in_full_and_each_session_keeps_slack():
    taught = [n for session in PLAN["course"] for n in session["lessons"]]
    assert sorted(taught) == sorted(LESSONS), "each lesson in exactly one session"
    for session in PLAN["course"]:
        for number, minutes in session["lessons"].items():
            assert minutes >= needed(number), f"lesson {number}"
        for exercise in session["exercises"]:
            assert exercise in dict(LESSONS[int(exercise.split(".")[0])].exercises)
        used = sum(session["lessons"].values()) + sum(session["exercises"].values())
        free = session["length_minutes"] - used - session["breaks"]
        assert free >= SLACK * session["length_minutes"], session


@pytest.mark.slow
@pytest.mark.parametrize("number", sorted(WORKSHOP["lessons"]))
def test_the_workshop_path_runs_with_the_cuts_removed(number):
    part = WORKSHOP["lessons"][number]
    notebook = jupytext.read(LESSONS[number].path)
    cells = workshop_code(notebook.cells, part["cuts"], part["exercises"])
    notebook.cells = [nbformat.from_dict(cell) for cell in cells]
    path = {"metadata": {"path": str(LESSONS[number].path.parent)}}
    NotebookClient(notebook, timeout=300, resources=path).execute()
