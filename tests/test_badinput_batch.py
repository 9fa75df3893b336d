"""Bad batch files and CLI arguments of the batch commands (report, run, assign, execute)."""

from __future__ import annotations

from badinput import Bad, check, params

from crmlab import cli, report


def _cli(*argv):
    """Run a CLI command's function the way ``crmlab`` does, but let its CRMDataError through."""
    args = cli.build_parser().parse_args(list(argv))
    return args.func(args)


def _batch(data):
    """Write a batch file (bytes or text) in a fresh folder and read it."""
    import tempfile
    from pathlib import Path

    folder = Path(tempfile.mkdtemp(prefix="badbatch-"))
    p = folder / "batch.csv"
    p.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return report.read_batch(p)


def _folder():
    import tempfile

    return report.read_batch(tempfile.mkdtemp(prefix="badbatch-"))


def _roster():
    import tempfile
    from pathlib import Path

    p = Path(tempfile.mkdtemp(prefix="badbatch-")) / "roster.csv"
    p.write_text("student_id,name\ns1,A\n", encoding="utf-8")
    return str(p)


CASES: list[Bad] = [
    Bad("sig-batch-duplicate-rows", "crmlab.report.read_batch",
        lambda: _batch("case,seed,lang\nhotel,1,en\nb2b,2,en\nHOTEL,1,en\n"),
        r"rows 1 and 3 are the same report"),
    Bad("sig-batch-duplicate-rows-default-seed", "crmlab.report.read_batch",
        lambda: _batch("case,seed,lang\nhotel,,en\nhotel,42,en\n"), r"rows 1 and 2 .*hotel_s42_en_n2000"),
    Bad("sig-batch-extra-field", "crmlab.report.read_batch",
        lambda: _batch("case,seed,lang\nhotel,1,en,oops\n"), r"row 1 has 4 fields .*'oops'"),
    Bad("sig-batch-unknown-column", "crmlab.report.read_batch",
        lambda: _batch("case,seed,lang,budget\nhotel,1,en,5\n"), r"unknown column\(s\) 'budget'"),
    Bad("sig-batch-missing-case-column", "crmlab.report.read_batch",
        lambda: _batch("seed,lang\n1,en\n"), r"needs a 'case' column \(found: 'seed', 'lang'\)"),
    Bad("sig-batch-header-twice", "crmlab.report.read_batch",
        lambda: _batch("case,seed,seed\nhotel,1,2\n"), r"'seed' appear twice"),
    Bad("sig-batch-empty-file", "crmlab.report.read_batch", lambda: _batch(b""), r"needs a 'case' column"),
    Bad("sig-batch-header-only", "crmlab.report.read_batch", lambda: _batch("case,seed,lang\n"), r"no rows"),
    Bad("sig-batch-gbk-chinese-header", "crmlab.report.read_batch",
        lambda: _batch("案例,种子\n酒店,1\n".encode("gbk")), r"found: '案例', '种子'"),
    Bad("sig-batch-folder", "crmlab.report.read_batch", _folder, r"is a folder"),
    Bad("sig-batch-missing-file", "crmlab.report.read_batch",
        lambda: report.read_batch("/nonexistent/batch.csv"), r"cannot read it"),
    Bad("sig-report-seed-fraction", "crmlab.report.make_job",
        lambda: report.make_job("hotel", "1.5"), r"column seed: .*'1\.5'"),
    Bad("sig-report-lang-unknown", "crmlab.report.make_job",
        lambda: report.make_job("hotel", 1, "fr"), r"column lang: .*'fr'"),
    Bad("sig-report-n-customers-too-small", "crmlab.report.make_job",
        lambda: report.make_job("hotel", 1, "en", 50), r"column n_customers: .*50"),
    Bad("sig-cli-report-case-unknown", "cli:report", lambda: _cli("report", "--case", "bank"),
        r"column case: unknown case 'bank'"),
    Bad("sig-cli-report-case-and-batch", "cli:report",
        lambda: _cli("report", "--case", "hotel", "--batch", "b.csv"), r"either --case or --batch"),
    Bad("sig-cli-report-jobs-zero", "cli:report", lambda: _cli("report", "--case", "hotel", "--jobs", "0"),
        r"--jobs: .*got '0'"),
    Bad("sig-cli-run-jobs-text", "cli:run", lambda: _cli("run", "--jobs", "two"), r"--jobs: .*got 'two'"),
    Bad("sig-cli-assign-jobs-fraction", "cli:assign",
        lambda: _cli("assign", "--topic", "01_satisfaction", "--roster", _roster(), "--jobs", "1.5"),
        r"--jobs: .*got '1\.5'"),
    Bad("sig-cli-execute-missing", "cli:execute", lambda: _cli("execute", "/nonexistent/nb.ipynb"),
        r"execute: '/nonexistent/nb\.ipynb' does not exist"),
    Bad("sig-cli-execute-folder", "cli:execute", lambda: _cli("execute", "/tmp"), r"execute: '/tmp' is not a notebook file"),
]


@params(CASES)
def test_bad_input(case):
    check(case)
