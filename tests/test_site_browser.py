"""The built website, opened in a real browser (headless Debian Chromium driven by Playwright).

`make test` builds the site first (`make book`); run alone, build it with `make book`.
Every page is opened with every request outside the site blocked (the site must work
offline), and any console error, page error or failed request fails the test.
"""

import functools
import http.server
import json
import re
import struct
import threading
from pathlib import Path
from urllib.parse import urlparse

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from course_utils.course_map import course_map

ROOT = Path(__file__).resolve().parents[1]
SITE = ROOT / "_build" / "html"
CHROMIUM = "/usr/bin/chromium"
DESKTOP = {"width": 1366, "height": 768}
PHONE = {"width": 390, "height": 844}
#: The smallest figure text a learner must be able to read on the site, in CSS pixels.
MIN_FIGURE_TEXT_PX = 11

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


@pytest.fixture(scope="module")
def visited(browser, site_url):
    """``visited(path)``: the page opened once per test run, at desktop width, offline, and
    shared by every test that only reads it (a test that changes a page opens its own)."""
    opened = {}

    def visit(path):
        if path not in opened:
            opened[path] = open_page(browser, f"{site_url}/{path}")
        return opened[path]

    yield visit
    for visit in opened.values():
        visit.page.close()


# The page and everything it loaded, in bytes as served (the test server does not compress).
BYTES_LOADED = """() => [
    ...performance.getEntriesByType("navigation"),
    ...performance.getEntriesByType("resource"),
].reduce((total, entry) => total + (entry.decodedBodySize || 0), 0)"""


class Visit:
    """One page opened offline: what it loaded and every error it reported."""

    def __init__(self, page):
        self.page = page
        self.errors = []
        self.blocked = []
        self.bytes_loaded = 0


def open_page(browser, url, viewport=DESKTOP, color_scheme="light"):
    """Open a page with every request outside the site blocked.

    Returns a :class:`Visit`: its ``errors`` are console errors, page errors, failed and
    blocked requests and HTTP errors; ``bytes_loaded`` sums what the page loaded.
    """
    page = browser.new_page(viewport=viewport, color_scheme=color_scheme)
    visit = Visit(page)
    site = urlparse(url).netloc

    def route(route):
        if urlparse(route.request.url).netloc in (site, ""):
            route.continue_()
        else:
            visit.blocked.append(route.request.url)
            route.abort()

    def on_response(response):
        if response.status >= 400:
            visit.errors.append(f"HTTP {response.status}: {response.url}")

    page.route("**/*", route)
    page.on("response", on_response)
    page.on("pageerror", lambda error: visit.errors.append(f"page error: {error}"))
    page.on(
        "console",
        lambda message: (
            message.type == "error" and visit.errors.append(f"console: {message.text}")
        ),
    )
    page.on(
        "requestfailed",
        lambda request: visit.errors.append(f"request failed: {request.url}"),
    )
    response = page.goto(url, wait_until="load")
    assert response is not None and response.ok, (
        f"{url}: HTTP {response and response.status}"
    )
    page.wait_for_load_state("networkidle")
    visit.bytes_loaded = page.evaluate(BYTES_LOADED)
    return visit


LESSONS = course_map()
LESSON_PAGES = LESSONS[LESSONS["file"].str.startswith("notebooks/")]
ALL_PAGES = [str(Path(file).with_suffix(".html")) for file in LESSONS["file"]]
ROOT_PAGE = ALL_PAGES[0]


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


def png_dpi(png: bytes) -> float:
    """The resolution a PNG says it was drawn at (its pHYs chunk; 72 dpi if none)."""
    position = 8
    while position < len(png):
        length, kind = struct.unpack(">I4s", png[position : position + 8])
        if kind == b"pHYs":
            per_metre, _, unit = struct.unpack(
                ">IIB", png[position + 8 : position + 17]
            )
            return per_metre * 0.0254 if unit == 1 else 72.0
        if kind == b"IDAT":
            break
        position += 12 + length
    return 72.0


def smallest_font_pt(lesson: Path) -> float:
    """The smallest text size, in points, a lesson's figures can draw.

    The course style's floor (``SMALLEST_FONT_PT``: tick labels and legends), lowered by any
    size the lesson's code, or a course_utils module it imports, writes out
    (``fontsize=9``, ``fontsize="small"``, ``"legend.fontsize": 10``).
    """
    from matplotlib.font_manager import font_scalings

    import course_utils
    from course_utils.style import SMALLEST_FONT_PT

    base = 15.0  # font.size under the course style (seaborn "notebook" x 1.25)
    code = lesson.read_text(encoding="utf-8")
    package = Path(course_utils.__file__).parent
    for module in sorted(set(re.findall(r"course_utils\.(\w+)", code))):
        if (package / f"{module}.py").is_file():
            code += (package / f"{module}.py").read_text(encoding="utf-8")
    sizes = [float(SMALLEST_FONT_PT)]
    for value in re.findall(r"(?:fontsize\b[\"']?\s*[=:]\s*)([\w.\"'-]+)", code):
        value = value.strip("\"'")
        if re.fullmatch(r"\d+(\.\d+)?", value):
            sizes.append(float(value))
        elif value in font_scalings and font_scalings[value] is not None:
            sizes.append(base * font_scalings[value])
    return min(sizes)


def smallest_figure_text_px(page, lesson: Path) -> list[tuple[str, float]]:
    """Per figure of the page: the smallest text it draws, in CSS pixels, as shown.

    A figure stored at ``dpi`` dots per inch draws a ``pt``-point text ``pt * dpi / 72``
    image pixels high; the page shows the image at ``displayed / natural`` of its pixel
    width, so the text is ``pt * dpi / 72 * displayed / natural`` CSS pixels high. The dpi
    comes from the PNG itself, the sizes from the page's layout in the browser, ``pt`` from
    :func:`smallest_font_pt`.
    """
    smallest_pt = smallest_font_pt(lesson)
    images = page.eval_on_selector_all(
        "div.cell_output img",
        "els => els.map(e => [e.getAttribute('src'), e.naturalWidth,"
        " e.getBoundingClientRect().width])",
    )
    page_dir = (SITE / html_path(str(lesson.relative_to(ROOT)))).parent
    sizes = []
    for src, natural, displayed in images:
        dpi = png_dpi((page_dir / src).resolve().read_bytes())
        sizes.append((src, smallest_pt * dpi / 72 * displayed / natural))
    return sizes


def test_lesson_00_renders_with_its_title(visited):
    visit = visited("notebooks/00_introduction.html")
    title = visit.page.locator("h1").first.inner_text()
    assert "Lesson 0" in title and "Introduction" in title, title
    assert visit.errors == [], visit.errors


@pytest.mark.parametrize("path", ALL_PAGES)
def test_every_page_works_offline_without_a_console_error(visited, path):
    """Every page, with every outside request blocked: no error, nothing fetched outside."""
    visit = visited(path)
    assert visit.errors == [], f"{path}: {visit.errors}"
    assert visit.blocked == [], f"{path} asks the internet for {visit.blocked}"


@pytest.mark.parametrize("path", ALL_PAGES)
def test_no_page_shows_a_path_of_the_build_machine(visited, path):
    visit = visited(path)
    text = visit.page.locator("main").inner_text()
    assert (
        "/work/" not in text and "/home/" not in text and "site-packages" not in text
    ), f"{path} shows a path of the machine that built the site"


def test_sidebar_lists_the_pages_in_order(visited):
    visit = visited("intro.html")
    links = visit.page.locator("nav.bd-docs-nav a.reference.internal").all_inner_texts()
    expected = list(LESSONS["page"])  # the home page first (html.home_page_in_navbar)
    # Sphinx turns straight apostrophes into typographic ones
    assert [text.strip().replace("’", "'") for text in links] == expected


def visible(page, selector):
    return [element for element in page.locator(selector).all() if element.is_visible()]


def test_phone_menu_and_page_contents_buttons_open_their_panels(browser, site_url):
    visit = open_page(
        browser, f"{site_url}/notebooks/03_choosing_k.html", viewport=PHONE
    )
    page = visit.page
    nav_link = page.locator("nav.bd-docs-nav a.reference.internal").nth(2)
    assert not nav_link.is_visible(), "at phone width the menu starts closed"
    buttons = visible(page, ".primary-toggle")
    assert len(buttons) == 1, f"{len(buttons)} visible menu buttons"
    buttons[0].click()
    page.locator("#pst-primary-sidebar-modal[open]").wait_for(timeout=5_000)
    assert (
        page.locator("#pst-primary-sidebar-modal nav.bd-docs-nav a").nth(2).is_visible()
    )
    page.keyboard.press("Escape")
    page.locator("#pst-primary-sidebar-modal[open]").wait_for(
        state="detached", timeout=5_000
    )
    contents = visible(page, ".secondary-toggle")
    assert len(contents) == 1, f"{len(contents)} visible page-contents buttons"
    contents[0].click()
    page.locator("#pst-secondary-sidebar-modal[open]").wait_for(timeout=5_000)
    assert page.locator("#pst-secondary-sidebar-modal a.nav-link").first.is_visible()
    assert len(visible(page, ".search-button-field, .search-button")) <= 1, (
        "a second search box in the header"
    )
    assert visit.errors == [], visit.errors
    page.close()


def test_desktop_menu_button_collapses_the_sidebar(browser, site_url):
    visit = open_page(browser, f"{site_url}/notebooks/01_scaling_encoding.html")
    page = visit.page
    sidebar = page.locator("#pst-primary-sidebar")
    assert sidebar.is_visible()
    width = page.locator("main").bounding_box()["width"]
    buttons = visible(page, ".primary-toggle")
    assert len(buttons) == 1, f"{len(buttons)} visible menu buttons"
    buttons[0].click()
    page.wait_for_function(
        "getComputedStyle(document.querySelector('#pst-primary-sidebar'))"
        ".visibility === 'hidden'",
        timeout=5_000,
    )
    assert page.locator("dialog[open]").count() == 0, "a dialog instead of a collapse"
    assert len(visible(page, ".search-button-field")) <= 1, "two search boxes"
    buttons[0].click()
    page.wait_for_function(
        "getComputedStyle(document.querySelector('#pst-primary-sidebar'))"
        ".visibility === 'visible'",
        timeout=5_000,
    )
    # visibility flips when the sidebar's transition starts: give the layout time to end
    try:
        page.wait_for_function(
            f"Math.abs(document.querySelector('main').getBoundingClientRect().width"
            f" - {width}) <= 2",
            timeout=5_000,
        )
    except PlaywrightTimeoutError:
        pass  # the assertion below says what the width is
    assert page.locator("main").bounding_box()["width"] == pytest.approx(width, abs=2)
    page.close()


def pages_with_maths() -> list[str]:
    """Pages whose HTML holds maths (Sphinx marks every formula with class "math")."""
    return [
        path
        for path in ALL_PAGES
        if 'class="math' in (SITE / path).read_text(encoding="utf-8")
    ]


def test_maths_renders_offline_and_mathjax_loads_only_where_needed(visited, site_url):
    with_maths = pages_with_maths()
    assert with_maths, "no lesson has maths: this test no longer tests anything"
    for path in ALL_PAGES:
        visit = visited(path)
        page = visit.page
        scripts = page.eval_on_selector_all("script[src]", "els => els.map(e => e.src)")
        mathjax = [src for src in scripts if "mathjax" in src.lower()]
        if path in with_maths:
            assert mathjax, f"{path} has maths but loads no MathJax"
            assert all(src.startswith(site_url) for src in mathjax), mathjax
            page.locator("mjx-container").first.wait_for(timeout=15_000)
            raw = page.locator("main").inner_text()
            assert not re.search(r"\\\(|\\\[|\$\$", raw), f"{path}: raw LaTeX shows"
        elif path != ROOT_PAGE:  # Sphinx counts the maths of the pages the root lists
            assert not mathjax, f"{path} has no maths but loads {mathjax}"
        assert visit.errors == [] and visit.blocked == [], (visit.errors, visit.blocked)


def contrast(foreground: str, background: str) -> float:
    """WCAG contrast ratio of two CSS rgb()/rgba() colours."""

    def luminance(colour):
        channels = [float(c) / 255 for c in re.findall(r"[\d.]+", colour)[:3]]
        linear = [
            c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
            for c in channels
        ]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    high, low = sorted([luminance(foreground), luminance(background)], reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_back_to_top_is_readable(browser, site_url, scheme):
    # the theme shows the button below 1200 px only (a laptop, a projector), when the
    # reader scrolls back up
    visit = open_page(
        browser,
        f"{site_url}/notebooks/04_four_algorithms.html",
        viewport={"width": 1024, "height": 768},
        color_scheme=scheme,
    )
    page = visit.page
    page.evaluate("window.scrollTo(0, 3000)")
    page.wait_for_timeout(200)
    page.evaluate("window.scrollTo(0, 2800)")
    button = page.locator("#pst-back-to-top")
    button.wait_for(state="visible", timeout=5_000)
    colour, background = button.evaluate(
        "e => [getComputedStyle(e).color, getComputedStyle(e).backgroundColor]"
    )
    assert contrast(colour, background) >= 4.5, (scheme, colour, background)
    page.close()


def test_theme_files_weigh_under_1_2_mb_per_page(visited):
    """The theme's files were 2.45 MB a page, fontawesome.js (1.45 MB) alone redrawing the
    few icons its stylesheet's web font already draws; now about 1.0 MB (the stylesheet
    0.4 MB, two icon fonts 0.27 MB): they must stay under 1.2 MB."""
    visit = visited("notebooks/00_introduction.html")
    page = visit.page
    theme = page.evaluate(
        """() => performance.getEntriesByType("resource")
            .filter(e => new URL(e.name).pathname.includes("/_static/"))
            .reduce((total, e) => total + e.decodedBodySize, 0)"""
    )
    assert theme < 1_200_000, f"{theme} bytes of theme files for lesson 00"
    # the icons still show: the menu button's glyph is drawn by the web font
    glyph = page.locator(".primary-toggle .fa-bars, .primary-toggle i").first
    width = glyph.evaluate("e => e.getBoundingClientRect().width")
    font = glyph.evaluate("e => getComputedStyle(e, '::before').fontFamily")
    assert width > 5 and "Font Awesome" in font, (width, font)
    assert visit.errors == [], visit.errors


@pytest.mark.parametrize("file", list(LESSON_PAGES["file"]))
def test_every_output_image_loads_with_alt_text(visited, file):
    visit = visited(html_path(file))
    images = visit.page.eval_on_selector_all(
        "div.cell_output img",
        "els => els.map(e => [e.getAttribute('src'), e.naturalWidth, e.alt])",
    )
    expected = image_outputs(ROOT / file)
    assert len(images) >= expected, (
        f"{file}: {expected} image outputs, {len(images)} on the page"
    )
    broken = [src for src, width, _ in images if not width]
    assert broken == [], f"{file}: images that did not load: {broken}"
    assert visit.errors == [], f"{file}: page errors: {visit.errors}"
    unnamed = [
        src
        for src, _, alt in images
        if not alt.strip() or Path(src).name in alt or alt.strip().endswith(".png")
    ]
    assert unnamed == [], f"{file}: figures without a description (alt): {unnamed}"


@pytest.mark.parametrize("file", list(LESSON_PAGES["file"]))
def test_figure_text_is_at_least_11_css_px_at_the_column_width(visited, file):
    visit = visited(html_path(file))
    sizes = smallest_figure_text_px(visit.page, (ROOT / file).with_suffix(".py"))
    small = [(src, round(px, 1)) for src, px in sizes if px < MIN_FIGURE_TEXT_PX]
    assert small == [], f"{file}: figure text below {MIN_FIGURE_TEXT_PX} px: {small}"


def test_launch_buttons_point_at_the_notebook(visited):
    visit = visited("notebooks/00_introduction.html")
    hrefs = visit.page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)")
    assert any(
        "colab.research.google.com" in h
        and h.endswith("notebooks/00_introduction.ipynb")
        for h in hrefs
    ), "no Colab launch link to the .ipynb"
    assert any("mybinder.org" in h and "00_introduction.ipynb" in h for h in hrefs), (
        "no Binder link"
    )


def test_next_from_the_quiz_is_not_the_answer_key(visited):
    visit = visited("notebooks/06_quiz.html")
    following = visit.page.locator("a.right-next")
    if following.count():
        target = following.get_attribute("href")
        label = following.inner_text().lower()
        assert "instructor" not in target and "answer" not in label, (target, label)


def test_quiz_gives_instant_feedback_and_a_score(browser, site_url):
    from course_utils.quiz import load_bank

    visit = open_page(browser, f"{site_url}/notebooks/06_quiz.html")
    page = visit.page
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
    assert visit.errors == [], visit.errors
    page.close()


@pytest.mark.parametrize("file", list(LESSON_PAGES["file"]))
def test_hints_and_solutions_are_folded(visited, file):
    """Under each exercise, its hints and its solution are folded blocks that open."""
    cells = json.loads((ROOT / file).read_text(encoding="utf-8"))["cells"]
    metadata = [cell.get("metadata", {}) for cell in cells]
    expected = {
        "Show solution": sum("solution" in m.get("tags", []) for m in metadata),
        "Show hint": sum(
            m.get("mystnb", {}).get("code_prompt_show") == "Show hint" for m in metadata
        ),
    }
    visit = visited(html_path(file))
    for prompt, n in expected.items():
        folds = visit.page.locator("details.hide", has_text=prompt)
        assert folds.count() == n, f"{file}: {n} × {prompt!r}, {folds.count()} folds"
        if n:
            first = folds.first
            assert first.get_attribute("open") is None, f"{prompt!r}: shown unfolded"
            first.locator("summary").first.click()
            assert first.get_attribute("open") is not None
            first.locator("summary").first.click()  # folded again, for the other tests
    assert expected["Show hint"] >= len(re.findall("### Exercise", str(cells)))


def test_the_cheat_sheet_prints_on_one_page(visited):
    """Instructors hand the cheat sheet out: printed, it fits one A4 (and one Letter) page."""
    visit = visited("appendix/cheat_sheet.html")
    assert visit.errors == [], visit.errors
    for paper in ("A4", "Letter"):
        pdf = visit.page.pdf(format=paper, print_background=True)
        pages = len(re.findall(rb"/Type\s*/Page\b", pdf))
        assert pages == 1, f"the cheat sheet prints on {pages} {paper} pages"
