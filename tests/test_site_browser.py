"""The built website, opened in a real browser (headless Debian Chromium driven by Playwright).

`make test` builds the site first (`make book`); run alone, build it with `make book`.
"""

import functools
import http.server
import json
import threading
from pathlib import Path

import pytest

from course_utils.course_map import course_map

ROOT = Path(__file__).resolve().parents[1]
SITE = ROOT / "_build" / "html"
CHROMIUM = "/usr/bin/chromium"
# sphinx-thebe's script is included twice by the theme; the browser reports the second
# declaration. It is harmless and known upstream.
KNOWN_PAGE_ERRORS = ("has already been declared",)

pytestmark = pytest.mark.browser


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def site_url():
    if not (SITE / "index.html").is_file():
        pytest.fail("the site is not built: run `make book` (make test does it first)")
    handler = functools.partial(QuietHandler, directory=str(SITE))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(
            f"{CHROMIUM} not found: run `make browser` (make test does it first)"
        )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield browser
        browser.close()


def open_page(browser, url):
    """Open a page; return it and the list of unexpected page errors it raised."""
    page = browser.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    response = page.goto(url, wait_until="load")
    assert response is not None and response.ok, (
        f"{url}: HTTP {response and response.status}"
    )
    unexpected = [e for e in errors if not any(k in e for k in KNOWN_PAGE_ERRORS)]
    return page, unexpected


LESSONS = course_map()
LESSON_PAGES = LESSONS[LESSONS["file"].str.startswith("notebooks/")]


def image_outputs(notebook: Path) -> int:
    """How many image outputs the executed notebook holds."""
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    return sum(
        "image/png" in output.get("data", {})
        for cell in cells
        for output in cell.get("outputs", [])
    )


def html_path(file: str) -> str:
    return str(Path(file).with_suffix(".html"))


def test_lesson_00_renders_with_its_title(browser, site_url):
    page, errors = open_page(browser, f"{site_url}/notebooks/00_introduction.html")
    title = page.locator("h1").first.inner_text()
    assert "Lesson 0" in title and "Introduction" in title, title
    assert errors == [], errors
    page.close()


def test_sidebar_lists_the_pages_in_order(browser, site_url):
    page, _ = open_page(browser, f"{site_url}/intro.html")
    links = page.locator("nav.bd-docs-nav a.reference.internal").all_inner_texts()
    expected = list(LESSONS["page"])  # the home page first (html.home_page_in_navbar)
    # Sphinx turns straight apostrophes into typographic ones
    assert [text.strip().replace("’", "'") for text in links] == expected
    page.close()


@pytest.mark.parametrize("file", list(LESSON_PAGES["file"]))
def test_every_output_image_loads(browser, site_url, file):
    page, errors = open_page(browser, f"{site_url}/{html_path(file)}")
    images = page.eval_on_selector_all(
        "div.cell_output img",
        "els => els.map(e => [e.getAttribute('src'), e.naturalWidth])",
    )
    expected = image_outputs(ROOT / file)
    assert len(images) >= expected, (
        f"{file}: {expected} image outputs, {len(images)} on the page"
    )
    broken = [src for src, width in images if not width]
    assert broken == [], f"{file}: images that did not load: {broken}"
    assert errors == [], f"{file}: page errors: {errors}"
    page.close()


def test_launch_buttons_point_at_the_notebook(browser, site_url):
    page, _ = open_page(browser, f"{site_url}/notebooks/00_introduction.html")
    hrefs = page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)")
    assert any(
        "colab.research.google.com" in h
        and h.endswith("notebooks/00_introduction.ipynb")
        for h in hrefs
    ), "no Colab launch link to the .ipynb"
    assert any("mybinder.org" in h and "00_introduction.ipynb" in h for h in hrefs), (
        "no Binder link"
    )
    page.close()


def test_quiz_gives_instant_feedback_and_a_score(browser, site_url):
    from course_utils.quiz import load_bank

    page, errors = open_page(browser, f"{site_url}/notebooks/06_quiz.html")
    first = load_bank()[0]
    wrong = next(i for i, option in enumerate(first.options) if not option.correct)
    right = next(i for i, option in enumerate(first.options) if option.correct)
    question = page.locator(f"#quiz-{first.id}")
    question.locator(".cq-option").nth(wrong).click()
    feedback = question.locator(".cq-feedback").inner_text()
    assert (
        feedback.startswith("✘ Not quite.")
        and first.options[wrong].explanation in feedback
    )
    score = page.locator("#quiz .cq-score").inner_text()
    assert score.startswith(f"Score: 0 / 1 answered ({len(load_bank())} questions")
    question.locator(".cq-option").nth(right).click()
    feedback = question.locator(".cq-feedback").inner_text()
    assert (
        feedback.startswith("✔ Right.") and first.options[right].explanation in feedback
    )
    assert page.locator("#quiz .cq-score").inner_text().startswith("Score: 0 / 1"), (
        "only the first answer to a question counts"
    )
    second = load_bank()[1]
    if second.multi_select:
        block = page.locator(f"#quiz-{second.id}")
        for index, option in enumerate(second.options):
            if option.correct:
                block.locator(".cq-option").nth(index).click()
        block.locator(".cq-check").click()
        assert block.locator(".cq-feedback").inner_text().startswith("✔ Right.")
        assert page.locator("#quiz .cq-score").inner_text().startswith("Score: 1 / 2")
    assert errors == [], errors
    page.close()


@pytest.mark.parametrize("file", list(LESSON_PAGES["file"]))
def test_solutions_are_folded(browser, site_url, file):
    notebook = json.loads((ROOT / file).read_text(encoding="utf-8"))
    n_solutions = sum(
        "solution" in cell.get("metadata", {}).get("tags", [])
        for cell in notebook["cells"]
    )
    page, _ = open_page(browser, f"{site_url}/{html_path(file)}")
    folds = page.locator("details.hide", has_text="Show solution")
    assert folds.count() == n_solutions, (
        f"{file}: {n_solutions} solutions, {folds.count()} folds"
    )
    if n_solutions:
        first = folds.first
        assert first.get_attribute("open") is None, "a solution is shown unfolded"
        first.locator("summary").click()
        assert first.get_attribute("open") is not None
    page.close()
