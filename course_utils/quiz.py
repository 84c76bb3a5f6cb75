"""The course quiz: a question bank kept as data, checked once, rendered with instant feedback.

The bank, ``quiz_bank.yaml``, is the one input from outside: :func:`parse_bank` checks it once.
:func:`quiz_html` renders it as HTML (``quiz.css``, ``quiz.js``) for JupyterLab and the site,
with the computed case (table or figure, ``quiz_cases.py``) a question shows under its prompt.
Options are shown in an order fixed by the question's id and the option's text, not the
YAML's, so the website, JupyterLab and the answer key always agree."""

import hashlib
import html
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from course_utils.quiz_cases import CASES

BANK_FILE = Path(__file__).resolve().with_name("quiz_bank.yaml")  # the course's bank
LETTERS = "ABCDEFGH"
#: What a question asks: to apply a lesson to a case it did not show, or to recall it.
KINDS = ("apply", "recall")

# Field types; `value` is the number an option of a computed question stands for.
_QUESTION = {"id": str, "lesson": int, "objective": int, "question": str}
_QUESTION |= {"options": list, "kind": str, "multi_select": bool, "computed": str}
_QUESTION |= {"case": str}
_OPTION = {"text": str, "correct": bool, "explanation": str, "value": (int, float)}
_OPTIONAL = {"multi_select", "computed", "case", "value"}


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
    """One question: lesson, objective (1-based), ``kind`` (one of :data:`KINDS`), text,
    options in the order shown, ``computed``: the function in ``tests/test_quiz.py`` that
    re-checks the key, and ``case``: the computed case it shows (``quiz_cases.CASES``)."""

    id: str
    lesson: int
    objective: int
    kind: str
    question: str
    options: tuple[Option, ...]
    multi_select: bool = False
    computed: str | None = None
    case: str | None = None


def _check_fields(raw, schema: dict, where: str) -> None:
    if not isinstance(raw, dict):
        raise TypeError(f"{where}: expected a mapping of fields, got {raw!r}")
    if unknown := sorted(set(raw) - set(schema)):
        raise ValueError(f"{where}: unknown field(s) {unknown}")
    if missing := [name for name in schema if name not in {*raw, *_OPTIONAL}]:
        raise ValueError(f"{where}: missing field {missing[0]!r}")
    for name, value in raw.items():
        kind = schema[name]
        if not isinstance(value, kind) or isinstance(value, bool) != (kind is bool):
            raise TypeError(f"{where}: field {name!r} has the wrong type: {value!r}")
        if isinstance(value, str) and not value.strip():
            raise ValueError(f"{where}: field {name!r} is empty")


def parse_bank(data) -> list[Question]:
    """Check a question bank; return its questions by lesson, options in the order shown.

    Raises ``TypeError`` (a field of the wrong type) or ``ValueError`` (anything else wrong),
    naming the question's id (or position) and the field.

    Parameters
    ----------
    data : list of dict
        The bank as loaded from YAML (the top of ``quiz_bank.yaml`` describes its fields).
    """
    if not isinstance(data, list) or not data:
        raise ValueError(f"quiz bank: expected a non-empty list of questions: {data!r}")
    questions: list[Question] = []
    for position, raw in enumerate(data, start=1):
        named = isinstance(raw, dict) and isinstance(raw.get("id"), str)
        where = f"question {raw['id']!r}" if named else f"question {position}"
        _check_fields(raw, _QUESTION, where)
        for number, option in enumerate(raw["options"], start=1):
            _check_fields(option, _OPTION, f"{where}, option {number}")
        options = [
            Option(**o | {k: o[k].strip() for k in ("text", "explanation")})
            for o in raw["options"]
        ]
        multi, n_right = raw.get("multi_select", False), sum(o.correct for o in options)
        expected = "1 or more" if multi else "exactly 1"
        rules = (  # (holds, the message if it does not)
            (re.fullmatch(r"[a-z0-9-]+", raw["id"]),
             "field 'id' must use lower-case letters, digits and '-'"),
            (raw["id"] not in {q.id for q in questions}, "duplicate id"),
            (raw["lesson"] >= 0, "field 'lesson' must be 0 or more"),
            (raw["objective"] >= 1, "field 'objective' must be 1 or more"),
            (raw["kind"] in KINDS, f"field 'kind' must be one of {KINDS}"),
            ("case" not in raw or raw["case"] in CASES,
             f"field 'case' must be one of {sorted(CASES)}"),
            (2 <= len(options) <= len(LETTERS), "field 'options' needs 2 to 8 options"),
            (len({o.text.casefold() for o in options}) == len(options),
             "field 'options' has duplicate texts"),
            (n_right >= 1 if multi else n_right == 1,
             f"expected {expected} correct option, found {n_right}"),
            ("computed" not in raw or all(o.value is not None for o in options),
             "field 'computed' needs a 'value' on every option"),
            ("case" not in raw or all(o.value is not None for o in options),
             "field 'case' needs a 'value' on every option"),
        )  # fmt: skip
        if broken := [message for holds, message in rules if not holds]:
            raise ValueError(f"{where}: {broken[0]}")
        # the order shown: by a hash of id and text, not the YAML's
        options.sort(key=lambda option: option.key(raw["id"]))
        raw = raw | {"question": raw["question"].strip(), "options": tuple(options)}
        questions.append(Question(**raw))
    return sorted(questions, key=lambda question: question.lesson)


def load_bank(path: str | Path = BANK_FILE) -> list[Question]:
    """Read a YAML question bank at ``path`` (str or Path; default the course's) and check
    it with :func:`parse_bank`; ``FileNotFoundError`` if missing, ``ValueError`` if not YAML."""
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise ValueError(f"{path} is not valid YAML: {error}") from None
    return parse_bank(data)


def _inline(text: str) -> str:  # escaped, with `code` as <code>code</code>
    return re.sub(r"`([^`]+)`", r"<code>\1</code>", html.escape(text))


def _question_html(q: Question, number: int, quiz_id: str) -> str:
    qid, multi = f"{quiz_id}-{q.id}", q.multi_select
    hint = " (choose all that apply, then press Check)" if multi else ""
    # a question is a radio group (its first choice answers it) or a group of check
    # boxes; quiz.js moves the focus between its options with the arrow keys
    role, group = ("checkbox", "") if multi else ("radio", ' role="radiogroup"')
    check = '<button type="button" class="cq-check">Check answer</button>\n'
    return "\n".join([
        f'<fieldset class="cq-question" id="{qid}" aria-labelledby="{qid}-prompt" '
        f'data-qid="{q.id}" data-lesson="{q.lesson}" '
        f'data-multi="{int(multi)}"{group}>',
        f'<legend class="cq-prompt" id="{qid}-prompt"><strong>{number}.</strong> '
        f"{_inline(q.question)}{hint}</legend>",
        f'<p class="cq-meta">Lesson {q.lesson}, objective {q.objective}</p>',
        *([f'<div class="cq-case">{CASES[q.case]().html}</div>'] if q.case else []),
        *(
            f'<button type="button" class="cq-option" data-key="{o.key(q.id)}" '
            f'data-label="{letter}" data-correct="{int(o.correct)}" role="{role}" '
            'aria-checked="false" '
            f'data-explanation="{html.escape(o.explanation, quote=True)}">'
            f"{letter}. {_inline(o.text)}</button>"
            for letter, o in zip(LETTERS, q.options, strict=False)
        ),
        (check if multi else "")
        + '<p class="cq-feedback" aria-live="polite"></p></fieldset>',
    ])  # fmt: skip


def quiz_html(questions: list[Question], *, quiz_id: str = "quiz") -> str:
    """Render questions (from :func:`load_bank`) as one interactive HTML quiz.

    ``quiz_id`` (lower-case letters, digits, ``-``) is the quiz element's id, unique on the
    page; it also keys the answers remembered in the browser. The result is deterministic.
    """
    n = len(questions)
    return "\n".join([
        f"<style>\n{BANK_FILE.with_name('quiz.css').read_text(encoding='utf-8')}</style>",
        # JupyterLab's shortcuts (Enter, the arrows) leave the quiz's keys to the quiz
        f'<div class="cq-quiz" id="{quiz_id}" data-total="{n}" '
        'data-lm-suppress-shortcuts="true">',
        '<div class="cq-bar"><p class="cq-score" role="status" aria-atomic="true">'
        f"Score: 0 / 0 answered ({n} question{'s' if n != 1 else ''}; "
        "the first answer to each counts)</p>"
        '<button type="button" class="cq-reset">Start again</button></div>',
        *(_question_html(q, i, quiz_id) for i, q in enumerate(questions, start=1)),
        '<section class="cq-summary" aria-live="polite"></section>',
        "</div>",
        f"<script>\n{BANK_FILE.with_name('quiz.js').read_text(encoding='utf-8')}</script>",
    ])  # fmt: skip


@dataclass
class Quiz:
    """Questions (from :func:`load_bank`) shown as an interactive quiz in a notebook."""

    questions: list[Question]
    quiz_id: str = "quiz"

    def _repr_html_(self) -> str:
        return quiz_html(self.questions, quiz_id=self.quiz_id)

    def __repr__(self) -> str:
        return f"<Quiz: {len(self.questions)} questions>"

    def answer_key(self):
        """The answer key as a DataFrame: question number, id, lesson, correct letter(s)."""
        import pandas as pd

        rows = []
        for number, q in enumerate(self.questions, start=1):
            letters = [
                LETTERS[i] for i, option in enumerate(q.options) if option.correct
            ]
            rows.append((number, q.id, q.lesson, ", ".join(letters)))
        return pd.DataFrame(rows, columns=["question", "id", "lesson", "answer"])
