"""Check that this Python environment matches the course's pinned versions.

Run ``python -m course_utils.check_env`` (or ``make check-env``) before class. It prints one
``[ OK ]`` or ``[FAIL]`` line per pinned package with the version found, then Python's version and
path and the operating system, and exits with status 1 if any package is missing or differs.
The required versions come from ``environment.yml`` (see :mod:`course_utils.pins`).
"""

from __future__ import annotations

import platform
import sys
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from course_utils.pins import read_pins


@dataclass(frozen=True)
class PackageCheck:
    """The outcome of checking one package.

    Attributes
    ----------
    name : str
        Normalised package name.
    required : str
        The pinned version.
    found : str or None
        The installed version, or ``None`` when the package is not installed.
    """

    name: str
    required: str
    found: str | None

    @property
    def ok(self) -> bool:
        """Whether the installed version is exactly the pinned one."""
        return self.found == self.required

    def line(self) -> str:
        """One report line: ``[ OK ]`` or ``[FAIL]``, the name, the found version."""
        if self.found is None:
            return f"[FAIL] {self.name:<16} not installed (need {self.required})"
        if not self.ok:
            return f"[FAIL] {self.name:<16} {self.found} (need {self.required})"
        return f"[ OK ] {self.name:<16} {self.found}"


def installed_version(name: str) -> str | None:
    """Return the installed version of a distribution, or ``None`` if it is not installed.

    Parameters
    ----------
    name : str
        A distribution name (any spelling pip accepts).

    Returns
    -------
    str or None

    Raises
    ------
    ValueError
        If ``name`` is not a non-empty string.
    """
    if not isinstance(name, str) or not name.strip():
        raise ValueError(f"name must be a non-empty distribution name, got {name!r}")
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None


def check_environment(
    pins: dict[str, str] | None = None, environment_file: str | Path | None = None
) -> list[PackageCheck]:
    """Compare installed packages with the pinned versions.

    Parameters
    ----------
    pins : dict of str to str, optional
        Package name -> required version. Defaults to the pins read from ``environment_file``.
    environment_file : str or Path, optional
        The ``environment.yml`` to read when ``pins`` is not given; defaults to the course's.

    Returns
    -------
    list of PackageCheck
        One entry per pinned package, in the order of the pins.

    Raises
    ------
    FileNotFoundError
        If ``environment_file`` does not exist.
    ValueError
        If ``pins`` is not a non-empty dict of package name -> version, both strings.
    """
    if pins is None:
        pins = read_pins(environment_file)
    if not isinstance(pins, dict) or not pins:
        raise ValueError(
            f"pins must be a non-empty dict of name -> version, got {pins!r}"
        )
    bad = {
        name: version for name, version in pins.items() if not isinstance(version, str)
    }
    if bad or not all(isinstance(name, str) for name in pins):
        raise ValueError(
            f"pins must map package names to version strings such as '2.4.6', got {pins!r}"
        )
    return [
        PackageCheck(name, required, installed_version(name))
        for name, required in pins.items()
    ]


def format_report(checks: list[PackageCheck], *, system: bool = True) -> str:
    """Format checks as the report ``check_env`` prints.

    Parameters
    ----------
    checks : list of PackageCheck
        The result of :func:`check_environment`.
    system : bool, default True
        Whether to add Python's version and path and the operating system.

    Returns
    -------
    str

    Raises
    ------
    TypeError
        If ``checks`` is not a list of :class:`PackageCheck` or ``system`` is not True/False.
    ValueError
        If ``checks`` is empty (an empty report would say that everything matches).
    """
    if (
        checks is None
        or isinstance(checks, (str, bytes))
        or not hasattr(checks, "__iter__")
    ):
        raise TypeError(f"checks must be a list of PackageCheck, got {checks!r}")
    checks = list(checks)
    if not checks:
        raise ValueError("checks is empty: there is nothing to report")
    if not all(isinstance(check, PackageCheck) for check in checks):
        raise TypeError(
            "checks must hold PackageCheck objects (from check_environment)"
        )
    if not isinstance(system, bool):
        raise TypeError(f"system must be True or False, got {system!r}")
    lines = [check.line() for check in checks]
    failed = sum(not check.ok for check in checks)
    if failed:
        lines.append(
            f"{failed} of {len(checks)} packages do not match environment.yml."
        )
    else:
        lines.append(f"All {len(checks)} packages match environment.yml.")
    if system:
        lines.append(f"Python {platform.python_version()} at {sys.executable}")
        lines.append(f"OS: {platform.platform()}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Print the report; return 0 when every package matches, else 1.

    Parameters
    ----------
    argv : list of str, optional
        Command-line arguments: an optional path to an ``environment.yml``.
    """
    argv = sys.argv[1:] if argv is None else argv
    checks = check_environment(environment_file=argv[0] if argv else None)
    print(format_report(checks))
    return 0 if all(check.ok for check in checks) else 1


if __name__ == "__main__":
    sys.exit(main())
