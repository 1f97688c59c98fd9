"""Helpers shared by the page generators: labels, URLs, escaping, the sources section."""

from __future__ import annotations

import datetime as dt
import html
import posixpath
import re
from dataclasses import dataclass, field

import markdown as _markdown

from ..model import Project, Source

AUDIENCE_LABELS = {"mentor": "מלווים", "manager": "מנהלים", "peer": "עמיתים מומחים"}
AUDIENCE_FOR = {"mentor": "למלווים", "manager": "למנהלים", "peer": "לעמיתים מומחים"}
LEVEL_LABELS = {"basic": "בסיסית", "advanced": "מתקדמת"}
PATH_LEVEL_LABELS = {"basic": "המסלול הבסיסי", "advanced": "המסלול המתקדם"}
IN_PATH = {"basic": "במסלול הבסיסי", "advanced": "במסלול המתקדם"}
SOURCE_KINDS = {
    "report": "דוח מחקר",
    "article": "מאמר",
    "booklet": "חוברת",
    "guide": "מדריך",
    "book": "ספר",
    "web": "אתר",
}


@dataclass
class GeneratedPage:
    site_path: str  # where the page sits in the site tree, e.g. modules/x/index.md
    title: str
    kind: str  # module | lesson | quiz | path | catalog | paths | glossary | index | sources
    text: str
    meta: dict = field(default_factory=dict)


def front_matter(title: str, **meta) -> str:
    """A small YAML front matter block (values are plain strings, ints or lists of them)."""
    lines = ["---", f"title: {_yaml_str(title)}"]
    for key, value in meta.items():
        if value is None:
            continue
        if isinstance(value, list):
            lines.append(f"{key}: [{', '.join(_yaml_str(str(v)) for v in value)}]")
        elif isinstance(value, bool):
            lines.append(f"{key}: {'true' if value else 'false'}")
        elif isinstance(value, int):
            lines.append(f"{key}: {value}")
        else:
            lines.append(f"{key}: {_yaml_str(str(value))}")
    lines.append("---")
    return "\n".join(lines) + "\n\n"


def _yaml_str(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def site_url(site_path: str) -> str:
    """The directory URL MkDocs gives a page: modules/x/index.md -> modules/x/, a/b.md -> a/b/."""
    path = site_path.removesuffix(".md")
    if path == "index" or path.endswith("/index"):
        path = path[: -len("index")]
    else:
        path += "/"
    return path


def relative_url(from_site_path: str, to_site_path: str, anchor: str = "") -> str:
    """A relative link between two pages as the browser resolves it on the built site."""
    here = site_url(from_site_path)
    there = site_url(to_site_path)
    rel = posixpath.relpath(there or ".", here.rstrip("/") or ".")
    url = "./" if rel == "." else rel.rstrip("/") + "/"
    return url + (f"#{anchor}" if anchor else "")


def file_url(from_site_path: str, file_path: str) -> str:
    """A relative URL from a page to a file of the site (e.g. assets/courseware/catalog.json)."""
    here = site_url(from_site_path).rstrip("/") or "."
    return posixpath.relpath(file_path, here)


CATALOG_PATH = "assets/courseware/catalog.json"


def learner_hook(from_site_path: str, kind: str, **data: str) -> str:
    """The element the learner's script fills in (hidden until it runs: without JavaScript
    there is no progress to show)."""
    attributes = "".join(f' data-{key}="{esc(value)}"' for key, value in data.items())
    return (
        f'<div class="cw-learner cw-learner--{kind}" data-kind="{kind}" '
        f'data-catalog="{esc(file_url(from_site_path, CATALOG_PATH))}"{attributes} hidden></div>'
    )


def relative_md(from_site_path: str, to_site_path: str, anchor: str = "") -> str:
    """A relative Markdown link target between two site paths (MkDocs resolves and checks it)."""
    rel = posixpath.relpath(to_site_path, posixpath.dirname(from_site_path) or ".")
    return rel + (f"#{anchor}" if anchor else "")


# A link to a file the build writes into the site itself (a download), not a page: the publish
# step turns "cw-site:downloads/x.zip" into the path from each page to the site's root, which
# differs between the Hebrew pages and their copies under en/ and ar/.
SITE_ROOT = "cw-site:"


def site_link(site_file: str) -> str:
    return SITE_ROOT + site_file


READER_PDF_LINK = (
    f'<p class="cw-reader-pdf" markdown="1">[המקראה כולה כקובץ PDF, להורדה ולהדפסה]({SITE_ROOT}downloads/reader.pdf)</p>'
)


def esc(text: str) -> str:
    return html.escape(text, quote=True)


_INLINE = _markdown.Markdown(extensions=[])
_P = re.compile(r"^<p>(.*)</p>$", re.S)


# a link with a scheme other than http(s) or mailto (javascript:, data:, vbscript: ...)
_UNSAFE_LINK = re.compile(r'<a href="\s*(?!https?:|mailto:)[a-z][a-z0-9+.\-]*:[^"]*"[^>]*>(.*?)</a>', re.S | re.I)


def inline_html(text: str) -> str:
    """Inline Markdown (emphasis, code, links) to HTML, for text placed inside generated HTML.
    HTML in the text is shown as text, and a link whose address is not a web, mail, relative or
    in-page address (javascript:, data: ...) keeps only its words."""
    _INLINE.reset()
    rendered = _INLINE.convert(html.escape(text, quote=False)).strip()
    rendered = _UNSAFE_LINK.sub(r"\1", rendered)
    match = _P.match(rendered)
    return match.group(1) if match else rendered


def md_text(text: str) -> str:
    """Text placed into generated Markdown on one line: collapse line breaks."""
    return " ".join(text.split())


def hebrew_date(day: dt.date | None) -> str:
    return f"{day.day}.{day.month}.{day.year}" if day else "לא צוין"


def duration(minutes: int) -> str:
    if minutes < 60:
        return f"{minutes} דקות" if minutes != 1 else "דקה"
    hours, rest = divmod(minutes, 60)
    hours_text = {1: "שעה", 2: "שעתיים"}.get(hours, f"{hours} שעות")
    return hours_text if rest == 0 else f"{hours_text} ו-{rest} דקות"


def source_entry(source: Source) -> str:
    """A bibliographic entry in Hebrew citation style: authors (year). title. publisher."""
    parts = []
    if source.authors:
        parts.append(", ".join(source.authors))
    parts.append(f"({source.year})" if source.year else "(ללא תאריך)")
    head = " ".join(parts) + "."
    entry = f"{head} *{md_text(source.title)}*. {md_text(source.publisher)}."
    kind = SOURCE_KINDS.get(source.kind)
    if kind:
        entry += f" {kind}."
    return entry


def sources_section(source_ids: list[str], project: Project, from_site_path: str, heading: str = "מקורות") -> str:
    """The section every content page ends with: its sources, drawn from the registry."""
    known = [project.source(sid) for sid in source_ids]
    known = [s for s in known if s]
    if not known:
        return ""
    lines = [f"## {heading}", ""]
    link = relative_md(from_site_path, "sources.md")
    for source in known:
        lines.append(f"- {source_entry(source)} [פרטי המקור]({link}#{source.id})")
    return "\n".join(lines) + "\n"
