"""Bad-input battery for the CLI commands data, exercises and execute (issue 13, section 4).

A case runs the command's function on parsed arguments (what ``main`` does
before it turns a CRMDataError into one line and exit code 2); one test
runs the real command in a subprocess to show there is no traceback.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from badinput import Bad, check, params
from crmlab.cli import build_parser, main

HERE = Path(__file__).resolve()


def run(*argv):
    args = build_parser().parse_args(list(argv))
    return args.func(args)


def _tmp(name: str, text: str | None = None) -> str:
    d = Path(tempfile.mkdtemp(prefix="b2cli-"))
    if text is None:
        return str(d)
    p = d / name
    p.write_text(text, encoding="utf-8")
    return str(p)


_EMPTY_NB = '{"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 4}\n'

CASES = [
    Bad("b2-cli-data-dir-is-file", "cli:data", lambda: run("data", "--dir", str(HERE)), r"--dir .* is a file"),
    Bad("b2-cli-data-check-dir-is-file", "cli:data", lambda: run("data", "--check", "--dir", str(HERE)), r"is a file"),
    Bad("b2-cli-data-check-dir-missing", "cli:data", lambda: run("data", "--check", "--dir", "/nonexistent-b2/x"),
        r"does not exist, so there is nothing to check"),
    Bad("b2-cli-data-dir-empty", "cli:data", lambda: run("data", "--dir", " "), r"--dir is empty"),
    Bad("b2-cli-exercises-check-empty-root", "cli:exercises", lambda: run("exercises", "--check", "--root", _tmp("x")),
        r"no solutions found under .*exercises/solutions"),
    Bad("b2-cli-exercises-root-missing", "cli:exercises", lambda: run("exercises", "--root", "/nonexistent-b2"),
        r"root '/nonexistent-b2' is missing"),
    Bad("b2-cli-exercises-root-is-file", "cli:exercises", lambda: run("exercises", "--root", str(HERE)), r"is a file"),
    Bad("b2-cli-execute-missing", "cli:execute", lambda: run("execute", "/nonexistent-b2/01.ipynb"), r"does not exist"),
    Bad("b2-cli-execute-folder", "cli:execute", lambda: run("execute", _tmp("x")), r"is not a notebook file"),
    Bad("b2-cli-execute-not-ipynb", "cli:execute", lambda: run("execute", str(HERE)), r"is not a notebook file \(\.ipynb\)"),
    Bad("b2-cli-execute-broken-json", "cli:execute", lambda: run("execute", _tmp("a.ipynb", "{oops")),
        r"cannot be read as a notebook"),
    Bad("b2-cli-execute-second-path-missing", "cli:execute",
        lambda: run("execute", _tmp("a.ipynb", _EMPTY_NB), "/nonexistent-b2/b.ipynb"), r"'/nonexistent-b2/b.ipynb' does not exist"),
]


@params(CASES)
def test_bad_input(case):
    check(case)


def test_main_turns_them_into_one_line_and_exit_2(capsys):
    assert main(["exercises", "--check", "--root", _tmp("x")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("crmlab: error: no solutions found") and err.count("\n") == 1


def test_real_commands_print_no_traceback():
    for argv in (["data", "--dir", str(HERE)], ["execute", "/nonexistent-b2.ipynb"]):
        out = subprocess.run([sys.executable, "-m", "crmlab.cli", *argv], capture_output=True, text=True)
        assert out.returncode == 2, (argv, out.stderr)
        assert "Traceback" not in out.stderr and "crmlab: error:" in out.stderr
