"""Where the course's files are: the one place in ``course_utils`` that knows.

In a checkout of the repository (``make`` installs ``course_utils`` in editable mode) the
files are the repository's own: ``data/``, ``notebooks/``, ``_toc.yml``… beside
``course_utils/``. An installed ``course_utils`` (``pip install .``, e.g. in Colab)
carries a copy of the files it reads as package data, in ``course_utils/_course/``, laid
out as in the repository: ``pyproject.toml`` lists them, and the build copies them from
the repository's root (git holds each file once).
"""

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
#: The course's files an installed package carries (absent from a checkout).
_INSTALLED_FILES = _PACKAGE / "_course"


def course_file(*parts: str) -> Path:
    """Return the path of a course file or folder, given relative to the repository's root.

    From a checkout the path is in the repository; from an installed package, in its
    copy of the course's files.

    Parameters
    ----------
    *parts : str
        The path's parts, e.g. ``course_file("data", "mall_customers_replica.csv")``;
        none for the root itself.
    """
    root = _INSTALLED_FILES if _INSTALLED_FILES.is_dir() else _PACKAGE.parent
    return root.joinpath(*parts)


#: The lessons' folder (``notebooks/``).
NOTEBOOKS = course_file("notebooks")
