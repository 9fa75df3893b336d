"""The shared lecture-panel pattern (crmlab.widgets._panel) and the widgets without a topic test of their own."""

import matplotlib
import pytest

matplotlib.use("Agg")

from crmlab import datasets, loyalty  # noqa: E402
from crmlab.widgets import clv_explorer, weight_explorer  # noqa: E402
from crmlab.widgets._panel import live_panel  # noqa: E402


def _line(box):
    return box.children[0].children[1].value


def test_clv_explorer_line_follows_the_sliders():
    box = clv_explorer(margin=100, retention=0.8, discount=0.1)
    assert f"<b>{loyalty.clv(100, 0.8, 0.1):,.0f}</b>" in _line(box)
    retention = box.children[0].children[0].children[1]
    retention.value = 0.9
    assert f"<b>{loyalty.clv(100, 0.9, 0.1):,.0f}</b>" in _line(box)
    growth, discount = box.children[0].children[0].children[3], box.children[0].children[0].children[2]
    discount.value, growth.value = 0.0, 0.1  # (r + 0.05)(1 + g) >= 1 + d: no finite CLV
    assert _line(box).startswith("<b>") and "CNY" not in _line(box)


def test_weight_explorer_default_weights_and_all_zero():
    box = weight_explorer(datasets.load("satisfaction_survey"))  # equal weights: used to overshoot 5 by 1 ulp
    assert "CSI of the weighted attribute score" in _line(box)
    # the line shows the normalised weights (review: sliders alone showed raw values summing to 1.17)
    shares = [float(x.rsplit(" ", 1)[1]) for x in _line(box).split("their sum): ", 1)[1].split(", ")]
    assert sum(shares) == pytest.approx(1.0, abs=0.03) and len(shares) == 6  # each share rounded to 2 decimals
    for slider in box.children[0].children[0].children:
        slider.value = 0
    assert _line(box) == "<b>Give at least one attribute a weight above 0.</b>"


def test_live_panel_message_keeps_the_last_figure():
    import ipywidgets as widgets

    slider = widgets.IntSlider(value=1, min=0, max=3)
    calls = []

    def update():
        if slider.value == 0:
            return "zero is not allowed"
        return f"value {slider.value}", lambda ax: calls.append(slider.value)

    box = live_panel([slider], update, figsize=(3, 2), layout="row")
    assert box.children[1].value == "value 1" and calls == [1]
    slider.value = 0
    assert box.children[1].value == "<b>zero is not allowed</b>" and calls == [1]
    slider.value = 2
    assert box.children[1].value == "value 2" and calls == [1, 2]
    with pytest.raises(ValueError, match="layout"):
        live_panel([slider], update, figsize=(3, 2), layout="grid")
