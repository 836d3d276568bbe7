"""The generated documentation in docs/ is current, complete for §1–§11, free of personal data, and its
hand-written scenario guide's example runs."""

from __future__ import annotations

import re
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from iop_rules import Agreement
from iop_rules.clause import Rule
from iop_rules.clauses import CLAUSES
from iop_rules.cli.docs import write_docs
from iop_rules.coverage import load_coverage
from iop_rules.presentation.docs import generate, stale_files
from iop_rules.scenarios import load_scenario_file, run_scenario

from .conftest import ROOT

DOCS = ROOT / "docs"
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")


@pytest.fixture(scope="module")
def generated(agreement: Agreement) -> dict[str, str]:
    return generate(agreement)


def test_docs_are_not_stale(generated: dict[str, str]) -> None:
    stale = stale_files(DOCS, generated)
    assert not stale, f"docs/ is stale ({', '.join(stale)}): regenerate with `iop-rules docs --out docs`"


def test_every_section_has_its_page_with_title_words_rules_and_coverage(generated: dict[str, str], agreement: Agreement) -> None:
    entries = load_coverage()
    for number in range(1, 12):
        page = generated[f"sections/{number:02d}.md"]
        section = agreement.sections[str(number)]
        assert f"# §{number} {section.title}" in page
        for text in section.quotes.values():
            assert text in page
        for clause in CLAUSES:
            for rule in clause.rules:
                if rule.section == str(number):
                    assert f"### `{rule.id}`" in page and rule.en in page and rule.sv in page
        for entry in entries:
            if entry.section == str(number):
                assert f"| `{entry.quote}` |" in page
                assert entry.reason_en.replace("|", "\\|") in page
        assert f"[§{number}](sections/{number:02d}.md)" in generated["index.md"]


def test_not_machine_checkable_reasons_are_shown(generated: dict[str, str]) -> None:
    assert "not machine-checkable" in generated["sections/02.md"]
    assert "Respect, openness, trust" in generated["sections/02.md"]


def test_pages_list_the_settings_and_scenarios_that_cover_them(generated: dict[str, str]) -> None:
    four = generated["sections/04.md"]
    assert "[I1](../interpretations.md#i1)" in four
    assert "A mid-term evaluation held on 1 November 2026, the day after two months before half the term, is late." in four
    assert "`tests/scenarios/s04_term.toml`" in four
    assert "No scenario covers this section yet" in generated["sections/05.md"]


def test_the_register_page_lists_every_setting(generated: dict[str, str], agreement: Agreement) -> None:
    page = generated["interpretations.md"]
    for key, entry in agreement.interpretations.items():
        assert f"## {key}\n" in page and entry.question in page
        for meaning in entry.readings.values():
            assert meaning in page
    assert "`mid-term-evaluation` ([§4](sections/04.md))" in page


def test_schemas_come_from_the_models(generated: dict[str, str]) -> None:
    import json

    from iop_rules import Facts, Report

    facts_schema = json.loads(generated["schema/facts.schema.json"])
    report_schema = json.loads(generated["schema/report.schema.json"])
    # The shipped schemas add their $schema and $id to what the models generate (tests/test_schemas.py).
    assert {k: v for k, v in facts_schema.items() if k not in ("$schema", "$id")} == json.loads(json.dumps(Facts.model_json_schema()))
    assert {k: v for k, v in report_schema.items() if k not in ("$schema", "$id")} == json.loads(json.dumps(Report.model_json_schema()))
    assert "grant_payments" in generated["schema/facts.schema.json"]


def test_a_new_rule_makes_the_docs_stale(agreement: Agreement, tmp_path: Path, generated: dict[str, str]) -> None:
    write_docs(tmp_path, generated)
    assert stale_files(tmp_path, generated) == []
    extra = Rule("extra-duty/{year}", "2", "values", "A new rule.", "En ny regel.")
    clauses = (*CLAUSES[:-1], replace(CLAUSES[-1], rules=(*CLAUSES[-1].rules, extra)))
    changed = generate(agreement, clauses=clauses)
    assert stale_files(tmp_path, changed) == ["index.md", "sections/02.md"]


def test_an_edited_file_or_a_new_scenario_makes_the_docs_stale(agreement: Agreement, tmp_path: Path, generated: dict[str, str]) -> None:
    write_docs(tmp_path, generated)
    page = tmp_path / "sections" / "07.md"
    page.write_text(page.read_text(encoding="utf-8") + "hand edit\n", encoding="utf-8")
    assert stale_files(tmp_path, generated) == ["sections/07.md"]
    scenarios = tmp_path / "scenarios"
    scenarios.mkdir()
    for source in (ROOT / "tests" / "scenarios").glob("*.toml"):
        (scenarios / source.name).write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    (scenarios / "extra.toml").write_text(
        '[[scenario]]\nname = "An extra scenario about §10."\nas_of = 2025-06-01\n'
        'expect = [{ id = "amendment/x", section = "10" }]\n',
        encoding="utf-8",
    )
    assert "sections/10.md" in stale_files(DOCS, generate(agreement, scenarios_dir=scenarios))


def test_no_personal_data_in_docs(generated: dict[str, str]) -> None:
    texts = dict(generated)
    for path in DOCS.rglob("*"):
        if path.is_file():
            texts[str(path.relative_to(DOCS))] = path.read_text(encoding="utf-8")
    for path in (ROOT / "tests" / "scenarios").glob("*.toml"):
        texts[str(path)] = path.read_text(encoding="utf-8")
    for name, text in texts.items():
        assert not EMAIL.search(text), f"{name} contains an e-mail address"
        assert "mailto:" not in text, name


def test_the_scenario_guide_example_runs(agreement: Agreement, tmp_path: Path) -> None:
    guide = (DOCS / "scenarios.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```toml\n(.*?)```", guide, flags=re.S)
    assert blocks, "docs/scenarios.md has no TOML example"
    path = tmp_path / "example.toml"
    path.write_text(blocks[0], encoding="utf-8")
    loaded = load_scenario_file(path)
    assert len(loaded.scenario) == 1
    _, problems = run_scenario(agreement, loaded.scenario[0], loaded.facts)
    assert problems == []


def test_the_guide_names_every_key_a_scenario_accepts() -> None:
    from iop_rules.scenarios import Expectation, Scenario

    guide = (DOCS / "scenarios.md").read_text(encoding="utf-8")
    for key in Scenario.model_fields:
        assert f"`{key}`" in guide, key
    for key in Expectation.model_fields:
        assert f"`{key}`" in guide, key


def test_regenerate_from_the_command_line(tmp_path: Path) -> None:
    out = tmp_path / "docs"
    result = subprocess.run(
        [sys.executable, "-m", "iop_rules", "docs", "--out", str(out)], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr
    assert (out / "sections" / "11.md").is_file() and (out / "schema" / "report.schema.json").is_file()
    from iop_rules.cli import main

    assert main(["docs", "--out", str(out), "--check"]) == 0
    (out / "index.md").write_text("stale\n", encoding="utf-8")
    assert main(["docs", "--out", str(out), "--check"]) == 1
    assert main(["docs", "--out", str(out)]) == 0
    assert main(["docs", "--out", str(out), "--check"]) == 0
