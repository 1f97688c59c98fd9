"""Validate step: the whole project at once, against its JSON Schemas and its cross-references.

Every problem is reported (not just the first) as a :class:`~courseware.problems.Problem`:
``path:line: message`` in plain language. Errors stop the build; warnings do not.
"""

from __future__ import annotations

import datetime as dt
import difflib
import hashlib
import json
import posixpath
from collections import defaultdict
from functools import cache
from importlib import resources
from typing import Any
from urllib.parse import unquote

from jsonschema import Draft202012Validator, FormatChecker
from jsonschema.exceptions import ValidationError

from .generate import GeneratedPage, decorate_page, find_cycle, generate_site
from .markdown_index import index_markdown, is_external
from .model import DEFAULT_LANGUAGE, TRUE_FALSE_TEXTS, MarkdownDoc, Project
from .problems import WARNING, Problem, sort_problems
from .sourcefile import line_for_path, line_of, split_front_matter, to_json

FOLDER_TYPES = {"procedures": "procedure", "standards": "standard", "reader": "reader"}
TYPE_FOLDERS = {page_type: folder for folder, page_type in FOLDER_TYPES.items()}
TYPE_WORDS = {
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "array": "a list",
    "boolean": "true or false",
    "object": "a block of 'key: value' lines",
}


def validate(project: Project, today: dt.date | None = None, generated: list[GeneratedPage] | None = None) -> list[Problem]:
    today = today or dt.date.today()
    generated = generate_site(project) if generated is None else generated
    problems: list[Problem] = []
    problems += check_schemas(project)
    problems += check_ids(project)
    problems += check_modules(project)
    problems += check_quizzes(project)
    problems += check_sources(project)
    problems += check_pages(project, today, generated)
    problems += check_links(project, generated)
    return sort_problems(problems)


# --- schemas ---------------------------------------------------------------------------------


@cache
def schema(name: str) -> dict:
    text = resources.files("courseware").joinpath("schemas", f"{name}.schema.json").read_text(encoding="utf-8")
    return json.loads(text)


@cache
def _validator(name: str) -> Draft202012Validator:
    return Draft202012Validator(schema(name), format_checker=FormatChecker())


def _schema_for(kind: str, path: str) -> str:
    if kind == "page":
        parts = path.rsplit("/", 1)[-1].split(".")
        if len(parts) >= 3 and parts[-2] in ("en", "ar"):
            return "translation"
    return kind


def check_schemas(project: Project) -> list[Problem]:
    problems = []
    for path, kind, data in project.raw_documents:
        name = _schema_for(kind, path)
        for error in _validator(name).iter_errors(to_json(data)):
            problems.append(Problem(path, line_for_path(data, list(error.absolute_path)), _plain(error, name)))
    return problems


def _field(error: ValidationError) -> str:
    names = [p for p in error.absolute_path if isinstance(p, str)]
    return names[-1] if names else "the file"


def _plain(error: ValidationError, schema_name: str) -> str:
    """A jsonschema error in plain language."""
    field = _field(error)
    kind = error.validator
    if kind == "required":
        missing = [k for k in error.validator_value if k not in (error.instance or {})]
        name = missing[0] if missing else error.message
        where = "" if field == "the file" else f" in '{field}'"
        return f"the field '{name}' is missing{where}"
    if kind == "additionalProperties":
        extra = [k for k in error.instance if k not in error.schema.get("properties", {})]
        known = list(error.schema.get("properties", {}))
        hints = []
        for key in extra:
            close = difflib.get_close_matches(key, known, n=1)
            hints.append(f"'{key}'" + (f" (did you mean '{close[0]}'?)" if close else ""))
        return f"unknown field {', '.join(hints)}; the fields allowed here are: {', '.join(known)}"
    if kind == "type":
        expected = error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
        words = " or ".join(TYPE_WORDS.get(t, t) for t in expected)
        return f"'{field}' must be {words}, not {json.dumps(error.instance, ensure_ascii=False)}"
    if kind == "enum":
        allowed = ", ".join(str(v) for v in error.validator_value)
        return f"'{field}' must be one of: {allowed} (not '{error.instance}')"
    if kind == "const":
        return f"'{field}' must be '{error.validator_value}'"
    if kind == "pattern":
        if field == "ref":
            return f"'ref' must look like <module>/<lesson>#<heading-anchor>, not '{error.instance}'"
        if field == "translation_of":
            return "'translation_of' must be the 12-letter hash that `courseware report` prints for the Hebrew page"
        return f"'{error.instance}' is not a valid id for '{field}': use lowercase English letters, digits and dashes"
    if kind == "format":
        return f"'{field}' must be a real date written YYYY-MM-DD, not '{error.instance}'"
    if kind == "minItems":
        return f"'{field}' must list at least {error.validator_value} item{'s' if error.validator_value > 1 else ''}"
    if kind == "minLength":
        return f"'{field}' is empty"
    if kind == "uniqueItems":
        return f"'{field}' lists the same item twice"
    if kind in ("minimum", "maximum"):
        bound = "at least" if kind == "minimum" else "at most"
        return f"'{field}' must be {bound} {error.validator_value}, not {error.instance}"
    return f"'{field}': {error.message}"


# --- ids ----------------------------------------------------------------------------------------


def _duplicates(items, what: str) -> list[Problem]:
    """items: (id, Loc) pairs. Every id seen twice is reported at its second place."""
    seen: dict[str, Any] = {}
    problems = []
    for item_id, loc in items:
        if not item_id:
            continue
        if item_id in seen:
            problems.append(Problem(loc.path, loc.line, f"duplicate {what} id '{item_id}' (also used at {seen[item_id]})"))
        else:
            seen[item_id] = loc
    return problems


def check_ids(project: Project) -> list[Problem]:
    problems = []
    problems += _duplicates([(m.id, m.loc) for m in project.modules], "module")
    problems += _duplicates([(p.id, p.loc) for p in project.default_pages], "page")
    problems += _duplicates([(s.id, s.loc) for s in project.sources], "source")
    problems += _duplicates([(g.id, g.loc) for g in project.glossary], "glossary term")
    problems += _duplicates([(q.module_id, q.loc) for q in project.quizzes], "question bank for module")
    for module in project.modules:
        problems += _duplicates([(o.id, o.loc) for o in module.objectives], "objective")
    for quiz in project.quizzes:
        problems += _duplicates([(q.id, q.loc) for q in quiz.questions], "question")
    return problems


# --- modules and lessons --------------------------------------------------------------------------


def check_modules(project: Project) -> list[Problem]:
    problems = []
    for module in project.modules:
        folder = module.loc.path.split("/")[-2]
        if module.id != folder:
            problems.append(
                Problem(module.loc.path, module.loc.line, f"the module id '{module.id}' differs from its folder name '{folder}'; make them the same")
            )
        raw = module.raw
        for index, prereq in enumerate(module.prerequisites):
            where = line_of(raw.get("prerequisites"), index) or line_of(raw, "prerequisites")
            if prereq == module.id:
                problems.append(Problem(module.loc.path, where, f"the module lists itself as a prerequisite"))
            elif not project.module(prereq) and prereq not in project.unreadable_modules:
                close = difflib.get_close_matches(prereq, [m.id for m in project.modules], n=1)
                hint = f" (did you mean '{close[0]}'?)" if close else ""
                problems.append(Problem(module.loc.path, where, f"the prerequisite '{prereq}' is not a module{hint}"))
        objective_ids = {o.id for o in module.objectives}
        taught: set[str] = set()
        for lesson in module.lessons:
            taught.update(lesson.objectives)
            problems += _check_lesson(lesson, module, objective_ids)
        for objective in module.objectives:
            if objective.id and objective.id not in taught:
                problems.append(
                    Problem(objective.loc.path, objective.loc.line, f"no lesson lists the objective '{objective.id}' under 'objectives'", WARNING)
                )
    cycle = find_cycle(project)
    if cycle:
        first = project.module(cycle[0])
        problems.append(
            Problem(first.loc.path, line_of(first.raw, "prerequisites"), f"the prerequisites form a cycle: {' → '.join(cycle)}")
        )
    return problems


def _check_lesson(lesson, module, objective_ids: set[str]) -> list[Problem]:
    problems = []
    raw = lesson.raw if isinstance(lesson.raw, dict) else {}
    for index, objective in enumerate(lesson.objectives):
        if objective not in objective_ids:
            where = line_of(raw.get("objectives"), index) or line_of(raw, "objectives")
            problems.append(
                Problem(lesson.loc.path, where, f"the objective '{objective}' is not one of the module's objectives ({', '.join(sorted(objective_ids)) or 'none'})")
            )
    declared = raw.get("module")
    if isinstance(declared, str) and declared != module.id:
        problems.append(Problem(lesson.loc.path, line_of(raw, "module"), f"the lesson says it belongs to '{declared}' but it sits in module '{module.id}'"))
    problems += _check_headings(lesson.loc.path, lesson.doc)
    return problems


def _check_headings(path: str, doc: MarkdownDoc) -> list[Problem]:
    problems = []
    h1s = [h for h in doc.headings if h.level == 1]
    for extra in h1s[1:]:
        problems.append(Problem(path, extra.line, "a page has one title (# heading); make this a ## section"))
    previous = 1
    for heading in doc.headings:
        if heading.level > previous + 1:
            problems.append(
                Problem(path, heading.line, f"the heading skips a level (from {'#' * previous} to {'#' * heading.level}); screen-reader users navigate by levels")
            )
        previous = heading.level
    return problems


# --- quizzes --------------------------------------------------------------------------------------


def check_quizzes(project: Project) -> list[Problem]:
    problems = []
    tested: dict[str, set[str]] = defaultdict(set)
    for quiz in project.quizzes:
        module = project.module(quiz.module_id)
        file_stem = quiz.loc.path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
        if not module:
            if quiz.module_id not in project.unreadable_modules:
                problems.append(Problem(quiz.loc.path, quiz.loc.line, f"the question bank is for module '{quiz.module_id}', which does not exist"))
            continue
        if file_stem != quiz.module_id:
            problems.append(Problem(quiz.loc.path, quiz.loc.line, f"name the file {quiz.module_id}.yml, after its module"))
        for question in quiz.questions:
            tested[module.id].add(question.objective)
            problems += _check_question(question, module, project)
    for module in project.modules:
        if not project.quiz_for(module.id):
            problems.append(Problem(module.loc.path, module.loc.line, f"the module has no question bank (quizzes/{module.id}.yml)", WARNING))
        for objective in module.objectives:
            if objective.id and objective.id not in tested[module.id]:
                problems.append(Problem(objective.loc.path, objective.loc.line, f"no question tests the objective '{objective.id}'", WARNING))
    return problems


def _check_question(question, module, project: Project) -> list[Problem]:
    problems = []
    where = question.loc
    correct = len(question.correct_indexes)
    if question.options and correct == 0:
        problems.append(Problem(where.path, where.line, f"question '{question.id}' has no correct option"))
    if question.type == "single" and correct > 1:
        problems.append(Problem(where.path, where.line, f"question '{question.id}' is single-choice but has {correct} correct options; make it 'multiple' or keep one"))
    if question.type == "true_false":
        texts = sorted(o.text for o in question.options)
        if len(question.options) != 2 or texts != sorted(TRUE_FALSE_TEXTS):
            problems.append(Problem(where.path, where.line, f"a true_false question has exactly two options, '{TRUE_FALSE_TEXTS[0]}' and '{TRUE_FALSE_TEXTS[1]}'"))
        elif correct != 1:
            problems.append(Problem(where.path, where.line, f"question '{question.id}': exactly one of 'נכון' and 'לא נכון' is correct"))
    seen = set()
    for option in question.options:
        if option.text in seen:
            problems.append(Problem(option.loc.path, option.loc.line, f"question '{question.id}' has the same option twice"))
        seen.add(option.text)
    if question.objective and not module.objective(question.objective):
        problems.append(
            Problem(where.path, where.line, f"question '{question.id}' tests '{question.objective}', which is not an objective of module '{module.id}'")
        )
    if question.ref:
        problems += _check_ref(question, module, project)
    return problems


def _check_ref(question, module, project: Project) -> list[Problem]:
    where = question.loc
    ref, _, anchor = question.ref.partition("#")
    module_id, _, stem = ref.rpartition("/")
    owner = project.module(module_id) if module_id else module
    if not owner:
        if module_id in project.unreadable_modules:
            return []
        return [Problem(where.path, where.line, f"question '{question.id}': ref '{question.ref}' names module '{module_id}', which does not exist")]
    lesson = next((l for l in owner.lessons if l.stem == stem), None)
    if not lesson:
        stems = ", ".join(l.stem for l in owner.lessons) or "none"
        return [Problem(where.path, where.line, f"question '{question.id}': ref '{question.ref}' names lesson '{stem}', which module '{owner.id}' does not have (its lessons: {stems})")]
    if not anchor:
        return [Problem(where.path, where.line, f"question '{question.id}': ref '{question.ref}' should end with #<heading-anchor> of the section that teaches it", WARNING)]
    if anchor not in lesson.doc.ids:
        anchors = ", ".join(h.anchor for h in lesson.doc.headings if h.level > 1)
        return [Problem(where.path, where.line, f"question '{question.id}': lesson '{lesson.ref}' has no section '#{anchor}' (its sections: {anchors})")]
    return []


# --- sources ------------------------------------------------------------------------------------


def check_sources(project: Project) -> list[Problem]:
    known = {s.id for s in project.sources}
    problems = []

    def check(ids, raw, path, default_line):
        node = raw.get("sources") if isinstance(raw, dict) else None
        for index, source_id in enumerate(ids):
            if source_id not in known:
                line = line_of(node, index) or line_of(raw, "sources") or default_line
                close = difflib.get_close_matches(source_id, sorted(known), n=1)
                hint = f" (did you mean '{close[0]}'?)" if close else ""
                problems.append(Problem(path, line, f"unknown source '{source_id}': it is not in data/sources.yml{hint}"))

    for module in project.modules:
        check(module.sources, module.raw, module.loc.path, module.loc.line)
        for lesson in module.lessons:
            check(lesson.sources, lesson.raw, lesson.loc.path, 1)
    for page in project.pages:
        check(page.sources, page.meta, page.path, 1)
    for entry in project.glossary:
        for source_id in entry.sources:
            if source_id not in known:
                problems.append(Problem(entry.loc.path, entry.loc.line, f"unknown source '{source_id}' for the term '{entry.term}'"))
    return problems


# --- pages --------------------------------------------------------------------------------------


def translation_hash(text: str) -> str:
    """The hash a translation records of the Hebrew page it was made from."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def check_pages(project: Project, today: dt.date, generated: list[GeneratedPage]) -> list[Problem]:
    problems = []
    generated_paths = {g.site_path for g in generated}
    hebrew = {p.site_path: p for p in project.default_pages}
    for page in project.pages:
        meta = page.meta if isinstance(page.meta, dict) else {}
        problems += _check_headings(page.path, page.doc)
        if page.lang != DEFAULT_LANGUAGE:
            if page.site_path not in hebrew:
                problems.append(Problem(page.path, 1, f"this translation has no Hebrew page {page.site_path} to translate"))
            continue
        if page.site_path in generated_paths:
            problems.append(
                Problem(page.path, 1, f"the build generates {page.site_path} itself; this hand-written page would replace it. Remove or rename it")
            )
        folder = page.site_path.split("/", 1)[0] if "/" in page.site_path else ""
        expected = FOLDER_TYPES.get(folder)
        if expected and page.type != expected and "type" in meta:
            problems.append(Problem(page.path, line_of(meta, "type"), f"a page in docs/{folder}/ must have type: {expected}"))
        if page.type in TYPE_FOLDERS and folder != TYPE_FOLDERS[page.type]:
            problems.append(Problem(page.path, line_of(meta, "type"), f"a page of type {page.type} belongs in docs/{TYPE_FOLDERS[page.type]}/"))
        for index, module_id in enumerate(page.related_modules):
            if not project.module(module_id) and module_id not in project.unreadable_modules:
                line = line_of(meta.get("related_modules"), index) or line_of(meta, "related_modules")
                problems.append(Problem(page.path, line, f"related module '{module_id}' does not exist"))
        if page.review_by and page.type in ("procedure", "standard"):
            if page.review_by < today:
                problems.append(
                    Problem(page.path, line_of(meta, "review_by"), f"the review date {page.review_by.isoformat()} has passed: review the page and set a new date", WARNING)
                )
            if page.approved and page.approved > page.review_by:
                problems.append(Problem(page.path, line_of(meta, "approved"), "the approval date is after the review date"))
    problems += _duplicates([(p.chapter, p.loc) for p in project.pages_of("reader") if p.chapter], "reader chapter")
    return problems


# --- links --------------------------------------------------------------------------------------


def site_anchors(project: Project, generated: list[GeneratedPage]) -> dict[str, set[str]]:
    """Every page of the built site (hand-written and generated) with the anchors it has."""
    index: dict[str, set[str]] = {}
    for page in generated:
        _, body, _ = split_front_matter(page.text)
        index[page.site_path] = index_markdown(body).ids
    for page in project.default_pages:
        index[page.site_path] = index_markdown(decorate_page(page, project, page.doc.body)).ids
    return index


def check_links(project: Project, generated: list[GeneratedPage]) -> list[Problem]:
    index = site_anchors(project, generated)
    problems = []
    docs = [(p.path, p.site_path, p.doc) for p in project.pages]
    docs += [(l.loc.path, l.site_path, l.doc) for m in project.modules for l in m.lessons]
    for path, site_path, doc in docs:
        own = index.get(site_path, doc.ids)
        for link in doc.links:
            message = _check_link(link.target, site_path, own, index, project)
            if message:
                problems.append(Problem(path, link.line, message))
    return problems


def _check_link(target: str, site_path: str, own: set[str], index: dict[str, set[str]], project: Project) -> str | None:
    if is_external(target):
        return None
    raw_path, _, raw_anchor = target.partition("#")
    path, anchor = unquote(raw_path), unquote(raw_anchor)
    if not path:
        if anchor and anchor not in own:
            return f"the link '#{anchor}' points to a section this page does not have"
        return None
    resolved = posixpath.normpath(posixpath.join(posixpath.dirname(site_path), path))
    if resolved.startswith(".."):
        return f"the link '{target}' points outside the site"
    if path.endswith(".md"):
        if resolved in project.unreadable:
            return None  # its own problem is reported already
        if resolved not in index:
            close = difflib.get_close_matches(resolved, list(index), n=1)
            hint = f" (did you mean {close[0]}?)" if close else ""
            return f"the link '{target}' points to {resolved}, which is not a page of the site{hint}"
        if anchor and anchor not in index[resolved]:
            return f"the link '{target}' points to a section '#{anchor}' that {resolved} does not have"
        return None
    if path.endswith("/") or "." not in posixpath.basename(path):
        return f"the link '{target}' points to a folder; link to the page's .md file instead (e.g. {path.rstrip('/')}/index.md)"
    for base in ("docs", "overrides"):
        if (project.root / base / resolved).is_file():
            return None
    return f"the link '{target}' points to a file that does not exist ({resolved})"
