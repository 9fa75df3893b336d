"""Bad-input battery: the course website and the lecture slides (crmlab site, crmlab slides)."""

import tempfile
from pathlib import Path

import nbformat
from badinput import Bad, check, params

from crmlab import cli, site, slides


def _untagged_kit() -> str:
    """A folder with one teaching notebook that has no slide tags."""
    root = Path(tempfile.mkdtemp())
    (root / "notebooks").mkdir()
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("# A topic")]
    nbformat.write(nb, str(root / "notebooks/01_x.ipynb"))
    return str(root)


CASES: list[Bad] = [
    Bad("site-cli-lang-unknown", "cli:site", lambda: cli.run(["site", "--lang", "fr"]), r"--lang: 'fr'.*en,zh"),
    Bad("site-cli-root-without-site", "cli:site",
        lambda: cli.run(["site", "--root", tempfile.mkdtemp(), "--out", tempfile.mkdtemp()]), r"site/conf.py"),
    Bad("site-build-lang-list-wrong", "crmlab.site.build",
        lambda: site.build(tempfile.mkdtemp(), langs=("en", "de")), r"lang='de'"),
    Bad("slides-cli-lang-empty", "cli:slides", lambda: cli.run(["slides", "--lang", ","]), r"--lang: ','"),
    Bad("slides-cli-root-not-a-kit", "cli:slides", lambda: cli.run(["slides", "--root", tempfile.mkdtemp()]),
        r"checkout of the kit"),
    Bad("slides-build-untagged-notebook", "crmlab.slides.build",
        lambda: slides.build(tempfile.mkdtemp(), root=_untagged_kit(), progress=None),
        r"01_x.ipynb has no slide tags.*crmlab slides --tag"),
]


@params(CASES)
def test_bad_input(case):
    check(case)
