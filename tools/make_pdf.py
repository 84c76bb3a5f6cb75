"""Print the built website as PDF: the whole course, and the cheat sheet on its own.

Usage: ``python tools/make_pdf.py`` (``make pdf`` builds the site first). It writes
``_build/pdf/course.pdf`` (every page of ``_toc.yml`` in order, each starting on a new A4 page
with a bookmark of its title) and ``_build/pdf/cheat_sheet.pdf``.

Debian's Chromium prints each page of ``_build/html``, served by this process on a port it
holds, with the site's print style (``_static/course-print.css``). The printing is offline: a
request to any other host, a failed request, a page error or a control left visible in print
stops the build. Folded hints and solutions are unfolded, so they print under a "Hint" or
"Solution" label; the quiz prints as a paper quiz (its answer key is in the instructor's guide,
the last part). pypdf joins the pages and writes the bookmarks.
"""

from __future__ import annotations

import contextlib
import functools
import html
import http.server
import io
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlparse

from playwright.sync_api import sync_playwright
from pypdf import PdfReader, PdfWriter

from course_utils.course_map import course_map

ROOT = Path(__file__).resolve().parents[1]
SITE = ROOT / "_build" / "html"
OUT = ROOT / "_build" / "pdf"
# Chromium's headless shell (Debian's chromium-headless-shell, installed by `make browser`):
# the same engine as the browser, without its window machinery (a fifth less CPU per page)
CHROMIUM = "/usr/lib/chromium/chromium-headless-shell"
#: How the site's browser starts (here and in the browser tests): no sandbox (a container,
#: root), no GPU, no background requests of its own, and offline: it finds no host but this
#: machine, so a request to any other fails. (Playwright's routes could block them too, but
#: they switch the HTTP cache off: every page would fetch the theme and MathJax again.)
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]
CHEAT_SHEET = "appendix/cheat_sheet"
# the longest a page may take to load and settle (a busy 2-core machine)
WAIT_MS = 60_000
PAPER = {
    "format": "A4",
    "margin": dict.fromkeys(("top", "bottom", "left", "right"), "12mm"),
    "print_background": True,
    "display_header_footer": True,
    "header_template": "<span></span>",
}
# Each sheet's foot: the page's title and the sheet's number within that page.
FOOTER = (
    '<div style="font: 8pt sans-serif; color: #555; width: 100%; text-align: center">'
    '{title} &middot; <span class="pageNumber"></span> / <span class="totalPages"></span>'
    "</div>"
)
# Run in the page before printing: wait for its maths and fonts (an error after WAIT_MS: the
# evaluation would wait for ever), unfold hints and solutions.
PREPARE = f"""async () => {{
    await Promise.race([
        (async () => {{ await window.MathJax?.startup?.promise; await document.fonts.ready; }})(),
        new Promise((_, reject) => setTimeout(
            () => reject(new Error("maths or fonts not ready in {WAIT_MS} ms")), {WAIT_MS})),
    ]);
    document.querySelectorAll("details").forEach(d => {{ d.open = true; }});
}}"""
# What a reader could click, left visible in print (the quiz's options print as text).
CONTROLS = """() => [...document.querySelectorAll(
    "button:not(.cq-option), input, select, textarea, summary, [role=slider], [role=button]"
)].filter(e => e.checkVisibility()).map(e => e.outerHTML.slice(0, 120))"""


def toc_pages() -> list[str]:
    """The course's pages in reading order (:func:`course_utils.course_map.course_map`),
    each as its source path without suffix (``notebooks/03_choosing_k``)."""
    return [str(Path(file).with_suffix("")) for file in course_map()["file"]]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextlib.contextmanager
def serve(directory: Path):
    """Serve ``directory`` over HTTP on 127.0.0.1, on a port the system gives this process
    and that it holds until the block ends; yields the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def print_page(browser, url: str) -> tuple[str, bytes, list[str]]:
    """Print one page of the site to PDF, offline.

    Parameters
    ----------
    browser : playwright.sync_api.Browser
        A running Chromium.
    url : str
        The page, on the local server.

    Returns
    -------
    title : str
        The page's title (its first heading).
    pdf : bytes
        The printed page, A4.
    problems : list of str
        What makes the print wrong: a request to another host (it fails), a failed request,
        an error in the page, a control (button, slider, toggle) visible in print.
    """
    page = browser.new_page(color_scheme="light")
    page.set_default_timeout(WAIT_MS)
    problems, site = [], urlparse(url).netloc

    def leaves(request):  # data: URLs have no host
        if urlparse(request.url).netloc not in (site, ""):
            problems.append(f"asks another host for {request.url}")

    page.on("request", leaves)
    page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    page.on("requestfailed", lambda r: problems.append(f"request failed: {r.url}"))
    page.on(
        "response", lambda r: r.status >= 400 and problems.append(f"{r.status} {r.url}")
    )
    page.goto(url, wait_until="load")
    page.evaluate(PREPARE)
    page.emulate_media(media="print")
    problems += [f"visible in print: {html}" for html in page.evaluate(CONTROLS)]
    title = page.locator("#jb-print-docs-body h1").inner_text().strip()
    footer = FOOTER.format(title=html.escape(title))
    pdf = page.pdf(outline=True, tagged=True, footer_template=footer, **PAPER)
    page.close()
    return title, pdf, problems


def join(printed: list[tuple[str, bytes]], path: Path) -> int:
    """Write printed pages, in order, as one PDF with a bookmark per page.

    Parameters
    ----------
    printed : list of (str, bytes)
        Each page's title and PDF, as :func:`print_page` returns them.
    path : Path
        The PDF to write.

    Returns
    -------
    int
        The number of pages written.
    """
    writer = PdfWriter()
    for title, pdf in printed:
        writer.append(PdfReader(io.BytesIO(pdf)), outline_item=title)
    writer.page_mode = "/UseOutlines"
    writer.add_metadata({"/Title": printed[0][0]})
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as out:
        writer.write(out)
    return len(writer.pages)


def main() -> int:
    """Print the course and the cheat sheet into ``_build/pdf``; 1 (and nothing written) if
    the site is missing or a page cannot be printed as it should."""
    if not (SITE / "index.html").is_file():
        print("The site is not built: run `make book` first.", file=sys.stderr)
        return 1
    start, failed = time.perf_counter(), []
    with serve(SITE) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS
        )
        printed = {}
        for name in toc_pages():
            title, pdf, problems = print_page(browser, f"{base}/{name}.html")
            printed[name] = title, pdf
            failed += [f"{name}: {problem}" for problem in problems]
        browser.close()
    if failed:
        print("Not printed:", *failed, sep="\n  ", file=sys.stderr)
        return 1
    outputs = {
        OUT / "course.pdf": list(printed.values()),
        OUT / "cheat_sheet.pdf": [printed[CHEAT_SHEET]],
    }
    for path, pages in outputs.items():
        count = join(pages, path)
        size = path.stat().st_size / 1e6
        print(f"{path.relative_to(ROOT)}: {count} pages, {size:.1f} MB")
    print(f"printed in {time.perf_counter() - start:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
