"""environment.yml (the pins) and requirements-lock.txt (what `make` installs) must agree."""

import re
from pathlib import Path

import pytest

from course_utils.pins import normalize, read_pins

ROOT = Path(__file__).resolve().parents[1]


def read_lock(path: Path) -> dict[str, str]:
    lock = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        match = re.fullmatch(r"([A-Za-z0-9_.\-]+)==([^\s;]+)", line)
        assert match, f"requirements-lock.txt: not an exact pin: {line!r}"
        lock[normalize(match.group(1))] = match.group(2)
    return lock


PINS = read_pins(ROOT / "environment.yml")
LOCK = read_lock(ROOT / "requirements-lock.txt")


@pytest.mark.parametrize("name", sorted(PINS))
def test_lock_has_the_pinned_version(name):
    assert name in LOCK, (
        f"{name} is pinned in environment.yml but missing from the lock"
    )
    assert LOCK[name] == PINS[name], (
        f"{name}: environment.yml pins {PINS[name]}, requirements-lock.txt has {LOCK[name]}; "
        "run `make lock` after changing a pin"
    )


def test_course_packages_are_pinned():
    required = {
        "numpy",
        "pandas",
        "scikit-learn",
        "matplotlib",
        "seaborn",
        "jupyterlab",
        "jupytext",
        "nbval",
        "jupyter-book",
        "pytest",
        "pytest-xdist",
        "playwright",
        "kneed",
    }
    assert required <= set(PINS), f"not pinned: {sorted(required - set(PINS))}"
    assert PINS["jupyter-book"].startswith("1."), (
        "the site needs jupyter-book 1.x (reads _toc.yml)"
    )


def test_read_pins_refuses_an_unpinned_dependency(tmp_path):
    env = tmp_path / "environment.yml"
    env.write_text(
        "name: x\ndependencies:\n  - python=3.11\n  - numpy\n", encoding="utf-8"
    )
    with pytest.raises(ValueError, match="line 4: expected an exact pin"):
        read_pins(env)


def test_read_pins_skips_the_pip_sublist(tmp_path):
    env = tmp_path / "environment.yml"
    env.write_text(
        "dependencies:\n  - pip\n  - numpy=1.0\n  - pip:\n      - -e .\n",
        encoding="utf-8",
    )
    assert read_pins(env) == {"numpy": "1.0"}


def test_read_pins_missing_file(tmp_path):
    with pytest.raises(FileNotFoundError, match="environment file not found"):
        read_pins(tmp_path / "nope.yml")


def test_normalize():
    assert normalize("PyYAML") == "pyyaml"
    assert normalize("pre_commit") == "pre-commit"
    with pytest.raises(ValueError, match="name must be"):
        normalize("  ")
