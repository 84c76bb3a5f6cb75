"""The mall customers data (Kaggle's "Mall Customer Segmentation Data", no stated
licence): its schema and where its files live. The course ships a synthetic replica (made by
``tools/make_mall_replica.py``); the real file is used when saved as data/Mall_Customers.csv.
"""

from pathlib import Path

from course_utils.paths import course_file

#: Column names, exactly as in the Kaggle file.
ID_COLUMN = "CustomerID"
GENDER_COLUMN = "Gender"
AGE_COLUMN = "Age"
INCOME_COLUMN = "Annual Income (k$)"
SCORE_COLUMN = "Spending Score (1-100)"
#: The five columns of the canonical table, in order.
MALL_COLUMNS = (ID_COLUMN, GENDER_COLUMN, AGE_COLUMN, INCOME_COLUMN, SCORE_COLUMN)
#: The two values of ``Gender``, and the lowest and highest spending score.
GENDERS, SCORE_RANGE = ("Female", "Male"), (1, 100)

DATA_DIR = course_file("data")
#: Where a user saves the real Kaggle file (ignored by git), and the shipped replica.
ORIGINAL_PATH = DATA_DIR / "Mall_Customers.csv"
REPLICA_PATH = DATA_DIR / "mall_customers_replica.csv"
KAGGLE_DATASET = "Mall Customer Segmentation Data"


def display_path(path) -> str:
    """Return ``path`` (str or os.PathLike) as ``data/...`` when inside the project.

    Printed paths then read the same on every machine, so checked output stays stable.
    """
    path = Path(path)
    try:
        return path.resolve().relative_to(DATA_DIR.parent).as_posix()
    except ValueError:
        return str(path)
