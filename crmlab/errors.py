"""The one exception type of the kit, and its one warning type; how a notebook shows them in its language.

The API speaks English: ``str(error)`` is the English message, and that is what
``pytest.raises(CRMDataError, match=...)``, the CLI and the logs see. A notebook
that reads Chinese shows the same error in Chinese:

- a message built from a key and values (:class:`Msg`, what the common validators of
  :mod:`crmlab.validate` raise) is said again from the catalogue (``err_*`` keys in
  ``crmlab/labels/common.py``, Chinese in ``crmlab.po``);
- any other message keeps its English detail inside a Chinese frame: what went wrong,
  then "解决办法：" and the English fix (the text after "Fix:").

:func:`notebook_lang` installs this in a running IPython kernel (an exception handler
for :class:`CRMDataError` and a warnings formatter for :class:`CRMWarning`); the
checks' :func:`crmlab.checks.set_lang` calls it, so every exercise
(``exercise_data(..., lang=lang)``) gets it. :func:`error_text` and
:func:`warning_text` are the formatters themselves (no kernel needed).

>>> err = CRMDataError(Msg("err_not_one_of", name="how", value="max", choices="'mean', 'sum'"))
>>> str(err)
"how='max' is not one of 'mean', 'sum'. Fix: pick one of those."
>>> error_text(err, "zh")
"how='max' 不是可选的值（可选：'mean', 'sum'）。解决办法：从中选一个。"
>>> error_text(CRMDataError("n is odd. Fix: pass an even n."), "zh")
'出错了：n is odd.\\n解决办法：pass an even n.'
"""

from __future__ import annotations

import re
import sys


class Localised:
    """Something shown inside a message that reads differently per language (``text(lang)``; ``str`` is English)."""

    def text(self, lang: str = "en") -> str:  # pragma: no cover - interface
        raise NotImplementedError

    def __str__(self) -> str:
        return self.text("en")

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)


def _render(value, lang: str):
    return value.text(lang) if isinstance(value, Localised) else value


class Msg(Localised):
    """A message as a label key and its values: English through ``str``, any language through ``text(lang)``.

    Values may themselves be :class:`Localised` (a nested fix text, a list of rows), rendered in the same language.
    """

    def __init__(self, key: str, **values):
        self.key, self.values = key, values

    def text(self, lang: str = "en") -> str:
        from crmlab.labels import t

        return t(self.key, lang, **{k: _render(v, lang) for k, v in self.values.items()})

    def __repr__(self) -> str:
        return f"Msg({self.key!r}, {self.values!r})"


class _Said:
    """What CRMDataError and CRMWarning share: built from a text or a :class:`Msg`, English ``str``."""

    def _keep(self, message):
        self.msg = message if isinstance(message, Msg) else None
        return str(message) if isinstance(message, Localised) else message

    def text(self, lang: str = "en") -> str:
        """The message in ``lang`` (see the module docstring)."""
        return error_text(self, lang)


class CRMDataError(_Said, ValueError):
    """Raised when input data or parameters cannot be used as given.

    The message names the column (or parameter), shows up to five offending
    values with their row labels, and says how to fix the input.
    """

    def __init__(self, message="", *args):
        super().__init__(self._keep(message), *args)


class CRMWarning(_Said, UserWarning):
    """A result was computed but should be read with care (e.g. an iterative fit that did not converge)."""

    def __init__(self, message="", *args):
        super().__init__(self._keep(message), *args)

    def text(self, lang: str = "en") -> str:
        """The warning in ``lang`` (:func:`warning_text`)."""
        return warning_text(self, lang)


_FIX = re.compile(r"\s*\bFix:\s*")


def _framed(english: str, lang: str, frame: str) -> str:
    from crmlab.labels import t

    parts = _FIX.split(english, maxsplit=1)
    if len(parts) == 2 and parts[1].strip():
        return t(f"{frame}_fix", lang, problem=parts[0].strip(), fix=parts[1].strip())
    return t(frame, lang, problem=english.strip())


def error_text(error, lang: str = "en", frame: str = "err_frame") -> str:
    """``error`` (a CRMDataError, CRMWarning or any exception) as a student reads it in ``lang``.

    English: the message itself. Another language: the keyed message from the catalogue when the error was
    raised with a :class:`Msg` and the catalogue has its text, else the English inside the language's frame.
    """
    from crmlab.labels import check_lang

    check_lang(lang)
    english = str(error)
    if lang == "en":
        return english
    msg = getattr(error, "msg", None)
    if isinstance(msg, Msg):
        said = msg.text(lang)
        if said != english:  # a missing, fuzzy or stale entry falls back to English: frame it instead
            return said
    return _framed(english, lang, frame)


def warning_text(warning, lang: str = "en") -> str:
    """A CRMWarning (or its message) as a student reads it in ``lang`` ("注意：..." and "解决办法：..." in Chinese)."""
    return error_text(warning, lang, frame="warn_frame")


# ---------------------------------------------------------------- in a notebook
_STATE = {"lang": "en", "ipython": None}


def notebook_lang(lang: str = "en") -> None:
    """Show CRMDataError and CRMWarning in ``lang`` from now on, in this kernel (idempotent; returns nothing, so
    it can end a notebook's imports cell without an output).

    Installs, once, an IPython exception handler for :class:`CRMDataError` (the traceback's last line says the
    message in ``lang``; the type and ``str(error)`` stay the same) and a ``warnings.showwarning`` that writes a
    :class:`CRMWarning` in ``lang`` (other warnings as before). Outside IPython only the warnings part applies.
    With ``lang="en"`` both show exactly what Python shows.
    """
    import warnings

    from crmlab.labels import check_lang

    _STATE["lang"] = check_lang(lang)
    if not getattr(warnings.showwarning, "_crmlab", False):  # once (again after a catch_warnings() restored it)
        original = warnings.showwarning

        def showwarning(message, category, filename, lineno, file=None, line=None):
            if _STATE["lang"] != "en" and isinstance(category, type) and issubclass(category, CRMWarning):
                stream = file if file is not None else sys.stderr
                try:
                    stream.write(f"{category.__name__}: {warning_text(message, _STATE['lang'])}\n")
                except (OSError, AttributeError):  # like warnings' own: a closed stream is not an error
                    pass
                return None
            return original(message, category, filename, lineno, file, line)

        showwarning._crmlab = True
        warnings.showwarning = showwarning
    ipython = sys.modules.get("IPython")
    shell = ipython.get_ipython() if ipython is not None else None
    if shell is not None and _STATE["ipython"] is not shell:
        shell.set_custom_exc((CRMDataError,), _show_error)
        _STATE["ipython"] = shell


def _show_error(shell, etype, value, tb, tb_offset=None):
    """IPython's custom-exception hook: the usual traceback, its last line in the notebook's language."""
    shown = value
    if _STATE["lang"] != "en":
        shown = CRMDataError(error_text(value, _STATE["lang"]))
        shown.__cause__, shown.__suppress_context__ = None, True
    stb = shell.InteractiveTB.structured_traceback(etype, shown, tb, tb_offset=tb_offset)
    shell._showtraceback(etype, value, stb)  # what showtraceback() does: the kernel sends it as the cell's error
    return None  # shown already (IPython only displays what a custom handler shows itself)
