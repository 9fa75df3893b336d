"""The one topic registry (crmlab._topics): discovery, no shared edit for a new topic, no name clashes,
dependencies one way (computation <- data), old module paths kept."""

from __future__ import annotations

import ast
import importlib
import sys
import textwrap
from pathlib import Path

import pytest

import crmlab
from crmlab import _topics, datasets, labels
from crmlab.datasets import _registry

TOPICS = ("burnett", "complaints", "loyalty", "pls", "satisfaction", "servqual", "value")


def test_the_seven_topics_are_discovered_and_nothing_else():
    assert _topics.discover() == TOPICS
    for name in TOPICS:
        assert _topics.topic(name).name == name


def _write_topic(root: Path, name: str, exports: list[str]) -> None:
    pkg = root / name
    pkg.mkdir()
    (pkg / "__init__.py").write_text(textwrap.dedent(f"""
        from crmlab._topics import Topic
        from crmlab.{name}.core import *  # noqa
        from crmlab.{name}.core import __all__  # noqa
        TOPIC = Topic("{name}", "A test topic")
    """))
    funcs = "\n".join(f"def {n}():\n    return {n!r}\n" for n in exports)
    (pkg / "core.py").write_text(f"__all__ = {exports!r}\nSIZE = 3\n{funcs}")
    (pkg / "data.py").write_text(textwrap.dedent(f"""
        import pandas as pd
        from crmlab.{name}.core import SIZE
        from crmlab.datasets._registry import Column, DatasetSpec, Generated, register

        def make(seed=1, n=SIZE):
            return Generated(pd.DataFrame({{"x": list(range(n))}}), {{"n": n}})

        register(DatasetSpec(name="{name}_table", topic="99 {name}", title="t", description="d",
                             columns=(Column("x", "int", "id", "a number"),), generator=make, defaults={{"n": SIZE}}))
    """))
    (pkg / "labels.py").write_text(f'LABELS = {{"{name}_hello": "Hello from {name}"}}\n')
    (pkg / "plots.py").write_text(f'__all__ = ["{name}_bars"]\n\ndef {name}_bars():\n    return "bars"\n')
    (pkg / "checks.py").write_text("def exercise_data():\n    return 'data'\n")


@pytest.fixture
def extra_path(tmp_path, monkeypatch):
    """crmlab.__path__ with a temporary folder added; the registries' state restored afterwards."""
    monkeypatch.setattr(crmlab, "__path__", [*crmlab.__path__, str(tmp_path)])
    monkeypatch.setattr(_registry, "_REGISTRY", dict(_registry._REGISTRY))
    monkeypatch.setattr(_registry, "_LOADED", set(_registry._LOADED))
    before = set(sys.modules)
    yield tmp_path
    for mod in set(sys.modules) - before:
        if mod.startswith("crmlab."):
            del sys.modules[mod]
    for area in ("checks", "plots", "datasets", "labels", "widgets"):
        for name in ("zeta", "eta"):
            getattr(sys.modules.get(f"crmlab.{area}"), "__dict__", {}).pop(name, None)


def test_a_new_topic_package_is_picked_up_with_no_shared_edit(extra_path):
    _write_topic(extra_path, "zeta", ["zeta_score"])
    assert "zeta" in _topics.discover()
    assert "zeta_table" in datasets.names() and datasets.names("zeta") == ["zeta_table"]
    assert datasets.generate("zeta_table", seed=1).frame["x"].tolist() == [0, 1, 2]
    assert labels.t("zeta_hello") == "Hello from zeta" == labels.t("zeta_hello", "zh")  # not translated: English
    from crmlab import plots

    assert plots.zeta_bars() == "bars"
    from crmlab.checks import zeta as check  # the exercise notebooks' form

    assert check.exercise_data() == "data"
    assert crmlab.zeta.zeta_score() == "zeta_score"


def test_two_topics_exporting_the_same_public_name_fail(extra_path):
    _write_topic(extra_path, "zeta", ["shared_name", "zeta_only"])
    _write_topic(extra_path, "eta", ["shared_name"])
    assert _topics.clashes("") >= {"shared_name"}
    with pytest.raises(ValueError, match=r"'shared_name' \((eta and zeta|zeta and eta)\)"):
        _topics.exports("")
    assert crmlab.zeta.zeta_only() == "zeta_only"  # each topic still works on its own


@pytest.mark.parametrize("piece", ["", "plots", "widgets", "checks"])
def test_no_two_real_topics_export_the_same_name(piece):
    assert _topics.clashes(piece) == set()


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out = set()
    for node in ast.walk(tree):  # also the imports inside functions
        if isinstance(node, ast.Import):
            out |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            out.add(node.module)
            out |= {f"{node.module}.{a.name}" for a in node.names}
    return out


@pytest.mark.parametrize("topic", TOPICS)
def test_the_computation_never_imports_the_data_generator(topic):
    folder = Path(crmlab.__file__).parent / topic
    computation = [p for p in folder.glob("*.py") if p.stem not in ("data", "labels", "plots", "widgets", "checks")]
    assert folder / "core.py" in computation
    for path in computation:
        bad = {m for m in _imports(path)
               if m == f"crmlab.{topic}.data" or m.startswith(f"crmlab.{topic}.data.") or m.startswith("crmlab.datasets")}
        assert not bad, f"{path.name} imports {sorted(bad)}: the data generator must import the model, not the reverse"


def test_the_data_generators_use_the_models_own_constants():
    from crmlab import burnett, pls, satisfaction, servqual

    assert importlib.import_module("crmlab.burnett.data").ATTRACTIVENESS_CATALOGUE is burnett.core.ATTRACTIVENESS_CATALOGUE
    assert importlib.import_module("crmlab.burnett.data")._DEFAULT_GRID is burnett.core._DEFAULT_GRID
    assert importlib.import_module("crmlab.pls.data").BLOCKS is pls.BLOCKS
    assert importlib.import_module("crmlab.satisfaction.data").ATTRIBUTES is satisfaction.ATTRIBUTES
    assert importlib.import_module("crmlab.servqual.data").DIMENSION_ITEMS is servqual.core.DIMENSION_ITEMS


def test_old_module_paths_are_the_new_modules():
    import crmlab.bgnbd
    import crmlab.checks.servqual
    import crmlab.datasets.ecsi
    import crmlab.plots.satisfaction

    assert crmlab.bgnbd is importlib.import_module("crmlab.loyalty.bgnbd")
    assert crmlab.checks.servqual is importlib.import_module("crmlab.servqual.checks")
    assert crmlab.datasets.ecsi is importlib.import_module("crmlab.pls.data")
    assert crmlab.plots.satisfaction is importlib.import_module("crmlab.satisfaction.plots")
    assert getattr(crmlab, "bgnbd").fit_bgnbd is crmlab.loyalty.fit_bgnbd
    with pytest.raises(ModuleNotFoundError):
        importlib.import_module("crmlab.plots.no_such_topic")
