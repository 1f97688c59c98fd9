#!/usr/bin/env python3
"""Build and page benchmark (prints figures; not a test).

Prints:
- the time of the pipeline's own steps (load, validate, generate), of a full
  ``mkdocs build --strict`` of the real content (three languages), and of the same build on a
  synthetic copy with every module, quiz and document repeated N times (default 10);
- the pipeline's share of the build: the same pages (hand-written plus the generated ones,
  written out) built by plain MkDocs without the courseware plugin, against the real build;
- the weight of a lesson page on a first visit (HTML, CSS, JS, fonts, data; gzip as a static
  host serves it) and of a second lesson page after it (what is not cached yet);
- Lighthouse scores (npm lighthouse, run with Debian's Chromium) for the home page, a lesson
  and a quiz on mobile, the site served with gzip and cache headers as a static host would.

Usage: python scripts/benchmark.py [--copies N] [--runs R] [--skip-lighthouse]
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import io
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from courseware.generate import generate_site  # noqa: E402
from courseware.load import load_project  # noqa: E402
from courseware.validate import validate  # noqa: E402


def timed(fn, runs: int):
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def pipeline_steps(root: Path, runs: int) -> dict[str, float]:
    load_s, (project, _) = timed(lambda: load_project(root), runs)
    validate_s, problems = timed(lambda: validate(project), runs)
    generate_s, pages = timed(lambda: generate_site(project), runs)
    errors = [p for p in problems if p.is_error]
    if errors:
        raise SystemExit("the content has errors:\n" + "\n".join(map(str, errors)))
    return {
        "load": load_s,
        "validate": validate_s,
        "generate": generate_s,
        "modules": len(project.modules),
        "questions": sum(len(q.questions) for q in project.quizzes),
        "pages": len(project.pages),
        "generated": len(pages),
    }


def mkdocs_build(root: Path, runs: int, reader_pdf: bool = False) -> float:
    """The median time of ``mkdocs build --strict``; without printing the reader's PDF unless
    asked (plain MkDocs has nothing like it to compare with)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "COURSEWARE_READER_PDF": "on" if reader_pdf else "off"}

    def build():
        with tempfile.TemporaryDirectory() as site:
            subprocess.run(
                [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", site],
                cwd=root, env=env, check=True,
            )

    return timed(build, runs)[0]


def synthetic_copy(copies: int, target: Path) -> Path:
    """The project with every module, quiz, procedure, standard and reader chapter repeated."""
    for name in ("mkdocs.yml",):
        shutil.copy(ROOT / name, target / name)
    for name in ("docs", "overrides", "data", "modules", "quizzes"):
        shutil.copytree(ROOT / name, target / name)
    modules = [p.name for p in (ROOT / "modules").iterdir() if (p / "module.yml").exists()]
    for n in range(2, copies + 1):
        for module in modules:
            new = f"{module}-copy{n}"
            shutil.copytree(ROOT / "modules" / module, target / "modules" / new)
            yml = target / "modules" / new / "module.yml"
            yml.write_text(re.sub(rf"^id: {module}$", f"id: {new}", yml.read_text(encoding="utf-8"), flags=re.M), encoding="utf-8")
            quiz = ROOT / "quizzes" / f"{module}.yml"
            if quiz.exists():
                text = quiz.read_text(encoding="utf-8")
                text = re.sub(rf"^module: {module}$", f"module: {new}", text, flags=re.M)
                text = text.replace(f"ref: {module}/", f"ref: {new}/")
                (target / "quizzes" / f"{new}.yml").write_text(text, encoding="utf-8")
        for folder in ("procedures", "standards", "reader"):
            for page in (ROOT / "docs" / folder).glob("*.md"):
                if "." in page.stem:
                    continue
                text = page.read_text(encoding="utf-8")
                text = re.sub(r"^id: (.+)$", rf"id: \1-copy{n}", text, count=1, flags=re.M)
                text = re.sub(r"^chapter: (\d+)$", lambda m: f"chapter: {int(m.group(1)) + 100 * n}", text, count=1, flags=re.M)
                (target / "docs" / folder / f"{page.stem}-copy{n}.md").write_text(text, encoding="utf-8")
    return target


def plain_mkdocs_build(runs: int, source: Path = ROOT) -> float:
    """The same pages built by plain MkDocs: the hand-written pages and the generated ones
    written into docs/, and mkdocs.yml without the courseware plugin."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        shutil.copytree(source / "docs", root / "docs")
        # Material's own templates (ours need the plugin's filters); our styles and scripts as files
        shutil.copytree(source / "overrides" / "assets", root / "docs" / "assets", dirs_exist_ok=True)
        subprocess.run(
            [sys.executable, "-m", "courseware", "--root", str(source), "generate", "--out", str(root / "docs")],
            check=True, capture_output=True, env={**os.environ, "PYTHONPATH": str(ROOT / "scripts")},
        )
        config = (source / "mkdocs.yml").read_text(encoding="utf-8")
        config = re.sub(r"^  - courseware\n", "", config, flags=re.M)
        config = re.sub(r"^  custom_dir: .*\n", "", config, flags=re.M)
        (root / "mkdocs.yml").write_text(config, encoding="utf-8")
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}

        def build():
            with tempfile.TemporaryDirectory() as site:
                subprocess.run(
                    [sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", site],
                    cwd=root, env=env, check=True, capture_output=True,
                )

        return timed(build, runs)[0]


# --- the built site, served as a static host serves it -----------------------------------------

COMPRESSIBLE = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".map"}


class _StaticHost(http.server.SimpleHTTPRequestHandler):
    """gzip for text, and a day's caching for everything (GitHub Pages, Netlify and nginx with
    gzip on do the same)."""

    def log_message(self, *args):
        pass

    def end_headers(self):
        self.send_header("Cache-Control", "max-age=86400")
        super().end_headers()

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if path.suffix in COMPRESSIBLE and path.is_file() and "gzip" in self.headers.get("Accept-Encoding", ""):
            body = gzip.compress(path.read_bytes(), 6)
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(str(path)))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            return io.BytesIO(body)
        return super().send_head()


def serve(site: Path):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_StaticHost, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def _kind(url: str, content_type: str) -> str:
    if "font" in content_type or url.endswith((".woff2", ".woff")):
        return "fonts"
    for name, mark in (("html", "text/html"), ("css", "text/css"), ("js", "javascript"), ("data", "json")):
        if mark in content_type:
            return name
    return "other"


def _compressible(url: str, content_type: str) -> bool:
    path = urlsplit(url).path
    return Path(path).suffix in COMPRESSIBLE or path.endswith("/") or "text/" in content_type


def page_weight(url: str, first: str, second: str) -> dict[str, dict[str, int]]:
    """Bytes over the wire, by kind (gzip for text, as a static host sends it), of a first visit
    to one page at 360 px, and of a second page visited after it: only the files the first visit
    did not fetch (the rest come from the browser's cache)."""
    from playwright.sync_api import sync_playwright

    sys.path.insert(0, str(ROOT / "tests"))
    from conftest import CHROMIUM, CHROMIUM_ARGS

    def visit(page, target: str, skip: set[str]) -> tuple[dict[str, int], set[str]]:
        responses = []

        def record(response):
            responses.append(response)

        page.on("response", record)
        page.goto(target, wait_until="networkidle")
        page.remove_listener("response", record)
        sizes: dict[str, int] = {}
        for response in responses:
            if response.url in skip:
                continue
            body = response.body()
            content_type = response.all_headers().get("content-type", "")
            size = len(gzip.compress(body, 6)) if _compressible(response.url, content_type) else len(body)
            kind = _kind(response.url, content_type)
            sizes[kind] = sizes.get(kind, 0) + size
        return sizes, {r.url for r in responses}

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_context(viewport={"width": 360, "height": 800}).new_page()
        first_sizes, fetched = visit(page, url + first, set())
        second_sizes, _ = visit(page, url + second, fetched)
        browser.close()
    return {"first": first_sizes, "second": second_sizes}


LIGHTHOUSE = ROOT / "scripts" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"


def lighthouse(url: str) -> dict[str, float]:
    """Lighthouse's performance, accessibility and best-practices scores (mobile, its default)."""
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROMIUM", "/usr/bin/chromium")}
    result = subprocess.run(
        [str(LIGHTHOUSE), url, "--quiet", "--output=json", "--output-path=stdout",
         "--only-categories=performance,accessibility,best-practices",
         "--chrome-flags=--headless=new --no-sandbox --disable-gpu"],
        capture_output=True, text=True, env=env,
    )
    if result.returncode:
        raise SystemExit("lighthouse failed:\n" + result.stderr[-2000:])
    report = json.loads(result.stdout)
    scores = {name: round(category["score"] * 100) for name, category in report["categories"].items()}
    failing = [
        audit["id"] for audit in report["audits"].values()
        if audit.get("score") is not None and audit["score"] < 0.9 and audit.get("scoreDisplayMode") in ("binary", "numeric", "metricSavings")
    ]
    metrics = report["audits"]
    scores["LCP s"] = round(metrics["largest-contentful-paint"]["numericValue"] / 1000, 1)
    scores["TBT ms"] = round(metrics["total-blocking-time"]["numericValue"])
    scores["below 0.9"] = ", ".join(failing[:6]) or "-"
    return scores


LESSON = "/modules/mentor-role/who-are-promoters/"
NEXT_LESSON = "/modules/mentor-role/career-not-placement/"
QUIZ = "/modules/mentor-role/quiz/"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=10)
    parser.add_argument("--runs", type=int, default=3, help="runs per build figure; the median is printed")
    parser.add_argument("--skip-lighthouse", action="store_true")
    args = parser.parse_args()

    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores; median of {args.runs} runs\n", flush=True)
    real = pipeline_steps(ROOT, args.runs)
    real_build = mkdocs_build(ROOT, args.runs)
    with_pdf = mkdocs_build(ROOT, 1, reader_pdf=True)
    plain_build = plain_mkdocs_build(args.runs)
    with tempfile.TemporaryDirectory() as tmp:
        big_root = synthetic_copy(args.copies, Path(tmp))
        big = pipeline_steps(big_root, args.runs)
        big_build = mkdocs_build(big_root, args.runs)
        big_plain = plain_mkdocs_build(1, big_root)  # one run: it takes minutes

    rows = [("content", "real", f"{args.copies}x synthetic")]
    rows.append(("modules / questions", f"{real['modules']} / {real['questions']}", f"{big['modules']} / {big['questions']}"))
    rows.append(("hand-written / generated pages (he)", f"{real['pages']} / {real['generated']}", f"{big['pages']} / {big['generated']}"))
    for step in ("load", "validate", "generate"):
        rows.append((f"pipeline: {step}", f"{real[step] * 1000:.0f} ms", f"{big[step] * 1000:.0f} ms"))
    rows.append(("full mkdocs build --strict (he+en+ar)", f"{real_build:.2f} s", f"{big_build:.2f} s"))
    rows.append((f"ratio {args.copies}x / 1x (target <= {args.copies + 1}x)", "", f"{big_build / real_build:.1f}x"))
    rows.append(("  the same, printing the reader's PDF too", f"{with_pdf:.2f} s", ""))
    rows.append(("plain MkDocs, same pages, no plugin", f"{plain_build:.2f} s", f"{big_plain:.2f} s (1 run)"))
    rows.append((f"  its ratio {args.copies}x / 1x (MkDocs and the theme alone)", "", f"{big_plain / plain_build:.1f}x"))
    rows.append(("pipeline's share (target <= 15%)", f"{100 * (real_build - plain_build) / plain_build:+.0f}%", ""))
    table(rows)

    print("\npage weight at 360 px, KB over the wire (gzip for text), site served with gzip and caching:", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(site)], cwd=ROOT,
                       env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "COURSEWARE_READER_PDF": "off"}, check=True)
        server, url = serve(site)
        try:
            weight = page_weight(url, LESSON, NEXT_LESSON)
            kinds = ["html", "css", "js", "fonts", "data", "other"]
            rows = [("visit", *kinds, "total")]
            for label, key in ((f"first: {LESSON}", "first"), (f"then: {NEXT_LESSON}", "second")):
                sizes = weight[key]
                rows.append((label, *(f"{sizes.get(k, 0) / 1024:.1f}" for k in kinds), f"{sum(sizes.values()) / 1024:.1f}"))
            table(rows)
            print("target: a lesson page at most 120 KB on a first visit")
            if not args.skip_lighthouse:
                if not LIGHTHOUSE.exists():
                    raise SystemExit("Lighthouse is missing: run `make bench` (it runs npm ci in scripts/lighthouse)")
                print("\nLighthouse (mobile), targets: performance >= 95, accessibility 100, best practices 100:", flush=True)
                rows = [("page", "performance", "accessibility", "best-practices", "LCP s", "TBT ms", "audits below 0.9")]
                for label, path in (("home", "/"), ("lesson", LESSON), ("quiz", QUIZ)):
                    scores = lighthouse(url + path)
                    rows.append((label, *(str(scores[k]) for k in ("performance", "accessibility", "best-practices", "LCP s", "TBT ms", "below 0.9"))))
                table(rows)
        finally:
            server.shutdown()


def table(rows) -> None:
    width = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for i, row in enumerate(rows):
        print("  ".join(cell.ljust(width[j]) for j, cell in enumerate(row)))
        if i == 0:
            print("  ".join("-" * w for w in width))


if __name__ == "__main__":
    main()
