"""The instructor's guide's plans hold: what they name exists, each lesson gets its time, 15 %
slack, and the workshop path needs nothing its cuts set (def_use.py)."""

import math
import re
from functools import cache

import jupytext
import pytest
import yaml
from def_use import needs_left_out
from notebook_outputs import ROOT

from course_utils.lesson_info import markdown_text, read_lessons
from course_utils.teaching_time import estimate, workshop_code

PLAN = yaml.safe_load((ROOT / "appendix/workshop_plan.yaml").read_text("utf-8"))
WORKSHOP = PLAN["workshop"]
SLACK = 0.15


@cache
def lessons() -> dict:  # by number, read when a test first needs them
    return {lesson.number: lesson for lesson in read_lessons()}


def needed(number: int, cuts=()) -> int:
    notebook = lessons()[number].path.with_suffix(".ipynb")
    return math.ceil(estimate(notebook, cuts).minutes)


def test_the_workshop_and_the_course_give_each_lesson_its_estimate_and_keep_slack():
    used = 0
    for number, part in WORKSHOP["lessons"].items():
        known = dict(lessons()[number].exercises)
        assert set(part["exercises"]) <= set(known), f"lesson {number}"
        headings = re.findall(r"^## (.+)$", markdown_text(lessons()[number].path), re.M)
        assert set(part["cuts"]) <= set(headings), f"lesson {number}: unknown cut"
        assert part["teach"] >= needed(number, tuple(part["cuts"])), f"lesson {number}"
        used += part["teach"] + sum(part["exercises"].values()) + part.get("break", 0)
    length = 60 * WORKSHOP["length_hours"]
    assert length - used >= SLACK * length, f"{length - used} minutes of slack"
    guide = (ROOT / "appendix/instructors.md").read_text(encoding="utf-8")
    assert f"**{WORKSHOP['length_hours']}-hour workshop**" in guide
    assert not re.search(r"3½|3-4 hours|3–4 hours", guide), "another length is stated"
    # the course: every lesson in full, in exactly one session, each keeping slack
    taught = [n for session in PLAN["course"] for n in session["lessons"]]
    assert sorted(taught) == sorted(lessons()), "each lesson in exactly one session"
    for session in PLAN["course"]:
        for number, minutes in session["lessons"].items():
            assert minutes >= needed(number), f"lesson {number}"
        for exercise in session["exercises"]:
            assert exercise in dict(lessons()[int(exercise.split(".")[0])].exercises)
        used = sum(session["lessons"].values()) + sum(session["exercises"].values())
        free = session["length_minutes"] - used - session["breaks"]
        assert free >= SLACK * session["length_minutes"], session


def workshop_path(number: int, cells) -> list:
    """The code cells of lesson ``number`` (``cells``) that the workshop runs."""
    part = WORKSHOP["lessons"][number]
    return workshop_code(cells, part["cuts"], part["exercises"])


@pytest.mark.parametrize("number", sorted(WORKSHOP["lessons"]))
def test_the_workshop_path_needs_nothing_its_cuts_set(number):
    cells = jupytext.read(lessons()[number].path).cells
    kept = {id(cell) for cell in workshop_path(number, cells)}
    code = [cell for cell in cells if cell.cell_type == "code"]
    assert needs_left_out(code, lambda cell: id(cell) in kept) == []
