"""The search index the browser downloads: one file per language, plain text, glossary forms.

MkDocs' search plugin writes ``search/search_index.json`` with every language mixed (under
mkdocs-static-i18n the English and Arabic pages sit under ``en/`` and ``ar/``) and with HTML in
every text. The site's search worker (``assets/javascripts/workers/courseware-search.js``) reads
instead ``search/<lang>.json``: only that language's sections, their text without markup, and,
for each glossary entry, the other forms of the term as keywords, which rank like a heading.
The worker builds its Hebrew-aware index from these files in the browser; the analysis lives in
one place, ``search-core.js``.

``search_index.json`` keeps the search configuration (Material's page highlighter reads it) and
no documents: the page script fetches it on every page, and it must stay small.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from pathlib import Path

from .model import GlossaryEntry

INDEX = Path("search") / "search_index.json"
_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class LanguageIndex:
    language: str
    path: Path
    documents: int
    size: int  # bytes on disk


def plain_text(fragment: str) -> str:
    """The words of an HTML fragment, one space between them."""
    return _SPACE.sub(" ", html.unescape(_TAG.sub(" ", fragment or ""))).strip()


def language_of(location: str, languages: list[str], default: str) -> str:
    first = location.split("/", 1)[0]
    return first if first in languages and first != default else default


def split_documents(docs: list[dict], languages: list[str], default: str, glossary: list[GlossaryEntry]) -> dict[str, list[dict]]:
    """Material's documents, as compact per-language documents: l(ocation), t(itle), x (text),
    k (keywords: a glossary term's other forms), b (the page's search boost, when not 1)."""
    forms = {entry.term: entry.forms for entry in glossary}
    out: dict[str, list[dict]] = {language: [] for language in languages}
    for doc in docs:
        location = doc.get("location", "")
        language = language_of(location, languages, default)
        title = plain_text(doc.get("title", ""))
        item = {"l": location, "t": title, "x": plain_text(doc.get("text", ""))}
        if isinstance(doc.get("boost"), (int, float)) and doc["boost"] != 1:
            item["b"] = doc["boost"]
        page = location.split("#", 1)[0]
        if "#" in location and page.rstrip("/").endswith("glossary") and forms.get(title):
            item["k"] = list(forms[title])
        out.setdefault(language, []).append(item)
    return out


def write_language_indexes(site_dir: Path, languages: list[str], default: str, glossary: list[GlossaryEntry]) -> list[LanguageIndex]:
    """Write ``search/<lang>.json`` for each language from the search plugin's index, and leave in
    ``search_index.json`` its configuration only. Returns what was written; nothing when the
    site has no search index (the search plugin is off)."""
    source = Path(site_dir) / INDEX
    if not source.is_file():
        return []
    data = json.loads(source.read_text(encoding="utf-8"))
    written = []
    for language, docs in split_documents(data.get("docs", []), languages, default, glossary).items():
        path = source.parent / f"{language}.json"
        text = json.dumps({"docs": docs}, ensure_ascii=False, separators=(",", ":"))
        path.write_text(text, encoding="utf-8")
        written.append(LanguageIndex(language, path, len(docs), len(text.encode("utf-8"))))
    stub = {"config": data.get("config", {}), "docs": []}
    source.write_text(json.dumps(stub, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return written


_CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)


WORKER = "courseware-search.js"


def with_search_worker(page_html: str, language: str) -> str:
    """The page with Material's search worker replaced by ours, told the page's language, in its
    ``__config`` block (the URL keeps Material's path relative to the page)."""

    def swap(match: re.Match) -> str:
        try:
            config = json.loads(match.group(2))
        except ValueError:
            return match.group(0)
        if not isinstance(config.get("search"), str):
            return match.group(0)
        folder = config["search"].rsplit("/", 1)[0] + "/" if "/" in config["search"] else ""
        config["search"] = f"{folder}{WORKER}?lang={language}"
        text = json.dumps(config, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
        return match.group(1) + text + match.group(3)

    return _CONFIG.sub(swap, page_html, count=1)
