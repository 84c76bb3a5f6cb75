"""The built website in a real browser (headless Debian Chromium driven by Playwright).

`make test` builds the site first (`make book`). Every page is opened offline (requests
outside the site are blocked); a console error, page error or failed request fails.
"""

import json
import re
from pathlib import Path

import pytest
from browser_support import (
    ROOT,
    SITE,
    colours,
    contrast,
    expect,
    open_page,
    serious_violations,
    within,
)
from browser_support import browser as browser
from browser_support import site_url as site_url
from matplotlib.font_manager import font_scalings
from PIL import Image

from course_utils.course_map import course_map

pytestmark = pytest.mark.browser
#: The smallest figure text a learner must be able to read on the site, in CSS pixels.
MIN_FIGURE_TEXT_PX = 11
LESSONS = course_map()
PAGES = [str(Path(file).with_suffix(".html")) for file in LESSONS["file"]]
LESSON_FILES = [file for file in LESSONS["file"] if file.startswith("notebooks/")]
QUIZ = "notebooks/06_quiz.html"
# The pages Sphinx adds; index.html only redirects to the first page.
SPHINX_PAGES = ["search.html", "genindex.html"]
# Code's colours are the theme's Pygments styles, made for WCAG AA (a11y-high-contrast):
# axe checks them on the lesson with the most code; elsewhere it skips code (half its time).
AXE_ON_CODE = "notebooks/04_four_algorithms.html"


@pytest.fixture(scope="module")
def visited(browser, site_url):
    """``visited(path)``: the page opened once (desktop width, offline) and shared by the
    tests that only read it; a test that changes a page opens its own."""
    opened = {}

    def visit(path):
        if path not in opened:
            opened[path] = open_page(browser, f"{site_url}/{path}")
        return opened[path]

    yield visit
    for each in opened.values():
        each.page.close()


@pytest.mark.parametrize("index", range(len(PAGES)), ids=PAGES)
def test_every_page_opens_offline_with_its_title_links_and_maths(
    visited, site_url, index
):
    path = PAGES[index]
    visit = visited(path)
    visit.assert_clean()
    page = visit.page
    title = page.locator("h1").first.text_content().rstrip("#¶ ").replace("’", "'")
    assert title == LESSONS["page"][index]
    text = page.locator("main").inner_text()
    for machine_path in ("/work/", "/home/", "site-packages"):
        assert machine_path not in text, f"{path} shows a path of the build machine"
    # "Next" follows the course map; from the quiz it must not open the answer key
    following = page.eval_on_selector_all("a.right-next", "els => els.map(e => e.href)")
    expected = [f"{site_url}/{PAGES[index + 1]}"] if index + 1 < len(PAGES) else []
    assert following == expected
    assert path != QUIZ or "instructor" not in str(following)
    if path.startswith("notebooks/"):  # launch buttons open this lesson's notebook
        links = page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)")
        ipynb = Path(path).with_suffix(".ipynb").name
        for host in ("colab.research.google.com", "mybinder.org"):
            assert any(host in link and ipynb in link for link in links), host
    # maths is typeset offline by the site's own MathJax, loaded only where needed
    maths = [p for p in PAGES if 'class="math' in (SITE / p).read_text("utf-8")]
    assert maths, "no page has maths (class 'math'): the checks below test nothing"
    scripts = page.eval_on_selector_all("script[src]", "els => els.map(e => e.src)")
    mathjax = [src for src in scripts if "mathjax" in src.lower()]
    if path in maths:
        assert mathjax and all(src.startswith(site_url) for src in mathjax), mathjax
        expect(page.locator("mjx-container").first).to_be_attached()
        assert not re.search(r"\\\(|\\\[|\$\$", text), f"{path}: raw LaTeX shows"
    elif index > 0:  # Sphinx gives the root page the maths of the pages it lists
        assert not mathjax, f"{path} has no maths but loads {mathjax}"


@pytest.mark.parametrize("path", PAGES + SPHINX_PAGES)
def test_axe_finds_nothing_serious_on_any_page(visited, path):
    built = {str(file.relative_to(SITE)) for file in SITE.rglob("*.html")}
    pages = {page for page in built if not page.startswith("_static/")}
    assert pages - {"index.html"} == {*PAGES, *SPHINX_PAGES}, "a page axe does not see"
    skip_code = None if path == AXE_ON_CODE else {"exclude": [["div.highlight"]]}
    assert serious_violations(visited(path).page, skip_code) == []


def test_sidebar_lists_the_pages_in_order(visited):
    links = visited(PAGES[0]).page.locator("nav.bd-docs-nav a.reference.internal")
    # the home page first (html.home_page_in_navbar); Sphinx curls straight apostrophes
    texts = [text.strip().replace("’", "'") for text in links.all_inner_texts()]
    assert texts == list(LESSONS["page"])


def smallest_font_pt(lesson: Path) -> float:
    """The smallest text, in points, a lesson's figures can draw: the course style's floor,
    lowered by any size the lesson's code, or a course_utils module it imports, writes out
    (``fontsize=9``, ``"legend.fontsize": "small"``)."""
    import course_utils
    from course_utils.style import SMALLEST_FONT_PT

    code, package = lesson.read_text("utf-8"), Path(course_utils.__file__).parent
    for module in sorted(set(re.findall(r"course_utils\.(\w+)", code))):
        if (package / f"{module}.py").is_file():
            code += (package / f"{module}.py").read_text("utf-8")
    sizes = [float(SMALLEST_FONT_PT)]
    for value in re.findall(r"fontsize\b[\"']?\s*[=:]\s*([\w.\"'-]+)", code):
        value = value.strip("\"'")
        if re.fullmatch(r"\d+(\.\d+)?", value):
            sizes.append(float(value))
        elif font_scalings.get(value):  # 15 pt: font.size of the course style
            sizes.append(15.0 * font_scalings[value])
    return min(sizes)


@pytest.mark.parametrize("file", LESSON_FILES)
def test_every_figure_loads_with_alt_text_and_readable_text(visited, file):
    """A figure stored at ``dpi`` draws a ``pt``-point text ``pt * dpi / 72`` image pixels
    high; shown at ``displayed / natural`` of its width, that text must be 11 CSS px+."""
    path = str(Path(file).with_suffix(".html"))
    images = visited(path).page.eval_on_selector_all(
        "div.cell_output img:not(.ce-frame)",  # explorers: test_explorers_browser
        "els => els.map(e => [e.getAttribute('src'), e.naturalWidth, e.alt,"
        " e.getBoundingClientRect().width])",
    )
    cells = json.loads((ROOT / file).read_text("utf-8"))["cells"]
    outputs = [out.get("data", {}) for cell in cells for out in cell.get("outputs", [])]
    expected = sum("image/png" in data for data in outputs)
    assert len(images) >= expected, f"{expected} image outputs, {len(images)} shown"
    assert [src for src, natural, _, _ in images if not natural] == [], "not loaded"
    unnamed = [
        src
        for src, _, alt, _ in images
        if not alt.strip() or Path(src).name in alt or alt.strip().endswith(".png")
    ]
    assert unnamed == [], f"figures without a description (alt): {unnamed}"
    smallest_pt, small = smallest_font_pt((ROOT / file).with_suffix(".py")), []
    for src, natural, _, displayed in images:
        dpi = Image.open((SITE / path).parent / src).info.get("dpi", (72, 72))[0]
        if (px := smallest_pt * dpi / 72 * displayed / natural) < MIN_FIGURE_TEXT_PX:
            small.append((src, round(px, 1)))
    assert small == [], f"figure text below {MIN_FIGURE_TEXT_PX} CSS px: {small}"


@pytest.mark.parametrize("file", LESSON_FILES)
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
    assert expected["Show hint"] >= len(re.findall("### Exercise", str(cells)))
    page = visited(str(Path(file).with_suffix(".html"))).page
    for prompt, n in expected.items():
        folds = page.locator("details.hide", has_text=prompt)
        expect(folds).to_have_count(n)
        if n:
            expect(folds.first).not_to_have_attribute("open", re.compile(".*"))
            folds.first.locator("summary").first.click()
            expect(folds.first).to_have_attribute("open", re.compile(".*"))
            folds.first.locator("summary").first.click()  # folded again for other tests
            expect(folds.first).not_to_have_attribute("open", re.compile(".*"))


def visible(page, selector):
    return [element for element in page.locator(selector).all() if element.is_visible()]


def test_menu_buttons_collapse_the_sidebar_or_open_panels_on_a_phone(browser, site_url):
    visit = open_page(browser, f"{site_url}/notebooks/03_choosing_k.html")
    page, sidebar = visit.page, visit.page.locator("#pst-primary-sidebar")
    width = page.locator("main").bounding_box()["width"]
    buttons = visible(page, ".primary-toggle")
    assert len(buttons) == 1, f"{len(buttons)} visible menu buttons"
    buttons[0].click()  # on a desktop the menu button collapses the sidebar
    expect(sidebar).to_have_css("visibility", "hidden")
    assert page.locator("dialog[open]").count() == 0, "a dialog instead of a collapse"
    assert len(visible(page, ".search-button-field")) <= 1, "two search boxes"
    buttons[0].click()
    expect(sidebar).to_have_css("visibility", "visible")
    # the column gets its width back once the sidebar's transition has ended
    page.wait_for_function(
        "w => Math.abs(document.querySelector('main').getBoundingClientRect().width"
        " - w) <= 2",
        arg=width,
    )
    page.set_viewport_size({"width": 390, "height": 844})  # a phone: the menu is closed
    expect(page.locator("nav.bd-docs-nav a.reference.internal").nth(2)).to_be_hidden()
    for toggle, link in [("primary", "nav.bd-docs-nav a"), ("secondary", "a.nav-link")]:
        buttons = visible(page, f".{toggle}-toggle")
        assert len(buttons) == 1, f"{len(buttons)} visible {toggle} buttons"
        buttons[0].click()
        modal = page.locator(f"#pst-{toggle}-sidebar-modal[open]")
        expect(modal.locator(link).nth(1)).to_be_visible()
        page.keyboard.press("Escape")
        expect(modal).to_have_count(0)
    assert len(visible(page, ".search-button-field, .search-button")) <= 1, (
        "a second search box in the header"
    )
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
    visit = open_page(browser, f"{site_url}/{QUIZ}", laptop, color_scheme=scheme)
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


def test_theme_files_weigh_under_1_2_mb_and_the_icons_show(visited):
    """The theme's files were 2.45 MB a page, fontawesome.js (1.45 MB) alone redrawing the
    icons its stylesheet's web font draws; now about 1.0 MB: they must stay under 1.2 MB."""
    page = visited("notebooks/00_introduction.html").page
    theme = page.evaluate(
        """() => performance.getEntriesByType("resource")
            .filter(e => new URL(e.name).pathname.includes("/_static/"))
            .reduce((total, e) => total + e.decodedBodySize, 0)"""
    )
    assert theme < 1_200_000, f"{theme} bytes of theme files for lesson 00"
    glyph = page.locator(".primary-toggle .fa-bars, .primary-toggle i").first
    width = glyph.evaluate("e => e.getBoundingClientRect().width")
    font = glyph.evaluate("e => getComputedStyle(e, '::before').fontFamily")
    assert width > 5 and "Font Awesome" in font, (width, font)


def test_the_cheat_sheet_prints_on_one_page(visited):
    """Instructors hand the cheat sheet out: printed, it fits one A4 (and one Letter) page."""
    visit = visited("appendix/cheat_sheet.html")
    for paper in ("A4", "Letter"):
        pdf = visit.page.pdf(format=paper, print_background=True)
        pages = len(re.findall(rb"/Type\s*/Page\b", pdf))
        assert pages == 1, f"the cheat sheet prints on {pages} {paper} pages"
