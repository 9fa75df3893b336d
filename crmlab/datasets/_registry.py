"""The dataset registry: specs, generators, ground truth, the data dictionary."""

from __future__ import annotations

import difflib
import importlib
import io
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from crmlab.errors import CRMDataError


DTYPES = ("int", "float", "str", "bool", "date", "datetime")


@dataclass(frozen=True)
class Column:
    """One column of a dataset: name, type, unit or range, and meaning."""

    name: str
    dtype: str  # one of DTYPES
    unit: str  # unit or range, e.g. "1-5", "seconds", "CNY", "id"
    description: str

    def __post_init__(self):
        if self.dtype not in DTYPES:
            raise ValueError(f"Column {self.name}: dtype {self.dtype!r} not in {DTYPES}")


@dataclass(frozen=True)
class Generated:
    """What a generator returns: the table and its ground truth."""

    frame: pd.DataFrame
    truth: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class DatasetSpec:
    """A registered dataset.

    ``generator(seed=..., **size)`` must return a :class:`Generated` whose
    frame has exactly ``columns`` in that order. ``defaults`` are the size
    arguments used for the shipped CSV; ``illustrative`` marks small
    hand-made teaching tables that are not generated from a model.
    """

    name: str
    topic: str
    title: str
    description: str
    columns: tuple[Column, ...]
    generator: Callable[..., Generated]
    default_seed: int = 42
    defaults: dict[str, Any] = field(default_factory=dict)
    illustrative: bool = False
    truth_notes: str = ""

    @property
    def filename(self) -> str:
        return f"{self.name}.csv"


_REGISTRY: dict[str, DatasetSpec] = {}
_LOADED: set[str] = set()  # topics whose data module has been imported


def register(spec: DatasetSpec) -> DatasetSpec:
    if spec.name in _REGISTRY and _REGISTRY[spec.name] is not spec:
        raise ValueError(f"dataset {spec.name!r} registered twice")
    _REGISTRY[spec.name] = spec
    return spec


def _load_topics() -> None:
    """Import the ``data`` module of every topic package (crmlab._topics): each registers its datasets."""
    from crmlab import _topics

    for topic in _topics.discover():
        if topic not in _LOADED and _topics.has_piece(topic, "data"):
            importlib.import_module(_topics.piece_name(topic, "data"))
            _LOADED.add(topic)


def specs() -> dict[str, DatasetSpec]:
    _load_topics()
    return dict(_REGISTRY)


def get_spec(name: str) -> DatasetSpec:
    all_specs = specs()
    if not isinstance(name, str):
        raise CRMDataError(
            f"dataset name must be text, got {type(name).__name__} {name!r}. "
            f"Fix: pass one of {', '.join(map(repr, sorted(all_specs)))}."
        )
    if name not in all_specs:
        key = name.strip().lower().replace("-", "_").replace(" ", "_")
        if key in all_specs:
            close = [key]
        else:
            close = difflib.get_close_matches(key, list(all_specs), n=3, cutoff=0.5)
            close += [n for n in sorted(all_specs) if key and key in n and n not in close][:3]
        hint = f"Did you mean {' or '.join(map(repr, close))}? " if close else ""
        raise CRMDataError(
            f"unknown dataset {name!r}. {hint}Known datasets: {', '.join(sorted(all_specs))}. "
            "Fix: use one of those names (crmlab.datasets.names() lists them)."
        )
    return all_specs[name]


# ---------------------------------------------------------------- files

def data_dir() -> Path:
    """Where the shipped CSVs are: the repository's datasets/ folder in a
    source checkout or editable install, the package's _shipped folder after
    a regular install."""
    root = Path(__file__).resolve().parents[2]
    repo = root / "datasets"
    if (root / "pyproject.toml").exists() and repo.is_dir():
        return repo
    shipped = Path(__file__).resolve().parents[1] / "_shipped"
    if shipped.exists():
        return shipped
    raise CRMDataError(
        "the shipped datasets were not found (looked in the repository's datasets/ "
        "and in the installed package). Fix: reinstall the kit with `pip install .`."
    )


# ---------------------------------------------------------------- csv i/o

def _check_frame(spec: DatasetSpec, df: pd.DataFrame) -> None:
    names = [c.name for c in spec.columns]
    if list(df.columns) != names:
        raise AssertionError(f"{spec.name}: generator columns {list(df.columns)} != spec {names}")


def to_csv_text(spec: DatasetSpec, df: pd.DataFrame) -> str:
    """Serialise deterministically: fixed float format, ISO dates, '\\n' line ends."""
    _check_frame(spec, df)
    out = pd.DataFrame(index=df.index)
    for col in spec.columns:
        s = df[col.name]
        if col.dtype == "float":
            out[col.name] = s.map(lambda v: "" if pd.isna(v) else format(round(float(v), 4), ".10g"))
        elif col.dtype == "int":
            out[col.name] = s.map(lambda v: "" if pd.isna(v) else str(int(v)))
        elif col.dtype == "bool":
            out[col.name] = s.map(lambda v: "" if pd.isna(v) else ("1" if bool(v) else "0"))
        elif col.dtype == "date":
            out[col.name] = pd.to_datetime(s).dt.strftime("%Y-%m-%d").fillna("")
        elif col.dtype == "datetime":
            out[col.name] = pd.to_datetime(s).dt.strftime("%Y-%m-%d %H:%M:%S").fillna("")
        else:
            out[col.name] = s.astype("string").fillna("")
    buf = io.StringIO()
    out.to_csv(buf, index=False, lineterminator="\n")
    return buf.getvalue()


def read_csv(spec: DatasetSpec, source) -> pd.DataFrame:
    """Read a shipped CSV with the spec's dtypes."""
    dtype = {}
    dates = []
    for col in spec.columns:
        if col.dtype == "str":
            dtype[col.name] = "str"
        elif col.dtype in ("date", "datetime"):
            dates.append(col.name)
            dtype[col.name] = "str"
    df = pd.read_csv(source, dtype=dtype, keep_default_na=True)
    for col in spec.columns:
        s = df[col.name]
        if col.dtype == "int":
            df[col.name] = s.astype("int64") if not s.isna().any() else s.astype("Int64")
        elif col.dtype == "float":
            df[col.name] = s.astype("float64")
        elif col.dtype == "bool":
            df[col.name] = s.astype("boolean") if s.isna().any() else s.astype(bool)
        elif col.dtype in ("date", "datetime"):
            df[col.name] = pd.to_datetime(s, format="ISO8601")
    return df


def normalise_frame(spec: DatasetSpec, df: pd.DataFrame) -> pd.DataFrame:
    """Give a freshly generated frame the same dtypes as a loaded CSV."""
    return read_csv(spec, io.StringIO(to_csv_text(spec, df)))


# ---------------------------------------------------------------- truth json

def _jsonable(obj):
    if isinstance(obj, dict):
        return {str(k): _jsonable(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [_jsonable(v) for v in obj]
    if isinstance(obj, pd.Series):
        return _jsonable(obj.to_dict())
    if isinstance(obj, pd.DataFrame):
        return _jsonable(obj.to_dict(orient="list"))
    if isinstance(obj, np.ndarray):
        return _jsonable(obj.tolist())
    if isinstance(obj, (np.floating, float)):
        return round(float(obj), 6)
    if isinstance(obj, (np.integer,)):
        return int(obj)
    if isinstance(obj, (np.bool_,)):
        return bool(obj)
    return obj


def truth_json(truth: dict) -> str:
    return json.dumps(_jsonable(truth), indent=2, ensure_ascii=False, sort_keys=True) + "\n"
