"""``iop-rules report --html``: the page's source (the browser tests look at it rendered)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from iop_rules import Agreement, evaluate, load_facts
from iop_rules.cli import main
from iop_rules.presentation.html import anchor

from .conftest import EXAMPLE

AS_OF = "2026-11-30"


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> str:
    out = tmp_path_factory.mktemp("html") / "report.html"
    assert main(["report", str(EXAMPLE), "--as-of", AS_OF, "--html", str(out)]) == 0
    return out.read_text(encoding="utf-8")


def test_the_page_is_byte_identical_across_runs(page: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", str(EXAMPLE), "--as-of", AS_OF, "--html", "-"]) == 0
    assert capsys.readouterr().out == page


def test_the_page_is_self_contained(page: str) -> None:
    assert page.startswith("<!DOCTYPE html>\n<html lang=\"sv\">")
    assert "<script" not in page
    assert "<link" not in page
    assert "@import" not in page and "url(http" not in page
    # The only URLs are the page's own fragments (marks and shapes) and the SVG namespace.
    urls = set(re.findall(r"(?:href|src)=\"([^\"]*)\"", page))
    assert urls and all(u.startswith("#") for u in urls), urls
    assert "default-src 'none'" in page


def test_each_mark_links_to_an_explanation_on_the_page(page: str) -> None:
    targets = re.findall(r'<a href="#(f-[^"]+)" class="mark"', page)
    assert len(targets) == len(set(targets)) > 50
    ids = set(re.findall(r'<details id="([^"]+)"', page))
    assert set(targets) <= ids


def test_anchor_ids_are_distinct_for_the_examples_findings(agreement: Agreement) -> None:
    report = evaluate(agreement, load_facts(EXAMPLE), as_of=dt.date.fromisoformat(AS_OF))
    ids = [f.id for f in report.findings()]
    assert len({anchor(i) for i in ids}) == len(ids)


def test_markup_in_the_facts_is_escaped(tmp_path: Path) -> None:
    attack = "<script>alert('x')</script>&amp;\"quoted\""
    facts = tmp_path / "facts.toml"
    text = EXAMPLE.read_text(encoding="utf-8").replace('changes = "Bidrag 2027 och 2028"', f"changes = '''{attack}'''", 1)
    assert attack in text
    facts.write_text(text, encoding="utf-8")
    out = tmp_path / "report.html"
    assert main(["report", str(facts), "--as-of", AS_OF, "--html", str(out)]) == 0
    html = out.read_text(encoding="utf-8")
    assert "<script" not in html
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;amp;&#34;quoted&#34;" in html


def test_english_and_one_partys_view(tmp_path: Path, agreement: Agreement) -> None:
    out = tmp_path / "fa.html"
    assert main(["report", str(EXAMPLE), "--as-of", AS_OF, "--html", str(out), "--lang", "en", "--party", "fa"]) == 0
    html = out.read_text(encoding="utf-8")
    assert '<html lang="en">' in html and "Showing what concerns the Salvation Army." in html
    report = evaluate(agreement, load_facts(EXAMPLE), as_of=dt.date.fromisoformat(AS_OF))
    shown = re.findall(r'class="mark" data-id="([^"]+)"', html)
    expected = [f.id for f in (*report.obligations, *report.rights) if f.party in ("fa", "both")]
    assert sorted(shown) == sorted(expected)
    assert "core-group-meeting/core-2026-06/presence" not in shown


@pytest.mark.parametrize(
    ("target", "needle"),
    [("report.txt", ".html / .htm"), ("missing/report.html", "does not exist")],
)
def test_a_bad_output_file_exits_2_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], target: str, needle: str
) -> None:
    path = tmp_path / target
    assert main(["report", str(EXAMPLE), "--html", str(path), "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert needle in err and "Traceback" not in err
    assert not path.exists()
    assert list(tmp_path.iterdir()) == []
