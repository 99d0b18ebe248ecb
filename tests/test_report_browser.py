"""The seeds HTML report in headless Chromium: reads top-down, fits 900 and 1400 px, prints."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import SEEDS, chromium, run_cli

pytestmark = pytest.mark.slow

WIDTHS = (900, 1400)
SCREEN = 900  # the viewport's height: what "the first screen" means
MAX_HEIGHT = 6000  # px at 1400 wide, unique claims and article texts collapsed

# Every element's right edge, and the page's scroll width, against the viewport's width.
_WIDEST = """() => {
  const vw = window.innerWidth;
  const wide = [...document.querySelectorAll('body *')]
    .map(el => [el, el.getBoundingClientRect()])
    .filter(([el, r]) => r.width > 0 && r.right > vw + 0.5)
    .map(([el, r]) => `${el.tagName.toLowerCase()}.${el.className} right=${Math.round(r.right)}`);
  return {scroll: document.documentElement.scrollWidth, vw, wide: wide.slice(0, 5),
          height: document.documentElement.scrollHeight};
}"""


@pytest.fixture(scope="module")
def seeds_html(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds report rendered by the real pipeline, as ``divergence report`` writes it."""
    work = tmp_path_factory.mktemp("seeds-html")
    res = run_cli("report", str(SEEDS), "-o", str(work / "seeds"), "--format", "html",
                  "--claims-dir", str(work / "claims"), "--cache-dir", str(work / "cache"), "-q")
    assert res.exit_code == 0, res.output
    return work / "seeds.html"


@pytest.fixture(scope="module")
def browser():  # noqa: ANN201 - a playwright Browser
    with chromium() as (_, b):
        yield b


@pytest.mark.parametrize("width", WIDTHS)
def test_seeds_report_fits_and_reads_top_down(browser, seeds_html: Path, tmp_path: Path,  # noqa: ANN001
                                              width: int) -> None:
    page = browser.new_page(viewport={"width": width, "height": SCREEN})
    try:
        page.goto(seeds_html.as_uri())
        page.screenshot(path=str(tmp_path / f"seeds-{width}.png"), full_page=True)
        got = page.evaluate(_WIDEST)
        print(f"seeds report at {width} px: {got['height']} px tall; "
              f"screenshot {tmp_path / f'seeds-{width}.png'}")
        assert got["scroll"] <= got["vw"], got
        assert got["wide"] == [], f"wider than the {width} px viewport: {got['wide']}"
        if width == 1400:
            assert got["height"] <= MAX_HEIGHT
        fonts = page.evaluate("""() => new Set([...document.querySelectorAll('body *')]
            .map(el => getComputedStyle(el).fontFamily)).size""")
        assert fonts == 1, "one font family"
        top = page.evaluate("""() => { const d = document.querySelector('.dispute');
                                       return d ? d.getBoundingClientRect().top : null; }""")
        assert top is not None, "no dispute in the seeds report"
        assert top < SCREEN, f"the dispute view starts at {top} px, below the first screen"
    finally:
        page.close()


def test_links_open_collapsed_articles_and_print_expands(browser, seeds_html: Path) -> None:  # noqa: ANN001
    page = browser.new_page(viewport={"width": 1400, "height": SCREEN})
    try:
        page.goto(seeds_html.as_uri())
        assert page.evaluate("document.querySelectorAll('details[open]').length") == 0
        link = page.locator("a.ctx").first
        target = link.get_attribute("href")
        link.click()
        assert page.evaluate(f"""() => document.querySelector('{target}')
                                 .closest('details').open"""), "the article opens"
        folded = """() => [...document.querySelectorAll('details:not([open]) > :not(summary)')]
                     .filter(el => !el.checkVisibility()).length"""
        assert page.evaluate(folded) > 0  # on screen, unique claims and texts are folded
        page.emulate_media(media="print")
        assert page.evaluate(folded) == 0, "printing shows what <details> folds away"
    finally:
        page.close()
