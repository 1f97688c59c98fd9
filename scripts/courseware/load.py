"""Load step: every content file of a project into a :class:`~courseware.model.Project`.

The layout::

    docs/**/*.md               pages with YAML front matter (``name.en.md`` is the English one)
    modules/<id>/module.yml    a module, and its lessons modules/<id>/<lesson>.md
    quizzes/<module-id>.yml    the module's question bank
    data/glossary.yml          the glossary
    data/sources.yml           the sources registry

Loading never raises for bad content. What cannot be read (not UTF-8, a YAML syntax error, a
lesson file that is missing) becomes a :class:`~courseware.problems.Problem`; the raw YAML of
everything that could be read is kept for :mod:`courseware.validate`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .markdown_index import index_markdown, slug
from .model import (
    DEFAULT_LANGUAGE,
    LANGUAGES,
    GlossaryEntry,
    Lesson,
    Loc,
    MarkdownDoc,
    Module,
    Objective,
    Option,
    Page,
    Project,
    Question,
    Quiz,
    Source,
)
from .problems import ContentError, Problem
from .sourcefile import LineDict, LineList, line_of, load_yaml, read_text, rel, split_front_matter

DOCS, MODULES, QUIZZES, DATA = "docs", "modules", "quizzes", "data"
GLOSSARY_FILE = f"{DATA}/glossary.yml"
SOURCES_FILE = f"{DATA}/sources.yml"


def load_project(root: Path) -> tuple[Project, list[Problem]]:
    root = Path(root)
    project = Project(root=root)
    problems: list[Problem] = []
    _load_pages(project, problems)
    _load_modules(project, problems)
    _load_quizzes(project, problems)
    _load_glossary(project, problems)
    _load_sources(project, problems)
    return project, problems


# --- small typed accessors: a wrong type becomes an empty value (validate reports it) ---------


def _str(data: Any, key: str) -> str:
    value = data.get(key) if isinstance(data, dict) else None
    if isinstance(value, bool) or value is None or isinstance(value, (dict, list)):
        return ""
    return str(value).strip()


def _int(data: Any, key: str, default: int = 0) -> int:
    value = data.get(key) if isinstance(data, dict) else None
    return value if isinstance(value, int) and not isinstance(value, bool) else default


def _strs(data: Any, key: str) -> list[str]:
    value = data.get(key) if isinstance(data, dict) else None
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [str(v) for v in value if isinstance(v, (str, int)) and not isinstance(v, bool)]
    return []


def _items(data: Any, key: str) -> list[Any]:
    value = data.get(key) if isinstance(data, dict) else None
    return list(value) if isinstance(value, list) else []


def _read_yaml(path: Path, project: Project, problems: list[Problem]) -> Any:
    label = rel(path, project.root)
    try:
        data, found = load_yaml(read_text(path, project.root), label)
    except ContentError as exc:
        problems.append(exc.problem)
        return None
    problems.extend(found)
    if data is None:
        problems.append(Problem(label, 1, "the file is empty"))
    return data


def _read_markdown(path: Path, project: Project, problems: list[Problem]) -> tuple[Any, MarkdownDoc, str] | None:
    """(front matter, indexed body, whole text); None when the file cannot be read at all."""
    label = rel(path, project.root)
    try:
        text = read_text(path, project.root)
    except ContentError as exc:
        problems.append(exc.problem)
        return None
    front, body, body_line = split_front_matter(text)
    meta: Any = LineDict()
    if front is None:
        if text.lstrip().startswith("---"):
            problems.append(Problem(label, 1, "the front matter opened with '---' is never closed with a second '---' line"))
        else:
            problems.append(Problem(label, 1, "the page has no front matter (a YAML block between two '---' lines at the top)"))
    else:
        try:
            meta, found = load_yaml(front, label, first_line=2)
            problems.extend(found)
        except ContentError as exc:
            problems.append(exc.problem)
            meta = LineDict()
        if meta is None:
            meta = LineDict()
            meta.line = 1
            problems.append(Problem(label, 1, "the front matter is empty"))
        elif not isinstance(meta, dict):
            problems.append(Problem(label, 2, "the front matter must be a set of 'key: value' lines"))
            meta = LineDict()
    return meta, index_markdown(body, body_line), text


# --- pages ---------------------------------------------------------------------------------


def page_language(path: Path) -> tuple[str, str]:
    """('en', 'about') for about.en.md; (DEFAULT_LANGUAGE, 'about') for about.md."""
    parts = path.name.split(".")
    if len(parts) >= 3 and parts[-2] in LANGUAGES:
        return parts[-2], ".".join(parts[:-2])
    return DEFAULT_LANGUAGE, ".".join(parts[:-1])


def _load_pages(project: Project, problems: list[Problem]) -> None:
    docs = project.root / DOCS
    if not docs.is_dir():
        problems.append(Problem(DOCS, 0, "the docs/ folder is missing"))
        return
    for path in sorted(docs.rglob("*.md")):
        lang, stem = page_language(path)
        site_path = (path.parent.relative_to(docs) / f"{stem}.md").as_posix()
        read = _read_markdown(path, project, problems)
        if read is None:
            project.unreadable.add(site_path)
            continue
        meta, doc, text = read
        label = rel(path, project.root)
        project.pages.append(
            Page(path=label, site_path=site_path, lang=lang, meta=meta, doc=doc, loc=Loc(label, 1), text=text)
        )
        project.raw_documents.append((label, "page", meta))


# --- modules and lessons -------------------------------------------------------------------


def _load_modules(project: Project, problems: list[Problem]) -> None:
    base = project.root / MODULES
    if not base.is_dir():
        return
    for folder in sorted(p for p in base.iterdir() if p.is_dir()):
        path = folder / "module.yml"
        label = rel(path, project.root)
        if not path.exists():
            loose = [p.name for p in folder.iterdir() if p.suffix == ".md"]
            if loose:
                problems.append(Problem(rel(folder, project.root), 0, "this module folder has lessons but no module.yml"))
            continue
        data = _read_yaml(path, project, problems)
        if not isinstance(data, dict):
            if data is not None:
                problems.append(Problem(label, line_of(data, default=1), "module.yml must be a set of 'key: value' lines"))
            # its pages still exist as far as other files' links and references are concerned
            project.unreadable_modules.add(folder.name)
            project.unreadable.update(f"modules/{folder.name}/{name}.md" for name in ("index", "quiz"))
            project.unreadable.update(f"modules/{folder.name}/{lesson.stem}.md" for lesson in folder.glob("*.md"))
            continue
        project.raw_documents.append((label, "module", data))
        module = Module(
            id=_str(data, "id") or folder.name,
            title=_str(data, "title"),
            summary=_str(data, "summary"),
            level=_str(data, "level"),
            audience=_str(data, "audience"),
            minutes=_int(data, "minutes"),
            prerequisites=_strs(data, "prerequisites"),
            objectives=[
                Objective(_str(o, "id"), _str(o, "text"), Loc(label, line_of(o)))
                for o in _items(data, "objectives")
                if isinstance(o, dict)
            ],
            lesson_stems=_strs(data, "lessons"),
            sources=_strs(data, "sources"),
            loc=Loc(label, line_of(data, "id", 1)),
            raw=data,
        )
        lessons_node = data.get("lessons")
        for index, stem in enumerate(module.lesson_stems):
            stem_name = stem.removesuffix(".md")
            lesson_path = folder / f"{stem_name}.md"
            where = line_of(lessons_node, index) if isinstance(lessons_node, LineList) else line_of(data, "lessons")
            if not lesson_path.exists():
                problems.append(Problem(label, where, f"the lesson file {rel(lesson_path, project.root)} does not exist"))
                continue
            lesson = _load_lesson(module.id, stem_name, lesson_path, project, problems)
            if lesson:
                module.lessons.append(lesson)
            else:
                project.unreadable.add(f"modules/{module.id}/{stem_name}.md")
        listed = {s.removesuffix(".md") for s in module.lesson_stems}
        for stray in sorted(folder.glob("*.md")):
            if stray.stem not in listed:
                problems.append(
                    Problem(rel(stray, project.root), 1, f"this lesson is not listed under 'lessons:' in {label}, so it is not published", "warning")
                )
        project.modules.append(module)


def _load_lesson(module_id: str, stem: str, path: Path, project: Project, problems: list[Problem]) -> Lesson | None:
    read = _read_markdown(path, project, problems)
    if read is None:
        return None
    meta, doc, _ = read
    label = rel(path, project.root)
    project.raw_documents.append((label, "lesson", meta))
    return Lesson(
        module_id=module_id,
        stem=stem,
        title=_str(meta, "title") or (doc.h1.text if doc.h1 else stem),
        minutes=_int(meta, "minutes"),
        objectives=_strs(meta, "objectives"),
        sources=_strs(meta, "sources"),
        doc=doc,
        loc=Loc(label, 1),
        raw=meta,
    )


# --- quizzes -------------------------------------------------------------------------------


def _load_quizzes(project: Project, problems: list[Problem]) -> None:
    base = project.root / QUIZZES
    if not base.is_dir():
        return
    for path in sorted(list(base.glob("*.yml")) + list(base.glob("*.yaml"))):
        label = rel(path, project.root)
        data = _read_yaml(path, project, problems)
        if data is None:
            continue
        if not isinstance(data, dict):
            problems.append(Problem(label, line_of(data, default=1), "a question bank must be a set of 'key: value' lines"))
            continue
        project.raw_documents.append((label, "quiz", data))
        questions = []
        for q in _items(data, "questions"):
            if not isinstance(q, dict):
                continue
            options = [
                Option(
                    text=_str(o, "text"),
                    correct=o.get("correct") is True,
                    feedback=_str(o, "feedback"),
                    loc=Loc(label, line_of(o)),
                )
                for o in _items(q, "options")
                if isinstance(o, dict)
            ]
            questions.append(
                Question(
                    id=_str(q, "id"),
                    type=_str(q, "type"),
                    stem=_str(q, "stem"),
                    options=options,
                    explanation=_str(q, "explanation"),
                    objective=_str(q, "objective"),
                    ref=_str(q, "ref"),
                    keep_order=q.get("keep_order") is True or _str(q, "type") == "true_false",
                    loc=Loc(label, line_of(q)),
                )
            )
        project.quizzes.append(
            Quiz(
                module_id=_str(data, "module") or path.stem,
                pass_mark=_int(data, "pass_mark", 80),
                questions=questions,
                loc=Loc(label, line_of(data, "module", 1)),
                raw=data,
            )
        )


# --- glossary and sources ------------------------------------------------------------------


def _load_glossary(project: Project, problems: list[Problem]) -> None:
    path = project.root / GLOSSARY_FILE
    if not path.exists():
        return
    data = _read_yaml(path, project, problems)
    if data is None:
        return
    project.raw_documents.append((GLOSSARY_FILE, "glossary", data))
    for entry in _items(data, "terms"):
        if not isinstance(entry, dict):
            continue
        term = _str(entry, "term")
        project.glossary.append(
            GlossaryEntry(
                id=_str(entry, "id") or slug(term),
                term=term,
                definition=_str(entry, "definition"),
                forms=_strs(entry, "forms"),
                sources=_strs(entry, "sources"),
                loc=Loc(GLOSSARY_FILE, line_of(entry)),
            )
        )


def _load_sources(project: Project, problems: list[Problem]) -> None:
    path = project.root / SOURCES_FILE
    if not path.exists():
        problems.append(Problem(SOURCES_FILE, 0, "the sources registry is missing; every page names its sources from it"))
        return
    data = _read_yaml(path, project, problems)
    if data is None:
        return
    project.raw_documents.append((SOURCES_FILE, "sources", data))
    for entry in _items(data, "sources"):
        if not isinstance(entry, dict):
            continue
        year = entry.get("year")
        project.sources.append(
            Source(
                id=_str(entry, "id"),
                title=_str(entry, "title"),
                authors=_strs(entry, "authors"),
                publisher=_str(entry, "publisher"),
                year=year if isinstance(year, int) and not isinstance(year, bool) else None,
                kind=_str(entry, "kind"),
                url=_str(entry, "url"),
                note=_str(entry, "note"),
                loc=Loc(SOURCES_FILE, line_of(entry)),
            )
        )
