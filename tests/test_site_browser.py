"""The built website in a real browser (headless Debian Chromium driven by Playwright), and
the weight of its lesson pages.

`make test` builds the site first (`make book`). Every page is opened once, offline (requests
outside the site are blocked), and all its checks run on that load; a console error, page
error or failed request fails.
"""

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from browser_support import ROOT, SITE, expect, open_page, serious_violations
from browser_support import browser as browser
from browser_support import site_url as site_url
from matplotlib.font_manager import font_scalings
from notebook_outputs import lesson_notebook
from PIL import Image

from course_utils.course_map import course_map

pytestmark = pytest.mark.browser
#: The smallest figure text a learner must be able to read on the site, in CSS pixels.
MIN_FIGURE_TEXT_PX = 11
LESSONS = course_map()
PAGES = [str(Path(file).with_suffix(".html")) for file in LESSONS["file"]]
QUIZ = "notebooks/06_quiz.html"
# The pages Sphinx adds; index.html only redirects to the first page.
SPHINX_PAGES = ["search.html", "genindex.html"]
# One page is checked whole: axe-core on everything (the site's navigation, and the code,
# whose colours are the theme's Pygments styles, made for WCAG AA), and a click on each kind
# of fold. The navigation is one template and a fold the same element on every page, so the
# other pages run axe on their own content (`main`) without the code (half of its elements
# on a lesson, axe's time going with them) and count their folds.
WHOLE_PAGE = "notebooks/04_four_algorithms.html"
#: The explorers (course_utils/explorers.py) each lesson page shows (their ``name``)
EXPLORERS = {
    "02_kmeans_from_scratch": ["lloyd-steps"],
    "03_choosing_k": ["choose-k"],
    "04_four_algorithms": ["dbscan-eps"],
}
PAGE_LIMIT = 1_500_000  # bytes a lesson page may load beyond the theme and MathJax
EXPLORER_LIMIT = 1_000_000  # bytes the explorers may add to a page
SHARED = ("_static/", "mathjax/")


@pytest.fixture(scope="module")
def visited(browser, site_url):
    """``visited(path)``: the page opened once (desktop width, offline), in the module's one
    context (the pages share its cache, as a reader's tabs do), and shared by the tests that
    read it; a test that resizes a page opens its own."""
    context, opened = browser.new_context(), {}

    def visit(path):
        if path not in opened:
            opened[path] = open_page(context, f"{site_url}/{path}")
        return opened[path]

    yield visit
    context.close()


@pytest.mark.parametrize("path", PAGES + SPHINX_PAGES)
def test_every_page_opens_offline_readable_and_accessible(visited, site_url, path):
    """One load of each page: its title, links and maths; a lesson's figures, folded hints and
    solutions, and explorers; axe-core; no error and no request off the site throughout."""
    built = {str(file.relative_to(SITE)) for file in SITE.rglob("*.html")}
    pages = {page for page in built if not page.startswith("_static/")}
    assert pages - {"index.html"} == {*PAGES, *SPHINX_PAGES}, "a page this test misses"
    visit = visited(path)
    if path in PAGES:
        title_links_and_maths(visit.page, site_url, PAGES.index(path))
    own = {} if path == WHOLE_PAGE else {"context": "main", "aside": "div.highlight"}
    assert serious_violations(visit.page, **own) == [], "axe-core's findings"
    if path.startswith("notebooks/"):
        cells = lesson_notebook(Path(path).stem).cells
        figures_load_with_alt_text_and_readable_text(visit.page, path, cells)
        hints_and_solutions_are_folded(visit.page, cells, open_one=path == WHOLE_PAGE)
    for name in EXPLORERS.get(Path(path).stem, []):
        explorer_switches_frames_by_keyboard_and_mouse(visit.page, name)
    visit.assert_clean()


def title_links_and_maths(page, site_url, index):
    path = PAGES[index]
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


def figures_load_with_alt_text_and_readable_text(page, path, cells):
    """A figure stored at ``dpi`` draws a ``pt``-point text ``pt * dpi / 72`` image pixels
    high; shown at ``displayed / natural`` of its width, that text must be 11 CSS px+."""
    images = page.eval_on_selector_all(
        "div.cell_output img:not(.ce-frame)",  # explorers: their own check below
        "els => els.map(e => [e.getAttribute('src'), e.naturalWidth, e.alt,"
        " e.getBoundingClientRect().width])",
    )
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
    smallest_pt, small = smallest_font_pt((ROOT / path).with_suffix(".py")), []
    for src, natural, _, displayed in images:
        dpi = Image.open((SITE / path).parent / src).info.get("dpi", (72, 72))[0]
        if (px := smallest_pt * dpi / 72 * displayed / natural) < MIN_FIGURE_TEXT_PX:
            small.append((src, round(px, 1)))
    assert small == [], f"figure text below {MIN_FIGURE_TEXT_PX} CSS px: {small}"


def hints_and_solutions_are_folded(page, cells, open_one):
    """Under each exercise, its hints and its solution are folded blocks (``open_one``:
    the first of each kind opens on a click and folds again)."""
    metadata = [cell.get("metadata", {}) for cell in cells]
    hints = [
        m.get("mystnb", {}).get("code_prompt_show") == "Show hint" for m in metadata
    ]
    solutions = ["solution" in m.get("tags", []) for m in metadata]
    expected = {"Show solution": sum(solutions), "Show hint": sum(hints)}
    assert expected["Show hint"] >= len(re.findall("### Exercise", str(cells)))
    assert all(expected.values()) or not open_one, f"folds to open: {expected}"
    for prompt, n in expected.items():
        folds = page.locator("details.hide", has_text=prompt)
        expect(folds).to_have_count(n)
        if n and open_one:
            expect(folds.first).not_to_have_attribute("open", re.compile(".*"))
            folds.first.locator("summary").first.click()
            expect(folds.first).to_have_attribute("open", re.compile(".*"))
            folds.first.locator("summary").first.click()  # folded again for other tests
            expect(folds.first).not_to_have_attribute("open", re.compile(".*"))


def explorer_switches_frames_by_keyboard_and_mouse(page, name):
    """Each slider of the explorer, moved by a key and by a click on its track, changes the
    picture, its alt text and the announced sentence (offline: the frames are in the page)."""
    explorer = page.locator(f'#explorer-{name}.course-explorer[data-ready="1"]')
    status, frame = explorer.locator(".ce-status"), explorer.locator(".ce-frame")

    def state():  # what a reader gets: the announced sentence, the picture, its alt
        return (
            status.inner_text(),
            frame.get_attribute("src"),
            frame.get_attribute("alt"),
        )

    expect(explorer).to_be_visible()
    expect(status).to_have_attribute("aria-live", "polite")
    expect(explorer.locator(".ce-note")).to_be_hidden()
    sliders = explorer.locator('input[type="range"]')
    assert sliders.count() >= 1
    for slider in sliders.all():
        label = explorer.locator(f'label[for="{slider.get_attribute("id")}"]')
        expect(label).to_have_text(re.compile(r"\w"))  # a visible label names it
        before, top = state(), slider.get_attribute("max")
        slider.focus()
        page.keyboard.press(
            "ArrowLeft" if slider.input_value() == top else "ArrowRight"
        )
        expect(status).not_to_have_text(before[0])
        after = state()
        assert after[1] != before[1], "the keyboard moved the slider, not the picture"
        assert after[2].endswith(after[0]) and after[2] != before[2]
        assert slider.get_attribute("aria-valuetext") in after[0]
        # the mouse: a click at one end of the track picks the value there
        box, end = slider.bounding_box(), "0" if slider.input_value() == top else top
        x = 2 if end == "0" else box["width"] - 2
        slider.click(position={"x": x, "y": box["height"] / 2})
        expect(slider).to_have_value(end)
        expect(status).not_to_have_text(after[0])


def test_sidebar_lists_the_pages_in_order(visited):
    links = visited(PAGES[0]).page.locator("nav.bd-docs-nav a.reference.internal")
    # the home page first (html.home_page_in_navbar); Sphinx curls straight apostrophes
    texts = [text.strip().replace("’", "'") for text in links.all_inner_texts()]
    assert texts == list(LESSONS["page"])


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


class _Loads(HTMLParser):
    """The files a page loads itself: pictures, scripts, style sheets, icons."""

    def __init__(self):
        super().__init__()
        self.files = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        rel = set((attrs.get("rel") or "").split())
        if tag in ("img", "script", "source") and attrs.get("src"):
            self.files.add(attrs["src"])
        elif tag == "link" and rel & {"stylesheet", "preload", "icon", "modulepreload"}:
            self.files.add(attrs["href"])


def test_every_lesson_page_stays_light():
    pages = sorted((SITE / "notebooks").glob("[0-9][0-9]_*.html"))
    assert {page.stem for page in pages} >= set(EXPLORERS), "build the site: make book"
    weights = {}
    for page in pages:
        text = page.read_text(encoding="utf-8")
        loads = _Loads()
        loads.feed(text)
        files = {
            (page.parent / re.split(r"[?#]", src)[0]).resolve()
            for src in loads.files
            if not src.startswith(("data:", "http:", "https:"))
        }
        site = SITE.resolve()
        own = [
            f for f in files if not f.relative_to(site).as_posix().startswith(SHARED)
        ]
        assert all(f.is_file() for f in own), f"{page.name} loads missing files"
        explorers = re.findall(
            r'class="ce-frames">.*?</script>|class="ce-frame" src="[^"]*"', text
        )
        weights[page.stem] = (len(text.encode()) + sum(f.stat().st_size for f in own),
                              sum(len(part) for part in explorers))  # fmt: skip
    report = (
        "bytes loaded beyond the theme and MathJax (of them, explorers):\n"
        + "\n".join(
            f"{stem}: {page / 1e6:.2f} MB ({added / 1e6:.2f} MB)"
            for stem, (page, added) in weights.items()
        )
    )
    assert all(weights[stem][1] > 0 for stem in EXPLORERS), report
    assert all(added <= EXPLORER_LIMIT for _, added in weights.values()), report
    assert all(page <= PAGE_LIMIT for page, _ in weights.values()), report
