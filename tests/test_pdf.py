"""The printed course (`make pdf`, tools/make_pdf.py): every page of the table of contents in
order, each with its bookmark and its figures, no control left in the text, and a cheat sheet
on one A4 sheet. `make pdf` runs these after printing (COURSE_PDF=1); `make test` and
`make check` do not print, so here they are skipped."""

import html
import os
import re
from itertools import pairwise

import pytest
from make_pdf import OUT, SITE, toc_pages
from pypdf import PdfReader

pytestmark = pytest.mark.skipif(
    os.environ.get("COURSE_PDF") != "1", reason="`make pdf` prints and runs these"
)
# Labels only a screen shows: folded hints and solutions, the quiz's and the theme's buttons.
LEFTOVER = re.compile(
    r"^\s*(Show solution|Hide solution|Show hint|Hide hint|Check answer|Start again|"
    r"Score: 0 / 0 answered.*|Search|Ctrl\+K|Open issue|Back to top|Fullscreen mode)\s*$",
    re.MULTILINE,
)
A4 = (595.3, 841.9)  # points


def site_page(name):
    """A page's title (its <title> without the site's name) and figures (distinct images)."""
    text = (SITE / f"{name}.html").read_text(encoding="utf-8")
    title = html.unescape(re.search(r"<title>(.*?)</title>", text).group(1))
    images = set(re.findall(r'src="[^"]*_images/[^"]+"', text))
    return title.rsplit(" \u2014 ", 1)[0], images


def test_every_page_in_order_with_its_bookmark_and_figures_and_a_one_page_cheat_sheet():
    course = PdfReader(OUT / "course.pdf")
    top = [item for item in course.outline if not isinstance(item, list)]
    starts = [course.get_destination_page_number(item) for item in top]
    names = toc_pages()
    assert [item.title for item in top] == [site_page(name)[0] for name in names]
    spans = list(pairwise([*starts, len(course.pages)]))
    assert starts[0] == 0 and all(first < end for first, end in spans)
    for name, (first, end) in zip(names, spans, strict=True):
        images = sum(len(course.pages[i].images) for i in range(first, end))
        assert images >= len(site_page(name)[1]), f"{name}: figures missing"
    for number, page in enumerate(course.pages, start=1):
        found = LEFTOVER.findall(page.extract_text())
        assert not found, f"page {number} shows {found}"
    sheet = PdfReader(OUT / "cheat_sheet.pdf")
    assert len(sheet.pages) == 1
    box = sheet.pages[0].mediabox
    assert (float(box.width), float(box.height)) == pytest.approx(A4, abs=2)
    assert "Cheat sheet" in sheet.pages[0].extract_text()
