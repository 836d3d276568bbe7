"""The bad-input corpus (tests/bad_inputs/): every malformed facts or agreement file is refused the same way.

Exit code 2, a short message on stderr naming the field and the value in the language asked for, no traceback,
nothing on stdout, and no file written (``calendar --ics OUT`` leaves no OUT and no temporary file behind).
Each case runs in-process through ``iop_rules.cli.main`` with ``check``, ``calendar`` and ``timeline``; the real
command (``python -m iop_rules check``) runs them in parallel subprocesses (all of them under ``--thorough``).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tomllib
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from iop_rules import cli
from iop_rules._io import MAX_BYTES

from .conftest import ROOT

CORPUS = Path(__file__).parent / "bad_inputs"
INDEX = tomllib.loads((CORPUS / "expected.toml").read_text(encoding="utf-8"))
VALID_FACTS = '[[signatures]]\nid = "sig-city"\nparty = "city"\ndate = 2024-12-16\n'


@dataclass(frozen=True)
class Case:
    """One bad input: the file to give the command, and the words its message must hold."""

    name: str
    field: str
    value: str
    words: tuple[str, ...]
    edit: dict[str, Any] | None = None

    @property
    def is_agreement(self) -> bool:
        return self.name.startswith("agreement")

    def materialise(self, directory: Path) -> Path:
        """The bad file inside ``directory`` (a copy, an edit of agreement.toml, or the oversized file)."""
        if self.edit is None:
            path = directory / self.name
            path.write_bytes((CORPUS / self.name).read_bytes())
            return path
        text = (ROOT / "agreement.toml").read_text(encoding="utf-8")
        edited, count = re.subn(self.edit["pattern"], self.edit["replace"], text)
        assert count >= 1, f"{self.name}: the edit no longer applies to agreement.toml; update expected.toml"
        if self.edit.get("format") == "json":
            path = directory / f"{self.name}.json"
            path.write_text(json.dumps(tomllib.loads(edited), default=str, ensure_ascii=False), encoding="utf-8")
        else:
            path = directory / f"{self.name}.toml"
            path.write_text(edited, encoding="utf-8")
        return path

    def arguments(self, path: Path, directory: Path) -> list[str]:
        """The command's arguments after the subcommand: the facts file, and the agreement if that is the bad one."""
        if self.is_agreement:
            facts = directory / "valid-facts.toml"
            facts.write_text(VALID_FACTS, encoding="utf-8")
            return [str(facts), "--agreement", str(path)]
        return [str(path)]


def _cases() -> list[Case]:
    cases = [
        Case(name, entry["field"], entry["value"], tuple(entry.get("words", ()))) for name, entry in INDEX["files"].items()
    ]
    cases += [
        Case(name, entry["field"], entry["value"], tuple(entry.get("words", ())), edit=entry)
        for name, entry in INDEX["edits"].items()
    ]
    return cases


CASES = _cases()


class Oversized(Case):
    """A facts file one byte over the limit, generated rather than committed."""

    def materialise(self, directory: Path) -> Path:
        path = directory / self.name
        filler = "# " + "x" * 98 + "\n"
        with path.open("w", encoding="utf-8") as handle:
            handle.write(VALID_FACTS)
            written = len(VALID_FACTS)
            while written <= MAX_BYTES:
                handle.write(filler)
                written += len(filler)
        return path


OVERSIZED = Oversized("facts_over_the_size_limit.toml", "facts_over_the_size_limit.toml", str(MAX_BYTES), ("more than the limit",))


class SymlinkToDevZero(Case):
    """``facts.toml`` as a symlink to /dev/zero: endless bytes, refused before any read (it was read to 2 GB)."""

    def materialise(self, directory: Path) -> Path:
        path = directory / self.name
        path.symlink_to("/dev/zero")
        return path


class DirectoryNamedLikeAFile(Case):
    """A directory called ``facts.json``."""

    def materialise(self, directory: Path) -> Path:
        path = directory / self.name
        path.mkdir()
        return path


DEV_ZERO = SymlinkToDevZero("facts_symlink_to_dev_zero.toml", "facts_symlink_to_dev_zero.toml", "facts_symlink_to_dev_zero.toml", ("a character device, not a regular file",))
DIRECTORY = DirectoryNamedLikeAFile("facts_a_directory.json", "facts_a_directory.json", "facts_a_directory.json", ("a directory, not a regular file",))
ALL = [*CASES, OVERSIZED, DEV_ZERO, DIRECTORY]


def test_the_corpus_has_at_least_40_bad_files_and_the_index_lists_every_one() -> None:
    files = {p.name for p in CORPUS.iterdir() if p.name != "expected.toml"}
    assert files == set(INDEX["files"]), "every file in tests/bad_inputs/ needs an entry in expected.toml, and back"
    assert len(files) >= 40
    assert len(ALL) >= 60


def _run_main(capsys: pytest.CaptureFixture[str], argv: list[str]) -> tuple[int, str, str]:
    code = cli.main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _check_message(case: Case, err: str, lang: str) -> None:
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, f"one short message, got: {err!r}"
    message = lines[0]
    assert message.startswith("iop-rules: "), message
    assert len(message) < 600, message
    assert case.field in message, f"{case.name}: the field {case.field!r} is not named in {message!r}"
    assert case.value in message, f"{case.name}: the value {case.value!r} is not named in {message!r}"
    if lang == "en":
        for word in case.words:
            assert word in message, f"{case.name}: {word!r} missing from {message!r}"


@pytest.mark.parametrize("case", ALL, ids=lambda c: c.name)
@pytest.mark.parametrize("lang", ["en", "sv"])
def test_check_refuses_with_exit_2_and_a_message_naming_field_and_value(
    case: Case, lang: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = case.materialise(tmp_path)
    code, out, err = _run_main(capsys, ["check", *case.arguments(path, tmp_path), "--lang", lang])
    assert code == 2
    assert out == ""
    _check_message(case, err, lang)


@pytest.mark.parametrize("case", ALL, ids=lambda c: c.name)
def test_calendar_writes_no_file_on_bad_input(case: Case, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = case.materialise(tmp_path)
    arguments = case.arguments(path, tmp_path)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    target = out_dir / "actions.ics"
    code, out, err = _run_main(capsys, ["calendar", *arguments, "--ics", str(target), "--lang", "en"])
    assert code == 2
    assert out == ""
    _check_message(case, err, "en")
    assert list(out_dir.iterdir()) == [], "nothing may be written, not even a temporary file"


@pytest.mark.parametrize("case", ALL, ids=lambda c: c.name)
def test_the_html_report_writes_no_file_on_bad_input(case: Case, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = case.materialise(tmp_path)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    target = out_dir / "report.html"
    code, out, err = _run_main(capsys, ["report", *case.arguments(path, tmp_path), "--html", str(target), "--lang", "en"])
    assert code == 2
    assert out == ""
    _check_message(case, err, "en")
    assert list(out_dir.iterdir()) == [], "nothing may be written, not even a temporary file"


@pytest.mark.parametrize("case", ALL, ids=lambda c: c.name)
def test_timeline_refuses_the_same_way(case: Case, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = case.materialise(tmp_path)
    argv = ["timeline", *case.arguments(path, tmp_path), "--from", "2026-01-01", "--to", "2026-12-31", "--lang", "en"]
    code, out, err = _run_main(capsys, argv)
    assert code == 2
    assert out == ""
    _check_message(case, err, "en")


def test_the_real_command_refuses_them_too(tmp_path: Path, request: pytest.FixtureRequest) -> None:
    """``python -m iop_rules check`` in a subprocess, a few at a time: every case under ``--thorough``, else
    every fifth (a start-up costs far more than a case; the messages themselves are checked in-process above)."""
    cases = ALL if request.config.getoption("--thorough") else [*ALL[::5], OVERSIZED, DEV_ZERO]
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}

    def run(index_case: tuple[int, Case]) -> tuple[Case, subprocess.CompletedProcess[str], list[str]]:
        index, case = index_case
        directory = tmp_path / str(index)
        directory.mkdir()
        path = case.materialise(directory)
        arguments = case.arguments(path, directory)
        before = sorted(p.name for p in directory.iterdir())
        result = subprocess.run(
            [sys.executable, "-m", "iop_rules", "check", *arguments, "--lang", "en"],
            capture_output=True,
            text=True,
            encoding="utf-8",
            cwd=directory,
            env=env,
            timeout=120,
        )
        after = sorted(p.name for p in directory.iterdir())
        assert after == before, f"{case.name}: files appeared: {sorted(set(after) - set(before))}"
        return case, result, after

    with ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 2)) as pool:
        results = list(pool.map(run, enumerate(cases)))
    for case, result, _ in results:
        assert result.returncode == 2, f"{case.name}: exit {result.returncode}\n{result.stderr}"
        assert result.stdout == "", case.name
        _check_message(case, result.stderr, "en")


def test_a_bad_ics_target_is_refused_without_a_traceback(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    facts = tmp_path / "facts.toml"
    facts.write_text(VALID_FACTS, encoding="utf-8")
    missing_dir = tmp_path / "no-such-directory" / "actions.ics"
    code, out, err = _run_main(capsys, ["calendar", str(facts), "--ics", str(missing_dir), "--as-of", "2026-11-30"])
    assert (code, out) == (2, "")
    assert "--ics" in err and "no-such-directory" in err and "Traceback" not in err
    wrong_suffix = tmp_path / "actions.txt"
    code, out, err = _run_main(capsys, ["calendar", str(facts), "--ics", str(wrong_suffix), "--lang", "en"])
    assert (code, out) == (2, "")
    assert "--ics" in err and "actions.txt" in err and ".ics" in err
    assert not wrong_suffix.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["facts.toml"]
