"""The course reader (המקראה) as one PDF book, printed by Chromium from a built site.

From a site built by ``mkdocs build`` the book is assembled as one right-to-left HTML document:
a cover (title, course, site, date and the reader's sources in full), a table of contents, the
chapters in the order of the reader's index page (the article of each ``reader/<id>/`` page,
without the page chrome) and the glossary. Links between chapters, to glossary entries and to
the cover's sources become links inside the PDF; links to other pages of the site become plain
text. The site's own Heebo is embedded in the document as data (nothing is fetched).

Chromium prints it through Playwright. It does not support ``target-counter()``, so the page
numbers of the table of contents are found in two passes: print once, read on which page each
chapter starts (the named destinations of the contents' links), write the numbers in and print
again, and check that nothing moved. Running headers and page numbers are CSS margin boxes: the
book's title and the page number on every page but the cover, the chapter's title on the
chapter's named pages. Chromium writes the outline's titles of right-to-left headings in visual
word order, so they are replaced by the headings' text afterwards (pypdf).

:func:`assemble_book` is pure (built HTML in, HTML out); :func:`reader_pdf` prints.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import html as htmllib
import io
import os
import posixpath
import re
import threading
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from lxml import etree
from lxml import html as lhtml

from ..problems import ContentError, Problem

BOOK_TITLE = "המקראה"
COURSE_NAME = "הפרקטיקה המקצועית של ידע מניסיון"
TOC_TITLE = "תוכן העניינים"
SOURCES_TITLE = "מקורות המקראה"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
MARGIN = {"top": "20mm", "bottom": "18mm", "left": "18mm", "right": "18mm"}
MAX_PASSES = 3
PAGE_COUNT = "pages"  # beside the start pages: the length of the book, which must settle too

# The site's own fonts: the @font-face rules of its stylesheet whose family is Heebo, with
# each file inlined as data. The family name the book sets its text in:
FONTS_CSS = "assets/stylesheets/fonts.css"
FONT_FACE = re.compile(r"@font-face\s*\{([^}]*)\}", re.S)
FONT_URL = re.compile(r"url\(\s*([\"']?)([^\"')]+)\1\s*\)")
FAMILY = "Heebo Book"  # the name given to it inside the book (BOOK_CSS, the templates)

# Page chrome and learner's parts that never belong in the book
DROP = (
    "script", "style", "noscript", "form", "button", "input", "select", "textarea", "svg", "iframe",
)
DROP_CLASSES = (
    "headerlink", "md-content__button", "md-source-file", "cw-learner", "cw-mark", "cw-pager",
    "cw-fallback", "cw-lesson-of", "cw-print-address", "md-feedback", "cw-reader-pdf",
)


@dataclass
class Chapter:
    number: int
    slug: str
    title: str
    html: str  # the chapter's section, ids prefixed


@dataclass
class Book:
    site_name: str
    date: str
    sources: list[tuple[str, str]]  # (id, the full entry as HTML)
    chapters: list[Chapter]
    glossary: str  # the glossary's section, or ""
    fonts_css: str


# --- reading the built site --------------------------------------------------------------------


def _problem(path: str, message: str) -> ContentError:
    return ContentError(Problem(path, 0, message))


def _parse(site: Path, rel: str) -> etree._Element:
    path = site / rel
    try:
        return lhtml.fromstring(path.read_bytes())
    except FileNotFoundError:
        raise _problem(rel, "missing from the built site: build the site first (mkdocs build)") from None
    except (OSError, etree.ParserError) as error:
        raise _problem(rel, f"cannot be read: {error}") from None


def _article(doc: etree._Element, rel: str) -> etree._Element:
    found = doc.xpath('//article[contains(concat(" ", normalize-space(@class), " "), " md-content__inner ")]')
    if not found:
        raise _problem(rel, "has no article (.md-content__inner): is this a page of the built site?")
    return found[0]


def _has_class(el: etree._Element, name: str) -> bool:
    return name in (el.get("class") or "").split()


def _text(el: etree._Element) -> str:
    return " ".join("".join(el.itertext()).split())


def _resolve(page_dir: str, href: str) -> tuple[str, str] | None:
    """A relative link from a page, as (target page path inside the site, fragment); None for a
    link to another site or another scheme."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return None
    fragment = unquote(parts.fragment)
    if not parts.path:
        return page_dir, fragment
    target = posixpath.normpath(posixpath.join(page_dir, unquote(parts.path)))
    if target in (".", ""):
        target = ""
    target = target.removesuffix("index.html").rstrip("/")
    return (target + "/" if target else ""), fragment


def _site_name(doc: etree._Element) -> str:
    topic = doc.xpath('//div[contains(@class, "md-header__topic")]//span[contains(@class, "md-ellipsis")]')
    if topic:
        return _text(topic[0])
    title = doc.findtext(".//title") or ""
    return title.rsplit(" - ", 1)[-1].strip()


def _chapter_order(site: Path) -> list[str]:
    rel = "reader/index.html"
    article = _article(_parse(site, rel), rel)
    slugs: list[str] = []
    for link in article.iter("a"):
        resolved = _resolve("reader/", link.get("href") or "")
        if not resolved:
            continue
        target, _ = resolved
        match = re.fullmatch(r"reader/([^/]+)/", target)
        if match and match.group(1) not in slugs and (site / target / "index.html").is_file():
            slugs.append(match.group(1))
    if not slugs:
        raise _problem(rel, "lists no chapters (links to reader/<id>/ pages that the build wrote)")
    return slugs


def _source_entries(site: Path, wanted: list[str], fallback: dict[str, str]) -> list[tuple[str, str]]:
    """The full bibliographic entry of each source, from the built sources page (the paragraph
    after the source's heading), else the entry that closes the chapter that cites it."""
    entries: dict[str, str] = {}
    rel = "sources/index.html"
    if (site / rel).is_file():
        article = _article(_parse(site, rel), rel)
        for heading in article.iter("h2"):
            sid = heading.get("id")
            entry = heading.getnext()
            if sid in wanted and entry is not None and entry.tag == "p":
                entry = _clean_copy(entry)
                _unwrap_links(entry)
                entries[sid] = _inner_html(entry)
    return [(sid, entries.get(sid) or fallback[sid]) for sid in wanted if sid in entries or sid in fallback]


def _clean_copy(el: etree._Element) -> etree._Element:
    el = lhtml.fromstring(lhtml.tostring(el, encoding="unicode"))
    for bad in list(el.iter(*DROP)):
        _remove(bad)
    for bad in [e for e in el.iter() if isinstance(e.tag, str) and any(_has_class(e, c) for c in DROP_CLASSES)]:
        _remove(bad)
    for comment in list(el.iter(etree.Comment)):
        _remove(comment)
    return el


def _remove(el: etree._Element) -> None:
    """Remove an element, keeping the text that follows it."""
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail or ""
    previous = el.getprevious()
    if previous is not None:
        previous.tail = (previous.tail or "") + tail
    else:
        parent.text = (parent.text or "") + tail
    parent.remove(el)


def _unwrap(el: etree._Element) -> None:
    """Replace an element by its content."""
    span = el.makeelement("span", {})
    span.text = el.text
    for child in list(el):
        span.append(child)
    span.tail = el.tail
    for name in ("lang", "dir"):
        if el.get(name):
            span.set(name, el.get(name))
    el.getparent().replace(el, span)
    if not span.attrib:
        span.drop_tag()


def _unwrap_links(el: etree._Element) -> None:
    for link in list(el.iter("a")):
        _unwrap(link)


def _inner_html(el: etree._Element) -> str:
    out = htmllib.escape(el.text or "", quote=False)
    for child in el:
        out += lhtml.tostring(child, encoding="unicode")
    return out


def _open_details(root: etree._Element) -> None:
    """A folded section prints open: <details><summary>T</summary>… becomes a titled box."""
    for details in list(root.iter("details")):
        details.tag = "div"
        details.set("class", " ".join(["admonition", *(details.get("class") or "").split()]))
        details.attrib.pop("open", None)
        for summary in details.findall("summary"):
            summary.tag = "p"
            summary.set("class", "admonition-title")


def _anchor(prefix: str, original: str) -> str:
    """A short ASCII id for an anchor of the book: Chromium turns every linked id into a named
    destination, and a Hebrew id, escaped, runs past the 127 bytes PDF 1.7 allows a name."""
    return prefix + hashlib.sha1(original.encode("utf-8")).hexdigest()[:10]


def _rewrite(root: etree._Element, *, page: str, prefix: str, chapters: dict[str, int],
             glossary_ids: set[str], source_ids: set[str]) -> None:
    """Ids get the section's prefix; links point inside the book where their target is in it,
    and become plain text where it is not; addresses of other sites are printed after the link."""
    for el in root.iter():
        if isinstance(el.tag, str) and el.get("id"):
            el.set("id", _anchor(prefix, el.get("id")))
        if isinstance(el.tag, str):
            el.attrib.pop("title", None)
    for link in list(root.iter("a")):
        href = (link.get("href") or "").strip()
        resolved = _resolve(page, href) if href else None
        if href.startswith(("http://", "https://", "mailto:")):
            url = link.makeelement("span", {"class": "url", "dir": "ltr"})
            url.text = f"({href.removeprefix('mailto:')})"
            url.tail = link.tail
            link.tail = " "
            link.addnext(url)
            continue
        new = None
        if resolved:
            target, fragment = resolved
            chapter = re.fullmatch(r"reader/([^/]+)/", target)
            if target == page:
                new = "#" + _anchor(prefix, fragment) if fragment else None
            elif target == "glossary/" and fragment in glossary_ids:
                new = "#" + _anchor("g-", fragment)
            elif target == "glossary/" and not fragment and glossary_ids:
                new = "#glossary"
            elif target == "sources/" and fragment in source_ids:
                new = "#" + _anchor("s-", fragment)
            elif target == "reader/":
                new = "#toc"
            elif chapter and chapter.group(1) in chapters:
                number = chapters[chapter.group(1)]
                new = "#" + _anchor(f"c{number}-", fragment) if fragment else f"#chapter-{number}"
        if new:
            link.set("href", new)
            for name in ("target", "rel"):
                link.attrib.pop(name, None)
        else:
            _unwrap(link)


def _chapter(site: Path, number: int, slug: str, chapters: dict[str, int], glossary_ids: set[str],
             source_ids: set[str]) -> Chapter:
    rel = f"reader/{slug}/index.html"
    article = _clean_copy(_article(_parse(site, rel), rel))
    title_el = article.find(".//h1")
    if title_el is None:
        raise _problem(rel, "has no title (h1)")
    title = _text(title_el)
    _open_details(article)
    _rewrite(article, page=f"reader/{slug}/", prefix=f"c{number}-", chapters=chapters,
             glossary_ids=glossary_ids, source_ids=source_ids)
    kicker = f'<p class="chapter-number">פרק {number}</p>'
    body = _inner_html(article).strip()
    section = (f'<section class="chapter" id="chapter-{number}" style="page: chapter-{number}">'
               f"{kicker}{body}</section>")
    return Chapter(number=number, slug=slug, title=title, html=section)


def _cited_sources(site: Path, slugs: list[str]) -> tuple[list[str], dict[str, str]]:
    """The sources the chapters cite, in order of first citation, and each chapter's own entry
    for it (the fallback when the site has no sources page)."""
    order: list[str] = []
    fallback: dict[str, str] = {}
    for slug in slugs:
        rel = f"reader/{slug}/index.html"
        article = _article(_parse(site, rel), rel)
        for link in article.iter("a"):
            resolved = _resolve(f"reader/{slug}/", link.get("href") or "")
            if not resolved or resolved[0] != "sources/" or not resolved[1]:
                continue
            sid = resolved[1]
            if sid not in order:
                order.append(sid)
            item = link.getparent()
            if sid not in fallback and item is not None and item.tag == "li":
                entry = _clean_copy(item)
                for a in list(entry.iter("a")):
                    _remove(a)
                fallback[sid] = _inner_html(entry).strip()
    return order, fallback


def _glossary(site: Path, source_ids: set[str]) -> tuple[str, set[str]]:
    rel = "glossary/index.html"
    if not (site / rel).is_file():
        return "", set()
    article = _clean_copy(_article(_parse(site, rel), rel))
    ids = {h.get("id") for h in article.iter("h2") if h.get("id")}
    _rewrite(article, page="glossary/", prefix="g-", chapters={}, glossary_ids=ids, source_ids=source_ids)
    # each entry (its heading and what follows, up to the next heading) kept together
    parts: list[str] = []
    entry: list[str] = []
    head: list[str] = []
    for child in article:
        if not isinstance(child.tag, str):
            continue
        markup = lhtml.tostring(child, encoding="unicode")
        if child.tag == "h2":
            if entry:
                parts.append('<div class="entry">' + "".join(entry) + "</div>")
            entry = [markup]
        elif child.tag == "h1" or not entry:
            head.append(markup)
        else:
            entry.append(markup)
    if entry:
        parts.append('<div class="entry">' + "".join(entry) + "</div>")
    intro = "".join(head)
    section = (f'<section class="glossary" id="glossary" style="page: glossary">{intro}'
               f'<div class="entries">{"".join(parts)}</div></section>')
    return section, ids


def _fonts_css(site: Path) -> str:
    """The site's Heebo, as @font-face rules with the font files inlined (base64), so that the
    book needs nothing outside itself. Taken from the built site's own fonts stylesheet, so the
    book follows whatever files and character ranges the site serves."""
    try:
        css = (site / FONTS_CSS).read_text(encoding="utf-8")
    except OSError:
        raise _problem(FONTS_CSS, "missing from the built site: the book uses the site's own fonts") from None
    faces = []
    for block in FONT_FACE.findall(css):
        if "heebo" not in block.lower():
            continue

        def inline(match: re.Match) -> str:
            rel = posixpath.normpath(posixpath.join(posixpath.dirname(FONTS_CSS), match.group(2)))
            try:
                data = base64.b64encode((site / rel).read_bytes()).decode("ascii")
            except OSError:
                raise _problem(rel, f"the font {FONTS_CSS} names is missing from the built site") from None
            return f"url(data:font/woff2;base64,{data})"

        block = re.sub(r"font-family\s*:[^;]*", f'font-family:"{FAMILY}"', FONT_URL.sub(inline, block))
        block = re.sub(r"font-display\s*:[^;]*;?", "", block)
        faces.append("@font-face{" + block.strip() + "}")
    if not faces:
        raise _problem(FONTS_CSS, "has no @font-face for Heebo, the site's font")
    return "\n".join(faces)


def _today() -> dt.date:
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date()
    return dt.date.today()


def assemble_book(site_dir: Path | str, *, today: dt.date | None = None) -> Book:
    """The reader of a built site, as the parts of one book. Raises ContentError on a site that
    lacks the reader's pages."""
    site = Path(site_dir)
    if not site.is_dir():
        raise _problem(str(site), "is not a folder: give the folder of a built site (mkdocs build)")
    slugs = _chapter_order(site)
    numbers = {slug: n for n, slug in enumerate(slugs, start=1)}
    source_order, fallback = _cited_sources(site, slugs)
    sources = _source_entries(site, source_order, fallback)
    source_ids = {sid for sid, _ in sources}
    glossary, glossary_ids = _glossary(site, source_ids)
    chapters = [_chapter(site, numbers[slug], slug, numbers, glossary_ids, source_ids) for slug in slugs]
    day = today or _today()
    return Book(
        site_name=_site_name(_parse(site, "reader/index.html")),
        date=f"{day.day}.{day.month}.{day.year}",
        sources=sources,
        chapters=chapters,
        glossary=glossary,
        fonts_css=_fonts_css(site),
    )


# --- the book as HTML --------------------------------------------------------------------------

BOOK_CSS = """
@page front { }
html { font-family: "Heebo Book", sans-serif; font-size: 10.8pt; line-height: 1.62; color: #161616;
  -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; }
h1, h2, h3, h4 { font-weight: 700; line-height: 1.3; break-after: avoid; break-inside: avoid; color: #0a4f55; }
h1 { font-size: 21pt; margin: 0 0 0.7em; }
h2 { font-size: 14pt; margin: 1.3em 0 0.45em; }
h3 { font-size: 12pt; margin: 1.1em 0 0.35em; }
h2 + *, h3 + * { break-before: avoid; }
p { margin: 0 0 0.62em; orphans: 3; widows: 3; text-align: justify; }
ul, ol { margin: 0 0 0.7em; padding-inline-start: 1.6em; }
li { margin: 0.18em 0; break-inside: avoid; }
li > p { margin: 0.1em 0; }
a { color: inherit; text-decoration: none; }
a.cw-term { text-decoration: underline dotted #7a9a9d; text-underline-offset: 0.2em; }
.url { font-size: 0.85em; unicode-bidi: isolate; word-break: break-all; }
em { font-style: normal; font-weight: 600; }
[lang="en"] em, em [lang="en"] { font-style: italic; font-weight: inherit; }
strong { font-weight: 700; }
table { border-collapse: collapse; width: 100%; margin: 0.6em 0 1em; font-size: 9.4pt; line-height: 1.45; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th, td { border: 0.6pt solid #9aa7a8; padding: 0.3em 0.5em; vertical-align: top; text-align: start; }
th { background: #e4eded; font-weight: 700; }
.admonition { border-inline-start: 3pt solid #0d5c63; background: #f1f6f6; padding: 0.45em 0.9em 0.2em;
  margin: 0.9em 0; break-inside: avoid; font-size: 10pt; }
.admonition.question { border-color: #a3470f; background: #fbf3ee; }
.admonition.example { border-color: #555; background: #f3f3f3; }
.admonition-title { font-weight: 700; margin-bottom: 0.25em; text-align: start; }
blockquote { margin: 0.8em 0; padding-inline-start: 1em; border-inline-start: 2pt solid #bbb; color: #333; }
.chapter { break-before: page; }
.chapter-number { color: #0d5c63; font-size: 11pt; font-weight: 600; letter-spacing: 0.04em; margin: 0 0 0.2em; }
.chapter h1 { border-bottom: 1pt solid #0d5c63; padding-bottom: 0.3em; }
/* the cover */
.cover { page: front; display: flex; flex-direction: column; min-height: 245mm; text-align: center; }
.cover .site { font-size: 11pt; color: #555; margin: 6mm 0 0; text-align: center; }
.cover h1 { font-size: 46pt; margin: 34mm 0 6mm; border: 0; color: #0a4f55; }
.cover .course { font-size: 17pt; margin: 0 0 4mm; text-align: center; }
.cover .kind { font-size: 11pt; color: #444; margin: 0 0 0; text-align: center; }
.cover .date { font-size: 10.5pt; color: #444; margin: 3mm 0 0; text-align: center; }
.cover .sources { margin-top: auto; text-align: start; border-top: 1pt solid #0d5c63; padding-top: 4mm; }
.cover .sources h2 { font-size: 12pt; margin: 0 0 2mm; }
.cover .sources li { font-size: 9.6pt; line-height: 1.5; margin-bottom: 1.5mm; text-align: start; }
/* the table of contents */
.toc { page: front; break-before: page; }
.toc ol { list-style: none; padding: 0; margin: 0; }
.toc li { margin: 0 0 2.4mm; }
.toc a { display: flex; align-items: baseline; gap: 2mm; }
.toc .n { flex: 0 0 auto; min-width: 5.5em; color: #0d5c63; font-weight: 600; }
.toc .t { flex: 0 1 auto; }
.toc .dots { flex: 1 1 8mm; border-bottom: 1pt dotted #777; transform: translateY(-0.3em); }
.toc .p { flex: 0 0 2.2em; text-align: left; font-variant-numeric: tabular-nums; }
/* the glossary, in two columns */
.glossary { break-before: page; }
.glossary .entries { columns: 2; column-gap: 8mm; column-rule: 0.5pt solid #ccd; }
.glossary .entry { break-inside: avoid; margin-bottom: 2.5mm; font-size: 9.2pt; line-height: 1.45; }
.glossary .entry h2 { font-size: 10.4pt; margin: 0 0 0.5mm; }
.glossary .entry p { margin: 0 0 0.5mm; text-align: start; }
"""


def _margin_box(label: str) -> str:
    label = label if len(label) <= 70 else label[:68].rsplit(" ", 1)[0] + "…"
    text = label.replace("\\", "\\\\").replace('"', '\\"')
    return ('{ @top-left { content: "%s"; font-family: "Heebo Book", sans-serif; font-size: 8pt; '
            "color: #555; vertical-align: bottom; padding-bottom: 5.5mm; } }" % text)


def _toc_entry(target: str, label: str, title: str, page: int | None) -> str:
    number = "" if page is None else str(page)
    return (f'<li><a href="#{target}"><span class="n">{htmllib.escape(label)}</span>'
            f'<span class="t">{htmllib.escape(title)}</span><span class="dots"></span>'
            f'<span class="p">{number}</span></a></li>')


def book_html(book: Book, pages: dict[str, int] | None = None) -> str:
    """The whole book as one HTML document. ``pages`` maps "chapter-N" and "glossary" to the
    page they start on; without it the contents' page numbers are left blank (same width)."""
    pages = pages or {}
    named_pages = [f"@page chapter-{c.number} " + _margin_box(f"פרק {c.number} · {c.title}") for c in book.chapters]
    if book.glossary:
        named_pages.append("@page glossary " + _margin_box("מילון מונחים"))
    sources = "".join(f'<li id="{_anchor("s-", sid)}">{entry}</li>' for sid, entry in book.sources)
    cover = (
        '<section class="cover" id="cover">'
        f'<p class="site">{htmllib.escape(book.site_name)}</p>'
        f"<h1>{BOOK_TITLE}</h1>"
        f'<p class="course">{COURSE_NAME}</p>'
        '<p class="kind">גוף הידע של הקורס, פרק אחר פרק</p>'
        f'<p class="date">{book.date}</p>'
        f'<div class="sources"><h2>{SOURCES_TITLE}</h2><ul>{sources}</ul></div>'
        "</section>"
    )
    entries = [_toc_entry(f"chapter-{c.number}", f"פרק {c.number}", c.title, pages.get(f"chapter-{c.number}"))
               for c in book.chapters]
    if book.glossary:
        entries.append(_toc_entry("glossary", "", "מילון מונחים", pages.get("glossary")))
    toc = f'<nav class="toc" id="toc" aria-label="{TOC_TITLE}"><h1>{TOC_TITLE}</h1><ol>{"".join(entries)}</ol></nav>'
    body = cover + toc + "".join(c.html for c in book.chapters) + book.glossary
    return (
        '<!DOCTYPE html>\n<html lang="he" dir="rtl"><head><meta charset="utf-8">'
        f"<title>{BOOK_TITLE} – {COURSE_NAME}</title>"
        f"<style>{book.fonts_css}\n{page_css()}\n{BOOK_CSS}\n" + "\n".join(named_pages) + "</style></head>"
        f"<body>{body}</body></html>"
    )


def page_css() -> str:
    """The page: A4 and its margins; the book's title in the top margin and the page's number at
    the foot of every page but the cover (margin boxes, so the cover can go without them; the
    chapters' named pages add the chapter's title on the other side)."""
    margin = " ".join(MARGIN[side] for side in ("top", "right", "bottom", "left"))
    title = f"{BOOK_TITLE} · {COURSE_NAME}".replace("\\", "\\\\").replace('"', '\\"')
    box = 'font-family: "Heebo Book", sans-serif; color: #555;'
    return (
        f"@page {{ size: A4; margin: {margin};"
        f' @top-right {{ content: "{title}"; {box} font-size: 8pt; vertical-align: bottom; padding-bottom: 5.5mm; }}'
        f" @bottom-center {{ content: counter(page); {box} font-size: 9pt; color: #333; vertical-align: top;"
        " padding-top: 4mm; } }\n"
        "@page :first { @top-right { content: none; } @bottom-center { content: none; } }"
    )


# --- printing ------------------------------------------------------------------------------------


def _start_pages(pdf: bytes, names: list[str]) -> dict[str, int]:
    """On which page (1-based) each named destination lies: Chromium writes one for every
    element a link points to, so for each chapter the contents link to."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdf))
    found: dict[str, int] = {}
    for key, dest in reader.named_destinations.items():
        name = str(key).lstrip("/")
        if name in names:
            found[name] = reader.get_destination_page_number(dest) + 1
    found[PAGE_COUNT] = len(reader.pages)
    return found


def _outline_key(text: str) -> str:
    text = re.sub(r"[\u200e\u200f\u202a-\u202e\u2066-\u2069\s]", "", text)
    return "".join(sorted(text.translate(str.maketrans("()[]{}<>", "(((((((("))))


def _finish(pdf: bytes, headings: list[str], title: str) -> bytes:
    """Chromium writes right-to-left headings into the outline in visual word order
    ("ראשון פרק" for "פרק ראשון"): give each outline entry its heading's text. Also: open
    with the outline shown, pages read right to left in a spread, the book's title and subject."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import BooleanObject, DictionaryObject, NameObject, TextStringObject

    by_key: dict[str, list[str]] = {}
    for heading in headings:
        by_key.setdefault(_outline_key(heading), []).append(heading)
    # an incremental update: Chromium's file stays as it is (tagged structure included), the
    # changed outline entries are appended
    writer = PdfWriter(io.BytesIO(pdf), incremental=True)
    root = writer.root_object
    outlines = root.get("/Outlines")

    def walk(node):
        item = node.get_object().get("/First")
        while item is not None:
            entry = item.get_object()
            current = str(entry.get("/Title", ""))
            queue = by_key.get(_outline_key(current))
            if queue:
                entry[NameObject("/Title")] = TextStringObject(queue.pop(0))
            walk(entry)
            item = entry.get("/Next")

    if outlines is not None:
        walk(outlines)
        root[NameObject("/PageMode")] = NameObject("/UseOutlines")
    preferences = root.get("/ViewerPreferences")
    preferences = preferences.get_object() if preferences is not None else DictionaryObject()
    preferences[NameObject("/Direction")] = NameObject("/R2L")
    preferences[NameObject("/DisplayDocTitle")] = BooleanObject(True)
    root[NameObject("/ViewerPreferences")] = preferences
    writer.add_metadata({"/Title": title, "/Subject": COURSE_NAME})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _headings(html: str) -> list[str]:
    doc = lhtml.fromstring(html)
    return [_text(h) for h in doc.iter("h1", "h2", "h3", "h4", "h5", "h6")]


def _print(book: Book, chromium: str) -> bytes:
    try:
        import pypdf  # noqa: F401  (reads the first pass, finishes the outline)
        from playwright.sync_api import Error as PlaywrightError
        from playwright.sync_api import sync_playwright
    except ImportError as error:
        raise _problem(error.name or "playwright", "the reader PDF needs Playwright and pypdf "
                       "(the project's test extra installs both)") from None
    targets = [f"chapter-{c.number}" for c in book.chapters] + (["glossary"] if book.glossary else [])
    options = dict(
        format="A4",
        print_background=True,
        prefer_css_page_size=True,  # the margins of page_css, where the running headers are
        outline=True,
        tagged=True,
    )
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
            try:
                context = browser.new_context()
                context.route("**/*", lambda route: route.abort())  # the book is self-contained
                page = context.new_page()

                def render(pages: dict[str, int] | None) -> bytes:
                    page.set_content(book_html(book, pages), wait_until="load")
                    page.evaluate("() => document.fonts.ready.then(() => document.fonts.size)")
                    return page.pdf(**options)

                pdf = render(None)
                pages = _start_pages(pdf, targets)
                for _ in range(MAX_PASSES):
                    missing = [t for t in targets if t not in pages]
                    if missing:
                        raise _problem("reader", f"could not find where {', '.join(missing)} start in the PDF")
                    pdf = render(pages)
                    again = _start_pages(pdf, targets)
                    if again == pages:
                        break
                    pages = again
                else:
                    raise _problem("reader", "the contents' page numbers did not settle after "
                                             f"{MAX_PASSES} passes")
            finally:
                browser.close()
    except PlaywrightError as error:
        raise _problem(chromium, f"Chromium could not print the reader: {str(error).splitlines()[0]}") from None
    return _finish(pdf, _headings(book_html(book, pages)), f"{BOOK_TITLE} – {COURSE_NAME}")


def _in_thread(function, *args):
    """Run in a thread of its own: Playwright's sync API refuses to start inside a running event
    loop (or another sync Playwright), which a caller such as a test session may have."""
    result: dict[str, object] = {}

    def run():
        try:
            result["value"] = function(*args)
        except BaseException as error:  # handed back to the caller's thread
            result["error"] = error

    thread = threading.Thread(target=run, name="reader-pdf")
    thread.start()
    thread.join()
    if "error" in result:
        raise result["error"]
    return result["value"]


def reader_pdf(site_dir: Path | str, out_path: Path | str, *, chromium: str = CHROMIUM) -> Path:
    """Write the reader of the built site ``site_dir`` to ``out_path`` as one PDF book and return
    its path. Raises ContentError when the site lacks the reader or Chromium cannot print."""
    if not Path(chromium).exists():
        raise _problem(chromium, "Chromium is missing (Debian: apt-get install chromium)")
    book = assemble_book(site_dir)
    pdf = _in_thread(_print, book, chromium)
    out = Path(out_path)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(pdf)
    except OSError as error:
        raise _problem(str(out), f"cannot be written: {error}") from None
    return out
