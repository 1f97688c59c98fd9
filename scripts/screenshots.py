#!/usr/bin/env python3
"""Screenshots of a module's quiz after checking answers, at 1280 px and 360 px (not committed).

Builds the site (or uses --site DIR), serves it on localhost, opens the quiz in headless
Chromium, answers every question with its first option, checks, and saves full-page PNGs of the
result. Also saves the module page and the my-learning page with that progress.
Usage: python scripts/screenshots.py [--module mentor-role] [--out screenshots] [--site DIR]
"""

from __future__ import annotations

import argparse
import functools
import http.server
import os
import socketserver
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")


def build(site: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(site)], cwd=ROOT, env=env, check=True)


def serve(site: Path):
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    handler.log_message = lambda *args: None

    class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
        daemon_threads = True

    server = Server(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--module", default="mentor-role")
    parser.add_argument("--out", default=str(ROOT / "screenshots"))
    parser.add_argument("--site", help="an already built site folder")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(args.site) if args.site else Path(tmp) / "site"
        if not args.site:
            build(site)
        server, base = serve(site)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
            for width in (1280, 360):
                context = browser.new_context(viewport={"width": width, "height": 900})
                page = context.new_page()
                page.goto(f"{base}/modules/{args.module}/quiz/", wait_until="networkidle")
                for fieldset in page.locator("fieldset.cw-question").all():
                    fieldset.locator("input").first.check()
                page.locator(".cw-quiz__check").click()
                page.screenshot(path=str(out / f"quiz-checked-{width}.png"), full_page=True)
                page.locator(".cw-quiz__summary").screenshot(path=str(out / f"quiz-summary-{width}.png"))
                page.locator("fieldset.cw-question").first.screenshot(path=str(out / f"quiz-question-{width}.png"))
                for name, path in (("module", f"/modules/{args.module}/"), ("my-learning", "/my-learning/")):
                    page.goto(base + path, wait_until="networkidle")
                    page.screenshot(path=str(out / f"{name}-{width}.png"), full_page=True)
                context.close()
            browser.close()
        server.shutdown()
    for png in sorted(out.glob("*.png")):
        print(png)


if __name__ == "__main__":
    main()
