"""Where the kit's own files are: the one resolver for notebooks/ and exercises/.

Two layouts exist:

- a **checkout** (a clone of the repository, or an editable install): the
  package sits next to ``pyproject.toml``, ``notebooks/`` and ``exercises/``;
- a **normal install** from the wheel: the wheel carries the teaching
  notebooks and the exercise *student copies* inside the package, under
  ``crmlab/_kit/`` (see ``hatch_build.py``). The solutions are never shipped:
  ``crmlab assign`` hands out student copies only, and the answer key is
  recomputed from the data by the topic's ``crmlab.checks`` module.

:func:`kit_root` prefers the checkout and falls back to the packaged copy;
``--root`` (the ``root`` argument) overrides both. The Chinese edition sits in
a ``zh`` folder beside each English one, in both layouts (``notebooks/zh/``,
``exercises/zh/`` with the student copies and the capstone brief; never
``exercises/zh/solutions/`` in the wheel): :func:`edition_path`. A command that needs a
file that is not there fails with a :class:`crmlab.CRMDataError` naming
``--root``.

>>> kit_root("/some/folder").as_posix()
'/some/folder'
>>> kit_root() in (checkout_root(), SHIPPED_KIT)
True
"""

from __future__ import annotations

from pathlib import Path

from crmlab.errors import CRMDataError

PACKAGE = Path(__file__).resolve().parent
SHIPPED_KIT = PACKAGE / "_kit"


def checkout_root() -> Path | None:
    """The repository folder when the package runs from a checkout, else None."""
    root = PACKAGE.parent
    if (root / "pyproject.toml").is_file() and (root / "notebooks").is_dir():
        return root
    return None


def kit_root(root: str | Path | None = None) -> Path:
    """The folder holding ``notebooks/`` and ``exercises/``.

    ``root`` given (``--root``): that folder. Otherwise the checkout next to
    the package, else the copy shipped inside the installed package.
    """
    if root is not None:
        return Path(root)
    return checkout_root() or SHIPPED_KIT


def _fix(relpath: str, root) -> str:
    if root is not None:
        return (f"Fix: pass --root with the kit's folder (the one that holds {relpath}); "
                f"{Path(root).resolve()} does not.")
    return ("Fix: pass --root with the kit's folder (a checkout of the kit, the one that holds "
            f"{relpath}), or reinstall the kit from its wheel (`pip install crmlab-*.whl`).")


def missing(relpath: str, root=None, what: str = "file") -> CRMDataError:
    """The error for a kit file or folder that is not there (names ``--root``)."""
    where = kit_root(root).resolve() / relpath
    return CRMDataError(f"{what}: {where} was not found. {_fix(relpath, root)}")


def resource(relpath: str, root: str | Path | None = None, what: str = "file") -> Path:
    """``kit_root(root) / relpath``, or a CRMDataError naming ``--root`` when it is not there.

    >>> resource("no/such/file.ipynb", root="/nowhere")
    Traceback (most recent call last):
    ...
    crmlab.errors.CRMDataError: file: /nowhere/no/such/file.ipynb was not found. Fix: pass --root ...
    """
    path = kit_root(root) / relpath
    if not path.exists():
        raise missing(relpath, root, what)
    return path


def edition_path(relpath: str, lang: str = "en") -> str:
    """Where the ``lang`` edition keeps the kit file ``relpath`` (a notebook, student copy or brief).

    >>> edition_path("notebooks/01_satisfaction.ipynb", "zh"), edition_path("exercises/08_case_report_brief.md", "en")
    ('notebooks/zh/01_satisfaction.ipynb', 'exercises/08_case_report_brief.md')
    """
    from crmlab.labels import check_lang

    if check_lang(lang) == "en":
        return relpath
    p = Path(relpath)
    return (p.parent / lang / p.name).as_posix()


def kit_files(folder: str, pattern: str, root: str | Path | None = None, what: str = "files") -> list[Path]:
    """The sorted files ``pattern`` matches in ``kit_root(root) / folder``; none is an error naming ``--root``."""
    found = sorted((kit_root(root) / folder).glob(pattern))
    if not found:
        raise missing(f"{folder}/{pattern}", root, what)
    return found
