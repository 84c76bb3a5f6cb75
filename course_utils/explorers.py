"""Explorers: a lesson's figure stepped through with sliders, live or offline.

A lesson hands :func:`explore` a function that draws one frame — it fits the model at the
values it is given, draws one matplotlib figure in the course's style (without
``plt.show()``) and returns a sentence saying what the frame shows — and the values each
slider takes. Shown in a notebook, the explorer is

- **live** when someone is at the notebook (JupyterLab, Notebook, VS Code, Colab: the cell
  runs on a request that lets it ask for input): ipywidgets sliders, and the learner's
  kernel draws each frame as a slider moves, so a learner who changes the data above and
  re-runs the cell gets a working explorer;
- **offline** when the lesson runs headless (nbclient writing the committed outputs, nbval
  re-running them; neither lets a cell ask for input): every frame is drawn once and stored
  in one HTML output with labelled range sliders and a few lines of JavaScript
  (``explorer.js``, ``explorer.css``), so the website switches frames with no kernel and
  no network. ``live=True`` or ``False`` forces either.

The frames are PNG images inside the HTML, which strict nbval compares: they are
byte-identical from run to run without any sanitising (see :mod:`course_utils.compact_png`),
so a frame that changed is a real change of what the lesson draws.
"""

from __future__ import annotations

import base64
import html
import itertools
import json
import re
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from course_utils.compact_png import SCREEN_DPI, compact_png, png_size

#: Resolution of the offline frames: the course figures' screen resolution (the lesson's
#: static figures are stored at twice that; frames are many, and a page carries them all)
FRAME_DPI = SCREEN_DPI
#: Colours kept in an offline frame (channel error at most 4/255 on the course's figures)
FRAME_COLOURS = 128
#: The most frames an offline explorer stores (every frame is drawn, and weighs on the page)
MAX_FRAMES = 40
_HERE = Path(__file__).resolve().parent


def _someone_at_the_notebook() -> bool:
    """Whether the running cell may ask for input: true in JupyterLab, Notebook, VS Code
    and Colab, false in headless runs (nbclient, nbval, papermill) and outside IPython."""
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython comes with Jupyter
        return False
    kernel = getattr(get_ipython(), "kernel", None)
    if kernel is None:
        return False
    if "google.colab" in sys.modules:
        return True
    parent = kernel.get_parent() if hasattr(kernel, "get_parent") else {}
    return bool(parent.get("content", {}).get("allow_stdin", False))


def _text(value) -> str:
    """How a slider shows a value: integers as they are, other numbers in short form."""
    return f"{value:g}" if isinstance(value, float) else str(value)


def frame_png(figure) -> bytes:
    """``figure`` (matplotlib) as a compact PNG: :data:`FRAME_DPI`, :data:`FRAME_COLOURS`
    colours, the same bytes for the same drawing."""
    return compact_png(figure, dpi=FRAME_DPI, colours=FRAME_COLOURS)


@dataclass
class Explorer:
    """A figure drawn by ``draw`` at every combination of slider values (see
    :func:`explore`, which checks the arguments)."""

    draw: Callable[..., str]
    sliders: dict[str, list]
    name: str
    title: str
    alt: str
    labels: dict[str, str] = field(default_factory=dict)
    start: dict = field(default_factory=dict)
    live: bool | None = None

    def __repr__(self) -> str:
        ranges = ", ".join(
            f"{self.labels[key]} from {_text(values[0])} to {_text(values[-1])}"
            for key, values in self.sliders.items()
        )
        return f"<Explorer {self.name!r}: {self.n_frames} frames, {ranges}>"

    @property
    def n_frames(self) -> int:
        """How many frames the sliders reach (the product of their lengths)."""
        count = 1
        for values in self.sliders.values():
            count *= len(values)
        return count

    def frame(self, **values) -> tuple[bytes, str]:
        """Draw the frame at ``values`` (one per slider); return its PNG and sentence."""
        import matplotlib.pyplot as plt

        before = set(plt.get_fignums())
        try:
            sentence = self.draw(**values)
            new = [number for number in plt.get_fignums() if number not in before]
            if not new:
                raise ValueError(
                    f"explorer {self.name!r}: draw() drew no new figure (it must draw "
                    "one and not call plt.show())"
                )
            if not isinstance(sentence, str) or not sentence.strip():
                raise TypeError(
                    f"explorer {self.name!r}: draw() must return a sentence saying what "
                    f"the frame shows, got {sentence!r}"
                )
            return frame_png(plt.figure(new[-1])), sentence.strip()
        finally:
            for number in set(plt.get_fignums()) - before:
                plt.close(number)

    def html(self) -> str:
        """Every frame, drawn now, in one HTML explorer for pages with no kernel."""
        keys = list(self.sliders)
        frames, start = [], 0
        for index, combination in enumerate(itertools.product(*self.sliders.values())):
            values = dict(zip(keys, combination, strict=True))
            png, sentence = self.frame(**values)
            frames.append(
                {"src": base64.b64encode(png).decode("ascii"), "status": sentence}
            )
            if values == {key: self.start[key] for key in keys}:
                start = index
        return explorer_html(self, frames, start)

    def widget(self):
        """The live explorer: ipywidgets sliders; each move draws the frame anew."""
        import ipywidgets as widgets

        if (
            "google.colab" in sys.modules
            and int(widgets.__version__.split(".")[0]) >= 8
        ):
            from google.colab import output  # Colab shows ipywidgets 8 through this

            output.enable_custom_widget_manager()
        controls = {
            key: widgets.SelectionSlider(
                options=[(_text(value), value) for value in values],
                value=self.start[key],
                description=self.labels[key],
                continuous_update=False,
                style={"description_width": "initial"},
                layout=widgets.Layout(width="min(36rem, 100%)"),
            )
            for key, values in self.sliders.items()
        }
        status = widgets.Label()

        def update(**values):
            status.value = self.draw(**values)

        figure = widgets.interactive_output(update, controls)
        status.add_class("ce-status")
        figure.add_class("ce-figure")
        box = widgets.VBox([widgets.HTML(f"<b>{html.escape(self.title)}</b>")])
        box.children += (*controls.values(), status, figure)
        box.add_class("course-explorer")
        return box

    def _ipython_display_(self):
        from IPython.display import display

        live = _someone_at_the_notebook() if self.live is None else self.live
        if live:
            display(self.widget())
        else:
            display({"text/html": self.html(), "text/plain": repr(self)}, raw=True)


def explore(
    draw: Callable[..., str],
    *,
    name: str,
    title: str,
    alt: str,
    labels: dict[str, str] | None = None,
    start: dict | None = None,
    live: bool | None = None,
    **sliders: Iterable,
) -> Explorer:
    """An explorer of ``draw``'s figure: one slider per keyword in ``sliders``.

    Parameters
    ----------
    draw : callable
        Called with one keyword argument per slider; draws one new matplotlib figure
        (without ``plt.show()``) and returns a short sentence saying what it shows (it is
        announced to screen readers as the sliders move).
    name : str
        Lower-case letters, digits and ``-``: the explorer's id, unique on its page.
    title : str
        What the explorer shows, above its sliders.
    alt : str
        What every frame's picture is (the frame's sentence is added to it).
    labels : dict of str to str, optional
        Each slider's label (default: its keyword).
    start : dict, optional
        The value each slider starts at (default: its first value).
    live : bool, optional
        Force the live (ipywidgets) or the offline (HTML) explorer; by default live when
        someone is at the notebook.
    **sliders : sequence
        For each keyword of ``draw``, the values its slider steps through, in order.

    Returns
    -------
    Explorer
        Shown by the notebook as the last value of a cell.
    """
    if not callable(draw):
        raise TypeError(f"draw must be a function that draws one frame, got {draw!r}")
    if not isinstance(name, str) or not re.fullmatch(r"[a-z0-9-]+", name):
        raise ValueError(f"name must use lower-case letters, digits and '-': {name!r}")
    for what, text in (("title", title), ("alt", alt)):
        if not isinstance(text, str) or not text.strip():
            raise TypeError(f"{what} must be a non-empty string, got {text!r}")
    if not sliders:
        raise ValueError("explore needs at least one slider: keyword=values")
    steps, count = {}, 1
    for key, values in sliders.items():
        if isinstance(values, str | bytes | dict) or not hasattr(values, "__iter__"):
            raise TypeError(
                f"slider {key!r}: expected a sequence of values, got {values!r}"
            )
        steps[key] = [v.item() if hasattr(v, "item") else v for v in values]
        if not steps[key] or len({_text(v) for v in steps[key]}) < len(steps[key]):
            raise ValueError(
                f"slider {key!r}: expected distinct values, got {values!r}"
            )
        count *= len(steps[key])
    if count > MAX_FRAMES:
        raise ValueError(
            f"the sliders make {count} frames; at most {MAX_FRAMES} fit a page"
        )
    labels, start = dict(labels or {}), dict(start or {})
    if unknown := sorted((set(labels) | set(start)) - set(steps)):
        raise ValueError(f"labels or start name no slider: {unknown}")
    for key, value in start.items():
        if value not in steps[key]:
            raise ValueError(f"start: {key}={value!r} is not one of {steps[key]}")
    return Explorer(
        draw,
        steps,
        name,
        title.strip(),
        alt.strip(),
        labels={key: labels.get(key, key) for key in steps},
        start={key: start.get(key, steps[key][0]) for key in steps},
        live=live,
    )


def explorer_html(explorer: Explorer, frames: list[dict], start: int) -> str:
    """The offline explorer: ``frames`` (base64 PNG ``src`` and ``status`` sentence, in
    the order of the sliders' product) switched by range inputs, frame ``start`` shown."""
    root, shown = f"explorer-{explorer.name}", frames[start]
    width, height = _size(base64.b64decode(shown["src"]))
    inputs = []
    for key, values in explorer.sliders.items():
        position = values.index(explorer.start[key])
        value = html.escape(_text(values[position]))
        inputs.append(
            f'<div class="ce-slider"><label for="{root}-{key}">'
            f"{html.escape(explorer.labels[key])}</label>"
            f'<input type="range" class="ce-range" id="{root}-{key}" min="0" '
            f'max="{len(values) - 1}" step="1" value="{position}" '
            f'aria-valuetext="{value}">'
            f'<span class="ce-value" aria-hidden="true">{value}</span></div>'
        )
    data = {
        "values": [[_text(v) for v in values] for values in explorer.sliders.values()],
        "alt": explorer.alt,
        "frames": [
            f if i != start else {**f, "src": None} for i, f in enumerate(frames)
        ],
    }
    script = json.dumps(data, separators=(",", ":")).replace("</", "<\\/")
    return "\n".join([
        f"<style>\n{(_HERE / 'explorer.css').read_text(encoding='utf-8')}</style>",
        f'<div class="course-explorer" id="{root}" role="group" '
        f'aria-labelledby="{root}-title">',
        f'<p class="ce-title" id="{root}-title">{html.escape(explorer.title)}</p>',
        f'<div class="ce-controls" hidden>{"".join(inputs)}</div>',
        f'<p class="ce-status" aria-live="polite">{html.escape(shown["status"])}</p>',
        f'<img class="ce-frame" src="data:image/png;base64,{shown["src"]}" '
        f'width="{width}" height="{height}" '
        f'alt="{html.escape(explorer.alt + " " + shown["status"], quote=True)}">',
        '<p class="ce-note">In JupyterLab or Colab, run this cell to explore it live.</p>',
        f'<script type="application/json" class="ce-frames">{script}</script>',
        "</div>",
        f"<script>\n{(_HERE / 'explorer.js').read_text(encoding='utf-8')}</script>",
    ])  # fmt: skip


def _size(png: bytes) -> tuple[int, int]:
    """The CSS size of a frame: its pixels at the course figures' screen resolution."""
    pixels_wide, pixels_high = png_size(png)
    scale = SCREEN_DPI / FRAME_DPI
    return round(pixels_wide * scale), round(pixels_high * scale)
