"""Glossary terms marked in the reading.

In a lesson or a reader chapter, the first occurrence of each glossary term (or of one of its
listed other forms, with the Hebrew prefixes ו ה ב כ ל מ ש in front) becomes a link to its entry
on the glossary page, with the definition as the link's title, which the theme shows as a tooltip
on hover and on keyboard focus. Headings, links, code, form labels, box titles and the page's
sources section are left alone.
"""

from __future__ import annotations

import html as htmllib
import re

from .html_text import map_text
from .model import GlossaryEntry

HEBREW = "\u05D0-\u05EA"
PREFIXES = "ובכלמשה"
SKIP = {"a", "h1", "h2", "h3", "h4", "h5", "h6", "code", "pre", "kbd", "script", "style", "abbr", "label",
        "legend", "button", "summary", "select", "option", "textarea", "svg"}
SKIP_CLASS = re.compile(r'class="[^"]*\badmonition-title\b')
SOURCES_HEADING = re.compile(r'<h2 id="מקורות"')


def _form_pattern(form: str) -> str:
    words = form.split()
    later = [rf"\s+ה?{re.escape(w)}" for w in words[1:]]  # "המסוגלות התעסוקתית" for "מסוגלות תעסוקתית"
    return re.escape(words[0]) + "".join(later)


def term_patterns(entries: list[GlossaryEntry]) -> list[tuple[GlossaryEntry, re.Pattern]]:
    patterns = []
    for entry in entries:
        forms = {f.strip() for f in [entry.term, *entry.forms] if f.strip()}
        # a term written with a slash (מקדם/ת) is found through its listed forms
        forms = sorted((f for f in forms if "/" not in f), key=len, reverse=True)
        if not forms:
            continue
        alternatives = "|".join(_form_pattern(f) for f in forms)
        patterns.append(
            (len(forms[0]), entry, re.compile(rf"(?<![{HEBREW}\w])(?:[{PREFIXES}]{{0,3}})(?:{alternatives})(?![{HEBREW}\w])"))
        )
    # longer terms first, so that "מסוגלות תעסוקתית" is found before a shorter term inside it
    return [(entry, pattern) for _, entry, pattern in sorted(patterns, key=lambda p: -p[0])]


def mark_terms(html: str, patterns: list[tuple[GlossaryEntry, re.Pattern]], glossary_url: str) -> str:
    """Link the first occurrence of each term in the page (before its sources section)."""
    split = SOURCES_HEADING.search(html)
    body, tail = (html[: split.start()], html[split.start() :]) if split else (html, "")
    remaining = list(patterns)

    def change(text: str) -> str:
        for item in list(remaining):
            entry, pattern = item
            match = pattern.search(text)
            if not match:
                continue
            remaining.remove(item)
            title = htmllib.escape(entry.definition, quote=True)
            link = f'<a class="cw-term" href="{glossary_url}#{entry.id}" title="{title}">{match.group(0)}</a>'
            # the rest of this text may hold other terms, but not inside the new link
            return change(text[: match.start()]) + link + change(text[match.end() :])
        return text

    return map_text(body, change, SKIP, SKIP_CLASS) + tail
