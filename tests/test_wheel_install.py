"""The kit works after a normal (non-editable) install from its wheel.

Builds the wheel (no downloads: hatchling from the test environment, no
build isolation), installs it into a fresh venv that reuses this
environment's packages, and runs ``crmlab report`` and ``crmlab assign``
from an unrelated folder with PYTHONPATH unset, so the installed copy (not
the checkout) is imported and must find its own notebooks and exercises.
"""

import csv
import json
import os
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.slow


def _run(cmd, cwd, env=None, timeout=600):
    r = subprocess.run([str(c) for c in cmd], cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    assert r.returncode == 0, f"{cmd} failed ({r.returncode}):\n{r.stdout[-3000:]}\n{r.stderr[-3000:]}"
    return r


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    base = tmp_path_factory.mktemp("wheel")
    _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index",
          "-q", "-w", base / "dist", ROOT], cwd=base)
    wheel = next((base / "dist").glob("crmlab-*.whl"))
    env_dir = base / "venv"
    venv.EnvBuilder(system_site_packages=True, with_pip=False, symlinks=True).create(env_dir)
    py = env_dir / "bin" / "python"
    site = Path(_run([py, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], cwd=base).stdout.strip())
    # reuse this environment's packages (after the venv's own site-packages, so the
    # wheel's crmlab wins; a plain path line does not run the editable install's .pth)
    (site / "_shared_env.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    _run([py, "-m", "pip", "install", "--no-deps", "--no-index", "-q", wheel], cwd=base)
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")}
    env["PATH"] = f"{env_dir / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    # nbconvert's templates live in the prefix it was installed into (here: the shared env's)
    env["JUPYTER_PATH"] = str(Path(sys.prefix) / "share" / "jupyter")
    work = base / "elsewhere"
    work.mkdir()
    return {"wheel": wheel, "py": py, "crmlab": env_dir / "bin" / "crmlab", "env": env, "cwd": work, "site": site}


def test_wheel_ships_notebooks_and_student_copies_but_no_solutions(installed):
    names = zipfile.ZipFile(installed["wheel"]).namelist()
    for nb in sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")):
        assert f"crmlab/_kit/notebooks/{nb.name}" in names
    for nb in sorted((ROOT / "exercises").glob("[0-9][0-9]_*.ipynb")):
        assert f"crmlab/_kit/exercises/{nb.name}" in names
    assert not [n for n in names if "solutions" in n]
    assert "crmlab/_shipped/satisfaction_survey.csv" in names


def test_wheel_ships_the_chinese_edition_but_no_chinese_solution(installed):
    names = set(zipfile.ZipFile(installed["wheel"]).namelist())
    assert {"crmlab/_kit/notebooks/zh/01_satisfaction.ipynb", "crmlab/_kit/exercises/zh/01_satisfaction.ipynb",
            "crmlab/_kit/exercises/zh/08_case_report_brief.md", "crmlab/_kit/exercises/08_case_report_brief.md",
            "crmlab/_shipped/README.zh.md"} <= names
    for pattern in ("notebooks/zh/[0-9][0-9]_*.ipynb", "exercises/zh/[0-9][0-9]_*.ipynb", "exercises/zh/[0-9][0-9]_*.md"):
        for path in sorted(ROOT.glob(pattern)):
            assert f"crmlab/_kit/{path.relative_to(ROOT).as_posix()}" in names
    assert (ROOT / "exercises/zh/solutions/01_satisfaction.ipynb").exists()  # in the checkout, never in the wheel
    assert not [n for n in names if "/solutions/" in n or n.endswith("_solution.ipynb")]


def test_installed_copy_is_imported(installed):
    r = _run([installed["py"], "-c", "import crmlab, crmlab._paths as p; print(crmlab.__file__); print(p.kit_root())"],
             cwd=installed["cwd"], env=installed["env"])
    where, kit = r.stdout.split()
    assert Path(where).is_relative_to(installed["site"])
    assert Path(kit) == installed["site"] / "crmlab" / "_kit"


def test_report_runs_from_an_unrelated_folder(installed):
    out = installed["cwd"] / "reports"
    _run([installed["crmlab"], "report", "--case", "hotpot", "--seed", "1", "--n-customers", "300",
          "--out", out, "--jobs", "1", "--quiet"], cwd=installed["cwd"], env=installed["env"])
    text = (out / "hotpot_s1_en_n300.html").read_text(encoding="utf-8")
    assert "CRM effectiveness assessment" in text


def test_assign_hands_out_the_student_copy(installed):
    roster = installed["cwd"] / "roster.csv"
    roster.write_text("student_id,name\ns001,Li Wei\n", encoding="utf-8")
    out = installed["cwd"] / "assignments"
    _run([installed["crmlab"], "assign", "--topic", "01_satisfaction", "--roster", roster, "--out", out,
          "--jobs", "1"], cwd=installed["cwd"], env=installed["env"])
    nb = json.loads((out / "students" / "s001" / "01_satisfaction_s001.ipynb").read_text(encoding="utf-8"))
    student = json.loads((ROOT / "exercises" / "01_satisfaction.ipynb").read_text(encoding="utf-8"))
    assert len(nb["cells"]) == len(student["cells"])  # the student copy, personalised
    with open(out / "instructor" / "01_satisfaction_answer_key.csv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert [r["student_id"] for r in rows] == ["s001"]


def test_assign_in_chinese_hands_out_the_installed_chinese_copy(installed):
    roster = installed["cwd"] / "roster_zh.csv"
    roster.write_text("student_id,name\ns002,Han Mei\n", encoding="utf-8")
    out = installed["cwd"] / "assignments_zh"
    _run([installed["crmlab"], "assign", "--topic", "01_satisfaction", "--roster", roster, "--out", out,
          "--jobs", "1", "--lang", "zh"], cwd=installed["cwd"], env=installed["env"])
    nb = json.loads((out / "students" / "s002" / "01_satisfaction_s002.ipynb").read_text(encoding="utf-8"))
    assert "".join(nb["cells"][0]["source"]).startswith("# 练习：顾客满意")
    params = next(c for c in nb["cells"] if "parameters" in c["metadata"].get("tags", []))
    assert 'lang = "zh"' in "".join(params["source"])


def test_solutions_only_command_names_root(installed):
    r = subprocess.run([str(installed["crmlab"]), "exercises"], cwd=installed["cwd"], env=installed["env"],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 2
    assert "--root" in r.stderr and "solutions" in r.stderr
