"""Bad-input battery: the text path (labels, the translate command)."""

from badinput import Bad, check, params

from crmlab import cli, labels

CASES: list[Bad] = [
    Bad("text-cli-translate-no-action", "cli:translate", lambda: cli.run(["translate"]), r"translate: nothing to do"),
    Bad("text-cli-translate-notebooks-unknown", "cli:translate_notebooks",
        lambda: cli.run(["translate", "--notebooks", "nope.ipynb"]), r"nope.ipynb is not an English teaching notebook"),
    Bad("text-cli-translate-notebooks-outside", "cli:translate_notebooks",
        lambda: cli.run(["translate", "--notebooks", "/etc/passwd"]), r"is not an English teaching notebook"),
    Bad("text-t-lang-unknown", "crmlab.labels.t", lambda: labels.t("csi", "fr"), r"lang='fr'"),
    Bad("text-t-lang-not-text", "crmlab.labels.t", lambda: labels.t("csi", None), r"lang=None"),
    Bad("text-label-lang-upper", "crmlab.labels.label", lambda: labels.label("delivery", "ZH", "cp_"), r"lang='ZH'"),
]


@params(CASES)
def test_bad_input(case):
    check(case)
