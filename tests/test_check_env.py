"""`python -m course_utils.check_env`: both outcomes, as a learner meets them."""

import subprocess
import sys
from pathlib import Path

import pytest

from course_utils.check_env import PackageCheck, check_environment, format_report, main
from course_utils.pins import read_pins

ROOT = Path(__file__).resolve().parents[1]


def run(*args):
    return subprocess.run(
        [sys.executable, "-m", "course_utils.check_env", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )


def test_this_environment_passes():
    result = run()
    assert result.returncode == 0, result.stdout
    lines = result.stdout.splitlines()
    pins = read_pins()
    for name, version in pins.items():
        assert any(
            line.startswith("[ OK ]") and f" {name} " in line and version in line
            for line in lines
        ), f"no OK line for {name}"
    assert f"All {len(pins)} packages match" in result.stdout
    assert any(
        line.startswith("Python 3.11") and sys.executable in line for line in lines
    )
    assert lines[-1].startswith("OS: ")


def test_a_wrong_version_and_a_missing_package_fail(tmp_path):
    env = tmp_path / "environment.yml"
    env.write_text(
        "dependencies:\n  - numpy=0.0.1\n  - surely-not-installed-pkg=1.0\n"
        "  - pytest=" + read_pins()["pytest"] + "\n",
        encoding="utf-8",
    )
    result = run(str(env))
    assert result.returncode == 1
    assert "[FAIL] numpy" in result.stdout and "(need 0.0.1)" in result.stdout
    assert (
        "[FAIL] surely-not-installed-pkg" in result.stdout
        and "not installed" in result.stdout
    )
    assert "[ OK ] pytest" in result.stdout
    assert "2 of 3 packages do not match" in result.stdout


def test_main_returns_status(tmp_path, capsys):
    env = tmp_path / "environment.yml"
    env.write_text("dependencies:\n  - pytest=0.0.0\n", encoding="utf-8")
    assert main([str(env)]) == 1
    assert "[FAIL] pytest" in capsys.readouterr().out


def test_report_without_system_lines():
    report = format_report([PackageCheck("a", "1", "1")], system=False)
    assert report.splitlines() == [
        "[ OK ] a                1",
        "All 1 packages match environment.yml.",
    ]


def test_bad_pins_are_refused():
    with pytest.raises(ValueError, match="pins must be a non-empty dict"):
        check_environment(pins={})
