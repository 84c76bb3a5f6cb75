"""``python -m course_utils.check_env [--dev]``: can this environment run the course?

Compares the lessons' packages (``--dev``: all of ``environment.yml``) with the lock: ``[ OK ]``
the same version, ``[ ~~ ]`` the same minor one, ``[FAIL]`` missing or another (exit status 1).
No paths are printed; Python's version is shown, not checked (3.11 to 3.13 all run the lock)."""

import platform
import sys
from dataclasses import dataclass
from importlib.metadata import distributions

from course_utils.pins import read_lock, read_pins

#: What the lessons import, so what a learner needs (Colab included).
LESSON_PACKAGES = ("numpy", "pandas", "scipy", "scikit-learn", "matplotlib", "seaborn")
LESSON_PACKAGES += ("kneed", "pyyaml", "skops")
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
        minor = self.found and self.found.split(".")[:2] == self.wanted.split(".")[:2]
        return "ok" if self.found == self.wanted else "close" if minor else "fail"

    def line(self) -> str:
        """The report line for this package."""
        name, found, wanted = f"{self.name:<14}", self.found, self.wanted
        return {
            "ok": f"[ OK ] {name} {found}",
            "close": f"[ ~~ ] {name} {found} (course: {wanted}; close enough)",
            "fail": f"[FAIL] {name} {found or 'not installed'} (the course uses {wanted})",
        }[self.status]


def check_environment(dev: bool = False, lock: dict | None = None) -> list:
    """Compare installed packages with the lock's versions; a list of :class:`PackageCheck`.

    Parameters
    ----------
    dev : bool
        Check every package of ``environment.yml``, not only :data:`LESSON_PACKAGES`.
    lock : dict of str to str, optional
        Package name -> version; by default ``requirements-lock.txt``.
    """
    lock = read_lock() if lock is None else lock
    names = read_pins() if dev else LESSON_PACKAGES
    return [  # each with the version installed, or None
        PackageCheck(n, lock[n], next((d.version for d in distributions(name=n)), None))
        for n in names
    ]


def format_report(checks: list[PackageCheck]) -> str:
    """The report: one line per check, a verdict, Python's version and the system's name."""
    n, failed = len(checks), sum(check.status == "fail" for check in checks)
    ready = f"All {n} packages are ready for the course."
    verdict = f"{failed} of {n} packages need attention. {FIX}" if failed else ready
    python = f"Python {platform.python_version()} on {platform.system()}"
    return "\n".join([*(check.line() for check in checks), verdict, python])


def main(argv: list[str] | None = None) -> int:
    """Print the report; return 1 if a package fails, else 0. ``argv``: ``[]`` or ``["--dev"]``."""
    argv = sys.argv[1:] if argv is None else argv
    if unknown := [arg for arg in argv if arg != "--dev"]:
        print(f"usage: python -m course_utils.check_env [--dev] (got {unknown})")
        return 2
    checks = check_environment(dev="--dev" in argv)
    print(format_report(checks))
    return int(any(check.status == "fail" for check in checks))


if __name__ == "__main__":
    sys.exit(main())
