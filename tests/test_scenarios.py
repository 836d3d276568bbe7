"""Scenario files a lawyer reads and writes: ``tests/scenarios/*.toml``, each scenario named by a sentence.

Every file in the directory is collected on every run, with no code change per file. A failing scenario shows
what it expected against what the rules found, and the Swedish words of the sections concerned.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from iop_rules import Agreement, InputError
from iop_rules.clauses import CLAUSES
from iop_rules.scenarios import (
    ScenarioFile,
    describe_failure,
    load_scenario_file,
    run_scenario,
    scenario_files,
    scenario_sections,
)

SCENARIOS = Path(__file__).resolve().parent / "scenarios"


@cache
def _load(path: Path) -> ScenarioFile:
    return load_scenario_file(path)


def _params() -> list[object]:
    params: list[object] = []
    for path in scenario_files(SCENARIOS):
        try:
            count = len(_load(path).scenario)
        except InputError:
            # An unreadable file is a failing test, not a collection error that hides the other files.
            params.append(pytest.param(path, 0, id=f"{path.stem}::unreadable"))
            continue
        params.extend(pytest.param(path, index, id=f"{path.stem}::{index + 1}") for index in range(count))
    return params


@pytest.mark.parametrize(("path", "index"), _params())
def test_scenario(path: Path, index: int, agreement: Agreement) -> None:
    try:
        loaded = _load(path)
    except InputError as error:
        pytest.fail(f"{path.name}: {error.message_en}")
    scenario = loaded.scenario[index]
    report, problems = run_scenario(agreement, scenario, loaded.facts)
    if problems:
        pytest.fail(f"{path.name}, scenario {index + 1}\n" + describe_failure(agreement, scenario, report, problems), pytrace=False)


def _all() -> list[tuple[str, object]]:
    return [(path.name, s) for path in scenario_files(SCENARIOS) for s in _load(path).scenario]


def test_there_are_at_least_40_scenarios() -> None:
    assert len(_all()) >= 40


def test_every_section_with_rules_has_scenarios() -> None:
    with_rules = {rule.section for clause in CLAUSES for rule in clause.rules}
    covered = {section for _, s in _all() for section in scenario_sections(s, CLAUSES)}  # type: ignore[arg-type]
    assert with_rules - covered == set(), f"sections with rules but no scenario: {sorted(with_rules - covered, key=int)}"


def test_scenario_names_are_sentences_and_unique() -> None:
    names = [s.name for _, s in _all()]  # type: ignore[attr-defined]
    assert len(names) == len(set(names)), "two scenarios share a name"
    for name in names:
        assert (name[0].isupper() or name[0].isdigit()) and name.endswith("."), name


def test_every_expected_id_belongs_to_a_rule() -> None:
    from iop_rules.coverage import rule_for

    for file_name, scenario in _all():
        for expectation in scenario.expect:  # type: ignore[attr-defined]
            assert rule_for(expectation.id, CLAUSES) is not None, f"{file_name}: {expectation.id} matches no rule"


def test_a_new_file_in_the_directory_is_picked_up(tmp_path: Path, agreement: Agreement) -> None:
    (tmp_path / "new.toml").write_text(
        """
[[scenario]]
name = "A snapshot without signatures leaves both parties' signatures to be checked on the first day."
as_of = 2025-01-01
expect = [
  { id = "signature/city", status = "needs_assessment", party = "city", due = 2025-01-01 },
  { id = "signature/fa", status = "needs_assessment", party = "fa" },
]
""",
        encoding="utf-8",
    )
    (found,) = scenario_files(tmp_path)
    loaded = load_scenario_file(found)
    _, problems = run_scenario(agreement, loaded.scenario[0], loaded.facts)
    assert problems == []


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ('[[scenario]]\nname = "A scenario with a typo in a key."\nas_of = 2025-01-01\nagreement_state = "in_force"\nexpcet = []\n', "expcet"),
        ('[[scenario]]\nname = "A scenario with a typo in an expectation."\nas_of = 2025-01-01\nexpect = [{ id = "signature/fa", stauts = "due" }]\n', "stauts"),
        ('colour = "red"\n[[scenario]]\nname = "A file with an unknown top-level key."\nas_of = 2025-01-01\nagreement_state = "in_force"\n', "colour"),
        ('[[scenario]]\nname = "A scenario with an unknown interpretation."\nas_of = 2025-01-01\nagreement_state = "in_force"\nsettings = { I99 = "x" }\n', "I99"),
        ('[[scenario]]\nname = "A scenario that expects nothing at all."\nas_of = 2025-01-01\n', "expects nothing"),
        ('[[scenario]]\nname = "A scenario with an unknown status."\nas_of = 2025-01-01\nexpect = [{ id = "signature/fa", status = "late" }]\n', "status"),
    ],
)
def test_unknown_keys_and_bad_values_are_errors(text: str, field: str, tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match=field):
        load_scenario_file(path)


def test_unknown_fact_fields_are_errors(tmp_path: Path, agreement: Agreement) -> None:
    path = tmp_path / "bad_facts.toml"
    path.write_text(
        '[[scenario]]\nname = "Facts with a personal name are refused."\nas_of = 2025-01-01\nagreement_state = "in_force"\n'
        '[scenario.facts]\nsignatures = [{ id = "s", party = "fa", date = 2024-12-01, person = "x" }]\n',
        encoding="utf-8",
    )
    loaded = load_scenario_file(path)
    with pytest.raises(InputError, match="person"):
        run_scenario(agreement, loaded.scenario[0], loaded.facts)


def test_a_failure_shows_expected_against_actual_and_the_swedish_text(tmp_path: Path, agreement: Agreement) -> None:
    path = tmp_path / "wrong.toml"
    path.write_text(
        """
[facts]
signatures = [{ id = "sc", party = "city", date = 2024-12-10 }, { id = "sf", party = "fa", date = 2024-12-12 }]

[[scenario]]
name = "A deliberately wrong expectation about the mid-term evaluation."
as_of = 2026-11-01
absent = ["signature/city"]
expect = [
  { id = "mid-term-evaluation", status = "fulfilled", due = 2026-12-31 },
  { id = "no-such-finding" },
]
""",
        encoding="utf-8",
    )
    loaded = load_scenario_file(path)
    scenario = loaded.scenario[0]
    report, problems = run_scenario(agreement, scenario, loaded.facts)
    assert problems == [
        "mid-term-evaluation: status: expected fulfilled, got violated",
        "mid-term-evaluation: due: expected 2026-12-31, got 2026-10-31",
        "no-such-finding: expected, but the report has no such finding",
        "signature/city: expected absent, but the report has it",
    ]
    text = describe_failure(agreement, scenario, report, problems)
    assert "expected {'id': 'mid-term-evaluation', 'status': 'fulfilled', 'due': '2026-12-31'}" in text
    assert "actual   {id: mid-term-evaluation, section: 4, status: violated" in text
    assert "§4 Tid för överenskommelsen:" in text
    assert "Två månader innan halva avtalstiden passerat (261231)" in text


def test_shared_facts_are_joined_with_a_scenarios_own() -> None:
    from iop_rules.scenarios import merged_facts

    shared = {"signatures": [{"id": "a"}], "as_of": "2025-01-01"}
    own = {"signatures": [{"id": "b"}], "meetings": [{"id": "m"}], "as_of": "2026-01-01"}
    assert merged_facts(shared, own) == {
        "signatures": [{"id": "a"}, {"id": "b"}],
        "meetings": [{"id": "m"}],
        "as_of": "2026-01-01",
    }
