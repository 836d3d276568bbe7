"""The HTML report in a real browser: the system's headless Chromium (Debian's ``chromium`` package, installed by
``scripts/setup-browser.sh``), driven by Playwright, which is told where the browser is and never downloads one.

Without Chromium these tests fail, so that CI cannot pass without them. Locally they may be skipped, with the
reason shown, by setting ``IOP_RULES_NO_BROWSER=1``, but never when ``CI`` is set.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import struct
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from iop_rules import Agreement, Report, evaluate, load_facts
from iop_rules.cli import main

from .conftest import EXAMPLE

CHROMIUM = Path(os.environ.get("IOP_RULES_CHROMIUM", "/usr/bin/chromium"))
LAUNCH_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
A4 = (595.28, 841.89)
"""A4 in PDF points (210 × 297 mm)."""
AS_OF = "2026-11-30"


def _browser_missing() -> str | None:
    if not CHROMIUM.exists():
        return f"{CHROMIUM} is not installed (run scripts/setup-browser.sh as root)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed (run scripts/setup.sh)"
    return None


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """A fresh headless Chromium profile for this module's tests."""
    missing = _browser_missing()
    if missing is not None:
        if os.environ.get("IOP_RULES_NO_BROWSER") == "1" and not os.environ.get("CI"):
            pytest.skip(f"IOP_RULES_NO_BROWSER=1: {missing}")
        pytest.fail(f"the browser tests need Chromium: {missing}")
    from playwright.sync_api import sync_playwright

    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_playwright() as driver:
        context = driver.chromium.launch_persistent_context(
            str(profile),
            executable_path=str(CHROMIUM),
            headless=True,
            args=LAUNCH_ARGS,
            viewport={"width": 1280, "height": 900},
        )
        try:
            yield context
        finally:
            context.close()


class Loaded:
    """A page opened from a file, with what the browser logged and every request it tried to make."""

    def __init__(self, context: Any, path: Path) -> None:
        self.url = path.resolve().as_uri()
        self.console: list[str] = []
        self.requests: list[str] = []
        self.page = context.new_page()
        self.page.on("console", lambda m: self.console.append(f"{m.type}: {m.text}"))
        self.page.on("pageerror", lambda e: self.console.append(f"pageerror: {e}"))
        self.page.on("dialog", lambda d: (self.console.append(f"dialog: {d.message}"), d.dismiss()))

        def route(route: Any) -> None:
            self.requests.append(route.request.url)
            if route.request.url == self.url:
                route.continue_()
            else:
                route.abort()

        self.page.route("**/*", route)
        self.page.goto(self.url, wait_until="load")

    def others(self) -> list[str]:
        return [url for url in self.requests if url != self.url]


def _write_report(tmp_path: Path, facts: Path, *extra: str) -> Path:
    out = tmp_path / "report.html"
    assert main(["report", str(facts), "--as-of", AS_OF, "--html", str(out), *extra]) == 0
    return out


@pytest.fixture(scope="module")
def example_report(agreement: Agreement) -> Report:
    return evaluate(agreement, load_facts(EXAMPLE), as_of=dt.date.fromisoformat(AS_OF))


@pytest.fixture(scope="module")
def example_html(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _write_report(tmp_path_factory.mktemp("example"), EXAMPLE)


@pytest.fixture()
def example_page(browser: Any, example_html: Path) -> Iterator[Loaded]:
    loaded = Loaded(browser, example_html)
    yield loaded
    loaded.page.close()


def test_the_page_loads_with_no_console_message_and_no_request_leaving_the_file(example_page: Loaded) -> None:
    assert example_page.page.locator("h1").inner_text().startswith("IOP Helsingborg")
    assert example_page.console == []
    assert example_page.others() == []
    assert example_page.requests == [example_page.url]


def test_the_timeline_has_one_mark_per_duty_instance_of_the_report(example_page: Loaded, example_report: Report) -> None:
    page = example_page.page
    duties = page.eval_on_selector_all("svg#timeline a.mark[data-kind=duty]", "els => els.map(e => e.dataset.id)")
    assert sorted(duties) == sorted(f.id for f in example_report.obligations)
    rights = page.eval_on_selector_all("svg#timeline a.mark[data-kind=right]", "els => els.map(e => e.dataset.id)")
    assert sorted(rights) == sorted(f.id for f in example_report.rights)
    statuses = dict(
        page.eval_on_selector_all("svg#timeline a.mark", "els => els.map(e => [e.dataset.id, e.dataset.status])")
    )
    for finding in (*example_report.obligations, *example_report.rights):
        assert statuses[finding.id] == finding.status


def _centre_x(page: Any, selector: str) -> float:
    box = page.locator(selector).bounding_box()
    assert box is not None, selector
    return float(box["x"] + box["width"] / 2)


def test_the_example_shows_the_late_mid_term_evaluation_the_paid_grant_the_statistics_the_cutoff_and_today(
    example_page: Loaded,
) -> None:
    page = example_page.page
    mark = "svg#timeline a.mark[data-id='{}']".format
    assert page.locator(mark("mid-term-evaluation")).get_attribute("data-status") == "fulfilled_late"
    assert page.locator(mark("grant-payment/2026")).get_attribute("data-status") == "fulfilled"
    statistics = page.locator(mark("statistics/stat-req-2026-11"))
    assert statistics.get_attribute("data-status") == "due"
    assert statistics.get_attribute("data-due") == "2026-12-10"
    assert page.locator("svg#timeline line.cutoff-line").get_attribute("data-day") == "2026-12-31"
    assert page.locator("svg#timeline line.today").get_attribute("data-day") == AS_OF
    assert page.locator("svg#timeline line.end").get_attribute("data-day") == "2028-12-31"
    # Drawn where the days are: the paid grant, then the late evaluation, today, the statistics, the cutoff, the end.
    xs = [
        _centre_x(page, mark("grant-payment/2026") + " use"),
        _centre_x(page, mark("mid-term-evaluation") + " use"),
        _centre_x(page, "svg#timeline line.today"),
        _centre_x(page, mark("statistics/stat-req-2026-11") + " use"),
        _centre_x(page, "svg#timeline line.cutoff-line"),
        _centre_x(page, "svg#timeline line.end"),
    ]
    assert xs == sorted(xs) and len(set(xs)) == len(xs), xs
    assert page.locator("svg#timeline text.today-label").text_content() == "i dag 2026-11-30"


def test_the_breaches_tables_list_the_reports_breaches_in_the_text_reports_order(
    example_page: Loaded, example_report: Report
) -> None:
    # As the text report: breaches not remedied first, by date; cured breaches in a table of their own.
    page = example_page.page
    rows = page.eval_on_selector_all("#t-breaches tbody tr", "els => els.map(e => e.dataset.id)")
    cured = page.eval_on_selector_all("#t-cured tbody tr", "els => els.map(e => e.dataset.id)")
    by_date = sorted(example_report.breaches, key=lambda f: (f.due is None, f.due or dt.date.max, int(f.section), f.id))
    assert rows == [f.id for f in by_date if f.status == "violated"]
    assert cured == [f.id for f in by_date if f.status == "fulfilled_late"]
    assert sorted(rows + cured) == sorted(f.id for f in example_report.breaches) and len(rows + cured) == 6


def test_an_explanation_opens_on_click_without_javascript(example_page: Loaded) -> None:
    page = example_page.page
    details = page.locator("#t-cured tbody tr[data-id='mid-term-evaluation'] details")
    assert details.get_attribute("open") is None
    assert not page.locator("#t-cured tbody tr[data-id='mid-term-evaluation'] details ol").is_visible()
    details.locator("summary").click()
    assert details.get_attribute("open") is not None
    assert "2026-10-31" in details.locator("ol").inner_text()
    assert page.locator("script").count() == 0


def test_injected_markup_in_the_facts_shows_as_text(browser: Any, tmp_path: Path) -> None:
    attack = "<script>document.title='pwned';alert(1)</script><img src=x onerror=alert(2)>"
    text = EXAMPLE.read_text(encoding="utf-8")
    text = text.replace('changes = "Bidrag 2027 och 2028"', f'changes = "{attack}"', 1)
    assert attack in text
    facts = tmp_path / "facts.toml"
    facts.write_text(text, encoding="utf-8")
    loaded = Loaded(browser, _write_report(tmp_path, facts))
    page = loaded.page
    assert page.locator("script").count() == 0
    assert page.locator("img").count() == 0
    assert page.title().startswith("IOP Helsingborg")
    body = page.locator("body").inner_text()
    assert attack in body
    assert loaded.console == []
    assert loaded.others() == []
    page.close()


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_a_screenshot_of_the_example(example_page: Loaded, tmp_path: Path) -> None:
    whole = tmp_path / "report.png"
    example_page.page.screenshot(path=str(whole), full_page=True)
    print(f"screenshot: {whole}")
    timeline = tmp_path / "timeline.png"
    example_page.page.locator("svg#timeline").screenshot(path=str(timeline))
    width, height = _png_size(whole)
    assert width == 1280 and height > 2000
    assert whole.stat().st_size > 100_000
    t_width, t_height = _png_size(timeline)
    assert t_width > 1000 and t_height > 400
    assert timeline.stat().st_size > 20_000


def test_printing_gives_a4_pages(example_page: Loaded, tmp_path: Path) -> None:
    pdf = tmp_path / "report.pdf"
    example_page.page.emulate_media(media="print")
    example_page.page.pdf(path=str(pdf), prefer_css_page_size=True, print_background=True)
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF-")
    boxes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", data)
    pages = re.findall(rb"/Type\s*/Page\b", data)
    assert len(pages) >= 2, "the example's report runs over several pages"
    assert len(boxes) >= len(pages)
    for width, height in boxes:
        assert abs(float(width) - A4[0]) < 2 and abs(float(height) - A4[1]) < 2, (width, height)
