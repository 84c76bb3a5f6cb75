"""The course quiz: a question bank kept as data, checked once, rendered with instant feedback.

The bank is ``course_utils/quiz_bank.yaml``. It is the one input from outside, so
:func:`parse_bank` checks it once and everything after trusts it. :func:`quiz_html` renders
the questions as self-contained HTML (styled by ``quiz.css``, driven by ``quiz.js``, both read
from this package): choosing an option says right or wrong and why, a score that stays in view
counts first attempts, answers are remembered across a reload, and a summary at the end names
the lessons to revisit. The same HTML works in JupyterLab and on the website.

Options are shown in an order fixed by the question's id and the option's text (not the
order in the YAML), so the website, JupyterLab and the answer key always agree.
"""

from __future__ import annotations

import hashlib
import html
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
#: The course's question bank.
BANK_FILE = HERE / "quiz_bank.yaml"
LETTERS = "ABCDEFGH"

# The fields of a question and of an option, with their types; the last three are optional.
# `value` is the number an option of a computed question stands for.
_QUESTION_FIELDS = {"id": str, "lesson": int, "objective": int, "question": str}
_QUESTION_FIELDS |= {"options": list, "multi_select": bool, "computed": str}
_OPTION_FIELDS = {
    "text": str,
    "correct": bool,
    "explanation": str,
    "value": (int, float),
}
_OPTIONAL = {"multi_select", "computed", "value"}


@dataclass(frozen=True)
class Option:
    """One answer option: its text, whether it is right, why, and (computed keys) its value."""

    text: str
    correct: bool
    explanation: str
    value: float | None = None

    def key(self, question_id: str) -> str:
        """A short stable id for this option, from the question's id and the option's text."""
        return hashlib.sha256(f"{question_id}\n{self.text}".encode()).hexdigest()[:8]


@dataclass(frozen=True)
class Question:
    """One question: its lesson and objective (1-based), text, and options in the order shown.

    ``multi_select`` questions have one or more correct options, the others exactly one;
    ``computed`` names the computation in ``tests/test_quiz.py`` that re-checks the key.
    """

    id: str
    lesson: int
    objective: int
    question: str
    options: tuple[Option, ...]
    multi_select: bool = False
    computed: str | None = None

    @property
    def correct_options(self) -> list[Option]:
        """The options marked correct."""
        return [option for option in self.options if option.correct]


def _fields(raw, spec: dict, where: str) -> None:
    """Check a mapping's field names and types against ``spec``."""
    if not isinstance(raw, dict):
        raise TypeError(f"{where}: expected a mapping of fields, got {raw!r}")
    unknown = sorted(set(raw) - set(spec))
    if unknown:
        raise ValueError(f"{where}: unknown field(s) {unknown}")
    for name, kind in spec.items():
        if name not in raw:
            if name not in _OPTIONAL:
                raise ValueError(f"{where}: missing field {name!r}")
            continue
        value = raw[name]
        if not isinstance(value, kind) or (
            kind is not bool and isinstance(value, bool)
        ):
            raise TypeError(f"{where}: field {name!r} has the wrong type: {value!r}")
        if isinstance(value, str) and not value.strip():
            raise ValueError(f"{where}: field {name!r} is empty")


def _parse_question(raw, position: int, seen: set) -> Question:
    named = isinstance(raw, dict) and isinstance(raw.get("id"), str)
    where = f"question {raw['id']!r}" if named else f"question {position}"
    _fields(raw, _QUESTION_FIELDS, where)
    qid = raw["id"]
    if not re.fullmatch(r"[a-z0-9-]+", qid):
        raise ValueError(
            f"{where}: field 'id' must use lower-case letters, digits and '-'"
        )
    if qid in seen:
        raise ValueError(f"{where}: duplicate id")
    if raw["lesson"] < 0:
        raise ValueError(f"{where}: field 'lesson' must be 0 or more")
    if raw["objective"] < 1:
        raise ValueError(f"{where}: field 'objective' must be 1 or more")
    raw_options = raw["options"]
    if not 2 <= len(raw_options) <= len(LETTERS):
        raise ValueError(f"{where}: field 'options' needs 2 to {len(LETTERS)} options")
    for number, option in enumerate(raw_options, start=1):
        _fields(option, _OPTION_FIELDS, f"{where}, option {number}")
    options = [
        Option(
            o["text"].strip(), o["correct"], o["explanation"].strip(), o.get("value")
        )
        for o in raw_options
    ]
    texts = [option.text.casefold() for option in options]
    if len(set(texts)) < len(texts):
        raise ValueError(f"{where}: field 'options' has duplicate texts")
    n_correct = sum(option.correct for option in options)
    multi = raw.get("multi_select", False)
    if (multi and n_correct < 1) or (not multi and n_correct != 1):
        expected = "1 or more" if multi else "exactly 1"
        raise ValueError(
            f"{where}: expected {expected} correct option, found {n_correct}"
        )
    if "computed" in raw and any(option.value is None for option in options):
        raise ValueError(f"{where}: field 'computed' needs a 'value' on every option")
    # the order shown: by a hash of id and text, so the key's position is not the YAML's
    options.sort(key=lambda option: option.key(qid))
    return Question(
        qid,
        raw["lesson"],
        raw["objective"],
        raw["question"].strip(),
        tuple(options),
        multi,
        raw.get("computed"),
    )


def parse_bank(data) -> list[Question]:
    """Check a question bank's raw data and return its questions in lesson order.

    Parameters
    ----------
    data : list of dict
        The bank as loaded from YAML (see the top of ``quiz_bank.yaml`` for its fields).

    Returns
    -------
    list of Question
        Sorted by lesson (the bank's order within a lesson), options in the order shown.

    Raises
    ------
    TypeError
        A question or option is not a mapping, or a field has the wrong type.
    ValueError
        Anything else wrong; the message names the question's id (or position) and field.
    """
    if not isinstance(data, list) or not data:
        raise ValueError(
            f"quiz bank: expected a non-empty list of questions, got {data!r}"
        )
    questions, seen = [], set()
    for position, raw in enumerate(data, start=1):
        questions.append(_parse_question(raw, position, seen))
        seen.add(questions[-1].id)
    return sorted(questions, key=lambda question: question.lesson)


def load_bank(path: str | Path = BANK_FILE) -> list[Question]:
    """Read a YAML question bank (by default the course's) and check it with :func:`parse_bank`.

    Raises ``FileNotFoundError`` if there is no such file, ``ValueError`` if it is not YAML.
    """
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise ValueError(f"{path} is not valid YAML: {error}") from None
    return parse_bank(data)


def _inline(text: str) -> str:
    """Escape text for HTML, turning `code` into <code>code</code>."""
    return re.sub(r"`([^`]+)`", r"<code>\1</code>", html.escape(text))


def _question_html(question: Question, number: int, quiz_id: str) -> str:
    qid = f"{quiz_id}-{question.id}"
    hint = " (choose all that apply, then press Check)" if question.multi_select else ""
    parts = [
        f'<fieldset class="cq-question" id="{qid}" aria-labelledby="{qid}-prompt" '
        f'data-qid="{question.id}" data-lesson="{question.lesson}" '
        f'data-multi="{int(question.multi_select)}">',
        f'<legend class="cq-prompt" id="{qid}-prompt"><strong>{number}.</strong> '
        f"{_inline(question.question)}{hint}</legend>",
        f'<p class="cq-meta">Lesson {question.lesson}, objective {question.objective}</p>',
    ]
    for letter, option in zip(LETTERS, question.options, strict=False):
        pressed = ' aria-pressed="false"' if question.multi_select else ""
        parts.append(
            f'<button type="button" class="cq-option" data-key="{option.key(question.id)}" '
            f'data-label="{letter}" data-correct="{int(option.correct)}"{pressed} '
            f'data-explanation="{html.escape(option.explanation, quote=True)}">'
            f"{letter}. {_inline(option.text)}</button>"
        )
    if question.multi_select:
        parts.append('<button type="button" class="cq-check">Check answer</button>')
    parts.append('<p class="cq-feedback" aria-live="polite"></p></fieldset>')
    return "\n".join(parts)


def quiz_html(questions: list[Question], *, quiz_id: str = "quiz") -> str:
    """Render questions (from :func:`load_bank`) as one interactive HTML quiz.

    ``quiz_id`` (lower-case letters, digits, ``-``) is the quiz element's id, unique on the
    page; it also keys the answers remembered in the browser. The result is deterministic.
    """
    n = len(questions)
    css = (HERE / "quiz.css").read_text(encoding="utf-8")
    script = (HERE / "quiz.js").read_text(encoding="utf-8")
    parts = [
        f"<style>\n{css}</style>",
        f'<div class="cq-quiz" id="{quiz_id}" data-total="{n}">',
        '<div class="cq-bar"><p class="cq-score" aria-live="polite">'
        f"Score: 0 / 0 answered ({n} question{'s' if n != 1 else ''}; "
        "the first answer to each counts)</p>"
        '<button type="button" class="cq-reset">Start again</button></div>',
        *(_question_html(q, i, quiz_id) for i, q in enumerate(questions, start=1)),
        '<section class="cq-summary" aria-live="polite"></section>',
        "</div>",
        f"<script>\n{script}</script>",
    ]
    return "\n".join(parts)


class Quiz:
    """Questions (from :func:`load_bank`) shown as an interactive quiz in a notebook."""

    def __init__(self, questions: list[Question], quiz_id: str = "quiz"):
        self.questions = list(questions)
        self.quiz_id = quiz_id

    def _repr_html_(self) -> str:
        return quiz_html(self.questions, quiz_id=self.quiz_id)

    def __repr__(self) -> str:
        return f"<Quiz: {len(self.questions)} questions>"

    def answer_key(self):
        """The answer key as a DataFrame: question number, id, lesson, correct letter(s)."""
        import pandas as pd

        rows = [
            {
                "question": number,
                "id": question.id,
                "lesson": question.lesson,
                "answer": ", ".join(
                    letter
                    for letter, option in zip(LETTERS, question.options, strict=False)
                    if option.correct
                ),
            }
            for number, question in enumerate(self.questions, start=1)
        ]
        return pd.DataFrame(rows)
