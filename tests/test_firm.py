"""The own-data pipeline (issue 19): mapping file, check-data, the report, on real public data.

The real data stay in ``../shared/reference-data`` next to the checkout (CI has it
there too); the tests that need them are skipped when the folder is missing. Every
figure is checked against the same number computed directly with pandas.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from crmlab import CRMDataError, firm
from crmlab.cli import run as cli
from crmlab.firm import assess
from crmlab.firm.init import init_mapping, starting_mapping

ROOT = Path(__file__).resolve().parents[1]
REF = ROOT.parent / "shared" / "reference-data"
EXAMPLES = ROOT / "examples"
needs_ref = pytest.mark.skipif(not REF.is_dir(), reason="../shared/reference-data is not next to the checkout")

CFPB = REF / "cfpb_CapitalPrince100_Consumer_Complaints.csv"
KIOSK = REF / "kiosk_servqual_hanakim120.csv"
PLSPM = REF / "plspm" / "satisfaction.csv"


# ------------------------------------------------------------ CFPB complaints
@pytest.fixture(scope="module")
def cfpb():
    return firm.prepare(EXAMPLES / "cfpb" / "mapping.toml", REF)


@pytest.fixture(scope="module")
def cfpb_direct():
    raw = pd.read_csv(CFPB)
    rec = pd.to_datetime(raw["date_received"], format="%m/%d/%Y")
    sent = pd.to_datetime(raw["date_sent_to_company"], format="%m/%d/%Y")
    keep = sent >= rec
    return raw[keep], (sent - rec).dt.days[keep], int((~keep).sum())


@needs_ref
def test_cfpb_rows_excluded_are_the_reversed_dates(cfpb, cfpb_direct):
    kept, _, n_reversed = cfpb_direct
    q = cfpb.quality["complaints"]
    assert cfpb.ok
    assert n_reversed == 23  # the count
    assert q.rows_read == 1000 and q.excluded == [(q.excluded[0][0], 23)] and q.rows_used == len(kept) == 977
    assert "before" in q.excluded[0][0]


@needs_ref
def test_cfpb_figures_match_pandas(cfpb, cfpb_direct):
    kept, days, _ = cfpb_direct
    n = assess.numbers(cfpb)["complaints"]
    assert n["n"] == len(kept)
    assert n["median_h"] / 24 == pytest.approx(days.median())
    # no open case: the restricted mean up to 30 days is the mean of min(days, 30)
    assert n["n_open"] == 0
    assert n["rmst_h"] / 24 == pytest.approx(days.clip(upper=30).mean())
    assert n["timely_days"]["share"] == pytest.approx((days <= 15).mean())
    assert n["timely"]["share"] == pytest.approx((kept["timely_response"] == "Yes").mean())
    assert n["disputed"]["share"] == pytest.approx((kept["consumer_disputed?"] == "Yes").mean())
    counts = kept["product"].value_counts()
    assert n["top"] == counts.index[0] and n["top_share"] == pytest.approx(counts.iloc[0] / len(kept))
    cum = (counts / len(kept)).cumsum()
    assert n["pareto_k"] == int((cum.shift(fill_value=0) < 0.8).sum())


@needs_ref
def test_cfpb_recoded_counts(cfpb, cfpb_direct):
    raw = pd.read_csv(CFPB)
    rec = dict(cfpb.quality["complaints"].recoded)
    assert rec["timely_response: 'Yes' -> yes"] == (raw["timely_response"] == "Yes").sum()
    assert rec["consumer_disputed?: 'No' -> no"] == (raw["consumer_disputed?"] == "No").sum()


@needs_ref
def test_cfpb_error_policy_lists_the_rows(tmp_path):
    text = (EXAMPLES / "cfpb" / "mapping.toml").read_text(encoding="utf-8").replace('"drop"', '"error"')
    (tmp_path / "m.toml").write_text(text, encoding="utf-8")
    prep = firm.prepare(tmp_path / "m.toml", REF)
    assert not prep.ok and len(prep.problems) == 1
    p = prep.problems[0]
    assert p.column == "date_sent_to_company" and "23 rows" in p.message and 'on_bad_rows = "drop"' in p.fix
    assert cli(["check-data", "--data", str(REF), "--mapping", str(tmp_path / "m.toml")]) == 1


# ------------------------------------------------------------ kiosk SERVQUAL (cp949, item 9 before item 8)
@pytest.fixture(scope="module")
def kiosk():
    return firm.prepare(EXAMPLES / "kiosk" / "mapping.toml", REF)


@needs_ref
def test_kiosk_items_found_by_header_not_position(kiosk):
    cols = kiosk.extras["servqual"]["columns"]
    assert len(cols) == 24
    for item, c in cols.items():
        assert re.match(rf"^{item}-1\.", c["expectation"]) and "기대" in c["expectation"]
        assert re.match(rf"^{item}-2\.", c["perception"]) and "인지" in c["perception"]
        assert "중요" in c["importance"]
    raw = pd.read_csv(KIOSK, encoding="cp949")
    order = list(raw.columns)
    assert order.index(cols[9]["expectation"]) < order.index(cols[8]["expectation"])  # the file's own order


@needs_ref
def test_kiosk_gaps_match_pandas(kiosk):
    raw = pd.read_csv(KIOSK, encoding="cp949")
    x = kiosk.extras["servqual"]
    used = [c for item in x["columns"].values() for c in item.values()]
    complete = raw[used].notna().all(axis=1)
    assert kiosk.quality["servqual"].rows_used == int(complete.sum()) == 207
    r = raw[complete]
    gap = {d: np.mean([r[x["columns"][i]["perception"]].to_numpy() - r[x["columns"][i]["expectation"]].to_numpy()
                       for i in its], axis=0) for d, its in x["dimensions"].items()}
    n = assess.numbers(kiosk)["servqual"]
    dims = pd.Series({d: g.mean() for d, g in gap.items()})
    assert n["dim"] == dims.idxmin() and n["dim_gap"] == pytest.approx(dims.min())
    assert n["gap"] == pytest.approx(np.mean(list(gap.values()), axis=0).mean())
    imp = pd.Series({d: np.mean([r[x["columns"][i]["importance"]].mean() for i in its])
                     for d, its in x["dimensions"].items()})
    w = imp / imp.sum()
    assert n["weight"] == pytest.approx(w.max()) and n["heavy"] == w.idxmax()
    assert n["wsq"] == pytest.approx(sum(w[d] * gap[d] for d in w.index).mean())


@needs_ref
def test_kiosk_without_encoding_is_one_clear_problem(tmp_path):
    text = (EXAMPLES / "kiosk" / "mapping.toml").read_text(encoding="utf-8").replace('encoding = "cp949"\n', "")
    (tmp_path / "m.toml").write_text(text, encoding="utf-8")
    prep = firm.prepare(tmp_path / "m.toml", REF)
    assert not prep.ok  # GB18030 decodes the bytes into other characters: no header is found
    assert all("finds no header" in p.message for p in prep.problems)


# ------------------------------------------------------------ plspm survey (0-10 answers)
@pytest.fixture(scope="module")
def plspm():
    return firm.prepare(EXAMPLES / "plspm" / "mapping.toml", REF / "plspm")


@needs_ref
def test_plspm_satisfaction_matches_pandas(plspm):
    raw = pd.read_csv(PLSPM)
    n = assess.numbers(plspm)["satisfaction"]
    assert n["n"] == len(raw)
    assert n["csi"] == pytest.approx(raw["sat1"].mean() / 10 * 100)
    by = raw.groupby("gender")["sat1"].mean() / 10 * 100
    assert n["segment_low"] == by.idxmin() and n["csi_low"] == pytest.approx(by.min())


@needs_ref
def test_plspm_paths_match_r(plspm):
    n = assess.numbers(plspm)["pls"]
    r = pd.read_csv(REF / "plspm" / "satisfaction.inner-summary.csv", index_col=0)
    assert n["target"] == "LOY" and n["r2"] == pytest.approx(r.loc["LOY", "r_squared"], abs=1e-6)


@needs_ref
def test_plspm_one_to_ten_scale_lists_the_zeros(tmp_path):
    text = (EXAMPLES / "plspm" / "mapping.toml").read_text(encoding="utf-8").replace("[0, 10]", "[1, 10]")
    (tmp_path / "m.toml").write_text(text, encoding="utf-8")
    prep = firm.prepare(tmp_path / "m.toml", REF / "plspm")
    raw = pd.read_csv(PLSPM)
    sat1 = [p for p in prep.problems if p.table == "satisfaction" and p.column == "sat1"]
    assert len(sat1) == 1 and f"{int((raw['sat1'] == 0).sum())} rows are outside the scale 1-10" in sat1[0].message


# ------------------------------------------------------------ the report, end to end
def _texts(nb_path: Path) -> str:
    import nbformat

    nb = nbformat.read(str(nb_path), as_version=4)
    return "\n".join(o.get("data", {}).get("text/markdown", "") for c in nb.cells for o in c.get("outputs", []))


@needs_ref
@pytest.mark.parametrize("example,data,lang", [("cfpb", REF, "en"), ("kiosk", REF, "zh"),
                                               ("plspm", REF / "plspm", "en")])
def test_report_runs_and_says_its_numbers(tmp_path, example, data, lang):
    mapping = EXAMPLES / example / "mapping.toml"
    assert cli(["check-data", "--data", str(data), "--mapping", str(mapping)]) == 0
    assert cli(["report", "--data", str(data), "--mapping", str(mapping), "--lang", lang,
                "--out", str(tmp_path), "--quiet"]) == 0
    text = _texts(tmp_path / f"firm_report_{lang}.ipynb")
    prep = firm.prepare(mapping, data)
    for sentence in assess.sections_sentences(prep, lang) + assess.quality_sentences(prep, lang):
        assert sentence in text
    for name, n in assess.numbers(prep).items():
        for sentence in assess.sentences(name, n, lang):
            assert sentence in text
    html = (tmp_path / f"firm_report_{lang}.html").read_text(encoding="utf-8")
    assert "import crmlab" not in html and "firm.prepare" not in html  # no code in the report
    if example == "cfpb":
        assert "977 complaints" in text and "23 rows excluded" in text
        assert "Left out because the mapping names no such table" in text


def test_report_not_run_when_the_data_are_not_ready(tmp_path, capsys):
    (tmp_path / "c.csv").write_text("opened\nnot a date\n", encoding="utf-8")
    (tmp_path / "m.toml").write_text('[complaints]\nfile = "c.csv"\n[complaints.columns]\nopened = "opened"\n',
                                     encoding="utf-8")
    assert cli(["report", "--data", str(tmp_path), "--mapping", str(tmp_path / "m.toml"),
                "--out", str(tmp_path / "out"), "--quiet"]) == 1
    assert "are not dates" in capsys.readouterr().out
    assert not list((tmp_path / "out").glob("*.html"))


# ------------------------------------------------------------ mapping, policies, encodings (no real data needed)
def _folder(tmp_path, files: dict[str, bytes | str], mapping: str) -> tuple[Path, Path]:
    for name, body in files.items():
        (tmp_path / name).write_bytes(body if isinstance(body, bytes) else body.encode("utf-8"))
    (tmp_path / "m.toml").write_text(mapping, encoding="utf-8")
    return tmp_path / "m.toml", tmp_path


SURVEY = "resp,整体满意度,组别\n1,5,甲\n2,4,乙\n3,2,甲\n4,5,乙\n"
SURVEY_MAP = ('[satisfaction]\nfile = "s.csv"\nscale = [1, 5]\n[satisfaction.columns]\n'
              'overall = "整体满意度"\nsegment = "组别"\n')


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "utf-16"])
def test_survey_in_every_common_encoding(tmp_path, encoding):
    m, d = _folder(tmp_path, {"s.csv": SURVEY.encode(encoding)}, SURVEY_MAP)
    prep = firm.prepare(m, d, strict=True)
    n = assess.numbers(prep)["satisfaction"]
    assert n["csi"] == pytest.approx((4 - 1) / 4 * 100)  # mean 4 on 1-5
    assert n["segment_low"] == "甲" and n["csi_low"] == pytest.approx((3.5 - 1) / 4 * 100)


def test_every_problem_at_once(tmp_path):
    m, d = _folder(tmp_path, {"s.csv": "a,b\n9,x\n", "c.csv": "opened,cat\n2024-01-01,a\nsoon,b\n"},
                   '[satisfaction]\nfile = "s.csv"\n[satisfaction.columns]\noverall = "overal"\n'
                   '[complaints]\nfile = "c.csv"\n[complaints.columns]\nopened = "opened"\ncategory = "cat"\n'
                   '[transactions]\nfile = "missing.csv"\n[transactions.columns]\ncustomer = "c"\ndate = "d"\n')
    prep = firm.prepare(m, d)
    texts = [p.text() for p in prep.problems]
    assert any("'overal' is not in the file" in x for x in texts)
    assert any("'missing.csv' was not found" in x for x in texts)
    assert any("'amount' has no column" in x for x in texts)
    assert any("are not dates" in x and "'soon'" in x for x in texts)
    with pytest.raises(CRMDataError, match=r"4 problem\(s\)"):
        firm.prepare(m, d, strict=True)


def test_drop_policy_counts_each_reason(tmp_path):
    m, d = _folder(tmp_path, {"c.csv": "o,r,cat\n2024-01-01,2024-01-03,a\n2024-01-02,2024-01-01,a\n"
                                       "x,2024-01-05,b\n2024-01-04,,\n"},
                   '[complaints]\nfile = "c.csv"\non_bad_rows = "drop"\n[complaints.columns]\n'
                   'opened = "o"\nresolved = "r"\ncategory = "cat"\n')
    prep = firm.prepare(m, d, strict=True)
    q = prep.quality["complaints"]
    assert q.rows_read == 4 and q.rows_used == 2
    assert sorted(n for _, n in q.excluded) == [1, 1]
    assert ("cat: blank -> '(blank)'", 1) in q.recoded
    log = prep.tables["complaints"]
    assert log["category"].tolist() == ["a", "(blank)"] and log["resolved"].isna().sum() == 1


def test_integer_yyyymmdd_dates(tmp_path):
    m, d = _folder(tmp_path, {"t.csv": "c,d,a\n1,20240105,10\n1,20240201,5\n2,20240110,7\n"},
                   '[transactions]\nfile = "t.csv"\ndate_format = "%Y%m%d"\n[transactions.columns]\n'
                   'customer = "c"\ndate = "d"\namount = "a"\n')
    prep = firm.prepare(m, d, strict=True)
    tx = prep.tables["transactions"]
    assert tx["date"].tolist() == [pd.Timestamp("2024-01-05"), pd.Timestamp("2024-02-01"), pd.Timestamp("2024-01-10")]
    n = assess.numbers(prep)["transactions"]
    assert n["customers"] == 2 and n["repeat"] == pytest.approx(0.5)


def test_path_cannot_escape_the_data_folder(tmp_path):
    outside = tmp_path / "secret.csv"
    outside.write_text("a\n1\n", encoding="utf-8")
    data = tmp_path / "data"
    data.mkdir()
    (data / "link.csv").symlink_to(outside)
    for name in ("../secret.csv", str(outside), "link.csv"):
        (data / "m.toml").write_text(f'[satisfaction]\nfile = "{name}"\n[satisfaction.columns]\noverall = "a"\n',
                                     encoding="utf-8")
        prep = firm.prepare(data / "m.toml", data)
        assert any("outside the data folder" in p.message for p in prep.problems), name
        assert "satisfaction" not in prep.tables


def test_mapping_values_never_reach_the_notebook_as_code(tmp_path):
    from crmlab.firm.run import make_job

    evil = 'x"); import os; os.system("touch PWNED") #'
    m, d = _folder(tmp_path, {"c.csv": "o\n2024-01-01\n"},
                   f'[complaints]\nfile = "c.csv"\n[complaints.columns]\nopened = {evil!r}\n'.replace("'", '"', 0))
    job = make_job(d, m)
    assert set(job.parameters()) == {"data", "mapping", "lang"}
    assert all(evil not in str(v) for v in job.parameters().values())  # only the two paths and the language
    nb = (ROOT / "notebooks" / "firm_report.ipynb").read_text(encoding="utf-8")
    assert "exec(" not in nb and "eval(" not in nb


def test_html_escapes_data_text(tmp_path):
    m, d = _folder(tmp_path, {"c.csv": "o,r,cat\n" + "".join(
        f"2024-01-0{i},2024-01-0{i + 1},{'<script>alert(1)</script>' if i % 2 else 'plain'}\n" for i in range(1, 8))},
        '[complaints]\nfile = "c.csv"\n[complaints.columns]\nopened = "o"\nresolved = "r"\ncategory = "cat"\n')
    assert cli(["report", "--data", str(d), "--mapping", str(m), "--out", str(tmp_path / "out"), "--quiet"]) == 0
    html = (tmp_path / "out" / "firm_report_en.html").read_text(encoding="utf-8")
    assert "<script>alert(1)" not in html and "&lt;script&gt;alert(1)" in html


def test_xlsx_needs_openpyxl_or_reads(tmp_path):
    try:
        import openpyxl  # noqa: F401
    except ImportError:
        (tmp_path / "s.xlsx").write_bytes(b"PK")
        (tmp_path / "m.toml").write_text(SURVEY_MAP.replace("s.csv", "s.xlsx"), encoding="utf-8")
        with pytest.raises(CRMDataError, match="openpyxl"):
            firm.prepare(tmp_path / "m.toml", tmp_path, strict=True)
        return
    pd.read_csv(__import__("io").StringIO(SURVEY)).to_excel(tmp_path / "s.xlsx", index=False)
    (tmp_path / "m.toml").write_text(SURVEY_MAP.replace("s.csv", "s.xlsx"), encoding="utf-8")
    assert assess.numbers(firm.prepare(tmp_path / "m.toml", tmp_path, strict=True))["satisfaction"]["n"] == 4


# ------------------------------------------------------------ init-mapping
def test_init_mapping_writes_a_parsable_commented_file(tmp_path):
    (tmp_path / "complaints.csv").write_text('date_received,date_closed,product,"odd ""x""\nhead"\n'
                                             "2024-01-01,2024-01-02,a,1\n", encoding="utf-8")
    (tmp_path / "sales.csv").write_text("customer_id,order_date,amount\n1,2024-01-01,5\n", encoding="utf-8")
    path = init_mapping(tmp_path)
    raw = tomllib.loads(path.read_text(encoding="utf-8"))
    assert raw["complaints"]["columns"] == {"opened": "date_received", "resolved": "date_closed", "category": "product"}
    assert raw["transactions"]["columns"] == {"customer": "customer_id", "date": "order_date", "amount": "amount"}
    assert "# its headers:" in path.read_text(encoding="utf-8")
    with pytest.raises(CRMDataError, match="exists already"):
        init_mapping(tmp_path)
    assert cli(["init-mapping", str(tmp_path), "--force"]) == 0
    prep = firm.prepare(path, tmp_path)
    assert prep.ok, [p.text() for p in prep.problems]


@needs_ref
def test_init_mapping_on_the_reference_folder_guesses_complaints():
    text = starting_mapping(REF)
    assert '[complaints]\nfile = "cfpb_CapitalPrince100_Consumer_Complaints.csv"' in text
    assert 'opened = "date_received"' in text


def test_notebook_parameters_are_the_three():
    import papermill

    params = papermill.inspect_notebook(str(ROOT / "notebooks" / "firm_report.ipynb"))
    assert set(params) == {"mapping", "data", "lang"}


# ------------------------------------------------------------ every table at once (hand-made data)
def _all_tables(tmp_path) -> tuple[Path, Path]:
    rng = np.random.default_rng(3)
    n = 60
    x = rng.integers(1, 8, (n, 2))
    pls_df = pd.DataFrame({"x1": x[:, 0], "x2": np.clip(x[:, 0] + rng.integers(-1, 2, n), 1, 7),
                           "y1": np.clip(x[:, 0] + rng.integers(-2, 3, n), 1, 7),
                           "y2": np.clip(x[:, 0] + rng.integers(-2, 3, n), 1, 7)})
    files = {
        "survey.csv": "overall,seg,speed,care\n" + "".join(f"{o},{s},{a},{b}\n" for o, s, a, b in
                                                           zip(rng.integers(1, 6, n), rng.choice(["a", "b"], n),
                                                               rng.integers(1, 6, n), rng.integers(1, 6, n))),
        "tx.csv": "cust,day,amt\n" + "".join(f"{c},2024010{d},{a}\n" for c, d, a in
                                            zip(rng.integers(1, 30, n), rng.integers(1, 10, n), rng.integers(1, 99, n))),
        "log.csv": "o,r,cat\n" + "".join(f"2024-01-0{d},2024-01-1{d},{c}\n" for d, c in
                                        zip(rng.integers(1, 10, n), rng.choice(["x", "y", "z"], n))),
        "calls.csv": "wait_s,gave_up\n" + "".join(f"{w},{g}\n" for w, g in
                                                zip(rng.integers(0, 60, n), rng.choice(["ja", "nein"], n))),
        "sq.csv": "E1,P1,E2,P2\n" + "".join(f"{a},{b},{c},{d}\n" for a, b, c, d in rng.integers(1, 8, (n, 4))),
        "ka.csv": "acc,att,rel\n" + "".join(f"K{i},{a},{r}\n" for i, (a, r) in enumerate(rng.uniform(1, 5, (12, 2)))),
    }
    for name, body in files.items():
        (tmp_path / name).write_text(body, encoding="utf-8")
    pls_df.to_csv(tmp_path / "pls.csv", index=False)
    (tmp_path / "m.toml").write_text("""
[satisfaction]
file = "survey.csv"
attributes = ["speed", "care"]
[satisfaction.columns]
overall = "overall"
segment = "seg"
[transactions]
file = "tx.csv"
[transactions.columns]
customer = "cust"
date = "day"
amount = "amt"
[complaints]
file = "log.csv"
[complaints.columns]
opened = "o"
resolved = "r"
category = "cat"
[contacts]
file = "calls.csv"
yes = ["ja"]
no = ["nein"]
threshold_s = 30
[contacts.columns]
wait = "wait_s"
abandoned = "gave_up"
[servqual]
file = "sq.csv"
expectation = "E{item}"
perception = "P{item}"
[servqual.dimensions]
speed = [1]
care = [2]
[key_accounts]
file = "ka.csv"
[key_accounts.columns]
account = "acc"
attractiveness = "att"
relationship = "rel"
[pls]
file = "pls.csv"
scale = [1, 7]
inner = [["X", "Y"]]
[pls.blocks]
X = ["x1", "x2"]
Y = ["y1", "y2"]
""", encoding="utf-8")
    return tmp_path / "m.toml", tmp_path


def test_contacts_and_key_accounts_match_pandas(tmp_path):
    m, d = _all_tables(tmp_path)
    prep = firm.prepare(m, d, strict=True)
    n = assess.numbers(prep)
    calls = pd.read_csv(d / "calls.csv")
    ab = calls["gave_up"] == "ja"
    assert n["contacts"]["calls"] == len(calls)
    assert n["contacts"]["abandon"] == pytest.approx(ab.mean())
    assert n["contacts"]["sl"] == pytest.approx(((calls["wait_s"] <= 30) & ~ab).mean())
    assert n["contacts"]["wait"] == pytest.approx(calls["wait_s"].mean())
    sq = pd.read_csv(d / "sq.csv")
    gaps = pd.Series({"speed": (sq["P1"] - sq["E1"]).mean(), "care": (sq["P2"] - sq["E2"]).mean()})
    assert n["servqual"]["dim"] == gaps.idxmin() and n["servqual"]["gap"] == pytest.approx(gaps.mean())
    assert n["key_accounts"]["n"] == 12 and n["key_accounts"]["k"] == n["key_accounts"]["matrix"]["strategy"].value_counts().max()
    tx = pd.read_csv(d / "tx.csv")
    days = tx.groupby("cust")["day"].nunique()
    assert n["transactions"]["repeat"] == pytest.approx((days >= 2).mean())
    top = tx.groupby("cust")["amt"].sum().sort_values(ascending=False, kind="stable")
    k = int(np.ceil(len(top) / 10))  # np.array_split: the larger groups first
    assert n["transactions"]["top_share"] == pytest.approx(top.iloc[:k].sum() / top.sum())


def test_report_with_every_table_in_chinese(tmp_path):
    m, d = _all_tables(tmp_path)
    assert cli(["report", "--data", str(d), "--mapping", str(m), "--lang", "zh", "--out", str(tmp_path / "o"),
                "--quiet"]) == 0
    text = _texts(tmp_path / "o" / "firm_report_zh.ipynb")
    assert "本工具包认识的每一种数据表都在映射文件中。" in text and "数据质量" in text
    prep = firm.prepare(m, d)
    for name, n in assess.numbers(prep).items():
        for sentence in assess.sentences(name, n, "zh"):
            assert sentence in text, name


@needs_ref
def test_plspm_inner_matrix_gives_the_same_model(tmp_path, plspm):
    raw = tomllib.loads((EXAMPLES / "plspm" / "mapping.toml").read_text(encoding="utf-8"))["pls"]
    names = list(raw["blocks"])
    rows = {to: [int([f, to] in raw["inner"]) for f in names] for to in names}
    text = (EXAMPLES / "plspm" / "mapping.toml").read_text(encoding="utf-8")
    text = re.sub(r"inner = \[\[.*?\]\]\n", "", text, flags=re.S)
    text += "\n[pls.inner_matrix]\n" + "".join(f"{k} = {v}\n" for k, v in rows.items())
    (tmp_path / "m.toml").write_text(text, encoding="utf-8")
    prep = firm.prepare(tmp_path / "m.toml", REF / "plspm", strict=True)
    assert sorted(prep.extras["pls"]["inner"]) == sorted(tuple(e) for e in raw["inner"])
    assert assess.numbers(prep)["pls"]["r2"] == pytest.approx(assess.numbers(plspm)["pls"]["r2"])


@needs_ref
def test_plspm_top_box_matches_pandas(plspm):
    raw = pd.read_csv(PLSPM)
    n = assess.numbers(plspm)["satisfaction"]
    assert n["top_box"]["cut"] == 9 and n["top_box"]["share"] == pytest.approx((raw["sat1"] >= 9).mean())
