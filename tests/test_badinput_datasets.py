"""Bad-input battery for crmlab.datasets (issue 13, section 4): generate/load/names for every dataset."""

from __future__ import annotations

import numpy as np
import pytest

from badinput import Bad, check, params
from crmlab import datasets
from crmlab.datasets._registry import specs
from crmlab.errors import CRMDataError

D = "crmlab.datasets."

CASES = [
    Bad("b2-ds-generate-seed-negative", D + "generate", lambda: datasets.generate("loyalty_transactions", seed=-1),
        r"seed=-1"),
    Bad("b2-ds-generate-seed-text", D + "generate", lambda: datasets.generate("satisfaction_survey", seed="7"), r"seed='7'"),
    Bad("b2-ds-generate-seed-float", D + "generate", lambda: datasets.generate("satisfaction_survey", seed=1.5), r"seed=1.5"),
    Bad("b2-ds-generate-seed-bool", D + "generate", lambda: datasets.generate("satisfaction_survey", seed=True), r"seed=True"),
    Bad("b2-ds-generate-n-text", D + "generate", lambda: datasets.generate("satisfaction_survey", n="500"), r"n='500'"),
    Bad("b2-ds-generate-n-float", D + "generate", lambda: datasets.generate("ecsi_survey", n=2.5), r"n=2.5"),
    Bad("b2-ds-generate-n-zero", D + "generate", lambda: datasets.generate("servqual_survey", n=0), r"n=0"),
    Bad("b2-ds-generate-n-huge", D + "generate", lambda: datasets.generate("contact_queue", n=10**9), r"n=1000000000"),
    Bad("b2-ds-generate-wrong-size-name", D + "generate", lambda: datasets.generate("loyalty_transactions", n=500),
        r"does not take n; its size arguments are: n_customers"),
    Bad("b2-ds-generate-fixed-table-size", D + "generate", lambda: datasets.generate("textbook_case", n=3),
        r"'textbook_case' does not take n"),
    Bad("b2-ds-generate-experts-zero", D + "generate", lambda: datasets.generate("burnett_accounts", n_experts=0),
        r"n_experts=0"),
    Bad("b2-ds-generate-noise-negative", D + "generate", lambda: datasets.generate("burnett_accounts", noise=-0.1),
        r"noise=-0.1"),
    Bad("b2-ds-generate-missing-rate-one", D + "generate", lambda: datasets.generate("burnett_expert_scores", missing_rate=1.0),
        r"missing_rate=1.0"),
    Bad("b2-ds-generate-noise-text", D + "generate", lambda: datasets.generate("burnett_accounts", noise="high"),
        r"noise='high'"),
    Bad("b2-ds-generate-per-branch-zero", D + "generate", lambda: datasets.generate("servqual_management", n_per_branch=0),
        r"n_per_branch=0"),
    Bad("b2-ds-generate-unknown-name", D + "generate", lambda: datasets.generate("satisfaction_surve"),
        r"Did you mean 'satisfaction_survey'"),
    Bad("b2-ds-generate-name-number", D + "generate", lambda: datasets.generate(3), r"dataset name must be text"),
    Bad("b2-ds-load-unknown-name", D + "load", lambda: datasets.load("loyalty"), r"Did you mean 'loyalty_survey' or 'loyalty_transactions'"),
    Bad("b2-ds-load-case-and-dash", D + "load", lambda: datasets.load("Loyalty-Survey"), r"Did you mean 'loyalty_survey'"),
    Bad("b2-ds-load-none", D + "load", lambda: datasets.load(None), r"got NoneType"),
    Bad("b2-ds-names-unknown-topic", D + "names", lambda: datasets.names("marketing"), r"topic='marketing' has no datasets"),
    Bad("b2-ds-names-topic-number", D + "names", lambda: datasets.names(3), r"topic must be text"),
    Bad("b2-ds-truth-seed-negative", D + "ground_truth", lambda: datasets.ground_truth("ecsi_survey", seed=-5), r"seed=-5"),
    Bad("b2-ds-describe-unknown", D + "describe", lambda: datasets.describe("servqual"), r"unknown dataset 'servqual'"),
    Bad("b2-ds-data-dictionary-lang", D + "data_dictionary", lambda: datasets.data_dictionary("fr"), r"lang='fr'"),
    Bad("b2-ds-describe-lang", D + "describe", lambda: datasets.describe("textbook_case", "ZH"), r"lang='ZH'"),
    Bad("b2-ds-write-all-into-a-file", D + "write_all", lambda: datasets.write_all(__file__), r"is a file, not a folder"),
]


@params(CASES)
def test_bad_input(case):
    check(case)


@pytest.mark.parametrize("name", datasets.names())
def test_every_dataset_refuses_bad_seed_and_unknown_size(name):
    with pytest.raises(CRMDataError, match=r"seed=-1"):
        datasets.generate(name, seed=-1)
    with pytest.raises(CRMDataError, match=r"does not take bogus"):
        datasets.generate(name, bogus=3)
    for key, default in specs()[name].defaults.items():
        bad = "500" if isinstance(default, int) else "high"
        with pytest.raises(CRMDataError, match=key):
            datasets.generate(name, **{key: bad})


def test_numpy_seed_and_whole_float_size_still_work():
    a = datasets.generate("satisfaction_survey", seed=np.int64(7), n=50.0).frame
    b = datasets.generate("satisfaction_survey", seed=7, n=50).frame
    assert a.equals(b) and len(a) == 50


def test_topic_by_short_name_or_number():
    assert datasets.names("loyalty") == datasets.names("03 loyalty") == datasets.names("03") == \
        ["loyalty_survey", "loyalty_transactions"]
