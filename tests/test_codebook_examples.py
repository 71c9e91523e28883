"""Every positive and negative example written in the codebook, run through the real model and coder."""

from __future__ import annotations

import pytest

from pipeline.codebook import load_codebook
from pipeline.codebook.examples import ExampleCase, check_case, example_cases
from pipeline.settings import default_codebook_dir

CASES = example_cases(load_codebook(default_codebook_dir()))


def test_every_rule_and_refinement_has_both_kinds_of_example() -> None:
    owners = {(case.rule_id, case.positive) for case in CASES}
    rule_ids = {case.rule_id for case in CASES}
    assert all((rule_id, True) in owners and (rule_id, False) in owners for rule_id in rule_ids)


@pytest.mark.parametrize("case", CASES, ids=[case.rule_id for case in CASES])
def test_example(case: ExampleCase, code_text) -> None:
    assert check_case(case, lambda text, published: code_text(text, published)) == []
