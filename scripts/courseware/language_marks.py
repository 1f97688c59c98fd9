"""Marking English passages inside Hebrew (or Arabic) pages.

Runs of Latin-script words in the text of a right-to-left page are wrapped in
``<span lang="en" dir="ltr">``. Screen readers then switch voice (WCAG 3.1.2, language of parts),
and the browser isolates the run for the bidirectional algorithm.

Text inside code, preformatted text, scripts, styles, SVG, form controls, and elements that
already say their language or direction is left alone, as are tags, attributes and entities.
"""

from __future__ import annotations

import re

from .html_text import map_text

SKIP = {"code", "pre", "kbd", "samp", "script", "style", "svg", "math", "textarea", "option", "select", "title"}
HAS_LANG = re.compile(r"\s(?:lang|dir)\s*=", re.I)
WORD = r"[A-Za-z](?:[A-Za-z0-9'’\-]*[A-Za-z0-9])?"
LATIN_RUN = re.compile(rf"{WORD}(?:(?:\s?[&/]\s?|\s|\.\s?)(?={WORD}){WORD})*")


def mark_english(html: str) -> str:
    return map_text(
        html,
        lambda text: LATIN_RUN.sub(lambda m: f'<span lang="en" dir="ltr">{m.group(0)}</span>', text),
        SKIP,
        HAS_LANG,
    )
