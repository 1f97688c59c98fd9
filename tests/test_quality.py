"""Quality gates over the whole built site: every page of every language (the list comes from the
sitemap), at desktop and 360 px widths, in headless Chromium.

- axe-core (WCAG 2.0/2.1 A and AA): no serious or critical violation anywhere;
- what axe cannot judge: one h1 and no skipped heading level, every image with alternative text,
  English passages inside Hebrew and Arabic pages marked with their language;
- nothing leaves the site: every request goes to the site's own origin, and the
  Content-Security-Policy that every page carries is never violated;
- no script error on any page; every internal link and anchor resolves.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlsplit

import pytest

from conftest import CHROMIUM, CHROMIUM_ARGS, run_axe
from linkcheck import check_site

pytestmark = pytest.mark.browser

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
CSP_LISTENER = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', e =>
  window.__cspViolations.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline') + ' ' + (e.sourceFile || '') + ':' + e.lineNumber));
"""
PAGE_CHECKS = """() => {
  const levels = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')]
    .filter(h => h.offsetParent !== null || h.closest('article'))
    .map(h => Number(h.tagName[1]));
  const skipped = [];
  for (let i = 1; i < levels.length; i++) if (levels[i] > levels[i - 1] + 1) skipped.push(levels[i - 1] + '->' + levels[i]);
  const imagesWithoutAlt = [...document.querySelectorAll('img')].filter(i => !i.hasAttribute('alt')).map(i => i.src);
  // Latin words in right-to-left pages must sit inside an element that says its language
  const unmarked = [];
  if (document.documentElement.dir === 'rtl' || document.body.dir === 'rtl') {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest('script, style, code, pre, kbd, svg, [hidden], noscript')) continue;
      const lang = (parent.closest('[lang]') || document.documentElement).getAttribute('lang');
      if (lang === 'en') continue;
      const found = node.textContent.match(/[A-Za-z]{2,}/g);
      if (found) unmarked.push(found.join(' ') + ' <' + parent.tagName.toLowerCase() + '>');
    }
  }
  return {h1: document.querySelectorAll('h1').length, skipped, imagesWithoutAlt, unmarked: unmarked.slice(0, 5)};
}"""


def sitemap_paths(site) -> list[str]:
    """Every page the sitemap lists, with its alternates in the other languages."""
    tree = ET.parse(site / "sitemap.xml")
    urls = set()
    for url in tree.getroot().findall("s:url", NS):
        urls.add(url.find("s:loc", NS).text)
        urls.update(link.get("href") for link in url.findall("x:link", NS))
    return sorted({urlsplit(u).path or "/" for u in urls})


def crawl(base, paths, workers=2):
    """Visit the pages in parallel browsers (one per core), each page once: checked at desktop
    width, then resized to 360 px and checked again by axe."""
    shares = [paths[i::workers] for i in range(workers)]
    with ThreadPoolExecutor(max_workers=workers) as pool:
        parts = list(pool.map(lambda share: _crawl_share(base, share), shares))
    return {path: entry for part in parts for path, entry in part.items()}


def _crawl_share(base, paths):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            return _visit(browser, base, paths)
        finally:
            browser.close()


ANIMATIONS_FINISHED = """() => Promise.all(document.getAnimations()
  .filter(a => a.effect && a.effect.getComputedTiming().endTime !== Infinity)
  .map(a => a.finished.catch(() => null)))"""
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 360, "height": 800}


def _visit(browser, base, paths):
    context = browser.new_context(viewport=DESKTOP)
    context.add_init_script(CSP_LISTENER)
    page = context.new_page()
    report = {}
    state = {"requests": [], "errors": []}
    page.on("request", lambda r: state["requests"].append(r.url))
    page.on("pageerror", lambda e: state["errors"].append(str(e)))
    for path in paths:
        state["requests"].clear()
        state["errors"].clear()
        page.set_viewport_size(DESKTOP)
        response = page.goto(base + path, wait_until="load")
        page.wait_for_selector("html[data-cw-ready]", state="attached", timeout=15000)
        entry = {"status": response.status if response else None, "axe": run_axe(page)}
        entry.update(page.evaluate(PAGE_CHECKS))
        page.set_viewport_size(PHONE)
        page.wait_for_timeout(300)  # the page's own resize handlers (scrollable tables: 200 ms) settle
        # and the theme's transitions (the phone's navigation fades in): axe measures colours as
        # they are, so half-way through a fade it would see text too faint
        page.evaluate(ANIMATIONS_FINISHED)
        entry["axe_phone"] = run_axe(page)
        entry["outside"] = [u for u in state["requests"] if not u.startswith(base) and not u.startswith(("data:", "blob:"))]
        entry["csp"] = page.evaluate("window.__cspViolations")
        entry["errors"] = list(state["errors"])
        report[path] = entry
    context.close()
    return report


@pytest.fixture(scope="session")
def all_paths(built_site):
    paths = sitemap_paths(built_site)
    assert any(p.startswith("/en/") for p in paths) and any(p.startswith("/ar/") for p in paths)
    assert "/my-learning/" in paths and "/modules/mentor-role/quiz/" in paths
    return paths


@pytest.fixture(scope="session")
def crawled(site_url, all_paths):
    return crawl(site_url, all_paths)


def failures(report, key):
    return {path: entry[key] for path, entry in report.items() if entry[key]}


def test_every_page_loads(crawled):
    assert {p: e["status"] for p, e in crawled.items() if e["status"] != 200} == {}
    assert failures(crawled, "errors") == {}


def test_axe_desktop(crawled):
    assert failures(crawled, "axe") == {}


def test_axe_phone(crawled):
    assert failures(crawled, "axe_phone") == {}


def test_nothing_leaves_the_site(crawled):
    assert failures(crawled, "outside") == {}


def test_the_content_security_policy_holds(crawled, built_site):
    assert failures(crawled, "csp") == {}
    for html in built_site.rglob("*.html"):
        head = html.read_text(encoding="utf-8")[:3000]
        assert '<meta http-equiv="Content-Security-Policy" content="default-src \'self\';' in head, html


def test_one_h1_and_no_skipped_heading_level(crawled):
    assert {p: e["h1"] for p, e in crawled.items() if e["h1"] != 1} == {}
    assert failures(crawled, "skipped") == {}


def test_images_have_alternative_text(crawled):
    assert failures(crawled, "imagesWithoutAlt") == {}


def test_english_inside_hebrew_and_arabic_is_marked(crawled):
    assert failures(crawled, "unmarked") == {}


def test_every_internal_link_resolves(built_site):
    assert check_site(built_site) == []


def test_the_link_checker_finds_a_broken_link(built_site, tmp_path):
    import shutil

    copy = tmp_path / "site"
    shutil.copytree(built_site, copy)
    page = copy / "modules" / "mentor-role" / "index.html"
    page.write_text(
        page.read_text(encoding="utf-8").replace("</article>", '<a href="../nowhere/">x</a><a href="quiz/#no-such">y</a></article>'),
        encoding="utf-8",
    )
    found = check_site(copy)
    assert "modules/mentor-role/index.html: ../nowhere/ (no such file: modules/nowhere)" in found
    assert "modules/mentor-role/index.html: quiz/#no-such (no element with id 'no-such')" in found
    assert re.search(r"\(no such file", "\n".join(found))
