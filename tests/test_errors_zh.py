"""CRMDataError and CRMWarning as a Chinese notebook shows them (crmlab.errors); the English API is unchanged."""

from __future__ import annotations

import re
import warnings

import nbformat
import pandas as pd
import pytest

from crmlab import validate
from crmlab.errors import CRMDataError, CRMWarning, Msg, error_text, notebook_lang, warning_text


def _raised(fn, *args, **kw) -> CRMDataError:
    with pytest.raises(CRMDataError) as info:
        fn(*args, **kw)
    return info.value


def test_a_keyed_validator_error_is_english_as_before_and_chinese_from_the_catalogue():
    df = pd.DataFrame({"quality": [3, 6, 0, 4]}, index=["a", "b", "c", "d"])
    err = _raised(validate.require_in_scale, df, ["quality"], 1, 5)
    assert str(err) == ("column 'quality' has 2 value(s) outside the 1-5 scale: row 'b': 6, row 'c': 0. Fix: correct "
                        "the data-entry errors, or set them to missing (NaN) and treat them as unanswered.")
    assert error_text(err, "en") == str(err) and err.text() == str(err)
    assert error_text(err, "zh") == ("列 'quality' 有 2 个值超出 1-5 量表：第 'b' 行：6，第 'c' 行：0。解决办法：改正录入错误，"
                                     "或把它们设为缺失值（NaN），按未作答处理。")
    with pytest.raises(CRMDataError, match=r"column 'quality' has 2 value\(s\) outside the 1-5 scale"):
        validate.require_in_scale(df, ["quality"], 1, 5)  # what pytest.raises(match=...) sees: the English


def test_nested_texts_and_row_lists_follow_the_language():
    df = pd.DataFrame({"x": [1.0] * 8, "seg": [None, "a", " ", None, "b", None, None, None]})
    err = _raised(validate.require_group_labels, df, "seg")
    assert "at row(s) 0, 2, 3, 5, 6 (and 1 more) of 8" in str(err)
    assert "分组列 'seg' 在全部 8 行中有 6 个缺失或空白的标签，所在行：0，2，3，5，6（另有 1 个）。解决办法：" in err.text("zh")
    err = _raised(validate.require_columns, df, ["overall", "price"])
    assert str(err).endswith("Fix: rename your column to 'overall', or load the data that has it.")
    assert err.text("zh") == ("data 中没有列 'overall'（还缺少：'price'）。数据中的列有：'x', 'seg'。"
                              "解决办法：把你的列改名为 'overall'，或读取含有这一列的数据。")
    # a caller's own fix is English: it stays English inside the Chinese sentence
    err = _raised(validate.require_columns, df, ["overall"], fix="pass items={...}.")
    assert err.text("zh").endswith("解决办法：pass items={...}.")


def test_a_message_without_a_key_gets_the_chinese_frame():
    err = CRMDataError("n_customers=3 is too small for a fit. Fix: draw at least 50 customers.")
    assert err.text("zh") == "出错了：n_customers=3 is too small for a fit.\n解决办法：draw at least 50 customers."
    assert CRMDataError("something odd").text("zh") == "出错了：something odd"
    w = CRMWarning("The fit did not converge. Fix: fit on more customers.")
    assert warning_text(w, "zh") == w.text("zh") == "注意：The fit did not converge.\n解决办法：fit on more customers."
    assert warning_text("Outlier amounts.", "zh") == "注意：Outlier amounts."


def test_an_untranslated_key_falls_back_to_the_frame(monkeypatch):
    err = CRMDataError(Msg("err_not_one_of", name="how", value="max", choices="'mean'"))
    english = Msg.text
    monkeypatch.setattr(Msg, "text", lambda self, lang="en": english(self, "en"))  # as if the catalogue had no Chinese
    assert err.text("zh") == "出错了：how='max' is not one of 'mean'.\n解决办法：pick one of those."


def test_the_type_and_pickling_are_unchanged():
    import pickle

    err = _raised(validate.require_choice, "max", ["mean", "sum"], "how")
    assert isinstance(err, ValueError) and type(err) is CRMDataError
    again = pickle.loads(pickle.dumps(err))
    assert str(again) == str(err) == "how='max' is not one of 'mean', 'sum'. Fix: pick one of those."
    with pytest.raises(CRMDataError, match="lang='fr'"):
        err.text("fr")


def test_the_warnings_formatter_writes_a_crmwarning_in_the_notebook_language(capsys):
    with warnings.catch_warnings(record=True) as others:
        warnings.simplefilter("always")
        try:
            notebook_lang("zh")
            warnings.warn("The fit stopped early. Fix: give it more data.", CRMWarning)
            warnings.warn("a plain warning", UserWarning)
            notebook_lang("en")
            warnings.warn("Back in English.", CRMWarning)
        finally:
            notebook_lang("en")
    assert capsys.readouterr().err == "CRMWarning: 注意：The fit stopped early.\n解决办法：give it more data.\n"
    # other warnings, and every warning in English, go to the handler there was before (here: the recorder)
    assert [(w.category, str(w.message)) for w in others] == [(UserWarning, "a plain warning"),
                                                             (CRMWarning, "Back in English.")]


def test_a_chinese_notebook_shows_the_error_and_the_warning_in_chinese(tmp_path):
    """The call the exercises make (set_lang through exercise_data) is enough; the error keeps its type and English evalue."""
    from papermill.exceptions import PapermillExecutionError

    from tests.nbtools import run_notebook

    nb = nbformat.v4.new_notebook(metadata={"kernelspec": {"name": "python3", "display_name": "Python 3",
                                                           "language": "python"}})
    nb.cells = [
        nbformat.v4.new_code_cell('lang = "en"', metadata={"tags": ["parameters"]}),
        nbformat.v4.new_code_cell("import warnings\nimport pandas as pd\nfrom crmlab import CRMWarning, validate\n"
                                  "from crmlab.checks import set_lang\nset_lang(lang)"),
        nbformat.v4.new_code_cell('warnings.warn("The fit stopped early. Fix: give it more data.", CRMWarning)'),
        nbformat.v4.new_code_cell('validate.require_in_scale(pd.DataFrame({"q": [1, 6]}), ["q"], 1, 5)'),
    ]
    src = tmp_path / "tiny.ipynb"
    nbformat.write(nb, str(src))
    with pytest.raises(PapermillExecutionError) as info:
        run_notebook(src, tmp_path, lang="zh")
    shown = re.sub(r"\x1b\[[0-9;]*m", "", "\n".join(info.value.traceback))
    assert info.value.ename == "CRMDataError"
    assert info.value.evalue.startswith("column 'q' has 1 value(s) outside the 1-5 scale")  # the API's English
    assert "CRMDataError: 列 'q' 有 1 个值超出 1-5 量表：第 1 行：6。解决办法：改正录入错误" in shown
    assert "Fix:" not in shown
    out = nbformat.read(str(tmp_path / "tiny.out.ipynb"), as_version=4)
    stderr = "".join(o.get("text", "") for c in out.cells for o in c.get("outputs", []) if o.get("name") == "stderr")
    assert "CRMWarning: 注意：The fit stopped early.\n解决办法：give it more data." in stderr
