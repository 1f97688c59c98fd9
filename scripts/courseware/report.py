"""``courseware report``: what needs an author's attention, beyond errors.

Procedures and standards past or near their review date, objectives that no question tests or
no lesson teaches, modules missing from every learning path, pages not yet translated or whose
Hebrew changed after the translation was made, and skeletons still to be filled in.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from .generate import learning_paths
from .load import load_project
from .model import DEFAULT_LANGUAGE, LANGUAGES
from .scaffold import unfinished
from .validate import translation_hash


def build_report(root: Path, today: dt.date | None = None, soon_days: int = 60) -> tuple[str, dict]:
    today = today or dt.date.today()
    project, _ = load_project(root)
    data: dict[str, list] = {
        "review_overdue": [],
        "review_soon": [],
        "untested_objectives": [],
        "untaught_objectives": [],
        "modules_off_paths": [],
        "translations_missing": [],
        "translations_stale": [],
        "unfinished": unfinished(root),
    }
    for page in project.default_pages:
        if page.type in ("procedure", "standard") and page.review_by:
            entry = (page.path, page.title, page.review_by.isoformat())
            if page.review_by < today:
                data["review_overdue"].append(entry)
            elif page.review_by <= today + dt.timedelta(days=soon_days):
                data["review_soon"].append(entry)
    for module in project.modules:
        quiz = project.quiz_for(module.id)
        tested = {q.objective for q in quiz.questions} if quiz else set()
        taught = {o for lesson in module.lessons for o in lesson.objectives}
        for objective in module.objectives:
            if objective.id not in tested:
                data["untested_objectives"].append((module.id, objective.id, objective.text))
            if objective.id not in taught:
                data["untaught_objectives"].append((module.id, objective.id, objective.text))
    on_paths = {m.id for path in learning_paths(project) for m in path.modules}
    data["modules_off_paths"] = [(m.id, m.audience, m.level) for m in project.modules if m.id not in on_paths]
    translations = {(p.site_path, p.lang): p for p in project.pages if p.lang != DEFAULT_LANGUAGE}
    for page in project.default_pages:
        current = translation_hash(page.text)
        for lang in LANGUAGES:
            if lang == DEFAULT_LANGUAGE:
                continue
            translation = translations.get((page.site_path, lang))
            if not translation:
                data["translations_missing"].append((page.path, lang, current))
            elif str(translation.meta.get("translation_of", "")) != current:
                data["translations_stale"].append((translation.path, page.path, current))
    return _format(data, soon_days), data


def _format(data: dict, soon_days: int) -> str:
    out = []

    def section(title: str, rows: list, fmt, empty: str):
        out.append(f"{title} ({len(rows)})")
        out.extend(f"  {fmt(r)}" for r in rows)
        if not rows:
            out.append(f"  {empty}")
        out.append("")

    section("Review date passed", data["review_overdue"], lambda r: f"{r[0]}: {r[1]} (review by {r[2]})", "none")
    section(f"Review due within {soon_days} days", data["review_soon"], lambda r: f"{r[0]}: {r[1]} (review by {r[2]})", "none")
    section("Objectives no question tests", data["untested_objectives"], lambda r: f"{r[0]}: {r[1]} ({r[2]})", "none")
    section("Objectives no lesson teaches", data["untaught_objectives"], lambda r: f"{r[0]}: {r[1]} ({r[2]})", "none")
    section("Modules missing from every path", data["modules_off_paths"], lambda r: f"{r[0]} (audience {r[1] or '?'}, level {r[2] or '?'})", "none")
    section(
        "Translations stale (the Hebrew changed since)",
        data["translations_stale"],
        lambda r: f"{r[0]}: update it from {r[1]}, then set translation_of: \"{r[2]}\"",
        "none",
    )
    section(
        "Pages not yet translated",
        data["translations_missing"],
        lambda r: f"{r[0]} -> {r[1]} (write {Path(r[0]).with_suffix('').as_posix()}.{r[1]}.md with translation_of: \"{r[2]}\")",
        "none",
    )
    section("Skeletons still to fill in (lines marked ✎)", data["unfinished"], str, "none")
    return "\n".join(out).rstrip() + "\n"



