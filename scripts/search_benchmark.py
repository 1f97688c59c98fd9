#!/usr/bin/env python3
"""Search benchmark (prints figures; not a test).

Builds the real site twice, with Material's stock search (COURSEWARE_SEARCH=stock) and with the
site's own, serves each on localhost and runs the query set (tests/search/queries.yml) through the
real search box in headless Chromium, as a person types. Prints, side by side:

- top-1 and top-5 hit rates, and the queries each misses;
- the time from the last key release to the results shown: on a page whose index is loaded
  (median and worst over the set), and for the first query on a freshly opened page;
- the size of what the browser downloads to search (raw, and gzip as a static host serves it),
  next to the size of the site's text.

Usage: python scripts/search_benchmark.py [--only ours|stock] [--fresh N]
"""

from __future__ import annotations

import argparse
import gzip
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from lxml import html as lxml_html

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from conftest import CHROMIUM, CHROMIUM_ARGS, _serve  # noqa: E402
from search_ui import load_queries, open_search, run_queries, type_query  # noqa: E402


def build(site: Path, stock: bool) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "COURSEWARE_READER_PDF": "off"}
    if stock:
        env["COURSEWARE_SEARCH"] = "stock"
    else:
        env.pop("COURSEWARE_SEARCH", None)
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=ROOT, env=env, capture_output=True, text=True,
    )
    if result.returncode:
        raise SystemExit(result.stdout + result.stderr)


def site_text_bytes(site: Path) -> int:
    """UTF-8 bytes of the words on the Hebrew site's pages (their main content), once each."""
    total = 0
    for path in site.rglob("*.html"):
        relative = path.relative_to(site).as_posix()
        if relative.startswith(("en/", "ar/", "assets/")) or relative == "404.html":
            continue
        tree = lxml_html.fromstring(path.read_bytes())
        for article in tree.xpath('//article[contains(@class, "md-content__inner")]'):
            total += len(" ".join(article.text_content().split()).encode("utf-8"))
    return total


def download_sizes(site: Path, stock: bool) -> dict[str, tuple[int, int]]:
    """What a Hebrew reader's browser fetches to search: {name: (raw, gzip)}."""
    files = [site / "search" / "search_index.json"]
    workers = site / "assets" / "javascripts" / "workers"
    if stock:
        files += sorted(workers.glob("search.*.min.js"))
    else:
        files += [site / "search" / "he.json", workers / "courseware-search.js", site / "assets" / "javascripts" / "search-core.js"]
    out = {}
    for path in files:
        data = path.read_bytes()
        out[path.name] = (len(data), len(gzip.compress(data, 6)))
    return out


def run(site: Path, fresh: int) -> dict:
    from playwright.sync_api import sync_playwright

    queries = load_queries()
    server, url = _serve(site)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            # first queries on freshly opened pages: the index is fetched and built meanwhile
            cold = []
            for query in queries[:fresh]:
                open_search(page, url + "/procedures/")
                cold.append(type_query(page, query.text).latency_ms)
            open_search(page, url + "/procedures/")
            type_query(page, queries[0].text)  # the index is loaded from here on
            score = run_queries(page, queries)
            browser.close()
    finally:
        server.shutdown()
    misses = [f"    {query.text}  (wanted {', '.join(query.expect)}; got {', '.join(pages[:3]) or 'nothing'})"
              for query, pages in score.misses]
    return {"n": len(queries), "top1": score.top1, "top5": score.top5, "latencies": score.latencies, "cold": cold,
            "misses": misses}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", choices=["ours", "stock"])
    parser.add_argument("--fresh", type=int, default=5, help="first queries on freshly opened pages (default 5)")
    args = parser.parse_args()
    variants = [v for v in ("stock", "ours") if args.only in (None, v)]
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for variant in variants:
            site = Path(tmp) / variant
            print(f"building the site with {variant} search...", flush=True)
            build(site, stock=variant == "stock")
            sizes = download_sizes(site, stock=variant == "stock")
            text = site_text_bytes(site)
            print(f"running {len(load_queries())} queries in Chromium...", flush=True)
            results[variant] = {**run(site, args.fresh), "sizes": sizes, "text": text}

    print()
    print(f"{'':34}" + "".join(f"{v:>18}" for v in variants))
    def row(label, fn):
        print(f"{label:34}" + "".join(f"{fn(results[v]):>18}" for v in variants))
    row("top-1 hits", lambda r: f"{r['top1']}/{r['n']} {100 * r['top1'] / r['n']:.1f}%")
    row("top-5 hits", lambda r: f"{r['top5']}/{r['n']} {100 * r['top5'] / r['n']:.1f}%")
    row("last key -> results, median ms", lambda r: f"{statistics.median(r['latencies']):.0f}")
    row("last key -> results, worst ms", lambda r: f"{max(r['latencies']):.0f}")
    row("first query on a fresh page, ms", lambda r: f"{statistics.median(r['cold']):.0f} (max {max(r['cold']):.0f})" if r["cold"] else "-")
    row("downloaded to search, KB raw", lambda r: f"{sum(s[0] for s in r['sizes'].values()) / 1024:.0f}")
    row("downloaded to search, KB gzip", lambda r: f"{sum(s[1] for s in r['sizes'].values()) / 1024:.0f}")
    row("site text (Hebrew pages), KB", lambda r: f"{r['text'] / 1024:.0f}")
    row("index gzip / site text", lambda r: f"{sum(s[1] for s in r['sizes'].values()) / r['text']:.2f}")
    for variant in variants:
        r = results[variant]
        print(f"\n{variant}: files downloaded to search:")
        for name, (raw, gz) in r["sizes"].items():
            print(f"    {name:32} {raw / 1024:8.1f} KB raw {gz / 1024:8.1f} KB gzip")
        print(f"{variant}: not in the top 5 ({len(r['misses'])}):")
        print("\n".join(r["misses"]) or "    none")


if __name__ == "__main__":
    main()
