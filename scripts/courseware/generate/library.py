"""Reference pages: the module catalogue, the glossary, the indexes of procedures, standards and
reader chapters, and the sources page; plus the header and sources section that every
hand-written content page gets."""

from __future__ import annotations

import datetime as dt

from ..markdown_index import ATX
from ..model import AUDIENCES, LEVELS, Page, Project
from .common import (
    AUDIENCE_LABELS,
    LEVEL_LABELS,
    READER_PDF_LINK,
    SOURCE_KINDS,
    GeneratedPage,
    duration,
    front_matter,
    hebrew_date,
    md_text,
    relative_md,
    source_entry,
    sources_section,
)
from .ordering import prerequisite_order

INDEX_TITLES = {
    "procedure": ("procedures/index.md", "נהלים", "נהלי עבודה לצוותי ליווי ולמנהלים. כל נוהל הוא רשימת פעולות שאפשר להדפיס."),
    "standard": ("standards/index.md", "תקנים ואמות מידה", "אמות המידה שלפיהן נבחנת העבודה המקצועית."),
}
TYPE_LABELS = {"procedure": "נוהל", "standard": "תקן"}


def catalog_page(project: Project) -> GeneratedPage:
    here = "modules/index.md"
    title = "קטלוג הלומדות"
    lines = [f"# {title}", "", "כל הלומדות באתר, לפי קהל ורמה.", ""]
    for audience in AUDIENCES:
        lines += [f"## {AUDIENCE_LABELS[audience]}", ""]
        for level in LEVELS:
            modules = prerequisite_order([m for m in project.modules if m.audience == audience and m.level == level])
            lines += [f"### רמה {LEVEL_LABELS[level]}", ""]
            if not modules:
                lines += ["אין עדיין לומדות ברמה הזאת.", ""]
                continue
            for module in modules:
                lines.append(
                    f"- [{module.title}]({relative_md(here, module.site_path)}) ({duration(module.minutes)}): {md_text(module.summary)}"
                )
            lines.append("")
    meta = front_matter(title, cw_kind="catalog")
    return GeneratedPage(here, title, "catalog", meta + "\n".join(lines))


def glossary_page(project: Project) -> GeneratedPage:
    here = "glossary.md"
    title = "מילון מונחים"
    lines = [f"# {title}", "", "המונחים שהאתר משתמש בהם, בהגדרה קצרה ובמילים שלנו.", ""]
    for entry in sorted(project.glossary, key=lambda e: e.term):
        lines += [f"## {entry.term} {{#{entry.id}}}", "", md_text(entry.definition), ""]
        if entry.forms:
            lines += [f"צורות נוספות: {', '.join(entry.forms)}.", ""]
        sources = [project.source(s) for s in entry.sources]
        names = [f"[{s.title}]({relative_md(here, 'sources.md')}#{s.id})" for s in sources if s]
        if names:
            lines += [f"מקור: {'; '.join(names)}.", ""]
    meta = front_matter(title, cw_kind="glossary")
    return GeneratedPage(here, title, "glossary", meta + "\n".join(lines))


def sources_page(project: Project) -> GeneratedPage:
    here = "sources.md"
    title = "מקורות"
    lines = [
        f"# {title}",
        "",
        "התוכן באתר נכתב מחדש על סמך המסמכים האלה. כל דף מציין בסופו על אילו מהם הוא נשען.",
        "",
    ]
    for source in sorted(project.sources, key=lambda s: s.title):
        lines += [f"## {source.title} {{#{source.id}}}", "", source_entry(source), ""]
        facts = []
        if source.authors:
            facts.append(f"- **כתיבה:** {', '.join(source.authors)}")
        facts.append(f"- **הוצאה:** {md_text(source.publisher)}")
        facts.append(f"- **שנה:** {source.year or 'לא צוינה במסמך'}")
        facts.append(f"- **סוג:** {SOURCE_KINDS.get(source.kind, source.kind)}")
        if source.note:
            facts.append(f"- **הערה:** {md_text(source.note)}")
        lines += facts + [""]
        users = _pages_citing(project, source.id, here)
        if users:
            lines += ["**נשען עליו באתר:** " + ", ".join(users), ""]
    meta = front_matter(title, cw_kind="sources")
    return GeneratedPage(here, title, "sources", meta + "\n".join(lines))


def _pages_citing(project: Project, source_id: str, here: str) -> list[str]:
    links = []
    for module in project.modules:
        if source_id in module.sources:
            links.append(f"[{module.title}]({relative_md(here, module.site_path)})")
    for page in project.default_pages:
        if source_id in page.sources:
            links.append(f"[{page.title}]({relative_md(here, page.site_path)})")
    return links


def index_page(project: Project, page_type: str) -> GeneratedPage:
    here, title, intro = INDEX_TITLES[page_type]
    pages = project.listed(page_type)
    lines = [f"# {title}", "", intro, ""]
    if not pages:
        lines += ["אין עדיין דפים כאלה.", ""]
    else:
        lines += ["| שם | אחראי/ת | גרסה | לעדכון עד |", "| --- | --- | --- | --- |"]
        for page in pages:
            lines.append(
                f"| [{page.title}]({relative_md(here, page.site_path)}) | {page.owner} | {page.version} | {hebrew_date(page.review_by)} |"
            )
        lines.append("")
        for page in pages:
            if page.summary:
                lines.append(f"- **{page.title}:** {md_text(page.summary)}")
        lines.append("")
    meta = front_matter(title, cw_kind="index")
    return GeneratedPage(here, title, "index", meta + "\n".join(lines))


def reader_index(project: Project) -> GeneratedPage:
    here = "reader/index.md"
    title = "המקראה"
    chapters = project.listed("reader")
    lines = [
        f"# {title}",
        "",
        'המקראה לבוגרות ולבוגרים של הקורס "הפרקטיקה המקצועית של ידע מניסיון": '
        "גוף הידע של התחום, פרק אחר פרק. אפשר לקרוא לפי הסדר או לקפוץ לפרק שמעניין אתכם.",
        "",
    ]
    if not chapters:
        lines += ["הפרקים עדיין בכתיבה.", ""]
    for page in chapters:
        lines.append(f"{page.chapter}. [{page.title}]({relative_md(here, page.site_path)}): {md_text(page.summary)}")
    lines.append("")
    if chapters:
        lines += [READER_PDF_LINK, ""]
    meta = front_matter(title, cw_kind="index")
    return GeneratedPage(here, title, "index", meta + "\n".join(lines))


def decorate_page(page: Page, project: Project, markdown: str) -> str:
    """A hand-written page as published: procedures and standards get their details under the
    title, and every content page ends with its sources."""
    out = markdown.rstrip("\n") + "\n"
    if page.type in TYPE_LABELS:
        out = _insert_after_h1(out, _managed_details(page))
    if page.type == "reader":
        out += "\n" + READER_PDF_LINK + "\n"
    sources = sources_section(page.sources, project, page.site_path)
    if sources:
        out += "\n" + sources
    return out


def _managed_details(page: Page) -> str:
    overdue = page.review_by is not None and page.review_by < dt.date.today()
    review = hebrew_date(page.review_by) + (" (מועד העדכון עבר)" if overdue else "")
    return "\n".join(
        [
            '<div class="cw-doc-meta" markdown="1">',
            "",
            f"- **סוג:** {TYPE_LABELS[page.type]}",
            f"- **אחראי/ת:** {page.owner}",
            f"- **גרסה:** {page.version}",
            f"- **אושר:** {hebrew_date(page.approved)}",
            f"- **לעדכון עד:** {review}",
            "",
            "</div>",
            "",
        ]
    )


def _insert_after_h1(markdown: str, block: str) -> str:
    lines = markdown.split("\n")
    for i, line in enumerate(lines):
        match = ATX.match(line)
        if match and len(match.group(1)) == 1:
            return "\n".join(lines[: i + 1] + ["", block] + lines[i + 1 :])
    return block + "\n" + markdown

