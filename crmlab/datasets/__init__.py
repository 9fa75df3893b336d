"""Seeded synthetic datasets that know their ground truth.

>>> from crmlab import datasets
>>> "satisfaction_survey" in datasets.names()           # what is there
True
>>> datasets.load("satisfaction_survey").shape          # the shipped CSV
(1200, 18)
>>> data = datasets.generate("satisfaction_survey", seed=7, n=500)
>>> data.frame.shape, sorted(data.truth)[:2]            # a new sample and its true model
((500, 18), ['quarter_effect', 'repurchase_prob'])
>>> "weights" in datasets.ground_truth("satisfaction_survey")  # truth of the shipped CSV
True
>>> datasets.describe("satisfaction_survey")["column"].iloc[0]  # its data dictionary
'respondent_id'

The shipped CSVs in the repository's ``datasets/`` folder are exactly what
the generators produce at their default seed and size (a test regenerates
them and compares bytes); ``crmlab data`` rewrites them together with the
data dictionary ``datasets/README.md`` and its Chinese edition ``datasets/README.zh.md``.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from crmlab.datasets._registry import (
    Column,
    DatasetSpec,
    Generated,
    data_dir,
    get_spec,
    normalise_frame,
    read_csv,
    register,
    specs,
    to_csv_text,
    truth_json,
)
from crmlab.errors import CRMDataError
from crmlab.validate import require_int


__all__ = [
    "Column", "DatasetSpec", "Generated", "register", "names", "load", "generate",
    "ground_truth", "describe", "data_dictionary", "write_all", "data_dir",
]


def _topic_matches(spec_topic: str, topic: str) -> bool:
    """``"03 loyalty"`` matches ``"03 loyalty"``, ``"loyalty"`` and ``"03"`` (any case)."""
    full = spec_topic.strip().lower()
    want = topic.strip().lower()
    number, _, rest = full.partition(" ")
    return want in (full, number, rest) or (bool(want) and rest.startswith(want + " "))


def names(topic: str | None = None) -> list[str]:
    """Names of the registered datasets (optionally of one topic: ``"03 loyalty"``, ``"loyalty"`` or ``"03"``)."""
    all_specs = specs()
    if topic is None:
        return sorted(all_specs)
    topics = sorted({s.topic for s in all_specs.values()})
    if not isinstance(topic, str):
        raise CRMDataError(f"topic must be text, got {type(topic).__name__} {topic!r}. "
                           f"Fix: pass one of {', '.join(map(repr, topics))}, or no topic for all datasets.")
    out = sorted(n for n, s in all_specs.items() if _topic_matches(s.topic, topic))
    if not out:
        raise CRMDataError(f"topic={topic!r} has no datasets. The topics are: {', '.join(map(repr, topics))}. "
                           "Fix: pass one of those (or its name without the number, e.g. 'loyalty').")
    return out


_MAX_SIZE = 1_000_000  # per size argument: more would stall a classroom kernel


def _check_seed(seed) -> int:
    """A generator seed: a whole number >= 0 (numpy's default_rng refuses negative seeds)."""
    return require_int(seed, "seed", minimum=0)


def _check_size(spec: DatasetSpec, key: str, value):
    """A size argument has the type of its default: counts are whole numbers >= 1; rates lie in [0, 1)."""
    default = spec.defaults[key]
    if isinstance(default, (int, np.integer)) and not isinstance(default, bool):
        return require_int(value, key, minimum=1, maximum=_MAX_SIZE)
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, float, np.integer, np.floating)):
        raise CRMDataError(f"{key}={value!r} must be a number ({type(value).__name__} given). "
                           f"Fix: pass a number, e.g. {key}={default}.")
    value = float(value)
    upper = 1.0 if "rate" in key or "share" in key else np.inf
    if not np.isfinite(value) or value < 0 or value >= upper:
        bound = ">= 0 and below 1" if upper == 1.0 else ">= 0 and finite"
        raise CRMDataError(f"{key}={value!r} must be {bound}. Fix: pass e.g. {key}={default}.")
    return value


def load(name: str) -> pd.DataFrame:
    """The shipped CSV ``name`` as a DataFrame with proper dtypes.

    Works from any working directory and after a regular ``pip install``.
    """
    spec = get_spec(name)
    path = data_dir() / spec.filename
    if not path.exists():
        raise CRMDataError(
            f"dataset file {spec.filename} is missing from {path.parent}. "
            "Fix: regenerate the shipped data with `crmlab data`."
        )
    return read_csv(spec, path)


def generate(name: str, seed: int | None = None, **size) -> Generated:
    """Run the generator of ``name`` with ``seed`` (default: the shipped seed).

    Returns a :class:`Generated` with ``.frame`` (same dtypes as ``load``)
    and ``.truth`` (the parameters the data were drawn from). Size
    arguments (e.g. ``n=500``) default to those of the shipped file.
    """
    spec = get_spec(name)
    unknown = set(size) - set(spec.defaults)
    if unknown:
        args = ", ".join(sorted(spec.defaults))
        raise CRMDataError(
            f"dataset {name!r} does not take {', '.join(sorted(unknown))}; "
            f"its size arguments are: {args or 'none'}. "
            + (f"Fix: use {args} instead." if args else "Fix: call it with seed= only (it is a fixed table).")
        )
    seed = spec.default_seed if seed is None else _check_seed(seed)
    kwargs = {**spec.defaults, **{k: _check_size(spec, k, v) for k, v in size.items()}}
    out = spec.generator(seed=seed, **kwargs)
    return Generated(normalise_frame(spec, out.frame), out.truth)


def ground_truth(name: str, seed: int | None = None, **size) -> dict:
    """The ground truth of ``name`` at a seed and size (default: the shipped file's)."""
    return generate(name, seed=seed, **size).truth


def describe(name: str, lang: str = "en") -> pd.DataFrame:
    """The data dictionary of one dataset as a table.

    ``lang="zh"``: Chinese headers, and the meanings and units that ``crmlab/labels/dictionary.py`` has for
    this dataset (an entry whose English no longer matches the spec shows the spec's English).
    """
    from crmlab.labels import check_lang, source, t

    check_lang(lang)
    spec = get_spec(name)
    keys = source()

    def text(key, en):
        return t(key, lang) if lang != "en" and keys.get(key) == _dictionary_english(en) else en

    return pd.DataFrame(
        [(c.name, c.dtype, text(f"dd_{name}__{c.name}__unit", c.unit), text(f"dd_{name}__{c.name}", c.description))
         for c in spec.columns],
        columns=[text(f"dd_{h}", h) for h in ("column", "type", "unit or range", "meaning")],
    )


def _dictionary_english(text: str) -> str:
    """A spec text as ``crmlab/labels/dictionary.py`` stores it: without a bracketed Chinese term.

    >>> _dictionary_english("Rating of quality (质量)"), _dictionary_english("Bought again (observed)")
    ('Rating of quality', 'Bought again (observed)')
    """
    import re

    return re.sub(r"\s*[(（][^()（）]*[\u3400-\u9fff][^()（）]*[)）]", "", str(text)).strip()


def _md_escape(text: str) -> str:
    return str(text).replace("|", "\\|")


def _dataset_text(name: str, what: str, english: str, lang: str) -> str:
    """A dataset-level text of the dictionary (``what``: title, about, truth) in ``lang``: the label
    ``dd_<name>`` (title), ``dd_<name>_about`` or ``dd_<name>_truth`` when its English is the spec's text
    (else the spec's English: an entry not yet translated, or stale, shows its English)."""
    from crmlab.labels import source, t

    key = f"dd_{name}" if what == "title" else f"dd_{name}_{what}"
    return t(key, lang) if lang != "en" and source().get(key) == _without_chinese(english) else english.strip()


def _without_chinese(text: str) -> str:
    """A dataset's title or description as its label's English (no Chinese in the kit's code): the Chinese
    parts of brackets left out, a bracket holding only Chinese left out whole (also a bracket that holds a
    bracket, such as a function call).

    >>> _without_chinese("The case (案例六): from 1 (very dissatisfied, 很不满意) to 5 (Q1-Q4)")
    'The case: from 1 (very dissatisfied) to 5 (Q1-Q4)'
    >>> _without_chinese("Five dimensions (tangibles 有形性, empathy 移情性; wordings in `instrument()`).")
    'Five dimensions (wordings in `instrument()`).'
    """
    import re

    han = re.compile(r"[\u3400-\u9fff]")
    inner = r"[(（][^()（）]*[)）]"

    def fix(m):
        if not han.search(m.group(2)):
            return m.group(0)
        parts = re.findall(rf"(?:[^,，;；()（）]|{inner})+", m.group(2))  # split at the bracket's own commas
        kept = [p.strip() for p in parts if p.strip() and not han.search(p)]
        return f"{m.group(1)}({', '.join(kept)})" if kept else ""

    text = re.sub(r"(\s*)[(（]([^()（）]*)[)）]", fix, str(text))  # innermost brackets first
    return re.sub(rf"(\s*)[(（]((?:[^()（）]|{inner})*)[)）]", fix, text).strip()


def data_dictionary(lang: str = "en") -> str:
    """The Markdown text of ``datasets/README.md`` (``lang="zh"``: ``datasets/README.zh.md``); generated, never
    edited by hand. The Chinese one takes its headings from ``crmlab/labels/dictionary.py`` (``dd_readme_*``), its
    column tables from :func:`describe` and each dataset's title, description and ground-truth note from the
    ``dd_<dataset>``, ``dd_<dataset>_about`` and ``dd_<dataset>_truth`` labels (English where there is none yet).

    >>> data_dictionary("zh").splitlines()[0]
    '# 数据集：数据字典'
    """
    from crmlab.labels import check_lang, t

    check_lang(lang)
    all_specs = specs()
    if lang == "en":
        lines = [
            "# Datasets: the data dictionary (数据字典)",
            "",
            "<!-- Generated by `crmlab data` from crmlab/datasets/*.py. Do not edit by hand:",
            "     a test fails when this file and the code drift apart. -->",
            "",
            "Every table here is **synthetic**: drawn by a seeded generator in",
            "`crmlab.datasets`, which also records the ground truth it used (the",
            "`*.truth.json` file next to each CSV). Numbers describe no real firm.",
            "Load a table with `crmlab.datasets.load(name)`; draw a new sample with",
            "`crmlab.datasets.generate(name, seed=..., ...)`.",
            "",
            "| dataset | topic | rows | generator defaults | what it is |",
            "|---|---|---|---|---|",
        ]
    else:
        lines = [
            f"# {t('dd_readme_title', lang)}",
            "",
            f"<!-- {t('dd_readme_generated', lang)} -->",
            "",
            t("dd_readme_intro", lang),
            "",
            t("dd_readme_overview_header", lang),
            "|---|---|---|---|---|",
        ]
    for name in sorted(all_specs):
        s = all_specs[name]
        args = ", ".join([f"seed={s.default_seed}"] + [f"{k}={v!r}" for k, v in s.defaults.items()])
        title = _md_escape(_dataset_text(name, "title", s.title, lang))
        if lang == "en":
            kind = " (illustrative, hand-made)" if s.illustrative else ""
            lines.append(f"| [`{name}`](#{name}) | {s.topic} | {_rows(s)} | `{args}` | {title}{kind} |")
        else:
            kind = t("dd_readme_illustrative_short", lang) if s.illustrative else ""
            lines.append(f"| [`{name}`](#{name}) | `{s.topic}` | {_rows(s)} | `{args}` | {title}{kind} |")
    for name in sorted(all_specs):
        s = all_specs[name]
        lines += ["", f"## {name}", "", _dataset_text(name, "about", s.description, lang), ""]
        if s.illustrative:
            lines += [t("dd_readme_illustrative", lang) if lang != "en" else
                      "*Illustrative table: hand-made for teaching, not drawn from a model.*", ""]
        if s.truth_notes:
            notes = _dataset_text(name, "truth", s.truth_notes, lang)
            lines += [t("dd_readme_truth", lang, name=name, notes=notes) if lang != "en" else
                      f"**Ground truth** (`{name}.truth.json`): {notes}", ""]
        if lang == "en":
            lines += ["| column | type | unit or range | meaning |", "|---|---|---|---|"]
            for c in s.columns:
                lines.append(f"| `{c.name}` | {c.dtype} | {_md_escape(c.unit)} | {_md_escape(c.description)} |")
        else:
            table = describe(name, lang)
            lines += ["| " + " | ".join(table.columns) + " |", "|---|---|---|---|"]
            for col, dtype, unit, meaning in table.itertuples(index=False):
                lines.append(f"| `{col}` | {dtype} | {_md_escape(unit)} | {_md_escape(meaning)} |")
    return "\n".join(lines) + "\n"


_ROWS_CACHE: dict[str, int] = {}


def _rows(spec: DatasetSpec) -> int:
    if spec.name not in _ROWS_CACHE:
        _ROWS_CACHE[spec.name] = len(generate(spec.name).frame)
    return _ROWS_CACHE[spec.name]


def expected_files() -> dict[str, str]:
    """Every shipped file's name and exact text, regenerated from the code."""
    files = {}
    for name, spec in sorted(specs().items()):
        out = spec.generator(seed=spec.default_seed, **spec.defaults)
        files[spec.filename] = to_csv_text(spec, out.frame)
        files[f"{name}.truth.json"] = truth_json(out.truth)
        _ROWS_CACHE[name] = len(out.frame)
    files["README.md"] = data_dictionary()
    files["README.zh.md"] = data_dictionary("zh")
    return files


def write_all(directory: str | Path | None = None) -> list[Path]:
    """Regenerate every shipped CSV, its truth JSON and the data dictionaries (README.md, README.zh.md) into ``directory``."""
    from crmlab._io import atomic_path, out_folder

    directory = out_folder(directory if directory is not None else data_dir(), "--dir / directory")
    written = []
    for fname, text in expected_files().items():
        path = directory / fname
        try:
            with atomic_path(path) as tmp:
                tmp.write_text(text, encoding="utf-8", newline="")
        except OSError as exc:
            raise CRMDataError(f"cannot write {str(path)!r} ({exc.strerror or exc}). "
                               "Fix: pass a folder you can write to (--dir), or free some disk space.") from None
        written.append(path)
    return written
