"""`python -m course_utils.check_env`: what a learner sees, with the default and --dev lists."""

import subprocess
import sys
from importlib import metadata
from pathlib import Path

from course_utils import check_env
from course_utils.check_env import PackageCheck, check_environment, format_report
from course_utils.pins import read_lock, read_pins

ROOT = Path(__file__).resolve().parents[1]


def run(*args):
    return subprocess.run(
        [sys.executable, "-m", "course_utils.check_env", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )


def test_the_course_environment_passes_both_checks():
    lock = read_lock()
    for args, names in (((), check_env.LESSON_PACKAGES), (("--dev",), read_pins())):
        result = run(*args)
        assert result.returncode == 0, result.stdout
        for name in names:
            assert f"[ OK ] {name:<14} {lock[name]}" in result.stdout
        assert f"All {len(names)} packages are ready" in result.stdout


def test_the_default_check_is_what_the_lessons_need():
    result = run()
    assert "pytest" not in result.stdout and "playwright" not in result.stdout
    assert "kneed" in result.stdout  # Colab lacks it: the set-up cell installs it


def test_the_report_shows_no_machine_path():
    result = run("--dev")
    assert sys.executable not in result.stdout and str(ROOT) not in result.stdout
    assert result.stdout.splitlines()[-1].startswith("Python 3.")


def test_same_minor_is_close_enough_and_another_minor_fails(monkeypatch):
    lock = {"numpy": "2.4.9", "pandas": "3.2.0", "scipy": "1.17.1"}
    lock |= {name: "1.0" for name in check_env.LESSON_PACKAGES if name not in lock}
    checks = {c.name: c for c in check_environment(lock=lock)}
    assert checks["numpy"].status == "close"  # installed 2.4.6
    assert checks["pandas"].status == "fail"  # installed 3.1.1
    assert checks["scipy"].status == "ok"
    report = format_report(list(checks.values()))
    assert "[ ~~ ] numpy          2.4.6 (course: 2.4.9; close enough)" in report
    assert "[FAIL] pandas         3.1.1 (the course uses 3.2.0)" in report
    assert "pip install -r requirements-lock.txt" in report


def test_a_missing_package_fails_and_main_returns_1(monkeypatch, capsys):
    monkeypatch.setattr(check_env, "LESSON_PACKAGES", ("numpy", "surely-not-here"))
    monkeypatch.setattr(
        check_env, "read_lock", lambda: {"numpy": "2.4.6", "surely-not-here": "1.0"}
    )
    assert check_env.main([]) == 1
    out = capsys.readouterr().out
    assert "[FAIL] surely-not-here not installed (the course uses 1.0)" in out
    assert "1 of 2 packages need attention" in out


def test_a_line_per_status():
    assert PackageCheck("a", "1.2.3", "1.2.3").line() == "[ OK ] a              1.2.3"
    assert PackageCheck("a", "1.2.3", "1.2.0").status == "close"
    assert PackageCheck("a", "1.2.3", "1.3.3").status == "fail"
    assert PackageCheck("a", "1.2.3", "2.2.3").status == "fail"


def test_python_is_shown_not_checked(monkeypatch, capsys):
    """The course runs the same lock on Python 3.11 to 3.13: the version must not fail it."""
    assert "python" not in read_pins()
    lock = {name: metadata.version(name) for name in check_env.LESSON_PACKAGES}
    monkeypatch.setattr(check_env, "read_lock", lambda: lock)
    for version in ("3.11.9", "3.12.8", "3.13.1"):
        monkeypatch.setattr(check_env.platform, "python_version", lambda v=version: v)
        assert check_env.main([]) == 0
        assert (
            capsys.readouterr().out.splitlines()[-1].startswith(f"Python {version} on")
        )
