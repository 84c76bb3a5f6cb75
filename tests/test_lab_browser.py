"""`make lab` as a learner meets it: JupyterLab started by the Makefile's own command, where a
lesson's .py opens as a notebook with its stored outputs and its kernel, and its quiz and
explorers work (headless Debian Chromium driven by Playwright)."""

import contextlib
import http.client
import json
import os
import queue
import re
import secrets
import shlex
import shutil
import subprocess
import threading
import time
import urllib.request

import jupytext
import pytest
from browser_support import ROOT, expect, serious_violations, within
from browser_support import browser as browser
from def_use import cells_needed

pytestmark = pytest.mark.browser
TOKEN = secrets.token_hex(16)  # this run's: no other Jupyter server answers to it
# the longest one step in Lab may take (starting a kernel on a busy 2-core machine)
LAB_MS = 120_000
# What a learner's copy of the repository needs for the lessons to open and run in Lab.
SERVED = ["notebooks", "data", "jupytext.toml"]
PANEL = ".jp-NotebookPanel:not(.lm-mod-hidden)"  # the lesson in the current tab


def make_lab_command() -> list[str]:
    """The command `make lab` runs (read with `make -n`: the test follows the Makefile)."""
    make = ["make", "--no-print-directory", "-n", "-s", "lab"]
    printed = subprocess.run(make, cwd=ROOT, capture_output=True, text=True, check=True)
    line = next(line for line in printed.stdout.splitlines()[::-1] if " lab " in line)
    command = shlex.split(line)
    return [str(ROOT / command[0]), *command[1:]]  # the venv's jupyter, made absolute


def start_lab(command, root, runtime):
    """Start Lab on a port the system picks (Jupyter binds it until it stops); return the
    server, its log and its URL once it answers this run's token, or URL None if it stopped
    first (another program took the port between Jupyter's choice and its bind)."""
    server = subprocess.Popen(
        [*command, "--ServerApp.port=0", "--ServerApp.port_retries=0"],
        cwd=root,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "JUPYTER_RUNTIME_DIR": str(runtime)},
    )
    log, ports = [], queue.Queue()

    def read():  # the whole log, to its end (a full pipe would stall the server)
        for line in server.stderr:
            log.append(line)
            if found := re.search(r"http://127\.0\.0\.1:(\d+)/", line):
                ports.put(int(found[1]))
        ports.put(None)

    threading.Thread(target=read, daemon=True).start()
    deadline = time.monotonic() + LAB_MS / 1000
    with contextlib.suppress(queue.Empty):
        port = ports.get(timeout=LAB_MS / 1000)  # None: it stopped before saying
        while port and time.monotonic() < deadline:
            status = urllib.request.Request(
                f"http://127.0.0.1:{port}/api/status",
                headers={"Authorization": f"token {TOKEN}"},
            )
            with contextlib.suppress(OSError, http.client.HTTPException, ValueError):
                with urllib.request.urlopen(status, timeout=10) as answer:
                    if "started" in json.load(answer):
                        return server, log, f"http://127.0.0.1:{port}"
            # not listening yet, or another program answered: wait, or for the server's end
            with contextlib.suppress(subprocess.TimeoutExpired):
                server.wait(timeout=0.2)
                break
    if server.poll() is None:
        server.kill()
        pytest.fail(f"JupyterLab did not answer within {LAB_MS} ms:\n" + "".join(log))
    return server, log, None


@pytest.fixture(scope="module")
def lab_url(tmp_path_factory):
    command = make_lab_command()
    roots = [arg for arg in command if arg.startswith("--ServerApp.root_dir=")]
    assert roots == [f"--ServerApp.root_dir={ROOT}"], "`make lab` must serve the root"
    # serve a copy of the repository: running cells in the browser must never save over ours
    root = tmp_path_factory.mktemp("lab-root")
    for name in SERVED:
        copy = shutil.copytree if (ROOT / name).is_dir() else shutil.copy2
        copy(ROOT / name, root / name)
    # as a fresh clone may have them: each .ipynb written seconds after its .py
    for py in (root / "notebooks").glob("[0-9]*.py"):
        os.utime(py.with_suffix(".ipynb"), (py.stat().st_mtime + 5,) * 2)
    runtime = tmp_path_factory.mktemp("jupyter-runtime")
    command = [arg for arg in command if arg not in roots] + [
        f"--ServerApp.root_dir={root}",
        "--no-browser",
        "--allow-root",
        f"--IdentityProvider.token={TOKEN}",
        "--ServerApp.ip=127.0.0.1",
        f"--LabApp.workspaces_dir={runtime}",
        f"--LabApp.user_settings_dir={runtime / 'settings'}",
        "--LabApp.expose_app_in_browser=True",
    ]
    for _ in range(3):
        server, log, url = start_lab(command, root, runtime)
        if url:
            break
    else:
        pytest.fail("JupyterLab stopped as it started, 3 times:\n" + "".join(log[-20:]))
    yield url
    server.terminate()
    try:
        server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        server.kill()
        raise


@pytest.fixture(scope="module")
def lab(browser, lab_url):
    """One JupyterLab page for the module, opened at the server's front page, as the browser
    `make lab` opens: it must lead to lesson 00; the other tests open their lessons in it."""
    page = browser.new_page()
    page.set_default_timeout(LAB_MS)
    page.goto(f"{lab_url}/?token={TOKEN}")
    open_lesson(page, "notebooks/00_introduction.py", launch=False)
    yield page
    page.close()


def open_lesson(page, path, launch=True):
    """Open ``path`` in Lab (as a click in the file browser does) unless ``launch`` is False;
    return its panel once it is the current tab, its stored outputs show and its kernel has
    started by itself (no "Select Kernel" dialog) and is idle."""
    if launch:  # without awaiting the command (evaluate would wait with no time limit)
        page.evaluate(
            "path => { jupyterapp.commands.execute('docmanager:open', {path}); }", path
        )
    # the stored outputs come from the paired .ipynb (a .py alone has none); a dialog
    # (e.g. "File Load Error") ends the wait too
    page.wait_for_function(
        """path => document.querySelector(".jp-Dialog") || (widget =>
            widget?.context?.path === path && widget.node.querySelector(
            ".jp-OutputArea-output") && widget.sessionContext.session?.kernel?.status
            === "idle")(window.jupyterapp?.shell.currentWidget)""",
        arg=path,
    )
    dialogs = page.locator(".jp-Dialog")
    assert dialogs.count() == 0, f"Lab asks: {dialogs.all_inner_texts()}"
    return page.locator(PANEL)


def run_cell(page, path, text, needs=False):
    """Run the first cell of lesson ``path`` (open in the current tab) whose code has
    ``text``, as a learner would, without awaiting the run; if ``needs``, first the cells
    above it that it needs (def_use.py: each cell that sets a name it, or one of them, uses)."""
    code = [
        cell for cell in jupytext.read(ROOT / path).cells if cell.cell_type == "code"
    ]
    target = next(i for i, cell in enumerate(code) if text in cell.source)
    sources = [
        code[i].source for i in (cells_needed(code, target) if needs else [target])
    ]
    missing = page.evaluate(
        """sources => { const notebook = jupyterapp.shell.currentWidget.content;
            const at = sources.map(source => notebook.widgets.findIndex(
                cell => cell.model.sharedModel.getSource() === source));
            if (at.includes(-1)) return sources[at.indexOf(-1)];
            for (const index of at) {
                notebook.activeCellIndex = index;
                notebook.scrollToItem(index);
                jupyterapp.commands.execute("notebook:run-cell");
            }
            return null; }""",
        sources,
    )
    assert missing is None, f"Lab shows no cell {missing!r}"


def test_make_lab_opens_lesson_00_paired_with_its_kernel_and_the_data(lab, lab_url):
    page, panel = lab, lab.locator(PANEL)
    tab = page.locator(".lm-DockPanel-tabBar .lm-TabBar-tab.lm-mod-current")
    expect(tab).to_have_text("00_introduction.py")
    expect(panel.locator("h1", has_text="Lesson 0").first).to_be_visible()
    # starting the kernel (Lab then writes its name and language) must not modify the lesson
    dirty = within(
        page,
        """async () => { const widget = window.jupyterapp.shell.currentWidget;
            const kernel = widget.sessionContext.session.kernel;
            await kernel.info; await kernel.spec;
            await new Promise(done => setTimeout(done));
            return widget.context.model.dirty; }""",
        ms=LAB_MS,
    )
    assert dirty is False, "opening lesson 00 marked it modified"
    # the file browser's root is the repository's: data/ is next to notebooks/
    page.locator(".jp-BreadCrumbs-home").first.click()
    names = page.locator(".jp-DirListing-itemName")
    expect(names).to_contain_text(
        [re.compile(r"^\s*data\s*$"), re.compile("notebooks")]
    )
    # no "Jupyter news" question greets the learner: the course's settings switch it off
    plugin = "@jupyterlab/apputils-extension:notification"
    settings = page.request.get(f"{lab_url}/lab/api/settings/{plugin}?token={TOKEN}")
    assert settings.json()["schema"]["properties"]["fetchNews"]["default"] == "false"
    expect(page.locator(".Toastify__toast", has_text="news")).to_have_count(0)


def test_quiz_gives_instant_feedback_in_jupyterlab(lab):
    """Run lesson 06's quiz cell (its stored output is not trusted, so its buttons work only
    once it has run here), and answer a question in its output."""
    from course_utils.quiz import load_bank

    first, page = load_bank()[0], lab
    wrong = next(i for i, option in enumerate(first.options) if not option.correct)
    open_lesson(page, path := "notebooks/06_quiz.py")
    run_cell(page, path, "Quiz(")
    # quiz.js marks the quiz ready once it has set it up (the stored output has no script)
    quiz = page.locator('#quiz[data-ready="1"]')
    question = quiz.locator(f"#quiz-{first.id}")
    expect(question).to_be_visible(timeout=LAB_MS)
    question.locator(".cq-option").nth(wrong).click()
    feedback = question.locator(".cq-feedback")
    expect(feedback).to_have_text(re.compile("^✘ Not quite."))
    expect(feedback).to_contain_text(first.options[wrong].explanation)
    expect(quiz.locator(".cq-score")).to_have_text(
        re.compile(r"^Score: 0 / 1 answered")
    )
    # the quiz keeps its keys from Lab's shortcuts: the arrow moves within the question
    page.keyboard.press("ArrowDown")
    after = (wrong + 1) % len(first.options)
    expect(question.locator(".cq-option").nth(after)).to_be_focused()
    # axe-core on the lesson as Lab shows it: its text and outputs. Lab's own widgets are
    # left out: their findings are JupyterLab's (jupyterlab/jupyterlab#16890, #16891)
    lesson = f"{PANEL} :is(.jp-MarkdownOutput, .jp-OutputArea)"
    assert serious_violations(page, lesson, LAB_MS) == []


def test_an_explorer_is_live_in_jupyterlab(lab):
    """Run lesson 03's explorer (and the cells it needs): the kernel draws a new frame, and
    says what it shows, when the (first) slider moves by keyboard. One lesson is enough:
    the live wiring (``Explorer.widget``) is the same for every explorer, and each lesson's
    ``draw`` makes every one of its frames in the nbval run (the offline explorer)."""
    panel = open_lesson(lab, path := "notebooks/03_choosing_k.py")
    run_cell(lab, path, "\nexplore(", needs=True)
    live = panel.locator(".jp-OutputArea-output .course-explorer.widget-vbox")
    frame, status = live.locator(".ce-figure img"), live.locator(".ce-status")
    expect(frame).to_be_visible(timeout=LAB_MS)
    expect(status).to_have_text(re.compile(r"\w"))
    first = (status.inner_text(), frame.get_attribute("src"))
    live.locator('[role="slider"]').first.focus()
    lab.keyboard.press("ArrowRight")
    expect(status).not_to_have_text(first[0], timeout=LAB_MS)
    expect(frame).not_to_have_attribute("src", first[1], timeout=LAB_MS)
