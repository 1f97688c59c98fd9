"""Walking the text of an HTML fragment: apply a function to the text between tags, outside
the elements that must be left alone. Tags, attributes, comments and entities are never touched."""

from __future__ import annotations

import re
from typing import Callable

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
TAG = re.compile(r"(<!--.*?-->|<[^>]+>)", re.S)
TAG_NAME = re.compile(r"^</?\s*([a-zA-Z][a-zA-Z0-9-]*)")
ENTITY = re.compile(r"(&#?\w+;)")


def map_text(html: str, change: Callable[[str], str], skip: set[str], skip_attribute: re.Pattern | None = None) -> str:
    """``change`` is applied to each run of text (entities excluded) that is not inside an element
    named in ``skip`` or whose start tag matches ``skip_attribute``."""
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
                marked = bool(skip_attribute and skip_attribute.search(piece))
                stack.append(inherited or name in skip or marked)
            continue
        if stack and stack[-1]:
            out.append(piece)
            continue
        parts = ENTITY.split(piece)
        for i in range(0, len(parts), 2):  # even parts are text, odd ones entities
            parts[i] = change(parts[i])
        out.append("".join(parts))
    return "".join(out)
