"""Check that this Python environment can run the course.

``python -m course_utils.check_env`` checks the packages the lessons import; ``--dev`` checks
every package of ``environment.yml`` (the website, test and contributor tools too). Each
package is compared with its version in ``requirements-lock.txt``, the one the course is run
and checked with:

- ``[ OK ]`` the same version;
- ``[ ~~ ]`` the same minor version (``2.4.3`` for ``2.4.6``): close enough, the lessons run;
- ``[FAIL]`` missing, or another minor or major version.

It prints Python's version and the operating system's name (no paths: lesson 00 shows the
report on the website) and exits with status 1 if any line says ``[FAIL]``.
"""

from __future__ import annotations

import platform
import sys
from dataclasses import dataclass
from importlib import metadata

from course_utils.pins import read_lock, read_pins

#: What the lessons import, so what a learner needs (Colab included).
LESSON_PACKAGES = (
    "numpy",
    "pandas",
    "scipy",
    "scikit-learn",
    "matplotlib",
    "seaborn",
    "kneed",
    "pyyaml",
)

FIX = (
    "To install the course's versions: `pip install -r requirements-lock.txt` in a fresh "
    "virtual environment (or `make lab`), or `conda env create -f environment.yml`."
)


@dataclass(frozen=True)
class PackageCheck:
    """One package: its name, the course's version and the installed one (``None``: none)."""

    name: str
    wanted: str
    found: str | None

    @property
    def status(self) -> str:
        """``"ok"`` (same version), ``"close"`` (same minor version) or ``"fail"``."""
        if self.found == self.wanted:
            return "ok"
        if self.found is not None and minor(self.found) == minor(self.wanted):
            return "close"
        return "fail"

    def line(self) -> str:
        """The report line for this package."""
        if self.found is None:
            return (
                f"[FAIL] {self.name:<14} not installed (the course uses {self.wanted})"
            )
        if self.status == "ok":
            return f"[ OK ] {self.name:<14} {self.found}"
        if self.status == "close":
            return f"[ ~~ ] {self.name:<14} {self.found} (course: {self.wanted}; close enough)"
        return f"[FAIL] {self.name:<14} {self.found} (the course uses {self.wanted})"


def minor(version: str) -> tuple[str, ...]:
    """The major and minor parts of a version string: ``"2.4.6"`` -> ``("2", "4")``."""
    return tuple(version.split(".")[:2])


def installed_version(name: str) -> str | None:
    """The installed version of distribution ``name`` (str), or ``None``."""
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None


def check_environment(
    dev: bool = False, lock: dict | None = None
) -> list[PackageCheck]:
    """Compare installed packages with the lock's versions.

    Parameters
    ----------
    dev : bool, default False
        Check every package of ``environment.yml`` instead of :data:`LESSON_PACKAGES`.
    lock : dict of str to str, optional
        Package name -> version; defaults to ``requirements-lock.txt``.

    Returns
    -------
    list of PackageCheck
    """
    lock = read_lock() if lock is None else lock
    names = list(read_pins()) if dev else LESSON_PACKAGES
    return [PackageCheck(name, lock[name], installed_version(name)) for name in names]


def format_report(checks: list[PackageCheck]) -> str:
    """The report: one line per check, a verdict, Python's version and the system's name."""
    lines = [check.line() for check in checks]
    failed = [check for check in checks if check.status == "fail"]
    if failed:
        lines.append(f"{len(failed)} of {len(checks)} packages need attention. {FIX}")
    else:
        lines.append(f"All {len(checks)} packages are ready for the course.")
    lines.append(f"Python {platform.python_version()} on {platform.system()}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Print the report; return 1 if a package fails, else 0. ``argv``: ``[]``/``["--dev"]``."""
    argv = sys.argv[1:] if argv is None else argv
    unknown = [arg for arg in argv if arg != "--dev"]
    if unknown:
        print(f"usage: python -m course_utils.check_env [--dev] (got {unknown})")
        return 2
    checks = check_environment(dev="--dev" in argv)
    print(format_report(checks))
    return 1 if any(check.status == "fail" for check in checks) else 0


if __name__ == "__main__":
    sys.exit(main())
