"""Docs that run and say enough: doctests in the suite, Parameters sections, READINGS.md references."""

import dataclasses
import importlib
import inspect
import pkgutil
import re
import tomllib
from pathlib import Path

import crmlab

ROOT = Path(__file__).resolve().parents[1]
MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "January",
          "February", "March", "April", "June", "July", "August", "September", "October", "November",
          "December"}  # dates in messages ("4 September 2013"), not citations
MAX_UNDOCUMENTED = 6  # public functions with more parameters need a numpydoc Parameters section


def _modules():
    for m in pkgutil.walk_packages(crmlab.__path__, "crmlab."):
        yield importlib.import_module(m.name)


def _public_functions():
    for mod in _modules():
        for name, obj in vars(mod).items():
            if name.startswith("_") or getattr(obj, "__module__", None) != mod.__name__:
                continue
            if inspect.isfunction(obj):
                yield f"{mod.__name__}.{name}", obj
            elif inspect.isclass(obj):
                for k, f in vars(obj).items():
                    generated = k == "__init__" and dataclasses.is_dataclass(obj)  # fields are the class's docs
                    if inspect.isfunction(f) and not generated and (not k.startswith("_") or k == "__init__"):
                        yield f"{mod.__name__}.{name}.{k}", f


def _params(f):
    return [p.name for p in inspect.signature(f).parameters.values()
            if p.name not in ("self", "cls") and p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)]


def test_doctests_are_part_of_the_suite():
    cfg = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["pytest"]["ini_options"]
    assert "--doctest-modules" in cfg["addopts"]
    assert "crmlab" in cfg["testpaths"]


def test_many_parameters_have_a_parameters_section():
    missing = []
    for name, f in _public_functions():
        params = _params(f)
        if len(params) <= MAX_UNDOCUMENTED:
            continue
        doc = inspect.getdoc(f) or ""
        if "Parameters\n----------" not in doc:
            missing.append(f"{name}: no Parameters section")
            continue
        section = doc.split("Parameters\n----------", 1)[1]
        named = {n.strip() for line in section.splitlines() if re.match(r"^[A-Za-z_][\w, ]* :", line)
                 for n in line.split(":", 1)[0].split(",")}
        if set(params) - named:
            missing.append(f"{name}: {sorted(set(params) - named)} not described")
    assert not missing, "\n".join(missing)


def test_docstrings_cite_readings_not_seed_files():
    """References are to READINGS.md entries, never to 'seed 000'-style files outside the repository."""
    readings = (ROOT / "READINGS.md").read_text(encoding="utf-8")
    bad, uncited = [], set()
    for mod in _modules():
        src = inspect.getsource(mod)
        for doc in [mod.__doc__ or ""] + [getattr(o, "__doc__", "") or "" for o in vars(mod).values()
                                          if inspect.isfunction(o) or inspect.isclass(o)]:
            if re.search(r"\bseeds?\s+0\d\d\b|seeds/", doc):
                bad.append(mod.__name__)
        for author in re.findall(r"\b([A-Z][a-z]+)(?: (?:&|and) [A-Z][a-z]+| et al\.)?,? \(?(?:19|20)\d\d\b", src):
            if author not in readings and author not in MONTHS:
                uncited.add(author)
    assert not bad, f"'seed 00N' in docstrings of {sorted(set(bad))}: cite READINGS.md instead"
    assert not uncited, f"cited in crmlab but not in READINGS.md: {sorted(uncited)}"
