"""The ``crmlab`` command.

    crmlab run        execute every teaching notebook, write HTML copies to build/html
    crmlab data       regenerate datasets/*.csv, *.truth.json and the data dictionary
    crmlab exercises  regenerate the student exercise notebooks from the solutions
    crmlab execute    (authors) execute notebooks in place so their outputs can be committed
    crmlab report     case reports (one, or a batch from a CSV) as executed notebooks + offline HTML;
                      with --data DIR --mapping FILE: the assessment of a firm's own data
    crmlab check-data read and check a firm's own data against its mapping file: every problem at once
    crmlab init-mapping  a commented starting mapping file from the headers of a folder's files
    crmlab assign     one bundle per student (notebook with own seed + README) + the instructor's answer key
    crmlab grade      run and score the submitted notebooks: gradebook, feedback pages, class summary
    crmlab translate  (authors) the Chinese catalogue: --update from the English source, --compile the .mo;
                      the Chinese notebooks: --notebooks (extract), --build-zh (build and execute)
    crmlab site       the course website (English and Chinese, offline) into build/site
    crmlab slides     the lecture slides (reveal.js, offline) into build/slides; --tag writes slide tags
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from crmlab.errors import CRMDataError

NOTEBOOK_REPORT = "notebooks/08_case_report.ipynb"
ROOT_HELP = "the kit's folder (default: the checkout the kit runs from, else the installed kit's copy)"


def _jobs(value) -> int:
    """--jobs: a whole number >= 1 (a CRMDataError, not an argparse usage dump)."""
    try:
        n = int(str(value).strip())
    except ValueError:
        n = None
    if n is None or n < 1:
        raise CRMDataError(f"--jobs: must be a whole number of at least 1, got {value!r}. "
                           "Fix: e.g. --jobs 2 (one per free CPU core).")
    return n


def _stopped_lines(results, name) -> list[str]:
    from crmlab.runner import signal_name

    lines = [f"stopped by {signal_name(results.signal)}:"]
    for state in ("interrupted", "not started"):
        names = [name(r) for r in results if r.state == state]
        if names:
            lines.append(f"  {state}: {', '.join(names)}")
    return lines


def _cmd_run(args) -> int:
    from crmlab.runner import run_all, run_jobs, signal_name

    results = run_all(args.root, args.out, jobs=_jobs(args.jobs))
    failed = [r for r in results if not r.ok and not r.state]
    done = [r for r in results if r.ok]
    html_dir = (Path(args.out) / "html").resolve()
    print(f"\n{len(done)} of {len(results)} notebooks ran; HTML copies are in {html_dir}")
    for r in done:
        print(f"  {Path(r.html).resolve()}")
    for r in failed:
        print(f"  FAILED {Path(r.notebook).name}: {r.error}")
    if results.signal:
        for line in _stopped_lines(results, lambda r: Path(r.notebook).name):
            print(line)
        print("case report: not started")
        return results.exit_code
    code = 1 if failed or not results else 0
    if not getattr(args, "no_report", False):
        from crmlab.report import _progress_line, make_job, run_report

        from crmlab._paths import kit_root

        nb = kit_root(args.root) / NOTEBOOK_REPORT
        out = Path(args.out) / "reports"
        job = make_job("hotpot")
        run = run_jobs(lambda j: run_report(j, out, force=True, notebook=nb if nb.exists() else None),
                       [job], 1, on_result=_progress_line, label=lambda j: j.stem)
        if run.signal:
            print(f"stopped by {signal_name(run.signal)}: case report interrupted")
            return run.exit_code
        r = run.results[0]
        if r.ok:
            print(f"case report (fictional company '{r.job.case}'): {Path(r.html).resolve()}")
        else:
            print(f"case report FAILED: {r.error}", file=sys.stderr)
            code = 1
    return code


def _cmd_firm_report(args) -> int:
    from crmlab.firm import check_report
    from crmlab.firm.run import run_report

    if not (args.data and args.mapping):
        raise CRMDataError("report: --data and --mapping go together. "
                           "Fix: pass both, e.g. --data exports --mapping exports/mapping.toml.")
    if args.case or args.batch:
        raise CRMDataError("report: give either --case/--batch (a fictional case) or --data/--mapping (own data). "
                           "Fix: drop one of the two.")
    prep, result, signal = run_report(args.data, args.mapping, args.lang, args.out, progress=not args.quiet)
    if result is None and not signal:
        print(check_report(prep))
        print("report: not run; fix the problems above (crmlab check-data shows them too).", file=sys.stderr)
        return 1
    if signal:
        from crmlab.runner import exit_code, signal_name

        print(f"stopped by {signal_name(signal)}: the report was interrupted and left no files")
        return exit_code(signal)
    if not result.ok:
        print(f"report FAILED: {result.error}", file=sys.stderr)
        return 1
    print(f"own-data report: {Path(result.html).resolve()}")
    return 0


def _cmd_check_data(args) -> int:
    from crmlab.firm import check_report, prepare

    from crmlab.firm.run import make_job

    job = make_job(args.data, args.mapping)
    prep = prepare(job.mapping, job.data)
    print(check_report(prep))
    return 0 if prep.ok else 1


def _cmd_init_mapping(args) -> int:
    from crmlab.firm.init import init_mapping

    path = init_mapping(args.dir, args.out, force=args.force)
    print(f"wrote {path}: correct the guesses, then run crmlab check-data --data {args.dir} --mapping {path}")
    return 0


def _cmd_report(args) -> int:
    from crmlab import report

    if args.data or args.mapping:
        return _cmd_firm_report(args)
    if args.batch and args.case:
        raise CRMDataError("report: give either --case or --batch, not both. "
                           "Fix: put the single report's case in the batch file, or drop --batch.")
    n_jobs = _jobs(args.jobs)
    if args.batch:
        jobs = report.read_batch(args.batch)
    else:
        jobs = [report.make_job(args.case or "hotpot", args.seed, args.lang, args.n_customers)]
    results = report.run_batch(jobs, args.out, n_jobs=min(n_jobs, len(jobs)), force=args.force,
                               progress=not args.quiet)
    print(report.summary_table(results))
    if results.signal:
        from crmlab.runner import signal_name

        print(f"stopped by {signal_name(results.signal)}: "
              "interrupted reports left no files; earlier outputs are as they were. "
              "Run the same command again to finish the batch.")
        return results.exit_code
    return 1 if any(not r.ok for r in results) else 0


def _cmd_assign(args) -> int:
    from crmlab.assign import assign

    notebooks, key = assign(args.topic, args.roster, args.out, root=args.root, n_jobs=_jobs(args.jobs),
                            lang=args.lang)
    print(f"wrote {len(notebooks)} student bundles to {(Path(args.out) / 'students').resolve()} "
          "(hand out one folder per student)")
    print(f"answer key and roster (instructor only): {key.parent.resolve()}")
    return 0


def _cmd_grade(args) -> int:
    from crmlab.grade import grade

    run = grade(args.topic, args.roster, args.submissions, args.out, n_jobs=_jobs(args.jobs),
                scheduler=args.scheduler, timeout_cell=args.timeout_cell, timeout=args.timeout, lang=args.lang,
                force=args.force, root=args.root, progress=not args.quiet)
    from collections import Counter

    counts = Counter(r["status"] for r in run.rows)
    print(f"\n{len(run.rows)} students: " + ", ".join(f"{n} {s}" for s, n in sorted(counts.items())))
    print(f"graded now: {run.graded_now}; unchanged since the last run (not run again): {run.skipped}")
    if run.duplicates:
        print(f"{len(run.duplicates)} older duplicate file(s) ignored; {len(run.strangers)} file(s) of no roster student")
    elif run.strangers:
        print(f"{len(run.strangers)} file(s) of no roster student")
    print(f"gradebook: {run.gradebook}")
    print(f"class summary: {run.summary}")
    print(f"feedback pages (one per student): {run.out_dir / 'feedback'}")
    return 0


def _cmd_data(args) -> int:
    from crmlab import datasets

    if args.dir is not None:
        if not args.dir.strip():
            raise CRMDataError("--dir is empty. Fix: pass a folder, e.g. --dir build/datasets, or leave it out.")
        if Path(args.dir).exists() and not Path(args.dir).is_dir():
            raise CRMDataError(f"--dir {args.dir!r} is a file, not a folder. "
                               "Fix: pass a folder (it is created if missing), e.g. --dir build/datasets.")
    if args.check:
        from crmlab.datasets import expected_files

        folder = Path(args.dir) if args.dir else datasets.data_dir()
        if not folder.is_dir():
            raise CRMDataError(f"--dir {str(folder)!r} does not exist, so there is nothing to check. "
                               "Fix: run `crmlab data --dir FOLDER` first, or check the folder name.")
        differ = [f for f, text in expected_files().items()
                  if not (folder / f).exists() or (folder / f).read_text(encoding="utf-8") != text]
        for f in differ:
            print(f"differs: {folder / f}")
        return 1 if differ else 0
    for path in datasets.write_all(args.dir):
        print(f"wrote {path}")
    return 0


def _cmd_exercises(args) -> int:
    from crmlab.exercises import generate_all

    differ = generate_all(args.root, check=args.check)
    verb = "differs from its solution" if args.check else "written"
    for path in differ:
        print(f"{verb}: {path}")
    if not differ:
        print("student copies are up to date")
    return 1 if (args.check and differ) else 0


def _cmd_execute(args) -> int:
    from crmlab.runner import execute_in_place

    for path in args.paths:  # check every path first: nothing runs when one of them is wrong
        p = Path(path)
        if not p.exists():
            raise CRMDataError(f"execute: {path!r} does not exist. Fix: check the path, "
                               "e.g. crmlab execute notebooks/01_satisfaction.ipynb.")
        if not p.is_file() or p.suffix != ".ipynb":
            raise CRMDataError(f"execute: {path!r} is not a notebook file (.ipynb). "
                               "Fix: pass notebook files, e.g. notebooks/01_satisfaction.ipynb.")
        try:
            import nbformat

            nbformat.read(str(p), as_version=4)
        except Exception as exc:  # JSON, schema and Unicode errors of many kinds
            raise CRMDataError(f"execute: {path!r} cannot be read as a notebook ({type(exc).__name__}). "
                               "Fix: restore it from git (git checkout -- <file>) or re-save it in Jupyter.") from None
    for path in args.paths:
        execute_in_place(path)
        print(f"executed {path}")
    return 0


def _cmd_translate(args) -> int:
    from crmlab import translate as T

    if args.notebooks is not None or args.build_zh is not None:
        return _cmd_translate_notebooks(args)
    if not (args.update or args.compile or args.check):
        raise CRMDataError("translate: nothing to do. Fix: add --update (English source -> .po), "
                           "--compile (.po -> .mo), --check, --notebooks (notebook catalogues) or --build-zh.")
    if args.update:
        counts = T.update()
        print(f"{T.PO}: {counts['new']} new, {counts['fuzzy']} changed (marked fuzzy), {counts['dropped']} dropped")
    if args.compile:
        print(f"wrote {T.compile_mo()}")
    todo = T.problems()
    stale_mo = T.MO.exists() and T.MO.read_bytes() != T.mo_bytes()
    for kind, keys in todo.items():
        if keys:
            print(f"{kind} ({len(keys)}): {', '.join(keys)}")
    if stale_mo:
        print(f"{T.MO} does not match the .po: run crmlab translate --compile")
    if args.check and (any(todo.values()) or stale_mo or not T.MO.exists()):
        return 1
    return 0


def _cmd_translate_notebooks(args) -> int:
    """Notebooks (``.ipynb``) and Markdown documents (``.md``: the capstone brief, the guide, site pages)."""
    import time

    from crmlab import doctranslate as D
    from crmlab import nbtranslate as N

    def split(paths):
        docs = [p for p in paths if str(p).endswith(".md")]
        return [p for p in paths if p not in docs], docs

    if args.notebooks is not None:
        nbs, docs = split(args.notebooks) if args.notebooks else (
            [e.source for e in N.editions()], [d.source for d in D.documents()])
        todo_total = 0
        for mod, srcs, edition in ((N, nbs, N.edition_of), (D, docs, D.doc_edition_of)):
            for src in srcs:
                c = mod.extract(src)
                print(f"{edition(src).catalogue}: {c['new']} new, {c['fuzzy']} changed (marked fuzzy), "
                      f"{c['dropped']} dropped, {c['same']} unchanged")
            for src in srcs:
                for kind, ids in mod.problems(src).items():
                    if ids:
                        todo_total += len(ids)
                        print(f"  {edition(src).catalogue}: {kind} ({len(ids)}): {', '.join(ids)}")
        if args.check and todo_total:
            return 1
    if args.build_zh is not None:
        start = time.perf_counter()
        nbs, docs = split(args.build_zh)
        if docs or not args.build_zh:
            D.build(docs or None)
        if nbs or not args.build_zh:
            N.build(nbs or None, execute=not args.no_execute)
        print(f"Chinese edition built in {time.perf_counter() - start:.1f} s")
    return 0


def _langs(value: str) -> tuple[str, ...]:
    langs = tuple(x.strip() for x in str(value).split(",") if x.strip())
    bad = [x for x in langs if x not in ("en", "zh")]
    if bad or not langs:
        raise CRMDataError(f"--lang: {value!r} is not a list of editions. Fix: en, zh or en,zh.")
    return langs


def _cmd_site(args) -> int:
    from crmlab import site

    site.build(args.out, root=args.root, langs=_langs(args.lang), instructor=not args.students)
    return 0


def _cmd_slides(args) -> int:
    from crmlab import slides

    if args.tag:
        for name, n in slides.tag_notebooks(args.root).items():
            print(f"{name}: {n} cells tagged")
        return 0
    slides.build(args.out, root=args.root, langs=_langs(args.lang))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="crmlab", description="crmlab: the CRM analytics course kit")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("run", help="execute every teaching notebook headless and write HTML copies")
    p.add_argument("--root", default=None, help=ROOT_HELP)
    p.add_argument("--out", default="build", help="output folder (default: build)")
    p.add_argument("--jobs", default="2", help="notebooks run at once (default: 2)")
    p.add_argument("--no-report", action="store_true", help="skip the default case report")
    p.set_defaults(func=_cmd_run)

    p = sub.add_parser("report", help="case reports: executed notebook + offline HTML without code")
    p.add_argument("--case", default=None, help="hotpot, retail, airline, hotel or b2b (default: hotpot)")
    p.add_argument("--seed", default="42", help="random seed (default: 42)")
    p.add_argument("--lang", default="en", help="en or zh (default: en)")
    p.add_argument("--n-customers", default="2000", help="number of customers (default: 2000)")
    p.add_argument("--batch", default=None, help="CSV with one report a row: case, seed, lang[, n_customers]")
    p.add_argument("--jobs", default="2", help="reports run at once (default: 2)")
    p.add_argument("--out", default="reports", help="output folder (default: reports)")
    p.add_argument("--force", action="store_true", help="re-run reports whose output is up to date")
    p.add_argument("--quiet", action="store_true", help="no progress lines")
    p.add_argument("--data", default=None, help="own data: the folder with the firm's files (with --mapping)")
    p.add_argument("--mapping", default=None, help="own data: the mapping TOML file (with --data)")
    p.set_defaults(func=_cmd_report)

    p = sub.add_parser("check-data", help="read and check a firm's own data against its mapping: every problem")
    p.add_argument("--data", required=True, help="the folder with the firm's files")
    p.add_argument("--mapping", required=True, help="the mapping TOML file")
    p.set_defaults(func=_cmd_check_data)

    p = sub.add_parser("init-mapping", help="a commented starting mapping file from the headers in a folder")
    p.add_argument("dir", help="the folder with the firm's files (CSV or .xlsx)")
    p.add_argument("--out", default=None, help="where to write it (default: DIR/mapping.toml)")
    p.add_argument("--force", action="store_true", help="replace an existing file")
    p.set_defaults(func=_cmd_init_mapping)

    p = sub.add_parser("assign", help="one exercise notebook per student (own seed) + an answer key")
    p.add_argument("--topic", required=True, help="exercise, e.g. 01_satisfaction")
    p.add_argument("--roster", required=True, help="CSV with columns student_id, name")
    p.add_argument("--out", default="assignments", help="output folder (default: assignments)")
    p.add_argument("--root", default=None, help=ROOT_HELP)
    p.add_argument("--jobs", default="2", help="students prepared at once (default: 2)")
    p.add_argument("--lang", default="en", help="language of the students' README: en or zh (default: en)")
    p.set_defaults(func=_cmd_assign)

    p = sub.add_parser("grade", help="run and score submitted notebooks: gradebook, feedback, class summary")
    p.add_argument("--topic", required=True, help="exercise, e.g. 01_satisfaction")
    p.add_argument("--roster", required=True, help="the roster CSV crmlab assign used (student_id, name)")
    p.add_argument("--submissions", required=True, help="folder with the handed-in .ipynb files")
    p.add_argument("--out", default="graded", help="output folder (default: graded)")
    p.add_argument("--jobs", default="2", help="notebooks run at once on this machine (default: 2)")
    p.add_argument("--scheduler", default=None,
                   help="address of a Dask distributed scheduler, e.g. tcp://10.0.0.5:8786 (needs crmlab[dask])")
    p.add_argument("--timeout-cell", default="60", help="seconds one cell may run (default: 60)")
    p.add_argument("--timeout", default="600", help="seconds one notebook may run (default: 600)")
    p.add_argument("--lang", default="en", help="language of the feedback and summary pages: en or zh (default: en)")
    p.add_argument("--force", action="store_true", help="re-grade submissions that did not change since the last run")
    p.add_argument("--root", default=None, help=ROOT_HELP)
    p.add_argument("--quiet", action="store_true", help="no progress lines")
    p.set_defaults(func=_cmd_grade)

    p = sub.add_parser("data", help="regenerate the shipped datasets and the data dictionary")
    p.add_argument("--dir", default=None, help="target folder (default: the repository's datasets/)")
    p.add_argument("--check", action="store_true", help="only report files that differ")
    p.set_defaults(func=_cmd_data)

    p = sub.add_parser("exercises", help="regenerate the student exercise notebooks from the solutions")
    p.add_argument("--root", default=None,
                   help="the kit's checkout, with exercises/solutions/ (default: the checkout the kit runs from)")
    p.add_argument("--check", action="store_true", help="only report copies that differ")
    p.set_defaults(func=_cmd_exercises)

    p = sub.add_parser("execute", help="(authors) execute notebooks in place, top to bottom, in a fresh kernel")
    p.add_argument("paths", nargs="+", help="notebooks to execute and save with their outputs")
    p.set_defaults(func=_cmd_execute)

    for name, helptext, out, flag, flag_help, func in (
            ("site", "the course website, English and Chinese, that opens offline (Sphinx)", "build/site",
             "--students", "leave out the instructor's guide (its model answers): a site to give students", _cmd_site),
            ("slides", "one reveal.js deck per teaching notebook, offline; --tag: slide tags", "build/slides",
             "--tag", "write the rule's slide tags into the English teaching notebooks (cells that have one keep "
                      "it)", _cmd_slides)):
        p = sub.add_parser(name, help=helptext)
        p.add_argument("--out", default=out, help=f"output folder (default: {out})")
        p.add_argument("--lang", default="en,zh", help="editions: en, zh or en,zh (default: en,zh)")
        p.add_argument(flag, action="store_true", help=flag_help)
        p.add_argument("--root", default=None, help=ROOT_HELP)
        p.set_defaults(func=func)

    p = sub.add_parser("translate", help="(authors) the Chinese catalogue crmlab/locale/zh (needs Babel)")
    p.add_argument("--update", action="store_true", help="write the current English into the .po (changed -> fuzzy)")
    p.add_argument("--compile", action="store_true", help="compile the .po to the .mo the kit reads")
    p.add_argument("--check", action="store_true", help="exit 1 on a missing, fuzzy or stale entry or an old .mo")
    p.add_argument("--notebooks", nargs="*", metavar="NOTEBOOK",
                   help="extract the English markdown into the notebook catalogues crmlab/locale/zh/{notebooks,"
                        "exercises}/*.po (changed -> fuzzy), or a Markdown document (exercises/x.md, guide/x.md, site/x.md) into "
                        "crmlab/locale/zh/docs/; no NOTEBOOK: every notebook and document of the Chinese edition; "
                        "a NOTEBOOK without a catalogue joins the edition")
    p.add_argument("--build-zh", nargs="*", metavar="NOTEBOOK",
                   help="build the Chinese notebooks (notebooks/zh, exercises/zh) from the English code and the "
                        "catalogues, and execute them (a .md document: its zh copy); no NOTEBOOK: the whole edition")
    p.add_argument("--no-execute", action="store_true", help="with --build-zh: write the notebooks without running them")
    p.set_defaults(func=_cmd_translate)
    return parser


def run(argv: list[str] | None = None) -> int:
    """Run one command and return its exit code; a CRMDataError propagates (``main`` prints it)."""
    args = build_parser().parse_args(argv)
    return int(args.func(args) or 0)


def main(argv: list[str] | None = None) -> int:
    from crmlab.runner import Stopped, signal_name, stop_on_signals

    try:
        with stop_on_signals():  # SIGINT/SIGTERM: a summary and exit 130/143, never a traceback
            return run(argv)
    except Stopped as exc:
        if exc.summary:
            print(exc.summary, flush=True)
        print(f"crmlab: stopped by {signal_name(exc.signum)}", file=sys.stderr)
        return exc.exit_code
    except CRMDataError as exc:
        print(f"crmlab: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("crmlab: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
