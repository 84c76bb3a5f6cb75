"""Lesson 06's quiz on the built website, in headless Chromium (run `make book` first).

The fixtures and the page helper are the site tests' (tests/test_site_browser.py).
"""

import pytest
import test_site_browser as site_tests

from course_utils.quiz import load_bank

pytestmark = pytest.mark.browser
browser, site_url = site_tests.browser, site_tests.site_url  # the site tests' fixtures
open_page = site_tests.open_page

BANK = load_bank()
MULTI = next(q for q in BANK if q.multi_select and not q.options[0].correct)
PAGE = "notebooks/06_quiz.html"


def look(locator):
    """The computed border and background of an element, and its ::before content."""
    return locator.evaluate(
        """el => { const s = getComputedStyle(el);
        return [s.borderTopColor, s.borderTopStyle, s.backgroundColor,
                getComputedStyle(el, '::before').content]; }"""
    )


def luminance(rgb):
    channels = [
        int(c) / 255 for c in rgb[rgb.index("(") + 1 : rgb.index(")")].split(",")[:3]
    ]
    linear = [
        c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels
    ]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(foreground, background):
    high, low = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_each_question_is_a_labelled_group(browser, site_url):
    visit = open_page(browser, f"{site_url}/{PAGE}")
    page, errors = visit.page, visit.errors
    groups = page.get_by_role("group")
    names = [g.get_attribute("aria-labelledby") for g in groups.all()]
    assert [n for n in names if n] == [f"quiz-{q.id}-prompt" for q in BANK]
    first = page.get_by_role("group", name=BANK[0].question[:30])
    assert first.get_attribute("id") == f"quiz-{BANK[0].id}"
    assert errors == [], errors
    page.close()


def test_a_ticked_option_looks_ticked_and_a_missed_one_looks_missed(browser, site_url):
    visit = open_page(browser, f"{site_url}/{PAGE}")
    page, errors = visit.page, visit.errors
    block = page.locator(f"#quiz-{MULTI.id}")
    options = block.locator(".cq-option")
    right = [i for i, option in enumerate(MULTI.options) if option.correct]
    before = look(options.nth(right[0]))
    options.nth(right[0]).click()
    ticked = look(options.nth(right[0]))
    assert options.nth(right[0]).get_attribute("aria-pressed") == "true"
    assert ticked[0] != before[0] and ticked[2] != before[2], (
        "a ticked option looks unticked"
    )
    assert ticked[3] != before[3], "the tick box is not ticked"
    block.locator(".cq-check").click()  # the other right options were not ticked
    assert block.locator(".cq-feedback").inner_text().startswith("✘ Not quite.")
    picked, missed = look(options.nth(right[0])), look(options.nth(right[1]))
    assert "cq-missed" in options.nth(right[1]).get_attribute("class")
    assert missed[1:3] != picked[1:3], "a missed right option looks like a picked one"
    assert errors == [], errors
    page.close()


def test_the_score_stays_in_view_while_answering(browser, site_url):
    visit = open_page(browser, f"{site_url}/{PAGE}")
    page, errors = visit.page, visit.errors
    last = BANK[-1]
    block = page.locator(f"#quiz-{last.id}")
    block.scroll_into_view_if_needed()
    block.locator(".cq-option").nth(0).click()
    score = page.locator("#quiz .cq-score")
    assert score.inner_text().startswith("Score: ")
    assert "/ 1 answered" in score.inner_text()
    box = score.bounding_box()
    height = page.viewport_size["height"]
    assert box is not None and 0 <= box["y"] and box["y"] + box["height"] <= height, (
        f"the score is out of view at y = {box and box['y']:.0f}"
    )
    hit = page.evaluate(
        "([x, y]) => document.elementFromPoint(x, y).closest('.cq-bar') !== null",
        [box["x"] + 5, box["y"] + box["height"] / 2],
    )
    assert hit, "something covers the score"
    assert errors == [], errors
    page.close()


def test_answers_are_kept_after_a_reload_and_the_summary_names_lessons(
    browser, site_url
):
    visit = open_page(browser, f"{site_url}/{PAGE}")
    page, errors = visit.page, visit.errors
    first = BANK[0]
    wrong = next(i for i, option in enumerate(first.options) if not option.correct)
    page.locator(f"#quiz-{first.id} .cq-option").nth(wrong).click()
    page.reload(wait_until="load")
    feedback = page.locator(f"#quiz-{first.id} .cq-feedback").inner_text()
    assert "✘ Not quite." in feedback and first.options[wrong].explanation in feedback
    score = page.locator("#quiz .cq-score")
    assert score.inner_text().startswith("Score: 0 / 1 answered")
    for question in BANK[1:]:  # answer the rest right: only lesson 0 is left to revisit
        block = page.locator(f"#quiz-{question.id}")
        for index, option in enumerate(question.options):
            if option.correct:
                block.locator(".cq-option").nth(index).click()
        if question.multi_select:
            block.locator(".cq-check").click()
    summary = page.locator("#quiz .cq-summary").inner_text()
    assert f"{len(BANK) - 1} right" in summary and "lesson 0 (question 1)" in summary
    assert f"lesson {BANK[-1].lesson}" not in summary
    page.locator("#quiz .cq-reset").click()
    page.reload(wait_until="load")
    assert score.inner_text().startswith("Score: 0 / 0 answered")
    assert errors == [], errors
    page.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_inline_code_in_the_quiz_is_readable(browser, site_url, scheme):
    page = browser.new_page(color_scheme=scheme)
    page.goto(f"{site_url}/{PAGE}", wait_until="load")
    assert page.evaluate("document.documentElement.dataset.theme") == scheme
    codes = page.locator("#quiz code")
    assert codes.count() > 0
    for index in range(codes.count()):
        colour, background = codes.nth(index).evaluate(
            "el => [getComputedStyle(el).color, getComputedStyle(el).backgroundColor]"
        )
        ratio = contrast(colour, background)
        assert ratio >= 4.5, f"{scheme}: code {index} has contrast {ratio:.2f}:1"
    option = page.locator("#quiz .cq-option").first
    colour, background = option.evaluate(
        "el => [getComputedStyle(el).color, getComputedStyle(el).backgroundColor]"
    )
    assert contrast(colour, background) >= 4.5
    page.close()
