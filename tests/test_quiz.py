"""The quiz bank: its schema, its coverage of the lessons, and its computed keys."""

import copy

import numpy as np
import pytest
import yaml
from sklearn.preprocessing import StandardScaler

from course_utils.lesson_info import read_lessons
from course_utils.quiz import BANK_FILE, Quiz, load_bank, parse_bank, quiz_html

BANK = load_bank()
RAW = yaml.safe_load(BANK_FILE.read_text(encoding="utf-8"))
LESSONS = {lesson.number: lesson for lesson in read_lessons()}


def test_at_least_twelve_questions():
    assert len(BANK) >= 12


@pytest.mark.parametrize("number", sorted(n for n in LESSONS if n != 6))
def test_every_lesson_has_a_question(number):
    assert any(q.lesson == number for q in BANK), f"no quiz question on lesson {number}"


@pytest.mark.parametrize("question", BANK, ids=lambda q: q.id)
def test_question_names_a_real_lesson_objective(question):
    assert question.lesson in LESSONS, f"{question.id}: no lesson {question.lesson}"
    objectives = LESSONS[question.lesson].objectives
    assert 1 <= question.objective <= len(objectives), (
        f"{question.id}: lesson {question.lesson} has {len(objectives)} objectives"
    )


def test_the_brief_question_is_there():
    assert any("0.65" in q.question and "0.81" in q.question for q in BANK)


# --- computed keys: each name runs the computation through course_utils -----------------------


def blobs_silhouette_best_k():
    from course_utils.datasets import make_course_blobs
    from course_utils.kselect import scores_by_k

    X, _ = make_course_blobs()
    return int(
        scores_by_k(X, range(2, 11), random_state=0, n_init=10)["silhouette"].idxmax()
    )


def customers_silhouette_best_k():
    from course_utils.datasets import AGE, INCOME, make_age_income_customers
    from course_utils.kselect import scores_by_k

    X = StandardScaler().fit_transform(make_age_income_customers()[[AGE, INCOME]])
    return int(
        scores_by_k(X, range(2, 11), random_state=0, n_init=10)["silhouette"].idxmax()
    )


def dbscan_moons_clusters_eps_0_1():
    from sklearn.cluster import DBSCAN

    from course_utils.datasets import make_course_moons

    X, _ = make_course_moons()
    labels = DBSCAN(eps=0.1, min_samples=5).fit_predict(X)
    return len(set(labels) - {-1})


def one_cluster_ari():
    from sklearn.metrics import adjusted_rand_score

    from course_utils.datasets import SEGMENT, make_age_income_customers

    truth = make_age_income_customers()[SEGMENT]
    return adjusted_rand_score(truth, np.zeros(len(truth), dtype=int))


def mall_silhouette_best_k():
    from course_utils.kselect import scores_by_k
    from course_utils.mall_loader import load_mall_customers

    mall = load_mall_customers()
    X = StandardScaler().fit_transform(
        mall[["Annual Income (k$)", "Spending Score (1-100)"]]
    )
    return int(
        scores_by_k(X, range(2, 11), random_state=0, n_init=10)["silhouette"].idxmax()
    )


COMPUTATIONS = {
    "dbscan_moons_clusters_eps_0_1": dbscan_moons_clusters_eps_0_1,
    "one_cluster_ari": one_cluster_ari,
    "mall_silhouette_best_k": mall_silhouette_best_k,
    "blobs_silhouette_best_k": blobs_silhouette_best_k,
    "customers_silhouette_best_k": customers_silhouette_best_k,
}
COMPUTED = [q for q in BANK if q.computed]


def test_some_keys_are_computed():
    assert len(COMPUTED) >= 3


@pytest.mark.parametrize("question", COMPUTED, ids=lambda q: q.id)
def test_computed_key_is_right(question):
    assert question.computed in COMPUTATIONS, (
        f"{question.id}: unknown {question.computed!r}"
    )
    value = COMPUTATIONS[question.computed]()
    (correct,) = question.correct_options
    assert correct.value == pytest.approx(value), (
        f"{question.id}: the key says {correct.value}, the computation gives {value}"
    )
    wrong = [o.value for o in question.options if not o.correct]
    assert not any(np.isclose(v, value) for v in wrong), (
        f"{question.id}: a wrong option is right"
    )


# --- the schema refuses bad banks -------------------------------------------------------------


def broken(change):
    data = copy.deepcopy(RAW)
    change(data)
    return data


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda d: d[0]["options"][1].update(correct=True),
            "expected exactly 1 correct",
        ),
        (lambda d: d[0]["options"][0].update(correct=False), "found 0"),
        (
            lambda d: d[0]["options"][1].pop("explanation"),
            "option 2: missing explanation",
        ),
        (
            lambda d: d[0]["options"][1].update(text=d[0]["options"][0]["text"]),
            "duplicate options",
        ),
        (lambda d: d[1].update(id=d[0]["id"]), "duplicate id"),
        (lambda d: d[0].pop("objective"), "missing 'objective'"),
        (lambda d: d[0].update(lesson="one"), "lesson must be a non-negative integer"),
        (lambda d: d[0].update(objective=0), "objective numbers start at 1"),
        (lambda d: d[0].update(options=d[0]["options"][:1]), "needs 2\\+ options"),
        (lambda d: d[0].update(colour="red"), "unknown key"),
        (lambda d: d[0].update(id="Bad Id"), "id must use"),
        (lambda d: d[0].update(computed="x"), "gives every option a value"),
    ],
)
def test_schema_refuses(change, message):
    with pytest.raises(ValueError, match=message):
        parse_bank(broken(change))


def test_multi_select_may_have_several_correct_options():
    multi = [q for q in BANK if q.multi_select]
    assert multi and all(len(q.correct_options) >= 1 for q in multi)
    with pytest.raises(ValueError, match="expected a non-empty list"):
        parse_bank([])


def test_lessons_filter_and_errors(tmp_path):
    assert {q.lesson for q in load_bank(lessons=[3])} == {3}
    with pytest.raises(ValueError, match="no question on lesson"):
        load_bank(lessons=[99])
    with pytest.raises(FileNotFoundError, match="quiz bank not found"):
        load_bank(tmp_path / "none.yaml")


def test_html_has_every_option_explanation_and_is_deterministic():
    page = quiz_html(BANK)
    assert page == quiz_html(BANK)
    assert page.count('class="cq-option"') == sum(len(q.options) for q in BANK)
    assert "Score: 0 / 0 answered" in page
    with pytest.raises(TypeError, match="non-empty list of Question"):
        quiz_html([])
    with pytest.raises(ValueError, match="quiz_id must use"):
        quiz_html(BANK, quiz_id="Not ok")


def test_answer_key():
    key = Quiz(BANK).answer_key()
    assert len(key) == len(BANK) and key["answer"].str.len().gt(0).all()
