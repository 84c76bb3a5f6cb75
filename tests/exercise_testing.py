"""What every lesson's exercise tests share (``tests/test_exercises_NN.py``).

A lesson's test module defines ``LESSON`` (a cached function: what the lesson's cells have
made when its exercises start), ``MODEL_ANSWERS`` ({"N.M": make_answer}, each made the way
the solution cell makes it) and ``WRONG_ANSWERS`` ([("N.M", make_answer, words the message
must contain)]), and imports the two tests below, which ``conftest.py`` parametrizes with
them: the model answer passes with "✔ Right", each typical wrong answer fails with its words.
"""

from course_utils.exercises import exercise


def verdict(capsys, number, answer):
    """What ``check`` returns and says, as a learner would see it."""
    right = exercise(number).check(answer)
    return right, capsys.readouterr().out.strip()


def test_the_model_answer_passes(capsys, request, model_case):
    number, make_answer = model_case
    right, said = verdict(capsys, number, make_answer(request.module.LESSON()))
    assert right is True, said
    assert said.startswith("✔ Right"), said


def test_a_typical_wrong_answer_fails_with_its_message(capsys, request, wrong_case):
    number, make_answer, message = wrong_case
    right, said = verdict(capsys, number, make_answer(request.module.LESSON()))
    assert right is False, said
    assert said.startswith("✘ "), said
    assert message in said, said
