"""One view as a file for a slide: SVG with the font inside, PNG at 2× (resvg).

The SVG is :func:`viz.svg.picture` with the page's own font subset in its ``<style>``, so
it shows Chinese wherever it is opened.  resvg does not read ``@font-face``; the PNG is
drawn from the same SVG with the subset handed to resvg as a font file.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Final

from viz import fonts, svg
from viz.layout import PreparedView

#: A projector's 2x: every SVG unit becomes two pixels.
PNG_SCALE: Final = 2.0


def to_svg(prepared: PreparedView) -> str:
    """The view's SVG, with a font subset for its own text embedded."""
    bare = svg.picture(prepared)
    return svg.picture(prepared, fonts.font_face_css(bare))


def to_png(prepared: PreparedView, scale: float = PNG_SCALE) -> bytes:
    """The view's picture as PNG, ``scale`` pixels per SVG unit."""
    import resvg_py

    bare = svg.picture(prepared)
    font = fonts.font_file()
    with tempfile.TemporaryDirectory() as tmp:
        files = []
        if font is not None:
            path = Path(tmp) / "pg-cjk.ttf"
            path.write_bytes(fonts.subset_bytes(bare))
            files.append(str(path))
        # With the subset at hand, only it: the picture must not depend on this machine.
        data = resvg_py.svg_to_bytes(svg_string=bare, zoom=scale, font_files=files,
                                     skip_system_fonts=bool(files), background="#ffffff")
    return bytes(data)

