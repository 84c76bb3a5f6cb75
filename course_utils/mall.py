"""The mall customers data: its schema and where its files live.

The course studies the classic 200-customer mall data (a public Kaggle download, "Mall
Customer Segmentation Data", with no stated licence). The project does not ship that file; it
ships a synthetic replica with the same schema (made by ``tools/make_mall_replica.py``), and the
loader (:mod:`course_utils.mall_loader`) uses the real file instead when a user saves it as
``data/Mall_Customers.csv``. This module only names things both of them need.
"""

from __future__ import annotations

from pathlib import Path

#: Column names, exactly as in the Kaggle file.
ID_COLUMN = "CustomerID"
GENDER_COLUMN = "Gender"
AGE_COLUMN = "Age"
INCOME_COLUMN = "Annual Income (k$)"
SCORE_COLUMN = "Spending Score (1-100)"
#: The five columns of the canonical table, in order.
MALL_COLUMNS = (ID_COLUMN, GENDER_COLUMN, AGE_COLUMN, INCOME_COLUMN, SCORE_COLUMN)
#: The two values of ``Gender``, spelt as in the Kaggle file.
GENDERS = ("Female", "Male")
#: The lowest and highest possible spending score.
SCORE_RANGE = (1, 100)

#: The project's ``data/`` folder.
DATA_DIR = Path(__file__).resolve().parents[1] / "data"
#: Where a user saves the real Kaggle file (ignored by git, so it is never committed).
ORIGINAL_PATH = DATA_DIR / "Mall_Customers.csv"
#: The synthetic replica shipped with the course.
REPLICA_PATH = DATA_DIR / "mall_customers_replica.csv"
#: The name of the public Kaggle dataset that holds ``Mall_Customers.csv``.
KAGGLE_DATASET = "Mall Customer Segmentation Data"


def display_path(path) -> str:
    """Return ``path`` relative to the project (``data/...``) when inside it, else as given.

    Printed paths then read the same on every machine, which keeps checked notebook output
    stable.

    Parameters
    ----------
    path : str or os.PathLike
        A file path.

    Returns
    -------
    str
    """
    path = Path(path)
    try:
        return path.resolve().relative_to(DATA_DIR.parent).as_posix()
    except ValueError:
        return str(path)
