"""Read the course's pinned package versions from ``environment.yml``.

``environment.yml`` is the single source of truth for which packages the course needs and at
which versions. This module parses its ``dependencies`` list with the standard library only, so
that the environment check works even where a package (PyYAML included) is missing.

Run ``python -m course_utils.pins`` to print the pins as pip requirements (``name==version``).
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

#: ``environment.yml`` at the root of the course checkout.
ENVIRONMENT_FILE = Path(__file__).resolve().parents[1] / "environment.yml"

# Entries that are not Python packages of the course.
_NOT_PACKAGES = {"python", "pip"}
_PIN = re.compile(r"^\s*-\s+([A-Za-z0-9_.\-]+)\s*=\s*([A-Za-z0-9_.+!\-]+)\s*(#.*)?$")


def normalize(name: str) -> str:
    """Return a package name in PEP 503 normal form.

    Parameters
    ----------
    name : str
        A distribution name as written by pip, conda or a package's metadata.

    Returns
    -------
    str
        Lower case, with runs of ``-``, ``_`` and ``.`` replaced by one ``-``
        (``"PyYAML"`` -> ``"pyyaml"``, ``"pre_commit"`` -> ``"pre-commit"``).
    """
    if not isinstance(name, str) or not name.strip():
        raise ValueError(f"name must be a non-empty package name, got {name!r}")
    return re.sub(r"[-_.]+", "-", name.strip()).lower()


def read_pins(path: str | Path | None = None) -> dict[str, str]:
    """Return the pinned packages of an ``environment.yml``.

    Parameters
    ----------
    path : str or Path, optional
        The file to read; defaults to the course's own ``environment.yml``.

    Returns
    -------
    dict of str to str
        Normalised package name -> exact version, in file order. ``python`` and ``pip`` are
        left out, and so is the ``pip:`` sub-list (it installs the course itself).

    Raises
    ------
    FileNotFoundError
        If the file does not exist.
    TypeError
        If ``path`` is not a ``str`` or ``os.PathLike``.
    ValueError
        If a dependency is not pinned to an exact version (``name=1.2.3``), or none is found.
    """
    path = ENVIRONMENT_FILE if path is None else path
    # not validation.check_path: this module must import with the standard library only
    if not isinstance(path, (str, os.PathLike)):
        raise TypeError(f"path must be a file path (str or pathlib.Path), got {path!r}")
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"environment file not found: {path}")
    pins: dict[str, str] = {}
    in_deps = False
    for number, line in enumerate(
        path.read_text(encoding="utf-8").splitlines(), start=1
    ):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if not line.startswith(" "):
            in_deps = stripped == "dependencies:"
            continue
        if not in_deps or not line.startswith("  - ") or stripped.startswith("- pip:"):
            continue  # the nested pip: list is indented deeper and never reaches here
        if stripped[2:].strip() in _NOT_PACKAGES:
            continue  # unpinned on purpose: conda picks pip, python is pinned to a minor
        match = _PIN.match(line)
        if match is None:
            raise ValueError(
                f"{path.name}, line {number}: expected an exact pin like '  - numpy=2.4.6', "
                f"got {stripped!r}"
            )
        name, version = normalize(match.group(1)), match.group(2)
        if name in _NOT_PACKAGES:
            continue
        pins[name] = version
    if not pins:
        raise ValueError(f"{path}: no pinned dependencies found")
    return pins


def main() -> int:
    """Print the pins as pip requirement lines."""
    for name, version in read_pins().items():
        print(f"{name}=={version}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
