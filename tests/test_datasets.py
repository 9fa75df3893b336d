"""The dataset registry: shipped files equal the generators' output, dtypes, ground truth."""

import json

import pandas as pd
import pytest

from crmlab import CRMDataError, datasets
from crmlab.datasets import expected_files

NAMES = datasets.names()


def test_registry_has_the_satisfaction_datasets():
    assert {"satisfaction_survey", "textbook_case"} <= set(NAMES)


@pytest.mark.parametrize("fname,text", sorted(expected_files().items()))
def test_shipped_file_equals_regeneration_byte_for_byte(fname, text):
    path = datasets.data_dir() / fname
    assert path.exists(), f"{fname} missing: run `crmlab data`"
    assert path.read_bytes() == text.encode("utf-8"), f"{fname} drifted from its generator: run `crmlab data`"


@pytest.mark.parametrize("name", NAMES)
def test_load_matches_generate_and_spec(name):
    spec = datasets._registry.get_spec(name)
    loaded = datasets.load(name)
    generated = datasets.generate(name).frame
    pd.testing.assert_frame_equal(loaded, generated)
    assert list(loaded.columns) == [c.name for c in spec.columns]
    for col in spec.columns:
        s = loaded[col.name]
        if col.dtype == "int":
            assert pd.api.types.is_integer_dtype(s), col.name
        elif col.dtype == "float":
            assert pd.api.types.is_float_dtype(s), col.name
        elif col.dtype == "bool":
            assert pd.api.types.is_bool_dtype(s), col.name
        elif col.dtype in ("date", "datetime"):
            assert pd.api.types.is_datetime64_any_dtype(s), col.name
        else:
            assert pd.api.types.is_string_dtype(s), col.name


@pytest.mark.parametrize("name", NAMES)
def test_same_seed_same_data_other_seed_other_data(name):
    spec = datasets._registry.get_spec(name)
    a = datasets.generate(name, seed=123).frame
    b = datasets.generate(name, seed=123).frame
    pd.testing.assert_frame_equal(a, b)
    if not spec.illustrative:
        c = datasets.generate(name, seed=124).frame
        assert not a.equals(c)


@pytest.mark.parametrize("name", NAMES)
def test_truth_json_is_the_generators_truth(name):
    shipped = json.loads((datasets.data_dir() / f"{name}.truth.json").read_text(encoding="utf-8"))
    assert shipped == json.loads(datasets._registry.truth_json(datasets.ground_truth(name)))


def test_load_works_from_another_working_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert len(datasets.load("satisfaction_survey")) == 1200


def test_data_dictionary_is_generated_from_code():
    readme = (datasets.data_dir() / "README.md").read_text(encoding="utf-8")
    assert readme == datasets.data_dictionary()
    for name in NAMES:
        assert f"## {name}" in readme
        for col in datasets._registry.get_spec(name).columns:
            assert f"| `{col.name}` |" in readme


def test_every_column_is_documented():
    for name in NAMES:
        for col in datasets._registry.get_spec(name).columns:
            assert col.description.strip() and col.unit.strip(), (name, col.name)


def test_textbook_case_is_labelled_illustrative():
    assert datasets._registry.get_spec("textbook_case").illustrative
    assert "Illustrative" in datasets.data_dictionary()
    w = datasets.load("textbook_case")["weight"]
    assert w.sum() == pytest.approx(1.0)


def test_unknown_dataset_and_size_argument_are_clear_errors():
    with pytest.raises(CRMDataError, match="unknown dataset 'nope'.*satisfaction_survey"):
        datasets.load("nope")
    with pytest.raises(CRMDataError, match="does not take rows"):
        datasets.generate("satisfaction_survey", rows=10)


def test_describe_lists_every_column():
    d = datasets.describe("satisfaction_survey")
    assert list(d["column"]) == list(datasets.load("satisfaction_survey").columns)


def test_satisfaction_generator_truth_is_consistent():
    truth = datasets.ground_truth("satisfaction_survey")
    assert sum(truth["weights"].values()) == pytest.approx(1.0)
    p = truth["repurchase_prob"]
    assert truth["top_box_ratio"] == pytest.approx(p["5"] / p["4"])
