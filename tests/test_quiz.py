"""The quiz bank: its schema, its coverage of the lessons, its computed keys, its shuffle."""

import copy
import re
import tomllib
from collections import Counter
from pathlib import Path

import numpy as np
import pytest
import yaml
from sklearn.cluster import KMeans
from sklearn.metrics import adjusted_rand_score, silhouette_samples, silhouette_score
from sklearn.preprocessing import StandardScaler

from course_utils.lesson_info import read_lessons
from course_utils.quiz import BANK_FILE, LETTERS, Quiz, load_bank, parse_bank, quiz_html

ROOT = Path(__file__).resolve().parents[1]
BANK = load_bank()
RAW = yaml.safe_load(BANK_FILE.read_text(encoding="utf-8"))
LESSONS = {lesson.number: lesson for lesson in read_lessons()}


def test_every_lesson_has_a_question_on_a_real_objective_in_lesson_order():
    assert {q.lesson for q in BANK} >= set(LESSONS) - {6}, "a lesson has no question"
    for q in BANK:
        assert q.objective <= len(LESSONS[q.lesson].objectives), q.id
    assert [q.lesson for q in BANK] == sorted(q.lesson for q in BANK)


# --- the order shown: shuffled by the question's id, never the YAML's order ------------------


def test_no_position_holds_more_than_40_percent_of_the_keys():
    single = [q for q in BANK if not q.multi_select]
    positions = Counter(
        LETTERS[[o.correct for o in q.options].index(True)] for q in single
    )
    letter, count = positions.most_common(1)[0]
    assert count / len(single) <= 0.4, f"{letter} is the key of {count}/{len(single)}"


def test_the_order_shown_does_not_depend_on_the_yaml_order():
    reversed_bank = copy.deepcopy(RAW)
    for raw in reversed_bank:
        raw["options"].reverse()
    assert parse_bank(reversed_bank) == BANK


def test_answer_key_matches_what_the_page_marks_correct():
    key = Quiz(BANK).answer_key()
    page = quiz_html(BANK)
    for question, answer in zip(BANK, key["answer"], strict=True):
        block = page.split(f'id="quiz-{question.id}"')[1].split("</fieldset>")[0]
        marked = re.findall(r'data-label="(\w)" data-correct="1"', block)
        assert ", ".join(marked) == answer, question.id


# --- computed keys: each is recomputed with scikit-learn -------------------------------------


def silhouette_of_first_point():
    X = np.array([[0.0], [1.0], [4.0], [5.0]])
    return silhouette_samples(X, [0, 0, 1, 1])[0]


def degenerate_dbscan_ari():
    """DBSCAN's ARI with eps too large (one cluster) and too small (all noise), if equal."""
    from sklearn.cluster import DBSCAN

    from course_utils.datasets import AGE, INCOME, SEGMENT, make_age_income_customers

    customers = make_age_income_customers()
    X = StandardScaler().fit_transform(customers[[AGE, INCOME]])
    runs = [DBSCAN(eps=eps, min_samples=10).fit_predict(X) for eps in (3.0, 0.01)]
    assert [set(labels) for labels in runs] == [{0}, {-1}], "not degenerate runs"
    aris = {adjusted_rand_score(customers[SEGMENT], labels) for labels in runs}
    return aris.pop() if len(aris) == 1 else float("nan")


def mall_silhouette_best_k():
    from course_utils.mall_loader import load_mall_customers

    mall = load_mall_customers()
    X = StandardScaler().fit_transform(
        mall[["Annual Income (k$)", "Spending Score (1-100)"]]
    )
    scores = {
        k: silhouette_score(X, KMeans(k, n_init=10, random_state=0).fit_predict(X))
        for k in range(2, 11)
    }
    return max(scores, key=scores.get)


COMPUTATIONS = {
    "silhouette_of_first_point": silhouette_of_first_point,
    "degenerate_dbscan_ari": degenerate_dbscan_ari,
    "mall_silhouette_best_k": mall_silhouette_best_k,
}
COMPUTED = [q for q in BANK if q.computed]


@pytest.mark.parametrize("question", COMPUTED, ids=lambda q: q.id)
def test_computed_key_is_right(question):
    assert question.computed in COMPUTATIONS, f"{question.id}: no {question.computed!r}"
    value = COMPUTATIONS[question.computed]()
    (correct,) = [option for option in question.options if option.correct]
    # options show values rounded to 2 decimals
    assert correct.value == pytest.approx(value, abs=0.005), (
        f"{question.id}: the key says {correct.value}, scikit-learn gives {value}"
    )
    wrong = [o.value for o in question.options if not o.correct]
    assert not any(np.isclose(v, value, atol=0.005) for v in wrong), (
        f"{question.id}: a wrong option is right"
    )


# --- the text learners read ------------------------------------------------------------------


def test_no_text_repeats_what_the_quiz_adds():
    """The quiz adds the verdict and the multi-select hint; the bank must not repeat them."""
    for q in BANK:
        assert "choose all" not in q.question, q.id
        for option in q.options:
            assert not re.match(
                r"(right|correct|wrong|not quite)\b", option.explanation, re.I
            ), f"{q.id}: explanation starts with a verdict: {option.explanation!r}"
    page = quiz_html(BANK)
    assert page.count("choose all that apply") == sum(q.multi_select for q in BANK)
    assert "(1 questions" not in quiz_html(BANK[:1])


def test_each_question_is_a_labelled_group():
    page = quiz_html(BANK)
    groups = re.findall(
        r'<fieldset class="cq-question" id="([\w-]+)" aria-labelledby="([\w-]+)"', page
    )
    assert len(groups) == len(BANK)
    for group, label in groups:
        assert (
            label == f"{group}-prompt"
            and f'<legend class="cq-prompt" id="{label}"' in page
        )


def test_the_page_ships_its_style_and_script_with_the_package():
    page = quiz_html(BANK)
    assert ".cq-picked" in page and "localStorage" in page
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    shipped = data["tool"]["setuptools"]["package-data"]["course_utils"]
    assert {"quiz_bank.yaml", "quiz.css", "quiz.js"} <= set(shipped)
