"""The two halves of getting a student's answers out of a kernel as plain data.

:data:`KERNEL_CODE` is the cell :mod:`crmlab.grade` appends to a submission:
it runs in the student's kernel and turns the answer variables (``q1``,
``q2``, ...) and the exercise's parameters into JSON (numbers, strings,
lists, and tagged structures for tuples, sets, dicts, numpy and pandas
objects), displayed once under :data:`MIME` with the grader's one-time
``nonce``. Nothing of the student's code is called on purpose (no
``__repr__`` of an unknown object beyond a capped ``type`` name), nothing is
pickled.

:func:`decode` runs in the grader: it rebuilds the values from that JSON and
accepts only the tags listed here; anything else becomes an
:class:`Unsupported` placeholder that the checks report as a wrong type. No
code and no object of the student's survives the trip, only data.
"""

from __future__ import annotations

MIME = "application/vnd.crmlab.answers+json"
MAX_ITEMS = 200_000  # values per submission (a DataFrame of 200 000 cells is far beyond any answer)
MAX_TEXT = 100_000  # characters of one string kept

# Runs in the student's kernel. Filled with .format(names=..., params=..., nonce=...); every
# name it leaves behind starts with _crmlab_ and is deleted at the end.
KERNEL_CODE = r'''
def _crmlab_collect(_names, _params, _nonce):
    import sys
    from IPython.display import display
    np = sys.modules.get("numpy")
    pd = sys.modules.get("pandas")
    ns = globals()
    budget = [{max_items}]

    def enc(v, depth=0):
        budget[0] -= 1
        if budget[0] < 0 or depth > 20:
            return {{"__type__": "unsupported", "type": "too large"}}
        if v is Ellipsis:
            return {{"__type__": "ellipsis"}}
        if v is None or type(v) is bool:
            return v
        if type(v) is int:
            return v
        if type(v) is float:
            return v if v == v and v not in (float("inf"), float("-inf")) else {{"__type__": "float", "value": repr(v)}}
        if isinstance(v, str):
            return str(v)[:{max_text}]
        if type(v) is list:
            return [enc(x, depth + 1) for x in v]
        if type(v) is tuple:
            return {{"__type__": "tuple", "items": [enc(x, depth + 1) for x in v]}}
        if type(v) in (set, frozenset):
            items = [enc(x, depth + 1) for x in v]
            return {{"__type__": "set", "items": sorted(items, key=repr)}}
        if type(v) is dict:
            return {{"__type__": "dict", "items": [[enc(k, depth + 1), enc(x, depth + 1)] for k, x in v.items()]}}
        if pd is not None:
            if isinstance(v, pd.DataFrame):
                budget[0] -= v.size
                if budget[0] < 0:
                    return {{"__type__": "unsupported", "type": "too large"}}
                return {{"__type__": "DataFrame", "columns": enc(v.columns, depth + 1), "index": enc(v.index, depth + 1),
                        "data": [[enc(x, depth + 2) for x in row] for row in v.astype(object).values.tolist()],
                        "dtypes": [str(d) for d in v.dtypes]}}
            if isinstance(v, pd.Series):
                budget[0] -= v.size
                if budget[0] < 0:
                    return {{"__type__": "unsupported", "type": "too large"}}
                return {{"__type__": "Series", "name": enc(v.name, depth + 1), "index": enc(v.index, depth + 1),
                        "values": [enc(x, depth + 1) for x in v.astype(object).tolist()], "dtype": str(v.dtype)}}
            if isinstance(v, pd.Index):
                return {{"__type__": "Index", "name": enc(v.name, depth + 1),
                        "items": [enc(x, depth + 1) for x in v.tolist()], "dtype": str(v.dtype)}}
            if isinstance(v, pd.Timestamp):
                return {{"__type__": "Timestamp", "value": v.isoformat()}}
            if v is pd.NaT:
                return {{"__type__": "NaT"}}
            if v is pd.NA:
                return {{"__type__": "NA"}}
        if np is not None:
            if isinstance(v, np.ndarray):
                budget[0] -= v.size
                if budget[0] < 0:
                    return {{"__type__": "unsupported", "type": "too large"}}
                return {{"__type__": "ndarray", "dtype": str(v.dtype), "shape": list(v.shape),
                        "data": [enc(x, depth + 1) for x in v.reshape(-1).tolist()]}}
            if isinstance(v, np.generic):
                return {{"__type__": "numpy", "dtype": str(v.dtype), "value": enc(v.item(), depth + 1)}}
        return {{"__type__": "unsupported", "type": str(type(v).__name__)[:80]}}

    def safe(v):
        try:
            return enc(v)
        except Exception as exc:
            return {{"__type__": "unsupported", "type": "could not be read: " + type(exc).__name__}}

    answers = {{q: (safe(ns[q]) if q in ns else {{"__type__": "missing"}}) for q in _names}}
    params = {{p: (safe(ns[p]) if p in ns else {{"__type__": "missing"}}) for p in _params}}
    display({{"{mime}": {{"nonce": _nonce, "answers": answers, "params": params}}}}, raw=True)

_crmlab_collect({names!r}, {params!r}, {nonce!r})
del _crmlab_collect
'''


def kernel_code(names: list[str], params: list[str], nonce: str) -> str:
    """The collection cell for these answer and parameter names (the kit's names, never a student's)."""
    return KERNEL_CODE.format(names=list(names), params=list(params), nonce=str(nonce), mime=MIME,
                              max_items=MAX_ITEMS, max_text=MAX_TEXT)


class Unsupported:
    """An answer the grader cannot rebuild (an object of a type that is not plain data)."""

    def __init__(self, what: str):
        self.what = str(what)[:80]

    def __repr__(self) -> str:
        return f"<{self.what}>"


class Missing:
    """No variable of that name in the kernel."""


_NUMPY_KINDS = set("biufU")


def decode(obj, depth: int = 0):
    """The value a JSON structure of :data:`KERNEL_CODE` stands for (only the known tags)."""
    import numpy as np
    import pandas as pd

    if depth > 25:
        return Unsupported("too deep")
    if obj is None or isinstance(obj, (bool, int, str)):
        return obj
    if isinstance(obj, float):
        return obj
    if isinstance(obj, list):
        return [decode(x, depth + 1) for x in obj]
    if not isinstance(obj, dict):
        return Unsupported(type(obj).__name__)
    tag = obj.get("__type__")
    try:
        if tag == "ellipsis":
            return Ellipsis
        if tag == "missing":
            return Missing()
        if tag == "float":
            value = str(obj.get("value"))
            return float(value) if value in ("nan", "inf", "-inf") else Unsupported("float")
        if tag == "tuple":
            return tuple(decode(x, depth + 1) for x in obj["items"])
        if tag == "set":
            return {_hashable(decode(x, depth + 1)) for x in obj["items"]}
        if tag == "dict":
            return {_hashable(decode(k, depth + 1)): decode(v, depth + 1) for k, v in obj["items"]}
        if tag == "numpy":
            dtype = np.dtype(str(obj["dtype"]))
            value = decode(obj["value"], depth + 1)
            return np.asarray(value, dtype=dtype)[()] if dtype.kind in _NUMPY_KINDS else value
        if tag == "ndarray":
            dtype = np.dtype(str(obj["dtype"]))
            data = [decode(x, depth + 1) for x in obj["data"]]
            shape = [int(s) for s in obj["shape"]]
            arr = np.asarray(data, dtype=dtype if dtype.kind in _NUMPY_KINDS else object)
            return arr.reshape(shape)
        if tag == "Index":
            return _index(obj, depth)
        if tag == "Series":
            values = [decode(x, depth + 1) for x in obj["values"]]
            s = pd.Series(values, index=_index(obj["index"], depth + 1), name=_hashable(decode(obj["name"], depth + 1)),
                          dtype=object)
            return _typed(s, str(obj.get("dtype", "")))
        if tag == "DataFrame":
            rows = [[decode(x, depth + 2) for x in row] for row in obj["data"]]
            columns = _index(obj["columns"], depth + 1)
            frame = pd.DataFrame(rows, index=_index(obj["index"], depth + 1), columns=columns, dtype=object)
            if not len(frame.columns):
                return frame
            dtypes = [str(d) for d in obj.get("dtypes", [])]
            if len(dtypes) == frame.shape[1]:
                frame = pd.concat([_typed(frame.iloc[:, j], d) for j, d in enumerate(dtypes)], axis=1)
                frame.columns = columns
            return frame
        if tag == "Timestamp":
            return pd.Timestamp(str(obj["value"]))
        if tag == "NaT":
            return pd.NaT
        if tag == "NA":
            return pd.NA
        if tag == "unsupported":
            return Unsupported(str(obj.get("type", "object")))
    except (KeyError, TypeError, ValueError, OverflowError):
        return Unsupported(f"malformed {tag}")
    return Unsupported(str(tag))


def _hashable(v):
    try:
        hash(v)
        return v
    except TypeError:
        return repr(v)


def _index(obj, depth: int):
    import pandas as pd

    if not (isinstance(obj, dict) and obj.get("__type__") == "Index"):
        raise ValueError("not an index")
    items = [_hashable(decode(x, depth + 1)) for x in obj["items"]]
    name = _hashable(decode(obj.get("name"), depth + 1))
    if items and all(isinstance(i, tuple) for i in items):
        return pd.MultiIndex.from_tuples(items)
    return _typed(pd.Index(items, name=name, dtype=object), str(obj.get("dtype", "")))


def _typed(values, dtype: str):
    """A Series/Index of objects back in its numeric, boolean or text dtype (others stay objects)."""
    import pandas as pd

    try:
        if dtype.startswith(("float", "int", "uint")) or dtype == "bool":
            return values.astype(dtype)
        if dtype == "str" or dtype.startswith("string"):
            return values.astype("str")
    except (TypeError, ValueError):
        pass
    if isinstance(values, pd.Series) and dtype == "object":
        return values
    return values.infer_objects() if isinstance(values, pd.Series) else values
