"""crmlab._paths: one resolver for the kit's notebooks and exercises (checkout first, then the wheel's copy)."""

import pytest

from crmlab import CRMDataError, _paths, assign, cli
from crmlab.exercises import generate_all
from crmlab.runner import teaching_notebooks


def test_checkout_is_preferred():
    root = _paths.checkout_root()
    assert root is not None and (root / "pyproject.toml").is_file()
    assert _paths.kit_root() == root
    assert assign.ROOT == root
    assert _paths.resource("notebooks/08_case_report.ipynb") == root / "notebooks" / "08_case_report.ipynb"


def test_root_overrides(tmp_path):
    assert _paths.kit_root(tmp_path) == tmp_path
    (tmp_path / "exercises").mkdir()
    (tmp_path / "exercises" / "09_mine.ipynb").write_text("{}", encoding="utf-8")
    assert assign.topics(tmp_path) == ["09_mine"]


@pytest.mark.parametrize("argv", [
    ["assign", "--topic", "01_satisfaction", "--roster", "r.csv"],
    ["run"],
    ["exercises"],
])
def test_missing_kit_files_name_root(tmp_path, monkeypatch, argv):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "r.csv").write_text("student_id,name\ns1,A\n", encoding="utf-8")
    with pytest.raises(CRMDataError, match=r"(was not found|is missing|no solutions found).*Fix: pass.*--root"):
        cli.run([*argv, "--root", str(tmp_path / "empty")])


def test_installed_without_checkout(monkeypatch, tmp_path):
    """After a normal install (no checkout next to the package) the shipped copy is used; no solutions."""
    monkeypatch.setattr(_paths, "checkout_root", lambda: None)
    monkeypatch.setattr(_paths, "SHIPPED_KIT", tmp_path / "_kit")
    with pytest.raises(CRMDataError, match=r"_kit/notebooks/\[0-9\]\[0-9\]_\*\.ipynb was not found.*--root"):
        teaching_notebooks()
    with pytest.raises(CRMDataError, match=r"solutions.*not shipped.*--root"):
        generate_all()
    (tmp_path / "_kit" / "notebooks").mkdir(parents=True)
    (tmp_path / "_kit" / "notebooks" / "01_x.ipynb").write_text("{}", encoding="utf-8")
    assert teaching_notebooks() == [tmp_path / "_kit" / "notebooks" / "01_x.ipynb"]
