"""environment.yml (conda-forge and pip pins) and requirements-lock.txt (what `make` and
Binder install) must agree; conda-forge gets only packages it builds under these names."""

from pathlib import Path

import pytest

from course_utils import pins
from course_utils.check_env import LESSON_PACKAGES
from course_utils.pins import matches, read_environment, read_lock, read_pins

ROOT = Path(__file__).resolve().parents[1]
CONDA, PIP = read_environment()
LOCK = read_lock()


@pytest.mark.parametrize("name", sorted(read_pins()))
def test_the_lock_is_inside_every_pin(name):
    pin = read_pins()[name]
    assert name in LOCK, f"{name} is pinned in environment.yml but not in the lock"
    assert matches(LOCK[name], pin), (
        f"{name}: environment.yml pins {pin}, requirements-lock.txt has {LOCK[name]}; "
        "run `make lock` after changing a pin"
    )


def test_conda_forge_gets_the_lessons_and_lab_and_pip_the_developer_tools():
    assert set(LESSON_PACKAGES) | {"jupyterlab", "ipykernel"} <= set(CONDA)
    developer = {"pytest", "pytest-xdist", "nbval", "hypothesis", "ruff", "pre-commit"}
    assert developer | {"jupyter-book", "playwright"} <= set(PIP)
    # conda-forge's "playwright" is the Node.js tool, not the Python library
    assert "playwright" not in CONDA
    # a conda pin names a minor version, so a patch release missing there cannot stop a solve
    assert all(version.count(".") == 1 for version in CONDA.values()), CONDA


def test_make_lock_reproduces_the_lock_and_follows_a_moved_pin():
    assert pins.requirements(read_pins(), LOCK) == [
        f"{name}=={LOCK[name]}" for name in read_pins()
    ]
    assert pins.requirements({"numpy": "2.5"}, {"numpy": "2.4.6"}) == ["numpy==2.5.*"]


def test_binder_installs_the_lock():
    requirements = (ROOT / ".binder" / "requirements.txt").read_text(encoding="utf-8")
    assert "-r ../requirements-lock.txt" in requirements.splitlines()
    assert (ROOT / ".binder" / "runtime.txt").read_text().strip() == "python-3.11"


def test_an_unpinned_dependency_names_its_line(tmp_path):
    env = tmp_path / "environment.yml"
    env.write_text(
        "dependencies:\n  - python=3.11\n  - numpy\n  - pip:\n      - ruff\n",
        encoding="utf-8",
    )
    with pytest.raises(ValueError, match="line 3: expected a pin like '  - numpy=2.4'"):
        read_environment(env)
    env.write_text("dependencies:\n  - pip:\n      - ruff\n", encoding="utf-8")
    with pytest.raises(ValueError, match="line 3: expected a pin like .*pytest==9.2.0"):
        read_environment(env)


def test_the_two_sides_are_read_apart(tmp_path):
    env = tmp_path / "environment.yml"
    env.write_text(
        "name: x\ndependencies:\n  - pip\n  - numpy=1.0  # note\n  - pip:\n"
        "      - PyTest==9.2.0\n      - -e .\n",
        encoding="utf-8",
    )
    assert read_environment(env) == ({"numpy": "1.0"}, {"pytest": "9.2.0"})
