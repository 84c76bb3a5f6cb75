"""Figures as compact PNGs: the course's static figures and the explorers' frames.

A lesson page carries every figure it shows, so the course stores them with a reduced
palette (Pillow's MAXCOVERAGE, no dithering): the course's figures are flat colours, text
and antialiased edges, and a few hundred colours keep them sharp at a third of the bytes.
The bytes are a pure function of the drawn figure (no date is written, the "Software" key
is dropped, the palette reduction is deterministic), so a fresh run stores the same file.
"""

from __future__ import annotations

import io

#: Figure resolution: 80 dots per inch on screen; the course style stores figures at twice
#: that ("retina") so they stay sharp on high-density screens, projectors and a zoomed-in
#: website.
SCREEN_DPI = 80


def compact_png(figure, *, dpi: float, colours: int) -> bytes:
    """``figure`` (matplotlib) drawn at ``dpi`` as a PNG of at most ``colours`` colours.

    Parameters
    ----------
    figure : matplotlib.figure.Figure
        The figure, drawn as the lesson left it.
    dpi : float
        Pixels per inch of the stored image.
    colours : int
        The largest palette kept (at most 256).
    """
    from PIL import Image

    buffer = io.BytesIO()
    if figure.get_layout_engine():
        # everything is fitted in already ("tight" would draw it twice): the pixels as
        # they are, at the figure's size (no PNG written here only to be read again)
        figure.savefig(buffer, format="rgba", dpi=dpi, facecolor="white")
        size = [int(inches * dpi) for inches in figure.get_size_inches()]
        image = Image.frombuffer("RGBA", size, buffer.getbuffer()).convert("RGB")
    else:
        figure.savefig(
            buffer, format="png", dpi=dpi, bbox_inches="tight", facecolor="white"
        )
        image = Image.open(buffer).convert("RGB")
    image = image.quantize(
        colours, method=Image.Quantize.MAXCOVERAGE, dither=Image.Dither.NONE
    )
    buffer = io.BytesIO()
    image.save(
        buffer, format="PNG", optimize=True, dpi=(dpi, dpi)
    )  # as matplotlib does
    return buffer.getvalue()


def png_size(png: bytes) -> tuple[int, int]:
    """Width and height of a PNG in pixels (read from its header's IHDR chunk)."""
    return int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
