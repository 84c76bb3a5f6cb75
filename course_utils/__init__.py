"""Helpers shared by the lessons of *Customer Segmentation with Clustering*.

The package is deliberately light: import the module you need, e.g.
``from course_utils.kmeans import KMeansScratch`` or ``from course_utils import style``.
"""

__version__ = "0.1.0"
