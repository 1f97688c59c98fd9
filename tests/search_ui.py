"""Running a query through the site's real search UI in Chromium, as a person types it.

Material's search box reads its value on ``keyup``; Playwright's ``keyboard.type`` sends Hebrew
letters as text input without key events, so each letter is inserted and followed by a key
release, as a keyboard does. Used by tests/test_search.py and scripts/search_benchmark.py.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

import yaml

QUERIES = Path(__file__).resolve().parent / "search" / "queries.yml"
BOX = "input.md-search__input"

# Installed once per page: the time of every key release in the search box, and of every change
# to the result list, so that latency is measured inside the page.
_WATCH = """() => {
  if (window.__cwSearch) return;
  const state = window.__cwSearch = { keys: [], changes: [] };
  document.querySelector('%s').addEventListener('keyup', () => state.keys.push(performance.now()), true);
  new MutationObserver(() => state.changes.push(performance.now()))
    .observe(document.querySelector('.md-search-result__list'), { childList: true });
}""" % BOX


@dataclass
class Query:
    text: str
    expect: list[str]
    who: str = ""

    def accepts(self, path: str) -> bool:
        return any(path == e or (e.endswith("/") and path.startswith(e)) for e in self.expect)


@dataclass
class Answer:
    pages: list[str]  # site paths of the result pages, best first
    latency_ms: float  # from the last key release to the last change of the result list


@dataclass
class Score:
    top1: int  # queries whose first result is a page they accept
    top5: int  # queries with such a page among the first five
    latencies: list[float]  # ms, one per query
    misses: list[tuple[Query, list[str]]]  # the queries not found in the top 5, with what came


def run_queries(page, queries: list[Query], settle_ms: int = 400) -> Score:
    """Type each query into the open search box and score its results."""
    score = Score(0, 0, [], [])
    for query in queries:
        answer = type_query(page, query.text, settle_ms=settle_ms)
        score.latencies.append(answer.latency_ms)
        pages = answer.pages
        score.top1 += bool(pages) and query.accepts(pages[0])
        if any(query.accepts(path) for path in pages[:5]):
            score.top5 += 1
        else:
            score.misses.append((query, pages))
    return score


def load_queries() -> list[Query]:
    data = yaml.safe_load(QUERIES.read_text(encoding="utf-8"))
    return [Query(q["q"], list(q["expect"]), q.get("who", "")) for q in data["queries"]]


def watch(page) -> None:
    """Start timing key releases and result changes on the open page."""
    page.evaluate(_WATCH)


def open_search(page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector("html[data-cw-ready]")
    page.locator(BOX).click()
    watch(page)


def clear(page) -> None:
    page.locator(BOX).fill("")
    page.keyboard.press("Shift")


def type_query(page, text: str, settle_ms: int = 400, timeout_s: float = 15.0) -> Answer:
    """Type the query letter by letter and wait until the results stop changing."""
    clear(page)
    page.wait_for_timeout(150)
    before = page.evaluate("window.__cwSearch.changes.length")
    for letter in text:
        page.keyboard.insert_text(letter)
        page.keyboard.press("Shift")
    deadline = time.monotonic() + timeout_s
    while True:
        state = page.evaluate(
            "() => { const s = window.__cwSearch; const key = s.keys[s.keys.length - 1];"
            " const after = s.changes.filter(t => t > key);"
            " return { key, first: after.length ? after[0] : null, last: s.changes.length ? s.changes[s.changes.length - 1] : 0,"
            " now: performance.now(), count: s.changes.length }; }"
        )
        if state["first"] is not None and state["now"] - state["last"] >= settle_ms and state["count"] > before:
            break
        if time.monotonic() > deadline:
            break
        page.wait_for_timeout(50)
    latency = (state["last"] - state["key"]) if state["first"] is not None else float("inf")
    return Answer(result_pages(page), latency)


def result_pages(page) -> list[str]:
    """The site path of each result page, in order (the link of each result item)."""
    base = page.evaluate("() => new URL(JSON.parse(document.getElementById('__config').textContent).base, location.href).href")
    hrefs = page.eval_on_selector_all(
        ".md-search-result__item", "items => items.map(li => li.querySelector('a.md-search-result__link').href)"
    )
    base_path = urlsplit(base).path
    pages = []
    for href in hrefs:
        path = unquote(urlsplit(href).path)
        pages.append(path[len(base_path):] if path.startswith(base_path) else path)
    return pages
