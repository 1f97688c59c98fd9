"""A module as a SCORM 1.2 package: a zip that any SCORM 1.2 LMS (Moodle among them) imports.

:func:`scorm_files` gives the package's files by name (pure: the model and the theme's assets in,
bytes out); :func:`scorm_package` writes them as a zip. Nothing here imports MkDocs.

What is in the package::

    imsmanifest.xml            IMS Content Packaging 1.1.2 + ADL SCORM 1.2
    *.xsd                      the control documents the manifest is written against (exact copies)
    index.html                 the launch page: a bar with the module's contents, and a frame
    start.html                 the module's start page (objectives, lessons, quiz, sources)
    lesson-1.html ...          each lesson, rendered as the site renders it
    quiz.html                  the quiz (the site's quiz markup) with its own script
    assets/stylesheets/courseware.css   a compact stylesheet, the Heebo @font-face rules and the
                                        rules of the site's site.css that the pages use
    assets/fonts/              the Heebo fonts and their licence
    assets/images/favicon.svg  the site's icon
    assets/javascripts/        courseware-core.js (the site's scoring), courseware-quiz.js (the site's
                               quiz form), scorm-session.js, scorm-page.js, scorm-quiz.js

**One SCO.** The module is one organization with one item, one SCO: the launch page, which holds
the SCORM run-time session while the learner moves between the pages in its frame with the
pages' previous/next links. The alternative, an item (a SCO) per lesson and one for the quiz,
would mean in-page navigation from one SCO to another, which SCORM 1.2 leaves to the LMS alone:
the LMS would go on recording against the SCO it launched (the quiz's score landing on a lesson),
and each page would have to call LMSFinish when left, which some LMSs take as the end of the
attempt (Moodle's auto-continue moves to the next SCO; others close the player). With one SCO
there is one LMSInitialize ... LMSFinish, lessons set the status "incomplete" (or "browsed" in
browse mode) and the place to resume, and the quiz sets score and "passed"/"failed", its pass
mark also given to the LMS as ``adlcp:masteryscore``. See ``scorm_assets/scorm-session.js``.

**Self-contained.** Every file a page needs is in the package: no web fonts, no theme files, no
address of another origin. A link in a lesson to a page the package does not hold (a procedure,
another module, the glossary, an outside site) keeps its words and loses its address, unless the
published site's address is given (``site=``): then it opens that page of the site in a new window.
"""

from __future__ import annotations

import html as _html
import io
import posixpath
import re
import zipfile
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from urllib.parse import unquote, urlsplit

import markdown as _markdown
from lxml import etree
from pymdownx.slugs import slugify

from ..generate.common import AUDIENCE_LABELS, LEVEL_LABELS, duration, esc, inline_html, md_text, site_url, source_entry
from ..generate.course import QUIZ_TITLE, quiz_page
from ..language_marks import mark_english
from ..model import Lesson, Module, Project, Quiz
from ..problems import ContentError, Problem

# --- names -------------------------------------------------------------------------------------

MANIFEST = "imsmanifest.xml"
LAUNCH = "index.html"
START = "start.html"
QUIZ = "quiz.html"
STYLESHEET = "assets/stylesheets/courseware.css"
FAVICON = "assets/images/favicon.svg"
FONTS = "assets/fonts"
SCRIPTS = "assets/javascripts"
CORE_SCRIPT = f"{SCRIPTS}/courseware-core.js"
QUIZ_VIEW_SCRIPT = f"{SCRIPTS}/courseware-quiz.js"
SESSION_SCRIPT = f"{SCRIPTS}/scorm-session.js"
PAGE_SCRIPT = f"{SCRIPTS}/scorm-page.js"
QUIZ_SCRIPT = f"{SCRIPTS}/scorm-quiz.js"
# the control documents the manifest is written against (imscp imports ims_xml), exact copies
CONTROL_DOCUMENTS = ("imscp_rootv1p1p2.xsd", "adlcp_rootv1p2.xsd", "ims_xml.xsd")
FONT_FAMILY = "Heebo"  # the site's Hebrew font; its @font-face rules are taken from fonts.css

IMSCP = "http://www.imsproject.org/xsd/imscp_rootv1p1p2"
ADLCP = "http://www.adlnet.org/xsd/adlcp_rootv1p2"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
SCHEMA_LOCATION = f"{IMSCP} imscp_rootv1p1p2.xsd {ADLCP} adlcp_rootv1p2.xsd"

# the same Markdown as the site (mkdocs.yml), less the permalinks and Pygments' colours
MARKDOWN_EXTENSIONS = [
    "toc",
    "abbr",
    "admonition",
    "attr_list",
    "def_list",
    "footnotes",
    "md_in_html",
    "tables",
    "pymdownx.details",
    "pymdownx.superfences",
    "pymdownx.highlight",
    "pymdownx.tasklist",
]
MARKDOWN_CONFIG = {
    "toc": {"slugify": slugify(case="lower")},
    "pymdownx.highlight": {"use_pygments": False},
    "pymdownx.tasklist": {"custom_checkbox": True},
}

ZIP_DATE = (2020, 1, 1, 0, 0, 0)  # every entry gets the same date: the same content, the same bytes
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


@dataclass(frozen=True)
class _Page:
    name: str  # file name in the package
    title: str
    kind: str  # start | lesson | quiz
    site_path: str  # where the page sits on the site, to resolve its links
    lesson: Lesson | None = None


# --- the public functions ----------------------------------------------------------------------


def scorm_package(
    project: Project, module_id: str, out_path: Path, *, theme: Path | None = None, site: str | None = None
) -> Path:
    """Write the module's SCORM 1.2 package as a zip and return its path.

    ``out_path`` is the zip to write, or an existing folder to write ``<module-id>-scorm12.zip``
    into. The file is replaced only once the whole package is written. ``theme`` is the site's
    ``overrides/assets`` folder (default: the project's own, else this checkout's). ``site`` is
    the published site's address (e.g. ``https://example.org/``): given it, a link to a page of
    the site that the package does not hold opens that page on the site in a new window; without
    it (the default) such a link keeps its words only and the package names no address at all.
    Raises :class:`~courseware.problems.ContentError` for an unknown module or missing theme files."""
    data = scorm_zip(project, module_id, theme=theme, site=site)
    out_path = Path(out_path)
    if out_path.is_dir():
        out_path = out_path / package_name(module_id)
    partial = out_path.with_name(out_path.name + ".partial")
    try:
        out_path.parent.mkdir(parents=True, exist_ok=True)
        partial.write_bytes(data)
        partial.replace(out_path)
    except OSError as error:
        raise ContentError(Problem(str(out_path), 0, f"cannot write the SCORM package: {error.strerror or error}")) from None
    finally:
        try:
            partial.unlink(missing_ok=True)
        except OSError:
            pass
    return out_path


def scorm_zip(project: Project, module_id: str, *, theme: Path | None = None, site: str | None = None) -> bytes:
    """The module's package as the bytes of a zip (the same content gives the same bytes)."""
    files = scorm_files(project, module_id, theme=theme, site=site)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, data in files.items():
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    return buffer.getvalue()


def package_name(module_id: str) -> str:
    """The file name a module's package gets in a folder: ``<module-id>-scorm12.zip``."""
    return f"{module_id}-scorm12.zip"


def write_scorm_packages(
    project: Project, folder: Path, module_ids: list[str] | None = None, *, theme: Path | None = None, site: str | None = None
) -> list[Path]:
    """Every module's package (or those named) in ``folder``, as ``<module-id>-scorm12.zip``."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    ids = module_ids if module_ids is not None else [m.id for m in project.modules]
    return [scorm_package(project, module_id, folder / package_name(module_id), theme=theme, site=site) for module_id in ids]


def scorm_files(project: Project, module_id: str, *, theme: Path | None = None, site: str | None = None) -> dict[str, bytes]:
    """The package's files, by their path in the package, the manifest first (see
    :func:`scorm_package` for ``theme`` and ``site``)."""
    module = project.module(module_id)
    if module is None:
        raise ContentError(Problem(f"modules/{module_id}/module.yml", 0, f"there is no module '{module_id}' to export"))
    if not module.lessons:
        raise ContentError(Problem(module.loc.path, module.loc.line, f"module '{module_id}' has no lessons to export"))
    theme_dir = _theme_dir(project, theme)
    quiz = project.quiz_for(module.id)
    if quiz is not None and not quiz.questions:
        quiz = None
    pages = _pages(module, quiz)

    documents: dict[str, str] = {LAUNCH: _launch_page(module, quiz, pages)}
    for index, page in enumerate(pages):
        documents[page.name] = _content_page(page, index, pages, module, quiz, project, site)

    own = {name: _asset(name) for name in ("scorm-session.js", "scorm-page.js", "scorm-quiz.js", "scorm.css")}
    scripts = {
        CORE_SCRIPT: _read(theme_dir / "javascripts" / "courseware-core.js"),
        QUIZ_VIEW_SCRIPT: _read(theme_dir / "javascripts" / "courseware-quiz.js"),
        SESSION_SCRIPT: own["scorm-session.js"],
        PAGE_SCRIPT: own["scorm-page.js"],
        QUIZ_SCRIPT: own["scorm-quiz.js"],
    }
    used = _used_classes(list(documents.values()) + [script.decode() for script in scripts.values()])
    font_faces, fonts = _fonts(theme_dir)
    site_css = _read(theme_dir / "stylesheets" / "site.css").decode("utf-8", errors="replace")
    stylesheet = "\n".join(
        [
            f"/* {module.title.replace('*/', '* /')}: the stylesheet of this package. Fonts: Heebo, SIL Open Font License 1.1 (../fonts/). */",
            font_faces,
            own["scorm.css"].decode("utf-8"),
            "/* --- the site's own rules (site.css) that these pages use ------------------------------ */",
            css_subset(site_css, used),
        ]
    )

    content: dict[str, bytes] = {name: text.encode("utf-8") for name, text in documents.items()}
    content[STYLESHEET] = stylesheet.encode("utf-8")
    content.update(scripts)
    content.update(fonts)
    content[FAVICON] = _read(theme_dir / "images" / "favicon.svg")

    files: dict[str, bytes] = {MANIFEST: manifest_xml(module, quiz, list(content))}
    for name in CONTROL_DOCUMENTS:
        files[name] = resources.files("courseware.export").joinpath("scorm12", name).read_bytes()
    files.update(content)
    return files


# --- the manifest ------------------------------------------------------------------------------


def manifest_xml(module: Module, quiz: Quiz | None, files: list[str]) -> bytes:
    """imsmanifest.xml: one organization with one item, the SCO that the launch page is; the
    SCO's own files in its resource, the shared styles, scripts and fonts in an asset resource.

    The metadata is SCORM 1.2's required pair (schema "ADL SCORM", schemaversion "1.2") and no
    IMS meta-data (LOM) record: the titles say what the module is, LMSs do not read LOM, and the
    published imsmd_rootv1p2p1.xsd has a content model that is not deterministic, so no
    validator built on libxml2 (lxml) can check a manifest that holds one."""
    ident = _xml_id(module.id)
    nsmap = {None: IMSCP, "adlcp": ADLCP, "xsi": XSI}
    manifest = etree.Element(f"{{{IMSCP}}}manifest", nsmap=nsmap)
    manifest.set("identifier", f"MANIFEST-{ident}")
    manifest.set("version", "1.0")
    manifest.set(f"{{{XSI}}}schemaLocation", SCHEMA_LOCATION)

    metadata = _sub(manifest, IMSCP, "metadata")
    _sub(metadata, IMSCP, "schema", "ADL SCORM")
    _sub(metadata, IMSCP, "schemaversion", "1.2")

    organizations = _sub(manifest, IMSCP, "organizations")
    organizations.set("default", f"ORG-{ident}")
    organization = _sub(organizations, IMSCP, "organization")
    organization.set("identifier", f"ORG-{ident}")
    _sub(organization, IMSCP, "title", _title(module.title))
    item = _sub(organization, IMSCP, "item")
    item.set("identifier", f"ITEM-{ident}")
    item.set("identifierref", f"RES-{ident}")
    item.set("isvisible", "true")
    _sub(item, IMSCP, "title", _title(module.title))
    if quiz is not None:
        _sub(item, ADLCP, "masteryscore", str(max(0, min(100, quiz.pass_mark))))

    resources_ = _sub(manifest, IMSCP, "resources")
    sco = _sub(resources_, IMSCP, "resource")
    sco.set("identifier", f"RES-{ident}")
    sco.set("type", "webcontent")
    sco.set(f"{{{ADLCP}}}scormtype", "sco")
    sco.set("href", LAUNCH)
    shared = [name for name in files if name.startswith("assets/")]
    for name in [name for name in files if name not in shared]:
        _sub(sco, IMSCP, "file").set("href", name)
    _sub(sco, IMSCP, "dependency").set("identifierref", f"RES-{ident}-ASSETS")
    asset = _sub(resources_, IMSCP, "resource")
    asset.set("identifier", f"RES-{ident}-ASSETS")
    asset.set("type", "webcontent")
    asset.set(f"{{{ADLCP}}}scormtype", "asset")
    for name in shared:
        _sub(asset, IMSCP, "file").set("href", name)
    declaration = b'<?xml version="1.0" encoding="UTF-8"?>\n'
    return declaration + etree.tostring(manifest, xml_declaration=False, encoding="UTF-8", pretty_print=True)


def _sub(parent, namespace: str, tag: str, text: str | None = None):
    element = etree.SubElement(parent, f"{{{namespace}}}{tag}")
    if text is not None:
        element.text = _NOT_XML.sub("", text)
    return element


def _title(text: str) -> str:
    """A title as the content-packaging schema allows it: at most 200 characters."""
    text = " ".join(_NOT_XML.sub("", text).split())
    return text if len(text) <= 200 else text[:199] + "…"


def _xml_id(value: str) -> str:
    """A module id as part of an xsd:ID (letters, digits, '-', '_', '.')."""
    return re.sub(r"[^A-Za-z0-9_.-]", "_", value) or "module"


# --- the pages ---------------------------------------------------------------------------------


def _pages(module: Module, quiz: Quiz | None) -> list[_Page]:
    pages = [_Page(START, module.title, "start", module.site_path)]
    for number, lesson in enumerate(module.lessons, 1):
        pages.append(_Page(f"lesson-{number}.html", lesson.title, "lesson", lesson.site_path, lesson))
    if quiz is not None:
        pages.append(_Page(QUIZ, QUIZ_TITLE, "quiz", module.quiz_site_path))
    return pages


def _link_map(module: Module, pages: list[_Page]) -> dict[str, str]:
    """Site paths (without '.md' or a trailing '/index') to the package's pages."""
    targets = {f"modules/{module.id}": START, f"modules/{module.id}/index": START}
    for page in pages:
        if page.lesson is not None:
            targets[page.site_path.removesuffix(".md")] = page.name
        elif page.kind == "quiz":
            targets[f"modules/{module.id}/quiz"] = page.name
    return targets


def _document(page_name: str, title: str, module: Module, body: str, scripts: list[str], body_attrs: str = "") -> str:
    head_title = title if title == module.title else f"{title} · {module.title}"
    script_tags = "\n".join(f'<script src="{esc(src)}" defer></script>' for src in scripts)
    return f"""<!doctype html>
<html lang="he" dir="rtl" data-cw-page="{esc(page_name)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(head_title)}</title>
<link rel="icon" href="{FAVICON}" type="image/svg+xml">
<link rel="stylesheet" href="{STYLESHEET}">
{script_tags}
</head>
<body{body_attrs}>
{body}
</body>
</html>
"""


def _launch_page(module: Module, quiz: Quiz | None, pages: list[_Page]) -> str:
    items = []
    for page in pages:
        label = {"start": f"פתיחה: {page.title}", "quiz": f"{QUIZ_TITLE}"}.get(page.kind, page.title)
        if page.kind == "lesson":
            label = f"שיעור {pages.index(page)}: {page.title}"
        items.append(
            f'<li><a href="{page.name}" target="cw-content" data-cw-target="{page.name}" data-cw-kind="{page.kind}">{esc(label)}</a></li>'
        )
    body = f"""<header class="cw-shell__bar">
<p class="cw-shell__title">{esc(module.title)}</p>
<nav aria-label="תוכן הלומדה">
<details class="cw-shell__toc">
<summary>תוכן הלומדה</summary>
<ol>
{chr(10).join(items)}
</ol>
</details>
</nav>
<p class="cw-shell__status" role="status" hidden></p>
</header>
<iframe class="cw-shell__frame" id="cw-content" name="cw-content" src="{START}" title="{esc(module.title)}"></iframe>"""
    has_quiz = "true" if quiz is not None else "false"
    return _document(LAUNCH, module.title, module, body, [SESSION_SCRIPT], f' class="cw-shell" data-cw-quiz="{has_quiz}"')


def _content_page(
    page: _Page, index: int, pages: list[_Page], module: Module, quiz: Quiz | None, project: Project, site: str | None
) -> str:
    links = _Links(_link_map(module, pages), site)
    if page.kind == "start":
        content = _start_html(module, quiz, pages, project)
    elif page.kind == "lesson":
        content = _lesson_html(page, index, pages, module, project, links)
    else:
        content = _quiz_html(module, quiz, project, links)
    body = f'<main class="md-typeset cw-page" id="main">\n{mark_english(content)}\n{_pager(index, pages, module)}\n</main>'
    scripts = [PAGE_SCRIPT] + ([CORE_SCRIPT, QUIZ_VIEW_SCRIPT, QUIZ_SCRIPT] if page.kind == "quiz" else [])
    return _document(page.name, page.title, module, body, scripts)


def _markdown_html(text: str) -> str:
    md = _markdown.Markdown(extensions=MARKDOWN_EXTENSIONS, extension_configs=MARKDOWN_CONFIG)
    rendered = md.convert(text)
    # checklist boxes are printed marks, not form controls: hidden from assistive technology,
    # which reads the item's text as a list item (as publish.static_checklists does on the site)
    rendered = rendered.replace('<label class="task-list-control">', '<label class="task-list-control" aria-hidden="true">')
    # a table scrolls on its own on a narrow screen (a focusable, named region)
    return rendered.replace("<table>", '<div class="cw-table" role="region" aria-label="טבלה" tabindex="0"><table>').replace(
        "</table>", "</table></div>"
    )


def _start_html(module: Module, quiz: Quiz | None, pages: list[_Page], project: Project) -> str:
    lessons = [p for p in pages if p.kind == "lesson"]
    prerequisites = [project.module(m) for m in module.prerequisites]
    prereq_text = ", ".join(esc(m.title) for m in prerequisites if m) or "אין"
    contents = f"{len(lessons)} שיעורים" if len(lessons) != 1 else "שיעור אחד"
    if quiz is not None:
        contents += f" ובוחן לבדיקה עצמית (ציון עובר {quiz.pass_mark}%)"
    out = [
        f"<h1>{esc(module.title)}</h1>",
        f"<p>{inline_html(md_text(module.summary))}</p>" if module.summary else "",
        '<div class="cw-facts"><ul>',
        f"<li><strong>רמה:</strong> {esc(LEVEL_LABELS.get(module.level, module.level))}</li>",
        f"<li><strong>מיועדת ל:</strong> {esc(AUDIENCE_LABELS.get(module.audience, module.audience))}</li>",
        f"<li><strong>זמן משוער:</strong> {esc(duration(module.minutes))}</li>",
        f"<li><strong>בלומדה:</strong> {esc(contents)}</li>",
        f"<li><strong>דרישות קדם:</strong> {prereq_text}</li>",
        "</ul></div>",
    ]
    if module.objectives:
        out += ['<h2 id="מה-תלמדו">מה תלמדו</h2>', "<p>בסוף הלומדה תוכלו:</p>", "<ol>"]
        out += [f"<li>{inline_html(md_text(o.text))}</li>" for o in module.objectives]
        out.append("</ol>")
    out += ['<h2 id="השיעורים">השיעורים</h2>', '<ol class="cw-start__lessons">']
    for page in lessons:
        minutes = f" ({esc(duration(page.lesson.minutes))})" if page.lesson and page.lesson.minutes else ""
        out.append(f'<li><a href="{page.name}">{esc(page.title)}</a>{minutes}</li>')
    if quiz is not None:
        out.append(f'<li><a href="{QUIZ}">{esc(QUIZ_TITLE)}</a> ({len(quiz.questions)} שאלות, ציון עובר {quiz.pass_mark}%)</li>')
    out.append("</ol>")
    first = lessons[0]
    out.append(
        f'<p class="cw-start__begin"><a class="md-button md-button--primary" href="{first.name}">להתחלת הלומדה: {esc(first.title)}</a></p>'
    )
    out.append(_sources_html(module.sources, project))
    return "\n".join(part for part in out if part)


def _lesson_html(page: _Page, index: int, pages: list[_Page], module: Module, project: Project, links: _Links) -> str:
    lesson = page.lesson
    assert lesson is not None
    body = lesson.doc.body.strip("\n")
    if not lesson.doc.h1:
        body = f"# {lesson.title}\n\n{body}"
    content = package_links(_markdown_html(body), lesson.site_path, links.targets, links.site)
    count = sum(1 for p in pages if p.kind == "lesson")
    return "\n".join(
        [
            content,
            _sources_html(lesson.sources, project),
            f'<p class="cw-lesson-of">שיעור {index} מתוך {count} בלומדה <a href="{START}">{esc(module.title)}</a></p>',
        ]
    )


_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
_LEARNER_HOOK = re.compile(r'<div class="cw-learner[^"]*"[^>]*>\s*</div>')


def _quiz_html(module: Module, quiz: Quiz | None, project: Project, links: _Links) -> str:
    """The site's quiz page (courseware.generate.course.quiz_page), without the hook of the
    site's progress script, with its links turned into the package's."""
    assert quiz is not None
    text = quiz_page(module, quiz, project).text
    text = _LEARNER_HOOK.sub("", _FRONT_MATTER.sub("", text, count=1))
    return package_links(_markdown_html(text), module.quiz_site_path, links.targets, links.site)


def _sources_html(source_ids: list[str], project: Project) -> str:
    known = [s for s in (project.source(sid) for sid in source_ids) if s]
    if not known:
        return ""
    items = "\n".join(f"<li>{inline_html(source_entry(s))}</li>" for s in known)
    return f'<h2 id="מקורות">מקורות</h2>\n<ul class="cw-sources">\n{items}\n</ul>'


def _pager(index: int, pages: list[_Page], module: Module) -> str:
    """Previous and next between the package's pages: start, lessons, quiz, and back to start."""

    def link(page: _Page, direction: str, css: str, rel: str = "") -> str:
        rel_attr = f' rel="{rel}"' if rel else ""
        return (
            f'<a class="{css}" href="{page.name}"{rel_attr}><span class="cw-pager__dir">{direction}</span> '
            f"{esc(page.title)}</a>"
        )

    parts = []
    if index > 0:
        previous = pages[index - 1]
        label = "חזרה לפתיחה" if previous.kind == "start" else "הקודם"
        parts.append(link(previous, label, "cw-pager__prev", "prev"))
    if index + 1 < len(pages):
        parts.append(link(pages[index + 1], "הבא", "cw-pager__next", "next"))
    elif index > 0:
        parts.append(link(pages[0], "סיום: חזרה לפתיחה", "cw-pager__next"))
    return '<nav class="cw-pager" aria-label="ניווט בין דפי הלומדה">\n' + "\n".join(parts) + "\n</nav>"


# --- links -------------------------------------------------------------------------------------

_ANCHOR = re.compile(r"<a\b([^>]*)>(.*?)</a>", re.S | re.I)
_HREF = re.compile(r"""\bhref\s*=\s*(["'])(.*?)\1""", re.S | re.I)


@dataclass(frozen=True)
class _Links:
    targets: dict[str, str]  # site paths (without '.md' or '/index') -> the package's pages
    site: str | None  # the published site's address, or None


def package_links(html: str, from_site_path: str, targets: dict[str, str], site: str | None = None) -> str:
    """Turn the links of a page rendered for the site into the package's: a link to a page the
    package holds points to its file; a link within the page or to an e-mail address stays; any
    other link keeps its words, without an address (the package names no address outside it).
    Given ``site``, the published site's address, a link to another page of the site, or to
    another origin, opens it in a new window instead.

    Links ending in ``.md`` are resolved from the page's Markdown file, as MkDocs does; other
    links from the page's directory URL, as the browser does on the site."""

    def replace(match: re.Match) -> str:
        attrs, inner = match.group(1), match.group(2)
        href_match = _HREF.search(attrs)
        if not href_match:
            return match.group(0)
        href = _html.unescape(href_match.group(2)).strip()
        target, outside = _package_href(href, from_site_path, targets, site)
        if target is None:
            return f'<span class="cw-offsite">{inner}</span>'
        if target == href and not outside:
            return match.group(0)
        new_attrs = attrs[: href_match.start()] + f'href="{esc(target)}"' + attrs[href_match.end() :]
        if outside:
            new_attrs = re.sub(r"""\s(?:target|rel)\s*=\s*(["']).*?\1""", "", new_attrs) + ' target="_blank" rel="noopener"'
        return f"<a{new_attrs}>{inner}</a>"

    return _ANCHOR.sub(replace, html)


def _package_href(href: str, from_site_path: str, targets: dict[str, str], site: str | None) -> tuple[str | None, bool]:
    """(the link's address in the package, whether it leaves the package); None: no address."""
    if href.startswith("#"):
        return href, False
    parts = urlsplit(href)
    if parts.scheme.lower() == "mailto":
        return href, False
    if parts.scheme or parts.netloc or href.startswith("//"):
        return (href, True) if site and parts.scheme.lower() in ("http", "https") else (None, False)
    path = unquote(parts.path)
    if not path:
        return href, False
    if path.endswith(".md"):
        base = posixpath.dirname(from_site_path)
    else:
        base = site_url(from_site_path).rstrip("/")
    resolved = posixpath.normpath(posixpath.join(base, path))
    if resolved.startswith(".."):
        return None, False
    fragment = f"#{parts.fragment}" if parts.fragment else ""
    name = targets.get(resolved.removesuffix(".md").removesuffix("/index"))
    if name is not None:
        return name + fragment, False
    if not site:
        return None, False
    on_site = site_url(resolved) if resolved.endswith(".md") else resolved + ("/" if path.endswith("/") else "")
    return site.rstrip("/") + "/" + (on_site if on_site != "./" else "") + fragment, True


# --- styles, fonts, scripts --------------------------------------------------------------------


def _theme_dir(project: Project, theme: Path | None) -> Path:
    """The site's theme assets: the given folder, else the project's, else this checkout's."""
    if theme is not None:
        candidates = [Path(theme)]
    else:
        candidates = [Path(project.root) / "overrides" / "assets", Path(__file__).resolve().parents[3] / "overrides" / "assets"]
    for folder in candidates:
        needed = ("javascripts/courseware-core.js", "javascripts/courseware-quiz.js", "stylesheets/site.css", "images/favicon.svg")
        if all((folder / name).is_file() for name in needed):
            return folder
    raise ContentError(
        Problem(
            "overrides/assets",
            0,
            "the site's theme files are missing (javascripts/courseware-core.js, javascripts/courseware-quiz.js, stylesheets/site.css, "
            "images/favicon.svg, "
            "fonts/heebo-*.woff2): "
            "a SCORM package needs them",
        )
    )


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise ContentError(Problem(str(path), 0, f"cannot read a file the SCORM package needs: {error.strerror or error}")) from None


def _asset(name: str) -> bytes:
    return resources.files("courseware.export").joinpath("scorm_assets", name).read_bytes()


_FONT_FACE = re.compile(r"@font-face\s*\{[^}]*\}", re.S)
_CSS_URL = re.compile(r"""url\(\s*(["']?)([^"')]+)\1\s*\)""")


def _fonts(theme_dir: Path) -> tuple[str, dict[str, bytes]]:
    """The site's @font-face rules for Heebo (from fonts.css, so that the unicode ranges stay the
    site's) with their font files, and the font's licence."""
    fonts_dir = theme_dir / "fonts"
    fonts_css = theme_dir / "stylesheets" / "fonts.css"
    faces = []
    if fonts_css.is_file():
        faces = [face for face in _FONT_FACE.findall(_read(fonts_css).decode("utf-8")) if FONT_FAMILY in face]
    if not faces:  # no rules to reuse: one rule per file, for every character
        faces = [
            '@font-face {\n  font-family: "Heebo Variable";\n  font-style: normal;\n  font-display: swap;\n'
            f'  font-weight: 100 900;\n  src: url("../fonts/{path.name}") format("woff2-variations");\n}}'
            for path in sorted(fonts_dir.glob("heebo-*.woff2"))
        ]
    files: dict[str, bytes] = {}
    for face in faces:
        for _, url in _CSS_URL.findall(face):
            name = posixpath.basename(url)
            files[f"{FONTS}/{name}"] = _read(fonts_dir / name)
    if not files:
        raise ContentError(Problem("overrides/assets/fonts", 0, "the Heebo font files (heebo-*.woff2) are missing"))
    for licence in sorted(fonts_dir.glob(f"LICENSE-{FONT_FAMILY}*.txt")):
        files[f"{FONTS}/{licence.name}"] = _read(licence)
    if not any(name.rsplit("/", 1)[-1].startswith("LICENSE") for name in files):
        raise ContentError(Problem("overrides/assets/fonts", 0, "the Heebo font's licence (LICENSE-Heebo.txt) is missing"))
    css = "\n".join(_CSS_URL.sub(lambda m: f'url("../fonts/{posixpath.basename(m.group(2))}")', face) for face in faces)
    return css, files


_CLASS_ATTR = re.compile(r"""\bclass\s*=\s*(["'])(.*?)\1""", re.S)
_CLASS_WORD = re.compile(r"\b(?:cw|md)-[A-Za-z0-9_-]+")


def _used_classes(texts: list[str]) -> set[str]:
    """Class names in the pages, and the ones their scripts add (any cw-/md- word in them)."""
    used: set[str] = set()
    for text in texts:
        for _, value in _CLASS_ATTR.findall(text):
            used.update(value.split())
        used.update(_CLASS_WORD.findall(text))
    return used


_COMMENT = re.compile(r"/\*.*?\*/", re.S)
_NOT = re.compile(r":not\((?:[^()]|\([^()]*\))*\)")
_SELECTOR_CLASS = re.compile(r"\.(-?[_a-zA-Z][_a-zA-Z0-9-]*)")


def css_subset(css: str, used: set[str]) -> str:
    """The rules of a stylesheet that can apply to pages using the classes in ``used``: of each
    rule's selectors, those whose classes (outside ``:not()``) are all used; a rule with none
    left goes, and so does an at-rule block left empty. Other at-rules are kept whole."""
    return "\n".join(_subset_blocks(_COMMENT.sub("", css), used)).strip() + "\n"


def _subset_blocks(css: str, used: set[str]) -> list[str]:
    out = []
    for prelude, body in _blocks(css):
        if prelude.startswith("@"):
            if body is None:
                out.append(prelude + ";")
            elif prelude.lower().startswith(("@media", "@supports", "@layer")):
                inner = _subset_blocks(body, used)
                if inner:
                    out.append(prelude + " {\n" + "\n".join("  " + line for block in inner for line in block.split("\n")) + "\n}")
            else:
                out.append(f"{prelude} {{{body}}}")
            continue
        selectors = [s.strip() for s in prelude.split(",") if s.strip()]
        kept = [s for s in selectors if set(_SELECTOR_CLASS.findall(_NOT.sub("", s))) <= used]
        if kept and body is not None:
            out.append(",\n".join(kept) + " {" + body.rstrip() + "\n}")
    return out


def _blocks(css: str):
    """Top-level (prelude, body) pairs of a stylesheet; body None for a statement at-rule."""
    i, n = 0, len(css)
    start = 0
    while i < n:
        char = css[i]
        if char in "\"'":
            i = _string_end(css, i)
            continue
        if char == ";":
            prelude = css[start:i].strip()
            if prelude:
                yield prelude, None
            start = i + 1
        elif char == "{":
            prelude = css[start:i].strip()
            depth, j = 1, i + 1
            while j < n and depth:
                if css[j] in "\"'":
                    j = _string_end(css, j)
                    continue
                depth += {"{": 1, "}": -1}.get(css[j], 0)
                j += 1
            yield prelude, css[i + 1 : j - 1]
            i = start = j
            continue
        i += 1


def _string_end(css: str, i: int) -> int:
    quote, j = css[i], i + 1
    while j < len(css) and css[j] != quote:
        j += 2 if css[j] == "\\" else 1
    return j + 1
