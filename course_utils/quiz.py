"""The course quiz: a question bank kept as data, validated, and rendered with instant feedback.

The bank is ``course_utils/quiz_bank.yaml``. :func:`load_bank` validates it (one correct option
unless a question is marked ``multi_select``, no duplicate options, an explanation for every
option, a lesson and an objective for every question). :func:`quiz_html` renders questions as
self-contained HTML and JavaScript: choosing an option says right or wrong and why, and a running
score counts first attempts. The same HTML works in JupyterLab (as a cell's output) and on the
website (where there is no kernel).
"""

from __future__ import annotations

import html
import numbers
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from course_utils.validation import check_path

#: The course's question bank.
BANK_FILE = Path(__file__).resolve().with_name("quiz_bank.yaml")

_QUESTION_KEYS = {
    "id",
    "lesson",
    "objective",
    "question",
    "options",
    "multi_select",
    "computed",
}
_OPTION_KEYS = {"text", "correct", "explanation", "value"}


@dataclass(frozen=True)
class Option:
    """One answer option.

    Attributes
    ----------
    text : str
        What the learner sees.
    correct : bool
        Whether choosing it is right.
    explanation : str
        Why it is right or wrong (shown when chosen).
    value : object, optional
        For questions with a computed key: the value this option stands for.
    """

    text: str
    correct: bool
    explanation: str
    value: object = None


@dataclass(frozen=True)
class Question:
    """One quiz question.

    Attributes
    ----------
    id : str
        A stable identifier (letters, digits, ``-``).
    lesson : int
        The lesson it tests.
    objective : int
        The number (1-based) of the lesson's learning objective it tests.
    question : str
        The question's text (``code`` in backticks is allowed).
    options : tuple of Option
    multi_select : bool
        Whether several options are correct (the learner ticks all of them).
    computed : str or None
        The name of the computation that checks this question's key (see the key tests).
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


def _require(condition: bool, where: str, message: str) -> None:
    if not condition:
        raise ValueError(f"{where}: {message}")


def parse_bank(data) -> list[Question]:
    """Validate a question bank's raw data and return its questions.

    Parameters
    ----------
    data : list of dict
        The bank as loaded from YAML: a list of questions, each a mapping with ``id``,
        ``lesson``, ``objective``, ``question``, ``options`` (each with ``text``, ``correct``,
        ``explanation`` and optionally ``value``), and optionally ``multi_select`` and
        ``computed``.

    Returns
    -------
    list of Question

    Raises
    ------
    ValueError
        Naming the question (by id or position) and what is wrong with it.
    """
    _require(
        isinstance(data, list) and len(data) > 0,
        "quiz bank",
        "expected a non-empty list",
    )
    questions, seen_ids = [], set()
    for position, raw in enumerate(data, start=1):
        where = f"question {position}"
        _require(isinstance(raw, dict), where, "expected a mapping")
        where = f"question {raw.get('id', position)!r}"
        unknown = set(raw) - _QUESTION_KEYS
        _require(not unknown, where, f"unknown key(s) {sorted(unknown)}")
        for key in ("id", "lesson", "objective", "question", "options"):
            _require(key in raw, where, f"missing {key!r}")
        _require(
            isinstance(raw["id"], str)
            and re.fullmatch(r"[a-z0-9-]+", raw["id"]) is not None,
            where,
            "id must use lower-case letters, digits and '-'",
        )
        _require(raw["id"] not in seen_ids, where, "duplicate id")
        seen_ids.add(raw["id"])
        for key in ("lesson", "objective"):
            value = raw[key]
            _require(
                isinstance(value, int) and not isinstance(value, bool) and value >= 0,
                where,
                f"{key} must be a non-negative integer",
            )
        _require(raw["objective"] >= 1, where, "objective numbers start at 1")
        _require(
            isinstance(raw["question"], str) and raw["question"].strip(),
            where,
            "no text",
        )
        multi = raw.get("multi_select", False)
        _require(isinstance(multi, bool), where, "multi_select must be true or false")
        raw_options = raw["options"]
        _require(
            isinstance(raw_options, list) and len(raw_options) >= 2,
            where,
            "needs 2+ options",
        )
        options = []
        for number, option in enumerate(raw_options, start=1):
            at = f"{where}, option {number}"
            _require(isinstance(option, dict), at, "expected a mapping")
            unknown = set(option) - _OPTION_KEYS
            _require(not unknown, at, f"unknown key(s) {sorted(unknown)}")
            _require(
                isinstance(option.get("text"), str) and option["text"].strip(),
                at,
                "no text",
            )
            _require(
                isinstance(option.get("correct"), bool),
                at,
                "correct must be true or false",
            )
            explanation = option.get("explanation")
            _require(
                isinstance(explanation, str) and explanation.strip(),
                at,
                "missing explanation",
            )
            options.append(
                Option(
                    option["text"].strip(),
                    option["correct"],
                    explanation.strip(),
                    option.get("value"),
                )
            )
        texts = [option.text.casefold() for option in options]
        _require(len(set(texts)) == len(texts), where, "duplicate options")
        n_correct = sum(option.correct for option in options)
        if multi:
            _require(
                n_correct >= 1,
                where,
                "a multi-select question needs 1+ correct options",
            )
        else:
            _require(
                n_correct == 1,
                where,
                f"expected exactly 1 correct option, found {n_correct}",
            )
        computed = raw.get("computed")
        if computed is not None:
            _require(
                isinstance(computed, str), where, "computed must name a computation"
            )
            _require(
                all(option.value is not None for option in options),
                where,
                "a computed question gives every option a value",
            )
        questions.append(
            Question(
                raw["id"],
                raw["lesson"],
                raw["objective"],
                raw["question"].strip(),
                tuple(options),
                multi,
                computed,
            )
        )
    return questions


def load_bank(path: str | Path | None = None, *, lessons=None) -> list[Question]:
    """Load and validate the question bank.

    Parameters
    ----------
    path : str or Path, optional
        A YAML bank; defaults to the course's ``quiz_bank.yaml``.
    lessons : iterable of int, optional
        Keep only the questions on these lessons.

    Returns
    -------
    list of Question

    Raises
    ------
    FileNotFoundError
        If ``path`` does not exist.
    TypeError
        If ``path`` is not a path or ``lessons`` not a sequence of integers.
    ValueError
        If the file is not valid YAML, the bank is invalid (see :func:`parse_bank`), or no
        question is on the ``lessons`` asked for.
    """
    path = check_path(BANK_FILE if path is None else path)
    if not path.is_file():
        raise FileNotFoundError(f"quiz bank not found: {path}")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise ValueError(f"{path} is not valid YAML: {error}") from None
    questions = parse_bank(data)
    if lessons is not None:
        if isinstance(lessons, (str, bytes)) or not hasattr(lessons, "__iter__"):
            raise TypeError(
                f"lessons must be a sequence of lesson numbers, got {lessons!r}"
            )
        wanted = set(lessons)
        if not all(
            isinstance(n, numbers.Integral) and not isinstance(n, bool) for n in wanted
        ):
            raise TypeError(
                f"lessons must hold whole lesson numbers, got {sorted(wanted, key=str)}"
            )
        questions = [q for q in questions if q.lesson in wanted]
        if not questions:
            raise ValueError(f"no question on lesson(s) {sorted(wanted)}")
    return questions


def _inline(text: str) -> str:
    """Escape text for HTML, turning `code` into <code>code</code>."""
    return re.sub(r"`([^`]+)`", r"<code>\1</code>", html.escape(text))


_STYLE = """<style>
.cq-quiz{font-size:1.05rem;max-width:52rem}
.cq-question{border:1px solid #bbb;border-radius:6px;padding:.6rem 1rem;margin:.8rem 0}
.cq-meta{color:#555;font-size:.85rem;margin:0}
.cq-option{display:block;width:100%;text-align:left;margin:.3rem 0;padding:.45rem .7rem;
 border:2px solid #888;border-radius:5px;background:#fff;color:#111;cursor:pointer;font:inherit}
.cq-option:hover{background:#eef4fb}
.cq-option.cq-right{border-color:#0072B2;background:#dcecf7}
.cq-option.cq-wrong{border-color:#D55E00;background:#fbe6da}
.cq-feedback{margin:.4rem 0 0 0;min-height:1.2em}
.cq-score{font-weight:bold}
</style>"""

# Plain JavaScript, no library: it runs in JupyterLab's trusted outputs and on static pages.
# Each quiz is initialised once, whatever number of times the script is included.
_SCRIPT = """<script>
(function () {
  function setup(quiz) {
    if (quiz.dataset.ready) { return; }
    quiz.dataset.ready = "1";
    var total = Number(quiz.dataset.total), answered = 0, right = 0;
    var score = quiz.querySelector(".cq-score");
    function record(question, ok) {
      if (question.dataset.answered) { return; }
      question.dataset.answered = "1";
      answered += 1; if (ok) { right += 1; }
      score.textContent = "Score: " + right + " / " + answered + " answered (" + total +
        " questions; the first answer to each counts)";
    }
    quiz.querySelectorAll(".cq-question").forEach(function (question) {
      var feedback = question.querySelector(".cq-feedback");
      var multi = question.dataset.multi === "1";
      question.querySelectorAll(".cq-option").forEach(function (option) {
        option.addEventListener("click", function () {
          if (multi) {
            option.classList.toggle("cq-picked");
            option.setAttribute("aria-pressed", option.classList.contains("cq-picked"));
            return;
          }
          var ok = option.dataset.correct === "1";
          option.classList.add(ok ? "cq-right" : "cq-wrong");
          feedback.textContent = (ok ? "\\u2714 Right. " : "\\u2718 Not quite. ") +
            option.dataset.explanation;
          record(question, ok);
        });
      });
      var check = question.querySelector(".cq-check");
      if (check) {
        check.addEventListener("click", function () {
          var ok = true, notes = [];
          question.querySelectorAll(".cq-option").forEach(function (option) {
            var picked = option.classList.contains("cq-picked");
            var correct = option.dataset.correct === "1";
            if (picked !== correct) { ok = false; }
            if (picked || correct) {
              option.classList.add(correct ? "cq-right" : "cq-wrong");
              notes.push(option.dataset.label + ": " + option.dataset.explanation);
            }
          });
          feedback.textContent = (ok ? "\\u2714 Right. " : "\\u2718 Not quite. ") + notes.join(" ");
          record(question, ok);
        });
      }
    });
  }
  document.querySelectorAll(".cq-quiz").forEach(setup);
})();
</script>"""


def _check_questions(questions) -> list[Question]:
    if (
        questions is None
        or isinstance(questions, (str, bytes))
        or not hasattr(questions, "__iter__")
    ):
        raise TypeError(
            f"questions must be a non-empty list of Question (see load_bank), got {questions!r}"
        )
    questions = list(questions)
    if not questions or not all(isinstance(q, Question) for q in questions):
        raise TypeError(
            "questions must be a non-empty list of Question (see load_bank)"
        )
    return questions


def quiz_html(questions, *, quiz_id: str = "quiz") -> str:
    """Render questions as one interactive HTML quiz.

    Parameters
    ----------
    questions : list of Question
        From :func:`load_bank`.
    quiz_id : str, default "quiz"
        The quiz element's id (letters, digits, ``-``), unique on the page.

    Returns
    -------
    str
        HTML with an inline style and script; deterministic for the same questions.

    Raises
    ------
    TypeError
        If ``questions`` is not a non-empty list of :class:`Question`.
    ValueError
        If ``quiz_id`` is not made of lower-case letters, digits and ``-``.
    """
    questions = _check_questions(questions)
    if not isinstance(quiz_id, str) or not re.fullmatch(r"[a-z0-9-]+", quiz_id):
        raise ValueError(
            f"quiz_id must use lower-case letters, digits and '-', got {quiz_id!r}"
        )
    parts = [
        _STYLE,
        f'<div class="cq-quiz" id="{quiz_id}" data-total="{len(questions)}">',
        f'<p class="cq-score" aria-live="polite">Score: 0 / 0 answered ({len(questions)} '
        "questions; the first answer to each counts)</p>",
    ]
    for number, question in enumerate(questions, start=1):
        hint = " (choose all that apply, then check)" if question.multi_select else ""
        parts.append(
            f'<div class="cq-question" id="{quiz_id}-{question.id}" '
            f'data-multi="{int(question.multi_select)}">'
            f'<p class="cq-meta">Lesson {question.lesson}, objective {question.objective}</p>'
            f'<p class="cq-prompt"><strong>{number}.</strong> {_inline(question.question)}'
            f"{hint}</p>"
        )
        for letter, option in zip("ABCDEFGH", question.options, strict=False):
            parts.append(
                f'<button type="button" class="cq-option" data-label="{letter}" '
                f'data-correct="{int(option.correct)}" '
                f'data-explanation="{html.escape(option.explanation, quote=True)}">'
                f"{letter}. {_inline(option.text)}</button>"
            )
        if question.multi_select:
            parts.append('<button type="button" class="cq-check">Check answer</button>')
        parts.append('<p class="cq-feedback" aria-live="polite"></p></div>')
    parts.append("</div>")
    parts.append(_SCRIPT)
    return "\n".join(parts)


class Quiz:
    """Questions shown as an interactive quiz when a notebook displays this object.

    Parameters
    ----------
    questions : list of Question
        From :func:`load_bank`.
    quiz_id : str, default "quiz"
        The quiz element's id on the page.

    Raises
    ------
    TypeError, ValueError
        As :func:`quiz_html`.
    """

    def __init__(self, questions, quiz_id: str = "quiz"):
        self.questions = _check_questions(questions)
        self.quiz_id = quiz_id
        self._html = quiz_html(self.questions, quiz_id=quiz_id)

    def _repr_html_(self) -> str:
        return self._html

    def __repr__(self) -> str:
        return f"<Quiz: {len(self.questions)} questions>"

    def answer_key(self):
        """Return the answer key as a DataFrame: question number, id, lesson, correct letters."""
        import pandas as pd

        rows = []
        for number, question in enumerate(self.questions, start=1):
            letters = [
                letter
                for letter, option in zip("ABCDEFGH", question.options, strict=False)
                if option.correct
            ]
            rows.append(
                {
                    "question": number,
                    "id": question.id,
                    "lesson": question.lesson,
                    "answer": ", ".join(letters),
                }
            )
        return pd.DataFrame(rows)
