"""The exercises' checks, one module per lesson: each check with its hints, model answer
and typical wrong answers (see ``course_utils.exercises``)."""
