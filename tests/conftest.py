"""Shared fixtures: the real project, a small valid fixture project to break on purpose, built
sites served on localhost, and a headless Chromium (Playwright driving /usr/bin/chromium)."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import socketserver
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from courseware.export.reader_pdf import CHROMIUM_ARGS  # the flags every headless run here uses

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = Path(__file__).resolve().parent / "fixtures" / "minimal"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")


AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_RULES = "{runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}, resultTypes: ['violations']}"


def run_axe(page) -> list[str]:
    """axe-core's serious and critical violations on the page. axe is injected through the
    DevTools protocol, which the page's Content-Security-Policy does not govern."""
    if not AXE.exists():
        pytest.fail("axe-core is missing: run `make test` (it runs npm ci)")
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(AXE.read_text(encoding="utf-8"))
    result = page.evaluate(f"() => axe.run(document, {AXE_RULES})")
    return [
        f"{v['id']} ({v['impact']}): {v['help']} {[n['target'] for n in v['nodes'][:2]]}"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


@pytest.fixture
def fixture_root(tmp_path: Path) -> Path:
    """A fresh copy of the valid fixture project, to change and check."""
    target = tmp_path / "project"
    shutil.copytree(FIXTURE, target)
    return target


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def as_site_project(content_root: Path) -> Path:
    """Give a content folder the site configuration and theme of the real project."""
    shutil.copy(ROOT / "mkdocs.yml", content_root / "mkdocs.yml")
    shutil.copytree(ROOT / "overrides", content_root / "overrides", dirs_exist_ok=True)
    return content_root


def mkdocs_build(project: Path, site: Path, reader_pdf: bool = False) -> subprocess.CompletedProcess:
    """``mkdocs build --strict``; the reader's PDF (seconds of printing) only when asked for."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "COURSEWARE_READER_PDF": "on" if reader_pdf else "off"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
    )


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class _Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True


def _checked(root: Path):
    from courseware.pipeline import check_project

    checked = check_project(root)
    assert checked.ok, checked.report()
    return checked.project


@pytest.fixture(scope="session")
def fixture_project():
    """The fixture content, loaded and validated (the model is read, never changed, by tests)."""
    return _checked(FIXTURE)


@pytest.fixture(scope="session")
def real_project():
    """The project's own content, loaded and validated."""
    return _checked(ROOT)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real content, built once with `mkdocs build --strict`."""
    site = tmp_path_factory.mktemp("site")
    result = mkdocs_build(ROOT, site, reader_pdf=True)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory) -> Path:
    """The fixture project (three modules with prerequisites), built with the real config."""
    project = tmp_path_factory.mktemp("fixture-project")
    shutil.copytree(FIXTURE, project, dirs_exist_ok=True)
    as_site_project(project)
    site = tmp_path_factory.mktemp("fixture-site")
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def _serve(directory: Path):
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = _Server(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


@pytest.fixture(scope="session")
def site_url(built_site):
    server, url = _serve(built_site)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def fixture_url(fixture_site):
    server, url = _serve(fixture_site)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    playwright_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make system` (installs Debian's chromium)")
    with playwright_api.sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    yield tab
    context.close()
