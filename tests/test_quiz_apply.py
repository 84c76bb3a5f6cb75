"""The quiz asks to apply: most questions show a new case, and what a case shows is computed."""

import copy
import re

import numpy as np
import pytest
import yaml
from sklearn.preprocessing import MinMaxScaler, RobustScaler, StandardScaler

from course_utils.quiz import BANK_FILE, load_bank, parse_bank, quiz_html
from course_utils.quiz_cases import CASES

BANK = load_bank()
RAW = yaml.safe_load(BANK_FILE.read_text(encoding="utf-8"))
SHOWN = [q for q in BANK if q.case]


def test_two_thirds_of_the_questions_ask_to_apply():
    apply = sum(q.kind == "apply" for q in BANK)
    assert apply >= 2 / 3 * len(BANK), f"{apply} of {len(BANK)} ask to apply"


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [("kind", None, "missing field 'kind'"), ("kind", "recite", "field 'kind' must"),
     ("case", "no_such_case", "field 'case' must be one of")],
)  # fmt: skip
def test_a_missing_or_unknown_kind_or_case_is_refused(field, value, message):
    data = copy.deepcopy(RAW)
    data[0].pop(field, None) if value is None else data[0].update({field: value})
    with pytest.raises(ValueError, match=re.escape(message)):
        parse_bank(data)


@pytest.mark.parametrize("question", SHOWN, ids=lambda q: q.id)
def test_a_case_makes_the_key_right_and_shows_every_number_cited(question):
    case = CASES[question.case]()
    hits = [o for o in question.options if o.value == pytest.approx(case.answer)]
    assert [o.correct for o in hits] == [True], f"the case's answer: {case.answer}"
    for option in question.options:  # every decimal an option cites is in the case
        for n in re.findall(r"\d+\.\d+", option.text + " " + option.explanation):
            assert re.search(rf"(?<![\d.]){re.escape(n)}(?!\d)", case.html), n
    assert f'<div class="cq-case">{case.html}</div>' in quiz_html([question])


def test_two_questions_show_a_light_described_figure():
    shown = {q.id: CASES[q.case]().html for q in SHOWN}
    figures = {i: re.findall(r'<svg [^>]*role="img" aria-label="[^"]+"[^>]*>.*?</svg>',
                             html, flags=re.S) for i, html in shown.items()}  # fmt: skip
    assert sum(map(len, figures.values())) >= 2, "fewer than two figures"
    for qid, svg in ((i, svg) for i, found in figures.items() for svg in found):
        assert len(svg.encode()) <= 30_000, f"{qid}: figure over 30 KB"


def test_the_scalers_question_states_the_scaled_ranges():
    incomes = np.array([[20.0], [30], [40], [50], [60], [2000]])
    scalers = RobustScaler(), StandardScaler(), MinMaxScaler()
    ranges = [np.ptp(scaler.fit_transform(incomes)[:5]) for scaler in scalers]
    assert np.round(ranges, 3).tolist() == [1.6, 0.055, 0.02]
