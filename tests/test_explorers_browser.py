"""The lessons' explorers (course_utils/explorers.py) in a real browser: live in JupyterLab,
offline on the built site (keyboard and mouse, no request leaves the site), and the weight
of every lesson page."""

import re
from html.parser import HTMLParser

import pytest
from browser_support import SITE, expect, open_page
from browser_support import browser as browser
from browser_support import site_url as site_url
from test_lab_browser import LAB_MS, TOKEN, open_lesson
from test_lab_browser import lab_url as lab_url

pytestmark = pytest.mark.browser
#: The explorers each lesson page shows (their ``name``)
EXPLORERS = {
    "02_kmeans_from_scratch": ["lloyd-steps"],
    "03_choosing_k": ["choose-k"],
    "04_four_algorithms": ["dbscan-eps"],
}
PAGE_LIMIT = (
    1_500_000  # bytes a lesson page may load beyond the shared theme and MathJax
)
EXPLORER_LIMIT = 1_000_000  # bytes the explorers may add to a page
SHARED = ("_static/", "mathjax/")


def state(explorer):
    """What a reader of the explorer gets: the announced sentence, the picture, its alt."""
    frame = explorer.locator(".ce-frame")
    status = explorer.locator(".ce-status").inner_text()
    return status, frame.get_attribute("src"), frame.get_attribute("alt")


@pytest.mark.parametrize("lesson", sorted(EXPLORERS))
def test_explorers_switch_frames_offline_by_keyboard_and_mouse(
    browser, site_url, lesson
):
    visit = open_page(browser, f"{site_url}/notebooks/{lesson}.html")
    page = visit.page
    for name in EXPLORERS[lesson]:
        explorer = page.locator(f'#explorer-{name}.course-explorer[data-ready="1"]')
        expect(explorer).to_be_visible()
        expect(explorer.locator(".ce-status")).to_have_attribute("aria-live", "polite")
        expect(explorer.locator(".ce-note")).to_be_hidden()
        sliders = explorer.locator('input[type="range"]')
        assert sliders.count() >= 1
        for slider in sliders.all():
            label = explorer.locator(f'label[for="{slider.get_attribute("id")}"]')
            expect(label).to_have_text(re.compile(r"\w"))  # a visible label names it
            before = state(explorer)
            slider.focus()
            key = (
                "ArrowLeft"
                if slider.input_value() == slider.get_attribute("max")
                else "ArrowRight"
            )
            page.keyboard.press(key)
            expect(explorer.locator(".ce-status")).not_to_have_text(before[0])
            after = state(explorer)
            assert after[1] != before[1], (
                "the keyboard moved the slider, not the picture"
            )
            assert after[2].endswith(after[0]) and after[2] != before[2]
            assert slider.get_attribute("aria-valuetext") in after[0]
            # the mouse: a click at one end of the track picks the value there
            top, box = slider.get_attribute("max"), slider.bounding_box()
            end = "0" if slider.input_value() == top else top
            x = 2 if end == "0" else box["width"] - 2
            slider.click(position={"x": x, "y": box["height"] / 2})
            expect(slider).to_have_value(end)
            expect(explorer.locator(".ce-status")).not_to_have_text(after[0])
    visit.assert_clean()  # no error, and no request left the site
    page.close()


def test_an_explorer_is_live_in_jupyterlab(browser, lab_url):
    """Run lesson 02 down to its explorer, as a learner would: the kernel draws a new
    frame when the slider moves (by keyboard)."""
    url = f"{lab_url}/lab/workspaces/explore/tree/notebooks/02_kmeans_from_scratch.py"
    page, panel = open_lesson(browser, f"{url}?token={TOKEN}")
    index = page.evaluate(
        """() => { const notebook = window.jupyterapp.shell.currentWidget.content;
            const index = notebook.widgets.findIndex(
                cell => cell.model.sharedModel.getSource().includes("def draw_step"));
            notebook.activeCellIndex = index;
            window.jupyterapp.commands.execute("notebook:run-all-above");
            window.jupyterapp.commands.execute("notebook:run-cell");
            return index; }"""
    )
    assert index >= 0, "no cell of lesson 02 shows the explorer"
    live = panel.locator(".jp-OutputArea-output .course-explorer.widget-vbox")
    frame = live.locator(".ce-figure img")
    expect(frame).to_be_visible(timeout=LAB_MS)
    status = live.locator(".ce-status")
    expect(status).to_have_text(re.compile(r"^Step 0 of \d+"))
    first = frame.get_attribute("src")
    live.locator('[role="slider"]').first.focus()
    page.keyboard.press("ArrowRight")
    expect(status).to_have_text(re.compile(r"^Step 1 of \d+"), timeout=LAB_MS)
    expect(frame).not_to_have_attribute("src", first, timeout=LAB_MS)
    page.close()


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
