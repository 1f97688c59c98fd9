"""What a Markdown body holds for links: its headings (with the anchors the site will give
them), the ids set with ``{#id}`` or ``id="..."``, and the links it makes, each with its line.

Anchors use the same slug function as the site (``pymdownx.slugs.slugify(case="lower")``) and
Python-Markdown's rule for repeated headings (``_1``, ``_2`` ...), so a link checked here
resolves on the built site.
"""

from __future__ import annotations

import re

from pymdownx.slugs import slugify

from .model import Heading, Link, MarkdownDoc

_slug = slugify(case="lower")

FENCE = re.compile(r"^\s*(```+|~~~+)")
ATX = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$")
ATTR_ID = re.compile(r"\{[^}]*#([\w\-\u0590-\u05FF\u0600-\u06FF]+)[^}]*\}\s*$")
HTML_ID = re.compile(r"""\bid=["']([^"']+)["']""")
INLINE_LINK = re.compile(r"(!?)\[(?:[^\[\]]|\[[^\]]*\])*\]\(\s*<?([^)\s>]+)>?(?:\s+[\"'][^\"']*[\"'])?\s*\)")
REF_DEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+.*)?$")
HTML_HREF = re.compile(r"""<a\b[^>]*\bhref=["']([^"']+)["']""")
INLINE_CODE = re.compile(r"`+[^`]*`+")
MD_MARKUP = re.compile(r"[*_~`]|!?\[([^\]]*)\]\([^)]*\)")
TAG = re.compile(r"<[^>]+>")


def heading_text(raw: str) -> str:
    """The plain text of a heading, as the table of contents sees it."""
    text = ATTR_ID.sub("", raw).strip()
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = TAG.sub("", text)
    return re.sub(r"[*_~`]", "", text).strip()


def slug(text: str) -> str:
    return _slug(text, "-")


def unique_anchor(anchor: str, used: set[str]) -> str:
    """Python-Markdown's toc rule: a repeated id gets ``_1``, ``_2``..."""
    if anchor and anchor not in used:
        return anchor
    n = 1
    while f"{anchor}_{n}" in used:
        n += 1
    return f"{anchor}_{n}"


def index_markdown(body: str, body_line: int = 1) -> MarkdownDoc:
    doc = MarkdownDoc(body=body, body_line=body_line)
    used: set[str] = set()
    fence: str | None = None
    for offset, line in enumerate(body.split("\n")):
        lineno = body_line + offset
        fence_match = FENCE.match(line)
        if fence:
            if fence_match and fence_match.group(1)[0] == fence[0] and len(fence_match.group(1)) >= len(fence):
                fence = None
            continue
        if fence_match:
            fence = fence_match.group(1)
            continue
        for match in HTML_ID.finditer(line):
            doc.ids.add(match.group(1))
            used.add(match.group(1))
        heading = ATX.match(line)
        if heading:
            explicit = ATTR_ID.search(heading.group(2))
            text = heading_text(heading.group(2))
            anchor = explicit.group(1) if explicit else unique_anchor(slug(text), used)
            used.add(anchor)
            doc.ids.add(anchor)
            doc.headings.append(Heading(len(heading.group(1)), text, anchor, lineno))
            continue
        code_free = INLINE_CODE.sub("", line)
        for match in INLINE_LINK.finditer(code_free):
            doc.links.append(Link(match.group(2), lineno))
        for match in HTML_HREF.finditer(code_free):
            doc.links.append(Link(match.group(1), lineno))
        ref = REF_DEF.match(code_free)
        if ref:
            doc.links.append(Link(ref.group(1), lineno))
    return doc


def is_external(target: str) -> bool:
    return bool(re.match(r"^[a-zA-Z][a-zA-Z0-9+.\-]*:", target)) or target.startswith("//")
