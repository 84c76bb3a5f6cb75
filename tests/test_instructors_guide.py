"""The instructor's guide's workshop plan (appendix/workshop_plan.yaml) is honest: it adds up
to the length the guide states, and every lesson, exercise and skipped section it names exists.
"""

import re
from pathlib import Path

import yaml

from course_utils.lesson_info import markdown_text, read_lessons

ROOT = Path(__file__).resolve().parents[1]
PLAN = yaml.safe_load(
    (ROOT / "appendix/workshop_plan.yaml").read_text(encoding="utf-8")
)
LESSONS = {lesson.number: lesson for lesson in read_lessons()}


def minutes(part: dict) -> int:
    return part["teach"] + sum(part["exercises"].values()) + part.get("break", 0)


def test_the_plan_adds_up_to_the_length_the_guide_states():
    total = sum(minutes(part) for part in PLAN["lessons"].values())
    total += PLAN["slack_minutes"]
    assert total == 60 * PLAN["length_hours"], f"the plan lasts {total} minutes"
    guide = (ROOT / "appendix/instructors.md").read_text(encoding="utf-8")
    assert f"**{PLAN['length_hours']}-hour workshop**" in guide
    assert not re.search(r"3½|3-4 hours|3–4 hours", guide), "another length is stated"


def test_the_plan_covers_lessons_0_to_6_and_their_exercises_exist():
    assert sorted(PLAN["lessons"]) == list(range(7))
    for number, part in PLAN["lessons"].items():
        known = dict(LESSONS[number].exercises)
        assert set(part["exercises"]) <= set(known), f"lesson {number}"
        assert part["teach"] >= 10, f"lesson {number}: too short to teach"


def test_every_skip_path_names_sections_the_lesson_has_and_saves_time():
    for number, part in PLAN["lessons"].items():
        headings = re.findall(r"^## (.+)$", markdown_text(LESSONS[number].path), re.M)
        assert part["skip"], f"lesson {number} has no skip-if-late path"
        for section in part["skip"]:
            assert section in headings, f"lesson {number} has no section {section!r}"
        assert 0 < part["skip_saves"] < minutes(part), f"lesson {number}"
