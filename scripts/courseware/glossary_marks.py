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


# a word, with the quote or gershayim inside an acronym (תב"ת, מנכ״ל) as part of it
_WORD = re.compile(rf"(?<![{HEBREW}\w])[{HEBREW}\w]+(?:[\"'\u05F3\u05F4][{HEBREW}\w]+)*")


class TermMatcher:
    """The glossary's forms indexed by their first word, so that a page's text is read once, word
    by word: at each word (with up to three prefix letters taken off) only the forms that begin
    with it are tried, longest first (so that "מסוגלות תעסוקתית" is found before a shorter term
    inside it)."""

    def __init__(self, entries: list[GlossaryEntry]):
        # first word -> [(length, pattern, entry, characters before the first word)]
        self.by_first_word: dict[str, list[tuple[int, re.Pattern, GlossaryEntry, int]]] = {}
        for entry in entries:
            # a term written with a slash (מקדם/ת) is found through its listed forms
            for form in {f.strip() for f in [entry.term, *entry.forms] if f.strip() and "/" not in f}:
                first = _WORD.search(form)
                if not first:
                    continue
                pattern = re.compile(rf"[{PREFIXES}]{{0,3}}{_form_pattern(form)}(?![{HEBREW}\w])")
                self.by_first_word.setdefault(first.group(0), []).append((len(form), pattern, entry, first.start()))

    def candidates(self, word: str) -> list[tuple[int, re.Pattern, GlossaryEntry, int]]:
        """The forms that may start at this word, longest first: those whose first word is the
        word itself or the word without one to three leading prefix letters."""
        found = []
        for cut in range(0, min(3, len(word) - 1) + 1):
            if cut and word[cut - 1] not in PREFIXES:
                break
            found.extend(self.by_first_word.get(word[cut:], ()))
        return sorted(found, key=lambda item: -item[0])


def term_patterns(entries: list[GlossaryEntry]) -> TermMatcher:
    return TermMatcher(entries)


def mark_terms(html: str, matcher: TermMatcher, glossary_url: str) -> str:
    """Link the first occurrence of each term in the page (before its sources section)."""
    split = SOURCES_HEADING.search(html)
    body, tail = (html[: split.start()], html[split.start() :]) if split else (html, "")
    marked: set[str] = set()

    def change(text: str) -> str:
        out, position = [], 0
        for word in _WORD.finditer(text):
            if word.start() < position:
                continue  # inside a term just marked
            for _, pattern, entry, lead in matcher.candidates(word.group(0)):
                start = word.start() - lead  # a form may open with a quote: '"אנחנו" מול "הם"'
                match = pattern.match(text, start) if start >= position else None
                if not match:
                    continue
                if entry.id not in marked:  # only the first occurrence of a term becomes a link
                    marked.add(entry.id)
                    title = htmllib.escape(entry.definition, quote=True)
                    out.append(text[position : match.start()])
                    out.append(f'<a class="cw-term" href="{glossary_url}#{entry.id}" title="{title}">{match.group(0)}</a>')
                    position = match.end()
                break  # the longest form found here decides, marked now or already
        if not out:
            return text
        out.append(text[position:])
        return "".join(out)

    return map_text(body, change, SKIP, SKIP_CLASS) + tail
