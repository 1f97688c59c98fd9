"""The content model: plain typed objects, each remembering the file and line it came from.

Loading never fails on bad content: fields that are missing or of the wrong type get an empty
value here, and :mod:`courseware.validate` reports them against the raw YAML kept in ``raw``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

AUDIENCES = ("mentor", "manager", "peer")
LEVELS = ("basic", "advanced")
PAGE_TYPES = ("procedure", "standard", "reader", "page")
QUESTION_TYPES = ("single", "multiple", "true_false")
LANGUAGES = ("he", "en", "ar")
DEFAULT_LANGUAGE = "he"
TRUE_FALSE_TEXTS = ("נכון", "לא נכון")


@dataclass(frozen=True)
class Loc:
    path: str  # relative to the project root
    line: int = 0

    def __str__(self) -> str:
        return f"{self.path}:{self.line}" if self.line else self.path


@dataclass
class Heading:
    level: int
    text: str
    anchor: str
    line: int


@dataclass
class Link:
    target: str
    line: int


@dataclass
class MarkdownDoc:
    """What validation and generation need to know about a Markdown body."""

    body: str
    body_line: int  # the file line on which ``body`` starts
    headings: list[Heading] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)  # every anchor on the page

    @property
    def h1(self) -> Heading | None:
        return next((h for h in self.headings if h.level == 1), None)


@dataclass
class Source:
    id: str
    title: str
    authors: list[str]
    publisher: str
    year: int | None
    kind: str
    url: str
    note: str
    loc: Loc


@dataclass
class GlossaryEntry:
    id: str
    term: str
    definition: str
    forms: list[str]
    sources: list[str]
    loc: Loc


@dataclass
class Page:
    """A hand-written page in ``docs/`` (procedure, standard, reader chapter or ordinary page)."""

    path: str  # e.g. docs/procedures/intake-meeting.md
    site_path: str  # e.g. procedures/intake-meeting.md (language suffix removed)
    lang: str
    meta: dict[str, Any]
    doc: MarkdownDoc
    loc: Loc
    text: str  # the whole file, for translation hashes

    def _str(self, key: str) -> str:
        value = self.meta.get(key)
        return str(value) if isinstance(value, (str, int, float)) and not isinstance(value, bool) else ""

    def _list(self, key: str) -> list[str]:
        value = self.meta.get(key)
        if isinstance(value, str):
            return [value]
        return [str(v) for v in value] if isinstance(value, list) else []

    @property
    def id(self) -> str:
        return self._str("id")

    @property
    def title(self) -> str:
        return self._str("title") or (self.doc.h1.text if self.doc.h1 else Path(self.site_path).stem)

    @property
    def type(self) -> str:
        return self._str("type") or "page"

    @property
    def audience(self) -> list[str]:
        return self._list("audience")

    @property
    def sources(self) -> list[str]:
        return self._list("sources")

    @property
    def summary(self) -> str:
        return self._str("summary")

    @property
    def owner(self) -> str:
        return self._str("owner")

    @property
    def version(self) -> str:
        return self._str("version")

    @property
    def approved(self) -> dt.date | None:
        return _date(self.meta.get("approved"))

    @property
    def review_by(self) -> dt.date | None:
        return _date(self.meta.get("review_by"))

    @property
    def chapter(self) -> int:
        value = self.meta.get("chapter")
        return value if isinstance(value, int) and not isinstance(value, bool) else 0

    @property
    def related_modules(self) -> list[str]:
        return self._list("related_modules")

    @property
    def nav_order(self) -> int:
        value = self.meta.get("nav_order")
        return value if isinstance(value, int) and not isinstance(value, bool) else 100


@dataclass
class Objective:
    id: str
    text: str
    loc: Loc


@dataclass
class Lesson:
    module_id: str
    stem: str
    title: str
    minutes: int
    objectives: list[str]
    sources: list[str]
    doc: MarkdownDoc
    loc: Loc
    raw: Any = None

    @property
    def site_path(self) -> str:
        return f"modules/{self.module_id}/{self.stem}.md"

    @property
    def ref(self) -> str:
        return f"{self.module_id}/{self.stem}"


@dataclass
class Module:
    id: str
    title: str
    summary: str
    level: str
    audience: str
    minutes: int
    prerequisites: list[str]
    objectives: list[Objective]
    lesson_stems: list[str]
    sources: list[str]
    loc: Loc
    lessons: list[Lesson] = field(default_factory=list)
    raw: Any = None

    @property
    def site_path(self) -> str:
        return f"modules/{self.id}/index.md"

    @property
    def quiz_site_path(self) -> str:
        return f"modules/{self.id}/quiz.md"

    def objective(self, objective_id: str) -> Objective | None:
        return next((o for o in self.objectives if o.id == objective_id), None)


@dataclass
class Option:
    text: str
    correct: bool
    feedback: str
    loc: Loc


@dataclass
class Question:
    id: str
    type: str
    stem: str
    options: list[Option]
    explanation: str
    objective: str
    ref: str
    keep_order: bool
    loc: Loc

    @property
    def correct_indexes(self) -> list[int]:
        return [i for i, o in enumerate(self.options) if o.correct]


@dataclass
class Quiz:
    module_id: str
    pass_mark: int
    questions: list[Question]
    loc: Loc
    raw: Any = None


@dataclass
class Project:
    root: Path
    pages: list[Page] = field(default_factory=list)
    modules: list[Module] = field(default_factory=list)
    quizzes: list[Quiz] = field(default_factory=list)
    glossary: list[GlossaryEntry] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    # raw YAML kept for schema validation: (relative path, schema name, data)
    raw_documents: list[tuple[str, str, Any]] = field(default_factory=list)
    # site paths of pages and lessons whose file exists but could not be read (already reported):
    # links to them are not reported again as links to nowhere
    unreadable: set[str] = field(default_factory=set)
    # ids (folder names) of modules whose module.yml exists but could not be read
    unreadable_modules: set[str] = field(default_factory=set)

    def module(self, module_id: str) -> Module | None:
        return next((m for m in self.modules if m.id == module_id), None)

    def quiz_for(self, module_id: str) -> Quiz | None:
        return next((q for q in self.quizzes if q.module_id == module_id), None)

    def source(self, source_id: str) -> Source | None:
        return next((s for s in self.sources if s.id == source_id), None)

    def pages_of(self, page_type: str, lang: str = DEFAULT_LANGUAGE) -> list[Page]:
        return [p for p in self.pages if p.type == page_type and p.lang == lang]

    def listed(self, page_type: str) -> list[Page]:
        """Pages of a type in the order indexes and navigation list them: reader chapters by
        number, ordinary pages by nav_order, the rest by title."""
        key = {
            "reader": lambda p: (p.chapter, p.title),
            "page": lambda p: (p.nav_order, p.title),
        }.get(page_type, lambda p: p.title)
        return sorted(self.pages_of(page_type), key=key)

    @property
    def default_pages(self) -> list[Page]:
        return [p for p in self.pages if p.lang == DEFAULT_LANGUAGE]


def _date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None
