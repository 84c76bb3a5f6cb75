"""`make lab` as a learner meets it: JupyterLab started by the Makefile's own command, where a
lesson's .py opens as a notebook with its stored outputs and its kernel (headless Debian
Chromium driven by Playwright)."""

import os
import shlex
import shutil
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
TOKEN = "course-test-token"
# What a learner's copy of the repository needs for the lessons to open and run in Lab.
SERVED = ["notebooks", "data", "jupytext.toml"]

pytestmark = pytest.mark.browser


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def make_lab_command() -> list[str]:
    """The command `make lab` runs (read with `make -n`, so the test follows the Makefile)."""
    printed = subprocess.run(
        ["make", "--no-print-directory", "-n", "-s", "lab"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    line = next(line for line in reversed(printed) if " lab " in f"{line} ")
    command = shlex.split(line)
    if not Path(command[0]).is_absolute():
        command[0] = str(ROOT / command[0])
    return command


@pytest.fixture(scope="module")
def lab_url(tmp_path_factory):
    command = make_lab_command()
    roots = [arg for arg in command if arg.startswith("--ServerApp.root_dir=")]
    assert roots == [f"--ServerApp.root_dir={ROOT}"], (
        f"`make lab` must serve the repository root, got {roots}"
    )
    # serve a copy of the repository: running cells in the browser must never save over ours
    root = tmp_path_factory.mktemp("lab-root")
    for name in SERVED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, root / name)
        else:
            shutil.copy2(source, root / name)
    runtime = tmp_path_factory.mktemp("jupyter-runtime")
    port = free_port()
    command = [arg for arg in command if arg not in roots] + [
        f"--ServerApp.root_dir={root}",
        "--no-browser",
        "--allow-root",
        f"--port={port}",
        f"--IdentityProvider.token={TOKEN}",
        "--ServerApp.ip=127.0.0.1",
        f"--LabApp.workspaces_dir={runtime}",
        "--LabApp.user_settings_dir=" + str(runtime / "settings"),
        "--LabApp.expose_app_in_browser=True",
    ]
    server = subprocess.Popen(
        command,
        cwd=root,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "JUPYTER_RUNTIME_DIR": str(runtime)},
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            try:
                urllib.request.urlopen(f"{url}/api/status?token={TOKEN}", timeout=1)
                break
            except OSError:
                time.sleep(0.5)
        else:
            pytest.fail("JupyterLab did not start within 60 s")
        yield url
    finally:
        server.terminate()
        server.wait(timeout=30)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} not found: run `make browser`")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield browser
        browser.close()


def current_panel(page):
    return page.locator(".jp-NotebookPanel:not(.lm-mod-hidden)")


def test_make_lab_opens_lesson_00_paired_with_its_outputs_and_kernel(browser, lab_url):
    page = browser.new_page()
    # the server's front page, as the browser `make lab` opens: it must lead to lesson 00
    page.goto(f"{lab_url}/?token={TOKEN}")
    panel = current_panel(page)
    panel.wait_for(timeout=60_000)
    page.locator(".jp-NotebookPanel h1", has_text="Lesson 0").first.wait_for(
        timeout=30_000
    )
    tab = page.locator(".lm-DockPanel-tabBar .lm-TabBar-tab.lm-mod-current")
    assert tab.inner_text().strip() == "00_introduction.py"
    # the kernel starts by itself: no "Select Kernel" dialog, the status bar reaches Idle
    page.locator("#jp-main-statusbar", has_text="Idle").wait_for(timeout=60_000)
    assert page.locator(".jp-Dialog").count() == 0, page.locator(
        ".jp-Dialog"
    ).inner_text()
    # the stored outputs of the paired .ipynb are shown (printed text and figures)
    panel.locator(".jp-OutputArea-output").first.wait_for(timeout=30_000)
    # opening a lesson (and starting its kernel) must not mark it modified
    page.wait_for_timeout(2_000)
    dirty = page.evaluate("window.jupyterapp.shell.currentWidget.context.model.dirty")
    assert dirty is False, "opening lesson 00 marked it modified"
    assert page.locator(".lm-TabBar-tab.jp-mod-dirty").count() == 0
    # no "Jupyter news" question greets the learner
    assert page.locator(".Toastify__toast", has_text="news").count() == 0
    page.close()


def test_the_file_browser_reaches_data_from_the_repository_root(browser, lab_url):
    page = browser.new_page()
    page.goto(f"{lab_url}/lab/tree/notebooks/01_scaling_encoding.py?token={TOKEN}")
    current_panel(page).wait_for(timeout=60_000)
    page.locator("#jp-main-statusbar", has_text="Idle").wait_for(timeout=60_000)
    assert page.locator(".jp-Dialog").count() == 0
    # the stored outputs come from the paired .ipynb (a .py alone has none)
    current_panel(page).locator(".jp-OutputArea-output").first.wait_for(timeout=30_000)
    page.locator(".jp-BreadCrumbs-home").first.click()
    # the listing's names, shown or not (a busy machine may draw the panel late)
    listing = page.locator(".jp-DirListing-itemName")
    listing.filter(has_text="data").first.wait_for(state="attached", timeout=30_000)
    names = [name.strip() for name in listing.all_text_contents()]
    assert "data" in names and "notebooks" in names, names
    page.close()


def test_quiz_gives_instant_feedback_in_jupyterlab(browser, lab_url):
    """Run lesson 06's quiz cell in JupyterLab and answer a question in its output."""
    from course_utils.quiz import load_bank

    first = load_bank()[0]
    wrong = next(i for i, option in enumerate(first.options) if not option.correct)
    page = browser.new_page()
    page.goto(f"{lab_url}/lab/tree/notebooks/06_quiz.py?token={TOKEN}")
    panel = current_panel(page)
    panel.wait_for(timeout=60_000)
    panel.locator(".jp-Cell").first.wait_for(timeout=30_000)
    page.wait_for_function("window.jupyterapp !== undefined", timeout=30_000)
    # With two lessons already open, Lab sometimes asks which kernel to start for a third:
    # answer as a learner would (the preferred kernel is selected), then wait for it.
    dialog = page.locator(".jp-Dialog", has_text="Select Kernel")
    try:
        dialog.wait_for(timeout=8_000)
        dialog.get_by_role("button", name="Select", exact=True).click(timeout=5_000)
    except PlaywrightTimeoutError:
        pass  # no dialog: the kernel starts by itself
    page.locator("#jp-main-statusbar", has_text="Idle").wait_for(timeout=60_000)
    # Run the quiz's cell (the third), as a learner would: its stored output is not
    # trusted, so its buttons only work once it has run here. Start the command without
    # awaiting it: evaluate would wait on the command's promise with no time limit.
    page.evaluate(
        """() => {
            const notebook = window.jupyterapp.shell.currentWidget.content;
            notebook.activeCellIndex = 2;
            notebook.scrollToItem(2);
            window.jupyterapp.commands.execute('notebook:run-cell');
        }"""
    )
    question = page.locator(f"#quiz-{first.id}")
    question.wait_for(timeout=120_000)
    question.locator(".cq-option").nth(wrong).click()
    feedback = question.locator(".cq-feedback")
    feedback.wait_for(timeout=10_000)
    assert feedback.inner_text().startswith("✘ Not quite.")
    assert first.options[wrong].explanation in feedback.inner_text()
    assert (
        page.locator("#quiz .cq-score").inner_text().startswith("Score: 0 / 1 answered")
    )
    page.close()
