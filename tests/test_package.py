"""The package as a whole: light import, the CLI, a regular (non-editable) install."""

import subprocess
import sys
import zipfile

import pytest

import crmlab
from crmlab.cli import main

from nbtools import ROOT


def test_import_is_light_and_has_no_side_effects():
    """Every topic (found by the registry), its old flat paths and the datasets load no plotting or widget library."""
    code = ("import sys, importlib, crmlab, crmlab.datasets, crmlab.validate, crmlab.labels, crmlab.checks; "
            "from crmlab import _topics; topics = _topics.discover(); "
            "[importlib.import_module(f'crmlab.{t}') for t in topics]; "
            "[importlib.import_module(f'crmlab.{t}.data') for t in topics]; "
            "[importlib.import_module(f'crmlab.{t}.checks') for t in topics]; "
            "import crmlab.bgnbd; crmlab.datasets.names(); crmlab.labels.t('csi', 'zh'); "
            "print(len(topics), sorted(m for m in ('seaborn', 'matplotlib', 'ipywidgets') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "7 []"


def test_error_type_is_a_value_error():
    assert issubclass(crmlab.CRMDataError, ValueError)


def test_unknown_attribute():
    with pytest.raises(AttributeError):
        crmlab.nonexistent  # noqa: B018


def test_cli_data_check_passes(capsys):
    assert main(["data", "--check"]) == 0


def test_cli_exercises_check_passes(capsys):
    assert main(["exercises", "--check", "--root", str(ROOT)]) == 0


def test_cli_bad_input_is_one_line_not_a_traceback():
    out = subprocess.run([sys.executable, "-m", "crmlab.cli", "data", "--bogus"], capture_output=True, text=True)
    assert out.returncode == 2 and "Traceback" not in out.stderr


def test_wheel_ships_the_datasets_and_load_works_after_regular_install(tmp_path):
    wheel_dir = tmp_path / "wheel"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
                    "-w", str(wheel_dir), str(ROOT)], check=True, capture_output=True)
    wheel = next(wheel_dir.glob("crmlab-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "crmlab/_shipped/satisfaction_survey.csv" in names
    assert "crmlab/_shipped/README.md" in names
    site = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(site),
                    str(wheel)], check=True, capture_output=True)
    code = ("import crmlab.datasets as d, crmlab; "
            "print(crmlab.__file__); print(len(d.load('satisfaction_survey')))")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    out = subprocess.run([sys.executable, "-I", "-c", f"import sys; sys.path.insert(0, {str(site)!r}); " + code],
                         cwd=elsewhere, capture_output=True, text=True, check=True)
    file_line, rows = out.stdout.split()
    assert file_line.startswith(str(site))
    assert rows == "1200"
