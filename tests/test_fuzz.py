"""A fuzzer for the command (issue 11): random bytes, random JSON and TOML trees, and random mutations of the
example are given to ``iop-rules`` as facts files. Whatever the input, the command ends with 0, 1 or 2, never
with a traceback or an internal error (70), and a refusal is one line naming the file.

In-process through ``iop_rules.cli.main`` for speed, plus a few real subprocesses. The default run tries a few
dozen inputs; ``pytest --thorough`` tries 500 of each of five kinds (2,500 in all; at least 2,000 were asked).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import math
import os
import random
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from iop_rules.cli import main

from .conftest import EXAMPLE

EXAMPLE_TEXT = EXAMPLE.read_text(encoding="utf-8")
EXAMPLE_DATA = tomllib.loads(EXAMPLE_TEXT)


# conftest.py loads the "thorough" profile (1,000 examples) under --thorough before this module is imported; the
# fuzzer takes 500 of each kind there, since one input can cost a whole evaluation.
THOROUGH = settings.default.max_examples >= 1000
FUZZ = settings(
    max_examples=500 if THOROUGH else 20,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)

COMMANDS: list[list[str]] = [
    ["check", "--as-of", "2026-11-30"],
    ["check", "--format", "json"],
    ["check", "--as-of", "2028-12-31", "--set", "I1=bracket_date", "--format", "json"],
    ["repayment", "--as-of", "2026-11-30"],
    ["explain", "grant-payment/2026", "--as-of", "2026-11-30"],
    ["timeline", "--from", "2026-01-01", "--to", "2026-03-31"],
]


def run_command(command: list[str], suffix: str, content: bytes) -> tuple[int, str, str]:
    """The command on a facts file holding ``content``, in-process; its exit status, stdout and stderr."""
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / f"facts{suffix}"
        path.write_bytes(content)
        name, *options = command
        argv = [name, str(path), *options]
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main([*argv, "--lang", "en"])
            except SystemExit as exit_:  # argparse: not expected here, since the arguments are fixed
                code = int(exit_.code or 0)
        return code, out.getvalue(), err.getvalue()


def assert_ends_well(code: int, out: str, err: str, content: bytes) -> None:
    """Exit 0, 1 or 2; no traceback; a refusal is one line on stderr and nothing on stdout."""
    shown = content[:300]
    assert code in (0, 1, 2), f"exit {code} for {shown!r}\n{err}"
    assert "Traceback" not in err and "internal error" not in err, f"{shown!r}\n{err}"
    if code == 2:
        assert out == "", shown
        lines = err.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("iop-rules: "), f"{shown!r}\n{err}"
        assert "\x1b" not in err, "a control character from the input reached the terminal"
    else:
        assert out, f"exit {code} without output for {shown!r}"


# --- random JSON and TOML trees ------------------------------------------------------------------------------------

KEYS = st.one_of(
    st.sampled_from(
        ["as_of", "grant_payments", "id", "date", "amount", "grant_year", "signatures", "party", "misuse_cases", "repayments", "in_writing", "contacts"]
    ),
    st.text(max_size=12),
)
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**40), max_value=10**40),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.dates(min_value=dt.date(1, 1, 1)).map(dt.date.isoformat),
    st.sampled_from(["200000.00", "200,000", "-0.00", "1e5", "2026-W06-1", "city", "fa", "true", "٢٠٠"]),
)
TREES = st.recursive(
    SCALARS,
    lambda children: st.one_of(st.lists(children, max_size=5), st.dictionaries(KEYS, children, max_size=6)),
    max_leaves=40,
)
DOCUMENTS = st.dictionaries(KEYS, TREES, max_size=8)


def _toml_value(value: Any) -> str:
    if value is None:
        return '""'
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value)
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(item) for item in value) + "]"
    return "{" + ", ".join(f"{json.dumps(key)} = {_toml_value(item)}" for key, item in value.items()) + "}"


def to_toml(document: dict[str, Any]) -> str:
    """A document as TOML: one ``key = value`` line per top-level key, inline tables and arrays below."""
    return "".join(f"{json.dumps(key)} = {_toml_value(value)}\n" for key, value in document.items())


@FUZZ
@given(document=DOCUMENTS, command=st.sampled_from(COMMANDS))
def test_random_json_trees_end_well(document: dict[str, Any], command: list[str]) -> None:
    content = json.dumps(document, allow_nan=True).encode("utf-8")
    assert_ends_well(*run_command(command, ".json", content), content)


@FUZZ
@given(document=DOCUMENTS, command=st.sampled_from(COMMANDS))
def test_random_toml_trees_end_well(document: dict[str, Any], command: list[str]) -> None:
    content = to_toml(document).encode("utf-8")
    assert_ends_well(*run_command(command, ".toml", content), content)


# --- random bytes ----------------------------------------------------------------------------------------------------


@FUZZ
@given(
    content=st.one_of(st.binary(max_size=400), st.text(max_size=200).map(lambda t: t.encode("utf-8", "surrogatepass"))),
    suffix=st.sampled_from([".toml", ".json"]),
)
def test_random_bytes_end_well(content: bytes, suffix: str) -> None:
    assert_ends_well(*run_command(COMMANDS[0], suffix, content), content)


# --- mutations of the example ----------------------------------------------------------------------------------------

TOKENS = [
    "", "0", "-1", "1e400", "2026-02-30", "2026-W06-1", '"200,000"', "200000.5", "true", '"yes"', "[", "]", "{", "}",
    '"\\u001b[2J"', "inf", "nan", '""', "[[grant_payments]]", "=", '"', "'", "\x00", "9" * 60, "1900-01-01", "2100-12-31",
]


@st.composite
def mutated_text(draw: st.DrawFn) -> bytes:
    """The example's TOML text with a few lines deleted, duplicated, swapped, cut or given another value."""
    lines = EXAMPLE_TEXT.splitlines()
    for _ in range(draw(st.integers(1, 4))):
        if not lines:
            break
        index = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["delete", "duplicate", "value", "cut", "swap", "insert"]))
        line = lines[index]
        if action == "delete":
            del lines[index]
        elif action == "duplicate":
            lines.insert(index, line)
        elif action == "value" and "=" in line:
            key = line.split("=", 1)[0]
            lines[index] = f"{key}= {draw(st.sampled_from(TOKENS))}"
        elif action == "cut":
            lines[index] = line[: draw(st.integers(0, len(line)))]
        elif action == "swap":
            other = draw(st.integers(0, len(lines) - 1))
            lines[index], lines[other] = lines[other], line
        else:
            lines.insert(index, draw(st.sampled_from(TOKENS)))
    return ("\n".join(lines) + "\n").encode("utf-8")


@st.composite
def mutated_data(draw: st.DrawFn) -> bytes:
    """The example as JSON with one value somewhere replaced by a random tree, or a key removed or added."""
    data: Any = json.loads(json.dumps(EXAMPLE_DATA, default=str))
    target = data
    for _ in range(draw(st.integers(0, 4))):
        if isinstance(target, dict) and target:
            key = draw(st.sampled_from(sorted(target)))
            if not isinstance(target[key], dict | list) or not target[key]:
                break
            target = target[key]
        elif isinstance(target, list) and target:
            item = target[draw(st.integers(0, len(target) - 1))]
            if not isinstance(item, dict | list) or not item:
                break
            target = item
    if isinstance(target, dict) and target:
        key = draw(st.sampled_from(sorted(target)))
        action = draw(st.sampled_from(["replace", "delete", "add"]))
        if action == "replace":
            target[key] = draw(TREES)
        elif action == "delete":
            del target[key]
        else:
            target[draw(KEYS)] = draw(TREES)
    elif isinstance(target, list) and target:
        target[draw(st.integers(0, len(target) - 1))] = draw(TREES)
    return json.dumps(data, allow_nan=True).encode("utf-8")


@FUZZ
@given(content=mutated_text(), command=st.sampled_from(COMMANDS))
def test_mutations_of_the_example_text_end_well(content: bytes, command: list[str]) -> None:
    assert_ends_well(*run_command(command, ".toml", content), content)


@FUZZ
@given(content=mutated_data(), command=st.sampled_from(COMMANDS))
def test_mutations_of_the_example_data_end_well(content: bytes, command: list[str]) -> None:
    assert_ends_well(*run_command(command, ".json", content), content)


# --- a few real processes --------------------------------------------------------------------------------------------


def test_the_real_command_ends_well_on_random_inputs(tmp_path: Path, request: pytest.FixtureRequest) -> None:
    """The same as above through ``python -m iop_rules``: exit 0, 1 or 2 and no traceback on stderr."""
    generator = random.Random(11)
    count = 40 if request.config.getoption("--thorough") else 6
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    for number in range(count):
        kind = number % 3
        if kind == 0:
            content, suffix = bytes(generator.randrange(256) for _ in range(generator.randrange(200))), ".toml"
        elif kind == 1:
            lines = EXAMPLE_TEXT.splitlines()
            for _ in range(3):
                lines[generator.randrange(len(lines))] = generator.choice(TOKENS)
            content, suffix = ("\n".join(lines) + "\n").encode("utf-8"), ".toml"
        else:
            content = json.dumps({generator.choice(["as_of", "grant_payments", "x\x1by"]): generator.choice(TOKENS)}).encode()
            suffix = ".json"
        path = tmp_path / f"facts-{number}{suffix}"
        path.write_bytes(content)
        result = subprocess.run(
            [sys.executable, "-m", "iop_rules", "check", str(path), "--as-of", "2026-11-30", "--lang", "en"],
            capture_output=True,
            env=env,
            timeout=120,
            check=False,
        )
        err = result.stderr.decode("utf-8", "replace")
        assert result.returncode in (0, 1, 2), f"exit {result.returncode} for {content[:200]!r}\n{err}"
        assert "Traceback" not in err and "internal error" not in err, f"{content[:200]!r}\n{err}"
