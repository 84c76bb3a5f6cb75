"""Lesson 06's quiz on the built website, in headless Chromium (run `make book` first)."""

import re

import pytest
from browser_support import browser as browser
from browser_support import (
    colours,
    contrast,
    expect,
    open_page,
    serious_violations,
    within,
)
from browser_support import site_url as site_url

from course_utils.quiz import load_bank

pytestmark = pytest.mark.browser
BANK = load_bank()
MULTI = next(q for q in BANK if sum(option.correct for option in q.options) >= 2)
PAGE = "notebooks/06_quiz.html"


def starts(text):
    return re.compile("^" + re.escape(text))


def test_feedback_score_and_summary_are_kept_after_a_reload(browser, site_url):
    visit = open_page(browser, f"{site_url}/{PAGE}")
    page, first = visit.page, BANK[0]
    wrong = next(i for i, option in enumerate(first.options) if not option.correct)
    right = next(i for i, option in enumerate(first.options) if option.correct)
    block, score = page.locator(f"#quiz-{first.id}"), page.locator("#quiz .cq-score")
    feedback = block.locator(".cq-feedback")
    block.locator(".cq-option").nth(wrong).click()
    expect(feedback).to_have_text(starts("✘ Not quite."))
    expect(feedback).to_contain_text(first.options[wrong].explanation)
    expect(score).to_have_text(starts(f"Score: 0 / 1 answered ({len(BANK)} questions"))
    block.locator(".cq-option").nth(right).click()  # only the first answer counts
    expect(feedback).to_have_text(starts("✔ Right."))
    expect(feedback).to_contain_text(first.options[right].explanation)
    expect(score).to_have_text(starts("Score: 0 / 1 answered"))
    page.reload(wait_until="load")
    expect(feedback).to_contain_text("✘ Not quite.")
    expect(feedback).to_contain_text(first.options[wrong].explanation)
    expect(score).to_have_text(starts("Score: 0 / 1 answered"))
    for question in BANK[1:]:  # the rest right: only lesson 0 is left to revisit
        block = page.locator(f"#quiz-{question.id}")
        for index in [i for i, option in enumerate(question.options) if option.correct]:
            block.locator(".cq-option").nth(index).click()
        if question.multi_select:
            block.locator(".cq-check").click()
    # the score stays in view, uncovered, while answering the last question
    expect(score).to_have_text(starts(f"Score: {len(BANK) - 1} / {len(BANK)} answered"))
    expect(score).to_be_in_viewport()
    box = score.bounding_box()
    assert 0 <= box["y"] <= page.viewport_size["height"] - box["height"], box
    hit = page.evaluate(
        "([x, y]) => document.elementFromPoint(x, y).closest('.cq-bar') !== null",
        [box["x"] + 5, box["y"] + box["height"] / 2],
    )
    assert hit, "something covers the score"
    summary = page.locator("#quiz .cq-summary")
    expect(summary).to_contain_text(f"{len(BANK) - 1} right")
    expect(summary).to_contain_text("lesson 0 (question 1)")
    expect(summary).not_to_contain_text(f"lesson {BANK[-1].lesson}")
    page.locator("#quiz .cq-reset").click()
    page.reload(wait_until="load")
    expect(score).to_have_text(starts("Score: 0 / 0 answered"))
    visit.assert_clean()
    page.close()


LOOK = """el => { const s = getComputedStyle(el);
    return [s.borderTopColor, s.borderTopStyle, s.backgroundColor,
            getComputedStyle(el, '::before').content]; }"""


def test_questions_are_labelled_groups_and_show_ticks_and_misses(browser, site_url):
    visit = open_page(browser, f"{site_url}/{PAGE}")
    page = visit.page
    groups = page.locator("#quiz").get_by_role("group").all()
    groups += page.locator("#quiz").get_by_role("radiogroup").all()
    names = sorted(g.get_attribute("aria-labelledby") for g in groups)
    assert names == sorted(f"quiz-{q.id}-prompt" for q in BANK)
    role = "group" if BANK[0].multi_select else "radiogroup"
    first = page.get_by_role(role, name=BANK[0].question[:30])
    expect(first).to_have_id(f"quiz-{BANK[0].id}")
    block = page.locator(f"#quiz-{MULTI.id}")
    options = block.locator(".cq-option")
    right = [i for i, option in enumerate(MULTI.options) if option.correct]
    before = options.nth(right[0]).evaluate(LOOK)
    options.nth(right[0]).click()
    expect(options.nth(right[0])).to_have_attribute("aria-checked", "true")
    ticked = options.nth(right[0]).evaluate(LOOK)
    assert ticked[0] != before[0] and ticked[2] != before[2], "looks unticked"
    assert ticked[3] != before[3], "the tick box is not ticked"
    block.locator(".cq-check").click()  # the other right options were not ticked
    expect(block.locator(".cq-feedback")).to_have_text(starts("✘ Not quite."))
    expect(options.nth(right[1])).to_have_class(re.compile(r"\bcq-missed\b"))
    picked = options.nth(right[0]).evaluate(LOOK)
    missed = options.nth(right[1]).evaluate(LOOK)
    assert missed[1:3] != picked[1:3], "a missed right option looks like a picked one"
    visit.assert_clean()
    page.close()


FOCUSED = "() => document.activeElement.closest('.cq-question')?.id ?? ''"


def test_the_quiz_is_answered_and_announced_by_keyboard_alone(browser, site_url):
    """Tab reaches each question once (and a Check button), arrows move between its
    options, Space or Enter chooses; the checked option, the verdict and the score are
    what assistive technology reads (aria-checked, aria-live regions)."""
    visit = open_page(browser, f"{site_url}/{PAGE}")
    page, keys, first = visit.page, visit.page.keyboard, BANK[0]
    for _ in range(100):  # from the top of the page, as a keyboard user arrives
        keys.press("Tab")
        if page.evaluate(FOCUSED):
            break
    assert page.evaluate(FOCUSED) == f"quiz-{first.id}"
    wrong = next(i for i, option in enumerate(first.options) if not option.correct)
    for key in ["End", "Home"] + ["ArrowDown"] * wrong:  # the first, then down
        keys.press(key)
    focused = page.locator(":focus")
    expect(focused).to_have_text(starts(f"{'ABCDEFGH'[wrong]}. "))
    assert focused.evaluate("e => getComputedStyle(e).outlineStyle") != "none"
    keys.press("Space")
    expect(focused).to_have_attribute("aria-checked", "true")
    block = page.locator(f"#quiz-{first.id}")
    expect(block.get_by_role("radio", checked=True)).to_have_count(1)
    feedback = block.locator(".cq-feedback")
    expect(feedback).to_have_attribute("aria-live", "polite")
    expect(feedback).to_have_text(starts("✘ Not quite."))
    score = page.get_by_role("status")
    expect(score).to_have_text(starts("Score: 0 / 1 answered"))
    for question in BANK[: BANK.index(MULTI)]:  # on to the question with check boxes
        for _ in range(1 + question.multi_select):
            assert page.evaluate(FOCUSED) == f"quiz-{question.id}"
            keys.press("Tab")
    right = [i for i, option in enumerate(MULTI.options) if option.correct]
    for i in range(len(MULTI.options)):
        keys.press("Space" if i in right else "Shift")
        keys.press("ArrowRight")
    block = page.locator(f"#quiz-{MULTI.id}")
    expect(block.get_by_role("checkbox", checked=True)).to_have_count(len(right))
    keys.press("Tab")
    expect(page.locator(":focus")).to_have_text("Check answer")
    keys.press("Enter")
    expect(block.locator(".cq-feedback")).to_have_text(starts("✔ Right."))
    expect(score).to_have_text(starts("Score: 1 / 2 answered"))
    summary = page.locator("#quiz .cq-summary")
    expect(summary).to_have_attribute("aria-live", "off")  # announced at the end only
    assert serious_violations(page, "#quiz") == []  # with its answered states
    visit.assert_clean()
    page.close()


SCROLL_TO = """y => new Promise(done => {
    addEventListener("scroll", () => done(scrollY), {once: true});
    scrollTo(0, y);
})"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_quiz_code_options_and_back_to_top_are_readable(browser, site_url, scheme):
    # the theme shows "Back to top" below 1200 px (a laptop, a projector) when the
    # reader scrolls back up: its scroll handler compares each scroll with the last
    laptop = {"width": 1024, "height": 768}
    visit = open_page(browser, f"{site_url}/{PAGE}", laptop, color_scheme=scheme)
    page = visit.page
    assert page.evaluate("document.documentElement.dataset.theme") == scheme
    texts = page.locator("#quiz code").all() + [page.locator("#quiz .cq-option").first]
    assert len(texts) > 1, "no inline code in the quiz"
    for text in texts:
        assert contrast(*colours(text)) >= 4.5, (scheme, text, colours(text))
    assert within(page, SCROLL_TO, 3000) == 3000
    assert within(page, SCROLL_TO, 2800) == 2800
    button = page.locator("#pst-back-to-top")
    expect(button).to_be_visible()
    assert contrast(*colours(button)) >= 4.5, (scheme, colours(button))
    assert serious_violations(page) == [], scheme  # dark mode's colours too
    visit.assert_clean()
    page.close()
