"""Bad-input battery for the own-data pipeline (issue 19): mapping file, check-data, report, init-mapping.

Each case builds its own folder (nothing shared); ``prepare(strict=True)``
raises one CRMDataError listing every problem, so each case checks that the
problem it plants is named, with its fix.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from badinput import Bad, check, params
from crmlab import firm
from crmlab.cli import build_parser


def run(*argv):
    args = build_parser().parse_args(list(argv))
    return args.func(args)


def folder(mapping: str, files: dict[str, str | bytes] | None = None) -> tuple[Path, Path]:
    d = Path(tempfile.mkdtemp(prefix="fm-bad-"))
    for name, body in (files or {}).items():
        (d / name).write_bytes(body if isinstance(body, bytes) else body.encode("utf-8"))
    (d / "m.toml").write_text(mapping, encoding="utf-8")
    return d / "m.toml", d


def prep(mapping: str, files: dict | None = None):
    m, d = folder(mapping, files)
    return firm.prepare(m, d, strict=True)


C = "o,r,cat,t\n2024-01-01,2024-01-02,a,Yes\n2024-01-03,2024-01-05,b,No\n"
CMAP = '[complaints]\nfile = "c.csv"\n[complaints.columns]\nopened = "o"\nresolved = "r"\ncategory = "cat"\n'
S = "id,overall,seg\n1,4,a\n2,5,b\n3,3,a\n"
SMAP = '[satisfaction]\nfile = "s.csv"\nscale = [1, 5]\n[satisfaction.columns]\noverall = "overall"\n'
Q = "E1,P1,E2,P2\n5,4,6,6\n7,5,3,4\n"
QMAP = ('[servqual]\nfile = "q.csv"\nexpectation = "E{item}"\nperception = "P{item}"\n'
        '[servqual.dimensions]\nspeed = [1]\ncare = [2]\n')
T = "c,d,a\n1,2024-01-01,5\n2,2024-01-02,7\n"
TMAP = '[transactions]\nfile = "t.csv"\n[transactions.columns]\ncustomer = "c"\ndate = "d"\namount = "a"\n'
P = "x1,x2,y1,y2\n1,2,3,4\n2,3,4,5\n3,5,4,6\n"
PMAP = '[pls]\nfile = "p.csv"\ninner = [["X", "Y"]]\n[pls.blocks]\nX = ["x1", "x2"]\nY = ["y1", "y2"]\n'
K = "acc,att,rel\nA,4,3\nB,2,5\n"
KMAP = ('[key_accounts]\nfile = "k.csv"\n[key_accounts.columns]\naccount = "acc"\nattractiveness = "att"\n'
        'relationship = "rel"\n')
W = "wait,ab\n10,No\n30,Yes\n"
WMAP = '[contacts]\nfile = "w.csv"\n[contacts.columns]\nwait = "wait"\nabandoned = "ab"\n'

P_ = "crmlab.firm.prepare"
CASES = [
    # the mapping file itself
    Bad("fm-mapping-not-toml", P_, lambda: prep("[complaints\nfile = 1"), r"not valid TOML"),
    Bad("fm-mapping-unknown-table", P_, lambda: prep('[orders]\nfile = "c.csv"\n', {"c.csv": C}),
        r"\[orders\] is not a table the kit knows"),
    Bad("fm-mapping-empty", P_, lambda: prep(""), r"names no table"),
    Bad("fm-mapping-unknown-option", P_, lambda: prep(CMAP.replace("[complaints.columns]", 'colour = "red"\n'
                                                                   "[complaints.columns]"), {"c.csv": C}),
        r"unknown option 'colour'"),
    Bad("fm-mapping-unknown-role", P_, lambda: prep(CMAP + 'closed_at = "r"\n', {"c.csv": C}), r"unknown role 'closed_at'"),
    Bad("fm-mapping-required-role-missing", P_, lambda: prep(CMAP.replace('opened = "o"\n', ""), {"c.csv": C}),
        r"required role 'opened' has no column"),
    Bad("fm-mapping-role-not-text", P_, lambda: prep(CMAP.replace('category = "cat"', "category = 3"), {"c.csv": C}),
        r"role 'category' = 3 is not a column header"),
    Bad("fm-mapping-columns-not-table", P_, lambda: prep('[complaints]\nfile = "c.csv"\ncolumns = "o"\n', {"c.csv": C}),
        r"columns is not a table"),
    Bad("fm-mapping-policy-unknown", P_, lambda: prep(CMAP.replace("[complaints.columns]", 'on_bad_rows = "skip"\n'
                                                                   "[complaints.columns]"), {"c.csv": C}),
        r"on_bad_rows = 'skip' is not allowed"),
    Bad("fm-mapping-scale-backwards", P_, lambda: prep(SMAP.replace("[1, 5]", "[5, 1]"), {"s.csv": S}),
        r"scale = \[5, 1\] is not \[lowest, highest\]"),
    Bad("fm-mapping-scale-text", P_, lambda: prep(SMAP.replace("[1, 5]", '"1-5"'), {"s.csv": S}), r"scale = '1-5'"),
    Bad("fm-mapping-yes-not-list", P_, lambda: prep(CMAP.replace("[complaints.columns]", 'yes = "Yes"\n'
                                                                 "[complaints.columns]"), {"c.csv": C}),
        r"yes = 'Yes' is not a list"),
    Bad("fm-mapping-date-format-no-codes", P_, lambda: prep(CMAP.replace("[complaints.columns]", 'date_format = "dd/mm/yyyy"\n'
                                                                         "[complaints.columns]"), {"c.csv": C}),
        r"date_format = 'dd/mm/yyyy' has no % codes"),
    Bad("fm-mapping-horizon-negative", P_, lambda: prep(CMAP.replace("[complaints.columns]", "horizon_h = -5\n"
                                                                     "[complaints.columns]"), {"c.csv": C}),
        r"horizon_h = -5 is not a positive number"),
    Bad("fm-mapping-encoding-unknown", P_, lambda: prep(CMAP.replace("[complaints.columns]", 'encoding = "klingon"\n'
                                                                     "[complaints.columns]"), {"c.csv": C}),
        r"encoding = 'klingon' is not an encoding"),
    # files
    Bad("fm-file-missing-name", P_, lambda: prep('[complaints]\n[complaints.columns]\nopened = "o"\n'), r"has no file name"),
    Bad("fm-file-not-found", P_, lambda: prep(CMAP), r"'c.csv' was not found"),
    Bad("fm-file-dotdot", P_, lambda: prep(CMAP.replace('"c.csv"', '"../c.csv"')), r"outside the data folder"),
    Bad("fm-file-absolute", P_, lambda: prep(CMAP.replace('"c.csv"', '"/etc/passwd.csv"')), r"outside the data folder"),
    Bad("fm-file-wrong-suffix", P_, lambda: prep(CMAP.replace('"c.csv"', '"c.json"'), {"c.json": "{}"}),
        r"is not a .csv or .xlsx file"),
    Bad("fm-file-wrong-encoding", P_, lambda: prep(CMAP.replace("[complaints.columns]", 'encoding = "ascii"\n'
                                                                "[complaints.columns]"), {"c.csv": "o\n日期\n"}),
        r"is not text in 'ascii'"),
    Bad("fm-file-empty", P_, lambda: prep(CMAP, {"c.csv": ""}), r"cannot be read as a table"),
    # columns and values
    Bad("fm-column-missing-with-hint", P_, lambda: prep(CMAP.replace('"cat"', '"Cat"'), {"c.csv": C}),
        r"column 'Cat' is not in the file\. Headers like it: 'cat'"),
    Bad("fm-dates-not-dates", P_, lambda: prep(CMAP, {"c.csv": C.replace("2024-01-03,", "soon,")}),
        r"'o'.*1 rows are not dates: row 1: 'soon'"),
    Bad("fm-dates-wrong-format", P_, lambda: prep(CMAP.replace("[complaints.columns]", 'date_format = "%d/%m/%Y"\n'
                                                                "[complaints.columns]"), {"c.csv": C}),
        r"are not dates in the format '%d/%m/%Y'"),
    Bad("fm-dates-blank-required", P_, lambda: prep(CMAP, {"c.csv": C.replace("2024-01-03,", ",")}), r"have no date"),
    Bad("fm-dates-reversed", P_, lambda: prep(CMAP, {"c.csv": C.replace("2024-01-05", "2024-01-02")}),
        r"are before 'o'"),
    Bad("fm-flag-unknown-code", P_, lambda: prep(CMAP + 'timely = "t"\n', {"c.csv": C.replace(",No", ",Maybe")}),
        r"not one of the yes/no codes.*'Maybe'"),
    Bad("fm-flag-code-not-listed", P_, lambda: prep(CMAP.replace("[complaints.columns]", 'yes = ["Yes"]\n'
                                                                 "[complaints.columns]") + 'timely = "t"\n', {"c.csv": C}),
        r"yes = \['Yes'\], no = None"),
    Bad("fm-rating-out-of-scale", P_, lambda: prep(SMAP, {"s.csv": S.replace(",5,", ",7,")}),
        r"'overall'.*outside the scale 1-5: row 1: 7"),
    Bad("fm-rating-text", P_, lambda: prep(SMAP, {"s.csv": S.replace(",5,", ",five,")}), r"are not numbers"),
    Bad("fm-rating-empty", P_, lambda: prep(SMAP, {"s.csv": S.replace(",5,", ",,")}), r"are empty"),
    Bad("fm-amount-negative", P_, lambda: prep(TMAP, {"t.csv": T.replace(",7", ",-7")}), r"are negative amounts"),
    Bad("fm-wait-negative", P_, lambda: prep(WMAP, {"w.csv": W.replace("30,", "-30,")}), r"are negative waits"),
    Bad("fm-key-account-twice", P_, lambda: prep(KMAP, {"k.csv": K.replace("B,", "A,")}), r"acc"),
    Bad("fm-all-rows-dropped", P_, lambda: prep(SMAP.replace("[satisfaction.columns]", 'on_bad_rows = "drop"\n'
                                                             "[satisfaction.columns]"),
                                                {"s.csv": "overall\n9\n8\n"}), r"no rows are left"),
    # SERVQUAL item map
    Bad("fm-servqual-no-dimensions", P_, lambda: prep(QMAP.split("[servqual.dimensions]")[0], {"q.csv": Q}),
        r"has no item -> dimension map"),
    Bad("fm-servqual-item-twice", P_, lambda: prep(QMAP.replace("care = [2]", "care = [1, 2]"), {"q.csv": Q}),
        r"item 1 is in two dimensions"),
    Bad("fm-servqual-no-perception-rule", P_, lambda: prep(QMAP.replace('perception = "P{item}"\n', ""), {"q.csv": Q}),
        r"has no perception column rule"),
    Bad("fm-servqual-rule-without-item", P_, lambda: prep(QMAP.replace('"P{item}"', '"P1"'), {"q.csv": Q}),
        r"perception = 'P1' does not contain \{item\}"),
    Bad("fm-servqual-rule-finds-nothing", P_, lambda: prep(QMAP.replace("care = [2]", "care = [2, 3]"), {"q.csv": Q}),
        r"expectation of item 3: the rule 'E\{item\}' finds no header"),
    Bad("fm-servqual-rule-finds-two", P_, lambda: prep(QMAP.replace('"E{item}"', '"^E"'), {"q.csv": Q}),
        r"does not contain|finds 2 headers"),
    Bad("fm-servqual-bad-regex", P_, lambda: prep(QMAP.replace('"E{item}"', '"E{item}("'), {"q.csv": Q}),
        r"not a valid regular expression"),
    Bad("fm-servqual-importance-rule", P_, lambda: prep(QMAP.replace("[servqual.dimensions]", 'importance_rule = "max"\n'
                                                                     "[servqual.dimensions]"), {"q.csv": Q}),
        r"importance_rule = 'max' is not allowed"),
    # PLS
    Bad("fm-pls-no-blocks", P_, lambda: prep('[pls]\nfile = "p.csv"\ninner = [["X", "Y"]]\n', {"p.csv": P}),
        r"has no blocks"),
    Bad("fm-pls-inner-not-pairs", P_, lambda: prep(PMAP.replace('[["X", "Y"]]', '["X", "Y"]'), {"p.csv": P}),
        r"inner is not a list of \[from, to\] paths"),
    Bad("fm-pls-path-unknown-block", P_, lambda: prep(PMAP.replace('[["X", "Y"]]', '[["X", "Z"]]'), {"p.csv": P}),
        r"names 'Z', which has no block"),
    Bad("fm-pls-scaled-text", P_, lambda: prep(PMAP.replace("inner =", 'scaled = "no"\ninner ='), {"p.csv": P}),
        r"scaled = 'no' is not true or false"),
    Bad("fm-pls-inner-matrix-wrong-rows", P_, lambda: prep(PMAP.replace('inner = [["X", "Y"]]\n', "")
                                                           + "[pls.inner_matrix]\nY = [1, 0]\nX = [0, 0]\n", {"p.csv": P}),
        r"inner_matrix is not a 0/1 matrix"),
    Bad("fm-pls-inner-matrix-zeros", P_, lambda: prep(PMAP.replace('inner = [["X", "Y"]]\n', "")
                                                      + "[pls.inner_matrix]\nX = [0, 0]\nY = [0, 0]\n", {"p.csv": P}),
        r"inner_matrix has no path"),
    # the commands
    Bad("fm-cli-check-data-not-a-folder", "cli:check_data",
        lambda: run("check-data", "--data", "/nonexistent-fm", "--mapping", "/nonexistent-fm/m.toml"),
        r"--data '/nonexistent-fm' is not a folder"),
    Bad("fm-cli-check-data-no-mapping", "cli:check_data",
        lambda: run("check-data", "--data", tempfile.mkdtemp(), "--mapping", "/nonexistent-fm/m.toml"),
        r"--mapping .* is not a file"),
    Bad("fm-cli-report-data-without-mapping", "cli:firm_report",
        lambda: run("report", "--data", tempfile.mkdtemp()), r"--data and --mapping go together"),
    Bad("fm-cli-report-case-and-data", "cli:report",
        lambda: run("report", "--case", "hotel", "--data", tempfile.mkdtemp(), "--mapping", "m.toml"),
        r"either --case/--batch .* or --data/--mapping"),
    Bad("fm-cli-report-bad-lang", "cli:firm_report",
        lambda: run("report", "--lang", "fr", *sum((["--data", str(d), "--mapping", str(m)]
                                                    for m, d in [folder(SMAP, {"s.csv": S})]), [])), r"fr"),
    Bad("fm-cli-report-control-chars", "cli:firm_report",
        lambda: run("report", "--data", "a\nb", "--mapping", "m.toml"), r"--data"),
    Bad("fm-cli-init-not-a-folder", "cli:init_mapping", lambda: run("init-mapping", "/nonexistent-fm"),
        r"is not a folder"),
    Bad("fm-cli-init-no-files", "cli:init_mapping", lambda: run("init-mapping", tempfile.mkdtemp()),
        r"holds no .csv or .xlsx file"),
    Bad("fm-cli-init-exists", "cli:init_mapping",
        lambda: run("init-mapping", str(folder(SMAP, {"s.csv": S})[1]), "--out",
                    str(folder(SMAP, {"s.csv": S})[0])), r"exists already"),
]


@params(CASES)
def test_bad_input(case):
    check(case)
