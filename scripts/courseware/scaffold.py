"""``courseware new``: commented skeletons of new content files, written from templates.

A skeleton is valid as written (``courseware check`` passes) so that the site keeps building;
lines marked ✎ are the author's to replace, and ``courseware report`` lists files that still
have them. Nothing is ever overwritten.
"""

from __future__ import annotations

import datetime as dt
import re
from importlib import resources
from pathlib import Path
from string import Template

from .load import load_project

ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
MARKER = "✎"


class ScaffoldError(Exception):
    pass


def _template(name: str) -> Template:
    return Template(resources.files("courseware").joinpath("scaffolds", name).read_text(encoding="utf-8"))


def _write(path: Path, text: str, root: Path) -> str:
    if path.exists():
        raise ScaffoldError(f"{path.relative_to(root)} already exists; nothing was written")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path.relative_to(root).as_posix()


def scaffold(root: Path, kind: str, new_id: str, module_id: str | None = None, title: str | None = None) -> list[str]:
    if not ID.match(new_id):
        raise ScaffoldError(f"'{new_id}' is not a valid id: use lowercase English letters, digits and dashes")
    project, _ = load_project(root)
    source = project.sources[0].id if project.sources else "add-a-source"
    today = dt.date.today()
    values = {
        "id": new_id,
        "title": title or f"{MARKER} כותרת",
        "source": source,
        "today": today.isoformat(),
        "review": (today + dt.timedelta(days=365)).isoformat(),
    }
    if kind == "module":
        folder = root / "modules" / new_id
        if folder.exists():
            raise ScaffoldError(f"modules/{new_id} already exists; nothing was written")
        lesson_values = {**values, "title": f"{MARKER} כותרת השיעור הראשון", "objective": "first-objective"}
        return [
            _write(folder / "module.yml", _template("module.yml").safe_substitute(values), root),
            _write(folder / "introduction.md", _template("lesson.md").safe_substitute(lesson_values), root),
        ]
    if kind in ("procedure", "standard"):
        folder = "procedures" if kind == "procedure" else "standards"
        return [_write(root / "docs" / folder / f"{new_id}.md", _template("procedure.md").safe_substitute({**values, "type": kind}), root)]
    module = project.module(module_id or (new_id if kind == "quiz" else ""))
    if not module:
        raise ScaffoldError(f"name an existing module with --module (the modules: {', '.join(m.id for m in project.modules) or 'none yet'})")
    objective = module.objectives[0].id if module.objectives else "first-objective"
    if kind == "lesson":
        text = _template("lesson.md").safe_substitute({**values, "objective": objective, "source": module.sources[0] if module.sources else source})
        written = _write(root / "modules" / module.id / f"{new_id}.md", text, root)
        return [written, f"(add '{new_id}' under 'lessons:' in modules/{module.id}/module.yml to publish it)"]
    if kind == "quiz":
        lesson = module.lessons[0] if module.lessons else None
        ref = f"{module.id}/{lesson.stem}" if lesson else module.id
        sections = [h for h in (lesson.doc.headings if lesson else []) if h.level == 2]
        if sections:
            ref += f"#{sections[0].anchor}"
        text = _template("quiz.yml").safe_substitute({"module": module.id, "objective": objective, "ref": ref})
        return [_write(root / "quizzes" / f"{module.id}.yml", text, root)]
    raise ScaffoldError(f"unknown kind '{kind}'")


def unfinished(root: Path) -> list[str]:
    """Content files that still hold the ✎ marker of a skeleton."""
    found = []
    for folder in ("docs", "modules", "quizzes"):
        for path in sorted((root / folder).rglob("*")) if (root / folder).exists() else []:
            if path.suffix in (".md", ".yml", ".yaml") and MARKER in path.read_text(encoding="utf-8", errors="replace"):
                found.append(path.relative_to(root).as_posix())
    return found

