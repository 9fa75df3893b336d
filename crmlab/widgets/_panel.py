"""The one pattern of every lecture widget: controls, a line of text, a figure redrawn on each change."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import ipywidgets as widgets
import matplotlib.pyplot as plt

LAYOUTS = ("side", "row", "stack")


def live_panel(controls: Sequence[widgets.Widget], update: Callable[[], str | tuple[str, Callable]],
               figsize: tuple[float, float], layout: str = "side") -> widgets.VBox:
    """Wire ``controls`` to ``update`` and return the panel.

    On every change of a control's value, ``update()`` returns either a message
    (a ``str``: a setting that cannot be drawn, shown in bold while the last
    figure stays) or ``(line, draw)``: the HTML line shown above the figure and
    ``draw(ax)``, which draws the new figure on a fresh axes of ``figsize``.
    ``layout``: ``"side"`` (controls stacked, the line beside them, the figure
    below), ``"row"`` (controls in a row, then the line, then the figure) or
    ``"stack"`` (controls, the line, the figure, one under the other).
    """
    if layout not in LAYOUTS:
        raise ValueError(f"layout must be one of {LAYOUTS}, got {layout!r}")
    controls = list(controls)
    text = widgets.HTML()
    out = widgets.Output()

    def redraw(_=None):
        result = update()
        if isinstance(result, str):
            text.value = f"<b>{result}</b>"
            return
        text.value, draw = result
        with out:
            out.clear_output(wait=True)
            fig, ax = plt.subplots(figsize=figsize, layout="constrained")
            draw(ax)
            plt.show()

    for control in controls:
        control.observe(redraw, names="value")
    redraw()
    if layout == "side":
        return widgets.VBox([widgets.HBox([widgets.VBox(controls), text]), out])
    if layout == "row":
        return widgets.VBox([widgets.HBox(controls), text, out])
    return widgets.VBox([widgets.VBox([*controls, text]), out])
