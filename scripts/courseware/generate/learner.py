"""What the learner's script needs: the catalogue of modules, lessons, quizzes and paths (a JSON
file the site serves itself), and the "my learning" page."""

from __future__ import annotations

import json
import posixpath

from ..model import Project
from .common import CATALOG_PATH, GeneratedPage, front_matter, learner_hook, relative_md, site_url
from .course import QUIZ_TITLE
from .ordering import learning_paths
from .paths import path_title

MY_LEARNING = "my-learning.md"
PRIVACY = "about/privacy.md"


def _from_catalog(site_path: str) -> str:
    """A page's URL relative to the catalogue file, which the script resolves it against."""
    return posixpath.relpath(site_url(site_path) or ".", posixpath.dirname(CATALOG_PATH)).rstrip("/") + "/"


def catalog_json(project: Project) -> str:
    modules = []
    for module in project.modules:
        quiz = project.quiz_for(module.id)
        modules.append(
            {
                "id": module.id,
                "title": module.title,
                "url": _from_catalog(module.site_path),
                "audience": module.audience,
                "level": module.level,
                "minutes": module.minutes,
                "lessons": [
                    {"id": lesson.stem, "title": lesson.title, "url": _from_catalog(lesson.site_path)}
                    for lesson in module.lessons
                ],
                "quiz": {
                    "title": QUIZ_TITLE,
                    "url": _from_catalog(module.quiz_site_path),
                    "pass_mark": quiz.pass_mark,
                    "questions": len(quiz.questions),
                }
                if quiz
                else None,
            }
        )
    paths = [
        {
            "id": path.id,
            "title": path_title(path),
            "url": _from_catalog(path.site_path),
            "audience": path.audience,
            "level": path.level,
            "modules": [m.id for m in path.modules],
        }
        for path in learning_paths(project)
        if path.modules
    ]
    data = {"version": 1, "mine": _from_catalog(MY_LEARNING), "modules": modules, "paths": paths}
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def my_learning_page(project: Project) -> GeneratedPage:
    here = MY_LEARNING
    title = "הלמידה שלי"
    intro = (
        "כאן רואים את כל מה שלמדתם באתר: המסלולים, הלומדות, השיעורים שסימנתם כנקראו והציונים בבחנים. "
        "המידע נשמר רק בדפדפן הזה, ואפשר להעביר אותו למכשיר אחר בקובץ."
    )
    if any(page.site_path == PRIVACY for page in project.default_pages):
        intro += f" [מה נשמר ואיפה]({relative_md(here, PRIVACY)})"
    lines = [
        f"# {title}",
        "",
        intro,
        "",
        '<noscript><p class="cw-noscript">כדי לראות כאן את ההתקדמות שלכם צריך דפדפן שמריץ JavaScript. '
        "את הלומדות עצמן אפשר ללמוד גם בלעדיו.</p></noscript>",
        "",
        learner_hook(here, "mine"),
        "",
    ]
    meta = front_matter(title, cw_kind="mine", hide=["toc"])
    return GeneratedPage(here, title, "mine", meta + "\n".join(lines))
