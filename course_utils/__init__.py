"""Helpers for the lessons of *Customer Segmentation with Clustering*. Nothing is imported
here: import the module you need, e.g. ``from course_utils import style``."""

__version__ = "0.1.0"
