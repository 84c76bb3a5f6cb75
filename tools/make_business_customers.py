"""Write the course's business customers (lesson 08's default table) to data/.

``python tools/make_business_customers.py`` rewrites ``data/business_customers.csv`` from
``course_utils.business.make_business_customers``; a test checks that the committed file is
exactly what the code makes.
"""

from course_utils.business import BUSINESS_PATH, business_csv_text

if __name__ == "__main__":  # pragma: no cover - a one-line command
    BUSINESS_PATH.write_bytes(business_csv_text().encode("utf-8"))
    print(f"wrote {BUSINESS_PATH}")
