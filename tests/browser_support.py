"""What the browser tests share: Debian's headless Chromium driven by Playwright,
the built site served on a port this process holds, and pages opened offline with every
error recorded. Every wait has a time limit and running out fails the test; nothing
sleeps a fixed time."""

import re
from pathlib import Path
from urllib.parse import urlparse

import pytest
from make_pdf import CHROMIUM, CHROMIUM_ARGS, serve  # the site's offline browser
from playwright.sync_api import expect, sync_playwright

ROOT = Path(__file__).resolve().parents[1]
SITE = ROOT / "_build" / "html"
WAIT_MS = 20_000  # the longest one step on a site page may take (a busy 2-core machine)
expect.set_options(timeout=WAIT_MS)
# A page has settled once its maths is typeset and the fonts that asked for have loaded
# (the `load` event has waited for its scripts and images).
SETTLED = "async () => { await window.MathJax?.startup?.promise; await document.fonts.ready; }"
#: axe-core, installed from npm by the Makefile (package.json pins it), injected from disk.
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
# Every rule of axe-core's default set runs: none is switched off. The contents of the
# elements ``aside`` selects are out of the page during the run (axe would still walk them).
AXE_RUN = """async ([context, aside]) => {
    const set = [...document.querySelectorAll(aside ?? ":not(*)")];
    const kept = set.map(element => [...element.childNodes]);
    set.forEach(element => element.replaceChildren());
    const found = await axe.run(context ?? document, {resultTypes: ["violations"]})
        .finally(() => set.forEach((element, i) => element.replaceChildren(...kept[i])));
    return found.violations; }"""


def within(page, script, arg=None, ms=WAIT_MS):
    """``page.evaluate(script, arg)``, whose promise must settle within ``ms`` or the test
    fails (Playwright's evaluate would wait for ever)."""
    return page.evaluate(
        f"""async arg => Promise.race([({script})(arg), new Promise((_, reject) =>
            setTimeout(() => reject(new Error("no answer within {ms} ms")), {ms}))])""",
        arg,
    )


def serious_violations(page, context=None, ms=WAIT_MS, aside=None):
    """What axe-core finds of impact "serious" or "critical" on ``page`` (within
    ``context``, a CSS selector or an axe context, else the whole page), one line a rule;
    the contents of the elements ``aside`` selects are put back once axe has run."""
    if not AXE.is_file():
        pytest.fail(f"{AXE} is missing: run `make book` (it runs npm ci)")
    if not page.evaluate("() => 'axe' in window"):
        page.add_script_tag(path=AXE)
    found = within(page, AXE_RUN, [context, aside], ms)
    return [
        f"{v['id']} ({v['impact']}, {v['help']}): {[n['target'] for n in v['nodes']]}"
        for v in found
        if v["impact"] in ("serious", "critical")
    ]


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(
            f"{CHROMIUM} not found: run `make browser` (make test does it first)"
        )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def site_url():
    """The built site, served by this process on a port the system gave it and that it
    holds to the end (``make_pdf.serve``): no other process can take it."""
    if not (SITE / "index.html").is_file():
        pytest.fail("the site is not built: run `make book` (make test does it first)")
    with serve(SITE) as url:
        yield url


class Visit:
    """A page opened offline, the errors it reported and the requests it sent outside the
    site (they failed: the browser is offline)."""

    def __init__(self, page):
        self.page, self.errors, self.blocked = page, [], []

    def assert_clean(self):
        assert self.errors == [], self.errors
        assert self.blocked == [], f"asks the internet for {self.blocked}"


def open_page(opener, url, viewport=None, color_scheme="light"):
    """Open ``url`` in a new page of ``opener``: a browser (a fresh context of its own) or a
    context (its cache and storage shared). Every request outside the site is recorded in
    the Visit's ``blocked``; console errors, page errors, failed requests and HTTP errors go
    to its ``errors``."""
    page = opener.new_page()
    page.set_viewport_size(viewport or {"width": 1366, "height": 768})
    page.emulate_media(color_scheme=color_scheme)
    page.set_default_timeout(WAIT_MS)
    visit, site = Visit(page), "{0.scheme}://{0.netloc}/".format(urlparse(url))
    error = visit.errors.append

    def leaves(request):  # data: and blob: URLs stay in the page
        if request.url.startswith(("http", "ws")) and not request.url.startswith(site):
            visit.blocked.append(request.url)

    page.on("request", leaves)
    page.on("console", lambda m: m.type == "error" and error(f"console: {m.text}"))
    page.on(
        "response", lambda r: r.status >= 400 and error(f"HTTP {r.status}: {r.url}")
    )
    page.on("pageerror", lambda e: error(f"page error: {e}"))
    page.on("requestfailed", lambda r: error(f"request failed: {r.url}"))
    response = page.goto(url, wait_until="load")
    assert response and response.ok, f"{url}: HTTP {response and response.status}"
    within(page, SETTLED)
    return visit


def contrast(foreground: str, background: str) -> float:
    """WCAG contrast ratio of two CSS ``rgb()``/``rgba()`` colours."""

    def luminance(colour):
        channels = [float(c) / 255 for c in re.findall(r"[\d.]+", colour)[:3]]
        linear = [
            c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
            for c in channels
        ]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    high, low = sorted([luminance(foreground), luminance(background)], reverse=True)
    return (high + 0.05) / (low + 0.05)


def colours(locator) -> list[str]:
    """An element's computed text and background colours."""
    return locator.evaluate(
        "e => [getComputedStyle(e).color, getComputedStyle(e).backgroundColor]"
    )
