"""Marking English passages inside Hebrew (or Arabic) pages.

Runs of Latin-script words in the text of a right-to-left page are wrapped in
``<span lang="en" dir="ltr">``. Screen readers then switch voice (WCAG 3.1.2, language of parts),
and the browser isolates the run for the bidirectional algorithm, so that "(self-efficacy)" or
"(Time-bounded)" keep their parentheses and hyphen in place when a line breaks inside them.

Text inside code, preformatted text, scripts, styles, SVG, form controls, and elements that
already say their language or direction is left alone, as are tags, attributes and entities.
"""

from __future__ import annotations

import re

SKIP = {"code", "pre", "kbd", "samp", "script", "style", "svg", "math", "textarea", "option", "select", "title"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
TAG = re.compile(r"(<!--.*?-->|<[^>]+>)", re.S)
TAG_NAME = re.compile(r"^</?\s*([a-zA-Z][a-zA-Z0-9-]*)")
HAS_LANG = re.compile(r"\s(?:lang|dir)\s*=", re.I)
ENTITY = re.compile(r"(&#?\w+;)")
WORD = r"[A-Za-z](?:[A-Za-z0-9'’\-]*[A-Za-z0-9])?"
LATIN_RUN = re.compile(rf"{WORD}(?:(?:\s?[&/]\s?|\s|\.\s?)(?={WORD}){WORD})*")


def _mark_text(text: str) -> str:
    parts = ENTITY.split(text)
    for i in range(0, len(parts), 2):  # even parts are text, odd ones entities
        parts[i] = LATIN_RUN.sub(lambda m: f'<span lang="en" dir="ltr">{m.group(0)}</span>', parts[i])
    return "".join(parts)


def mark_english(html: str) -> str:
    out = []
    stack: list[bool] = []  # per open element: is its content left alone?
    for piece in TAG.split(html):
        if not piece:
            continue
        if piece.startswith("<"):
            out.append(piece)
            if piece.startswith("<!--"):
                continue
            match = TAG_NAME.match(piece)
            if not match:
                continue
            name = match.group(1).lower()
            if piece.startswith("</"):
                if stack:
                    stack.pop()
            elif name not in VOID and not piece.rstrip().endswith("/>"):
                inherited = bool(stack) and stack[-1]
                stack.append(inherited or name in SKIP or bool(HAS_LANG.search(piece)))
            continue
        if stack and stack[-1]:
            out.append(piece)
        else:
            out.append(_mark_text(piece))
    return "".join(out)
