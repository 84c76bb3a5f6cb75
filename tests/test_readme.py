"""The README's promises: its two commands exist in the Makefile, CI runs its test command,
and its lesson list is the table of contents."""

import re
from pathlib import Path

from course_utils.course_map import course_map

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_lesson_list_matches_the_toc():
    block = README.split("<!-- lessons:start -->")[1].split("<!-- lessons:end -->")[0]
    listed = [
        re.sub(r"^\d+\.\s+", "", line.strip()) for line in block.strip().splitlines()
    ]
    pages = course_map()
    lessons = list(pages.loc[pages["file"].str.startswith("notebooks/"), "page"])
    assert listed == lessons, "update the README's lesson list to match _toc.yml"


def test_two_commands_are_make_targets_and_ci_runs_the_test_command():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for target in ("lab", "book", "test"):
        assert f"make {target}" in README
        assert re.search(rf"^{target}:", makefile, re.MULTILINE), (
            f"no `{target}` target"
        )
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
