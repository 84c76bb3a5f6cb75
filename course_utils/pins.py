"""Read the course's version pins: ``environment.yml`` and ``requirements-lock.txt``.

``environment.yml`` says which packages the course needs: the lessons' and JupyterLab's from
conda-forge, pinned to a minor version (``numpy=2.4``), and the developer tools under its
``pip:`` list, pinned exactly (``pytest==9.2.0``). ``requirements-lock.txt`` holds one exact
version of every package, inside those pins. Standard library only, so that the environment
check works where a package (PyYAML included) is missing.

``python -m course_utils.pins`` prints the pins as pip requirements for ``make lock``: the
locked version when it is still inside its pin (so re-resolving reproduces the lock), else
the pin's whole series (``numpy==2.5.*``).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
#: The course's ``environment.yml`` and pip lock.
ENVIRONMENT_FILE = ROOT / "environment.yml"
LOCK_FILE = ROOT / "requirements-lock.txt"

_CONDA_PIN = re.compile(r"^  - ([A-Za-z0-9_.\-]+)=([0-9][A-Za-z0-9_.+!\-]*)\s*(#.*)?$")
_PIP_PIN = re.compile(r"^\s+- ([A-Za-z0-9_.\-]+)==([0-9][A-Za-z0-9_.+!\-]*)\s*(#.*)?$")
_UNPINNED = {"python", "pip", "-e ."}


def normalize(name: str) -> str:
    """Return a package name (str) in PEP 503 normal form: ``"PyYAML"`` -> ``"pyyaml"``."""
    return re.sub(r"[-_.]+", "-", name.strip()).lower()


def matches(version: str, pin: str) -> bool:
    """Whether an installed ``version`` is inside ``pin`` (``"2.4"`` takes any 2.4.x)."""
    return version == pin or version.startswith(pin + ".")


def read_environment(path: str | Path | None = None) -> tuple[dict, dict]:
    """Return the conda-forge pins and the pip pins of an ``environment.yml``.

    Parameters
    ----------
    path : str or Path, optional
        Defaults to the course's own ``environment.yml``.

    Returns
    -------
    conda, pip : dict of str to str
        Normalised package name -> pinned version, in file order. ``python``, ``pip`` and
        ``-e .`` (the course itself) are left out.

    Raises
    ------
    FileNotFoundError
        If the file does not exist.
    ValueError
        If a dependency is not pinned (``name=2.4`` for conda, ``name==1.2.3`` for pip).
    """
    path = Path(ENVIRONMENT_FILE if path is None else path)
    if not path.is_file():
        raise FileNotFoundError(f"environment file not found: {path.name}")
    conda: dict[str, str] = {}
    pip: dict[str, str] = {}
    in_deps = in_pip = False
    lines = path.read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines, start=1):
        entry = line.split("#", 1)[0].strip()
        if not entry:
            continue
        if not line.startswith(" "):
            in_deps, in_pip = entry == "dependencies:", False
            continue
        if not in_deps:
            continue
        if entry == "- pip:":
            in_pip = True
            continue
        if entry.removeprefix("- ").strip() in _UNPINNED:
            continue
        in_pip = in_pip and not line.startswith("  - ")
        match = (_PIP_PIN if in_pip else _CONDA_PIN).match(line)
        if match is None:
            example = "      - pytest==9.2.0" if in_pip else "  - numpy=2.4"
            raise ValueError(
                f"{path.name}, line {number}: expected a pin like '{example}', "
                f"got {line.strip()!r}"
            )
        if match.group(1) != "python":
            (pip if in_pip else conda)[normalize(match.group(1))] = match.group(2)
    return conda, pip


def read_pins(path: str | Path | None = None) -> dict[str, str]:
    """Return every pin of an ``environment.yml``, conda-forge's first, then pip's."""
    conda, pip = read_environment(path)
    return {**conda, **pip}


def read_lock(path: str | Path | None = None) -> dict[str, str]:
    """Return ``{normalised name: exact version}`` from a pip lock (``name==version`` lines).

    Raises
    ------
    ValueError
        If a line is not an exact pin.
    """
    path = Path(LOCK_FILE if path is None else path)
    lock = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        match = re.fullmatch(r"([A-Za-z0-9_.\-]+)==([^\s;]+)", line)
        if match is None:
            raise ValueError(f"{path.name}, line {number}: not an exact pin: {line!r}")
        lock[normalize(match.group(1))] = match.group(2)
    return lock


def requirements(pins: dict[str, str], lock: dict[str, str]) -> list[str]:
    """The pip requirements ``make lock`` installs: the locked version while it fits."""
    return [
        f"{name}=={lock[name]}"
        if name in lock and matches(lock[name], pin)
        else f"{name}=={pin}.*"
        for name, pin in pins.items()
    ]


def main() -> int:
    """Print the pins as pip requirement lines (for ``make lock``)."""
    print("\n".join(requirements(read_pins(), read_lock())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
