// The course website's own fixes to its theme pair (pydata-sphinx-theme 0.17 and
// sphinx-book-theme 1.3); tests/test_site_browser.py checks each in a real browser.

// Both themes render a `.primary-toggle` (and a `.secondary-toggle`) button, and both attach
// their click listeners to the first one in the page only: the header's, which this site
// hides. The visible buttons in the article header did nothing, so on a phone the menu and
// the page contents could not be opened (pydata-sphinx-theme#2451, sphinx-book-theme#988).
// A click on any other toggle is handed to the first one, whose listeners do the work (a
// dialog on a narrow screen, a collapsing sidebar on a wide one).
document.addEventListener("DOMContentLoaded", () => {
  for (const kind of ["primary", "secondary"]) {
    const [first, ...others] = document.querySelectorAll(`.${kind}-toggle`);
    for (const button of others) {
      button.addEventListener("click", (event) => {
        event.preventDefault();
        event.stopPropagation();
        first.click();
      });
    }
  }
});

// A control's spoken name must contain the words it shows (WCAG 2.5.3, axe's
// label-content-name-mismatch, "serious"): a speech-input user says what they see. The
// theme names its search button "Search" while it shows "Search Ctrl+K", and MyST-NB names
// every fold "Toggle hidden content" while it shows "Show hint" or "Show solution". Without
// the aria-label each is named by the text it shows.
document.addEventListener("DOMContentLoaded", () => {
  const named = '.search-button-field[aria-label], summary[aria-label="Toggle hidden content"]';
  for (const control of document.querySelectorAll(named)) {
    control.removeAttribute("aria-label");
  }
});
