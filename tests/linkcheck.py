"""Every internal link and anchor of a built site: each a, link, script, img and source on every
page must point to a file that exists and, when it has #anchor, to an element with that id."""

from __future__ import annotations

import html.parser
import posixpath
from pathlib import Path
from urllib.parse import unquote, urlsplit

ATTRIBUTES = {"a": "href", "link": "href", "script": "src", "img": "src", "source": "src", "iframe": "src"}


class _Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for key in ("id", "name"):
            if attrs.get(key):
                self.ids.add(attrs[key])
        wanted = ATTRIBUTES.get(tag)
        if wanted and attrs.get(wanted):
            self.links.append(attrs[wanted])


def _parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8", errors="replace"))
    return page


def _target(site: Path, page_url: str, link: str) -> tuple[Path | None, str]:
    parts = urlsplit(link)
    anchor = unquote(parts.fragment)
    if not parts.path:
        return site / page_url.lstrip("/"), anchor
    path = unquote(parts.path)
    resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page_url), path))
    if path.endswith("/"):
        resolved += "/"
    return site / resolved.lstrip("/"), anchor


def check_site(site: Path, origin_host: str = "127.0.0.1") -> list[str]:
    """Problems as 'page: link (why)'; an empty list when every link resolves."""
    site = Path(site)
    cache: dict[Path, _Page] = {}

    def parsed(path: Path) -> _Page:
        if path not in cache:
            cache[path] = _parse(path)
        return cache[path]

    problems = []
    for html_file in sorted(site.rglob("*.html")):
        relative = html_file.relative_to(site).as_posix()
        page_url = "/" + (relative[: -len("index.html")] if relative.endswith("index.html") else relative)
        page = parsed(html_file)
        for link in page.links:
            parts = urlsplit(link)
            if parts.scheme in ("mailto", "tel", "data", "blob", "javascript"):
                continue
            if parts.scheme or parts.netloc:
                if parts.hostname != origin_host:
                    problems.append(f"{relative}: {link} (points to another site)")
                continue
            target, anchor = _target(site, page_url, link)
            if str(target).endswith("/") or target.is_dir():
                target = Path(str(target).rstrip("/")) / "index.html"
            if not target.is_file():
                problems.append(f"{relative}: {link} (no such file: {target.relative_to(site)})")
                continue
            if anchor and target.suffix == ".html":
                ids = parsed(target).ids
                if anchor not in ids:
                    problems.append(f"{relative}: {link} (no element with id '{anchor}')")
    return problems
