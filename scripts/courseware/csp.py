"""A Content-Security-Policy for every built page: only the site's own origin, plus the hash of
each inline script the page itself carries (Material writes small inline scripts whose text
depends on the page's depth). No inline styles, no eval, no other origin, no plugins, no frames."""

from __future__ import annotations

import base64
import hashlib
import re

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)([^>]*)>(.*?)</script>", re.S)
HEAD = re.compile(r"<head[^>]*>", re.I)
DATA_TYPES = ("application/json", "application/ld+json")


def policy(html: str) -> str:
    hashes = []
    for match in INLINE_SCRIPT.finditer(html):
        if any(kind in match.group(1) for kind in DATA_TYPES):
            continue  # data blocks do not run
        digest = base64.b64encode(hashlib.sha256(match.group(2).encode("utf-8")).digest()).decode()
        hashes.append(f"'sha256-{digest}'")
    scripts = " ".join(["'self'", *sorted(set(hashes))])
    return (
        "default-src 'self'; "
        f"script-src {scripts}; "
        "style-src 'self'; "
        "img-src 'self' data:; "
        "font-src 'self'; "
        "connect-src 'self'; "
        "worker-src 'self'; "
        "object-src 'none'; "
        "frame-src 'none'; "
        "base-uri 'self'; "
        "form-action 'self'"
    )


def with_csp(html: str) -> str:
    """The page with its policy as the first element of <head>, before anything it governs."""
    head = HEAD.search(html)
    if not head:
        return html
    meta = f'\n    <meta http-equiv="Content-Security-Policy" content="{policy(html)}">'
    return html[: head.end()] + meta + html[head.end() :]
