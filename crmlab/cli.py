"""The ``crmlab`` command.

    crmlab run        execute every teaching notebook, write HTML copies to build/html
    crmlab data       regenerate datasets/*.csv, *.truth.json and the data dictionary
    crmlab exercises  regenerate the student exercise notebooks from the solutions
    crmlab execute    (authors) execute notebooks in place so their outputs can be committed
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from crmlab.errors import CRMDataError


def _cmd_run(args) -> int:
    from crmlab.runner import run_all

    results = run_all(args.root, args.out, jobs=args.jobs)
    failed = [r for r in results if not r.ok]
    html_dir = (Path(args.out) / "html").resolve()
    print(f"\n{len(results) - len(failed)} of {len(results)} notebooks ran; HTML copies are in {html_dir}")
    for r in results:
        if r.ok:
            print(f"  {Path(r.html).resolve()}")
    return 1 if failed or not results else 0


def _cmd_data(args) -> int:
    from crmlab import datasets

    if args.check:
        from crmlab.datasets import expected_files

        folder = Path(args.dir) if args.dir else datasets.data_dir()
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

    for path in args.paths:
        execute_in_place(path)
        print(f"executed {path}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="crmlab", description="crmlab: the CRM analytics course kit")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("run", help="execute every teaching notebook headless and write HTML copies")
    p.add_argument("--root", default=".", help="the kit's folder (holds notebooks/)")
    p.add_argument("--out", default="build", help="output folder (default: build)")
    p.add_argument("--jobs", type=int, default=2, help="notebooks run at once (default: 2)")
    p.set_defaults(func=_cmd_run)

    p = sub.add_parser("data", help="regenerate the shipped datasets and the data dictionary")
    p.add_argument("--dir", default=None, help="target folder (default: the repository's datasets/)")
    p.add_argument("--check", action="store_true", help="only report files that differ")
    p.set_defaults(func=_cmd_data)

    p = sub.add_parser("exercises", help="regenerate the student exercise notebooks from the solutions")
    p.add_argument("--root", default=".", help="the kit's folder (holds exercises/)")
    p.add_argument("--check", action="store_true", help="only report copies that differ")
    p.set_defaults(func=_cmd_exercises)

    p = sub.add_parser("execute", help="(authors) execute notebooks in place, top to bottom, in a fresh kernel")
    p.add_argument("paths", nargs="+", help="notebooks to execute and save with their outputs")
    p.set_defaults(func=_cmd_execute)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except CRMDataError as exc:
        print(f"crmlab: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("crmlab: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
