"""`make lab` as a learner meets it: JupyterLab with jupytext, where a lesson's .py opens as a
notebook (headless Debian Chromium driven by Playwright)."""

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
TOKEN = "course-test-token"

pytestmark = pytest.mark.browser


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def lab_url(tmp_path_factory):
    port = free_port()
    runtime = tmp_path_factory.mktemp("jupyter-runtime")
    # serve a copy of the lessons: running cells in the browser must never save over ours
    root = tmp_path_factory.mktemp("lab-root")
    shutil.copytree(ROOT / "notebooks", root / "notebooks")
    shutil.copy2(ROOT / "jupytext.toml", root / "jupytext.toml")
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "jupyter",
            "lab",
            "--no-browser",
            "--allow-root",
            f"--port={port}",
            f"--IdentityProvider.token={TOKEN}",
            "--ServerApp.ip=127.0.0.1",
            f"--ServerApp.root_dir={root}",
            f"--LabApp.workspaces_dir={runtime}",
            "--LabApp.expose_app_in_browser=True",
        ],
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


def test_a_lesson_script_opens_as_a_notebook(lab_url):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        page = browser.new_page()
        page.goto(
            f"{lab_url}/lab/workspaces/intro/tree/notebooks/00_introduction.py?reset&token={TOKEN}"
        )
        notebook = page.locator(".jp-NotebookPanel .jp-Notebook")
        notebook.first.wait_for(timeout=60_000)
        cells = page.locator(".jp-NotebookPanel .jp-Cell")
        cells.nth(2).wait_for(timeout=30_000)
        # JupyterLab renders only the cells in view; the first ones prove it is a notebook
        assert cells.count() >= 3
        # a rendered markdown cell: the lesson's title
        page.locator(".jp-NotebookPanel h1", has_text="Lesson 0").first.wait_for(
            timeout=30_000
        )
        browser.close()


def test_quiz_gives_instant_feedback_in_jupyterlab(lab_url):
    """Run lesson 06's quiz cell in JupyterLab and answer a question in its output."""
    from playwright.sync_api import sync_playwright

    from course_utils.quiz import load_bank

    first = load_bank()[0]
    wrong = next(i for i, option in enumerate(first.options) if not option.correct)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        page = browser.new_page()
        page.goto(
            f"{lab_url}/lab/workspaces/quiz/tree/notebooks/06_quiz.py?reset&token={TOKEN}"
        )
        panel = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden)")
        panel.wait_for(timeout=60_000)
        panel.locator(".jp-Cell").first.wait_for(timeout=30_000)
        page.wait_for_function("window.jupyterapp !== undefined", timeout=30_000)
        # wait for the kernel before running anything
        page.locator("#jp-main-statusbar", has_text="Idle").wait_for(timeout=60_000)
        page.evaluate("window.jupyterapp.commands.execute('notebook:run-all-cells')")
        # the last code cell's output says the run is over
        page.get_by_text("expected exactly 1 correct option, found 2").wait_for(
            timeout=120_000
        )
        # JupyterLab renders only the cells in view: bring the quiz's cell (the third) back
        page.evaluate("window.jupyterapp.shell.currentWidget.content.scrollToItem(2)")
        question = page.locator(f"#quiz-{first.id}")
        question.wait_for(timeout=60_000)
        question.locator(".cq-option").nth(wrong).click()
        feedback = question.locator(".cq-feedback")
        feedback.wait_for(timeout=10_000)
        assert feedback.inner_text().startswith("✘ Not quite.")
        assert first.options[wrong].explanation in feedback.inner_text()
        assert (
            page.locator("#quiz .cq-score")
            .inner_text()
            .startswith("Score: 0 / 1 answered")
        )
        browser.close()
