"""A broken codebook stops with a message naming the file, the entry and the problem."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import spacy
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.codebook import load_codebook
from pipeline.codebook.compile import compile_rules
from pipeline.errors import CodebookError
from pipeline.settings import default_codebook_dir

GOOD_RULE = """
rules:
  - id: {rule_id}
    event_type: strike
    cameo_code: "{code}"
    rationale: test rule
    patterns:
      - trigger: {{lemma: {lemma}, pos: NOUN}}
    examples:
      positive: ["A sentence."]
      negative: ["Another sentence."]
"""


@pytest.fixture()
def codebooks(tmp_path: Path) -> Path:
    target = tmp_path / "codebooks"
    shutil.copytree(default_codebook_dir(), target)
    return target


def _add_rules(codebooks: Path, text: str) -> None:
    events = codebooks / "events.yaml"
    (codebooks / "events" / "extra.yaml").write_text(text, encoding="utf-8")
    events.write_text(events.read_text().replace("  - events/invitation.yaml\n", "  - events/invitation.yaml\n  - events/extra.yaml\n"))


def _problems(codebooks: Path) -> str:
    with pytest.raises(CodebookError) as caught:
        load_codebook(codebooks)
    return str(caught.value)


def test_shipped_codebook_is_valid_and_compiles() -> None:
    codebook = load_codebook(default_codebook_dir())
    compiled = compile_rules(codebook, spacy.blank("en").vocab)
    assert codebook.rules and len(compiled.keys) >= sum(len(r.patterns) for r in codebook.rules)
    assert codebook.version.startswith(codebook.events.version + "+")


def test_unknown_venue_code_names_the_event_type(codebooks: Path) -> None:
    events = codebooks / "events.yaml"
    events.write_text(events.read_text().replace('elsewhere: "044"', 'elsewhere: "0449"'), encoding="utf-8")
    assert "event type 'meeting': venue code 0449 is not a CAMEO code" in _problems(codebooks)


def test_unknown_cameo_code_names_file_rule_and_code(codebooks: Path) -> None:
    _add_rules(codebooks, GOOD_RULE.format(rule_id="strike.test", code="1999", lemma="zap"))
    message = _problems(codebooks)
    assert "extra.yaml" in message and "strike.test" in message and "1999 is not a CAMEO 1.1b3 code" in message


def test_duplicate_rule_id(codebooks: Path) -> None:
    _add_rules(codebooks, GOOD_RULE.format(rule_id="strike.noun", code="190", lemma="zap"))
    assert "id 'strike.noun' is used twice" in _problems(codebooks)


def test_pattern_claimed_by_two_rules_without_override(codebooks: Path) -> None:
    text = GOOD_RULE.format(rule_id="strike.a", code="190", lemma="zap") + GOOD_RULE.format(
        rule_id="strike.b", code="195", lemma="zap"
    ).replace("rules:\n", "")
    _add_rules(codebooks, text)
    message = _problems(codebooks)
    assert "rule 'strike.b'" in message and "also claimed by rule 'strike.a'" in message


def test_override_makes_a_shared_pattern_legal(codebooks: Path) -> None:
    text = GOOD_RULE.format(rule_id="strike.a", code="190", lemma="zap") + GOOD_RULE.format(
        rule_id="strike.b", code="195", lemma="zap"
    ).replace("rules:\n", "").replace("    rationale: test rule", "    overrides: [strike.a]\n    rationale: test rule", 1)
    _add_rules(codebooks, text)
    assert load_codebook(codebooks).rules[-1].overrides == ("strike.a",)


def test_unknown_key_is_an_error_with_its_position(codebooks: Path) -> None:
    _add_rules(codebooks, GOOD_RULE.format(rule_id="strike.test", code="190", lemma="zap").replace("rationale:", "rationle: x\n    rationale:"))
    message = _problems(codebooks)
    assert "extra.yaml" in message and "rules entry 1 ('strike.test') > rationle" in message


def test_missing_examples_is_an_error(codebooks: Path) -> None:
    text = GOOD_RULE.format(rule_id="strike.test", code="190", lemma="zap").replace('      negative: ["Another sentence."]\n', "")
    _add_rules(codebooks, text)
    assert "examples > negative" in _problems(codebooks)


def test_yaml_syntax_error_gives_line(codebooks: Path) -> None:
    _add_rules(codebooks, "rules:\n  - id: [unclosed\n")
    message = _problems(codebooks)
    assert "extra.yaml" in message and "line" in message and "not valid YAML" in message


def test_on_and_no_are_words_not_booleans(codebooks: Path) -> None:
    codebook = load_codebook(codebooks)
    assert "on" in codebook.events.event_types["strike"].target_preps
    assert "no" in codebook.events.modality.negators


def test_actor_name_claimed_by_two_codes(codebooks: Path) -> None:
    additions = codebooks / "actors" / "organisations.yaml"
    additions.write_text(additions.read_text() + "  - code: IGOXXX\n    names: [Baghdad]\n    role: IGO\n")
    message = _problems(codebooks)
    assert "'Baghdad' names" in message and "IRQ" in message


def test_unknown_separate_code_names_the_event_type(codebooks: Path) -> None:
    events = codebooks / "events.yaml"
    events.write_text(events.read_text().replace('separate_codes: ["041"]', 'separate_codes: ["0419"]'))
    message = _problems(codebooks)
    assert "event type 'meeting': separate code 0419 is not a CAMEO code" in message


def test_a_person_term_for_an_unknown_actor_is_an_error(codebooks: Path) -> None:
    people = codebooks / "actors" / "people.yaml"
    people.write_text(people.read_text().replace("note: Islamic State leader, actor: IMGMUSISI}", "note: Islamic State leader, actor: IMGMUSXXX}"))
    message = _problems(codebooks)
    assert "Abu Bakr al-Baghdadi" in message and "IMGMUSXXX" in message


def test_a_local_role_that_is_no_role_is_an_error(codebooks: Path) -> None:
    actors = codebooks / "actors.yaml"
    actors.write_text(actors.read_text().replace("local_roles: [CVL, REB, OPP]", "local_roles: [CVL, REB, XYZ]"))
    message = _problems(codebooks)
    assert "actors.yaml" in message and "local role XYZ is not the code of any role" in message


def test_bad_spacy_pattern_is_reported_with_rule_id() -> None:
    codebook = load_codebook(default_codebook_dir())
    broken = codebook.rules[0].model_copy(update={"id": "strike.broken"})
    bad_pattern = broken.patterns[0].model_copy(update={"trigger": broken.patterns[0].trigger.model_copy(update={"pos": ("NOT_A_POS",)})})
    broken = broken.model_copy(update={"patterns": (bad_pattern,), "exclusions": (), "refinements": ()})
    from dataclasses import replace

    with pytest.raises(CodebookError) as caught:
        compile_rules(replace(codebook, rules=(broken,)), spacy.blank("en").vocab)
    assert "strike.broken" in str(caught.value)


def test_validate_command_reports_ok_and_errors(codebooks: Path) -> None:
    runner = CliRunner()
    ok = runner.invoke(app, ["codebook", "validate", str(codebooks)])
    assert ok.exit_code == 0 and "is valid" in ok.output
    _add_rules(codebooks, GOOD_RULE.format(rule_id="strike.test", code="1999", lemma="zap"))
    bad = runner.invoke(app, ["codebook", "validate", str(codebooks)])
    assert bad.exit_code == 2 and "1999 is not a CAMEO 1.1b3 code" in bad.output
    assert "Traceback" not in bad.output
