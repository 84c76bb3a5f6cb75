"""The quiz bank: lesson coverage, computed keys, order shown and page; most questions apply a
new case (bad banks: test_bad_inputs.py). One worker builds the page, once."""

import copy
import re
import tomllib
from collections import Counter

import numpy as np
import pytest
import yaml
from notebook_outputs import ROOT
from sklearn import preprocessing
from sklearn.cluster import DBSCAN, KMeans
from sklearn.metrics import adjusted_rand_score, silhouette_samples, silhouette_score
from sklearn.preprocessing import StandardScaler
from test_instructors_guide import lessons

from course_utils import datasets, settings
from course_utils.mall_loader import load_mall_customers
from course_utils.quiz import BANK_FILE, LETTERS, Quiz, load_bank, parse_bank, quiz_html
from course_utils.quiz_cases import CASES

pytestmark = pytest.mark.xdist_group("quiz")
BANK, RAW = load_bank(), yaml.safe_load(BANK_FILE.read_text(encoding="utf-8"))
SHOWN, COMPUTED = [q for q in BANK if q.case], [q for q in BANK if q.computed]


def test_the_bank_covers_every_lesson_mostly_applies_and_shows_a_spread_fixed_order():
    assert {q.lesson for q in BANK} >= set(lessons()) - {6}, "a lesson has no question"
    for q in BANK:
        assert q.objective <= len(lessons()[q.lesson].objectives), q.id
    assert [q.lesson for q in BANK] == sorted(q.lesson for q in BANK)
    apply = sum(q.kind == "apply" for q in BANK)
    assert apply >= 2 / 3 * len(BANK), f"{apply} of {len(BANK)} ask to apply"
    # the order shown is not the YAML's and spreads the keys
    reversed_options = [q | {"options": q["options"][::-1]} for q in copy.deepcopy(RAW)]
    assert parse_bank(reversed_options) == BANK
    single = [q for q in BANK if not q.multi_select]
    keys = Counter(LETTERS[[o.correct for o in q.options].index(True)] for q in single)
    letter, count = keys.most_common(1)[0]
    assert count / len(single) <= 0.4, f"{letter} is the key of {count}/{len(single)}"


def degenerate_dbscan_ari():
    """DBSCAN's ARI with eps too large (one cluster) and too small (all noise), if equal."""
    customers = datasets.make_age_income_customers()
    X = StandardScaler().fit_transform(customers[[datasets.AGE, datasets.INCOME]])
    runs = [DBSCAN(eps=eps, min_samples=10).fit_predict(X) for eps in (3.0, 0.01)]
    assert [set(labels) for labels in runs] == [{0}, {-1}], "not degenerate runs"
    aris = {adjusted_rand_score(customers[datasets.SEGMENT], run) for run in runs}
    return aris.pop() if len(aris) == 1 else float("nan")


def mall_silhouette_best_k():
    mall = load_mall_customers()[list(settings.MALL_FEATURES)]
    X = StandardScaler().fit_transform(mall)
    model = KMeans(n_init=settings.KMEANS_N_INIT, random_state=settings.MODEL_SEED)
    fits = {k: model.set_params(n_clusters=k).fit_predict(X) for k in range(2, 11)}
    return max(fits, key=lambda k: silhouette_score(X, fits[k]))


COMPUTATIONS = {  # the computed keys, each recomputed with scikit-learn
    "silhouette_of_first_point": lambda: silhouette_samples(
        np.array([[0.0], [1.0], [4.0], [5.0]]), [0, 0, 1, 1]
    )[0],
    "degenerate_dbscan_ari": degenerate_dbscan_ari,
    "mall_silhouette_best_k": mall_silhouette_best_k,
}


@pytest.mark.parametrize("question", COMPUTED, ids=lambda q: q.id)
def test_computed_key_is_right(question):
    value = COMPUTATIONS[question.computed]()
    (correct,) = [option for option in question.options if option.correct]
    # options show values rounded to 2 decimals
    assert correct.value == pytest.approx(value, abs=0.005), question.id
    wrong = [o.value for o in question.options if not o.correct]
    assert not np.isclose(wrong, value, atol=0.005).any(), f"{question.id}: a wrong key"


def test_the_page_marks_the_key_adds_verdicts_hints_and_two_light_figures():
    page = quiz_html(BANK)
    verdict = re.compile(r"(right|correct|wrong|not quite)\b", re.I)
    for q in BANK:
        assert "choose all" not in q.question, q.id
        for option in q.options:
            assert not verdict.match(option.explanation), q.id
    assert page.count("choose all that apply") == sum(q.multi_select for q in BANK)
    assert "(1 questions" not in quiz_html(BANK[:1])
    for question, answer in zip(BANK, Quiz(BANK).answer_key()["answer"], strict=True):
        block = page.split(f'id="quiz-{question.id}"')[1].split("</fieldset>")[0]
        marked = re.findall(r'data-label="(\w)" data-correct="1"', block)
        assert ", ".join(marked) == answer, f"{question.id}: the key is not the page's"
    assert ".cq-picked" in page and "localStorage" in page
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    shipped = data["tool"]["setuptools"]["package-data"]["course_utils"]
    assert {"quiz_bank.yaml", "quiz.css", "quiz.js"} <= set(shipped)
    svg = r'<svg [^>]*role="img" aria-label="[^"]+"[^>]*>.*?</svg>'  # described figures
    figures = re.findall(svg, page, flags=re.S)
    assert len(figures) >= 2 and all(len(f.encode()) <= 30_000 for f in figures)


@pytest.mark.parametrize("question", SHOWN, ids=lambda q: q.id)
def test_a_case_makes_the_key_right_and_shows_every_number_cited(question):
    case = CASES[question.case]()
    hits = [o for o in question.options if o.value == pytest.approx(case.answer)]
    assert [o.correct for o in hits] == [True], f"the case's answer: {case.answer}"
    for option in question.options:  # every decimal an option cites is in the case
        for n in re.findall(r"\d+\.\d+", option.text + " " + option.explanation):
            assert re.search(rf"(?<![\d.]){re.escape(n)}(?!\d)", case.html), n
    assert f'<div class="cq-case">{case.html}</div>' in quiz_html([question])


def test_the_scalers_question_states_each_scaled_range_and_keys_the_widest():
    (question,) = [q for q in BANK if q.id == "outlier-scaler"]
    incomes, ranges = np.array([[20.0], [30], [40], [50], [60], [2000]]), {}
    for option in question.options:  # each explanation ends on its range, rounded
        scaler = getattr(preprocessing, option.text)()
        ranges[option.text] = np.ptp(scaler.fit_transform(incomes)[:5])
        stated = re.findall(r"\d+\.\d+", option.explanation)[-1]
        decimals = len(stated.split(".")[1])
        assert round(ranges[option.text], decimals) == float(stated), option.text
    (key,) = [option.text for option in question.options if option.correct]
    assert max(ranges, key=ranges.get) == key
