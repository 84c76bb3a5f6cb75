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
# two questions with two right options or more: one answered by keyboard, one missed
MULTI, MISSED = [q for q in BANK if sum(o.correct for o in q.options) >= 2][:2]
PAGE = "notebooks/06_quiz.html"
FOCUSED = "() => document.activeElement.closest('.cq-question')?.id ?? ''"
LOOK = """el => { const s = getComputedStyle(el);
    return [s.borderTopColor, s.borderTopStyle, s.backgroundColor,
            getComputedStyle(el, '::before').content]; }"""


def starts(text):
    return re.compile("^" + re.escape(text))


def indices(question, correct=True):
    """The positions of the question's right (or, ``correct=False``, wrong) options."""
    return [i for i, option in enumerate(question.options) if option.correct == correct]


def test_quiz_answered_by_keyboard_and_mouse_is_kept_after_a_reload(browser, site_url):
    """Questions are labelled groups. Tab reaches each question once (and a Check button),
    arrows move between its options, Space or Enter chooses; the checked option, the verdict
    and the score are what assistive technology reads (aria-checked, aria-live regions). Only
    the first answer counts; answers, score and summary are kept after a reload."""
    visit = open_page(browser, f"{site_url}/{PAGE}")
    page, keys, first = visit.page, visit.page.keyboard, BANK[0]
    quiz, summary = page.locator("#quiz"), page.locator("#quiz .cq-summary")
    groups = [g for r in ("group", "radiogroup") for g in quiz.get_by_role(r).all()]
    names = sorted(g.get_attribute("aria-labelledby") for g in groups)
    assert names == sorted(f"quiz-{q.id}-prompt" for q in BANK)
    for group in groups:  # named by its numbered prompt
        expect(group).to_have_accessible_name(re.compile(r"^\d+\. \S"))
    role = "group" if first.multi_select else "radiogroup"
    expect(page.get_by_role(role, name=first.question[:30])).to_have_id(
        f"quiz-{first.id}"
    )
    for _ in range(100):  # from the top of the page, as a keyboard user arrives
        keys.press("Tab")
        if page.evaluate(FOCUSED):
            break
    assert page.evaluate(FOCUSED) == f"quiz-{first.id}"
    (wrong, *_), (right, *_) = indices(first, False), indices(first)
    for key in ["End", "Home"] + ["ArrowDown"] * wrong:  # the first, then down
        keys.press(key)
    focused = page.locator(":focus")
    expect(focused).to_have_text(starts(f"{'ABCDEFGH'[wrong]}. "))
    assert focused.evaluate("e => getComputedStyle(e).outlineStyle") != "none"
    keys.press("Space")
    expect(focused).to_have_attribute("aria-checked", "true")
    block = page.locator(f"#quiz-{first.id}")
    expect(block.get_by_role("radio", checked=True)).to_have_count(1)
    feedback, score = block.locator(".cq-feedback"), page.get_by_role("status")
    expect(feedback).to_have_attribute("aria-live", "polite")
    expect(feedback).to_have_text(starts("✘ Not quite."))
    expect(feedback).to_contain_text(first.options[wrong].explanation)
    expect(score).to_have_text(starts(f"Score: 0 / 1 answered ({len(BANK)} questions"))
    for question in BANK[: BANK.index(MULTI)]:  # on to the question with check boxes
        for _ in range(1 + question.multi_select):
            assert page.evaluate(FOCUSED) == f"quiz-{question.id}"
            keys.press("Tab")
    for i in range(len(MULTI.options)):
        keys.press("Space" if i in indices(MULTI) else "Shift")
        keys.press("ArrowRight")
    block = page.locator(f"#quiz-{MULTI.id}")
    expect(block.get_by_role("checkbox", checked=True)).to_have_count(
        len(indices(MULTI))
    )
    keys.press("Tab")
    expect(page.locator(":focus")).to_have_text("Check answer")
    keys.press("Enter")
    expect(block.locator(".cq-feedback")).to_have_text(starts("✔ Right."))
    expect(score).to_have_text(starts("Score: 1 / 2 answered"))
    page.locator(f"#quiz-{first.id} .cq-option").nth(
        right
    ).click()  # the first answer counts
    expect(feedback).to_have_text(starts("✔ Right."))
    expect(feedback).to_contain_text(first.options[right].explanation)
    expect(score).to_have_text(starts("Score: 1 / 2 answered"))
    # a ticked option and a right one left unticked each look different
    block = page.locator(f"#quiz-{MISSED.id}")
    options, (ticked, missed, *_) = block.locator(".cq-option"), indices(MISSED)
    before = options.nth(ticked).evaluate(LOOK)
    options.nth(ticked).click()
    expect(options.nth(ticked)).to_have_attribute("aria-checked", "true")
    after = options.nth(ticked).evaluate(LOOK)
    assert after[0] != before[0] and after[2] != before[2], "looks unticked"
    assert after[3] != before[3], "the tick box is not ticked"
    block.locator(".cq-check").click()
    expect(block.locator(".cq-feedback")).to_have_text(starts("✘ Not quite."))
    expect(options.nth(missed)).to_have_class(re.compile(r"\bcq-missed\b"))
    looks = [options.nth(i).evaluate(LOOK)[1:3] for i in (ticked, missed)]
    assert looks[0] != looks[1], "a missed right option looks like a picked one"
    expect(summary).to_have_attribute("aria-live", "off")  # announced at the end only
    assert serious_violations(page, "#quiz") == []  # with its answered states
    page.reload(wait_until="load")
    expect(feedback).to_contain_text("✘ Not quite.")
    expect(feedback).to_contain_text(first.options[wrong].explanation)
    expect(score).to_have_text(starts("Score: 1 / 3 answered"))
    for question in BANK[1:]:  # the rest right (answered ones ignore clicks)
        block = page.locator(f"#quiz-{question.id}")
        for index in indices(question):
            block.locator(".cq-option").nth(index).click()
        if question.multi_select:
            block.locator(".cq-check").click()
    # the score stays in view, uncovered, while answering the last question
    expect(score).to_have_text(starts(f"Score: {len(BANK) - 2} / {len(BANK)} answered"))
    expect(score).to_be_in_viewport()
    box = score.bounding_box()
    assert 0 <= box["y"] <= page.viewport_size["height"] - box["height"], box
    hit = page.evaluate(
        "([x, y]) => document.elementFromPoint(x, y).closest('.cq-bar') !== null",
        [box["x"] + 5, box["y"] + box["height"] / 2],
    )
    assert hit, "something covers the score"
    expect(summary).to_contain_text(f"{len(BANK) - 2} right")
    missed_at = f"lesson {MISSED.lesson} (question {BANK.index(MISSED) + 1})"
    expect(summary).to_contain_text(f"lesson 0 (question 1); {missed_at}")
    expect(summary).not_to_contain_text(f"lesson {BANK[-1].lesson}")
    quiz.locator(".cq-reset").click()
    page.reload(wait_until="load")
    expect(score).to_have_text(starts("Score: 0 / 0 answered"))
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
    if scheme == "dark":  # in light, the site's page test runs axe on this page
        assert serious_violations(page) == []
    visit.assert_clean()
    page.close()
